import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

import { loadModel } from '../../src/model/loadModel.js';
import type { SystemNode } from '../../src/model/Model.js';
import { evaluateStructure } from '../../src/structure/evaluateStructure.js';
import type { StructureNode } from '../../src/structure/StructureNode.js';
import {
  GATE,
  LEAF,
  NETWORK,
  compileSystem,
  type SystemPlan,
} from '../../src/sim/system/compileSystem.js';
import { StructureState } from '../../src/sim/system/StructureState.js';

// Issue 15, step 1: the simulator's incremental structure state (counts of working children per
// gate, depth-first search per network, updated along the ancestors of a flipped leaf) against
// the Boolean evaluator recomputing Φ from scratch. Random model files go through the public path
// (loadModel, then compileSystem): nested series, parallel and k-out-of-n (k anywhere in [0, n],
// names of counted components expanding to several children), networks with self-loops, shared
// links and cut-off sinks, standby blocks (one leaf each), components appearing at several places.
// Variables (units, and standby blocks) are flipped at random and the root compared after every
// flip; each model runs several sequences, with reset() between them. Loading the text dominates
// the time (about 4 ms a model), hence several sequences a model. Seeded; fast-check shrinks a
// disagreement.
const SEED = 20261216;
const RUNS = 1000;
const SEQUENCES = 3;
const MIN_FLIPS = 10;
const MAX_FLIPS = 60;

/** Components of one unit, usable anywhere (networks need one unit per link). */
const SINGLES = ['u0', 'u1', 'u2', 'u3', 'u4', 'u5'];
/** Counted components: a name stands for all their units. */
const COUNTED = { m2: 2, m3: 3 };
/** Components kept for standby blocks, whose units may appear nowhere else. */
const STANDBY = ['s0', 's1', 's2', 's3', 's4', 's5', 's6', 's7'];
const NAMES = [...SINGLES, ...Object.keys(COUNTED)];
const VERTICES = ['s', 'a', 'b', 'c', 't'];

const COMPONENTS: Record<string, object> = {};
for (const name of [...SINGLES, ...STANDBY]) COMPONENTS[name] = { failure: { rate: 1 } };
for (const [name, count] of Object.entries(COUNTED)) {
  COMPONENTS[name] = { count, failure: { rate: 1 } };
}

/** A structure as drawn, before it is written as a model file. */
type Draw =
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'series' | 'parallel'; readonly children: readonly Draw[] }
  | { readonly kind: 'koon'; readonly k: number; readonly of: readonly Draw[] | string }
  | {
      readonly kind: 'network';
      readonly edges: readonly { from: number; to: number; via: number }[];
      readonly source: number;
      readonly sink: number;
    }
  | {
      readonly kind: 'standby';
      readonly spares: number;
      readonly mode: 'cold' | 'warm' | 'hot';
      readonly success: number;
    };

const { draw } = fc.letrec<{ draw: Draw }>((tie) => {
  const children = fc.array(tie('draw'), { maxLength: 4 });
  return {
    draw: fc.oneof(
      { depthSize: 'small', withCrossShrink: true, maxDepth: 5 },
      fc.constantFrom(...NAMES).map((name): Draw => ({ kind: 'name', name })),
      fc.record({ kind: fc.constantFrom('series' as const, 'parallel' as const), children }),
      fc.record({
        kind: fc.constant('koon' as const),
        k: fc.nat({ max: 8 }),
        of: fc.oneof(children, fc.constantFrom(...NAMES)),
      }),
      fc.record({
        kind: fc.constant('network' as const),
        edges: fc.array(
          fc.record({
            from: fc.nat({ max: VERTICES.length - 1 }),
            to: fc.nat({ max: VERTICES.length - 1 }),
            via: fc.nat({ max: SINGLES.length - 1 }),
          }),
          { minLength: 1, maxLength: 7 },
        ),
        source: fc.nat({ max: 9 }),
        sink: fc.nat({ max: 9 }),
      }),
      fc.record({
        kind: fc.constant('standby' as const),
        spares: fc.nat({ max: 2 }),
        mode: fc.constantFrom('cold' as const, 'warm' as const, 'hot' as const),
        success: fc.constantFrom(1, 0.9),
      }),
    ),
  };
});

/** The number of children a list of drawn nodes stands for (a counted name is its units). */
function width(of: readonly Draw[] | string): number {
  const names = typeof of === 'string' ? [of] : of;
  return names.reduce(
    (sum, d) =>
      sum +
      (typeof d === 'string' || d.kind === 'name'
        ? (COUNTED[(typeof d === 'string' ? d : d.name) as keyof typeof COUNTED] ?? 1)
        : 1),
    0,
  );
}

/**
 * The model file of a drawn structure (JSON, which YAML reads as it is): k taken modulo n + 1, network ends chosen among
 * the edges' ends, standby blocks given fresh components while there are some (then a name).
 */
