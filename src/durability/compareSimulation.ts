import type { DurabilityResult } from './durability.js';
import type { ClusterSimulation } from './simulateCluster.js';

/** Beyond this |z| the simulation and the model differ (a false alarm about once in 16 000). */
export const AGREEMENT_Z = 4;

/** Fewer events than this leave a comparison inconclusive (the normal approximation fails). */
const MIN_EVENTS = 10;

/**
 * A count of groups lost whose largest run holds more than this share of the total rests on a
 * few runs (domain failures lose many groups at once): its sample standard error is not to be
 * trusted, and typically too small while the rare large runs are missing.
 */
const LARGEST_RUN_SHARE = 0.1;

/** One measure compared: the model's value, the simulation's estimate and what they say. */
export interface DurabilityComparison {
  readonly measure:
    'mttdl' | 'lossProbability' | 'expectedGroupsLost' | 'expectedGroupsUnavailable';
  readonly model: number;
  readonly estimate?: number;
  readonly standardError?: number;
  readonly z?: number;
  readonly verdict: 'agrees' | 'differs' | 'inconclusive';
  /** Why a comparison is inconclusive. */
  readonly note?: string;
}

/**
 * Compares the cluster figures of {@link durability} with a simulation of the same cluster
 * ({@link simulateCluster}): z = (estimate − model)/SE for each measure, agreeing when
 * |z| ≤ 4.
 *
 * $$
 * z_{\mathrm{MTTDL}} = \frac{\bar T - \mathrm{MTTDL}}{s_T/\sqrt n},\quad
 * z_P = \frac{\hat p - p}{\sqrt{\hat p(1-\hat p)/n}},\quad
 * z_N = \frac{\bar N - E[N]}{s_N/\sqrt n}
 * $$
 *
 * @param result - the model's figures; its first mission time is the simulation's
 * @param simulation - the simulation
 * @returns one comparison per measure (expectedGroupsLost, and expectedGroupsUnavailable at the
 * mission time with host outages, when the model gives them); inconclusive, with a note, when the simulation saw fewer
 * than 10 losses, censored runs (no MTTDL), or no spread
 */
export function compareSimulation(
  result: DurabilityResult,
  simulation: ClusterSimulation,
): DurabilityComparison[] {
  const n = simulation.replications;
  const losses = Math.round(simulation.lossProbability.mean * n);
  const lossTimes = n - simulation.censored;
  const comparisons: DurabilityComparison[] = [];
  const mttdl = result.cluster.mttdl;
  if (simulation.mttdl === undefined) {
    comparisons.push({
      measure: 'mttdl',
      model: mttdl,
      verdict: 'inconclusive',
      note: `${simulation.censored} of ${n} runs saw no loss by the horizon ${simulation.horizon}, so their mean is not an MTTDL`,
    });
  } else {
    comparisons.push(
      judge('mttdl', mttdl, simulation.mttdl.mean, simulation.mttdl.standardError, lossTimes),
    );
  }
  const p = result.cluster.lossProbability[0] ?? NaN;
  comparisons.push(
    judge(
      'lossProbability',
      p,
      simulation.lossProbability.mean,
      simulation.lossProbability.standardError,
      Math.min(losses, n - losses),
    ),
  );
  const expected = result.cluster.expectedGroupsLost;
  if (expected !== undefined) {
    const { mean, standardError, largest = 0 } = simulation.groupsLost;
    const share = largest / (mean * n);
    comparisons.push(
      share > LARGEST_RUN_SHARE && losses >= MIN_EVENTS
        ? {
            measure: 'expectedGroupsLost',
            model: expected[0] ?? NaN,
            estimate: mean,
            standardError,
            verdict: 'inconclusive',
            note: `one run lost ${largest} of the ${mean * n} groups lost in all (${(100 * share).toFixed(0)} %): the count rests on a few runs that lose many groups at once, and its standard error is not reliable; run about ${Math.ceil(share / LARGEST_RUN_SHARE)}x more`,
          }
        : judge('expectedGroupsLost', expected[0] ?? NaN, mean, standardError, losses),
    );
  }
  const unavailable = result.cluster.expectedGroupsUnavailable;
  const seen = simulation.groupsUnavailable;
  if (unavailable !== undefined && seen !== undefined) {
    comparisons.push(
      judge(
        'expectedGroupsUnavailable',
        unavailable[0] ?? NaN,
        seen.mean,
        seen.standardError,
        Math.round(seen.mean * n),
      ),
    );
  }
  if (result.rebuildLaw !== 'deterministic') return comparisons;
  // The chains take the fixed rebuild time as exponential; the simulation does not.
  return comparisons.map((c) => ({
    ...c,
    note: `${c.note === undefined ? '' : `${c.note}; `}the model takes the deterministic rebuilds as exponential of the same mean (an approximation), the simulation as they are: a difference may be that approximation`,
  }));
}

function judge(
  measure: DurabilityComparison['measure'],
  model: number,
  estimate: number,
  standardError: number,
  events: number,
): DurabilityComparison {
  const base = { measure, model, estimate, standardError };
  if (events < MIN_EVENTS || !(standardError > 0)) {
    return {
      ...base,
      verdict: 'inconclusive',
      note: `${events} events seen (fewer than ${MIN_EVENTS}, or no spread): accelerate the rates or run more`,
    };
  }
  const z = (estimate - model) / standardError;
  return { ...base, z, verdict: Math.abs(z) <= AGREEMENT_Z ? 'agrees' : 'differs' };
}
