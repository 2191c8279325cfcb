import { hierarchy, latentRebuildLoss, type DurabilityInput } from './durabilityInput.js';
import { ParameterError } from '../errors.js';
import type { CtmcTransition } from '../markov/generation/buildCtmc.js';
import type { LossChain } from './lossChain.js';

/** One state of a chunk: whether its data is lost, and whether it can be read now. */
interface ChunkState {
  readonly lost: boolean;
  readonly readable: boolean;
}

/** A move of one chunk between its states; `rebuild` moves share the c concurrent rebuilds. */
interface ChunkMove {
  readonly from: number;
  readonly to: number;
  readonly rate: number;
  readonly rebuild?: boolean;
}

/**
 * The chain of one chunk: its disk, host and rack. States: 0 up; 1 lost with its disk; with host
 * outages (`unavailable`) 2 unreadable on a host that is down and 3 lost with its disk on a host
 * that is down; with host failures that lose data, lost with its host; with rack shocks, lost
 * with its rack. `outages` false leaves out the host outages (they change no loss figure: see
 * {@link groupChain}).
 */
function chunkChain(
  input: DurabilityInput,
  outages: boolean,
): { states: ChunkState[]; moves: ChunkMove[] } {
  const h = hierarchy(input);
  const lambda = input.failureRate;
  const mu = 1 / input.rebuildTime;
  const states: ChunkState[] = [
    { lost: false, readable: true },
    { lost: true, readable: false },
  ];
  const moves: ChunkMove[] = [
    { from: 0, to: 1, rate: lambda },
    { from: 1, to: 0, rate: mu, rebuild: true },
  ];
  const add = (state: ChunkState): number => states.push(state) - 1;
  if (h.hostRate > 0 && h.hostFailure === 'unavailable' && outages) {
    const down = add({ lost: false, readable: false });
    const lostDown = add({ lost: true, readable: false });
    moves.push(
      { from: 0, to: down, rate: h.hostRate },
      { from: down, to: 0, rate: h.hostRestore },
      { from: down, to: lostDown, rate: lambda },
      { from: lostDown, to: down, rate: mu, rebuild: true },
      { from: 1, to: lostDown, rate: h.hostRate },
      { from: lostDown, to: 1, rate: h.hostRestore },
    );
  }
  if (h.hostRate > 0 && h.hostFailure === 'loss') {
    const host = add({ lost: true, readable: false });
    moves.push(
      { from: 0, to: host, rate: h.hostRate },
      { from: 1, to: host, rate: h.hostRate },
      { from: host, to: 0, rate: h.hostRestore },
    );
  }
  if (h.rackRate > 0) {
    const others = states.length;
    const rack = add({ lost: true, readable: false });
    for (let s = 0; s < others; s++) moves.push({ from: s, to: rack, rate: h.rackRate });
    moves.push({ from: rack, to: 0, rate: h.rackRestore });
  }
  return { states, moves };
}

/**
 * Returns whether the chunks of one group are independent: on distinct hosts when hosts fail
 * (`host` or `rack` placement), in distinct racks when racks fail (`rack` placement).
 */
export function groupChunksIndependent(input: DurabilityInput, outages: boolean): boolean {
  const h = hierarchy(input);
  const hostsMatter = h.hostRate > 0 && (h.hostFailure === 'loss' || outages);
  if (h.rackRate > 0 && h.placement !== 'rack') return false;
  return !(hostsMatter && h.placement === 'disk');
}

/**
 * The chain of one group: the number of its w chunks in each chunk state, from all up. `absorb`
 * ends it at data loss (more than m chunks lost); otherwise every count vector is a state, and
 * `down[i]` marks those with more than m chunks unreadable.
 */
function countChain(
  input: DurabilityInput,
  outages: boolean,
  absorb: boolean,
): { transitions: CtmcTransition[]; loss: number[]; down: boolean[] } {
  const { width, tolerated } = input;
  const crews = input.concurrentRebuilds ?? Infinity;
  const shared = input.sharedRebuildRate ?? Infinity; // μ_B: rebuilds at min(n_r, c, μ_B/μ)μ
  const { states, moves } = chunkChain(input, outages);
  const S = states.length;
  const lostOf = (v: readonly number[]): number =>
    v.reduce((sum, n, s) => sum + (states[s]!.lost ? n : 0), 0); // s < S
  const index = new Map<string, number>();
  const vectors: number[][] = [];
  const visit = (prefix: number[], left: number): void => {
    if (prefix.length === S - 1) {
      const v = [...prefix, left];
      if (absorb && lostOf(v) > tolerated) return;
      index.set(v.join(','), vectors.length);
      vectors.push(v);
      return;
    }
    for (let n = left; n >= 0; n--) visit([...prefix, n], left - n);
  };
  visit([], width); // the first vector is (w, 0, …): all up
  const transitions: CtmcTransition[] = [];
  const loss = new Array<number>(vectors.length).fill(0);
  const down = vectors.map(
    (v) => v.reduce((sum, n, s) => sum + (states[s]!.readable ? 0 : n), 0) > tolerated,
  );
  const latent = absorb ? latentRebuildLoss(input) : 0;
  vectors.forEach((v, from) => {
    const rebuilding = moves.reduce((sum, m) => sum + (m.rebuild ? v[m.from]! : 0), 0);
    const critical = lostOf(v) === tolerated; // a re-creation must read every survivor
    for (const move of moves) {
      const n = v[move.from]!; // move.from < S
      if (n === 0) continue;
      const rate = move.rebuild
        ? (n * move.rate * Math.min(rebuilding, crews, shared / move.rate)) / rebuilding
        : n * move.rate;
      const w = [...v];
      w[move.from]!--;
      w[move.to]!++;
      const to = index.get(w.join(','));
      const recreates = states[move.from]!.lost && !states[move.to]!.lost; // moves are in S
      const read = critical && recreates ? latent : 0;
      if (to === undefined || read >= 1) {
        loss[from]! += rate; // from indexes vectors, as loss; q = 1: every such read fails
      } else {
        loss[from]! += rate * read;
        transitions.push({ from, to, rate: rate * (1 - read) });
      }
    }
  });
  return { transitions, loss, down };
}

