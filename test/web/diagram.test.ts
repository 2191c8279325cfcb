import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyze, loadModel, parseModel, type Model } from '../../src/index.js';
import {
  commonCauseMembers,
  describeLaw,
  modelDiagram,
  SHARED_EDGES,
  STACK_ABOVE,
  type Diagram,
} from '../../web/compute/diagram.js';
import { diagramShading, rampColour, shadeFraction } from '../../web/compute/diagramColours.js';
import { FOLD_ABOVE, initialFolds, unfoldedPart } from '../../web/compute/diagramCollapse.js';
import { parameterUses } from '../../web/compute/diagramParameters.js';
import { initialState, reduce } from '../../web/state/store.js';
import { nodeSize, placeDiagram, shortLabel, toElkGraph } from '../../web/views/diagramGeometry.js';

const ROOT = resolve(import.meta.dirname, '../..');
const example = (name: string): Model =>
  loadModel(readFileSync(join(ROOT, 'models', `${name}.yaml`), 'utf8'));
const byKind = (diagram: Diagram, kind: string) => diagram.nodes.filter((n) => n.kind === kind);
const labels = (diagram: Diagram, kind: string) => byKind(diagram, kind).map((n) => n.label);

describe('modelDiagram, block models', () => {
  test('tmr-voter: a 2/3 group of three cpu units in series with the voter', () => {
    const diagram = modelDiagram(example('tmr-voter'));
    expect(diagram.kind).toBe('blocks');
    expect(labels(diagram, 'block')).toEqual(['cpu[1]', 'cpu[2]', 'cpu[3]', 'voter']);
    const koon = diagram.nodes.find((n) => n.group === 'koon')!;
    expect(koon.label).toBe('2/3 working');
    expect(diagram.nodes.find((n) => n.kind === 'junction' && n.label === '2/3')?.parent).toBe(
      koon.id,
    );
    const voter = diagram.nodes.find((n) => n.label === 'voter')!;
    expect(voter.component).toBe('voter');
    expect(voter.details?.[0]).toBe('failure: weibull shape 1.3 scale 200000');
    // Edges join nodes of one group only.
    const parent = new Map(diagram.nodes.map((n) => [n.id, n.parent]));
    for (const edge of diagram.edges) expect(parent.get(edge.from)).toBe(parent.get(edge.to));
  });

  test('shared-psu: the supply drawn in both branches, marked as used twice', () => {
    const diagram = modelDiagram(example('shared-psu'));
    const psu = byKind(diagram, 'block').filter((n) => n.label === 'psu');
    expect(psu).toHaveLength(2);
    expect(psu.every((n) => n.uses === 2)).toBe(true);
    expect(diagram.note).toMatch(/several places/);
  });

  test('standby-power: primary, spare and a switch with its success probability', () => {
    const diagram = modelDiagram(example('standby-power'));
    expect(byKind(diagram, 'block').map((n) => [n.label, n.note])).toEqual([
      ['utility', 'primary'],
      ['generator', 'spare 1'],
    ]);
    const switchNode = byKind(diagram, 'switch')[0]!;
    expect(switchNode.note).toBe('p 0.98, delay');
    expect(diagram.edges.filter((e) => e.dashed)).toHaveLength(2);
  });

  test('bridge: a network of terminals with one block per link', () => {
    const diagram = modelDiagram(example('bridge'));
    expect(labels(diagram, 'terminal').sort()).toEqual(['a', 'b', 's', 't']);
    expect(
      byKind(diagram, 'terminal')
        .filter((n) => n.isEnd)
        .map((n) => n.note),
    ).toEqual(['source', 'sink']);
    expect(byKind(diagram, 'block')).toHaveLength(5);
    expect(diagram.edges).toHaveLength(10);
  });

  test('many units of one component in a k-of-n are one stack', () => {
    const n = STACK_ABOVE + 4;
    const model = loadModel(
      `name: big\ntime_unit: h\ncomponents:\n  disk: { count: ${n}, failure: { rate: 1e-4 } }\nsystem: { koon: { k: 10, of: disk } }`,
    );
    const diagram = modelDiagram(model);
    const blocks = byKind(diagram, 'block');
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.note).toBe(`× ${n} units`);
    expect(blocks[0]!.importance).toHaveLength(n);
  });

  test('a block common-cause group marks its unit and members', () => {
    const model = loadModel(`name: ccf
time_unit: h
components:
  pump: { count: 2, failure: { rate: 1e-3 }, repair: { mttr: 5 } }
system: { parallel: [pump] }
common_cause:
  - { name: pumps, members: [pump], model: beta-factor, factors: [0.1] }
`);
    const diagram = modelDiagram(model);
    const shock = byKind(diagram, 'block').filter((n) => n.isCommonCause);
    expect(shock.map((n) => n.label)).toEqual(['[pump[1] pump[2]]', '[pump[1] pump[2]]']);
    expect(shock[0]!.uses).toBe(2);
    const member = byKind(diagram, 'block').find((n) => n.label === 'pump[1]')!;
    expect(member.commonCause).toMatch(/pump\[1\], pump\[2\]/);
    expect(commonCauseMembers('[a b c]')).toEqual(['a', 'b', 'c']);
    expect(commonCauseMembers('pump')).toBeUndefined();
  });

  test('a hand-written Markov chain has no diagram, and says so', () => {
    const model = loadModel(`name: chain
time_unit: h
markov:
  states: [{ name: up, up: true }, { name: down, up: false }]
  initial: up
  transitions: [{ from: up, to: down, rate: 1e-3 }, { from: down, to: up, rate: 0.1 }]
`);
    const diagram = modelDiagram(model);
    expect(diagram.kind).toBe('none');
    expect(diagram.nodes).toHaveLength(0);
    expect(diagram.note).toMatch(/Markov chain/);
  });
});

