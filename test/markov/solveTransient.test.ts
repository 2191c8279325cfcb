import { describe, expect, it } from 'vitest';
import { pointAvailability } from '../../src/analytic/formulas/pointAvailability.js';
import { exactSum } from '../../src/numeric/sum.js';
import { buildCtmc } from '../../src/markov/generation/buildCtmc.js';
import { poissonWeights } from '../../src/markov/linalg/poissonWeights.js';
import { solveSteadyState } from '../../src/markov/linalg/solveSteadyState.js';
import { solveTransient } from '../../src/markov/linalg/solveTransient.js';
import { TransientLimitError } from '../../src/markov/linalg/TransientLimitError.js';
import { UnsupportedModelError } from '../../src/errors.js';
import { element } from '../helpers/element.js';
import { expectRelClose } from '../helpers/expectClose.js';
import type { Ctmc } from '../../src/markov/generation/Ctmc.js';
import { takeVectors } from '../../src/markov/linalg/checked.js';
import { stepUniformized, uniformize } from '../../src/markov/linalg/uniformize.js';
import { coldStandbyChain, duplexCoverageChain, kOutOfNChain, unitChain } from './chains.js';
import { SCIPY_CHAINS, SCIPY_TIMES } from './scipyChains.js';

describe('solveTransient', () => {
  it('solveTransient matches scipy.linalg.expm on three random chains to 1e-12 relative', () => {
    // Measured: ≤ 1.8e-15 absolute, ≤ 1.6e-14 relative with tolerance 1e-16.
    for (const reference of SCIPY_CHAINS) {
      const chain = buildCtmc(
        reference.n,
        reference.transitions.map(([from, to, rate]) => ({ from, to, rate })),
        reference.up,
        0,
      );
      const result = solveTransient(chain, SCIPY_TIMES, { tolerance: 1e-16 });
      expect(result.probabilities).toHaveLength(reference.transient.length);
      reference.transient.forEach((expected, j) =>
        expected.forEach((p, i) =>
          expectRelClose(
            result.probabilities[j]?.[i],
            p,
            1e-12,
            `n=${reference.n} t=${SCIPY_TIMES[j]} π[${i}]`,
          ),
        ),
      );
    }
  });

  it('solveTransient of one repairable unit matches pointAvailability to 1e-13 relative', () => {
    // Measured ≤ 5.6e-16 relative at tolerance 1e-16.
    const [rate, repairRate] = [0.002, 0.25];
    const times = [0, 0.5, 3, 10, 40, 200];
    const result = solveTransient(unitChain(rate, repairRate), times, { tolerance: 1e-16 });
    expect(result.probabilities).toHaveLength(times.length);
    result.probabilities.forEach(([available], j) =>
      expectRelClose(
        available,
        pointAvailability(rate, repairRate, element(times, j)),
        1e-13,
        `A(${times[j]})`,
      ),
    );
  });

  it('solveTransient at t = 0 returns the initial vector', () => {
    const chain = buildCtmc(
      3,
      [
        { from: 0, to: 1, rate: 1 },
        { from: 1, to: 2, rate: 2 },
        { from: 2, to: 0, rate: 3 },
      ],
      [1, 1, 0],
      [0.25, 0.5, 0.25],
    );
    const result = solveTransient(chain, [0]);
    expect(result.probabilities.map((vector) => [...vector])).toEqual([[0.25, 0.5, 0.25]]);
    expect(result.products).toBe(0);
  });

  it('solveTransient approaches the steady state for large t and keeps total probability 1 within 1e-12', () => {
    const chain = kOutOfNChain(3, 6, 0.01, 0.5, 2);
    const steady = solveSteadyState(chain).probabilities;
    const result = solveTransient(chain, [2000, 10, 0.1]);
    const [late] = result.probabilities;
    expect(late).toHaveLength(steady.length);
    steady.forEach((p, i) => expectRelClose(late?.[i], p, 1e-10, `π[${i}](2000)`, 1e-25));
    for (const vector of result.probabilities) {
      expect(Math.abs(exactSum(vector) - 1)).toBeLessThanOrEqual(1e-12);
    }
  });

  it('solveTransient serves every time point from one pass: products = the largest right truncation point', () => {
    const chain = unitChain(1, 3);
    const result = solveTransient(chain, [5, 1, 2], {
      stationarityDetection: false,
      method: 'uniformization',
    });
    expect(result.uniformizationRate).toBe(3);
    expect(result.products).toBe(poissonWeights(15, 1e-12).right);
    expect(result.stationaryAt).toBeNull();
  });

  it('solveTransient refuses bad times and options, and huge q·t past maxProducts', () => {
    const chain = unitChain(1, 3);
    expect(() => solveTransient(chain, [1, -1])).toThrow(
      /^solveTransient: times\[1\] must be a finite number >= 0; got -1$/,
    );
    expect(() => solveTransient(chain, [NaN])).toThrow(
      /^solveTransient: times\[0\] must be a finite number >= 0; got NaN$/,
    );
    expect(() => solveTransient(chain, [1], { tolerance: 0 })).toThrow(
      /^solveTransient: tolerance must be a number in \(0, 1\); got 0$/,
    );
    expect(() => solveTransient(chain, [1], { method: 'squared' as 'squaring' })).toThrow(
      /^solveTransient: method must be 'auto', 'uniformization' or 'squaring'; got "squared"$/,
    );
  });

  it('solveTransient refuses uniformization past maxProducts with a TransientLimitError naming --max-products', () => {
    const chain = unitChain(1, 3);
    let error: unknown;
    try {
      solveTransient(chain, [1e7], { method: 'uniformization' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TransientLimitError);
    expect(error).toBeInstanceOf(UnsupportedModelError);
    const limit = error as TransientLimitError;
    expect(limit.products).toBe(3e7);
    expect(limit.limit).toBe(1e7);
    expect(limit.message).toMatch(
      /^solveTransient: t = 10000000 on this 2-state chain needs about 3e7 matrix–vector products .*more than the limit of 1e7; raise the limit with --max-products, /,
    );
    expect(limit.message).not.toMatch(/maxProducts/);
    // The same chain and time by the default method: squaring, within the limit.
    expect(solveTransient(chain, [1e7]).method).toBe('squaring');
  });

  it('solveTransient warns above 10^6 products', () => {
    const chain = unitChain(1, 1);
    const result = solveTransient(chain, [1.01e6], {
      maxProducts: 2e6,
      method: 'uniformization',
    });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(
      /^solveTransient: q·t = 1010000 needs \d+ matrix–vector products \(stiff chain or long horizon\)$/,
    );
    expectRelClose(result.probabilities[0]?.[0], 0.5, 1e-10, 'A(∞)');
  });
});

describe('solveTransient stationarity detection', () => {
  /** ‖a − b‖₁; NaN when either is missing or their lengths differ, which fails every bound. */
  const l1 = (a: Float64Array | undefined, b: Float64Array | undefined): number => {
    if (a === undefined || b === undefined || a.length !== b.length) return NaN;
    let s = 0;
    for (const [i, x] of a.entries()) s += Math.abs(x - element(b, i));
    return s;
  };
  const chains = (): [string, Ctmc][] => [
    ['2-of-3, 1 crew', kOutOfNChain(2, 3, 0.01, 0.5, 1)],
    ['3-of-6, 2 crews', kOutOfNChain(3, 6, 0.01, 0.5, 2)],
    ['duplex with coverage', duplexCoverageChain(0.001, 0.95, 0.2, 0.05)],
    ['cold standby (absorbing)', coldStandbyChain(0.01, 3, 0.9)],
    ['unit', unitChain(0.002, 0.25)],
    ...SCIPY_CHAINS.map((reference): [string, Ctmc] => [
      `scipy n=${reference.n}`,
      buildCtmc(
        reference.n,
        reference.transitions.map(([from, to, rate]) => ({ from, to, rate })),
        reference.up,
        0,
      ),
    ]),
  ];
  const times = [0, 1, 10, 50, 200, 1000, 3000];

  it('agrees with the full computation within 1e-12 in the 1-norm on the test chains, with fewer products', () => {
    // Measured ≤ 4.5e-13 here (≤ 0.33·tolerance at 1e-9 … 1e-3); the bound allows tolerance/2 for the stop plus tolerance/2 of
    // Poisson truncation on each side.
    for (const [name, chain] of chains()) {
      const early = solveTransient(chain, times, { tolerance: 1e-12, method: 'uniformization' });
      const full = solveTransient(chain, times, {
        tolerance: 1e-16,
        stationarityDetection: false,
        method: 'uniformization',
      });
      times.forEach((t, j) =>
        expect(
          l1(early.probabilities[j], full.probabilities[j]),
          `${name} t=${t}`,
        ).toBeLessThanOrEqual(1e-12),
      );
      const plain = solveTransient(chain, times, {
        tolerance: 1e-12,
        stationarityDetection: false,
        method: 'uniformization',
      });
      expect(early.stationaryAt, name).not.toBeNull();
      expect(early.products, name).toBeLessThan(plain.products);
      expect(early.products, name).toBe(early.stationaryAt);
    }
  });

  it('keeps the total error within the tolerance where the stop bound is the binding one', () => {
    // Loose tolerances stop early, far into the transient phase: the stop bound
    // δ_K·Σ_{i>K}(i − K)w_i ≤ tolerance/2 must still hold against the exact answer.
    for (const tolerance of [1e-3, 1e-6, 1e-9]) {
      for (const [name, chain] of chains()) {
        const early = solveTransient(chain, times, { tolerance, method: 'uniformization' });
        const full = solveTransient(chain, times, {
          tolerance: 1e-16,
          stationarityDetection: false,
          method: 'uniformization',
        });
        times.forEach((t, j) =>
          expect(
            l1(early.probabilities[j], full.probabilities[j]),
            `${name} t=${t} tol=${tolerance}`,
          ).toBeLessThanOrEqual(tolerance),
        );
      }
    }
  });

  it('does not stop on a chain that has not mixed: every product runs', () => {
    // Slow repair (mixing time ~1/0.001 = 1000 h) observed over 50 h: nothing to skip.
    const chain = kOutOfNChain(1, 2, 0.001, 0.001, 1);
    const result = solveTransient(chain, [50], { tolerance: 1e-12, method: 'uniformization' });
    expect(result.stationaryAt).toBeNull();
    expect(result.products).toBe(poissonWeights(result.uniformizationRate * 50, 0.5e-12).right);
  });

  it('stepUniformized writes vP (dense reference) and returns ‖vP − v‖₁', () => {
    const ctmc = kOutOfNChain(3, 6, 0.01, 0.5, 2);
    const chain = uniformize(ctmc);
    const n = ctmc.stateCount;
    const [v, out] = takeVectors('test', chain.matrix.vectors, 2, n);
    v.set(Array.from({ length: n }, (_, i) => (i + 1) / 28));
    const q = chain.rate;
    const expected = Array.from(v, (x, j) => x * (1 - element(ctmc.exitRate, j) / q));
    for (const [i, x] of v.entries()) {
      for (let p = element(ctmc.rowStart, i); p < element(ctmc.rowStart, i + 1); p++) {
        const j = element(ctmc.target, p);
        expected[j] = element(expected, j) + (x * element(ctmc.rate, p)) / q;
      }
    }
    const delta = stepUniformized(chain, v, out);
    // Sums of at most 3 non-negative terms, each rounded differently here ((v·r)/q against
    // v·(r/q)): a few ulp apart.
    expected.forEach((x, j) => expectRelClose(out[j], x, 4e-15, `(vP)_${j}`));
    expect(delta).toBe(out.reduce((s, x, i) => s + Math.abs(x - element(v, i)), 0));
  });
});

describe('poissonWeights', () => {
  it('poissonWeights matches e^{−λ}λ^k/k! for small λ and keeps all but ε of the mass', () => {
    // Relative error ≤ 1e-15 here; the window holds ≥ 1 − ε, so renormalising moves weights by ≤ ε.
    const lambda = 3.7;
    const { left, right, weights } = poissonWeights(lambda, 1e-15);
    expect(left).toBe(0);
    let factorial = 1;
    for (let k = 0; k <= right; k++) {
      if (k > 0) factorial *= k;
      expectRelClose(weights[k], (Math.exp(-lambda) * lambda ** k) / factorial, 1e-14, `w${k}`);
    }
  });

  it('poissonWeights is centred and normalised for λ = 10^7 (no underflow)', () => {
    const { left, right, weights } = poissonWeights(1e7, 1e-12);
    expect(left).toBeGreaterThan(1e7 - 8 * Math.sqrt(1e7));
    expect(right).toBeLessThan(1e7 + 8 * Math.sqrt(1e7));
    expect(Math.abs(exactSum(weights) - 1)).toBeLessThanOrEqual(1e-15);
    // The mode weight ≈ 1/√(2πλ) (Stirling), to 1e-7 relative.
    expectRelClose(weights[1e7 - left], 1 / Math.sqrt(2 * Math.PI * 1e7), 1e-7, 'mode');
  });
});
