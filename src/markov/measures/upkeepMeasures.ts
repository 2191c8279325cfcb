import { timeGrid } from '../../model/timeGrid.js';
import { silBand } from '../../model/safetyIntegrity.js';
import type { Measures } from '../../model/Result.js';
import type { Ctmc } from '../generation/Ctmc.js';
import type { ChainUpkeep } from '../generation/fromModel.js';
import { checkTransientOptions } from '../linalg/transientPlan.js';
import { piecewiseTransient, testEvents } from './piecewiseTransient.js';

// Test epochs up to which the default grid shows the saw-tooth (a point just before and at each).
const MAX_SAW_TOOTH_EVENTS = 200;
// How far before an epoch its "just before" point lies, as a fraction of the shortest interval.
const BEFORE = 1e-6;

/** What {@link proofTestMeasures} needs besides the chain. */
export interface ProofTestRequest {
  readonly times?: readonly number[];
  readonly points?: number;
  readonly horizon: number;
  readonly missionTime?: number;
  readonly maxProducts?: number;
}

/**
 * Returns the measures of a chain with proof tests (docs/semantics.md, "Hidden failures and
 * proof tests"), solved piece by piece ({@link piecewiseTransient}): R(t) and A(t) on a grid that shows
 * the saw-tooth (the default grid plus a point just before and at each test event, when there
 * are at most 200 of them), intervalAvailability over the horizon, pfdAvg = Ū(T_M) and its SIL
 * band over the mission time T_M, and with costs missionCost over T_M (the horizon without one).
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
  const times = request.times ? [...request.times] : sawToothGrid(upkeep, request);
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

/**
 * The default grid on [0, horizon] and, with at most 200 test events, each event time and a
 * point just before it (a millionth of the shortest test interval), so the saw-tooth shows.
 */
function sawToothGrid(upkeep: ChainUpkeep, request: ProofTestRequest): number[] {
  const base = timeGrid(request, request.horizon);
  const events = testEvents(upkeep, request.horizon);
  if (events.length > MAX_SAW_TOOTH_EVENTS) return base;
  const before = BEFORE * Math.min(...upkeep.tests.map((test) => test.interval));
  const times = new Set(base);
  for (const { time } of events) {
    times.add(time);
    if (time - before > 0) times.add(time - before);
  }
  return [...times].sort((a, b) => a - b);
}