function modelText(root: Draw): string {
  let nextStandby = 0;
  const write = (d: Draw): unknown => {
    switch (d.kind) {
      case 'name':
        return d.name;
      case 'series':
        return { series: d.children.map(write) };
      case 'parallel':
        return { parallel: d.children.map(write) };
      case 'koon':
        return {
          koon: {
            k: d.k % (width(d.of) + 1),
            of: typeof d.of === 'string' ? d.of : d.of.map(write),
          },
        };
      case 'network': {
        const edges = d.edges.map((e) => ({
          from: VERTICES[e.from]!,
          to: VERTICES[e.to]!,
          via: SINGLES[e.via]!,
        }));
        let ends = [...new Set(edges.flatMap((e) => [e.from, e.to]))];
        if (ends.length === 1) {
          const other = ends[0] === 's' ? 't' : 's';
          edges.push({ from: ends[0]!, to: other, via: edges[0]!.via });
          ends = [...ends, other];
        }
        const source = ends[d.source % ends.length]!;
        const rest = ends.filter((v) => v !== source);
        return { network: { source, sink: rest[d.sink % rest.length]!, edges } };
      }
      case 'standby': {
        if (nextStandby + 1 + d.spares > STANDBY.length) return SINGLES[0];
        const units = STANDBY.slice(nextStandby, nextStandby + 1 + d.spares);
        nextStandby += units.length;
        return {
          standby: {
            primary: units[0],
            ...(units.length > 1 && { spares: units.slice(1) }),
            mode: d.mode,
            ...(d.mode === 'warm' && { dormancy: 0.5 }),
            switch: { success: d.success },
          },
        };
      }
    }
  };
  return JSON.stringify({ name: 'random structure', components: COMPONENTS, system: write(root) });
}

/**
 * The model's structure over the plan's variables: unit u is variable u, standby block b (as
 * compileSystem numbers them) is variable unitCount + b.
 */
function structureOf(node: SystemNode, plan: SystemPlan): StructureNode {
  switch (node.kind) {
    case 'unit':
      return { kind: 'component', component: node.unit };
    case 'standby': {
      const b = plan.blockPath.indexOf(node.path);
      expect(b).toBeGreaterThanOrEqual(0);
      return { kind: 'component', component: plan.unitCount + b };
    }
    case 'network':
      return {
        kind: 'network',
        source: node.source,
        sink: node.sink,
        edges: node.edges.map((e) => ({ from: e.from, to: e.to, component: e.unit })),
      };
    case 'koon':
      return { kind: 'koon', k: node.k, children: node.children.map((c) => structureOf(c, plan)) };
    default:
      return { kind: node.kind, children: node.children.map((c) => structureOf(c, plan)) };
  }
}

describe('StructureState against evaluateStructure', () => {
  const pairs = RUNS * SEQUENCES;
  test(`rootUp equals Φ after every flip: ${RUNS} seeded random models × ${SEQUENCES} sequences of ${MIN_FLIPS} to ${MAX_FLIPS} flips (${pairs} pairs)`, () => {
    let sequences = 0;
    let comparisons = 0;
    let downs = 0;
    const kinds = new Set<number>();
    const flipSequence = fc.array(fc.nat(), { minLength: MIN_FLIPS, maxLength: MAX_FLIPS });
    fc.assert(
      fc.property(
        draw,
        fc.array(flipSequence, { minLength: SEQUENCES, maxLength: SEQUENCES }),
        (root, flipSequences) => {
          const model = loadModel(modelText(root), { file: 'random.yaml' });
          const plan = compileSystem(model, model.system!);
          const variables = plan.unitCount + plan.blockCount;
          const evaluator = evaluateStructure(structureOf(model.system!, plan), variables);
          const state = new StructureState(plan);
          const x = new Uint8Array(variables).fill(1);
          const check = (when: string): void => {
            const expected = evaluator.up(x);
            expect(state.rootUp, when).toBe(expected);
            comparisons++;
            if (!expected) downs++;
          };
          check('all new');
          for (const [sequence, flips] of flipSequences.entries()) {
            for (const [step, flip] of flips.entries()) {
              const v = flip % variables;
              const value = 1 - x[v]!;
              x[v] = value;
              if (v < plan.unitCount) {
                // Every appearance of the unit is a leaf of its own.
                for (let i = plan.unitLeafStart[v]!; i < plan.unitLeafStart[v + 1]!; i++) {
                  state.setLeaf(plan.unitLeaf[i]!, value);
                }
              } else state.setLeaf(plan.blockLeaf[v - plan.unitCount]!, value);
              check(`sequence ${sequence}, flip ${step} (variable ${v} to ${value})`);
            }
            state.reset();
            x.fill(1);
            check(`reset after sequence ${sequence}`);
            sequences++;
          }
          for (const kind of plan.nodeKind) kinds.add(kind);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
    expect(sequences).toBe(pairs);
    // Both answers occur often, and every node kind (leaf, gate, network) was compiled.
    expect(comparisons).toBeGreaterThan(pairs * MIN_FLIPS);
    expect(downs).toBeGreaterThan(comparisons / 10);
    expect(comparisons - downs).toBeGreaterThan(comparisons / 10);
    expect([...kinds].sort()).toEqual([LEAF, GATE, NETWORK]);
  });
});
