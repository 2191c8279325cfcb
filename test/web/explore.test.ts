import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyze, componentImportance, loadModel } from '../../src/index.js';
import { explore, exploreExtras } from '../../web/compute/explore.js';
import { expectRelClose } from '../helpers/expectClose.js';

const tmr = readFileSync(new URL('../../models/tmr-voter.yaml', import.meta.url), 'utf8');
const raid5 = readFileSync(new URL('../../models/raid5.yaml', import.meta.url), 'utf8');

describe('explore', () => {
  test('explore(tmr-voter) gives the exact MTTF and R(1000) of the model header', () => {
    const outcome = explore(tmr, { overrides: {} }, []);
    if (!outcome.ok) throw new Error('tmr-voter should load');
    const { solution, parameters } = outcome.exploration;
    if (!solution.ok) throw new Error(solution.message);
    // Header of models/tmr-voter.yaml (mpmath); quadrature error about 1e-10.
    expectRelClose(solution.numbers.mttf!, 8228.203375330444, 1e-9, 'mttf');
    expectRelClose(solution.numbers.reliability!, 0.9735621386188188, 1e-12, 'R(1000)');
    expect(parameters).toMatchObject([{ name: 'lambda', value: 1e-4, isExpression: false }]);
  });

  test('explore with an override equals analyze(loadModel(text, { overrides }))', () => {
    const outcome = explore(tmr, { overrides: { lambda: 2e-4 }, missionTime: 500 }, [
      { id: 'p1', name: 'file', overrides: {} },
    ]);
    if (!outcome.ok || !outcome.exploration.solution.ok) throw new Error('should solve');
    const expected = analyze(loadModel(tmr, { overrides: { lambda: 2e-4 } }));
    expect(outcome.exploration.solution.numbers.mttf).toBe(expected.measures.mttf);
    expect(outcome.exploration.solution.numbers.missionTime).toBe(500);
    const pin = outcome.exploration.pins[0]!.solution;
    expect(pin.ok && pin.numbers.mttf).toBe(analyze(loadModel(tmr)).measures.mttf);
  });

  test('explore of invalid YAML returns the issue with its line', () => {
    const outcome = explore(tmr.replace('count: 3', 'count: [3'), { overrides: {} }, []);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues[0]!.line).toBeGreaterThan(0);
  });

  test('exploreExtras(raid5) gives a tornado and a sweep; importance is in its result', () => {
    const extras = exploreExtras(
      raid5,
      { overrides: {} },
      {
        measure: 'steadyUnavailability',
        tornadoPercent: 20,
      },
    );
    expect(extras?.tornado.map((row) => row.parameter).sort()).toEqual(['disk_mttf', 'rebuild']);
    expect(extras?.sweep?.x).toHaveLength(25);
    // The result has importance per unit (web/panels/importance.ts), so no component sums.
    expect(extras?.importance).toBeUndefined();
    expect(extras?.distribution?.component).toBe('disk');
  });

  test('componentImportance of 2-of-3 CPUs in series with a voter matches the closed form', () => {
    const model = loadModel(tmr);
    const importance = componentImportance(model, 1000)!;
    const r = Math.exp(-1e-4 * 1000);
    const rv = Math.exp(-Math.pow(1000 / 2e5, 1.3));
    // The CPUs as a group: all working leave the voter (rv), all failed fail the system; the
    // voter: the CPUs' 2-of-3 reliability.
    expectRelClose(importance.values[0]!, rv, 1e-12, 'cpu');
    expectRelClose(importance.values[1]!, 3 * r * r - 2 * r * r * r, 1e-12, 'voter');
  });
});
