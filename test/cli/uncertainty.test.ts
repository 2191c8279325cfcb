/**
 * `--uncertainty N` of `relkit analyze` and `relkit simulate`: the flag, its refusals, the JSON
 * shape beside the unchanged point result, and reproducibility.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/index.js';
import { solveWithUncertainty } from '../../src/solve/uncertainty.js';
import { relkit, requireBuiltCli, scratch } from '../helpers/cli.js';

const DATA = join(import.meta.dirname, '../fit/data');
const readData = (file: string): string => readFileSync(join(DATA, file), 'utf8');

const PAIR = `name: repaired pair
mission_time: 1000
components:
  pump: { count: 2, failure: { fit: bearings.csv, dist: exponential }, repair: { mttr: 5 } }
system: { parallel: [pump] }
`;
const UNIT = `name: one unit
mission_time: 50
components:
  bearing: { failure: { fit: bearings.csv, dist: exponential } }
system: bearing
`;

let pair: string;
let unit: string;
beforeAll(() => {
  requireBuiltCli();
  pair = scratch('pair.yaml', PAIR);
  writeFileSync(join(dirname(pair), 'bearings.csv'), readData('bearings.csv'));
  unit = join(dirname(pair), 'unit.yaml');
  writeFileSync(unit, UNIT);
});

describe('relkit analyze --uncertainty', () => {
  it('adds uncertainty beside the unchanged result, as the library gives it', () => {
    const run = relkit('analyze', pair, '--uncertainty', '100', '--seed', '5', '--json');
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    const plain = JSON.parse(relkit('analyze', pair, '--json').stdout) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual([...Object.keys(plain), 'uncertainty']);
    const { uncertainty, ...point } = result;
    expect(point).toEqual(plain);
    expect(uncertainty).toMatchObject({
      draws: 100,
      seed: 5,
      method: 'fisher-normal',
      laws: ['components.pump.failure'],
      warnings: [],
    });
    const measures = (uncertainty as { measures: Record<string, unknown> }).measures;
    expect(Object.keys(measures['steadyAvailability'] as object)).toEqual([
      'estimate',
      'median',
      'ci95',
    ]);
    expect(Object.keys(measures['availability'] as object)).toEqual([
      't',
      'estimate',
      'median',
      'lo',
      'hi',
    ]);
    expect(measures['availabilityAtMission']).toMatchObject({ t: 1000 });
    const library = solveWithUncertainty(
      loadModel(PAIR, { readData }),
      'auto',
      {},
      { draws: 100, seed: 5 },
    );
    expect(uncertainty).toEqual(JSON.parse(JSON.stringify(library.uncertainty)));
  });

  it('prints the intervals after the table', () => {
    const run = relkit('analyze', unit, '--uncertainty', '40');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      'parameter uncertainty: 40 draws (seed 1) of components.bearing.failure',
    );
    expect(run.stdout).toMatch(/\n {2}mttf +\S+ +median \S+ +\(\S+ to \S+\)\n/);
  });

  it('refuses a model without fitted laws, a bad N and --seed alone', () => {
    const plain = scratch(
      'plain.yaml',
      'name: x\ncomponents:\n  a: { failure: { mtbf: 10 } }\nsystem: a\n',
    );
    const none = relkit('analyze', plain, '--uncertainty', '100');
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/--uncertainty: the model "x" has no laws fitted from data/);
    const few = relkit('analyze', unit, '--uncertainty', '39');
    expect(few.status).toBe(1);
    expect(few.stderr).toContain('--uncertainty must be an integer in [40, 1000000]; got 39');
    expect(relkit('analyze', unit, '--uncertainty', 'many').status).toBe(64);
    const seed = relkit('analyze', unit, '--seed', '3');
    expect(seed.status).toBe(64);
    expect(seed.stderr).toContain('--seed is an option of --uncertainty');
  });

  it('reports a bad data file at its place in the model, as without the flag', () => {
    const bad = scratch('bad.yaml', UNIT.replace('bearings.csv', 'missing.csv'));
    const run = relkit('analyze', bad, '--uncertainty', '100');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/bad\.yaml:4:\d+: .*failure\.fit.*cannot read "missing\.csv"/);
  });
});

describe('relkit simulate --uncertainty', () => {
  const args = (workers: string): string[] => [
    'simulate',
    unit,
    '--uncertainty',
    '40',
    '--replications',
    '100',
    '--seed',
    '2',
    '--workers',
    workers,
    '--json',
  ];

  it('nests a run per draw, with the inner noise, the same for any number of workers', () => {
    const one = relkit(...args('1'));
    expect(one.status, one.stderr).toBe(0);
    const result = JSON.parse(one.stdout) as {
      measures: { mttf: { mean: number } };
      uncertainty: { draws: number; measures: Record<string, Record<string, number>> };
    };
    expect(result.uncertainty.draws).toBe(40);
    const mttf = result.uncertainty.measures['mttf']!;
    expect(Object.keys(mttf)).toEqual(['estimate', 'median', 'ci95', 'innerHalfWidth']);
    expect(mttf['estimate']).toBe(result.measures.mttf.mean);
    expect(mttf['innerHalfWidth']).toBeGreaterThan(0);
    const two = JSON.parse(relkit(...args('2')).stdout) as typeof result;
    expect(two.uncertainty).toEqual(result.uncertainty);
  });

  it('warns when the simulation noise is not small beside the spread', () => {
    // 100 replications give the MTTF to ±20 %, the 23 failures its parameter to about ±40 %.
    const run = relkit('simulate', unit, '--uncertainty', '40', '--replications', '20');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/warning: \w+: the simulation noise is not small/);
  });

  it('refuses --precision, --shard and --csv, and a model without fitted laws', () => {
    for (const extra of [['--precision', '1%'], ['--shard', '0/2'], ['--csv']]) {
      const run = relkit('simulate', unit, '--uncertainty', '40', ...extra);
      expect(run.status, extra.join(' ')).toBe(64);
      expect(run.stderr).toContain(`drop ${extra[0]}`);
    }
    const plain = scratch(
      'plain.yaml',
      'name: x\ncomponents:\n  a: { failure: { mtbf: 10 } }\nsystem: a\n',
    );
    expect(relkit('simulate', plain, '--uncertainty', '40').status).toBe(1);
  });
});
