/**
 * writeMef: the structure of the XML for small models, its well-formedness (parsed by saxes, the
 * reader's XML parser), and, when SCRAM is on PATH, SCRAM's top-event probability of every
 * exported model against relkit's: P(top) or 1 − A(t) from the analytic solver for the models of
 * models/, and brute-force enumeration of the event states for fault trees built here.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { afterAll, describe, expect, it } from 'vitest';
import { UnsupportedModelError } from '../../src/errors.js';
import { writeMef } from '../../src/formats/mef/writeMef.js';
import { loadModel } from '../../src/model/loadModel.js';
import type {
  BasicEventModel,
  CommonCauseGroupModel,
  ComponentModel,
  FaultNode,
  Model,
} from '../../src/model/Model.js';
import { solveWith } from '../../src/solve/solveWith.js';
import { element } from '../helpers/element.js';

const MODELS = join(import.meta.dirname, '../../models');

/** Mission time for the block models of models/ that give none (their headers state A(t) at t ≤ 100). */
const DEFAULT_TIME = 100;

/** The models of models/ without a static fault-tree form, and why. */
const REFUSED: Readonly<Record<string, RegExp>> = {
  'bearing-age-replacement.yaml': /^mef: component bearing has preventive replacement, which /,
  'cooling-loop.yaml': /^mef: maintenance\.crews is 1 for 3 repairable units/,
  'duplex-coverage.yaml': /^mef: component unit has coverage 0\.95 < 1/,
  'quorum-store.yaml': /^mef: the model has several systems \(read, write\)/,
  'raft-5.yaml': /^mef: the model has several systems \(read, write\)/,
  'pump-station-spares.yaml': /^mef: maintenance\.crews is 2 for 6 repairable units/,
  'power-2n.yaml': /^mef: the standby block at system\.series\[0\]\.standby is cold: /,
  'sif-proof-test.yaml': /^mef: component transmitter has proof tests \(inspection\)/,
  'raid6.yaml': /^mef: event disk\[1\] has a lognormal repair time; MEF basic events here are /,
  'standby-power.yaml': /^mef: maintenance\.crews is 1 for 2 repairable units/,
};

const HAS_SCRAM = spawnSync('scram', ['--version']).status === 0;
const SCRAM_TITLE = HAS_SCRAM
  ? 'SCRAM reads the export'
  : 'SCRAM reads the export (skipped: scram is not on PATH; CI installs it)';
const scratch = mkdtempSync(join(tmpdir(), 'relkit-mef-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('writeMef of the models in models/', () => {
  const files = readdirSync(MODELS).filter((name) => name.endsWith('.yaml'));
  const load = (file: string): Model =>
    loadModel(readFileSync(join(MODELS, file), 'utf8'), { file });

  for (const file of files) {
    const refusal = REFUSED[file];
    if (refusal) {
      it(`writeMef(${file}) refuses it: ${refusal.source}`, () => {
        expect(() => writeMef(load(file))).toThrow(UnsupportedModelError);
        expect(() => writeMef(load(file))).toThrow(refusal);
      });
      continue;
    }

    it(`writeMef(${file}) is well-formed, with one basic event per event or unit and the top gate first`, () => {
      const model = load(file);
      const root = parseXml(writeMef(model));
      expect(root.name).toBe('opsa-mef');
      const events = descendants(root, 'define-basic-event');
      expect(events.map((event) => label(event) ?? event.attributes.name)).toEqual(
        (model.faultTree?.events ?? model.units).map((event) => event.name),
      );
      const top = model.faultTree?.top ?? model.system!.path; // every model has one of them
      const gates = descendants(root, 'define-gate');
      expect(element(gates, 0).attributes.name).toBe(mefName(top));
    });

    it.skipIf(!HAS_SCRAM)(`${SCRAM_TITLE}: ${file} gives relkit's P(top) to 6 digits`, () => {
      const model = load(file);
      // Models without a mission time have only fixed probabilities or give A(t) at 100 h or less.
      const t = model.missionTime ?? DEFAULT_TIME;
      const { measures } = solveWith(model, 'analytic', { times: [t] });
      const top = measures.topEventProbability;
      const expected =
        typeof top === 'number'
          ? top
          : 1 - element((measures.availability ?? measures.reliability)!.values, 0);
      expectSixDigits(scramProbability(writeMef(model), t), expected, `${file} at t = ${t}`);
    });
  }
});

