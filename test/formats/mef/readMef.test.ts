/**
 * readMef on small MEF inputs written here: the relkit document it builds (structural
 * assertions on the whole document, a change guard), the probabilities its expressions give
 * against SCRAM's formulas, and where `locate` points.
 */
import { describe, expect, it } from 'vitest';
import { readMef } from '../../../src/formats/mef/readMef.js';
import { compileExpression } from '../../../src/model/expression.js';
import { basic, documentOf, opsa, read, tree } from './mefInput.js';

/** Evaluates a document value (number or expression text) with parameter values. */
function valueOf(numeric: unknown, parameters: Record<string, number> = {}): number {
  if (typeof numeric === 'number') return numeric;
  return compileExpression(String(numeric)).evaluate(new Map(Object.entries(parameters)));
}

/** |actual − expected| ≤ 1e-12·|expected|: the expressions are a few floating-point operations. */
function expectRelative(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected));
}

describe('readMef builds the relkit document', () => {
  it('readMef of a two-train fault tree gives name, gates, events, house events and top', () => {
    const text = tree(
      `<define-gate name="top"><and><gate name="train_a"/><gate name="train_b"/></and></define-gate>
<define-gate name="train_a"><or><basic-event name="pump_a"/><event name="valve_a"/><not><house-event name="test"/></not></or></define-gate>
<define-gate name="train_b"><or><basic-event name="pump_b"/><event name="valve_a" type="basic-event"/></or></define-gate>
${basic('pump_a', 0.001)}${basic('pump_b', 0.002)}${basic('valve_a', 0.003)}
<define-house-event name="test"><constant value="true"/></define-house-event>`,
      'cooling',
    );
    expect(read(text)).toEqual({
      source: expect.objectContaining({ file: 'model.xml' }),
      warnings: [],
    });
    expect(documentOf(text)).toEqual({
      name: 'cooling',
      time_unit: 'h',
      mission_time: 8760,
      events: {
        pump_a: { probability: 0.001 },
        pump_b: { probability: 0.002 },
        valve_a: { probability: 0.003 },
      },
      house_events: { test: true },
      fault_tree: {
        top: 'top',
        gates: {
          top: { and: ['train_a', 'train_b'] },
          train_a: { or: ['pump_a', 'valve_a', { not: 'test' }] },
          train_b: { or: ['pump_b', 'valve_a'] },
        },
      },
    });
  });

  it('readMef names the model after <opsa-mef name> before the first fault tree', () => {
    const text = `<opsa-mef name="plant"><define-fault-tree name="FT"><define-gate name="g"><basic-event name="a"/></define-gate>${basic('a')}</define-fault-tree></opsa-mef>`;
    expect(documentOf(text).name).toBe('plant');
  });

  it('readMef takes options.missionTime, and refuses one that is not > 0', () => {
    const text = tree(`<define-gate name="g"><basic-event name="a"/></define-gate>${basic('a')}`);
    expect(documentOf(text, { missionTime: 100 }).mission_time).toBe(100);
    expect(() => read(text, { missionTime: 0 })).toThrow(
      /^readMef: missionTime must be a finite number > 0; got 0$/,
    );
  });

  it('readMef reads definitions written straight under <opsa-mef> as model level, after the fault trees', () => {
    const text = opsa(`<define-gate name="loose"><basic-event name="a"/></define-gate>
<define-fault-tree name="FT"><define-gate name="g"><basic-event name="a"/></define-gate></define-fault-tree>
${basic('a')}`);
    const { source, warnings } = read(text);
    expect(source.data).toMatchObject({
      events: { a: { probability: 0.01 } },
      fault_tree: { top: 'g', gates: { loose: { or: ['a'] }, g: { or: ['a'] } } },
    });
    expect(warnings).toEqual([
      'model.xml:4:30: 2 gates are named by no other gate; the top is "g", the first of the first fault tree that has one, and these are not under it: loose',
    ]);
  });

  it('readMef writes a house event without a constant as false', () => {
    const text = tree(
      `<define-gate name="g"><or><house-event name="h"/><basic-event name="a"/></or></define-gate><define-house-event name="h"/>${basic('a')}`,
    );
    expect(documentOf(text).house_events).toEqual({ h: false });
  });
});

