/**
 * solveMarkov on the models/ examples (against their stated answers and against analyze) and
 * on chains that only the Markov engine solves, against chains built independently in Python.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analytic/solver/analyze.js';
import { UnsupportedModelError } from '../../src/errors.js';
import { solveMarkov, type MarkovResult } from '../../src/markov/measures/solveMarkov.js';
import { loadModel } from '../../src/model/loadModel.js';
import type { Model } from '../../src/model/Model.js';
import type { Curve, Result } from '../../src/model/Result.js';
import { measuresOf } from '../../src/solve/compareResults.js';
import { element } from '../helpers/element.js';
import { expectRelClose } from '../helpers/expectClose.js';

const MODELS = join(import.meta.dirname, '../../models');

/**
 * Overlapping exact solvers agree to 1e-9 (STYLE.md §8); the Python references solve dense
 * systems in double precision (lstsq, expm), good to about 1e-13 relative on these small chains.
 */
const TOLERANCE = 1e-9;

/** Reads header lines `#   measure = value` and `#   measure(t) = value`. */
function statedAnswers(text: string): { measure: string; t?: number; value: number }[] {
  const answers: { measure: string; t?: number; value: number }[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('#')) break;
    const match = /^#\s+(\w+)(?:\(([\d.e+-]+)\))?\s*=\s*([\d.e+-]+)\s*$/.exec(line);
    if (match) {
      answers.push({
        measure: element(match, 1),
        ...(match[2] !== undefined && { t: Number(match[2]) }),
        value: Number(match[3]),
      });
    }
  }
  return answers;
}

function measureAt(result: Result, measure: string, t?: number): number {
  const value = (result.measures as Record<string, unknown>)[measure];
  if (t === undefined) {
    expect(typeof value, `${measure} is a number`).toBe('number');
    return value as number;
  }
  const curve = value as Curve;
  const index = curve.t.indexOf(t);
  expect(index, `${measure} has t = ${t}`).toBeGreaterThanOrEqual(0);
  return element(curve.values, index);
}

/**
 * Whether the Markov engine solves the model: every time exponential, but for the instantaneous
 * repair of a proof-tested component, and no preventive replacement.
 */
function isExponential(model: Model): boolean {
  return model.components.every(
    (c) =>
      !c.preventive &&
      [c.failure, c.repair, c.detection, c.recovery].every(
        (spec) =>
          spec === undefined ||
          spec.dist === 'exponential' ||
          (c.inspection !== undefined && spec === c.repair && spec.dist === 'deterministic'),
      ),
  );
}

describe('solveMarkov on models/', () => {
  const files = readdirSync(MODELS).filter((name) => name.endsWith('.yaml'));
  for (const file of files) {
    const text = readFileSync(join(MODELS, file), 'utf8');
    const model = loadModel(text, { file });
    if (model.faultTree && !model.system) {
      it(`solveMarkov(${file}) refuses the fault tree without a block form, naming analyze`, () => {
        expect(() => solveMarkov(model)).toThrow(
          /the fault tree has no block form: .*relkit analyze/,
        );
      });
      continue;
    }
    if (!isExponential(model)) {
      it(`solveMarkov(${file}) refuses the non-exponential model, naming relkit simulate`, () => {
        expect(() => solveMarkov(model)).toThrow(UnsupportedModelError);
        expect(() => solveMarkov(model)).toThrow(
          /(needs exponential times|which this solver does not model); use relkit simulate/,
        );
      });
      continue;
    }
    const answers = statedAnswers(text);
    const times = answers.flatMap((a) => (a.t === undefined ? [] : [a.t]));
    it(`solveMarkov(${file}) matches every stated answer to ${TOLERANCE} relative`, () => {
      const result = solveMarkov(model, times.length > 0 ? { times } : {});
      expect(result.method).toBe('markov');
      for (const { measure, t, value } of answers) {
        expectRelClose(measureAt(result, measure, t), value, TOLERANCE, `${file} ${measure}(${t})`);
      }
    });
    it(`solveMarkov(${file}) agrees with analyze on every measure both give, or analyze refuses it`, () => {
      let exact: Result;
      try {
        exact = analyze(model, { points: 5 });
      } catch (error) {
        expect(error).toBeInstanceOf(UnsupportedModelError);
        return;
      }
      const markov = solveMarkov(model, { points: 5, horizon: exact.horizon! });
      let compared = 0;
      // Numbers and curves: the importance factors are analyze's alone.
      for (const [key, value] of measuresOf(exact)) {
        const other = (markov.measures as Record<string, unknown>)[key];
        if (typeof value === 'number') {
          expectRelClose(other as number, value, TOLERANCE, `${file} ${key}`);
          compared++;
        } else {
          const curve = value as Curve;
          curve.t.forEach((t, i) => {
            expectRelClose(
              measureAt(markov, key, t),
              curve.values[i],
              TOLERANCE,
              `${file} ${key}(${t})`,
            );
          });
          compared++;
        }
      }
      expect(compared).toBeGreaterThanOrEqual(2);
    });
  }
});