describe('writeMef of block structures', () => {
  const units = (count: number): string =>
    `components:\n  a: { count: ${count}, failure: { rate: 1e-3 } }\n`;

  it('writes k of n working as at least n − k + 1 failing, or at k = n, and at k = 1, false at k = 0', () => {
    const formula = (k: number): XmlNode =>
      body(element(descendants(parseXml(writeMef(koon(k))), 'define-gate'), 0));
    const koon = (k: number): Model =>
      loadModel(`name: v\n${units(4)}system: { koon: { k: ${k}, of: a } }`);
    expect(formula(2)).toMatchObject({ name: 'atleast', attributes: { min: '3' } });
    expect(formula(2).children.map((child) => child.attributes.name)).toEqual([
      'a_1',
      'a_2',
      'a_3',
      'a_4',
    ]);
    expect(formula(4).name).toBe('or');
    expect(formula(1).name).toBe('and');
    expect(formula(0)).toMatchObject({ name: 'constant', attributes: { value: 'false' } });
  });

  it('writes series as or, parallel as and, each block a gate named after its path', () => {
    const model = loadModel(
      `name: sp\n${units(3)}system: { series: [{ parallel: [a] }, { series: [a] }] }`,
    );
    const gates = descendants(parseXml(writeMef(model)), 'define-gate');
    expect(gates.map((gate) => [gate.attributes.name, label(gate)])).toEqual([
      ['system_series', 'system.series'],
      ['system_series_0_parallel', 'system.series[0].parallel'],
      ['system_series_1_series', 'system.series[1].series'],
    ]);
    expect(gates.map((gate) => body(gate).name)).toEqual(['or', 'and', 'or']);
  });

  it('writes a hot standby with perfect switching as and, and refuses warm or imperfect ones', () => {
    const standby = (options: string): Model =>
      loadModel(`name: s\n${units(2)}system: { standby: { of: a, ${options} } }`);
    const gate = element(descendants(parseXml(writeMef(standby('mode: hot'))), 'define-gate'), 0);
    expect(body(gate).name).toBe('and');
    expect(() => writeMef(standby('mode: warm, dormancy: 0.5'))).toThrow(
      /^mef: the standby block at system\.standby is warm: a dynamic block has no static fault-tree form; only hot standby/,
    );
    expect(() => writeMef(standby('mode: hot, switch: { success: 0.9 }'))).toThrow(
      /^mef: the standby block at system\.standby is hot with imperfect switching: /,
    );
  });

  it('writes a network as the or of its minimal cut sets', () => {
    const model = loadModel(
      'name: n\ncomponents:\n  x1: { failure: { rate: 1e-3 } }\n  x2: { failure: { rate: 1e-3 } }\n  x3: { failure: { rate: 1e-3 } }\nsystem:\n  network:\n    source: s\n    sink: t\n    edges: [{ from: s, to: m, via: x1 }, { from: m, to: t, via: x2 }, { from: s, to: t, via: x3 }]\n',
    );
    const gate = element(descendants(parseXml(writeMef(model)), 'define-gate'), 0);
    const cuts = body(gate).children.map((cut) =>
      cut.children.map((event) => event.attributes.name).sort(),
    );
    expect(cuts.sort()).toEqual([
      ['x1', 'x3'],
      ['x2', 'x3'],
    ]);
  });

  it('keeps valid names, rewrites the others uniquely and labels them with the original', () => {
    const model = loadModel(
      'name: "a <b> & \\"c\\" -- d"\ndescription: "e -- f & g"\ncomponents:\n  a_1: { failure: { rate: 1e-3 } }\n  a: { count: 2, failure: { rate: 1e-3 } }\nsystem: { series: [a_1, a] }\n',
    );
    const xml = writeMef(model);
    const root = parseXml(xml);
    const events = descendants(root, 'define-basic-event');
    expect(events.map((event) => [event.attributes.name, label(event)])).toEqual([
      ['a_1', undefined],
      ['a_1_2', 'a[1]'],
      ['a_2', 'a[2]'],
    ]);
    expect(label(root)).toBe('a <b> & "c" -- d; no mission time given');
    expect(element(descendants(root, 'define-fault-tree'), 0).attributes.name).toBe('a_b_c_d');
  });

  it('refuses dependent units and laws MEF cannot express, naming the event', () => {
    const refused = (component: string, extra = ''): (() => string) => {
      const model = loadModel(
        `name: r\ncomponents:\n  c: ${component}\nsystem: { series: [c] }\n${extra}`,
      );
      return () => writeMef(model);
    };
    expect(refused('{ failure: { dist: deterministic, value: 100 } }')).toThrow(
      /^mef: event c has a deterministic lifetime; MEF basic events here are fixed probabilities, exponential failure times/,
    );
    expect(
      refused('{ failure: { dist: weibull, shape: 2, scale: 100 }, repair: { mttr: 1 } }'),
    ).toThrow(/^mef: event c has a repairable weibull lifetime/);
    expect(
      refused('{ failure: { rate: 1e-3 }, repair: { mttr: 1 }, detection: { mean: 1 } }'),
    ).toThrow(/^mef: component c has a detection delay before its repair/);
    expect(
      refused(
        '{ failure: { rate: 1e-3 }, repair: { mttr: 1 } }',
        'maintenance: { idle_while_down: true }\n',
      ),
    ).toThrow(/^mef: maintenance\.idle_while_down makes every unit depend on the system state/);
    const chain = {
      ...loadModel(`name: m\ncomponents:\n  c: { failure: { rate: 1 } }\nsystem: c`),
    };
    delete (chain as { system?: unknown }).system;
    expect(() => writeMef(chain)).toThrow(/^mef: the model is a hand-written Markov chain/);
  });
});

