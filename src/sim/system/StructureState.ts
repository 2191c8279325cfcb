import { GATE, LEAF, type NetworkPlan, type SystemPlan } from './compileSystem.js';

/**
 * The up/down state of every node of a compiled structure, updated incrementally: a leaf change
 * walks up its ancestors only while their state changes.
 *
 * A gate (series, parallel, k-out-of-n) keeps its number of working children and is up while it
 * is ≥ its threshold (n, 1 or k); a network node is re-evaluated by a depth-first search over its
 * working edges. A unit that appears several times has one leaf per appearance, so shared
 * components are exact (the structure function, not a product of appearances).
 *
 * @remarks
 * Cost per leaf change: O(depth) for gates, plus O(vertices + edges) for each network on the
 * path whose state is re-evaluated. No allocation after construction.
 */
export class StructureState {
  /** 1 when the node is up. */
  readonly up: Uint8Array;
  private readonly working: Int32Array;
  private readonly initialUp: Uint8Array;
  private readonly initialWorking: Int32Array;
  private readonly kind: Uint8Array;
  private readonly parent: Int32Array;
  private readonly threshold: Int32Array;
  private readonly nodeNetwork: Int32Array;
  private readonly networks: readonly NetworkPlan[];
  private readonly root: number;
  private stamp = 0;

  /** @param plan - the compiled model; all leaves start up */
  constructor(plan: SystemPlan) {
    this.kind = plan.nodeKind;
    this.parent = plan.nodeParent;
    this.threshold = plan.nodeThreshold;
    this.nodeNetwork = plan.nodeNetwork;
    this.networks = plan.networks;
    this.root = plan.root;
    this.up = new Uint8Array(plan.nodeCount);
    this.working = new Int32Array(plan.nodeCount);
    // Children precede parents, so one pass evaluates everything.
    for (let id = 0; id < plan.nodeCount; id++) {
      const kind = this.kind[id]!;
      if (kind === LEAF) this.up[id] = 1;
      else if (kind === GATE) this.up[id] = this.working[id]! >= this.threshold[id]! ? 1 : 0;
      else this.up[id] = this.connected(this.networks[this.nodeNetwork[id]!]!) ? 1 : 0;
      const parent = this.parent[id]!;
      if (parent >= 0 && this.up[id] === 1) this.working[parent]!++;
    }
    this.initialUp = this.up.slice();
    this.initialWorking = this.working.slice();
  }

  /** Whether the whole structure is up. */
  get rootUp(): boolean {
    return this.up[this.root] === 1;
  }

  /** Restores the all-new state. O(nodes), no allocation. */
  reset(): void {
    this.up.set(this.initialUp);
    this.working.set(this.initialWorking);
  }

  /**
   * Sets leaf `leaf` to up (1) or down (0) and updates its ancestors.
   * Precondition (not checked): the leaf's state differs from `value`.
   */
  setLeaf(leaf: number, value: number): void {
    // Written for small bytecode (arrays in locals, one parent read per level): the simulator's
    // loop inlines this once per event within the JIT's inlining budget.
    const up = this.up;
    const parentOf = this.parent;
    up[leaf] = value;
    let state = value;
    let parent = parentOf[leaf]!;
    while (parent >= 0) {
      let next: number;
      if (this.kind[parent] === GATE) {
        // A working child more (state 1) or less (state 0).
        const working = (this.working[parent]! += 2 * state - 1);
        next = working >= this.threshold[parent]! ? 1 : 0;
      } else next = this.networkUp(parent);
      if (next === up[parent]) return;
      up[parent] = next;
      state = next;
      parent = parentOf[parent]!;
    }
  }

  /** 1 when network node `node` joins its source to its sink over working edges, else 0. */
  private networkUp(node: number): number {
    return this.connected(this.networks[this.nodeNetwork[node]!]!) ? 1 : 0;
  }

  /** Depth-first search from source to sink over edges whose leaf is up. */
  private connected(network: NetworkPlan): boolean {
    const { mark, stack, rowStart, neighbour, edgeLeaf, source, sink } = network;
    if (this.stamp >= 0x3fffffff) {
      // Marks are Int32: restart the stamps before they overflow.
      for (const other of this.networks) other.mark.fill(0);
      this.stamp = 0;
    }
    const stamp = ++this.stamp;
    let top = 0;
    stack[top++] = source;
    mark[source] = stamp;
    while (top > 0) {
      const v = stack[--top]!;
      if (v === sink) return true;
      for (let i = rowStart[v]!; i < rowStart[v + 1]!; i++) {
        const w = neighbour[i]!;
        if (mark[w] !== stamp && this.up[edgeLeaf[i]!] === 1) {
          mark[w] = stamp;
          stack[top++] = w;
        }
      }
    }
    return false;
  }
}
