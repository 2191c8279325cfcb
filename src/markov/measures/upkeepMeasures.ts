import { silBand } from '../../model/safetyIntegrity.js';
import type { Measures } from '../../model/Result.js';
import type { Ctmc } from '../generation/Ctmc.js';
import type { ChainUpkeep } from '../generation/fromModel.js';
import { checkTransientOptions } from '../linalg/transientPlan.js';
import { piecewiseTransient } from './piecewiseTransient.js';

/** What {@link proofTestMeasures} needs besides the chain. */
export interface ProofTestRequest {
  /** The times of the curves (the caller adds the tests' edges: withProofTestEdges). */
  readonly times: readonly number[];
  readonly horizon: number;
  readonly missionTime?: number;
  readonly maxProducts?: number;
}

/**
 * Returns the measures of a chain with proof tests (docs/semantics.md, "Hidden failures and
 * proof tests"), solved piece by piece ({@link piecewiseTransient}): R(t) and A(t) at the times
 * asked for, intervalAvailability over the horizon, pfdAvg = Ū(T_M) and its SIL band over T_M
 * (the horizon asked for, else the mission time), and with costs missionCost over T_M (the
 * horizon without one).
 *
 * $$
 * \mathrm{PFD}_{avg} = \frac{1}{T_M}\int_0^{T_M} U(t)\,dt
 * $$
 *
 * @returns the measures and warnings (what is left out and why)
 * @throws {@link TransientLimitError} when the run would pass maxProducts
 */
export function proofTestMeasures(
  ctmc: Ctmc,
  upkeep: ChainUpkeep,
  request: ProofTestRequest,
): { measures: Measures; warnings: string[] } {
  const { horizon, missionTime } = request;
  const warnings = [
    'the steady measures are left out: a model with proof tests has no steady state (the tests are periodic)',
    'mttf is left out: the Markov engine gives R(t) of a model with proof tests up to the horizon, not the mean time to its first going down',
  ];
  if (upkeep.costRate) {
    warnings.push('costRate is left out: a model with proof tests has no steady state');
  }
  const times = request.times;
  const checked = checkTransientOptions('proofTestMeasures', times, {
    ...(request.maxProducts !== undefined && { maxProducts: request.maxProducts }),
  });
  const ends = missionTime === undefined ? [horizon] : [horizon, missionTime];
  const solved = piecewiseTransient(ctmc, upkeep, {
    times,
    ends,
    maxProducts: checked.maxProducts,
  });
  const [overHorizon, overMission] = solved.integrals;
  const reliability = piecewiseTransient(ctmc, upkeep, {
    times,
    ends: [],
    maxProducts: checked.maxProducts,
    firstFailure: true,
  });
  // Over the mission when there is one, else over the horizon (Result.ts, "missionCost").
  const missionCost = (overMission ?? overHorizon)?.cost;
  let measures: Measures = {
    reliability: { t: times, values: reliability.availability },
    availability: { t: times, values: solved.availability },
    ...(overHorizon && { intervalAvailability: horizon > 0 ? overHorizon.up / horizon : 1 }),
    ...(missionCost !== undefined && { missionCost }),
  };
  if (overMission && missionTime !== undefined && missionTime > 0) {
    const pfdAvg = overMission.down / missionTime;
    measures = { ...measures, pfdAvg, sil: silBand(pfdAvg) };
  } else {
    warnings.push(
      'pfdAvg and sil are left out: they need a mission time (mission_time in the model)',
    );
  }
  return { measures, warnings };
}
