/**
 * The sweep of a model without an exact solution, by simulation: the model at each value of one
 * parameter, every point simulated with the same seed and the same replication numbers (common
 * random numbers, as the library's `optimizeParameter` does), in rounds of replications at every
 * point so that the chart fills in and narrows as they come. Each point's estimate comes with its
 * 95 % interval (the library's, web/compute/measures.ts `measureEstimate`). Plain functions of
 * data (the worker drives the rounds, web/worker.ts), unit-tested against exact values.
 */
import type { Model } from '../../src/index.js';
import type { Scenario } from '../state/pins.js';
import { measureEstimate, type MeasureKey } from './measures.js';
import type { Simulator } from './simulation.js';
import { evaluateScenario, parseText } from './template.js';

/** Values of the swept parameter: fewer than the exact sweep's 25, each costs a simulation. */
export const SIMULATED_SWEEP_POINTS = 9;

/** A simulated sweep as the chart shows it: the estimate and 95 % interval at each value. */
export interface SimulatedSweep {
  readonly parameter: string;
  readonly measure: MeasureKey;
  readonly x: readonly number[];
  /** The estimate at each value; null where the model is invalid or lacks the measure. */
  readonly mean: readonly (number | null)[];
  readonly lo: readonly (number | null)[];
  readonly hi: readonly (number | null)[];
  /** Replications done at every point so far. */
  readonly replications: number;
  readonly seed: number;
}

/** A sweep under way: each point's model and its merged statistics so far. */
export interface SweepRun {
  readonly parameter: string;
  readonly measure: MeasureKey;
  readonly x: readonly number[];
  /** The model at each value; undefined where the model is invalid at it. */
  readonly models: readonly (Model | undefined)[];
  readonly options: { readonly seed: number; readonly grid: number; readonly horizon?: number };
  /** Merged statistics of each point (undefined before its first round, or for no model). */
  stats: unknown[];
  done: number;
}

/**
 * Returns a sweep of `parameter` over `values` of the model in `text` under `scenario`, ready for
 * its rounds, or the reason it cannot run (a text that does not load). Every point runs to the
 * scenario's mission time, else to `horizon` (the live simulation's), so that R(mission) is read
 * at one time across the sweep.
 */
export function startSweep(
  text: string,
  scenario: Scenario,
  parameter: string,
  values: readonly number[],
  measure: MeasureKey,
  seed: number,
  horizon?: number,
): SweepRun | string {
  const parsed = parseText(text);
  if (!parsed.ok) return parsed.issues.map((issue) => issue.message).join('; ');
  const end = scenario.missionTime ?? horizon;
  const models = values.map((value) => {
    const loaded = evaluateScenario(
      parsed.template,
      { ...scenario.overrides, [parameter]: value },
      scenario.system,
    );
    return loaded.ok ? loaded.model : undefined;
  });
  return {
    parameter,
    measure,
    x: [...values],
    models,
    // The live simulation's grid and horizon: a point at the current value matches it.
    options: {
      seed,
      grid: 51,
      ...(end !== undefined && { horizon: end }),
    },
    stats: models.map(() => undefined),
    done: 0,
  };
}

/**
 * Runs replications `run.done` to `run.done + count − 1` at every point and merges them: every
 * point gets the same replication numbers of the same seed, hence the same random numbers.
 */
export function sweepRound(run: SweepRun, simulator: Simulator, count: number): void {
  run.stats = run.models.map((model, j) => {
    if (!model) return undefined;
    const part = simulator.runReplications(model, run.options, run.done, count);
    const before = run.stats[j];
    return before === undefined ? part : simulator.mergeSimulationStats([before, part]);
  });
  run.done += count;
}

/** Returns the estimates of a sweep so far, with their 95 % intervals. */
export function sweepEstimates(run: SweepRun, simulator: Simulator): SimulatedSweep {
  const estimates = run.models.map((model, j) => {
    const stats = run.stats[j];
    if (!model || stats === undefined) return undefined;
    return measureEstimate(simulator.finalizeSimulation(model, stats), run.measure);
  });
  return {
    parameter: run.parameter,
    measure: run.measure,
    x: run.x,
    mean: estimates.map((e) => e?.mean ?? null),
    lo: estimates.map((e) => e?.lo ?? null),
    hi: estimates.map((e) => e?.hi ?? null),
    replications: run.done,
    seed: run.options.seed,
  };
}