describe('readMef translates expressions', () => {
  const withEvent = (expression: string, parameters = ''): string =>
    tree(
      `<define-gate name="g"><basic-event name="e"/></define-gate><define-basic-event name="e">${expression}</define-basic-event>${parameters}`,
    );
  const eventOf = (expression: string, parameters = ''): unknown =>
    (documentOf(withEvent(expression, parameters)).events as Record<string, unknown>).e;

  it('readMef writes parameters and arithmetic over them as relkit expression text', () => {
    const parameters = `<define-parameter name="lam" unit="hours-1"><float value="1e-4"/></define-parameter>
<define-parameter name="mttr"><int value="24"/></define-parameter>
<define-parameter name="mu"><div><int value="1"/><parameter name="mttr"/></div></define-parameter>
<define-parameter name="mix"><sub><add><parameter name="lam"/><mul><parameter name="mu"/><float value="2"/></mul></add><neg><parameter name="lam"/></neg><sub><parameter name="mu"/><parameter name="lam"/></sub></sub></define-parameter>
<define-parameter name="calls"><mean><pow><parameter name="lam"/><float value="2"/></pow><exp><parameter name="lam"/></exp><log10><parameter name="mu"/></log10></mean></define-parameter>
<define-parameter name="folded"><mul><float value="0.5"/><add><float value="1"/><float value="3"/></add><pi/></mul></define-parameter>`;
    const document = documentOf(withEvent('<parameter name="lam"/>', parameters));
    expect(document.parameters).toEqual({
      lam: 0.0001,
      mttr: 24,
      mu: '1 / mttr',
      mix: 'lam + mu * 2 - -lam - (mu - lam)',
      calls: '(pow(lam, 2) + exp(lam) + log10(mu)) / 3',
      folded: 2 * Math.PI,
    });
    expect(document.events).toEqual({ e: { probability: 'lam' } });
    expect(document.mission_time).toBe(8760);
    const values = { lam: 1e-4, mu: 1 / 24 };
    expectRelative(
      valueOf((document.parameters as Record<string, unknown>).mix, values),
      1e-4 + 2 / 24 + 1e-4 - (1 / 24 - 1e-4),
    );
  });

  it('readMef writes random deviates as their means, as SCRAM point estimates do', () => {
    const deviate = (body: string): unknown => eventOf(body);
    const f = (value: number): string => `<float value="${value}"/>`;
    expect(deviate(`<normal-deviate>${f(0.01)}${f(0.001)}</normal-deviate>`)).toEqual({
      probability: 0.01,
    });
    expect(deviate(`<lognormal-deviate>${f(2e-3)}${f(3)}${f(0.95)}</lognormal-deviate>`)).toEqual({
      probability: 2e-3,
    });
    expect(deviate(`<uniform-deviate>${f(0.1)}${f(0.3)}</uniform-deviate>`)).toEqual({
      probability: 0.2,
    });
    expect(deviate(`<gamma-deviate>${f(2)}${f(0.01)}</gamma-deviate>`)).toEqual({
      probability: 0.02,
    });
    expect(deviate(`<beta-deviate>${f(1)}${f(3)}</beta-deviate>`)).toEqual({ probability: 0.25 });
    // (μ, σ) of the underlying normal: mean exp(μ + σ²/2).
    const lognormal = deviate(`<lognormal-deviate>${f(-5)}${f(0.5)}</lognormal-deviate>`) as {
      probability: number;
    };
    expectRelative(lognormal.probability, Math.exp(-5 + 0.125));
    // Bins [0, 0.1] weight 1 and [0.1, 0.4] weight 3: (0.1·1 + 0.5·3) / (2·4) = 0.2.
    const histogram = deviate(
      `<histogram>${f(0)}<bin>${f(0.1)}${f(1)}</bin><bin>${f(0.4)}${f(3)}</bin></histogram>`,
    ) as { probability: number };
    expectRelative(histogram.probability, 0.2);
  });

  it('readMef writes exponential at the mission time as failures at rate λ', () => {
    expect(
      eventOf('<exponential><float value="1e-3"/><system-mission-time/></exponential>'),
    ).toEqual({ failure: { rate: 0.001 } });
    // A parameter defined as the mission time is the mission time.
    const alias = '<define-parameter name="T"><system-mission-time/></define-parameter>';
    expect(
      eventOf('<exponential><float value="1e-3"/><parameter name="T"/></exponential>', alias),
    ).toEqual({ failure: { rate: 0.001 } });
  });

  it('readMef writes exponential at another time as the probability 1 − exp(−λt)', () => {
    const event = eventOf(
      '<exponential><float value="1e-3"/><float value="100"/></exponential>',
    ) as { probability: number };
    expectRelative(event.probability, 1 - Math.exp(-0.1));
    const document = documentOf(
      withEvent(
        '<exponential><float value="1e-3"/><mul><float value="2"/><system-mission-time/></mul></exponential>',
      ),
    );
    expect(document.mission_time).toBe('system_mission_time');
    expect(document.parameters).toEqual({ system_mission_time: 8760 });
    const probability = (document.events as { e: { probability: string } }).e.probability;
    expect(probability).toBe('-expm1(-(0.001 * (2 * system_mission_time)))');
    expectRelative(valueOf(probability, { system_mission_time: 8760 }), -Math.expm1(-17.52));
  });

  it('readMef writes GLM with γ = 0 at the mission time as failure and repair rates', () => {
    const f = (value: number): string => `<float value="${value}"/>`;
    expect(eventOf(`<GLM>${f(0)}${f(1e-4)}${f(0.1)}<system-mission-time/></GLM>`)).toEqual({
      failure: { rate: 1e-4 },
      repair: { rate: 0.1 },
    });
    expect(eventOf(`<GLM>${f(0)}${f(1e-4)}${f(0)}<system-mission-time/></GLM>`)).toEqual({
      failure: { rate: 1e-4 },
    });
  });

  it('readMef writes GLM with γ ≠ 0 as SCRAM’s probability at the mission time', () => {
    const f = (value: number): string => `<float value="${value}"/>`;
    const parameters = '<define-parameter name="demand"><float value="0.01"/></define-parameter>';
    const document = documentOf(
      withEvent(
        `<GLM><parameter name="demand"/>${f(1e-4)}${f(0.1)}<system-mission-time/></GLM>`,
        parameters,
      ),
    );
    const probability = (document.events as { e: { probability: string } }).e.probability;
    const [gamma, lambda, mu, t] = [0.01, 1e-4, 0.1, 8760];
    // SCRAM src/expression/exponential.cc, Glm::Compute.
    const scram =
      (lambda - (lambda - gamma * (lambda + mu)) * Math.exp(-(lambda + mu) * t)) / (lambda + mu);
    expectRelative(valueOf(probability, { demand: gamma, system_mission_time: t }), scram);
  });

  it('readMef writes Weibull at the mission time as Weibull failures, and elsewhere as SCRAM’s probability', () => {
    const f = (value: number): string => `<float value="${value}"/>`;
    expect(eventOf(`<Weibull>${f(1000)}${f(2)}${f(0)}<system-mission-time/></Weibull>`)).toEqual({
      failure: { dist: 'weibull', scale: 1000, shape: 2 },
    });
    expect(eventOf(`<Weibull>${f(1000)}${f(2)}${f(50)}<system-mission-time/></Weibull>`)).toEqual({
      failure: { dist: 'weibull', scale: 1000, shape: 2, location: 50 },
    });
    const at = (time: number): number =>
      (eventOf(`<Weibull>${f(1000)}${f(2)}${f(50)}${f(time)}</Weibull>`) as { probability: number })
        .probability;
    expectRelative(at(550), 1 - Math.exp(-0.25));
    expect(at(20)).toBe(0);
  });
});