/** Reference values: test/reference/markov_models_reference.py (numpy 2.4.6, scipy 1.17.1, 2026-11-26). */
describe('solveMarkov against chains built independently', () => {
  const check = (result: MarkovResult, expected: Record<string, number>, label: string) => {
    for (const [key, value] of Object.entries(expected)) {
      const match = /^(\w+)\((.+)\)$/.exec(key);
      const actual = match
        ? measureAt(result, element(match, 1), Number(match[2]))
        : measureAt(result, key);
      expectRelClose(actual, value, TOLERANCE, `${label} ${key}`);
    }
  };

  it('one crew serving first come, first served across components keeps the queue order (cooling-fcfs)', () => {
    const text = readFileSync(join(MODELS, 'cooling-loop.yaml'), 'utf8').replace(
      'priority: [valve]',
      'priority: []',
    );
    const result = solveMarkov(loadModel(text), { times: [10, 100] });
    // 2 pumps lumped × valve × queue orders: fewer states than the 16 of the unit-by-unit chain.
    expect(result.states).toBeLessThanOrEqual(16);
    check(
      result,
      {
        steadyAvailability: 0.9514833922598769,
        steadyUnavailability: 0.048516607740122966,
        failureFrequency: 0.006314558461270166,
        mut: 150.68090636831116,
        mdt: 7.683293778606321,
        mttf: 154.28571428571422,
        'availability(10)': 0.9728435567127425,
        'availability(100)': 0.9515089728584057,
      },
      'cooling-fcfs',
    );
  });

  it('detection delay and an uncovered failure down until repair, one crew (duplex-detection)', () => {
    const model = loadModel(`name: duplex
components:
  cpu:
    count: 2
    failure: { rate: 1e-3 }
    coverage: 0.9
    detection: { mean: 0.5 }
    repair: { mttr: 4 }
system: { parallel: [cpu] }
maintenance: { crews: 1 }`);
    check(
      solveMarkov(model, { times: [10] }),
      {
        steadyAvailability: 0.9990721344252994,
        steadyUnavailability: 0.0009278655747019844,
        failureFrequency: 0.00020623639636336,
        mut: 4844.30562229701,
        mdt: 4.499038923601117,
        mttf: 4844.91014526037,
        'availability(10)': 0.9991560882750672,
      },
      'duplex-detection',
    );
  });

  it('recovery after an uncovered failure with idle_while_down (duplex-recovery)', () => {
    const model = loadModel(`name: duplex
components:
  cpu:
    count: 2
    failure: { rate: 1e-3 }
    coverage: 0.9
    recovery: { mean: 0.1 }
    repair: { mttr: 4 }
system: { parallel: [cpu] }
maintenance: { idle_while_down: true }`);
    const result = solveMarkov(model, { times: [10] });
    expect(result.warnings).toEqual([]);
    check(
      result,
      {
        steadyAvailability: 0.9999643212484627,
        steadyUnavailability: 3.5678751538104426e-5,
        failureFrequency: 0.00020632647843332283,
        mut: 4846.51475099748,
        mdt: 0.1729237653306553,
        mttf: 4861.538461538463,
        'availability(10)': 0.9999667831600876,
      },
      'duplex-recovery',
    );
  });

  it('gives the common result shape with method markov, states and transitions', () => {
    const result = solveMarkov(loadModel(readFileSync(join(MODELS, 'raid5.yaml'), 'utf8')));
    expect(result.method).toBe('markov');
    expect(result.states).toBe(6);
    expect(result.transitions).toBe(10);
    expect(Object.keys(result.measures).sort()).toEqual(
      [
        'availability',
        'failureFrequency',
        'intervalAvailability',
        'mdt',
        'mtbf',
        'mttf',
        'mut',
        'nines',
        'reliability',
        'steadyAvailability',
        'steadyUnavailability',
      ].sort(),
    );
    const only = solveMarkov(loadModel(readFileSync(join(MODELS, 'raid5.yaml'), 'utf8')), {
      mttf: true,
    });
    expect(Object.keys(only.measures)).toEqual(['mttf']);
  });
});

describe('solveMarkov on a hand-written chain', () => {
  const chainModel = (transitions: { from: number; to: number; rate: number }[]): Model => ({
    name: 'hand',
    description: '',
    timeUnit: 'h',
    parameters: {},
    components: [],
    units: [],
    chain: {
      states: [
        { name: 'ok', up: true },
        { name: 'degraded', up: true },
        { name: 'failed', up: false },
        { name: 'spare', up: true },
      ],
      initial: 0,
      transitions,
    },
    maintenance: { priority: [], idleWhileDown: false },
  });

  it('solves the chain and warns of unreachable states', () => {
    const result = solveMarkov(
      chainModel([
        { from: 0, to: 1, rate: 2e-3 },
        { from: 1, to: 0, rate: 0.1 },
        { from: 1, to: 2, rate: 1e-3 },
        { from: 2, to: 0, rate: 0.05 },
      ]),
      { steady: true },
    );
    expect(result.warnings).toContain(
      'markov: states spare cannot be reached from the initial state',
    );
    expect(result.states).toBe(4);
    // Balance by hand: π1 (0.1 + 0.001) = 0.002 π0, π2 · 0.05 = 0.001 π1.
    const r1 = 0.002 / 0.101;
    const r2 = (r1 * 0.001) / 0.05;
    expectRelClose(result.measures.steadyUnavailability as number, r2 / (1 + r1 + r2), 1e-12, 'U');
  });

  it('warns of a trap the system never leaves and gives no steady measures', () => {
    const result = solveMarkov(
      chainModel([
        { from: 0, to: 1, rate: 2e-3 },
        { from: 1, to: 2, rate: 1e-3 },
        { from: 3, to: 0, rate: 1 },
      ]),
    );
    expect(result.warnings).toContain(
      'markov: once in failed the system stays down for good (a trap of down states)',
    );
    expect(result.measures.steadyAvailability).toBeUndefined();
    expectRelClose(result.measures.mttf as number, 1 / 2e-3 + 1 / 1e-3, 1e-12, 'mttf');
  });
});