describe('writeMef of fault trees', () => {
  const t = 1000;
  // Events: a fixed, b exponential, c exponential with exponential repair, d Weibull, e fixed,
  // and "pump.a", whose name is not a MEF identifier.
  const laws: Record<string, Pick<ComponentModel, 'failure' | 'repair'>> = {
    b: { failure: { dist: 'exponential', rate: 1e-3 } },
    c: { failure: { dist: 'exponential', mean: 500 }, repair: { dist: 'exponential', rate: 0.1 } },
    d: { failure: { dist: 'weibull', shape: 1.5, scale: 2000 } },
  };
  const probabilities: Record<string, number> = {
    a: 0.01,
    b: -Math.expm1(-1e-3 * t),
    c: (2e-3 / (2e-3 + 0.1)) * -Math.expm1(-(2e-3 + 0.1) * t),
    d: -Math.expm1(-((t / 2000) ** 1.5)),
    e: 0.2,
    'pump.a': 0.05,
  };
  const model = faultTreeModel(
    ['a', 'b', 'c', 'd', 'e', 'pump.a'],
    { a: 0.01, e: 0.2, 'pump.a': 0.05 },
    laws,
    (event) => {
      const trainA: FaultNode = {
        kind: 'and',
        name: 'train A',
        children: [event('a'), event('b'), { kind: 'not', children: [event('e')] }],
      };
      const vote: FaultNode = {
        kind: 'atleast',
        name: 'vote',
        k: 2,
        children: [event('c'), event('d'), event('pump.a')],
      };
      return {
        kind: 'or',
        name: 'top',
        children: [
          trainA,
          vote,
          { kind: 'xor', children: [event('a'), event('c'), event('e')] },
          { kind: 'nand', children: [trainA, event('d')] },
          {
            kind: 'and',
            children: [{ kind: 'house', name: 'on', value: true }, event('e'), event('b')],
          },
          {
            kind: 'nor',
            children: [{ kind: 'house', name: 'maintenance', value: false }, event('e')],
          },
        ],
      };
    },
    { maintenance: false, on: true },
  );

  it('writes named gates once, top first, inline gates in place, and each event law', () => {
    const root = parseXml(writeMef(model));
    const gates = descendants(root, 'define-gate');
    expect(gates.map((gate) => [gate.attributes.name, label(gate)])).toEqual([
      ['top', undefined],
      ['train_A', 'train A'],
      ['vote', undefined],
    ]);
    expect(descendants(root, 'define-house-event').map((house) => house.attributes.name)).toEqual([
      'maintenance',
      'on',
    ]);
    const law = (name: string): string[] => {
      const event = descendants(root, 'define-basic-event').find((e) => e.attributes.name === name);
      if (!event) return expect.fail(`no basic event ${name}`);
      return body(event).children.map((arg) => arg.attributes.value ?? arg.name);
    };
    expect(law('b')).toEqual(['0.001', 'system-mission-time']);
    expect(law('c')).toEqual(['0', '0.002', '0.1', 'system-mission-time']);
    expect(law('d')).toEqual(['2000', '1.5', '0', 'system-mission-time']);
    expect(descendants(root, 'xor').length).toBe(2); // xor of three nested in pairs
    expect(descendants(root, 'nand').length).toBe(1);
  });

  it('reduces gates MEF refuses: one child, none, at least 0, 1, n and more than n', () => {
    const tiny = faultTreeModel(['x', 'y'], { x: 0.1, y: 0.2 }, {}, (event) => ({
      kind: 'or',
      name: 'top',
      children: [
        { kind: 'and', children: [event('x')] },
        { kind: 'nand', children: [event('y')] },
        { kind: 'and', children: [] },
        { kind: 'atleast', k: 0, children: [event('x'), event('y')] },
        { kind: 'atleast', k: 1, children: [event('x'), event('y')] },
        { kind: 'atleast', k: 2, children: [event('x'), event('y')] },
        { kind: 'atleast', k: 3, children: [event('x'), event('y')] },
      ],
    }));
    const top = body(element(descendants(parseXml(writeMef(tiny)), 'define-gate'), 0));
    expect(
      top.children.map((child) => child.attributes.value ?? child.attributes.name ?? child.name),
    ).toEqual(['x', 'not', 'true', 'true', 'or', 'and', 'false']);
  });

  it('writes common-cause groups expanded, listing them in the header comment', () => {
    const ccf = ccfModel();
    const xml = writeMef(ccf);
    expect(xml).not.toContain('define-CCF-group');
    expect(xml).toContain('  pumps: beta-factor over pump_a, pump_b; factors 0.1\n');
    const events = descendants(parseXml(xml), 'define-basic-event');
    expect(events.map((event) => [event.attributes.name, label(event)])).toEqual([
      ['pump_a', undefined],
      ['pump_b', undefined],
      ['_pump_a_pump_b', '[pump_a pump_b]'],
    ]);
  });

  it.skipIf(!HAS_SCRAM)(
    `${SCRAM_TITLE}: P(top) equals enumeration of the event states to 6 digits`,
    () => {
      expectSixDigits(
        scramProbability(writeMef(model), t),
        enumerate(model, probabilities),
        'gates',
      );
      const ccf = ccfModel();
      const shares = { pump_a: 0.009, pump_b: 0.009, '[pump_a pump_b]': 0.001 };
      expectSixDigits(scramProbability(writeMef(ccf), t), enumerate(ccf, shares), 'ccf');
    },
  );

  it.skipIf(!HAS_SCRAM)(`${SCRAM_TITLE}: every file of these tests passes scram --validate`, () => {
    const files = [model, ccfModel()].map(writeMef);
    for (const [i, xml] of files.entries()) {
      const path = join(scratch, `validate-${i}.xml`);
      writeFileSync(path, xml);
      const run = spawnSync('scram', ['--validate', path], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
    }
  });
});

/** A fault tree with the expansion of a beta-factor group (β = 0.1, Q = 0.01) over two pumps. */
function ccfModel(): Model {
  const group: CommonCauseGroupModel = {
    name: 'pumps',
    members: ['pump_a', 'pump_b'],
    model: 'beta-factor',
    factors: [0.1],
  };
  const fixed = { pump_a: 0.009, pump_b: 0.009, '[pump_a pump_b]': 0.001 };
  return faultTreeModel(
    Object.keys(fixed),
    fixed,
    {},
    (event) => {
      const both = event('[pump_a pump_b]');
      return {
        kind: 'and',
        name: 'no_flow',
        children: [
          { kind: 'or', children: [event('pump_a'), both] },
          { kind: 'or', children: [event('pump_b'), both] },
        ],
      };
    },
    {},
    [group],
  );
}

/**
 * A fault-tree model: events in `names` order, fixed ones from `fixed`, the others units with
 * the given laws; `build` makes the tree from an event lookup.
 */
function faultTreeModel(
  names: readonly string[],
  fixed: Readonly<Record<string, number>>,
  laws: Readonly<Record<string, Pick<ComponentModel, 'failure' | 'repair'>>>,
  build: (event: (name: string) => FaultNode) => FaultNode,
  houseEvents: Readonly<Record<string, boolean>> = {},
  commonCause: readonly CommonCauseGroupModel[] = [],
): Model {
  const components: ComponentModel[] = [];
  const events: BasicEventModel[] = names.map((name) => {
    const probability = fixed[name];
    if (probability !== undefined) return { name, probability };
    components.push({ name, count: 1, coverage: 1, ...laws[name]! }); // every other name has a law
    return { name, unit: components.length - 1 };
  });
  const root = build((name) => ({ kind: 'event', event: names.indexOf(name) }));
  return {
    name: 'Fault tree',
    description: '',
    timeUnit: 'h',
    parameters: {},
    components,
    units: components.map((component, i) => ({ name: component.name, component: i, copy: 0 })),
    maintenance: { priority: [], idleWhileDown: false },
    missionTime: 1000,
    faultTree: { top: 'top', events, houseEvents, root, commonCause },
  };
}

/** P(top) by summing the probabilities of the event states in which the top event occurs. */
function enumerate(model: Model, probabilities: Readonly<Record<string, number>>): number {
  const tree = model.faultTree!;
  const q = tree.events.map((event) => probabilities[event.name]!); // the tests give every event
  let total = 0;
  for (let state = 0; state < 2 ** q.length; state++) {
    const occurs = (node: FaultNode): boolean => {
      switch (node.kind) {
        case 'event':
          return ((state >> node.event) & 1) === 1;
        case 'house':
          return node.value;
        case 'not':
          return !occurs(element(node.children, 0));
        case 'atleast':
          return node.children.filter(occurs).length >= node.k;
        default: {
          const count = node.children.filter(occurs).length;
          const all = count === node.children.length;
          return { and: all, or: count > 0, xor: count % 2 === 1, nand: !all, nor: count === 0 }[
            node.kind
          ];
        }
      }
    };
    if (!occurs(tree.root)) continue;
    total += q.reduce((p, qi, i) => p * (((state >> i) & 1) === 1 ? qi : 1 - qi), 1);
  }
  return total;
}

/** Runs SCRAM's BDD on `xml` at mission time `t` and returns its top-event probability. */
function scramProbability(xml: string, t: number): number {
  const input = join(scratch, 'model.xml');
  const output = join(scratch, 'report.xml');
  writeFileSync(input, xml);
  const args = ['--bdd', '--probability', '1', '--mission-time', String(t), input, '-o', output];
  const run = spawnSync('scram', args, { encoding: 'utf8' });
  expect(run.status, `scram ${args.join(' ')}\n${run.stderr}`).toBe(0);
  const products = descendants(parseXml(readFileSync(output, 'utf8')), 'sum-of-products');
  return Number(element(products, 0).attributes.probability);
}

/**
 * Asserts that SCRAM's value, printed with 6 significant digits, is `expected` rounded there:
 * |actual − expected| ≤ half a unit of the 6th digit (plus 1e-12 relative for SCRAM's own sums).
 */
function expectSixDigits(actual: number, expected: number, label: string): void {
  const unit = 10 ** (Math.floor(Math.log10(Math.abs(expected))) - 5);
  const bound = unit / 2 + 1e-12 * Math.abs(expected);
  const delta = Math.abs(actual - expected);
  if (!(delta <= bound)) {
    expect.fail(`${label}: scram ${actual}, relkit ${expected}, Δ ${delta}, tolerance ${bound}`);
  }
}

/** The MEF name writeMef gives a valid-after-rewriting path (runs of others → `_`). */
function mefName(path: string): string {
  return path.replace(/[^A-Za-z0-9_]+/g, '_').replace(/_$/, '');
}

interface XmlNode {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlNode[];
  text: string;
}

/** Parses XML with saxes, which fails on any well-formedness error, into an element tree. */
function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser();
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const node: XmlNode = {
      name: tag.name,
      attributes: tag.attributes as Record<string, string>,
      children: [],
      text: '',
    };
    stack.at(-1)?.children.push(node);
    root ??= node;
    stack.push(node);
  });
  parser.on('text', (text) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  if (!root) return expect.fail('no root element');
  return root;
}

function descendants(node: XmlNode, name: string): XmlNode[] {
  return node.children.flatMap((child) => [
    ...(child.name === name ? [child] : []),
    ...descendants(child, name),
  ]);
}

/** The formula or expression of a definition: its first child that is not its label. */
function body(node: XmlNode): XmlNode {
  const found = node.children.find((child) => child.name !== 'label');
  return found ?? expect.fail(`<${node.name}> has no body`);
}

/** The text of an element's own `<label>`, if it has one. */
function label(node: XmlNode): string | undefined {
  return node.children.find((child) => child.name === 'label')?.text;
}

describe('writeMef refuses a spare pool', () => {
  it('with unlimited crews too: a unit may wait for a spare', () => {
    const model = loadModel(`name: p
components:
  pump: { count: 2, failure: { rate: 1e-3 }, repair: { mttr: 10 } }
system: { parallel: [pump] }
maintenance:
  spares: [{ components: [pump], stock: 1, lead_time: { mean: 100 } }]`);
    expect(() => writeMef(model)).toThrow(
      /^mef: the spare pool "pool 1" holds 1 for one component: a failed unit may wait for a spare/,
    );
  });
});
