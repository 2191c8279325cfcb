import { BddManager, type CompactBdd, FALSE, TRUE } from './BddManager.js';
import type { Block } from './collapseBlocks.js';
import { unionOperation } from './setFamily.js';

/**
 * Returns a family of sets of literals over the variables of a compiled structure (blocks
 * included) as the same family over components, every block literal replaced by the block's own
 * minimal sets, compacted; each node's `component` entry is its literal 2·c + s (component c,
 * s = 1 for "c works", 0 for "c failed").
 *
 * $$
 * \mathcal{F} = \mathcal{F}_0 \cup \bar{b}\cdot\mathcal{F}_1 \ \longmapsto\
 * \mathcal{F}_0 \cup \{t \cup s : t \in \mathcal{C}_b,\ s \in \mathcal{F}_1\}, \qquad
 * \mathcal{C}_b = \{T \subseteq B : |T| = n - k + 1\}
 * $$
 * - b̄: the literal "block b failed"; F_1 the sets holding it (without it), F_0 the others
 * - C_b: the block's minimal cut sets as failed literals (T ranges over its members B, n of them,
 *   k needed); "block b works" is replaced the same way by its minimal path sets, the subsets of
 *   k members, as working literals
 *
 * @param source - the store holding the family; its level 2l + s is literal s of the variable
 *   at level l of `order`
 * @param root - the family's root in `source`
 * @param order - level → variable of the compiled structure; variable c ≥ m is block c − m
 * @param m - number of components
 * @param blocks - the blocks
 * @param maxNodes - node budget of the expanded family
 * @param where - function name for the size-limit error
 * @returns the expanded family, its levels the literals of the components in the order of
 *   `order` (a block's members where the block was, in member order)
 *
 * @throws {@link UnsupportedModelError} when the expanded family exceeds `maxNodes` nodes.
 *
 * @remarks
 * A block is a module: its members appear nowhere else, so a minimal cut set (prime implicant)
 * of the whole is one of ψ's with each block literal replaced by one minimal set of the block's
 * failure (working) function, and every such replacement is one (Barlow and Proschan's modular
 * decomposition; for prime implicants the same argument goes through literal by literal). The
 * subsets of r of n members form a grid of r(n − r + 1) nodes built directly above the
 * continuation; the union with F_0 walks only where the two overlap (F_0 may hold the block's
 * other literal). Nodes in topological order, nothing recursive. Cost O(family nodes + Σ blocks
 * r(n − r + 1) per use) plus the unions.
 *
 * @see R. E. Barlow and F. Proschan, Statistical Theory of Reliability and Life Testing, Holt,
 * Rinehart and Winston, 1975, ch. 1 §3 (modules) (paywalled).
 * @see A. Rauzy and Y. Dutuit, "Exact and truncated computations of prime implicants of coherent
 * and non-coherent fault trees within Aralia", Reliability Engineering & System Safety 58(2)
 * (1997) 127–144, https://doi.org/10.1016/S0951-8320(97)00034-3 (paywalled) (modules and prime
 * implicants).
 */
export function expandFamily(
  source: BddManager,
  root: number,
  order: Int32Array,
  m: number,
  blocks: readonly Block[],
  maxNodes: number,
  where: string,
): CompactBdd {
  const blockOf = (variable: number): Block => {
    const block = blocks[variable - m];
    if (block === undefined) throw new Error(`internal: variable ${variable} is not a block`);
    return block;
  };
  // First position of each level's variable among the components (a block takes n positions),
  // and each literal level's literal. The `!` reads index arrays sized by the loop bounds.
  const start = new Int32Array(order.length);
  let positions = 0;
  for (let l = 0; l < order.length; l++) {
    start[l] = positions;
    const v = order[l]!;
    positions += v < m ? 1 : blockOf(v).members.length;
  }
  const literalAt = new Int32Array(2 * positions);
  for (let l = 0; l < order.length; l++) {
    const v = order[l]!;
    const members = v < m ? Int32Array.of(v) : blockOf(v).members;
    members.forEach((c, j) => {
      literalAt[2 * (start[l]! + j)] = 2 * c;
      literalAt[2 * (start[l]! + j) + 1] = 2 * c + 1;
    });
  }
  // Without blocks every level keeps its place (start[l] = l): the expanded family is the
  // source's own nodes, only their literals named, so they are compacted once and not copied.
  if (blocks.length === 0) return source.compact(root, literalAt);
  const target = new BddManager(2 * positions, maxNodes, where);
  const union = unionOperation(target);
  const nodes = source.compact(
    root,
    Int32Array.from({ length: source.levelCount }, (_, level) => level),
  );
  // image[n]: node n of the compacted source, expanded; children are compacted first.
  const image = new Int32Array(nodes.level.length);
  image[TRUE] = TRUE;
  for (let n = 2; n < nodes.level.length; n++) {
    const literal = nodes.level[n]!;
    const l = literal >> 1;
    const works = literal & 1;
    const v = order[l]!;
    const low = image[nodes.low[n]!]!;
    const high = image[nodes.high[n]!]!;
    const level = 2 * start[l]! + works;
    if (v < m) {
      image[n] = target.familyNode(level, low, high);
    } else {
      const { k, members } = blockOf(v);
      const size = works === 1 ? k : members.length - k + 1;
      image[n] = union(low, subsets(target, level, members.length, size, high));
    }
  }
  return target.compact(image[nodes.root]!, literalAt);
}

/**
 * The family {t ∪ s : t an r-subset of the n literals at levels first, first + 2, …, s ∈ H} with
 * H at `continuation`, by the grid T(i, j) = node(i, T(i + 1, j), T(i + 1, j − 1)), T(i, 0) = H;
 * only the states reachable from T(0, r) are made.
 */
function subsets(
  manager: BddManager,
  first: number,
  n: number,
  r: number,
  continuation: number,
): number {
  // row[j] = T(i + 1, j); descending j reads row[j − 1] before it is replaced. 0 ≤ j ≤ r.
  const row = new Int32Array(r + 1).fill(FALSE);
  row[0] = continuation;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = Math.min(r, n - i); j >= Math.max(1, r - i); j--) {
      row[j] = manager.familyNode(first + 2 * i, row[j]!, row[j - 1]!);
    }
  }
  return row[r]!;
}
