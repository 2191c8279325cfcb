/**
 * A structure that uses no component (an empty series always works, an empty parallel never
 * does) is constant, yet its curves need a time axis. Without a mission time every solver took
 * its horizon from the units in the structure, found none, and refused the model with a grid
 * error (`horizon … got -Infinity`, or 0 for the simulator): the horizon now comes from the
 * model's components when the structure has none (timedUnits, src/model/timeScales.ts).
 */
import { describe, expect, test } from 'vitest';
import { type Curve, loadModel, simulate, solveExactly, solveMarkov } from '../../src/index.js';

const text = (system: string, repair: string): string =>
  `name: constant\ncomponents:\n  a: { failure: { mtbf: 100 }${repair} }\nsystem: ${system}\n`;

const CASES = [
  { system: '{ series: [] }', up: 1 },
  { system: '{ parallel: [] }', up: 0 },
];

describe.each(CASES)(
  'a system $system with an unused component, no mission time',
  ({ system, up }) => {
    test.each(['', ', repair: { mttr: 5 }'])(
      'repair "%s": exact and simulated R(t) are constant',
      (repair) => {
        const model = loadModel(text(system, repair));
        for (const result of [
          solveExactly(model),
          solveMarkov(model),
          simulate(model, { replications: 20, seed: 1 }),
        ]) {
          const reliability = result.measures.reliability as Curve;
          expect(reliability.t.at(-1)).toBeGreaterThan(0);
          expect(new Set(reliability.values)).toEqual(new Set([up]));
        }
      },
    );
  },
);
