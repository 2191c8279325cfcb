import seedrandom from 'seedrandom';
import type { Rng } from '../distributions/types.js';

/**
 * Name of the generator behind the simulator's streams, recorded in results (STYLE.md §6):
 * {@link replicationRng}'s uniforms, and the exponential and normal variates drawn from the
 * same state by the ziggurats (src/sim/exponentialZiggurat.ts, src/sim/normalZiggurat.ts).
 */
export const SIMULATION_GENERATOR =
  'xoshiro128** (53-bit doubles, ziggurat exponentials and normals) keyed by seedrandom arc4';

// 2^26 and 2^53: a double u = (a · 2^26 + b) / 2^53 from a 27-bit a and a 26-bit b, as in
// Matsumoto and Nishimura's genrand_res53 (mt19937ar.c).
const TWO_26 = 67108864;
const TWO_53 = 9007199254740992;
// Used only when the keyed state is all zero (probability 2^-128): the one state xoshiro cannot
// leave. The golden ratio word of Knuth's multiplicative hashing, any non-zero word would do.
const NONZERO_WORD = 0x9e3779b9;

/**
 * Returns the 128-bit state of replication `replication`'s stream, as a new `Uint32Array(4)`.
 * See {@link seedReplicationStream}.
 *
 * @param seed - the run's seed, any finite number (its decimal string keys the stream)
 * @param replication - replication index i, integer ≥ 0
 * @returns the xoshiro128** state words s₀…s₃, not all zero
 *
 * @example
 * ```ts
 * replicationStream(1, 0).length; // → 4
 * ```
 */
export function replicationStream(seed: number, replication: number): Uint32Array {
  const state = new Uint32Array(4);
  seedReplicationStream(state, seed, replication);
  return state;
}

/**
 * Keys `state` for replication `replication` of a run with seed `seed`: the four words are the
 * first four 32-bit outputs of seedrandom's ARC4 generator keyed by the string
 * `${seed}/rep/${replication}`.
 *
 * $$
 * (s_0, s_1, s_2, s_3) = \text{ARC4}(\texttt{"seed/rep/i"}).\text{int32}() \times 4
 * $$
 *
 * @param state - a `Uint32Array(4)`, overwritten
 * @param seed - the run's seed, any finite number
 * @param replication - replication index i, integer ≥ 0
 * @param substream - a name for a second stream of the same replication, keyed by
 * `${seed}/rep/${replication}/${substream}` (the lead times of a spare pool draw from their own,
 * so that they do not shift the failure and repair draws: common random numbers across stocks)
 *
 * @remarks
 * Replication i draws only from its own streams, so any split of replications into slices or
 * workers gives bit-identical results. seedrandom (kept for the stream keys of STYLE.md §6)
 * costs about 10 µs per key; every draw after that is xoshiro128**, about 3–4 ns for a 53-bit
 * double (seedrandom's ARC4 `double()` took about 31 ns). An all-zero key (probability
 * 2⁻¹²⁸) is replaced by a fixed non-zero word, since xoshiro's all-zero state is a fixed point.
 * This module is the only importer of seedrandom.
 *
 * @see D. Bau, seedrandom, https://github.com/davidbau/seedrandom (README: "int32()").
 *
 * @example
 * ```ts
 * const state = new Uint32Array(4);
 * seedReplicationStream(state, 1, 0);
 * state[0]; // → 3867393382
 * ```
 */
export function seedReplicationStream(
  state: Uint32Array,
  seed: number,
  replication: number,
  substream?: string,
): void {
  const key = seedrandom(
    substream === undefined
      ? `${seed}/rep/${replication}`
      : `${seed}/rep/${replication}/${substream}`,
  );
  state[0] = key.int32();
  state[1] = key.int32();
  state[2] = key.int32();
  state[3] = key.int32();
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = NONZERO_WORD;
}

/**
 * Returns the next 32-bit output of the xoshiro128** generator with state `state`, and advances
 * the state.
 *
 * $$
 * r = \operatorname{rotl}(5 s_1, 7) \cdot 9 \bmod 2^{32}
 * $$
 *
 * - s₀…s₃: the state words; the update is the xor/shift/rotate step of the reference code
 *
 * @param state - the generator's state, a `Uint32Array(4)` not all zero; changed in place
 * @returns an integer in [0, 2³²)
 *
 * @remarks
 * Period 2¹²⁸ − 1; passes BigCrush and PractRand (the authors' tests). A line-by-line port of
 * the public-domain reference `xoshiro128starstar.c`; test/sim/random.test.ts pins its outputs
 * against that C code. O(1), no allocation.
 *
 * @see D. Blackman and S. Vigna, "Scrambled Linear Pseudorandom Number Generators", ACM Trans.
 * Math. Softw. 47(4) (2021) 36, https://doi.org/10.1145/3460772 (open preprint:
 * https://arxiv.org/abs/1805.01407); reference code https://prng.di.unimi.it/xoshiro128starstar.c.
 *
 * @example
 * ```ts
 * nextUint32(Uint32Array.of(1, 2, 3, 4)); // → 11520
 * ```
 */
