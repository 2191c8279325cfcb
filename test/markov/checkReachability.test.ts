import { describe, expect, it } from 'vitest';
import { buildCtmc } from '../../src/markov/generation/buildCtmc.js';
import { checkReachability } from '../../src/markov/generation/checkReachability.js';
import { kOutOfNChain } from './chains.js';

describe('checkReachability', () => {
  it('checkReachability finds a birth–death repairable chain irreducible', () => {
    const report = checkReachability(kOutOfNChain(2, 3, 0.01, 1, 1));
    expect(report).toEqual({
      isIrreducible: true,
      unreachable: [],
      transient: [],
      closedClasses: [[0, 1, 2, 3]],
      traps: [],
      absorbing: [],
    });
  });

  it('checkReachability reports unreachable states, transient states, traps and absorbing states', () => {
    // 0 ⇄ 1 → 2 (down, absorbing); 3 → 0 is never reached; 4 ⇄ 5 likewise.
    const chain = buildCtmc(
      6,
      [
        { from: 0, to: 1, rate: 1 },
        { from: 1, to: 0, rate: 1 },
        { from: 1, to: 2, rate: 0.1 },
        { from: 3, to: 0, rate: 1 },
        { from: 4, to: 5, rate: 1 },
        { from: 5, to: 4, rate: 1 },
      ],
      [1, 1, 0, 1, 1, 1],
      0,
    );
    expect(checkReachability(chain)).toEqual({
      isIrreducible: false,
      unreachable: [3, 4, 5],
      transient: [0, 1],
      closedClasses: [[2]],
      traps: [[2]],
      absorbing: [2],
    });
  });

  it('checkReachability reports two closed classes reached from a split initial distribution', () => {
    const chain = buildCtmc(
      4,
      [
        { from: 0, to: 1, rate: 1 },
        { from: 1, to: 0, rate: 1 },
        { from: 2, to: 3, rate: 1 },
        { from: 3, to: 2, rate: 1 },
      ],
      [1, 0, 0, 0],
      [0.5, 0, 0.5, 0],
    );
    const report = checkReachability(chain);
    expect(report.closedClasses).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(report.traps).toEqual([[2, 3]]);
  });

  it('checkReachability handles a 200000-state cycle without overflowing the stack', () => {
    const n = 200_000;
    const from = new Int32Array(n);
    const to = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      from[i] = i;
      to[i] = (i + 1) % n;
    }
    const chain = buildCtmc(
      n,
      { from, to, rate: new Float64Array(n).fill(1) },
      new Uint8Array(n).fill(1),
      0,
    );
    expect(checkReachability(chain).isIrreducible).toBe(true);
  });
});