describe('readMef translates gate formulas', () => {
  const gatesOf = (formulas: string, events = ['a', 'b', 'c']): unknown => {
    const text = tree(`${formulas}${events.map((name) => basic(name)).join('')}`);
    return (documentOf(text).fault_tree as { gates: unknown }).gates;
  };

  it('readMef keeps and, or, xor, nand, nor, not and atleast, nested inline', () => {
    expect(
      gatesOf(`<define-gate name="top"><or><gate name="x"/><gate name="n"/><gate name="v"/><xor><basic-event name="a"/><basic-event name="b"/></xor></or></define-gate>
<define-gate name="x"><nand><basic-event name="a"/><and><basic-event name="b"/><not><basic-event name="c"/></not></and></nand></define-gate>
<define-gate name="n"><nor><basic-event name="a"/><basic-event name="c"/></nor></define-gate>
<define-gate name="v"><atleast min="2"><basic-event name="a"/><basic-event name="b"/><basic-event name="c"/></atleast></define-gate>`),
    ).toEqual({
      top: { or: ['x', 'n', 'v', { xor: ['a', 'b'] }] },
      x: { nand: ['a', { and: ['b', { not: 'c' }] }] },
      n: { nor: ['a', 'c'] },
      v: { atleast: { k: 2, of: ['a', 'b', 'c'] } },
    });
  });

  it('readMef rewrites iff, imply, a bare event and null', () => {
    expect(
      gatesOf(`<define-gate name="top"><or><gate name="i"/><gate name="m"/><gate name="p"/><gate name="q"/></or></define-gate>
<define-gate name="i"><iff><basic-event name="a"/><basic-event name="b"/></iff></define-gate>
<define-gate name="m"><imply><basic-event name="a"/><basic-event name="b"/></imply></define-gate>
<define-gate name="p"><basic-event name="c"/></define-gate>
<define-gate name="q"><null><basic-event name="c"/></null></define-gate>`),
    ).toEqual({
      top: { or: ['i', 'm', 'p', 'q'] },
      i: { not: { xor: ['a', 'b'] } },
      m: { or: [{ not: 'a' }, 'b'] },
      p: { or: ['c'] },
      q: { or: ['c'] },
    });
  });

  it('readMef rewrites cardinality(l, h) as atleast(l) and not atleast(h + 1)', () => {
    const args = '<basic-event name="a"/><basic-event name="b"/><basic-event name="c"/>';
    expect(
      gatesOf(`<define-gate name="top"><or><gate name="both"/><gate name="low"/><gate name="high"/></or></define-gate>
<define-gate name="both"><cardinality min="1" max="2">${args}</cardinality></define-gate>
<define-gate name="low"><cardinality min="2" max="3">${args}</cardinality></define-gate>
<define-gate name="high"><cardinality min="0" max="1">${args}</cardinality></define-gate>`),
    ).toEqual({
      top: { or: ['both', 'low', 'high'] },
      both: {
        and: [
          { atleast: { k: 1, of: ['a', 'b', 'c'] } },
          { not: { atleast: { k: 3, of: ['a', 'b', 'c'] } } },
        ],
      },
      low: { atleast: { k: 2, of: ['a', 'b', 'c'] } },
      high: { not: { atleast: { k: 2, of: ['a', 'b', 'c'] } } },
    });
  });

  it('readMef writes a constant in a formula as a house event', () => {
    const text = tree(
      `<define-gate name="g"><and><basic-event name="a"/><constant value="true"/><not><constant value="false"/></not></and></define-gate>${basic('a')}`,
    );
    const document = documentOf(text);
    expect(document.house_events).toEqual({ constant_true: true, constant_false: false });
    expect(document.fault_tree).toEqual({
      top: 'g',
      gates: { g: { and: ['a', 'constant_true', { not: 'constant_false' }] } },
    });
  });
});

