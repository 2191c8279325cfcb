import { describe, expect, test } from 'vitest';
import type { Result } from '../../src/index.js';
import type { Column } from '../../web/state/selectors.js';
import { resultsCsv, resultsJson } from '../../web/views/resultFiles.js';

const result: Result = {
  method: 'analytic',
  model: { name: 'm', hash: '0' },
  timeUnit: 'h',
  measures: {
    reliability: { t: [0, 10], values: [1, 0.9] },
    availability: { t: [0], values: [1] },
  },
  warnings: [],
};

const columns: Column[] = [
  {
    id: 'live',
    name: 'current',
    color: '#0072B2',
    solution: { ok: true, result, numbers: { missionTime: 10, mttf: 95 } },
  },
  {
    id: 'p1',
    name: 'say "hi", all',
    color: '#D55E00',
    solution: { ok: true, result, numbers: { missionTime: 10 } },
    pin: { id: 'p1', name: 'say "hi", all', overrides: { x: 1 } },
  },
  {
    id: 'p2',
    name: 'broken',
    color: '#009E73',
    solution: { ok: false, message: 'no' },
    pin: { id: 'p2', name: 'broken', overrides: {} },
  },
];

describe('result files', () => {
  test('resultsCsv: numbers with an empty t, then the curve points; names quoted when needed', () => {
    expect(resultsCsv(columns)).toBe(
      [
        'scenario,measure,t,value',
        'current,missionTime,,10',
        'current,mttf,,95',
        'current,reliability,0,1',
        'current,reliability,10,0.9',
        'current,availability,0,1',
        '"say ""hi"", all",missionTime,,10',
        '"say ""hi"", all",reliability,0,1',
        '"say ""hi"", all",reliability,10,0.9',
        '"say ""hi"", all",availability,0,1',
        '',
      ].join('\n'),
    );
  });

  test('resultsJson: every scenario with its solution, the live one with its overrides', () => {
    const data = JSON.parse(resultsJson('m', columns, { overrides: { x: 2 } }, undefined));
    expect(data.model).toBe('m');
    expect(data.columns.map((c: { scenario: unknown }) => c.scenario)).toEqual([
      { overrides: { x: 2 } },
      columns[1]!.pin,
      columns[2]!.pin,
    ]);
    expect(data.simulation).toBeUndefined();
    expect(JSON.parse(resultsJson('m', [], { overrides: {} }, result)).simulation).toEqual(result);
  });
});
