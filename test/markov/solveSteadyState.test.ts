import { describe, expect, it, vi } from 'vitest';
import { duplexSteadyAvailability } from '../../src/analytic/formulas/duplexSteadyAvailability.js';
import { repairableDuplexCoverage } from '../../src/analytic/formulas/repairableDuplexCoverage.js';
import { repairableKOutOfN } from '../../src/analytic/formulas/repairableKOutOfN.js';
import { ConvergenceError } from '../../src/errors.js';
import { exactSum } from '../../src/numeric/sum.js';
import { buildCtmc } from '../../src/markov/generation/buildCtmc.js';
import { checkReachability } from '../../src/markov/generation/checkReachability.js';
import { incomingTransitions } from '../../src/markov/generation/incomingTransitions.js';
import { expectedRateReward } from '../../src/markov/measures/expectedRateReward.js';
import { failureFrequency } from '../../src/markov/measures/failureFrequency.js';
import { solveSteadyState, steadyStateResidual } from '../../src/markov/linalg/solveSteadyState.js';
import { element } from '../helpers/element.js';
import { expectRelClose } from '../helpers/expectClose.js';
import { duplexCoverageChain, kOutOfNChain } from './chains.js';
import { SCIPY_CHAINS } from './scipyChains.js';

function downMass(probabilities: Float64Array, up: Uint8Array): number {
  return exactSum([...probabilities].filter((_, i) => up[i] === 0));
}

const METHODS = ['gth', 'bicgstab', 'gauss-seidel'] as const;