describe('readMef resolves names as MEF scoping does', () => {
  it('readMef reads several files as one model, names resolving across them', () => {
    const gates = tree(
      '<define-gate name="top"><or><event name="a"/><event name="b"/></or></define-gate>',
    );
    const data = opsa(`<model-data>${basic('a', 0.1)}${basic('b', 0.2)}</model-data>`);
    const { source } = readMef([
      { name: 'gates.xml', text: gates },
      { name: 'data.xml', text: data },
    ]);
    expect(source.data).toMatchObject({
      events: { a: { probability: 0.1 }, b: { probability: 0.2 } },
    });
    expect(source.locate({ path: ['events', 'b', 'probability'], message: 'm' })).toMatchObject({
      file: 'data.xml',
      line: 3,
    });
  });

  it('readMef names private gates and components by their full names, which references may use', () => {
    const text = opsa(`<define-fault-tree name="A">
<define-gate name="top"><or><gate name="sub"/><gate name="B.sub"/><gate name="pump.fails"/></or></define-gate>
<define-gate name="sub" role="private"><basic-event name="x"/></define-gate>
<define-component name="pump" role="private">
<define-gate name="fails"><or><basic-event name="x"/><basic-event name="motor"/></or></define-gate>
<define-basic-event name="motor"><float value="0.5"/></define-basic-event>
</define-component>
${basic('x')}
</define-fault-tree>
<define-fault-tree name="B"><define-gate name="sub" role="private"><basic-event name="x"/></define-gate></define-fault-tree>`);
    const { source, warnings } = read(text);
    expect(source.data).toMatchObject({
      events: { 'A.pump.motor': { probability: 0.5 }, x: { probability: 0.01 } },
      fault_tree: {
        top: 'top',
        gates: {
          top: { or: ['A.sub', 'B.sub', 'A.pump.fails'] },
          'A.sub': { or: ['x'] },
          'A.pump.fails': { or: ['x', 'A.pump.motor'] },
          'B.sub': { or: ['x'] },
        },
      },
    });
    expect(warnings).toEqual([]);
  });

  it('readMef resolves a public name written in full, Tree.name, too', () => {
    const text = tree(
      `<define-gate name="top"><or><gate name="FT.sub"/><basic-event name="FT.a"/></or></define-gate><define-gate name="sub"><basic-event name="a"/></define-gate>${basic('a')}`,
    );
    expect((documentOf(text).fault_tree as { gates: unknown }).gates).toEqual({
      top: { or: ['sub', 'a'] },
      sub: { or: ['a'] },
    });
  });

  it('readMef renames names relkit cannot take, and keeps them unique', () => {
    const text = tree(
      `<define-gate name="top-gate"><or><basic-event name="_2nd"/><basic-event name="2nd"/><basic-event name="pümp"/></or></define-gate>${basic('_2nd')}${basic('2nd')}${basic('pümp')}
<define-parameter name="e"><float value="0.1"/></define-parameter><define-parameter name="lam-1"><parameter name="e"/></define-parameter>`,
    );
    const { source, warnings } = read(text);
    expect(source.data).toMatchObject({
      parameters: { e_2: 0.1, lam_1: 'e_2' },
      events: { _2nd: {}, _2nd_2: {}, p_mp: {} },
      fault_tree: { top: 'top-gate', gates: { 'top-gate': { or: ['_2nd', '_2nd_2', 'p_mp'] } } },
    });
    expect(warnings).toEqual([
      'model.xml: 4 MEF names changed to fit relkit names (parameters: letters, digits and _, not a function name; events: also - and . between parts; not starting with a digit; unique): "2nd" → _2nd_2, "pümp" → p_mp, "e" → e_2, "lam-1" → lam_1',
    ]);
  });
});

