import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

import { ParameterError } from '../../src/errors.js';
import { compileStructure } from '../../src/structure/compileStructure.js';
import { evaluateStructure } from '../../src/structure/evaluateStructure.js';
import type { NetworkEdge, StructureNode } from '../../src/structure/StructureNode.js';

// Issue 15, step 1: the Boolean evaluator (flat arrays, union–find for networks) against the BDD
// of compileStructure (apply, frontier method for networks), two methods that share nothing but
// the validation. Random structures are DAGs over m components: each node's children are drawn
// among the components and the nodes made before it, so components and whole nodes are shared;
// series, parallel and k-out-of-n with k anywhere in [0, n] (no child, one child, k = 0 and k = n
// included); networks on five named vertices with self-loops, parallel edges, edges sharing a
// component and sinks cut off from the source; `not` of a component or of an earlier node (issue
// 16: non-coherent structures, a node used both plain and negated, double negation). Small structures are evaluated on all 2^7 states,
// larger ones on random states. Seeded, so CI sees the same structures; fast-check shrinks a
// disagreement to a small DAG.
const SEED = 20261215;
const SMALL = { m: 7, maxNodes: 12, runs: 400 };
const LARGE = { m: 14, maxNodes: 30, runs: 150, states: 100 };
const VERTICES = ['s', 'a', 'b', 'c', 't'];

/**
 * One node of the DAG as drawn: references resolve to a component or an earlier node, and
 * component numbers are taken modulo m.
 */
type NodeSpec =
  | { readonly kind: 'series' | 'parallel'; readonly refs: readonly number[] }
  | { readonly kind: 'not'; readonly ref: number }
  | { readonly kind: 'koon'; readonly refs: readonly number[]; readonly k: number }
  | {
      readonly kind: 'network';
      readonly edges: readonly { from: number; to: number; component: number }[];
      readonly source: number;
      readonly sink: number;
    };

const refs = fc.array(fc.nat({ max: 60 }), { maxLength: 5, size: 'medium' });
const nodeSpec: fc.Arbitrary<NodeSpec> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constantFrom('series' as const, 'parallel' as const), refs }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('koon' as const), refs, k: fc.nat({ max: 6 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('not' as const), ref: fc.nat({ max: 60 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('network' as const),
      edges: fc.array(
        fc.record({
          from: fc.nat({ max: VERTICES.length - 1 }),
          to: fc.nat({ max: VERTICES.length - 1 }),
          component: fc.nat({ max: 20 }),
        }),
        { minLength: 1, maxLength: 8 },
      ),
      source: fc.nat({ max: 9 }),
      sink: fc.nat({ max: 9 }),
    }),
  },
);

/** DAGs of 1 to `maxNodes` nodes over m components, the last node the root; now and then a lone component. */
function structures(m: number, maxNodes: number): fc.Arbitrary<StructureNode> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.nat({ max: m - 1 }).map((c) => leaf(c)) },
    {
      weight: 30,
      arbitrary: fc
        .array(nodeSpec, { minLength: 1, maxLength: maxNodes, size: 'medium' })
        .map((specs) => resolve(specs, m)),
    },
  );
}

function leaf(component: number): StructureNode {
  return { kind: 'component', component };
}

/**
 * The DAG of the specs: a reference r divisible by 3 is component r/3, another one of the nodes
 * made before (both modulo their count; a component when there is no node yet).
 */
function resolve(specs: readonly NodeSpec[], m: number): StructureNode {
  const nodes: StructureNode[] = [];
  const resolveRef = (r: number): StructureNode =>
    r % 3 === 0 || nodes.length === 0
      ? leaf(Math.floor(r / 3) % m)
      : nodes[Math.floor(r / 3) % nodes.length]!;
  for (const spec of specs) {
    if (spec.kind === 'network') nodes.push(network(spec, m));
    else if (spec.kind === 'not') nodes.push({ kind: 'not', child: resolveRef(spec.ref) });
    else {
      const children = spec.refs.map(resolveRef);
      nodes.push(
        spec.kind === 'koon'
          ? { kind: 'koon', k: spec.k % (children.length + 1), children }
          : { kind: spec.kind, children },
      );
    }
  }
  return nodes[nodes.length - 1]!;
}