describe('modelDiagram, fault trees', () => {
  test('fire-detection: the shared gate drawn once with two parents, the house event', () => {
    const diagram = modelDiagram(example('fire-detection'));
    expect(diagram.kind).toBe('faultTree');
    const powerLost = diagram.nodes.filter((n) => n.label === 'power_lost');
    expect(powerLost).toHaveLength(1);
    expect(powerLost[0]!.uses).toBe(2);
    expect(diagram.edges.filter((e) => e.to === powerLost[0]!.id)).toHaveLength(2);
    const house = byKind(diagram, 'house')[0]!;
    expect([house.label, house.note]).toEqual(['panel_in_test', 'false']);
    const vote = byKind(diagram, 'gate').find((n) => n.gate === 'atleast')!;
    expect(vote.note).toBe('2/3');
    const mains = diagram.nodes.find((n) => n.label === 'mains')!;
    expect(mains.component).toBe('mains');
    expect(diagram.nodes.find((n) => n.label === 'detector_1')!.details).toEqual([
      'probability 0.004',
    ]);
  });

  test('interlock-not: a NOT gate; an event under two gates is one node', () => {
    const diagram = modelDiagram(example('interlock-not'));
    expect(byKind(diagram, 'gate').map((n) => n.gate)).toContain('not');
    const duty = diagram.nodes.filter((n) => n.label === 'duty_pump_stopped');
    expect(duty).toHaveLength(1);
    expect(duty[0]!.uses).toBe(2);
  });

  test('safety-function-ccf: common-cause events marked, members named with their group', () => {
    const diagram = modelDiagram(example('safety-function-ccf'));
    const shocks = byKind(diagram, 'event').filter((n) => n.isCommonCause);
    expect(shocks.map((n) => [n.label, n.uses])).toEqual([
      ['[pt_1 pt_2 pt_3]', 3],
      ['[xv_1 xv_2]', 2],
    ]);
    expect(diagram.nodes.find((n) => n.label === 'pt_1')!.commonCause).toMatch(/group/);
    expect(diagram.note).toMatch(/common-cause event/);
  });
});