describe('readMef reads CCF groups', () => {
  const group = (model: string, factors: string, members = 3): string =>
    tree(`<define-gate name="top"><and>${[...Array(members).keys()].map((i) => `<basic-event name="p${i}"/>`).join('')}</and></define-gate>
<define-CCF-group name="pumps" model="${model}"><members>${[...Array(members).keys()].map((i) => `<basic-event name="p${i}"/>`).join('')}</members>
<distribution><exponential><float value="1e-5"/><system-mission-time/></exponential></distribution>${factors}</define-CCF-group>`);
  const f = (level: number | undefined, value: number): string =>
    `<factor${level === undefined ? '' : ` level="${level}"`}><float value="${value}"/></factor>`;

  it('readMef gives each member the distribution and lists a beta factor', () => {
    const document = documentOf(group('beta-factor', f(3, 0.1)));
    expect(document.events).toEqual({
      p0: { failure: { rate: 1e-5 } },
      p1: { failure: { rate: 1e-5 } },
      p2: { failure: { rate: 1e-5 } },
    });
    expect(document.common_cause).toEqual([
      { name: 'pumps', members: ['p0', 'p1', 'p2'], model: 'beta-factor', factors: [0.1] },
    ]);
  });

  it('readMef lists MGL factors from level 2, alpha and phi factors from level 1, in level order', () => {
    const factorsOf = (model: string, factors: string): unknown =>
      (documentOf(group(model, factors)).common_cause as { factors: unknown }[])[0]?.factors;
    expect(factorsOf('MGL', `<factors>${f(3, 0.3)}${f(2, 0.2)}</factors>`)).toEqual([0.2, 0.3]);
    expect(factorsOf('MGL', `<factors>${f(undefined, 0.2)}${f(undefined, 0.3)}</factors>`)).toEqual(
      [0.2, 0.3],
    );
    expect(
      factorsOf('alpha-factor', `<factors>${f(1, 0.9)}${f(2, 0.07)}${f(3, 0.03)}</factors>`),
    ).toEqual([0.9, 0.07, 0.03]);
    expect(
      factorsOf('phi-factor', `<factors>${f(undefined, 0.9)}${f(undefined, 0.1)}</factors>`),
    ).toEqual([0.9, 0.1]);
  });
});