/** A network whose source and sink are two distinct vertices among the edges' ends. */
function network(spec: Extract<NodeSpec, { kind: 'network' }>, m: number): StructureNode {
  const edges: NetworkEdge[] = spec.edges.map((e) => ({
    from: VERTICES[e.from]!,
    to: VERTICES[e.to]!,
    component: e.component % m,
  }));
  let ends = [...new Set(edges.flatMap((e) => [e.from, e.to]))];
  if (ends.length === 1) {
    // Only self-loops on one vertex: one more link, so that a sink distinct from the source exists.
    const other = ends[0] === 's' ? 't' : 's';
    edges.push({ from: ends[0]!, to: other, component: edges[0]!.component });
    ends = [...ends, other];
  }
  const source = ends[spec.source % ends.length]!;
  const rest = ends.filter((v) => v !== source);
  const sink = rest[spec.sink % rest.length]!;
  return { kind: 'network', source, sink, edges };
}

/** State s as 0/1 numbers: bit i of s is component i. */
function stateOf(s: number, m: number): number[] {
  return Array.from({ length: m }, (_, i) => (s >> i) & 1);
}

/** A description of what the random structures contain, to check they cover the cases. */
function features(root: StructureNode): Set<string> {
  const found = new Set<string>();
  const parentsOf = new Map<StructureNode, number>();
  const uses = new Map<number, number>();
  const stack = [root];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.kind === 'component') {
      uses.set(n.component, (uses.get(n.component) ?? 0) + 1);
      continue;
    }
    const seen = parentsOf.get(n);
    parentsOf.set(n, (seen ?? 0) + 1);
    if (seen !== undefined) {
      found.add('shared node');
      continue;
    }
    if (n.kind === 'network') {
      found.add('network');
      for (const e of n.edges) uses.set(e.component, (uses.get(e.component) ?? 0) + 1);
      if (n.edges.some((e) => e.from === e.to)) found.add('self-loop');
      if (!reachable(n, n.sink)) found.add('sink cut off');
      continue;
    }
    found.add(n.kind);
    if (n.kind === 'not') {
      if (n.child.kind === 'not') found.add('double not');
      stack.push(n.child);
      continue;
    }
    if (n.children.length === 0) found.add(`empty ${n.kind}`);
    if (n.kind === 'koon' && n.k === 0) found.add('koon k = 0');
    if (n.kind === 'koon' && n.k === n.children.length && n.k > 0) found.add('koon k = n');
    stack.push(...n.children);
  }
  if ([...uses.values()].some((count) => count > 1)) found.add('shared component');
  if (parentsOf.size >= 4) found.add('four nodes or more');
  return found;
}

/** Whether `vertex` is joined to the source when every edge works. */
function reachable(n: Extract<StructureNode, { kind: 'network' }>, vertex: string): boolean {
  const seen = new Set([n.source]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const e of n.edges) {
      if (seen.has(e.from) !== seen.has(e.to)) {
        seen.add(e.from).add(e.to);
        grew = true;
      }
    }
  }
  return seen.has(vertex);
}

describe('evaluateStructure against the BDD of compileStructure', () => {
  const small = SMALL.runs * 2 ** SMALL.m;
  test(`equals it exactly on all 2^${SMALL.m} states of ${SMALL.runs} seeded random DAGs (${small} pairs)`, () => {
    const { m, maxNodes, runs } = SMALL;
    let pairs = 0;
    fc.assert(
      fc.property(structures(m, maxNodes), (node) => {
        const bdd = compileStructure(node, m);
        const evaluator = evaluateStructure(node, m);
        for (let s = 0; s < 2 ** m; s++) {
          const x = stateOf(s, m);
          expect(evaluator.up(x) ? 1 : 0, `state ${s}`).toBe(bdd.probability(x));
          pairs++;
        }
      }),
      { seed: SEED, numRuns: runs },
    );
    expect(pairs).toBe(small);
  });

  const large = LARGE.runs * LARGE.states;
  test(`equals it exactly on ${LARGE.states} random states of ${LARGE.runs} larger seeded DAGs over ${LARGE.m} components (${large} pairs)`, () => {
    const { m, maxNodes, runs, states } = LARGE;
    let pairs = 0;
    const stateList = fc.array(fc.nat({ max: 2 ** m - 1 }), {
      minLength: states,
      maxLength: states,
    });
    fc.assert(
      fc.property(structures(m, maxNodes), stateList, (node, list) => {
        const bdd = compileStructure(node, m);
        const evaluator = evaluateStructure(node, m);
        for (const s of list) {
          const x = stateOf(s, m);
          expect(evaluator.up(x) ? 1 : 0, `state ${s}`).toBe(bdd.probability(x));
          pairs++;
        }
      }),
      { seed: SEED, numRuns: runs },
    );
    expect(pairs).toBe(large);
  });

  test('the random structures cover every kind and corner', () => {
    for (const { m, maxNodes, runs } of [SMALL, LARGE]) {
      const counts = new Map<string, number>();
      for (const node of fc.sample(structures(m, maxNodes), { seed: SEED, numRuns: runs })) {
        for (const f of features(node)) counts.set(f, (counts.get(f) ?? 0) + 1);
      }
      for (const f of [
        'series',
        'parallel',
        'koon',
        'network',
        'empty series',
        'empty parallel',
        'koon k = 0',
        'koon k = n',
        'self-loop',
        'sink cut off',
        'shared node',
        'shared component',
        'four nodes or more',
        'not',
      ]) {
        expect(counts.get(f) ?? 0, `${f} (m = ${m})`).toBeGreaterThanOrEqual(runs / 40);
      }
    }
  });
});