export function nextUint32(state: Uint32Array): number {
  const s0 = state[0]!;
  const s1 = state[1]!;
  const s2 = state[2]! ^ s0;
  const s3 = state[3]! ^ s1;
  const x = Math.imul(s1, 5);
  const result = Math.imul((x << 7) | (x >>> 25), 9);
  state[0] = s0 ^ s3;
  state[1] = s1 ^ s2;
  state[2] = s2 ^ (s1 << 9);
  state[3] = (s3 << 11) | (s3 >>> 21);
  return result >>> 0;
}

/**
 * Returns the next uniform double u in [0, 1) of the stream with state `state`: 53 random bits
 * from two xoshiro128** outputs (the top 27 bits of the first, the top 26 of the second).
 *
 * $$
 * u = \frac{\lfloor a / 2^5 \rfloor \cdot 2^{26} + \lfloor b / 2^6 \rfloor}{2^{53}}
 * $$
 *
 * - a, b: two consecutive outputs of {@link nextUint32}
 *
 * @param state - the generator's state, changed in place (two steps)
 * @returns a multiple of 2⁻⁵³ in [0, 1), 0 included
 *
 * @remarks
 * The simulator calls this directly for its coverage and switch-over draws and the ziggurat's
 * rare path (small enough for the JIT to inline); 1 − u is exact, in (0, 1]. The two steps are those of {@link nextUint32}, written out with the state
 * in locals. O(1), no allocation.
 *
 * @see M. Matsumoto and T. Nishimura, mt19937ar.c, `genrand_res53` (the same 27 + 26-bit
 * construction), http://www.math.sci.hiroshima-u.ac.jp/m-mat/MT/MT2002/emt19937ar.html.
 *
 * @example
 * ```ts
 * nextUniform(Uint32Array.of(1, 2, 3, 4)); // → 0.000002682209014892578
 * ```
 */
export function nextUniform(state: Uint32Array): number {
  // Two steps of nextUint32 with the state in constants (s → t → new state): the smallest
  // bytecode, so that the JIT inlines it in the simulator's loop.
  const s0 = state[0]!;
  const s1 = state[1]!;
  const s2 = state[2]! ^ s0;
  const s3 = state[3]! ^ s1;
  const x = Math.imul(s1, 5);
  const a = Math.imul((x << 7) | (x >>> 25), 9) >>> 5;
  const t0 = s0 ^ s3;
  const t1 = s1 ^ s2;
  const t2 = s2 ^ (s1 << 9) ^ t0;
  const t3 = ((s3 << 11) | (s3 >>> 21)) ^ t1;
  const y = Math.imul(t1, 5);
  const b = Math.imul((y << 7) | (y >>> 25), 9) >>> 6;
  state[0] = t0 ^ t3;
  state[1] = t1 ^ t2;
  state[2] = t2 ^ (t1 << 9);
  state[3] = (t3 << 11) | (t3 >>> 21);
  return (a * TWO_26 + b) / TWO_53;
}

/**
 * Returns an {@link Rng} view of a stream state: `next()` is {@link nextUniform} on `state`.
 *
 * @param state - the generator's state, shared (re-keying it re-keys the view)
 * @returns an Rng reading `state`
 *
 * @example
 * ```ts
 * streamRng(Uint32Array.of(1, 2, 3, 4)).next(); // → 0.000002682209014892578
 * ```
 */
export function streamRng(state: Uint32Array): Rng {
  return { next: () => nextUniform(state) };
}

/**
 * Returns the random stream of replication `replication` of a run with seed `seed`: xoshiro128**
 * keyed by seedrandom's ARC4 on `${seed}/rep/${replication}` (see
 * {@link seedReplicationStream}), read as 53-bit doubles (see {@link nextUniform}).
 *
 * $$
 * u_{i,1}, u_{i,2}, \ldots = \text{xoshiro128**}(\text{key}(\texttt{"seed/rep/i"})),
 * \quad 0 \le u < 1
 * $$
 *
 * @param seed - the run's seed, any finite number (its decimal string keys the stream)
 * @param replication - replication index i, integer ≥ 0
 * @returns an Rng whose `next()` returns multiples of 2⁻⁵³ in [0, 1), 0 included
 *
 * @remarks
 * 53 bits per draw: a 32-bit draw would cap an exponential at about 22 means. Keying costs
 * about 10 µs; a draw about 4 ns. Allocates a state and a closure: the simulator keys one
 * reused state instead.
 *
 * @example
 * ```ts
 * replicationRng(1, 0).next() === replicationRng(1, 0).next(); // → true
 * replicationRng(1, 0).next() === replicationRng(1, 1).next(); // → false
 * ```
 */
export function replicationRng(seed: number, replication: number): Rng {
  return streamRng(replicationStream(seed, replication));
}