describe('solveSteadyState', () => {
  // k-of-n with c crews (birth–death chain) against repairableKOutOfN (≤ 5e-15 relative).
  // Measured (2026-11-26): GTH ≤ 4.5e-16 relative on A, U and f; at tolerance 1e-14 BiCGSTAB
  // ≤ 4.1e-13 on U and Gauss–Seidel ≤ 5.9e-16 (a residual bounds small probabilities loosely).
  const cases = [
    [2, 3, 0.001, 0.1, 1],
    [3, 5, 0.01, 0.5, 2],
    [1, 4, 0.002, 0.05, 4],
    [8, 10, 1e-4, 0.2, 3],
  ] as const;
  for (const [k, n, rate, repairRate, crews] of cases) {
    for (const method of METHODS) {
      const tol = method === 'gth' ? 1e-13 : 1e-10;
      it(`${method}: ${k}-of-${n}, rate ${rate}, repairRate ${repairRate}, ${crews} crews matches repairableKOutOfN to ${tol}`, () => {
        const chain = kOutOfNChain(k, n, rate, repairRate, crews);
        const exact = repairableKOutOfN(k, n, rate, repairRate, crews);
        const result = solveSteadyState(chain, { method, tolerance: 1e-14 });
        expect(result.method).toBe(method);
        const pi = result.probabilities;
        expectRelClose(expectedRateReward(pi, chain.up), exact.steadyAvailability, tol, 'A');
        expectRelClose(downMass(pi, chain.up), exact.steadyUnavailability, tol, 'U');
        expectRelClose(failureFrequency(chain, pi), exact.failureFrequency, tol, 'f');
      });
    }
  }

  it('gth: repairable duplex with coverage matches repairableDuplexCoverage to 1e-13', () => {
    for (const coverage of [1, 0.99, 0.9, 0.5]) {
      const chain = duplexCoverageChain(0.001, coverage, 0.1, 0.5);
      const exact = repairableDuplexCoverage(0.001, coverage, 0.1, 0.5);
      const pi = solveSteadyState(chain).probabilities;
      expectRelClose(pi[2], exact.steadyUnavailability, 1e-13, `U at c=${coverage}`);
      expectRelClose(
        failureFrequency(chain, pi),
        exact.failureFrequency,
        1e-13,
        `f at c=${coverage}`,
      );
    }
  });

  it('gth keeps the digits of a 1e-12 unavailability (duplexSteadyAvailability)', () => {
    const chain = kOutOfNChain(1, 2, 1e-6, 1, 1);
    const pi = solveSteadyState(chain).probabilities;
    expectRelClose(pi[2], 1 - duplexSteadyAvailability(1e-6, 1, 1), 1e-3, 'U vs 1 − A (A rounds)');
    expectRelClose(pi[2], repairableKOutOfN(1, 2, 1e-6, 1, 1).steadyUnavailability, 1e-14, 'U');
  });

  it('every method matches scipy null_space on three random chains to 1e-12 relative', () => {
    // Measured: every method ≤ 3.5e-15 relative (tolerance 1e-15).
    for (const reference of SCIPY_CHAINS) {
      const chain = buildCtmc(
        reference.n,
        reference.transitions.map(([from, to, rate]) => ({ from, to, rate })),
        reference.up,
        0,
      );
      for (const method of METHODS) {
        const pi = solveSteadyState(chain, { method, tolerance: 1e-15 }).probabilities;
        reference.steady.forEach((p, i) =>
          expectRelClose(pi[i], p, 1e-12, `${method} n=${reference.n} π[${i}]`),
        );
      }
    }
  });

  it('solveSteadyState returns probabilities summing to 1 within 1e-12 and a residual below tolerance', () => {
    const chain = kOutOfNChain(3, 12, 0.003, 0.2, 2);
    for (const method of METHODS) {
      const result = solveSteadyState(chain, { method, tolerance: 1e-13 });
      expect(Math.abs(exactSum(result.probabilities) - 1)).toBeLessThanOrEqual(1e-12);
      expect(result.residual).toBeLessThanOrEqual(1e-13);
      expect(steadyStateResidual(chain, result.probabilities)).toBeLessThanOrEqual(1e-13);
      expect(result.probabilities.every((p) => p >= 0 && p <= 1)).toBe(true);
    }
  });

  it('bicgstab gives the same vector whether it reuses the reachability check transposition or not', () => {
    const chain = kOutOfNChain(3, 12, 0.003, 0.2, 2);
    // 13 states: above directLimit 2 the auto path shares one transposition; method 'bicgstab'
    // under the default directLimit transposes on its own.
    const shared = solveSteadyState(chain, { directLimit: 2, tolerance: 1e-14 });
    const own = solveSteadyState(chain, { method: 'bicgstab', tolerance: 1e-14 });
    expect(shared.method).toBe('bicgstab');
    expect([...shared.probabilities]).toEqual([...own.probabilities]);
    expect(shared.iterations).toBe(own.iterations);
    expect(checkReachability(chain, incomingTransitions(chain))).toEqual(checkReachability(chain));
  });

  it('solveSteadyState solves the one closed class of a reducible chain and warns about the rest', () => {
    // 0 → 1 ⇄ 2 (closed class {1, 2}); 3 is unreachable.
    const chain = buildCtmc(
      4,
      [
        { from: 0, to: 1, rate: 5 },
        { from: 1, to: 2, rate: 1 },
        { from: 2, to: 1, rate: 3 },
        { from: 3, to: 0, rate: 1 },
      ],
      [1, 1, 0, 1],
      0,
    );
    for (const method of METHODS) {
      const result = solveSteadyState(chain, { method, directLimit: 1, tolerance: 1e-15 });
      expectRelClose(result.probabilities[1], 0.75, 1e-14, `${method} π1`);
      expectRelClose(result.probabilities[2], 0.25, 1e-14, `${method} π2`);
      expect([result.probabilities[0], result.probabilities[3]]).toEqual([0, 0]);
      expect(result.warnings).toEqual([
        '1 states are unreachable from the initial distribution and get probability 0 (first: 3)',
        '1 states are transient and get probability 0 (first: 0)',
      ]);
    }
  });

  it('solveSteadyState puts all mass on a single absorbing state', () => {
    const chain = buildCtmc(2, [{ from: 0, to: 1, rate: 1 }], [1, 0], 0);
    expect([...solveSteadyState(chain).probabilities]).toEqual([0, 1]);
  });

  it('solveSteadyState mixes two reachable closed classes by the probability of ending in each', () => {
    const chain = buildCtmc(
      3,
      [
        { from: 0, to: 1, rate: 1 },
        { from: 0, to: 2, rate: 3 },
      ],
      [1, 0, 0],
      0,
    );
    const result = solveSteadyState(chain);
    expect([...result.probabilities]).toEqual([0, 0.25, 0.75]);
    expect(result.warnings).toEqual([
      '1 states are transient and get probability 0 (first: 0)',
      'solveSteadyState: the chain has 2 closed classes reachable from the initial distribution ({1} with probability 0.25, {2} with probability 0.75); the long-run distribution is the mix of theirs, weighted by the probability of ending in each',
    ]);
  });

  it('solveSteadyState throws ConvergenceError rather than return an unconverged vector', () => {
    const chain = kOutOfNChain(3, 40, 0.01, 0.1, 1);
    for (const method of ['bicgstab', 'gauss-seidel'] as const) {
      expect(() => solveSteadyState(chain, { method, maxIterations: 1, tolerance: 1e-15 })).toThrow(
        ConvergenceError,
      );
      expect(() => solveSteadyState(chain, { method, maxIterations: 1, tolerance: 1e-15 })).toThrow(
        /^solveSteadyState: did not converge within 1 iterations; residual \S+ > tolerance 1e-15$/,
      );
    }
  });

  it('solveSteadyState reports progress from every method: start, throttled rising fractions, end', () => {
    // A clock that advances 100 ms per read, so about every third iteration passes the throttle.
    let clock = 0;
    const now = vi.spyOn(Date, 'now').mockImplementation(() => (clock += 100));
    try {
      const chain = kOutOfNChain(1, 1500, 0.001, 0.001, 10);
      for (const method of METHODS) {
        clock = 0;
        const reports: [number | undefined, string][] = [];
        solveSteadyState(chain, {
          method,
          tolerance: 1e-13,
          onProgress: (fraction, note) => reports.push([fraction, note]),
        });
        const [first, ...rest] = reports;
        const last = rest.pop();
        expect(first).toEqual([
          0,
          method === 'gth'
            ? 'solveSteadyState: gth elimination of 1501 states, 2.3e+9 flops'
            : `solveSteadyState: ${method} on 1501 states, 3000 transitions`,
        ]);
        expect(last?.[0]).toBe(1);
        expect(last?.[1]).toMatch(/^solveSteadyState: done/);
        expect(rest.length).toBeGreaterThan(0);
        expect(rest.length).toBeLessThanOrEqual(Math.ceil(clock / 250));
        let previous = 0;
        for (const [fraction, note] of rest) {
          expect(fraction).toBeGreaterThanOrEqual(previous);
          expect(fraction).toBeLessThan(1);
          previous = fraction ?? 0;
          expect(note).toMatch(
            method === 'gth'
              ? /^solveSteadyState: gth: \d+ of 1501 states eliminated$/
              : new RegExp(
                  `^solveSteadyState: ${method} iteration \\d+: residual \\S+, target 1e-13$`,
                ),
          );
        }
      }
    } finally {
      now.mockRestore();
    }
  });

  it('solveSteadyState refuses bad options', () => {
    const chain = kOutOfNChain(1, 2, 1, 1, 1);
    expect(() => solveSteadyState(chain, { tolerance: 0 })).toThrow(
      /^solveSteadyState: tolerance must be a finite number > 0; got 0$/,
    );
    expect(() => solveSteadyState(chain, { maxIterations: 0.5 })).toThrow(
      /^solveSteadyState: maxIterations must be an integer >= 1; got 0\.5$/,
    );
    expect(() => solveSteadyState(chain, { relaxation: 2 })).toThrow(
      /^solveSteadyState: relaxation must be a number in \(0, 2\); got 2$/,
    );
    // @ts-expect-error an unknown method is refused at run time too
    expect(() => solveSteadyState(chain, { method: 'lu' })).toThrow(
      /^solveSteadyState: method must be 'auto', 'gth', 'bicgstab' or 'gauss-seidel'; got "lu"$/,
    );
  });
});