describe('diagram colours', () => {
  test('each unit gets its factor; a stack its largest; nodes without a value none', () => {
    const model = example('tmr-voter');
    const diagram = modelDiagram(model);
    const result = analyze(model, { points: 2 });
    const shading = diagramShading(diagram.nodes, result, 'birnbaum', undefined);
    const voter = diagram.nodes.find((n) => n.label === 'voter')!;
    expect(shading.values.get(voter.id)).toBe(result.measures.importance!.voter!.birnbaum);
    expect(shading.values.size).toBe(4);
    expect(shading.max).toBe(Math.max(...shading.values.values()));
    expect(shading.title).toBe('Birnbaum');
    const raw = diagramShading(diagram.nodes, result, 'raw', undefined);
    expect(raw.ratio).toBe(true);
    expect(shadeFraction(1, raw)).toBe(0);
    expect(shadeFraction(raw.max, raw)).toBe(1);
  });

  test('per component, every block of a component gets its group factor', () => {
    const model = example('tmr-voter');
    const diagram = modelDiagram(model);
    const result = analyze(model, { points: 2 });
    const shading = diagramShading(diagram.nodes, result, 'birnbaum', undefined, 'component');
    const groups = result.measures.componentImportance!;
    const cpus = diagram.nodes.filter((n) => n.component === 'cpu');
    expect(cpus.length).toBeGreaterThan(0);
    for (const cpu of cpus) expect(shading.values.get(cpu.id)).toBe(groups.cpu!.birnbaum);
    expect(groups.cpu!.birnbaum).toBeLessThanOrEqual(1);
    expect(shading.title).toBe('Birnbaum of each component');
  });

  test('without the result’s importance, the component group values colour by component', () => {
    const diagram = modelDiagram(example('standby-power'));
    const shading = diagramShading(diagram.nodes, undefined, 'birnbaum', {
      components: ['utility', 'generator'],
      values: [0.5, 0.25],
      basis: 'steady availability',
      notes: [],
    });
    expect([...shading.values.values()]).toEqual([0.5, 0.25]);
    expect(shading.title).toBe('Birnbaum of each component');
    expect(shadeFraction(0.25, shading)).toBe(0.5);
  });

  test('the ramp runs from pale yellow to dark red', () => {
    expect(rampColour(0)).toBe('rgb(255, 247, 188)');
    expect(rampColour(1)).toBe('rgb(189, 0, 38)');
  });
});

describe('diagram geometry', () => {
  test('groups hold their children and edges; placed boxes are absolute', () => {
    const diagram = modelDiagram(example('tmr-voter'));
    const graph = toElkGraph(diagram);
    expect(graph.layoutOptions?.['elk.direction']).toBe('RIGHT');
    const series = graph.children![0]!;
    expect(series.children!.map((c) => c.id)).toHaveLength(2);
    expect(series.edges).toHaveLength(1);
    // A fake layout: every node at (10, 5) in its parent.
    const place = (node: typeof graph): typeof graph => ({
      ...node,
      x: 10,
      y: 5,
      width: 50,
      height: 20,
      children: node.children?.map(place) ?? [],
    });
    const placed = placeDiagram(diagram, { ...place(graph), x: 0, y: 0 });
    const cpu = placed.nodes.find((n) => n.node.label === 'cpu[1]')!;
    // root → series → koon → cpu: three offsets of (10, 5) plus its own.
    expect([cpu.x, cpu.y]).toEqual([30, 15]);
    expect(placed.nodes[0]!.node.kind).toBe('group');
  });

  test('a fault tree is laid out top-down; long names are cut', () => {
    const graph = toElkGraph(modelDiagram(example('fire-detection')));
    expect(graph.layoutOptions?.['elk.direction']).toBe('DOWN');
    expect(shortLabel('x'.repeat(40))).toHaveLength(28);
    const wide = nodeSize({ id: 'n', kind: 'block', label: 'x'.repeat(40) });
    expect(wide.width).toBeLessThan(240);
  });
});

