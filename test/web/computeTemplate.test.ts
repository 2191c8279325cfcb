/**
 * The explorer parses a model text once: the template of the last text is reused for every
 * scenario, pin, tornado bar and sweep point, and derived parameters are found from it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadModel } from '../../src/index.js';
import { explore, exploreExtras } from '../../web/compute/explore.js';
import { sweep, tornado } from '../../web/compute/sensitivity.js';
import { solveModel } from '../../web/compute/solve.js';
import { evaluateScenario, loadScenario, parseText } from '../../web/compute/template.js';
import { measureValue } from '../../web/compute/measures.js';
import { parameterControl } from '../../web/state/parameterScale.js';

const raid5 = readFileSync(new URL('../../models/raid5.yaml', import.meta.url), 'utf8');

const DERIVED = `name: derived
parameters:
  mttr: 10
  mu: 1 / mttr
  n_units: 2
  k: n_units - 1
  c: 0.95
  twice: 2 * mu
components:
  a: { count: n_units, failure: { mtbf: 1000 }, repair: { rate: mu }, coverage: c }
system: { koon: { k: k, of: a } }
`;

describe('parseText', () => {
  test('parses a text once and keeps its template while the text is the same', () => {
    const first = parseText(raid5);
    expect(parseText(raid5)).toBe(first);
    if (!first.ok || !first.file.ok) throw new Error('raid5 should load');
    expect(first.file.model).toEqual(loadModel(raid5, { file: 'model' }));
    const other = parseText(DERIVED);
    expect(other).not.toBe(first);
    expect(parseText(DERIVED)).toBe(other);
  });

  test('gives the issues of a text that does not parse, with their lines', () => {
    const parsed = parseText(raid5.replace('count: 5', 'count: [5'));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues[0]!.line).toBeGreaterThan(0);
  });

  test('evaluates a scenario as loadModel with its overrides, or gives its issues', () => {
    const loaded = loadScenario(raid5, { rebuild: 48 });
    expect(loaded).toEqual({
      ok: true,
      model: loadModel(raid5, { file: 'model', overrides: { rebuild: 48 } }),
    });
    const parsed = parseText(raid5);
    if (!parsed.ok) throw new Error('raid5 should parse');
    const bad = evaluateScenario(parsed.template, { nothing: 1 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]!.message).toBe('has no parameter "nothing" to override');
  });
});

describe('expression parameters', () => {
  test('the template names the parameters written as expressions, counts and probabilities included', () => {
    const parsed = parseText(DERIVED);
    if (!parsed.ok) throw new Error('should parse');
    expect([...parsed.template.expressionParameterNames].sort()).toEqual(['k', 'mu', 'twice']);
  });

  test('explore gives derived parameters no control and leaves them out of the tornado', () => {
    const outcome = explore(DERIVED, { overrides: { mttr: 20 } }, []);
    if (!outcome.ok) throw new Error('should load');
    const flags = Object.fromEntries(
      outcome.exploration.parameters.map((p) => [p.name, p.isExpression]),
    );
    expect(flags).toEqual({
      mttr: false,
      mu: true,
      n_units: false,
      k: true,
      c: false,
      twice: true,
    });
    const mu = outcome.exploration.parameters.find((p) => p.name === 'mu')!;
    expect(mu).toMatchObject({ value: 1 / 20, fileValue: 1 / 10 });
    const extras = exploreExtras(
      DERIVED,
      { overrides: {} },
      { measure: 'steadyUnavailability', tornadoPercent: 20 },
    );
    expect(extras?.tornado.map((row) => row.parameter).sort()).toEqual(['c', 'mttr', 'n_units']);
  });
});

describe('sensitivity on the parsed model', () => {
  test('tornado and sweep give the measure of each scenario loaded from the text', () => {
    const parsed = parseText(raid5);
    if (!parsed.ok) throw new Error('raid5 should parse');
    const scenario = { overrides: { rebuild: 12 }, missionTime: 1000 };
    const measureAt = (overrides: Record<string, number>): number | null => {
      const solution = solveModel(loadModel(raid5, { overrides }), scenario.missionTime, 2);
      return solution.ok ? (measureValue(solution.result, 'steadyUnavailability') ?? null) : null;
    };
    const control = parameterControl('disk_mttf', 500000);
    const rows = tornado(
      parsed.template,
      scenario,
      'steadyUnavailability',
      [{ name: 'disk_mttf', value: 500000, control }],
      10,
    );
    expect(rows).toEqual([
      {
        parameter: 'disk_mttf',
        lowValue: 450000,
        highValue: 550000,
        low: measureAt({ rebuild: 12, disk_mttf: 450000 }),
        high: measureAt({ rebuild: 12, disk_mttf: 550000 }),
      },
    ]);
    const swept = sweep(parsed.template, scenario, 'steadyUnavailability', control, 3);
    expect(swept.x).toHaveLength(3);
    expect(swept.y).toEqual(swept.x.map((x) => measureAt({ rebuild: 12, disk_mttf: x })));
  });
});
