import { distributionFromSpec } from '../dist/registry.js';
import type { Model } from '../model/Model.js';
import type { SimulateOptions } from '../sim/types.js';
import { parseNumberOption } from './format.js';
import { EXIT, UsageError } from './io.js';

/** Default of `--max-events`: about an hour and a half at 20 M events/s on one core. */
export const DEFAULT_MAX_EVENTS = 1e11;

/** The parseArgs option of the work budget (simulate and check). */
export const WORK_BUDGET_FLAGS = {
  'max-events': { type: 'string' },
} as const;

/** Parses `--max-events`: a number > 0, default {@link DEFAULT_MAX_EVENTS}. */
export function parseMaxEvents(text: string | undefined): number {
  if (text === undefined) return DEFAULT_MAX_EVENTS;
  const value = parseNumberOption('--max-events', text);
  if (!(value > 0)) {
    throw new UsageError(`--max-events must be a finite number > 0; got ${text}`, EXIT.failed);
  }
  return value;
}

/**
 * The horizon the simulator will use: `--horizon`, else `mission_time`, else 10 × the largest
 * mean life. The same rule as `resolveHeader` in src/sim/simulate.ts, which keeps it private.
 */
export function simulationHorizon(model: Model, options: SimulateOptions): number {
  return (
    options.horizon ??
    model.missionTime ??
    10 * Math.max(...model.components.map((c) => distributionFromSpec(c.failure).mean))
  );
}

/**
 * Events a run is expected to process: replications × horizon × Σ over units of 1/(mean time to
 * failure), doubled for a repairable unit (its failure and its repair). An estimate of the order
 * of magnitude, enough to refuse runs that would take days.
 */
export function estimateEvents(
  model: Model,
  options: SimulateOptions,
  replications: number,
): number {
  let rate = 0;
  for (const unit of model.units) {
    const component = model.components[unit.component]!;
    const perUnit = 1 / distributionFromSpec(component.failure).mean;
    rate += component.repair === undefined ? perUnit : 2 * perUnit;
  }
  return replications * simulationHorizon(model, options) * rate;
}

/**
 * Refuses a run before any work when its estimated events exceed `maxEvents`, naming the
 * estimate, the limit and the flag that raises it (exit 1).
 */
export function checkWorkBudget(
  where: string,
  model: Model,
  options: SimulateOptions,
  replications: number,
  maxEvents: number,
): void {
  const events = estimateEvents(model, options, replications);
  if (!(events > maxEvents)) return;
  const horizon = simulationHorizon(model, options);
  throw new UsageError(
    `${where}: about ${compact(events)} events (${replications} replications x horizon ${compact(horizon)} ${model.timeUnit}); the limit is ${compact(maxEvents)} (--max-events raises it)`,
    EXIT.failed,
  );
}

/** 20000 and 8760 as is (three significant digits); 3.2e12 and 1e9 in short exponent form. */
function compact(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1e-3 && Math.abs(value) < 1e6) return String(Number(value.toPrecision(3)));
  const [mantissa, exponent] = value.toExponential(1).split('e');
  const digits = mantissa!.replace(/\.0$/, '');
  const power = Number(exponent);
  return power === 0 ? digits : `${digits}e${power}`;
}