describe('describeLaw and parameterUses', () => {
  test('a law is its family and parameters', () => {
    expect(describeLaw({ dist: 'exponential', rate: 1e-4 })).toBe('exponential rate 0.0001');
  });

  test('each component lists the parameters its laws use', () => {
    const text = `name: p
time_unit: h
parameters: { lam: 1e-4, mttr: 8, k: 2 }
components:
  a: { count: 3, failure: { rate: lam }, repair: { mttr: mttr } }
  b: { failure: { rate: 2 * lam } }
  c: { failure: { rate: 1e-5 } }
system: { series: [{ koon: { k: k, of: a } }, b, c] }
`;
    const template = parseModel(text);
    const uses = parameterUses(template, loadModel(text), ['lam', 'mttr', 'k']);
    expect(uses).toEqual({ a: ['lam', 'mttr'], b: ['lam'] });
  });
});

describe('folding a large fault tree', () => {
  const tree = (trains: number) => {
    const events = ['events:'];
    const gates = [
      'fault_tree:',
      '  top: top',
      '  gates:',
      `    top: { or: [${Array.from({ length: trains }, (_, t) => `t${t}`).join(', ')}] }`,
    ];
    for (let t = 0; t < trains; t++) {
      const names = [0, 1, 2, 3].map((e) => `e${t}_${e}`);
      names.forEach((name) => events.push(`  ${name}: { probability: 0.01 }`));
      gates.push(`    t${t}: { and: [${names.join(', ')}] }`);
    }
    return modelDiagram(loadModel(['name: t', 'time_unit: h', ...events, ...gates, ''].join('\n')));
  };

  test('a small tree opens unfolded; a large one folds the last level that fits', () => {
    expect(initialFolds(tree(5)).size).toBe(0);
    const large = tree(40); // 1 + 40 + 160 nodes
    expect(large.nodes.length).toBeGreaterThan(FOLD_ABOVE);
    const folds = initialFolds(large);
    expect(folds.size).toBe(40);
    const part = unfoldedPart(large, folds);
    expect(part.nodes).toHaveLength(41);
    expect(part.nodes.filter((n) => n.hidden === 4)).toHaveLength(40);
    expect(part.edges).toHaveLength(40);
    // Unfolding one gate shows its four events.
    const first = [...folds][0]!;
    const fewer = new Set([...folds].filter((id) => id !== first));
    expect(unfoldedPart(large, fewer).nodes).toHaveLength(45);
  });

  test('an event under more than SHARED_EDGES gates is drawn at each, marked', () => {
    const model = loadModel(`name: s
time_unit: h
events: { a: { probability: 0.1 }, b: { probability: 0.1 }, c: { probability: 0.1 }, d: { probability: 0.1 }, x: { probability: 0.1 } }
fault_tree:
  top: top
  gates:
    top: { or: [g1, g2, g3, g4] }
    g1: { and: [a, x] }
    g2: { and: [b, x] }
    g3: { and: [c, x] }
    g4: { and: [d, x] }
`);
    const copies = modelDiagram(model).nodes.filter((n) => n.label === 'x');
    expect(SHARED_EDGES).toBeLessThan(4);
    expect(copies.map((n) => n.uses)).toEqual([4, 4, 4, 4]);
  });
});

describe('the store keeps the diagram’s selected event', () => {
  test('select sets and clears it; another example clears it', () => {
    const state = initialState(undefined, 'text', 'tmr-voter', 0);
    const [picked, change] = reduce(state, { type: 'select', name: 'valve_a' }, 1);
    expect(change).toBe('selection');
    expect(picked.selected).toBe('valve_a');
    expect(reduce(picked, { type: 'select', name: undefined }, 2)[0].selected).toBeUndefined();
    const [other] = reduce(picked, { type: 'loadExample', name: 'raid5', text: 'x' }, 3);
    expect(other.selected).toBeUndefined();
  });
});
