import type { Rng } from '../../src/distributions/types.js';

/**
 * Returns a small seeded generator for tests: sfc32 (Chris Doty-Humphrey's Small Fast Counting
 * generator, PractRand-tested), two 32-bit outputs combined into one 53-bit uniform in [0, 1).
 *
 * $$
 * u = \frac{\lfloor a / 2^5 \rfloor \cdot 2^{26} + \lfloor b / 2^6 \rfloor}{2^{53}}
 * $$
 *
 * @param seed - any 32-bit integer; the state is expanded from it by splitmix32 and 12 warm-up
 * rounds
 * @returns an Rng whose `next()` returns multiples of 2⁻⁵³ in [0, 1), 0 included
 *
 * @remarks
 * Test-only: not the library's generator (that is seedrandom, STYLE.md §6). The combination
 * is the one of Java's `nextDouble` and seedrandom's `double()`. O(1) per draw.
 *
 * @see C. Doty-Humphrey, PractRand, https://pracrand.sourceforge.net/ (sfc32);
 * test/helpers/testRng.ts pins the first outputs of seed 1 in test/distributions/samplers.test.ts.
 */
export function testRng(seed: number): Rng {
  let state = seed >>> 0;
  const splitmix32 = (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix32();
  let b = splitmix32();
  let c = splitmix32();
  let counter = 1;
  const next32 = (): number => {
    const t = (((a + b) >>> 0) + counter) >>> 0;
    counter = (counter + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) next32();
  return {
    next: () => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992,
  };
}
