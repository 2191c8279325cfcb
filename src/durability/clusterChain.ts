import type { CtmcTransition } from '../markov/generation/buildCtmc.js';
import { coverProbability, domainCoverProbability, hypergeometricPmf } from './coverProbability.js';
import type { DurabilityInput } from './durabilityInput.js';
import type { LossChain } from './lossChain.js';

/**
 * Beyond this share of the loss flow, the chain is cut: a failure in its last state counts as a
 * loss (conservative).
 */
const TRUNCATION = 1e-15;

/**
 * Returns the cluster's combinatorial loss chain: the number a of racks lost (with
 * `input.domains`) and the number j of disks failed at once in the others, each
 * failure bringing data loss with probability h_{j+1}, the probability that the (j+1)-th disk
 * failed at once brings some placement group to m + 1 lost chunks given that the j before did
 * not.
 *
 * $$
 * u_s = (1 - \pi_s)^P,\qquad h_s = 1 - \frac{u_s}{u_{s-1}}
 *     = -\operatorname{expm1}\bigl(P\,[\operatorname{log1p}(-\pi_s) - \operatorname{log1p}(-\pi_{s-1})]\bigr)
 * $$
 *
 * $$
 * j \to j + 1:\ (D - j)\lambda\,(1 - h_{j+1}),\qquad
 * j \to \text{loss}:\ (D - j)\lambda\,h_{j+1},\qquad
 * j \to j - 1:\ \min(j, c)\,\mu
 * $$
 *
 * - π_s: {@link coverProbability}, the chance that s random failed disks hold m + 1 chunks of one
 *   group; P: groups; u_s: the chance that they hold m + 1 chunks of no group
 * - D: disks; λ: disk failure rate; μ = 1/T_r; c: concurrent rebuilds (∞ by default)
 *
 * With racks (R of d = D/R disks; shocks at λ_R per rack, restores at μ_R): in state (a, j) disks
 * fail at ((R − a)d − j)λ, and π_s becomes π(a, s) ({@link domainCoverProbability}); a rack shock
 * at (R − a)λ_R takes the state to (a + 1, j − k), k ~ Hyp((R − a)d, d, j) of the failed disks
 * being in that rack, losing data with probability 1 − u(a + 1, j − k)/u(a, j); a restore at aμ_R
 * to (a − 1, j).
 *
 * @param input - the cluster
 * @returns the chain on (a, j), state 0 = (0, 0), layer by layer
 *
 * @remarks
 * An approximation: the failed set at each failure is taken as a uniformly random set of its
 * size that covers no group, forgetting which disks of the fixed placement have been failed
 * before (exact counts, approximate loss probabilities). The simulator of the actual cluster
 * checks it (test/durability). See docs/data-systems.md, "Cluster scale". u_s treats the P
 * groups as independent given the failed set, which is exact when each group's w disks are drawn
 * independently and uniformly, and an approximation (Jensen's gap of E_S[(1 − p(S))^P] against
 * (1 − E p(S))^P, second order in P·π_s) when the placement spreads a group over distinct hosts
 * or racks.
 *
 * Each layer ends at the first J where h_{J+1} = 1, or where the flow up out of J, w_J·up_J
 * with w_j = Π_{i<j} up_i/down_{i+1} the occupancy of j relative to 0 while no loss has
 * happened, is at most 1e-15 of the loss flow Σ w_i·loss_i; a failure in J then counts as a loss,
 * which shortens the MTTDL by about that share at most. Layers end likewise, when the flow of rack
 * shocks out of the last is at most 1e-15 of the loss flow (the layer weights taken as for
 * independent racks); a shock or restore into a state beyond the chain counts as a loss.
 *
 * @see A. Cidon et al., Copysets: reducing the frequency of data loss in cloud storage, USENIX
 * ATC 2013, https://www.usenix.org/conference/atc13/technical-sessions/presentation/cidon;
 * V. Venkatesan, I. Iliadis, X.-Y. Hu, R. Haas, C. Fragouli, Effect of replica placement on the
 * reliability of large-scale data storage systems, IEEE MASCOTS 2010,
 * https://doi.org/10.1109/MASCOTS.2010.17 (paywalled).
 */
