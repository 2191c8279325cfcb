import type { DurabilityInput } from './durabilityInput.js';
import { ParameterError } from '../errors.js';
import type { CtmcTransition } from '../markov/generation/buildCtmc.js';
import { birthDeathTransitions, type LossChain } from './lossChain.js';

/**
 * Returns the exact Markov chain of one placement group (a stripe, or one array): the number i
 * of its w chunks lost, data loss at i = m + 1.
 *
 * $$
 * i \to i + 1:\ (w - i)\lambda,\qquad i \to i - 1:\ \min(i, c)\,\mu,\qquad
 * m \to \text{loss}:\ (w - m)\lambda
 * $$
 *
 * - λ: disk failure rate; μ = 1/T_r: rebuild rate; c: concurrent rebuilds (∞ by default)
 *
 * @param input - the cluster (its disks and groups are not used: one group)
 * @returns the chain on i = 0 … m
 *
 * @remarks
 * This is the classic MTTDL chain of RAID and replication (Patterson, Gibson and Katz 1988 for
 * RAID 5; Chen et al. 1994). With c unlimited each chunk's disk is rebuilt independently, so
 * the chain is exact for one group of any cluster whose disks fail and are rebuilt
 * independently; with c finite it is exact when the group is the whole array (D = w).
 *
 * With racks that fail (`input.domains`) and rack-aware placement, the state is (i, k): i chunks
 * lost with their disk, k with their rack; the chunks, in distinct racks, stay independent and
 * the chain exact. A group placed on distinct disks only may have several chunks in one rack, so
 * it has no one chain: refused.
 *
 * @throws {@link ParameterError} when racks fail and placement is not `rack`.
 */
export function groupChain(input: DurabilityInput): LossChain {
  const { width, tolerated, failureRate } = input;
  const mu = 1 / input.rebuildTime;
  const crews = input.concurrentRebuilds ?? Infinity;
  const domains = input.domains;
  if (domains !== undefined && domains.failureRate > 0) {
    if (domains.placement !== 'rack') {
      throw new ParameterError(
        'groupChain',
        'domains.placement',
        'be rack when racks fail (a group whose chunks share racks has no one chain)',
        domains.placement,
      );
    }
    return rackAwareGroupChain(input, domains.failureRate, 1 / domains.restoreTime);
  }
  const up: number[] = [];
  const down: number[] = [];
  const loss: number[] = [];
  for (let i = 0; i <= tolerated; i++) {
    const failures = (width - i) * failureRate;
    up.push(i < tolerated ? failures : 0);
    loss.push(i < tolerated ? 0 : failures);
    down.push(Math.min(i, crews) * mu);
  }
  return { transitions: birthDeathTransitions(up, down), loss };
}

/**
 * The chain of one group whose w chunks are in w distinct racks: i chunks lost with their disk,
 * k with their rack, i + k ≤ m. Each chunk is then independent: up → disk lost at λ, up or
 * disk lost → rack lost at λ_R, disk lost → up at μ (at most c at once), rack lost → up at μ_R.
 */
function rackAwareGroupChain(input: DurabilityInput, shock: number, restore: number): LossChain {
  const { width, tolerated, failureRate } = input;
  const mu = 1 / input.rebuildTime;
  const crews = input.concurrentRebuilds ?? Infinity;
  const index = new Map<string, number>();
  for (let lost = 0; lost <= tolerated; lost++) {
    for (let k = 0; k <= lost; k++) index.set(`${lost - k},${k}`, index.size);
  }
  const transitions: CtmcTransition[] = [];
  const loss = new Array<number>(index.size).fill(0);
  for (const [key, from] of index) {
    const [i, k] = key.split(',').map(Number) as [number, number];
    const up = width - i - k;
    const go = (toI: number, toK: number, rate: number): void => {
      if (rate <= 0) return;
      const to = index.get(`${toI},${toK}`);
      if (to === undefined)
        loss[from]! += rate; // from is a value of index: in range
      else transitions.push({ from, to, rate });
    };
    go(i + 1, k, up * failureRate);
    go(i, k + 1, up * shock);
    go(i - 1, k + 1, i * shock);
    go(i - 1, k, Math.min(i, crews) * mu);
    go(i, k - 1, k * restore);
  }
  return { transitions, loss };
}