describe('readMef skips event trees', () => {
  it('readMef leaves event-tree elements out of the document and warns for each', () => {
    const text = opsa(`<define-initiating-event name="leak" event-tree="ET"/>
<define-event-tree name="ET"><define-functional-event name="F"/><define-sequence name="S"/><initial-state><fork functional-event="F"><path state="W"><collect-formula><gate name="g"/></collect-formula><sequence name="S"/></path></fork></initial-state></define-event-tree>
<define-fault-tree name="FT"><define-gate name="g"><basic-event name="a"/></define-gate>${basic('a')}</define-fault-tree>
<define-substitution name="sub"><hypothesis><basic-event name="a"/></hypothesis><target><constant value="false"/></target></define-substitution>`);
    const { source, warnings } = read(text);
    expect(source.data).toEqual({
      name: 'FT',
      time_unit: 'h',
      mission_time: 8760,
      events: { a: { probability: 0.01 } },
      fault_tree: { top: 'g', gates: { g: { or: ['a'] } } },
    });
    expect(warnings).toEqual([
      'model.xml:3:1: <define-initiating-event name="leak"> skipped: relkit reads only the fault trees of a MEF model, not this initiating event',
      'model.xml:4:1: <define-event-tree name="ET"> skipped: relkit reads only the fault trees of a MEF model, not this event tree',
      'model.xml:6:1: <define-substitution name="sub"> skipped: relkit reads only the fault trees of a MEF model, not this substitution (it is not applied to the fault trees)',
    ]);
  });

  it('readMef takes the first fault tree’s unreferenced gate as top and names the others', () => {
    const text =
      opsa(`<define-fault-tree name="one"><define-gate name="g1"><basic-event name="a"/></define-gate><define-gate name="g2"><basic-event name="a"/></define-gate>${basic('a')}</define-fault-tree>
<define-fault-tree name="two"><define-gate name="g3"><basic-event name="a"/></define-gate></define-fault-tree>`);
    const { source, warnings } = read(text);
    expect((source.data as { fault_tree: { top: string } }).fault_tree.top).toBe('g1');
    expect(warnings).toEqual([
      'model.xml:3:31: 3 gates are named by no other gate; the top is "g1", the first of the first fault tree that has one, and these are not under it: g2, g3',
    ]);
  });
});