describe('failureFrequency and expectedRateReward', () => {
  it('failureFrequency counts only up → down flow and checks the vector length', () => {
    const chain = duplexCoverageChain(0.01, 0.9, 1, 0.5);
    const pi = solveSteadyState(chain).probabilities;
    const f = element(pi, 0) * 0.02 * 0.1 + element(pi, 1) * 0.01;
    expectRelClose(failureFrequency(chain, pi), f, 1e-15, 'f');
    expect(() => failureFrequency(chain, [1])).toThrow(
      /^failureFrequency: probabilities must have 3 entries; got 1$/,
    );
  });

  it('expectedRateReward refuses unequal lengths and non-finite rewards', () => {
    expect(() => expectedRateReward([1], [1, 2])).toThrow(
      /^expectedRateReward: reward must have 1 entries; got 2$/,
    );
    expect(() => expectedRateReward([1], [Infinity])).toThrow(
      /^expectedRateReward: reward\[0\] must be a finite number; got Infinity$/,
    );
  });
});

describe('solveSteadyState on stiff chains', () => {
  // Rates from 1e-9 to 1e4: a residual of 1e-14 bounds the error of π only to about 0.1.
  const stiff = buildCtmc(
    3,
    [
      { from: 0, to: 1, rate: 1e4 },
      { from: 1, to: 0, rate: 1e4 },
      { from: 1, to: 2, rate: 1e-9 },
      { from: 2, to: 0, rate: 1 },
    ],
    [true, true, false],
    0,
  );

  it('says when an iterative residual cannot vouch for the probabilities', () => {
    const result = solveSteadyState(stiff, { method: 'bicgstab' });
    expect(result.warnings.join(' ')).toMatch(
      /the chain is stiff \(its rates span a factor 1e\+?13\).*confirm them with relkit simulate/,
    );
  });

  it('solves it directly, with no such warning, when it is small enough', () => {
    const result = solveSteadyState(stiff);
    expect(result.method).toBe('gth');
    expect(result.warnings).toEqual([]);
    // Balance of states 1 and 2: π1(1e4 + 1e-9) = π0·1e4 and π2 = π1·1e-9.
    const ratio = element(result.probabilities, 2) / element(result.probabilities, 0);
    expect(Math.abs(ratio / ((1e-9 * 1e4) / (1e4 + 1e-9)) - 1)).toBeLessThan(1e-12);
  });
});
