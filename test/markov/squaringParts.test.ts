/**
 * The parts of the squaring method: binary split of a time, dense non-negative kernels, the
 * stochastic square that keeps row complements, the Poisson series with relative truncation,
 * and the lumped first-passage chain. References are closed forms evaluated in double
 * (-expm1, exp) or naive loops, each tolerance stated with the measured error beside it.
 */
import { describe, expect, it } from 'vitest';
import { buildCtmc } from '../../src/markov/generation/buildCtmc.js';
import { splitTime } from '../../src/markov/linalg/binaryTime.js';
import {
  denseTimesVector,
  squareDense,
  vectorTimesDense,
} from '../../src/markov/linalg/denseKernels.js';
import { lumpDownStates } from '../../src/markov/generation/lumpDownStates.js';
import { makeAbsorbing } from '../../src/markov/generation/makeAbsorbing.js';
import { poissonSeries, poissonTable } from '../../src/markov/linalg/poissonSeries.js';
import { reliabilityCurve } from '../../src/markov/measures/reliabilityCurve.js';
import {
  settleDiagonal,
  squareStochastic,
  type StochasticPower,
} from '../../src/markov/linalg/squareStochastic.js';
import { transientBySquaring } from '../../src/markov/linalg/squaringTransient.js';
import { uniformize } from '../../src/markov/linalg/uniformize.js';
import { solveTransient } from '../../src/markov/linalg/solveTransient.js';
import { element } from '../helpers/element.js';
import { expectRelClose } from '../helpers/expectClose.js';
import { testRng } from '../helpers/testRng.js';

describe('splitTime', () => {
  it('gives the exact binary expansion above 2^e and the remainder below it', () => {
    const rng = testRng(7);
    const cases: [number, number][] = [
      [1e15, -20],
      [1e300, -3],
      [Number.MAX_VALUE, 0],
      [0.75, 1],
      [11.25, 1],
      [2 ** -1074, -1074],
    ];
    for (let i = 0; i < 200; i++)
      cases.push([10 ** (12 * rng.next() - 4), Math.floor(20 * rng.next()) - 10]);
    for (const [t, e] of cases) {
      const { levels, remainder } = splitTime(t, e);
      expect(remainder).toBeGreaterThanOrEqual(0);
      expect(remainder).toBeLessThan(2 ** e);
      // Adding the powers from the smallest to the remainder is exact (disjoint binary digits).
      let sum = remainder;
      for (const s of levels) sum += 2 ** (s + e);
      expect(sum, `t=${t} e=${e}`).toBe(t);
      expect(levels).toEqual([...levels].sort((a, b) => a - b));
    }
    expect(splitTime(0, -5)).toEqual({ levels: [], remainder: 0 });
    expect(splitTime(Number.MAX_VALUE, 0).levels.at(-1)).toBe(1023);
  });
});

describe('dense kernels', () => {
  /** A random n×n non-negative matrix with some zero blocks. */
  function matrix(n: number, seed: number): Float64Array {
    const rng = testRng(seed);
    return Float64Array.from(
      { length: n * n },
      (_, p) => (p % 7 < 3 ? 0 : rng.next()) * 10 ** (-6 * rng.next()),
    );
  }

  it('squareDense, vectorTimesDense and denseTimesVector match naive loops to 1e-15 relative', () => {
    // Non-negative terms in another order: measured ≤ 4.4e-16 relative.
    for (const n of [1, 2, 3, 4, 5, 7, 8, 9, 13]) {
      const a = matrix(n, n);
      const out = new Float64Array(n * n);
      squareDense(a, out, n);
      const v = Float64Array.from({ length: n }, (_, i) => (i % 3 === 1 ? 0 : 1 / (i + 1)));
      const vOut = new Float64Array(n);
      const cOut = new Float64Array(n);
      vectorTimesDense(v, a, n, vOut);
      denseTimesVector(a, v, n, cOut);
      for (let i = 0; i < n; i++) {
        let vx = 0;
        let cx = 0;
        for (let k = 0; k < n; k++) {
          vx += element(v, k) * element(a, k * n + i);
          cx += element(a, i * n + k) * element(v, k);
        }
        expectRelClose(vOut[i], vx, 1e-15, `n=${n} (vA)_${i}`);
        expectRelClose(cOut[i], cx, 1e-15, `n=${n} (Av)_${i}`);
        for (let j = 0; j < n; j++) {
          let x = 0;
          for (let k = 0; k < n; k++) x += element(a, i * n + k) * element(a, k * n + j);
          expectRelClose(out[i * n + j], x, 1e-15, `n=${n} (A²)_${i}${j}`);
        }
      }
    }
  });
});

