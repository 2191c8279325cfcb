import { coverProbability } from './coverProbability.js';
import type { DurabilityInput } from './durabilityInput.js';
import { birthDeathTransitions, type LossChain } from './lossChain.js';

/**
 * Beyond this share of the loss flow, the chain is cut: a failure in its last state counts as a
 * loss (conservative).
 */
const TRUNCATION = 1e-15;

/**
 * Returns the cluster's combinatorial loss chain: the number j of disks failed at once, each
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
 * @param input - the cluster
 * @returns the chain on j = 0 … J
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
 * The chain ends at the first J where h_{J+1} = 1, or where the flow up out of J, w_J·up_J
 * with w_j = Π_{i<j} up_i/down_{i+1} the occupancy of j relative to 0 while no loss has
 * happened, is at most 1e-15 of the loss flow Σ_{i≤J} w_i·loss_i; a failure in J then counts as a
 * loss, which shortens the MTTDL by about that share at most.
 *
 * @see A. Cidon et al., Copysets: reducing the frequency of data loss in cloud storage, USENIX
 * ATC 2013, https://www.usenix.org/conference/atc13/technical-sessions/presentation/cidon;
 * V. Venkatesan, I. Iliadis, X.-Y. Hu, R. Haas, C. Fragouli, Effect of replica placement on the
 * reliability of large-scale data storage systems, IEEE MASCOTS 2010,
 * https://doi.org/10.1109/MASCOTS.2010.17 (paywalled).
 */
export function clusterChain(input: DurabilityInput): LossChain {
  const { disks, groups, width, tolerated, failureRate } = input;
  const mu = 1 / input.rebuildTime;
  const crews = input.concurrentRebuilds ?? Infinity;
  const up: number[] = [];
  const down: number[] = [];
  const loss: number[] = [];
  let logU = 0; // log u_j, u_0 = 1
  let weight = 1; // w_j, rescaled with lossFlow to stay in range
  let lossFlow = 0;
  for (let j = 0; j < disks; j++) {
    const nextLogU = groups * Math.log1p(-coverProbability(disks, width, tolerated, j + 1));
    const h = nextLogU === -Infinity ? 1 : -Math.expm1(nextLogU - logU);
    const failures = (disks - j) * failureRate;
    down.push(Math.min(j, crews) * mu);
    lossFlow += weight * failures * h;
    if (h >= 1 || (j > tolerated && weight * failures * (1 - h) <= TRUNCATION * lossFlow)) {
      up.push(0);
      loss.push(failures);
      break;
    }
    up.push(failures * (1 - h));
    loss.push(failures * h);
    weight *= (failures * (1 - h)) / (Math.min(j + 1, crews) * mu);
    if (weight > 1e200) {
      weight /= 1e200;
      lossFlow /= 1e200;
    }
    logU = nextLogU;
  }
  return { transitions: birthDeathTransitions(up, down), loss };
}
