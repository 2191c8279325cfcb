import type { CtmcTransition } from '../markov/generation/buildCtmc.js';
import { coverProbability, domainCoverProbability, hypergeometricPmf } from './coverProbability.js';
import { hierarchy, latentRebuildLoss, type DurabilityInput } from './durabilityInput.js';
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
 * With a shared rebuild bandwidth μ_B (disks per time unit in all), rebuilds go at
 * min(j, c, μ_B/μ)μ: exact for exponential rebuild work shared equally (memoryless).
 *
 * With latent sector errors, a rebuild j → j − 1 loses data with probability
 * 1 − (1 − q·Hyp(D − 1, w − 1, j − 1, m − 1))^{P·w/D}: some group of the rebuilt disk had no
 * redundancy left and meets a latent error on a chunk it reads (q: {@link latentRebuildLoss}).
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
  const { tolerated, failureRate } = input;
  const h = hierarchy(input);
  const mu = 1 / input.rebuildTime;
  const crews = input.concurrentRebuilds ?? Infinity;
  const shared = input.sharedRebuildRate ?? Infinity; // μ_B: j rebuilds go at min(j, c, μ_B/μ)μ
  const { racks, hostsPerRack, disksPerHost, rackRate, rackRestore, hostRestore } = h;
  const hostRate = h.hostFailure === 'loss' ? h.hostRate : 0; // outages lose no data
  const logU = memoLogU(input);
  /** h: the probability that going from failed set (a, b, s) to (a2, b2, s2) loses data. */
  const hazard = (a: number, b: number, s: number, a2: number, b2: number, s2: number): number => {
    const next = logU(a2, b2, s2);
    // Clamped at 0: a shock can gather lost hosts and disks into a lost rack that, by the
    // placement, holds fewer chunks of any one group than the same number of scattered units.
    return next === -Infinity ? 1 : Math.max(0, -Math.expm1(next - logU(a, b, s)));
  };
  /** Hosts up in the racks that are up, disks in them: H', and N with b hosts lost. */
  const upHosts = (a: number): number => (racks - a) * hostsPerRack;
  const upDisks = (a: number, b: number): number => (upHosts(a) - b) * disksPerHost;
  const q = latentRebuildLoss(input);
  const chunksPerDisk = (input.groups * input.width) / input.disks;
  /**
   * The probability that a rebuild finishing among j failed disks meets a latent error in a group
   * with no redundancy left: each of the disk's P·w/D groups has its m − 1 other lost chunks among
   * the j − 1 other failed disks with probability Hyp(D − 1, w − 1, j − 1, m − 1), and then fails
   * to read with probability q.
   */
  const latentHazard = (j: number): number => {
    if (q === 0 || tolerated === 0) return 0; // m = 0: the first failure already lost data
    const critical = hypergeometricPmf(input.disks - 1, input.width - 1, j - 1, tolerated - 1);
    return -Math.expm1(chunksPerDisk * Math.log1p(-q * critical));
  };

  // The layers (a, b) (racks lost, hosts lost in the others) and, in each, the failed disks
  // j = 0 … top.
  const layers: { a: number; b: number; top: number; offset: number }[] = [];
  const layerOf = new Map<number, number>();
  const layerKey = (a: number, b: number): number => a * (h.hosts + 1) + b;
  let count = 0;
  let lossFlow = 0;
  let rackWeight = 1; // ∏ (R − i)λ_R / ((i + 1)μ_R): racks lost, as if independent
  for (let a = 0; a <= racks; a++) {
    let weight0 = rackWeight;
    let rackShockFlow = 0;
    for (let b = 0; b <= upHosts(a); b++) {
      const n = upDisks(a, b);
      let weight = weight0;
      let hostShockFlow = 0;
      let j = 0;
      for (; j < n; j++) {
        const failures = (n - j) * failureRate;
        const hz = hazard(a, b, j, a, b, j + 1);
        lossFlow += weight * failures * hz;
        rackShockFlow += weight * (racks - a) * rackRate;
        hostShockFlow += weight * (upHosts(a) - b) * hostRate;
        if (hz >= 1 || (j > tolerated && weight * failures * (1 - hz) <= TRUNCATION * lossFlow)) {
          break;
        }
        weight *= (failures * (1 - hz)) / (Math.min(j + 1, crews, shared / mu) * mu);
      }
      const top = Math.min(j, n);
      layerOf.set(layerKey(a, b), layers.length);
      layers.push({ a, b, top, offset: count });
      count += top + 1;
      if (hostRate === 0 || b === upHosts(a) || hostShockFlow <= TRUNCATION * lossFlow) break;
      weight0 *= ((upHosts(a) - b) * hostRate) / ((b + 1) * hostRestore);
    }
    if (rackRate === 0 || a === racks || rackShockFlow <= TRUNCATION * lossFlow) break;
    rackWeight *= ((racks - a) * rackRate) / ((a + 1) * rackRestore);
  }

  const index = (a: number, b: number, j: number): number | undefined => {
    const layer = layerOf.get(layerKey(a, b));
    if (layer === undefined) return undefined;
    const { top, offset } = layers[layer]!; // layer is a value of layerOf: an index of layers
    return j <= top ? offset + j : undefined;
  };
  const transitions: CtmcTransition[] = [];
  const loss = new Array<number>(count).fill(0);
  const move = (from: number, to: number | undefined, rate: number, hz: number): void => {
    if (rate <= 0) return;
    if (to === undefined || hz >= 1) {
      loss[from]! += rate; // from < count: an index of the layout above
      return;
    }
    loss[from]! += rate * hz;
    transitions.push({ from, to, rate: rate * (1 - hz) });
  };
  for (const { a, b, top, offset } of layers) {
    const n = upDisks(a, b);
    for (let j = 0; j <= top; j++) {
      const from = offset + j;
      const failures = (n - j) * failureRate;
      move(
        from,
        j < top ? from + 1 : undefined,
        failures,
        j < top ? hazard(a, b, j, a, b, j + 1) : 1,
      );
      if (j > 0) move(from, from - 1, Math.min(j, crews, shared / mu) * mu, latentHazard(j));
      if (a > 0) move(from, index(a - 1, b, j), a * rackRestore, 0);
      if (b > 0) move(from, index(a, b - 1, j), b * hostRestore, 0);
      const hostFailures = (upHosts(a) - b) * hostRate;
      if (hostFailures > 0) {
        for (let k = 0; k <= Math.min(j, disksPerHost); k++) {
          const share = hypergeometricPmf(n, disksPerHost, j, k);
          const to = index(a, b + 1, j - k);
          move(
            from,
            to,
            hostFailures * share,
            to === undefined ? 1 : hazard(a, b, j, a, b + 1, j - k),
          );
        }
      }
      const shocks = (racks - a) * rackRate;
      if (shocks === 0) continue;
      for (let y = 0; y <= Math.min(b, hostsPerRack); y++) {
        const lostHosts = hypergeometricPmf(upHosts(a), hostsPerRack, b, y);
        if (lostHosts === 0) continue;
        const rackDisks = (hostsPerRack - y) * disksPerHost;
        for (let k = 0; k <= Math.min(j, rackDisks); k++) {
          const share = lostHosts * hypergeometricPmf(n, rackDisks, j, k);
          const to = index(a + 1, b - y, j - k);
          move(
            from,
            to,
            shocks * share,
            to === undefined ? 1 : hazard(a, b, j, a + 1, b - y, j - k),
          );
        }
      }
    }
  }
  return { transitions, loss };
}

/** log u(a, b, s) = P log(1 − π(a, b, s)), memoised (−∞ when π = 1). */
function memoLogU(input: DurabilityInput): (a: number, b: number, s: number) => number {
  const { disks, groups, width, tolerated } = input;
  const h = hierarchy(input);
  const memo = new Map<number, number>();
  return (a, b, s) => {
    const key = (a * (h.hosts + 1) + b) * (disks + 1) + s;
    let value = memo.get(key);
    if (value === undefined) {
      const pi =
        a === 0 && b === 0
          ? coverProbability(disks, width, tolerated, s)
          : domainCoverProbability(disks, width, tolerated, h.racks, h.placement, a, s, h.hosts, b);
      value = groups * Math.log1p(-pi);
      memo.set(key, value);
    }
    return value;
  };
}
