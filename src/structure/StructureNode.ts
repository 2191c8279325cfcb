/**
 * A structure tree over numbered components 0..m−1: how the working states of independent binary
 * components decide whether the system works.
 *
 * $$
 * \Phi(x) \in \{0, 1\}, \qquad x \in \{0, 1\}^m
 * $$
 *
 * - `component`: works iff component `component` works, x_i = 1.
 * - `series`: works iff every child works; a series of no children works (Φ = 1).
 * - `parallel`: works iff at least one child works; a parallel of no children fails (Φ = 0).
 * - `koon`: works iff at least `k` of its children work (k-out-of-n:G); `k = 0` always works,
 *   `k = 1` is parallel, `k = n` is series.
 * - `network`: works iff `sink` is connected to `source` through working edges. Each edge works
 *   iff its `component` works. Edges are undirected: a link works in both directions.
 *   Several edges may share a component (they fail together). Self-loops are allowed and
 *   irrelevant.
 * - `not`: works iff its `child` fails, Φ = 1 − Φ_child (the NOT, NAND and NOR gates of fault
 *   trees).
 *
 * The same component number may appear several times (a shared power supply feeding two branches);
 * the evaluator is exact for such trees, not the naive product.
 *
 * @remarks
 * Every kind but `not` is monotone in each x_i, so a tree without `not` is a coherent structure
 * when every component it lists is relevant. A tree with `not` may be non-coherent: the system
 * may work again when a component fails (Φ(x) = x_0 ∧ ¬x_1), so minimal cut sets do not describe
 * it and prime implicants do; `not(not(x))` and other monotone uses stay coherent
 * (the compiled structure's `coherent` decides it exactly). A node object may also be reused at
 * several places in the tree (a DAG); it is compiled once.
 *
 * @see M. Rausand and A. Høyland, System Reliability Theory: Models, Statistical Methods, and
 * Applications, 2nd ed., Wiley, 2004, ch. 4 (structure functions, k-out-of-n and bridge
 * structures) (paywalled).
 */
export type StructureNode =
  | { readonly kind: 'component'; readonly component: number }
  | { readonly kind: 'series'; readonly children: readonly StructureNode[] }
  | { readonly kind: 'parallel'; readonly children: readonly StructureNode[] }
  | { readonly kind: 'koon'; readonly k: number; readonly children: readonly StructureNode[] }
  | {
      readonly kind: 'network';
      /** Name of the node the flow starts from; must appear in `edges`. */
      readonly source: string;
      /** Name of the node to reach; must appear in `edges` and differ from `source`. */
      readonly sink: string;
      /** The links, each working iff its component works; at least one. */
      readonly edges: readonly NetworkEdge[];
    }
  | { readonly kind: 'not'; readonly child: StructureNode };

/** One link of a `network` node: works iff component `component` works. */
export interface NetworkEdge {
  /** Name of one end of the link. */
  readonly from: string;
  /** Name of the other end. */
  readonly to: string;
  /** The component whose working state is the link's, in [0, componentCount − 1]. */
  readonly component: number;
}