describe('settleDiagonal and squareStochastic', () => {
  /** e^{Qt} of the two-state chain 0 ⇄ 1 (rates a, b), with its complements, in closed form. */
  function twoState(a: number, b: number, t: number): StochasticPower {
    const c = a + b;
    const leave0 = (-a / c) * Math.expm1(-c * t);
    const leave1 = (-b / c) * Math.expm1(-c * t);
    return {
      stateCount: 2,
      matrix: Float64Array.of(1 - leave0, leave0, leave1, 1 - leave1),
      leave: Float64Array.of(leave0, leave1),
    };
  }

  it('keeps a leaving probability of 1e-18, which 1 − e_ii cannot hold', () => {
    const power: StochasticPower = {
      stateCount: 3,
      matrix: Float64Array.of(1, 1e-18, 3e-19, 0.2, 0.5, 0.4, 0, 0, 1),
      leave: new Float64Array(3),
    };
    settleDiagonal(power);
    expect(power.leave[0]).toBe(1e-18 + 3e-19);
    expect(power.matrix[0]).toBe(1);
    // Row 1: off-diagonal 0.6 ≥ 1/2, so the row is divided by its sum 1.1.
    expectRelClose(power.matrix[3], 0.2 / 1.1, 1e-15, 'e_10');
    expectRelClose(power.matrix[4], 0.5 / 1.1, 1e-15, 'e_11');
    expectRelClose(power.leave[1], 0.6 / 1.1, 1e-15, 'ℓ_1');
    expect(power.leave[2]).toBe(0);
  });

  it('E(h)² is E(2h) of the two-state chain to 1e-15 relative in every entry and complement, rates 1e-12 … 1e6', () => {
    // Measured ≤ 2.2e-16 relative, the complement of 1e-18 included.
    for (const [a, b, h] of [
      [1e-12, 1e6, 1e-6],
      [0.3, 0.7, 1],
      [1e-12, 1e-3, 0.5],
      [5, 1e-9, 0.1],
    ] as const) {
      const power = twoState(a, b, h);
      const out: StochasticPower = {
        stateCount: 2,
        matrix: new Float64Array(4),
        leave: new Float64Array(2),
      };
      const change = squareStochastic(power, out);
      const exact = twoState(a, b, 2 * h);
      for (let p = 0; p < 4; p++) {
        expectRelClose(out.matrix[p], exact.matrix[p], 1e-15, `a=${a} b=${b} e[${p}]`);
      }
      for (let i = 0; i < 2; i++) {
        expectRelClose(out.leave[i], exact.leave[i], 1e-15, `a=${a} b=${b} ℓ_${i}`);
      }
      expect(change).toBeGreaterThan(0.1);
    }
    // Idempotent: the limit of a mixed chain does not move.
    const mixed = twoState(1, 3, 100);
    const out: StochasticPower = {
      stateCount: 2,
      matrix: new Float64Array(4),
      leave: new Float64Array(2),
    };
    expect(squareStochastic(mixed, out)).toBeLessThan(1e-15);
  });
});

