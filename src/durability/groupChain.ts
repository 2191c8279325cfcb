import type { DurabilityInput } from './durabilityInput.js';
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
 */
export function groupChain(input: DurabilityInput): LossChain {
  const { width, tolerated, failureRate } = input;
  const mu = 1 / input.rebuildTime;
  const crews = input.concurrentRebuilds ?? Infinity;
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