/**
 * Returns the exact Markov chain of one placement group (a stripe, or one array): how many of
 * its w chunks are in each chunk state, data loss when more than m are lost. Without failure
 * domains it is the birth–death chain of the lost chunks i = 0 … m:
 *
 * $$
 * i \to i + 1:\ (w - i)\lambda,\qquad i \to i - 1:\ \min(i, c)\,\mu,\qquad
 * m \to \text{loss}:\ (w - m)\lambda
 * $$
 *
 * - λ: disk failure rate; μ = 1/T_r: rebuild rate; c: concurrent rebuilds (∞ by default)
 *
 * With failure domains each chunk follows the chain of its disk, host and rack: up → lost with
 * its disk at λ, back at μ; with hosts that fail and lose data (`hosts.failure: loss`), up or
 * disk-lost → lost with its host at λ_H, back at μ_H; with rack shocks, any → lost with its rack
 * at λ_R, back at μ_R. The group's state is the number of chunks in each chunk state, a move of
 * one chunk from state s at rate r going at n_s·r (rebuilds at min(n_r, c)μ shared among the
 * n_r chunks being rebuilt).
 *
 * @param input - the cluster (its disks and groups are not used: one group)
 * @returns the chain on the count vectors with at most m chunks lost, state 0 all up
 *
 * @remarks
 * This is the classic MTTDL chain of RAID and replication (Patterson, Gibson and Katz 1988 for
 * RAID 5; Chen et al. 1994). With c unlimited each chunk's disk is rebuilt independently, so
 * the chain is exact for one group of any cluster whose disks fail and are rebuilt
 * independently; with c finite it is exact when the group is the whole array (D = w).
 *
 * With failure domains the chunks are independent, and the chain exact, when they sit in
 * distinct hosts (hosts failing) and distinct racks (racks failing); otherwise several chunks may
 * share a host or rack and the group has no one chain: refused. Host outages that lose no data
 * (`unavailable`) leave every loss figure unchanged: a chunk's disk fails and is rebuilt whether
 * its host is up or not, so lumping "up" with "unreadable on a down host", and "lost" with "lost
 * on a down host", is exact; they enter {@link groupAvailabilityChain} only.
 *
 * With latent sector errors (`input.latentErrors`) a re-creation that must read every surviving
 * chunk (m lost) loses data with probability q = 1 − (1 − p̄)^{w−m}: m → m − 1 at
 * min(m, c)μ(1 − q), m → loss at min(m, c)μ·q ({@link latentRebuildLoss}; p̄ the long-run
 * probability that a chunk holds an undetected latent error under a deterministic scrub, the
 * chunks independent of each other and of the failures: an approximation, stated in the result).
 *
 * @throws {@link ParameterError} when failing domains are shared by a group's chunks.
 */
export function groupChain(input: DurabilityInput): LossChain {
  if (!groupChunksIndependent(input, false)) throw sharedDomains();
  const { transitions, loss } = countChain(input, false, true);
  return { transitions, loss };
}

/**
 * Returns the chain of one group's readability: every count vector of its chunks' states, host
 * outages included, not ended by data loss (a lost chunk is re-created as in {@link groupChain}),
 * with `down[i]` true where more than m chunks cannot be read (lost, or on a host that is down).
 *
 * $$
 * U(t) = P\bigl(\#\{\text{chunks unreadable at } t\} > m\bigr)
 * $$
 *
 * @param input - the cluster, one group of it
 * @returns the transitions and down states; state 0 all up
 * @throws {@link ParameterError} when failing domains are shared by a group's chunks.
 */
export function groupAvailabilityChain(input: DurabilityInput): {
  readonly transitions: readonly CtmcTransition[];
  readonly down: readonly boolean[];
} {
  if (!groupChunksIndependent(input, true)) throw sharedDomains();
  const { transitions, down } = countChain(input, true, false);
  return { transitions, down };
}

function sharedDomains(): ParameterError {
  return new ParameterError(
    'groupChain',
    'placement',
    'put each group in distinct units of every failing domain (a group whose chunks share a failing host or rack has no one chain)',
    'shared',
  );
}
