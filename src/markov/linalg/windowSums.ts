import type { PoissonWeights } from './poissonWeights.js';

// Entries per pass of the accumulation: 32 KiB of each vector, so a block of iterates and the
// sums being formed stay in the core's cache while every window uses them.
const CHUNK = 4096;

/** One sum to update: sum += Σ_t weights[t]·vectors[t]. */
interface Term {
  readonly sum: Float64Array;
  readonly vectors: readonly Float64Array[];
  readonly weights: readonly number[];
}

/**
 * The Poisson-weighted sums of the uniformized iterates, one per time point, formed a block of
 * iterates at a time.
 *
 * $$
 * \pi(t_j) \approx \sum_{k=L_j}^{R_j} w_{jk}\, v_k,\qquad v_k = \pi(0) P^k
 * $$
 *
 * - w_jk: the Poisson(q·t_j) weights of window j, [L_j, R_j] its truncation points
 *
 * @remarks
 * Adding each iterate to every window it falls in as soon as it is computed reads and writes
 * every sum once per iterate: about 2·Σ_j(R_j − L_j) vector passes, memory-bound at 10^6
 * states (3.5 s of 11 s on the benchmark chain). Adding a block of iterates at once, in chunks
 * that stay in cache, reads and writes each sum once per block and each iterate once per
 * chunk. The terms are added in the same order (k ascending), so the sums are the same bits.
 */
export class WindowSums {
  /** sums[j]: the weighted sum of window j so far, length n. */
  readonly sums: Float64Array[];
  readonly #windows: readonly PoissonWeights[];

  constructor(windows: readonly PoissonWeights[], stateCount: number) {
    this.#windows = windows;
    this.sums = windows.map(() => new Float64Array(stateCount));
  }

  /** sums_j += Σ_k w_jk·v_k over the iterates v_first … v_{first+count−1} in `iterates`. */
  addIterates(iterates: readonly Float64Array[], first: number, count: number): void {
    const terms: Term[] = [];
    this.#windows.forEach((window, j) => {
      const from = Math.max(first, window.left);
      const to = Math.min(first + count - 1, window.right);
      if (from > to) return;
      terms.push({
        sum: this.sums[j],
        vectors: iterates.slice(from - first, to - first + 1),
        weights: Array.from(window.weights.subarray(from - window.left, to - window.left + 1)),
      });
    });
    combine(terms);
  }

  /** sums_j += scale[j]·v for every window whose scale is not 0. */
  addScaled(v: Float64Array, scale: readonly number[]): void {
    const terms: Term[] = [];
    scale.forEach((s, j) => {
      if (s !== 0) terms.push({ sum: this.sums[j], vectors: [v], weights: [s] });
    });
    combine(terms);
  }
}

/** Applies every term chunk by chunk, four vectors per pass over a chunk where it can. */
function combine(terms: readonly Term[]): void {
  if (terms.length === 0) return;
  const n = terms[0].sum.length;
  for (let lo = 0; lo < n; lo += CHUNK) {
    const hi = Math.min(n, lo + CHUNK);
    for (const { sum, vectors, weights } of terms) {
      let t = 0;
      for (; t + 3 < vectors.length; t += 4) {
        const [a, b, c, d] = vectors.slice(t, t + 4);
        const [wa, wb, wc, wd] = weights.slice(t, t + 4);
        // Left to right: ((sum + wa·a) + wb·b) + …, the order of adding them one by one.
        for (let i = lo; i < hi; i++)
          sum[i] = sum[i] + wa * a[i] + wb * b[i] + wc * c[i] + wd * d[i];
      }
      for (; t < vectors.length; t++) {
        const a = vectors[t];
        const w = weights[t];
        for (let i = lo; i < hi; i++) sum[i] += w * a[i];
      }
    }
  }
}
