import { clusterChain } from './clusterChain.js';
import {
  checkDurabilityInput,
  hierarchy,
  latentChunkProbability,
  latentRebuildLoss,
  type DurabilityInput,
} from './durabilityInput.js';
import { groupAvailabilityChain, groupChain, groupChunksIndependent } from './groupChain.js';
import { solveLossChain } from './lossChain.js';
import { buildCtmc } from '../markov/generation/buildCtmc.js';
import { solveSteadyState } from '../markov/linalg/solveSteadyState.js';
import { pointAvailabilityCurve } from '../markov/measures/pointAvailabilityCurve.js';

/** Durability of one placement group, exact by the Markov engine. */
export interface GroupDurability {
  /** Mean time to data loss of the group from all chunks present (the classic MTTDL). */
  readonly mttdl: number;
  /** Probability that the group loses data by each mission time, from all chunks present. */
  readonly lossProbability: readonly number[];
  /** 'exact', or 'approximate' with concurrent rebuilds limited in a cluster wider than a group. */
  readonly accuracy: 'exact' | 'approximate';
  /**
   * With host outages that lose no data: the probability that more than m of the group's chunks
   * cannot be read (lost, or on a host that is down) at each mission time, from all up.
   */
  readonly unavailability?: readonly number[];
  /** With host outages: the long-run fraction of time the group cannot be read. */
  readonly steadyUnavailability?: number;
  /**
   * With latent sector errors: q, the probability that a rebuild with no redundancy left meets
   * a latent error on a chunk it must read (the loss probability per such rebuild).
   */
  readonly latentRebuildLoss?: number;
}

/** Durability of the whole cluster. */
export interface ClusterDurability {
  /** Mean time to the first loss of any group, from all disks up: the combinatorial model. */
  readonly mttdl: number;
  /** Probability that some group loses data by each mission time: the combinatorial model. */
  readonly lossProbability: readonly number[];
  /**
   * Expected number of groups that lose data by each mission time: P × the group's probability;
   * absent when there is no one group chain (racks fail, placement on distinct disks only).
   */
  readonly expectedGroupsLost?: readonly number[];
  /**
   * With host outages that lose no data: the expected number of groups that cannot be read at
   * each mission time, P × the group's unavailability (groups lost included).
   */
  readonly expectedGroupsUnavailable?: readonly number[];
  /** States of the combinatorial chain (disks failed at once, 0 … J); 0 for one group (exact). */
  readonly states: number;
  /** How each figure was obtained and what it assumes. */
  readonly assumptions: readonly string[];
}

/** The durability measures of a cluster at its mission times. */
export interface DurabilityResult {
  readonly missionTimes: readonly number[];
  /** `deterministic` when the study's rebuilds take a fixed time, which the chains approximate. */
  readonly rebuildLaw?: 'deterministic';
  /** Absent when racks fail and groups share racks (no one group chain; a warning says so). */
  readonly group?: GroupDurability;
  readonly cluster: ClusterDurability;
  readonly warnings: readonly string[];
}

/**
 * Returns the durability of a storage cluster: mean time to data loss (MTTDL) and the
 * probability of data loss by each mission time, for one placement group (exact, Markov engine)
 * and for the whole cluster (combinatorial model, Markov engine), and the expected number of
 * groups lost.
 *
 * $$
 * \mathrm{MTTDL} = E[T_{\text{loss}}],\qquad P_{\text{loss}}(t) = 1 - R(t),\qquad
 * E[N_{\text{lost}}(t)] = P\,P^{\text{group}}_{\text{loss}}(t)
 * $$
 *
 * - T_loss: first time some group (of the group, for the group figures) has m + 1 chunks lost,
 *   from all disks up; R(t) = P(T_loss > t); P: groups
 *
 * @param input - the cluster; see {@link DurabilityInput}
 * @returns the measures, with the assumptions of the cluster figures stated in the result
 * @throws {@link ParameterError} when a field is out of range.
 *
 * @remarks
 * The group chain is {@link groupChain}; the cluster chain {@link clusterChain}. The expected
 * groups lost follows from the group figure by linearity of expectation, exact when each failed
 * disk is rebuilt independently (no limit on concurrent rebuilds). Everything is exponential:
 * disk lifetimes and rebuilds (docs/data-systems.md says when that misleads).
 *
 * @example
 * ```ts
 * const raid5 = { disks: 4, groups: 1, width: 4, tolerated: 1, failureRate: 1e-5, rebuildTime: 10, missionTimes: [8760] };
 * durability(raid5).group?.mttdl; // → ~83391666.667
 * ```
 */