describe('evaluateStructure by hand', () => {
  const c = leaf;
  const bridge: StructureNode = {
    kind: 'network',
    source: 's',
    sink: 't',
    edges: [
      { from: 's', to: 'a', component: 0 },
      { from: 's', to: 'b', component: 1 },
      { from: 'a', to: 'b', component: 2 },
      { from: 'a', to: 't', component: 3 },
      { from: 'b', to: 't', component: 4 },
    ],
  };

  test('the bridge works exactly on the states covering one of its four minimal paths', () => {
    // Rausand & Høyland (2004), ch. 4: minimal paths {0,3}, {1,4}, {0,2,4}, {1,2,3}.
    const paths = [
      [0, 3],
      [1, 4],
      [0, 2, 4],
      [1, 2, 3],
    ];
    const evaluator = evaluateStructure(bridge, 5);
    for (let s = 0; s < 32; s++) {
      const x = stateOf(s, 5);
      const expected = paths.some((path) => path.every((i) => x[i] === 1));
      expect(evaluator.up(x), `state ${s}`).toBe(expected);
    }
  });

  test('2-out-of-3 works with two or three components working', () => {
    const evaluator = evaluateStructure({ kind: 'koon', k: 2, children: [c(0), c(1), c(2)] }, 3);
    for (let s = 0; s < 8; s++) {
      const x = stateOf(s, 3);
      expect(evaluator.up(x)).toBe(x[0]! + x[1]! + x[2]! >= 2);
    }
  });

  test('an empty series works, an empty parallel fails, k = 0 works with everything failed', () => {
    expect(evaluateStructure({ kind: 'series', children: [] }, 0).up([])).toBe(true);
    expect(evaluateStructure({ kind: 'parallel', children: [] }, 0).up([])).toBe(false);
    const none = evaluateStructure({ kind: 'koon', k: 0, children: [c(0), c(1)] }, 2);
    expect(none.up([0, 0])).toBe(true);
    const empty = evaluateStructure({ kind: 'koon', k: 0, children: [] }, 0);
    expect(empty.up([])).toBe(true);
  });

  test('a lone component, booleans as states, components absent from the tree', () => {
    const lone = evaluateStructure(c(1), 3);
    expect(lone.up([0, 1, 0])).toBe(true);
    expect(lone.up([true, false, true])).toBe(false);
    expect(lone.componentCount).toBe(3);
  });

  test('networks: self-loops join nothing, a sink cut off never works, links work both ways', () => {
    const loops = evaluateStructure(
      {
        kind: 'network',
        source: 's',
        sink: 't',
        edges: [
          { from: 's', to: 's', component: 0 },
          { from: 't', to: 't', component: 0 },
        ],
      },
      1,
    );
    expect(loops.up([1])).toBe(false);
    const cut = evaluateStructure(
      {
        kind: 'network',
        source: 's',
        sink: 't',
        edges: [
          { from: 's', to: 'a', component: 0 },
          { from: 'b', to: 't', component: 1 },
        ],
      },
      2,
    );
    expect(cut.up([1, 1])).toBe(false);
    const backwards = evaluateStructure(
      {
        kind: 'network',
        source: 's',
        sink: 't',
        edges: [
          { from: 'a', to: 's', component: 0 },
          { from: 't', to: 'a', component: 1 },
        ],
      },
      2,
    );
    expect(backwards.up([1, 1])).toBe(true);
    expect(backwards.up([1, 0])).toBe(false);
  });

  test('a node shared by two parents is one node: a shared bridge in two series', () => {
    // parallel(series(bridge, c5), series(bridge, c6)) = bridge ∧ (c5 ∨ c6).
    const node: StructureNode = {
      kind: 'parallel',
      children: [
        { kind: 'series', children: [bridge, c(5)] },
        { kind: 'series', children: [bridge, c(6)] },
      ],
    };
    const evaluator = evaluateStructure(node, 7);
    const alone = evaluateStructure(bridge, 5);
    for (let s = 0; s < 128; s++) {
      const x = stateOf(s, 7);
      expect(evaluator.up(x)).toBe(alone.up(x.slice(0, 5)) && (x[5] === 1 || x[6] === 1));
    }
  });

  test('refuses what compileStructure refuses, with the same message', () => {
    const invalid: [StructureNode, number][] = [
      [{ kind: 'koon', k: 3, children: [c(0), c(1)] }, 2], // k = n + 1
      [{ kind: 'koon', k: -1, children: [c(0)] }, 1],
      [c(2), 2],
      [c(0.5), 2],
      [
        { kind: 'network', source: 's', sink: 's', edges: [{ from: 's', to: 't', component: 0 }] },
        1,
      ],
      [
        { kind: 'network', source: 's', sink: 'x', edges: [{ from: 's', to: 't', component: 0 }] },
        1,
      ],
      [{ kind: 'network', source: 's', sink: 't', edges: [] }, 1],
      [{ kind: 'weird' } as unknown as StructureNode, 1],
      [c(0), -1],
    ];
    for (const [node, m] of invalid) {
      const message = (): string => {
        try {
          compileStructure(node, m);
        } catch (error) {
          return (error as Error).message;
        }
        throw new Error('compileStructure accepted it');
      };
      expect(() => evaluateStructure(node, m)).toThrow(ParameterError);
      expect(() => evaluateStructure(node, m)).toThrow(message());
    }
  });

  test('refuses a node that contains itself and a state of the wrong length', () => {
    const children: StructureNode[] = [c(0)];
    const cyclic: StructureNode = { kind: 'series', children };
    children.push({ kind: 'parallel', children: [cyclic] });
    expect(() => evaluateStructure(cyclic, 1)).toThrow(/node must not contain itself/);
    const evaluator = evaluateStructure({ kind: 'series', children: [c(0), c(1)] }, 2);
    expect(() => evaluator.up([1])).toThrow(ParameterError);
    expect(() => evaluator.up([1, 1, 1])).toThrow(/x must have 2 entries/);
  });

  test('a tree 100 000 levels deep compiles and evaluates without overflowing the stack', () => {
    // Level i wraps the level below with component i mod 3, in series on even levels and in
    // parallel on odd ones; the expected value is the same fold done bottom-up in a loop.
    const depth = 100_000;
    let node: StructureNode = c(0);
    for (let i = 1; i <= depth; i++) {
      node = { kind: i % 2 === 0 ? 'series' : 'parallel', children: [node, c(i % 3)] };
    }
    const evaluator = evaluateStructure(node, 3);
    for (let s = 0; s < 8; s++) {
      const x = stateOf(s, 3);
      let expected = x[0] === 1;
      for (let i = 1; i <= depth; i++) {
        const own = x[i % 3] === 1;
        expected = i % 2 === 0 ? expected && own : expected || own;
      }
      expect(evaluator.up(x), `state ${s}`).toBe(expected);
    }
    // The same depth of shared nodes (each level used twice by the next): 100 000 nodes, not 2^n.
    let shared: StructureNode = c(0);
    for (let i = 1; i <= depth; i++) {
      shared = { kind: i % 2 === 0 ? 'series' : 'parallel', children: [shared, shared, c(i % 3)] };
    }
    const sharedEvaluator = evaluateStructure(shared, 3);
    for (let s = 0; s < 8; s++)
      expect(sharedEvaluator.up(stateOf(s, 3))).toBe(evaluator.up(stateOf(s, 3)));
  });
});
