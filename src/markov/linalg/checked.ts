/**
 * Checked access where an index or a list of vectors crosses a module boundary: a wrong one is
 * a defect of relkit, not of the model, and is reported as an internal error naming the caller
 * instead of reading `undefined` on. Hot loops do not call these: they check their inputs once
 * at entry (with {@link takeVectors}) and index with `!` inside.
 */

/** A tuple of `N` Float64Arrays. */
export type Vectors<N extends number, Taken extends Float64Array[] = []> = Taken['length'] extends N
  ? Taken
  : Vectors<N, [...Taken, Float64Array]>;

/**
 * Returns xs[i], or throws an internal error naming `where` when i is not an index of xs.
 *
 * @param where - the caller, for the message
 * @param xs - an array or typed array (its entries are never `undefined`)
 * @param i - the index
 * @returns xs[i]
 * @throws Error when i is not an integer in [0, xs.length)
 *
 * @example
 * ```ts
 * checkedAt('example', [3, 4], 1); // → 4
 * ```
 */
export function checkedAt<T>(where: string, xs: ArrayLike<T>, i: number): T {
  const x = xs[i];
  if (x === undefined) {
    throw new Error(`internal: ${where} read index ${i} of a list of length ${xs.length}`);
  }
  return x;
}

/**
 * Returns the first `count` of `vectors` as a tuple, after checking that there are that many
 * and that each has length n: the check at entry that lets a loop over [0, n) index them with `!`.
 *
 * @param where - the caller, for the message
 * @param vectors - the vectors (work vectors of a kernel, for example)
 * @param count - how many to take
 * @param n - the length every one of them must have
 * @returns vectors[0..count−1], the same objects
 * @throws Error when there are fewer than `count` vectors or one has another length
 *
 * @example
 * ```ts
 * const [a, b] = takeVectors('example', [new Float64Array(3), new Float64Array(3)], 2, 3);
 * b.length; // → 3
 * ```
 */
export function takeVectors<N extends number>(
  where: string,
  vectors: readonly Float64Array[],
  count: N,
  n: number,
): Vectors<N> {
  if (vectors.length < count) {
    throw new Error(`internal: ${where} needs ${count} work vectors, got ${vectors.length}`);
  }
  const taken = vectors.slice(0, count);
  for (const vector of taken) checkLength(where, vector, n);
  return taken as Vectors<N>;
}

/**
 * Returns `vector` after checking that its length is n, or throws an internal error naming
 * `where`.
 *
 * @param where - the caller, for the message
 * @param vector - the vector
 * @param n - the length it must have
 * @returns vector
 * @throws Error when its length is not n
 *
 * @example
 * ```ts
 * checkLength('example', new Float64Array(2), 2).length; // → 2
 * ```
 */
export function checkLength<V extends ArrayLike<number>>(where: string, vector: V, n: number): V {
  if (vector.length !== n) {
    throw new Error(`internal: ${where} needs vectors of length ${n}, got ${vector.length}`);
  }
  return vector;
}
