import { ParameterError, checkInteger, checkProbability } from '../../errors.js';
import { kOutOfNReliability } from './kOutOfNReliability.js';

/**
 * Returns the reliability of N-modular redundancy: n identical modules voted by majority, in
 * series with one voter.
 *
 * $$
 * R_{\mathrm{NMR}} = R_v\sum_{i=(n+1)/2}^{n}\binom{n}{i} r^{i}(1-r)^{n-i}
 * $$
 *
 * - n: `n`, number of modules, odd integer ≥ 1
 * - r: `reliability`, probability that one module works
 * - R_v: `voterReliability`, probability that the voter works
 *
 * @param n - number of modules, odd integer ≥ 1
 * @param reliability - module reliability, probability in [0, 1]
 * @param voterReliability - voter reliability, probability in [0, 1]; default 1 (perfect voter)
 * @returns system reliability, a probability in [0, 1]
 *
 * @throws {@link ParameterError} when n is not an odd integer ≥ 1, or reliability or
 * voterReliability is not a probability in [0, 1].
 *
 * @remarks
 * Independent modules, a majority (n + 1)/2 must work; the voter is a single point of failure.
 * Uses {@link kOutOfNReliability} (error ≤ about n·3ε). n = 1 is a single module (simplex),
 * n = 3 is {@link tmrReliability}. Cost O(n).
 *
 * @see D. P. Siewiorek, R. S. Swarz, Reliable Computer Systems: Design and Evaluation, 3rd
 * ed., A K Peters, 1998, Ch. 5 (evaluation criteria: NMR; paywalled); NIST/SEMATECH
 * e-Handbook §8.1.8.4, https://www.itl.nist.gov/div898/handbook/apr/section1/apr184.htm
 *
 * @example
 * ```ts
 * nmrReliability(5, 0.9); // → ~0.99144
 * nmrReliability(3, 0.9, 0.99); // → ~0.96228
 * ```
 */
export function nmrReliability(n: number, reliability: number, voterReliability = 1): number {
  const where = 'nmrReliability';
  checkInteger(where, 'n', n, 1);
  if (n % 2 === 0) throw new ParameterError(where, 'n', 'be an odd integer >= 1', n);
  checkProbability(where, 'reliability', reliability);
  checkProbability(where, 'voterReliability', voterReliability);
  return voterReliability * kOutOfNReliability((n + 1) / 2, n, reliability);
}