export function clusterChain(input: DurabilityInput): LossChain {
  const { disks, tolerated, failureRate } = input;
  const domains = input.domains;
  const mu = 1 / input.rebuildTime;
  const crews = input.concurrentRebuilds ?? Infinity;
  const racks = domains?.racks ?? 1;
  const perRack = disks / racks;
  const shockRate = domains?.failureRate ?? 0;
  const restoreRate = domains === undefined ? 0 : 1 / domains.restoreTime;
  const logU = memoLogU(input);
  /** h: the probability that going from failed set (a, s) to (a2, s2) loses data. */
  const hazard = (a: number, s: number, a2: number, s2: number): number => {
    const next = logU(a2, s2);
    return next === -Infinity ? 1 : -Math.expm1(next - logU(a, s));
  };

  // The layers a = 0, 1, … (racks lost) and, in each, the failed disks j = 0 … last[a].
  const last: number[] = [];
  let lossFlow = 0;
  let layerWeight = 1; // ∏ (R − i)λ_R / ((i + 1)μ_R): racks lost, as if independent
  for (let a = 0; a <= racks; a++) {
    const upDisks = disks - a * perRack;
    let weight = layerWeight;
    let shockFlow = 0;
    let j = 0;
    for (; j < upDisks; j++) {
      const failures = (upDisks - j) * failureRate;
      const h = hazard(a, j, a, j + 1);
      lossFlow += weight * failures * h;
      shockFlow += weight * (racks - a) * shockRate;
      if (h >= 1 || (j > tolerated && weight * failures * (1 - h) <= TRUNCATION * lossFlow)) break;
      weight *= (failures * (1 - h)) / (Math.min(j + 1, crews) * mu);
    }
    last.push(Math.min(j, upDisks));
    if (shockRate === 0 || a === racks || shockFlow <= TRUNCATION * lossFlow) break;
    layerWeight *= ((racks - a) * shockRate) / ((a + 1) * restoreRate);
  }

  const offset: number[] = [];
  let count = 0;
  for (const top of last) {
    offset.push(count);
    count += top + 1;
  }
  const index = (a: number, j: number): number | undefined =>
    a < last.length && j <= last[a]! ? offset[a]! + j : undefined; // a < last.length: in range
  const transitions: CtmcTransition[] = [];
  const loss = new Array<number>(count).fill(0);
  const move = (from: number, to: number | undefined, rate: number, h: number): void => {
    if (rate <= 0) return;
    if (to === undefined || h >= 1) {
      loss[from]! += rate; // from < count: an index of the layout above
      return;
    }
    loss[from]! += rate * h;
    if (h < 1) transitions.push({ from, to, rate: rate * (1 - h) });
  };
  last.forEach((top, a) => {
    const upDisks = disks - a * perRack;
    for (let j = 0; j <= top; j++) {
      const from = offset[a]! + j; // a indexes last, offset has one entry per layer
      const failures = (upDisks - j) * failureRate;
      move(from, j < top ? from + 1 : undefined, failures, j < top ? hazard(a, j, a, j + 1) : 1);
      if (j > 0) transitions.push({ from, to: from - 1, rate: Math.min(j, crews) * mu });
      if (a > 0) move(from, index(a - 1, j), a * restoreRate, 0);
      const shocks = (racks - a) * shockRate;
      if (shocks === 0) continue;
      for (let k = 0; k <= Math.min(j, perRack); k++) {
        const share = hypergeometricPmf(upDisks, perRack, j, k);
        const to = index(a + 1, j - k);
        move(from, to, shocks * share, to === undefined ? 1 : hazard(a, j, a + 1, j - k));
      }
    }
  });
  return { transitions, loss };
}

/** log u(a, s) = P log(1 − π(a, s)), memoised (−∞ when π = 1). */
function memoLogU(input: DurabilityInput): (a: number, s: number) => number {
  const { disks, groups, width, tolerated, domains } = input;
  const memo = new Map<number, number>();
  return (a, s) => {
    const key = a * (disks + 1) + s;
    let value = memo.get(key);
    if (value === undefined) {
      const pi =
        domains === undefined || a === 0
          ? coverProbability(disks, width, tolerated, s)
          : domainCoverProbability(disks, width, tolerated, domains.racks, domains.placement, a, s);
      value = groups * Math.log1p(-pi);
      memo.set(key, value);
    }
    return value;
  };
}
