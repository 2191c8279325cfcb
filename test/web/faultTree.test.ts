import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze, loadModel, type Result } from '../../src/index.js';
import { cutSetSummary, literalText } from '../../web/compute/cutSets.js';
import { explore, exploreExtras } from '../../web/compute/explore.js';
import {
  importanceBasis,
  importanceRows,
  importanceSubject,
  nextImportanceSort,
  sortImportanceRows,
  type ImportanceRow,
} from '../../web/compute/importance.js';
import { formatFactor } from '../../web/views/faultTreeTables.js';
import { expectRelClose } from '../helpers/expectClose.js';

const model = (name: string) =>
  readFileSync(new URL(`../../models/${name}.yaml`, import.meta.url), 'utf8');

/** The exploration of a model text with overrides, or a failed test. */
function solved(text: string, overrides: Record<string, number> = {}) {
  const outcome = explore(text, { overrides }, []);
  if (!outcome.ok) throw new Error(outcome.issues.map((i) => i.message).join('; '));
  const { solution } = outcome.exploration;
  if (!solution.ok) throw new Error(solution.message);
  return { exploration: outcome.exploration, result: solution.result, numbers: solution.numbers };
}

const factors = (birnbaum: number, rest: number | null) => ({
  birnbaum,
  criticality: rest,
  diagnostic: rest,
  fussellVesely: rest,
  raw: rest,
  rrw: rest,
});

describe('explore of a fault tree', () => {
  test('explore(fire-detection) gives P(top) of the model header, first among the measures', () => {
    const { exploration, numbers } = solved(model('fire-detection'));
    // Header of models/fire-detection.yaml (test/reference/fault_trees_reference.py, mpmath).
    expectRelClose(numbers.topEventProbability, 0.0010815846423753821, 1e-12, 'P(top)');
    expect(exploration.measures[0]).toBe('topEventProbability');
    expect(exploration.houseEvents).toEqual([{ name: 'panel_in_test', fileValue: false }]);
  });

  test('a house event overridden to 1 equals analyze(loadModel(text, { overrides }))', () => {
    const text = model('fire-detection');
    const { numbers } = solved(text, { panel_in_test: 1 });
    const expected = analyze(loadModel(text, { overrides: { panel_in_test: 1 } }), { points: 2 });
    expect(numbers.topEventProbability).toBe(expected.measures.topEventProbability);
    // The panel in test is a cut set of its own: the top event is certain.
    expect(numbers.topEventProbability).toBe(1);
  });

  test('a tree of fixed probabilities has no mission time to show', () => {
    const { numbers, exploration } = solved(model('interlock-not'));
    expect(numbers.missionTime).toBeNaN();
    expect(exploration.houseEvents).toEqual([]);
  });

  test('exploreExtras leaves the component sums out when the result has importance', () => {
    const request = { measure: 'topEventProbability', tornadoPercent: 20 } as const;
    const tree = exploreExtras(model('safety-function-ccf'), { overrides: {} }, request);
    expect(tree?.importance).toBeUndefined();
    expect(tree?.tornado.map((row) => row.parameter).sort()).toEqual(['pt_pfd', 'xv_pfd']);
    // power-2n has standby blocks: no importance in its result, so the sums stay.
    const blocks = exploreExtras(
      model('power-2n'),
      { overrides: {} },
      { measure: 'reliability', tornadoPercent: 20 },
    );
    expect(blocks?.importance?.components).toEqual(['utility', 'generator', 'ups']);
  });
});

describe('cutSetSummary', () => {
  test('fire-detection: 7 minimal cut sets, the most probable first', () => {
    const summary = cutSetSummary(solved(model('fire-detection')).result)!;
    expect(summary.kind).toBe('minimal cut sets');
    expect(summary.count).toBe(7);
    expect(summary.sets[0]).toEqual(['panel_fails']);
    expect(summary.sets).toHaveLength(7);
  });

  test('interlock-not: 11 prime implicants, 10 shown, negated events written ¬x', () => {
    const summary = cutSetSummary(solved(model('interlock-not')).result)!;
    expect(summary.kind).toBe('prime implicants');
    expect(summary.count).toBe(11);
    expect(summary.sets).toHaveLength(10);
    expect(summary.sets.flat()).toContain('¬duty_pump_stopped');
    expect(summary.sets.flat().some((literal) => literal.startsWith('not '))).toBe(false);
  });

  test('a result without cut sets has no summary', () => {
    expect(cutSetSummary(solved(model('tmr-voter')).result)).toBeUndefined();
  });

  test('literalText writes only a leading "not " as ¬', () => {
    expect(literalText('not pump')).toBe('¬pump');
    expect(literalText('nothing')).toBe('nothing');
    expect(literalText('[a b]')).toBe('[a b]');
  });
});

