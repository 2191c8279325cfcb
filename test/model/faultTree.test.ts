import { describe, expect, it } from 'vitest';
import { ModelError } from '../../src/errors.js';
import { analyze } from '../../src/analytic/solver/analyze.js';
import { loadModel } from '../../src/model/loadModel.js';
import { solveExactly } from '../../src/solve/solveExactly.js';

const TREE = `name: two trains
time_unit: h
mission_time: 1000
events:
  pump_a: { failure: { rate: 1e-4 }, repair: { mttr: 10 } }
  pump_b: { failure: { rate: 1e-4 }, repair: { mttr: 10 } }
  valve: { probability: 1e-3 }
house_events:
  test_mode: false
fault_tree:
  top: top
  gates:
    top: { or: [trains, valve, test_mode] }
    trains: { and: [pump_a, pump_b] }
`;

/** The messages of a model error, each `path message`. */
function messages(text: string, overrides: Record<string, number> = {}): string[] {
  try {
    loadModel(text, { overrides });
  } catch (error) {
    if (error instanceof ModelError)
      return error.issues.map((i) => `${i.line}: ${i.path} ${i.message}`);
    throw error;
  }
  return [];
}

describe('fault-tree models', () => {
  it('loads events, house events and shared gates', () => {
    const model = loadModel(TREE);
    const tree = model.faultTree!;
    expect(tree.top).toBe('top');
    expect(tree.events.map((e) => e.name)).toEqual(['pump_a', 'pump_b', 'valve']);
    expect(tree.events[2]).toEqual({ name: 'valve', probability: 1e-3 });
    expect(model.units.map((u) => u.name)).toEqual(['pump_a', 'pump_b']);
    expect(tree.root.kind).toBe('or');
    expect(tree.houseEvents).toEqual({ test_mode: false });
    // A fixed-probability event: no block form for the time-based solvers.
    expect(model.system).toBeUndefined();
  });

  it('overrides a house event like a parameter', () => {
    const model = loadModel(TREE, { overrides: { test_mode: 1 } });
    expect(model.faultTree!.houseEvents.test_mode).toBe(true);
    expect(messages(TREE, { test_mode: 2 })[0]).toMatch(/house_events.test_mode is a house event/);
  });

  it('gives the block form of a coherent tree of timed events', () => {
    const model = loadModel(`name: t
events:
  a: { failure: { rate: 1e-3 } }
  b: { failure: { rate: 2e-3 } }
  c: { failure: { rate: 3e-3 } }
fault_tree:
  top: g
  gates:
    g: { or: [a, { atleast: { k: 2, of: [a, b, c] } }] }
`);
    expect(model.system).toEqual({
      kind: 'series',
      path: 'fault_tree.gates.g',
      children: [
        { kind: 'unit', path: 'fault_tree', unit: 0 },
        {
          kind: 'koon',
          path: 'fault_tree.gates.',
          k: 2,
          children: [0, 1, 2].map((unit) => ({ kind: 'unit', path: 'fault_tree', unit })),
        },
      ],
    });
  });

  it('reports unknown names, cycles and bad k with their lines', () => {
    const found = messages(`name: t
events:
  a: { probability: 0.1 }
fault_tree:
  top: g
  gates:
    g: { or: [a, h, nope] }
    h: { atleast: { k: 3, of: [a, g] } }
`);
    expect(found.join('\n')).toMatch(/cycle of gates: g → h → g/);
    const unknown = messages(`name: t
events:
  a: { probability: 0.1 }
fault_tree:
  top: g
  gates:
    g: { or: [a, nope] }
    h: { atleast: { k: 3, of: [a, a] } }
`);
    expect(unknown.join('\n')).toMatch(
      /7: fault_tree.gates.g.or\[1\] names the unknown event or gate "nope"/,
    );
    expect(
      messages(`name: t
events:
  a: { probability: 0.1 }
fault_tree:
  top: g
  gates:
    g: { atleast: { k: 3, of: [a, a] } }
`).join('\n'),
    ).toMatch(/k must be an integer in \[1, 2\]; got 3/);
  });

  it('refuses block-diagram keys beside a fault tree and a top that is no gate', () => {
    const found = messages(`name: t
components: { x: { failure: { rate: 1 } } }
events:
  a: { probability: 0.1 }
fault_tree:
  top: a
  gates:
    g: { not: a }
`).join('\n');
    expect(found).toMatch(/components is a block-diagram key/);
    expect(found).toMatch(/top must name a gate; "a" is not one/);
  });

  it('expands a beta-factor group into independent parts and one common event', () => {
    const model = loadModel(`name: t
events:
  a: { probability: 0.1 }
  b: { probability: 0.1 }
fault_tree:
  top: g
  gates:
    g: { and: [a, b] }
common_cause:
  - { name: ab, members: [a, b], model: beta-factor, factors: [0.2] }
`);
    const tree = model.faultTree!;
    expect(tree.events).toEqual([
      { name: 'a', probability: 0.1 * 0.8 },
      { name: 'b', probability: 0.1 * 0.8 },
      { name: '[a b]', probability: 0.1 * 0.2 },
    ]);
    expect(tree.commonCause).toEqual([
      { name: 'ab', members: ['a', 'b'], model: 'beta-factor', factors: [0.2] },
    ]);
  });

  it('expands a group of timed events by rates, the common event repaired as its members', () => {
    const model = loadModel(`name: t
events:
  a: { failure: { rate: 1e-3 }, repair: { mttr: 5 } }
  b: { failure: { rate: 1e-3 }, repair: { mttr: 5 } }
fault_tree:
  top: g
  gates:
    g: { and: [a, b] }
common_cause:
  - { name: ab, members: [a, b], model: beta-factor, factors: [0.1] }
`);
    expect(model.components.map((c) => [c.name, c.failure.rate])).toEqual([
      ['a', 1e-3 * 0.9],
      ['b', 1e-3 * 0.9],
      ['[a b]', 1e-3 * 0.1],
    ]);
    expect(model.components[2]!.repair).toEqual(model.components[0]!.repair);
    // AND of (a OR ab) and (b OR ab): in success logic a parallel of two series.
    expect(model.system?.kind).toBe('parallel');
  });

  it('refuses unlike group members', () => {
    expect(
      messages(`name: t
events:
  a: { probability: 0.1 }
  b: { probability: 0.2 }
fault_tree:
  top: g
  gates:
    g: { and: [a, b] }
common_cause:
  - { name: ab, members: [a, b], model: beta-factor, factors: [0.2] }
`).join('\n'),
    ).toMatch(/must be alike/);
  });

  it('gives a tree whose top depends on house events only no block form, and says why', () => {
    const model = loadModel(`name: t
mission_time: 100
events:
  a: { failure: { rate: 1e-3 }, repair: { mttr: 10 } }
house_events: { h: true }
fault_tree:
  top: g
  gates:
    g: { or: [h] }
`);
    // Found by the fault-tree differential test: a constant block form made analyze throw a
    // quadrature option error.
    expect(model.system).toBeUndefined();
  });

  it('solves a block model whose system uses no component with the Markov engine (analyze refuses it)', () => {
    const model = loadModel(`name: e
components: { a: { failure: { rate: 1 }, repair: { mttr: 1 } } }
system: { series: [] }
mission_time: 10
`);
    // analyze threw a quadrature option error here, a name the user cannot set.
    expect(() => analyze(model)).toThrow(/the system uses no component/);
    const result = solveExactly(model);
    expect(result.method).toBe('markov');
    expect(result.measures.steadyAvailability).toBe(1);
  });

  it('refuses maintenance in a fault tree rather than ignoring it', () => {
    expect(
      messages(`name: t
events:
  a: { failure: { rate: 1e-3 }, repair: { mttr: 5 } }
fault_tree:
  top: g
  gates:
    g: { or: [a] }
maintenance: { crews: 1 }
`).join('\n'),
    ).toMatch(/8: maintenance applies to block models only/);
  });
});
