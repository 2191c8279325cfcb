/**
 * Fuzzing of the simulator's estimators over random valid models (test/helpers/randomModel.ts:
 * structures up to depth 4, standby, networks, crews, coverage, detection and recovery, rates
 * from 1e-9 to 1e3 per hour), every measure asked, under a small work budget. For each model:
 * a result, or one of relkit's errors (the budget refusing a run is the usual one); never another
 * exception. In a result: only finite numbers (JSON would carry NaN and ±Infinity as null), every
 * estimate inside its own interval with a nonnegative integer `events`, every curve a probability
 * inside its band, and every measure asked either reported (the MTTF possibly as
 * `restrictedMttf`) or named by a warning.
 */
import { describe, expect, it } from 'vitest';
import {
  ParameterError,
  UnsupportedModelError,
  WorkBudgetError,
  loadModel,
  simulate,
  SIMULATED_MEASURES,
  UPKEEP_MEASURES,
  type Curve,
  type Estimate,
} from '../../src/index.js';
import { randomModel } from '../helpers/randomModel.js';

const COUNT = Number(process.env.SIM_FUZZ_COUNT ?? 400);
const START = Number(process.env.SIM_FUZZ_START ?? 1);

/** Runs that gave a result (the rest were refused by the budget or another relkit error). */
let simulated = 0;

/** What is wrong with one model's simulation, if anything. */
function problems(seed: number): string[] {
  const { text, scales, rateBound } = randomModel(seed);
  const model = loadModel(text);
  // Half the models at the default horizon, half at one within the events budget, so that most
  // runs give a result: about 2e5 events at the largest total event rate.
  const sorted = [...scales].sort((a, b) => a - b);
  const horizon = Math.min(sorted[Math.floor(sorted.length / 2)]! * 10, 1e4 / rateBound);
  let result;
  try {
    result = simulate(model, {
      replications: 20,
      seed,
      maxEvents: 2e6,
      ...(seed % 2 === 0 && horizon > 0 && { horizon }),
    });
  } catch (error) {
    if (
      error instanceof WorkBudgetError ||
      error instanceof UnsupportedModelError ||
      error instanceof ParameterError
    ) {
      return [];
    }
    return [`threw ${(error as Error).name}: ${(error as Error).message}`];
  }
  simulated++;
  const found: string[] = [];
  if (/NaN|Infinity|null/.test(JSON.stringify(result))) found.push('a non-finite number');
  for (const [name, value] of Object.entries(result.measures)) {
    if (typeof value !== 'object') continue;
    if ('t' in value) {
      const curve = value as Curve;
      curve.values.forEach((p, i) => {
        const lo = curve.lo![i]!;
        const hi = curve.hi![i]!;
        if (!(p >= 0 && p <= 1 && lo <= p && p <= hi)) {
          found.push(`${name}(t=${curve.t[i]}): ${p} outside [${lo}, ${hi}]`);
        }
      });
    } else {
      const { mean, ci95, events } = value as Estimate;
      const slack = 1e-12 * Math.max(1, Math.abs(mean));
      if (!(ci95[0] <= mean + slack && mean <= ci95[1] + slack)) {
        found.push(`${name}: ${mean} outside [${ci95[0]}, ${ci95[1]}]`);
      }
      if (events !== undefined && !(Number.isInteger(events) && events >= 0)) {
        found.push(`${name}: events ${events}`);
      }
    }
  }
  const said = result.warnings.join('\n');
  // The maintenance measures are estimated, by default, only for models they apply to.
  for (const name of SIMULATED_MEASURES.filter((m) => !UPKEEP_MEASURES.includes(m))) {
    const given =
      name in result.measures || (name === 'mttf' && 'restrictedMttf' in result.measures);
    if (!given && !said.includes(name)) found.push(`${name} missing without a warning`);
  }
  return found;
}

describe('simulate on random valid models', () => {
  it(`gives a clean result or a relkit error for ${COUNT} models (seeds ${START}…)`, () => {
    const findings: string[] = [];
    for (let seed = START; seed < START + COUNT; seed++) {
      for (const problem of problems(seed)) findings.push(`seed ${seed}: ${problem}`);
    }
    expect(findings, findings.slice(0, 20).join('\n')).toEqual([]);
    // The budget refuses some runs; most must run for the test to mean something.
    expect(simulated, `${simulated} of ${COUNT} runs gave a result`).toBeGreaterThan(COUNT / 2);
  }, 600_000);
});