describe('importance rows', () => {
  const rows: ImportanceRow[] = [
    { name: 'b', factors: factors(0.5, null) },
    { name: 'a', factors: factors(0.2, 0.3) },
    { name: 'c', factors: factors(0.5, 0.1) },
  ];

  test('importanceRows lists every event of fire-detection with its six factors', () => {
    const result = solved(model('fire-detection')).result;
    const list = importanceRows(result)!;
    expect(list).toHaveLength(10);
    const detector = list.find((row) => row.name === 'detector_1')!;
    // Header of models/fire-detection.yaml (mpmath); the BDD's error is about 1e-15.
    expectRelClose(detector.factors.criticality!, 0.004040841744302731, 1e-9, 'CIF');
    expectRelClose(detector.factors.raw!, 2.00616959433138, 1e-9, 'RAW');
    expect(importanceSubject(result)).toBe('event');
  });

  test('sortImportanceRows puts a factor without a value last in either direction', () => {
    const down = sortImportanceRows(rows, { key: 'criticality', direction: 'descending' });
    expect(down.map((row) => row.name)).toEqual(['a', 'c', 'b']);
    const up = sortImportanceRows(rows, { key: 'criticality', direction: 'ascending' });
    expect(up.map((row) => row.name)).toEqual(['c', 'a', 'b']);
  });

  test('sortImportanceRows breaks ties by name and sorts names alphabetically', () => {
    const byBirnbaum = sortImportanceRows(rows, { key: 'birnbaum', direction: 'descending' });
    expect(byBirnbaum.map((row) => row.name)).toEqual(['b', 'c', 'a']);
    const byName = sortImportanceRows(rows, { key: 'name', direction: 'descending' });
    expect(byName.map((row) => row.name)).toEqual(['c', 'b', 'a']);
    expect(rows.map((row) => row.name)).toEqual(['b', 'a', 'c']);
  });

  test('a click on the sorted column turns it; on another, sorts it largest first', () => {
    const start = { key: 'criticality', direction: 'descending' } as const;
    expect(nextImportanceSort(start, 'criticality')).toEqual({
      key: 'criticality',
      direction: 'ascending',
    });
    expect(nextImportanceSort(start, 'raw')).toEqual({ key: 'raw', direction: 'descending' });
    expect(nextImportanceSort(start, 'name')).toEqual({ key: 'name', direction: 'ascending' });
  });

  test('formatFactor gives 6 significant digits, and – for a factor without a value', () => {
    expect(formatFactor(0.004040841744302731)).toBe('0.00404084');
    expect(formatFactor(924.5693409660427)).toBe('924.569');
    expect(formatFactor(null)).toBe('–');
  });
});

describe('importanceBasis', () => {
  const base: Result = {
    method: 'analytic',
    model: { name: 'm', hash: '0' },
    timeUnit: 'h',
    measures: {},
    warnings: [],
  };

  test('a block model: the time or the steady state its warning names', () => {
    const tmr = solved(model('tmr-voter')).result;
    expect(importanceBasis(tmr)).toBe('at t = 1000');
    expect(importanceSubject(tmr)).toBe('unit');
    expect(importanceBasis({ ...base, warnings: ['importance is in the steady state'] })).toBe(
      'in the steady state',
    );
  });

  test('a fault tree: the horizon, or the fixed probabilities when it has none', () => {
    expect(importanceBasis({ ...base, horizon: 8760 })).toBe('at t = 8760');
    expect(importanceBasis(base)).toBe("at the events' fixed probabilities");
  });
});
