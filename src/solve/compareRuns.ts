import type { Result } from '../model/Result.js';
import type { SimulationResult } from '../sim/types.js';
import { compareExact, compareSimulated, measuresOf, type Comparison } from './compareResults.js';
import type { ExactRun } from './solveEach.js';

/** Relative difference under which two horizons are the same T. */
const SAME_HORIZON = 1e-12;

/** Every comparison of a simulation with exact runs, and why some pairs were left out. */
export interface RunComparisons {
  readonly comparisons: readonly Comparison[];
  /** One line per measure left out, such as an interval availability over another horizon. */
  readonly notes: readonly string[];
}

/**
 * Compares every exact result with the simulation, and every pair of exact results, measure by
 * measure. Like with like: each simulated measure against the exact measure of the same name
 * (the steady measures against the exact steady measures), except `restrictedMttf`,
 * E[min(T₁, τ)], which is held one-sidedly against the exact `mttf`; `intervalAvailability`
 * (over [0, T]) only against an exact result at the simulation's horizon T, else a note says why
 * it was left out. Each pair is judged by {@link compareSimulated} or {@link compareExact}.
 *
 * @param simulation - the simulation's result
 * @param exact - each exact method's result, or why it does not apply (skipped runs are left out)
 * @returns the comparisons, simulation-vs-exact first, and the notes
 *
 * @remarks Cost O(measures × runs²) comparisons, each O(curve length).
 */
export function compareRuns(
  simulation: SimulationResult,
  exact: readonly ExactRun[],
): RunComparisons {
  const comparisons: Comparison[] = [];
  const notes: string[] = [];
  const solved = exact.filter((run) => run.result !== undefined);
  for (const [measure, simulated] of measuresOf(simulation)) {
    for (const run of solved) {
      const exactMeasure = measure === 'restrictedMttf' ? 'mttf' : measure;
      const value = (run.result!.measures as Record<string, unknown>)[exactMeasure];
      if (value === undefined || value === null) continue;
      if (measure === 'intervalAvailability' && !sameHorizon(simulation, run.result!)) {
        notes.push(
          `intervalAvailability vs ${run.method} not compared: its horizon (${run.result!.horizon ?? 'not given'}) is not the simulation's ${simulation.horizon ?? '(none)'}`,
        );
        continue;
      }
      const comparison = compareSimulated(
        measure,
        simulated,
        value as Parameters<typeof compareSimulated>[2],
        simulation.replications,
        run.method,
      );
      if (comparison) comparisons.push(comparison);
    }
  }
  for (let i = 0; i < solved.length; i += 1) {
    for (let j = i + 1; j < solved.length; j += 1) {
      const a = solved[i]!;
      const b = solved[j]!;
      for (const [measure, value] of measuresOf(a.result!)) {
        const other = (b.result!.measures as Record<string, unknown>)[measure];
        if (other === undefined || other === null) continue;
        if (measure === 'intervalAvailability' && !sameHorizon(a.result!, b.result!)) continue;
        const comparison = compareExact(
          measure,
          { method: a.method, value },
          { method: b.method, value: other as typeof value },
        );
        if (comparison) comparisons.push(comparison);
      }
    }
  }
  return { comparisons, notes };
}

/** Whether two results' interval measures cover the same [0, T]. */
function sameHorizon(a: Result, b: Result): boolean {
  if (a.horizon === undefined || b.horizon === undefined) return false;
  return Math.abs(a.horizon - b.horizon) <= SAME_HORIZON * Math.max(a.horizon, b.horizon);
}