describe('poissonTable and poissonSeries', () => {
  it('poissonTable: weights, P{N > k}, P{N > k}/λ and their tail sums for λ = 1 … 1e-300, to 1e-15 relative', () => {
    // Below underflow of P{N > 1} itself, its share λ/2 is still there.
    expect(poissonTable(1e-300).share[1]).toBe(5e-301);
    for (const lambda of [1, 0.6, 1e-10]) {
      const { weight, above, share, shareTail } = poissonTable(lambda);
      let factorial = 1;
      for (let k = 0; k < Math.min(weight.length, 20); k++) {
        if (k > 0) factorial *= k;
        expectRelClose(weight[k], (Math.exp(-lambda) * lambda ** k) / factorial, 1e-15, `w${k}`);
      }
      expectRelClose(above[0], -Math.expm1(-lambda), 1e-15, 'P{N > 0}');
      expectRelClose(share[0], -Math.expm1(-lambda) / lambda, 1e-15, 'P{N > 0}/λ');
      // P{N > 1}/λ = e^{−λ}(λ/2 + λ²/6 + λ³/24 + …); the direct formula cancels for small λ.
      const second =
        lambda < 1e-3
          ? Math.exp(-lambda) * (lambda / 2 + lambda ** 2 / 6 + lambda ** 3 / 24)
          : (-Math.expm1(-lambda) - lambda * Math.exp(-lambda)) / lambda;
      expectRelClose(share[1], second, 1e-14, 'P{N > 1}/λ');
      // Σ_{k≥0} P{N > k} = E[N] = λ.
      expectRelClose(shareTail[0], 1, 1e-15, 'E[N]/λ');
      expect(weight[weight.length - 1]).toBeGreaterThan(0);
    }
  });

  it('poissonSeries keeps an entry of 1e-18 and a down-time integral of 5e-25 to 1e-15 relative', () => {
    // States 0 (up) → 1 (down) at 1e-12; 2 ⇄ 3 at 1e6 only set q. From state 0 over h = 2^-20:
    // P(in 1) = 1 − e^{−λh}, ∫ up = (1 − e^{−λh})/λ, ∫ down = h − that = (λh + expm1(−λh))/λ.
    const chain = buildCtmc(
      4,
      [
        { from: 0, to: 1, rate: 1e-12 },
        { from: 2, to: 3, rate: 1e6 },
        { from: 3, to: 2, rate: 1e6 },
      ],
      [1, 0, 1, 1],
      0,
    );
    const uniformized = uniformize(chain);
    const h = 2 ** -20;
    const lambda = 1e-12;
    const out = new Float64Array(4);
    const series = poissonSeries(
      uniformized,
      chain.initial,
      poissonTable(uniformized.rate * h),
      chain.up,
      out,
    );
    // Measured ≤ 2.3e-16 relative.
    expectRelClose(out[1], -Math.expm1(-lambda * h), 1e-15, 'P(X(h) = 1)');
    expectRelClose(out[0], Math.exp(-lambda * h), 1e-15, 'P(X(h) = 0)');
    expect(out[2]).toBe(0);
    expectRelClose(series.up * h, -Math.expm1(-lambda * h) / lambda, 1e-15, '∫ up');
    // λh²/2 ≈ 4.5e-25: the series sums it from its own terms, never as h − ∫ up.
    expectRelClose(series.down * h, (lambda * h * h) / 2, 1e-12, '∫ down');
    expect(series.steps).toBeLessThan(40);
  });

  it('transientBySquaring: t = 0 and t below the step h are the series alone; the integrals add to t', () => {
    const chain = buildCtmc(
      3,
      [
        { from: 0, to: 1, rate: 2 },
        { from: 1, to: 2, rate: 3 },
        { from: 2, to: 0, rate: 5 },
      ],
      [1, 1, 0],
      [0.25, 0.5, 0.25],
    );
    const result = transientBySquaring(chain, [0, 0.01, 7.3, 1e9], true);
    expect(result.step).toBe(0.125);
    expect([...element(result.probabilities, 0)]).toEqual([0.25, 0.5, 0.25]);
    expect(result.upShare[0]).toBe(0.75);
    expect(result.downShare[0]).toBe(0.25);
    const reference = solveTransient(chain, [0.01, 7.3], {
      method: 'uniformization',
      tolerance: 1e-16,
    });
    [1, 2].forEach((j) => {
      element(reference.probabilities, j - 1).forEach((p, i) =>
        expectRelClose(result.probabilities[j]?.[i], p, 1e-14, `π_${i}(t${j})`),
      );
    });
    // Each of the 33 doublings of C·1 adds a rounding: measured 1.7e-15 relative at 1e9.
    [0.01, 7.3, 1e9].forEach((t, i) => {
      const j = i + 1;
      const total = element(result.upShare, j) + element(result.downShare, j);
      expectRelClose(total, 1, 1e-14, `shares of [0, ${t}]`);
    });
    expect(result.convergedAt).not.toBeNull();
  });
});

describe('lumpDownStates', () => {
  it('merges the down states into one absorbing state and gives the same R(t) as makeAbsorbing', () => {
    const chain = buildCtmc(
      5,
      [
        { from: 0, to: 1, rate: 2 },
        { from: 0, to: 2, rate: 1 },
        { from: 0, to: 4, rate: 0.5 },
        { from: 2, to: 3, rate: 5 },
        { from: 2, to: 0, rate: 4 },
        { from: 3, to: 0, rate: 7 },
        { from: 1, to: 0, rate: 9 },
      ],
      [1, 0, 1, 0, 0],
      [0.5, 0.1, 0.4, 0, 0],
    );
    const lumped = lumpDownStates(chain);
    expect(lumped.stateCount).toBe(3);
    expect([...lumped.up]).toEqual([1, 1, 0]);
    expect([...lumped.exitRate]).toEqual([3.5, 9, 0]);
    expect([...lumped.initial]).toEqual([0.5, 0.4, 0.1]);
    // Row 0: 0 → 2 becomes 0 → 1; 0 → 1 and 0 → 4 merge into 0 → D at 2.5.
    expect([...lumped.target]).toEqual([1, 2, 0, 2]);
    expect([...lumped.rate]).toEqual([1, 2.5, 4, 5]);
    const times = [0.1, 1, 3];
    const absorbing = makeAbsorbing(chain, 'down');
    const full = solveTransient(absorbing, times, { tolerance: 1e-16, method: 'uniformization' });
    const curve = reliabilityCurve(chain, times, { tolerance: 1e-15 });
    times.forEach((t, j) => {
      const vector = element(full.probabilities, j);
      const r = element(vector, 0) + element(vector, 2);
      expectRelClose(curve.reliability[j], r, 1e-13, `R(${t})`);
    });
    // No down state: the chain comes back whole, nothing merged.
    const allUp = buildCtmc(2, [{ from: 0, to: 1, rate: 1 }], [1, 1], 0);
    expect(lumpDownStates(allUp).stateCount).toBe(2);
  });
});