describe('readMef locates document paths in the XML', () => {
  const text = tree(`<define-gate name="top">
  <or>
    <basic-event name="a"/>
    <atleast min="2"><basic-event name="a"/><basic-event name="b"/><basic-event name="c"/></atleast>
  </or>
</define-gate>
<define-basic-event name="a">
  <exponential>
    <parameter name="lam"/>
    <system-mission-time/>
  </exponential>
</define-basic-event>
${basic('b')}
${basic('c')}
<define-parameter name="lam"><float value="1e-3"/></define-parameter>
<define-CCF-group name="g" model="beta-factor"><members><basic-event name="d"/><basic-event name="e"/></members><distribution><float value="0.1"/></distribution><factor><float value="0.2"/></factor></define-CCF-group>`);
  const { source } = read(text);
  const at = (path: (string | number)[], atKey = false): string => {
    const { file, line, column } = source.locate({ path, message: 'm', atKey });
    return `${file}:${line}:${column}`;
  };

  it('locate finds gates, their children and nested formulas', () => {
    expect(at(['fault_tree', 'gates', 'top'])).toBe('model.xml:5:3');
    expect(at(['fault_tree', 'gates', 'top'], true)).toBe('model.xml:4:1');
    expect(at(['fault_tree', 'gates', 'top', 'or', 0])).toBe('model.xml:6:5');
    expect(at(['fault_tree', 'gates', 'top', 'or', 1, 'atleast', 'k'])).toBe('model.xml:7:5');
    expect(at(['fault_tree', 'gates', 'top', 'or', 1, 'atleast', 'of', 2])).toBe('model.xml:7:68');
    expect(at(['fault_tree', 'top'])).toBe('model.xml:4:1');
  });

  it('locate counts lines the same in a file with CRLF line ends', () => {
    const crlf = read(text.replaceAll('\n', '\r\n')).source;
    for (const path of [
      ['fault_tree', 'gates', 'top', 'or', 1, 'atleast', 'of', 2],
      ['events', 'a', 'failure', 'rate'],
      ['common_cause', 0, 'factors', 0],
    ]) {
      const { line, column } = crlf.locate({ path, message: 'm' });
      expect(`model.xml:${line}:${column}`).toBe(at(path));
    }
  });

  it('locate finds events, parameters and CCF groups, and the nearest recorded prefix', () => {
    expect(at(['events', 'a'])).toBe('model.xml:10:1');
    expect(at(['events', 'a', 'failure', 'rate'])).toBe('model.xml:12:5');
    expect(at(['events', 'b', 'probability'])).toBe('model.xml:16:30');
    expect(at(['events', 'b', 'probability', 'deeper', 3])).toBe('model.xml:16:30');
    expect(at(['parameters', 'lam'])).toBe('model.xml:18:30');
    expect(at(['parameters', 'lam'], true)).toBe('model.xml:18:1');
    expect(at(['common_cause', 0, 'members', 1])).toBe('model.xml:19:80');
    expect(at(['common_cause', 0, 'factors', 0])).toBe('model.xml:19:162');
    expect(at(['events', 'e', 'probability'])).toBe('model.xml:19:127');
    expect(at(['events', 'e'], true)).toBe('model.xml:19:80');
    // Nothing recorded: the start of the first file's <opsa-mef>.
    expect(at(['time_unit'])).toBe('model.xml:2:1');
    expect(
      source.locate({ path: ['events', 'a', 'failure', 'rate'], message: 'must be > 0; got 0' }),
    ).toEqual({
      file: 'model.xml',
      line: 12,
      column: 5,
      path: 'events.a.failure.rate',
      message: 'must be > 0; got 0',
    });
  });
});
