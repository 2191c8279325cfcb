/**
 * The simulator's random streams against the reference C code (STYLE.md §6: pin the first
 * outputs, as pure-rand checks its generators against C).
 *
 * Expected numbers were printed by a small C program written for this test (not committed; its
 * source is reproduced in the comment below): the body of `next()` is copied from
 * https://prng.di.unimi.it/xoshiro128starstar.c (Blackman and Vigna, public domain), and the
 * double is genrand_res53's `(a >> 5) * 67108864.0 + (b >> 6)` times 2⁻⁵³, printed with
 * `%.17g`. Compiled with gcc 12.2.0 `-O2 -std=c99`, 2026-11-26. The seed words of
 * `1/rep/0` and `42/rep/7` are seedrandom 3.0.5's `int32() >>> 0` (four calls), pasted into the C
 * program.
 *
 *   static inline uint32_t rotl(const uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }
 *   uint32_t next(void) {
 *     const uint32_t result = rotl(s[1] * 5, 7) * 9;  const uint32_t t = s[1] << 9;
 *     s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 11);
 *     return result;
 *   }
 */
import { describe, expect, it } from 'vitest';
import {
  nextUint32,
  nextUniform,
  replicationRng,
  replicationStream,
  seedReplicationStream,
  streamRng,
} from '../../src/sim/random.js';

describe('nextUint32 (xoshiro128**)', () => {
  it('equals the reference C outputs from state (1, 2, 3, 4), and its state after 8 steps', () => {
    const state = Uint32Array.of(1, 2, 3, 4);
    const outputs = Array.from({ length: 8 }, () => nextUint32(state));
    expect(outputs).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849,
    ]);
    expect(Array.from(state)).toEqual([857776784, 3957087773, 2428778008, 3837013768]);
  });

  it('equals the reference C outputs after 10^6 steps', () => {
    const state = Uint32Array.of(1, 2, 3, 4);
    for (let i = 0; i < 1_000_000; i++) nextUint32(state);
    expect([nextUint32(state), nextUint32(state)]).toEqual([3175353485, 1926457977]);
  });
});

describe('nextUniform', () => {
  it('equals the reference C 53-bit doubles from state (1, 2, 3, 4)', () => {
    const state = Uint32Array.of(1, 2, 3, 4);
    expect(Array.from({ length: 4 }, () => nextUniform(state))).toEqual([
      2.6822090148925781e-6, 0.0013799966610139602, 0.47304711029826541, 0.29970869324795935,
    ]);
  });

  it('advances the state exactly as two nextUint32 steps', () => {
    const a = Uint32Array.of(5, 6, 7, 8);
    const b = a.slice();
    for (let i = 0; i < 100; i++) {
      const u = nextUniform(a);
      const high = nextUint32(b) >>> 5;
      const low = nextUint32(b) >>> 6;
      expect(u).toBe((high * 2 ** 26 + low) / 2 ** 53);
      expect(a).toEqual(b);
    }
  });

  it('stays in [0, 1) on multiples of 2^-53 over 10^5 draws, with mean 1/2 within 4 SE', () => {
    const state = replicationStream(7, 3);
    const n = 100_000;
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = nextUniform(state);
      if (!(u >= 0 && u < 1 && Number.isInteger(u * 2 ** 53))) outside++;
      sum += u;
    }
    expect(outside).toBe(0);
    // SE of the mean of n uniforms: √(1/12n); 4 SE fails with probability 6e-5.
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(4 * Math.sqrt(1 / (12 * n)));
  });
});

describe('replication streams', () => {
  it('are keyed by the first four seedrandom int32 outputs of `${seed}/rep/${i}`', () => {
    expect(Array.from(replicationStream(1, 0))).toEqual([
      3867393382, 1105348043, 1928223052, 3734787946,
    ]);
    const state = new Uint32Array(4);
    seedReplicationStream(state, 42, 7);
    expect(Array.from(state)).toEqual([3523906313, 2444758830, 1792381341, 1801272736]);
    expect(Array.from({ length: 4 }, () => nextUint32(state))).toEqual([
      2908065484, 2406014111, 4280278703, 2556430390,
    ]);
  });

  it('pins the first outputs of seed 1, replication 0 (reference C on the keyed state)', () => {
    const rng = replicationRng(1, 0);
    expect([rng.next(), rng.next(), rng.next(), rng.next()]).toEqual([
      0.38724283966374484, 0.05040086666256105, 0.029007506023732588, 0.57184482327535069,
    ]);
  });

  it('differ between replications and seeds, and a streamRng view follows re-keying', () => {
    expect(replicationRng(1, 0).next()).not.toBe(replicationRng(1, 1).next());
    expect(replicationRng(1, 0).next()).not.toBe(replicationRng(2, 0).next());
    const state = new Uint32Array(4);
    const rng = streamRng(state);
    seedReplicationStream(state, 1, 0);
    expect(rng.next()).toBe(0.38724283966374484);
  });
});
