import { gatherJs, lowerSolveJs } from './jsKernels.js';
import { instantiateKernels } from './wasmKernels.js';

/** Where the sparse kernels run. */
export type KernelBackend = 'webassembly' | 'javascript';

/** A square sparse matrix M = diag(d) + W stored by row in gather form (transposed CSR). */
export interface GatherLayout {
  /** Pointers, length n + 1: row j holds entries start[j]..start[j+1]−1. */
  readonly start: Int32Array;
  /** Column (source state) of each entry, ascending within a row. */
  readonly source: Int32Array;
  /** Value of each entry. */
  readonly weight: Float64Array;
  /** The diagonal d, length n. */
  readonly diagonal: Float64Array;
  /** Optional, for lowerSolve: split[j] = the first entry of row j whose source is ≥ j. */
  readonly split?: Int32Array;
}

/** A {@link GatherLayout} held where its kernels run, with work vectors they can read. */
export interface GatherMatrix {
  /** Number of rows n. */
  readonly stateCount: number;
  /** Where the kernels run. */
  readonly backend: KernelBackend;
  /** Zero-filled work vectors of length n, the only vectors the two kernels accept. */
  readonly vectors: readonly Float64Array[];
  /**
   * out_j = d_j·v_j + Σ_i W_ji·v_i for rows [first, last) (default every row); returns
   * Σ_j |out_j − v_j| over those rows. `v` and `out` are distinct work vectors.
   */
  gather(v: Float64Array, out: Float64Array, first?: number, last?: number): number;
  /**
   * Forward substitution: z_j = (r_j − Σ_{i<j} W_ji·z_i) / d_j for j = 0..n−1 in order (needs
   * `split`). `r` and `z` are distinct work vectors.
   */
  lowerSolve(r: Float64Array, z: Float64Array): void;
}

// WebAssembly memory is addressed by 32-bit offsets: at most 65 536 pages of 64 KiB.
const PAGE = 65_536;
const MAX_PAGES = 65_536;

/**
 * Returns a matrix in gather form with `vectorCount` work vectors, placed in WebAssembly memory
 * when it fits there, else on JavaScript typed arrays.
 *
 * $$
 * (\mathrm{gather}\ v)_j = d_j v_j + \sum_{p = s_j}^{s_{j+1}-1} w_p\, v_{c_p}
 * $$
 *
 * - s: `layout.start`, c: `layout.source`, w: `layout.weight`, d: `layout.diagonal`
 *
 * @param layout - the matrix; its arrays are copied for WebAssembly and used as they are for
 * JavaScript
 * @param vectorCount - work vectors to allocate
 * @param backend - force one backend (tests); by default WebAssembly where it can run and the
 * whole layout fits in 4 GiB
 * @returns the matrix and its work vectors
 *
 * @remarks
 * The product over the transposed generator is where the transient and steady-state solvers
 * spend their time. Measured on the 10^6-state benchmark chain (7.55·10^6 entries): 8.0–8.5 ms
 * per product in WebAssembly against 15.5 ms for the same loop in V8's JavaScript (10^5
 * states: 0.41 against 1.41 ms); docs/benchmarks.md. Both backends do the same floating-point
 * operations in the same order, so their results are bit-identical. Memory: 12 bytes per entry
 * and 8 (12 with `split`) per row, plus 8·n per work vector, in one allocation that never
 * grows, so the typed-array views over it stay valid.
 *
 * @see WebAssembly Core Specification 2.0, https://webassembly.github.io/spec/core/; Y. Saad,
 * Iterative Methods for Sparse Linear Systems, 2nd ed., SIAM, 2003, §3.4,
 * https://www-users.cse.umn.edu/~saad/IterMethBook_2ndEd.pdf
 *
 * @example
 * ```ts
 * const m = createGatherMatrix({ start: Int32Array.of(0, 1, 2), source: Int32Array.of(1, 0), weight: Float64Array.of(2, 3), diagonal: Float64Array.of(1, 1) }, 2);
 * const [v, out] = m.vectors;
 * v.set([1, 10]);
 * m.gather(v, out); // → 23
 * out; // → [21, 13]
 * ```
 */
export function createGatherMatrix(
  layout: GatherLayout,
  vectorCount: number,
  backend?: KernelBackend,
): GatherMatrix {
  if (backend !== 'javascript') {
    const placed = placeInWebAssembly(layout, vectorCount);
    if (placed !== null) return placed;
    if (backend === 'webassembly') throw new Error('createGatherMatrix: WebAssembly unavailable');
  }
  const n = layout.diagonal.length;
  const { start, source, weight, diagonal, split } = layout;
  return {
    stateCount: n,
    backend: 'javascript',
    vectors: Array.from({ length: vectorCount }, () => new Float64Array(n)),
    gather: (v, out, first = 0, last = n) =>
      gatherJs(first, last, start, source, weight, diagonal, v, out),
    lowerSolve: (r, z) =>
      lowerSolveJs(0, n, start, requireSplit(split), source, weight, diagonal, r, z),
  };
}

function requireSplit(split: Int32Array | undefined): Int32Array {
  if (split === undefined) throw new Error('GatherMatrix.lowerSolve: the layout has no split');
  return split;
}

/** The layout copied into one WebAssembly memory with its kernels, or null if it cannot be. */
function placeInWebAssembly(layout: GatherLayout, vectorCount: number): GatherMatrix | null {
  const n = layout.diagonal.length;
  const m = layout.source.length;
  const aligned = (bytes: number): number => Math.ceil(bytes / 8) * 8;
  const sizes = [
    8 * m,
    8 * n,
    aligned(4 * (n + 1)),
    aligned(4 * m),
    layout.split === undefined ? 0 : aligned(4 * n),
    ...Array.from({ length: vectorCount }, () => 8 * n),
  ];
  const pages = Math.ceil(sizes.reduce((a, b) => a + b, 0) / PAGE);
  if (pages > MAX_PAGES) return null;
  let memory: WebAssembly.Memory;
  try {
    memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
  } catch {
    return null;
  }
  const kernels = instantiateKernels(memory);
  if (kernels === null) return null;
  const buffer = memory.buffer;
  let next = 0;
  const take = (bytes: number): number => {
    const at = next;
    next += aligned(bytes);
    return at;
  };
  const place = <T extends Float64Array | Int32Array>(array: T): number => {
    const at = take(array.byteLength);
    if (array instanceof Float64Array) new Float64Array(buffer, at, array.length).set(array);
    else new Int32Array(buffer, at, array.length).set(array);
    return at;
  };
  // Doubles first, so every 8-byte value is 8-byte aligned whatever n and m are.
  const weight = place(layout.weight);
  const diagonal = place(layout.diagonal);
  const start = place(layout.start);
  const source = place(layout.source);
  const split = layout.split === undefined ? -1 : place(layout.split);
  const vectors = Array.from(
    { length: vectorCount },
    () => new Float64Array(buffer, take(8 * n), n),
  );
  const address = (vector: Float64Array): number => {
    if (vector.buffer !== buffer) {
      throw new Error('GatherMatrix: a vector that is not one of its work vectors');
    }
    return vector.byteOffset;
  };
  return {
    stateCount: n,
    backend: 'webassembly',
    vectors,
    gather: (v, out, first = 0, last = n) =>
      kernels.gather(first, last, start, source, weight, diagonal, address(v), address(out)),
    lowerSolve: (r, z) => {
      if (split < 0) requireSplit(undefined);
      kernels.lowerSolve(0, n, start, split, source, weight, diagonal, address(r), address(z));
    },
  };
}