export function durability(input: DurabilityInput): DurabilityResult {
  checkDurabilityInput('durability', input);
  const times = input.missionTimes;
  const domains = hierarchy(input);
  const racksFail = domains.rackRate > 0;
  const hostsFail = domains.hostRate > 0;
  const outages = hostsFail && domains.hostFailure === 'unavailable';
  const hostsLose = hostsFail && domains.hostFailure === 'loss';
  const shared = !groupChunksIndependent(input, false);
  const group = shared ? undefined : solveLossChain(groupChain(input), times);
  const readability =
    outages && groupChunksIndependent(input, true) ? groupUnavailability(input) : undefined;
  const chain = clusterChain(input);
  const limited = input.concurrentRebuilds !== undefined || input.sharedRebuildRate !== undefined;
  // With rebuilds limited in a cluster wider than the group, the group chain leaves out the
  // other disks its rebuilds wait behind; the cluster chain has them.
  const competing = limited && input.disks > input.width;
  const groupAccuracy = competing || input.rebuildLaw === 'deterministic' ? 'approximate' : 'exact';
  // One group is the whole cluster as far as data goes: its chain answers for both, unless its
  // rebuilds compete with other disks'.
  const single = input.groups === 1 && group !== undefined && !competing;
  const cluster = single ? group : solveLossChain(chain, times);
  // The groups lost: groups × the group's loss probability, by linearity; one group competing
  // for rebuilds is the cluster chain's loss probability (the group chain's would be optimistic).
  const groupsLost =
    group === undefined
      ? undefined
      : input.groups === 1 && competing
        ? cluster.lossProbability
        : group.lossProbability.map((p) => input.groups * p);
  const warnings = [
    ...(group?.warnings ?? []).map((w) => `${single ? '' : 'group '}${w}`),
    ...(single ? [] : cluster.warnings.map((w) => `cluster ${w}`)),
    ...(readability?.warnings ?? []),
  ];
  if (group !== undefined && competing) {
    warnings.push(
      `group: with concurrent rebuilds limited (or their bandwidth shared), the group chain lets only the group’s own lost chunks compete for rebuilds, while in the cluster its rebuilds also wait behind other disks’: the group figures${input.groups === 1 ? '' : ' and expectedGroupsLost'} are optimistic (too little loss), by a factor that grows with the disks failed at once; use --simulate for the cluster’s own figure`,
    );
  }
  if (group !== undefined && !competing && !single) {
    times.forEach((t, i) => {
      const bound = input.groups * group.lossProbability[i]!;
      const p = cluster.lossProbability[i]!;
      // Beyond 1e-4 relative: the approximation's own size (about 1e-6 in the examples) is no cause to warn.
      if (p > bound * (1 + 1e-4)) {
        warnings.push(
          `cluster: lossProbability(${t}) = ${p.toPrecision(6)} exceeds expectedGroupsLost(${t}) = ${bound.toPrecision(6)}, which bounds it from above (exact, Markov's inequality): the combinatorial approximation overstates the loss here (few groups beside the disks), and its mttdl likely too short; take ${bound.toPrecision(6)} as the bound, and check with --simulate`,
        );
      }
    });
  }
  if (shared) {
    warnings.push(
      `group and expectedGroupsLost are left out: with ${racksFail && domains.placement !== 'rack' ? 'racks' : 'hosts'} failing and groups placed on distinct ${domains.placement}s only, a group may have several chunks in one ${racksFail && domains.placement !== 'rack' ? 'rack' : 'host'}, so no one group chain applies`,
    );
  }
  if (outages && readability === undefined) {
    warnings.push(
      'group unavailability and expectedGroupsUnavailable are left out: with host outages and groups placed on distinct disks only, a group may have several chunks on one host, so no one group chain applies',
    );
  }
  const failing = [racksFail ? 'racks' : '', hostsLose ? 'hosts' : ''].filter((x) => x !== '');
  const assumptions = [
    racksFail || hostsLose
      ? `disks fail independently at a constant rate, and ${failing.join(' and ')} by shocks that lose all their disks’ data at once; rebuilds and ${failing.map((f) => f.slice(0, -1)).join(' and ')} restores are exponential`
      : 'disks fail independently at a constant rate; rebuilds are exponential',
    single
      ? `one group: the cluster loses data when its group does, so mttdl and lossProbability are the ${groupAccuracy} group figures`
      : `mttdl and lossProbability are from all disks up, by the combinatorial chain on the number of ${[...failing.map((f) => `${f} lost`), 'disks failed at once'].join(', of ').replace(/, of (?!.*, of )/, ' and of ')}: an approximation (each failure loses data with the probability that a random failed set of that size newly holds m + 1 chunks of some group, groups independent given the set)`,
    ...(group === undefined
      ? []
      : [
          input.groups === 1 && competing
            ? 'expectedGroupsLost = lossProbability: one group, whose rebuilds wait behind the other disks’ (the cluster chain)'
            : `expectedGroupsLost = groups × the ${groupAccuracy} group loss probability (linearity of expectation)`,
        ]),
    ...(outages
      ? [
          'host outages lose no data: a chunk on a host that is down cannot be read until the host is back, and its disk fails and is rebuilt as if the host were up (rebuilds are not delayed by sources that are down), so the loss figures are those without outages; they count in unavailability only',
        ]
      : []),
    ...(readability === undefined
      ? []
      : [
          'expectedGroupsUnavailable = groups × the group unavailability, the probability that more than m of its chunks are lost or on a host that is down (exact by linearity; a group that has lost data counts while it cannot be read)',
        ]),
    ...(input.rebuildLaw === 'deterministic'
      ? [
          'rebuilds take exactly the rebuild time in this study: every figure here takes them as exponential of that mean, an approximation (the simulation follows the fixed time)',
        ]
      : []),
    ...(input.latentErrors === undefined
      ? []
      : [
          `latent sector errors: a rebuild with no redundancy left (m chunks lost) loses data with probability q = 1 − (1 − p̄)^(w−m) = ${latentRebuildLoss(input).toPrecision(6)}, p̄ = E[1 − (1 − e^(−x))/x] = ${latentChunkProbability(input).toPrecision(6)} the long-run probability that a chunk holds a latent error not yet found by a scrub every T = ${input.latentErrors.scrubInterval} (x = λ_L·T/(1 + X), its disk's errors shared with the X ~ Bin(P − 1, w/D) other chunks there): an approximation (the deterministic scrub as its time average, read at a moment independent of its phase, the chunks' errors independent of each other and of the failures, a chunk just rebuilt as any other, errors found by earlier rebuilds not removed)`,
        ]),
    racksFail || hostsLose || outages
      ? `placement: each group’s chunks on distinct ${domains.placement}s${sharedDomains(input)}`
      : 'placement across hosts or racks does not change the figures when only disks fail',
  ];
  return {
    missionTimes: [...times],
    ...(input.rebuildLaw === 'deterministic' ? { rebuildLaw: 'deterministic' as const } : {}),
    ...(group === undefined
      ? {}
      : {
          group: {
            mttdl: group.mttdl,
            lossProbability: group.lossProbability,
            accuracy: groupAccuracy,
            ...(readability === undefined
              ? {}
              : {
                  unavailability: readability.unavailability,
                  steadyUnavailability: readability.steady,
                }),
            ...(input.latentErrors === undefined
              ? {}
              : { latentRebuildLoss: latentRebuildLoss(input) }),
          },
        }),
    cluster: {
      mttdl: cluster.mttdl,
      lossProbability: cluster.lossProbability,
      ...(groupsLost === undefined ? {} : { expectedGroupsLost: groupsLost }),
      ...(readability === undefined
        ? {}
        : {
            expectedGroupsUnavailable: readability.unavailability.map((u) => input.groups * u),
          }),
      states: single ? 0 : chain.loss.length,
      assumptions,
    },
    warnings,
  };
}

/** ", racks shared", ", hosts and racks shared" or "": the domains a group's chunks may share. */
function sharedDomains(input: DurabilityInput): string {
  const { placement } = hierarchy(input);
  const shared = [
    ...(placement === 'disk' && input.hosts !== undefined ? ['hosts'] : []),
    ...(placement !== 'rack' && input.domains !== undefined ? ['racks'] : []),
  ];
  return shared.length === 0 ? '' : `, ${shared.join(' and ')} shared`;
}

/** The group's unavailability at the mission times and in the long run, by the Markov engine. */
function groupUnavailability(input: DurabilityInput): {
  unavailability: number[];
  steady: number;
  warnings: string[];
} {
  const { transitions, down } = groupAvailabilityChain(input);
  const ctmc = buildCtmc(
    down.length,
    transitions,
    down.map((d) => !d),
    0,
  );
  const curve = pointAvailabilityCurve(ctmc, input.missionTimes);
  const { probabilities } = solveSteadyState(ctmc);
  let steady = 0;
  down.forEach((d, i) => {
    if (d) steady += probabilities[i]!; // i < down.length, the chain's states
  });
  return { unavailability: curve.unavailability, steady, warnings: curve.warnings };
}
