import { exactSum } from './sum.js';

// 2^830 and 2^-830: rescaling by an exact power of two moves no digits.
const BIG = 2 ** 830;
const SMALL = 2 ** -830;

/**
 * Returns Σ_{i=0}^{last} term_i where term_0 = exp(logFirst) and term_{i+1} = term_i·ratio(i),
 * without premature overflow or underflow (an internal kernel of the standby formulas).
 *
 * $$
 * S = e^{\ell}\sum_{i=0}^{m}\prod_{j=0}^{i-1}\rho_j
 * $$
 *
 * - ℓ: `logFirst`, the natural log of the first term
 * - ρ_j: `ratio(j)`, term_{j+1}/term_j, a finite number ≥ 0
 * - m: `last`, the index of the last term, an integer ≥ 0
 *
 * @param logFirst - natural log of the first term, finite or −Infinity
 * @param ratio - ratio of consecutive terms, ≥ 0
 * @param last - index of the last term, integer ≥ 0
 * @returns the sum, ≥ 0
 *
 * @remarks
 * The running product is kept in linear space, rescaled by 2^±830 when it leaves
 * [2^−830, 2^830], so term i carries a relative error of about i·ε; the scale is folded into
 * the exponent only at the end, so a first term of e^−1000 with a peak term near 1 keeps its
 * digits. The final exp adds a relative error of about ε·|log S|. Cost O(last) time and memory.
 * Preconditions (not checked): ratio(i) finite and ≥ 0.
 */
export function sumPositiveSeries(
  logFirst: number,
  ratio: (i: number) => number,
  last: number,
): number {
  if (logFirst === -Infinity) return 0;
  const terms: number[] = [1];
  let term = 1;
  let shift = 0; // the stored terms are the true terms times 2^(−830·shift)·e^(−logFirst)
  for (let i = 0; i < last; i++) {
    term *= ratio(i);
    if (term === 0) break; // the rest are 0 too: ratios are finite
    if (term > BIG) {
      term *= SMALL;
      for (const [j, stored] of terms.entries()) terms[j] = stored * SMALL;
      shift += 1;
    }
    terms.push(term);
  }
  const sum = exactSum(terms);
  const logScale = logFirst + shift * 830 * Math.LN2;
  // Multiply in linear space while e^logScale is representable; otherwise add the logarithms.
  if (logScale > -700 && logScale < 700) return Math.exp(logScale) * sum;
  return Math.exp(logScale + Math.log(sum));
}
