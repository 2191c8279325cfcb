import { describe, expect, it, vi } from 'vitest';
import { coldStandbyMttf } from '../../src/analytic/formulas/coldStandbyReliability.js';
import { repairableDuplexCoverage } from '../../src/analytic/formulas/repairableDuplexCoverage.js';
import { repairableKOutOfN } from '../../src/analytic/formulas/repairableKOutOfN.js';
import { ConvergenceError } from '../../src/errors.js';
import { buildCtmc } from '../../src/markov/generation/buildCtmc.js';
import { chainFromModel } from '../../src/markov/generation/fromModel.js';
import { meanTimeToAbsorption } from '../../src/markov/linalg/meanTimeToAbsorption.js';
import { loadModel } from '../../src/model/loadModel.js';
import { exactSum } from '../../src/numeric/sum.js';
import { element } from '../helpers/element.js';
import { expectRelClose } from '../helpers/expectClose.js';
import { coldStandbyChain, duplexCoverageChain, kOutOfNChain } from './chains.js';
import { SCIPY_CHAINS } from './scipyChains.js';

describe('meanTimeToAbsorption', () => {
  it('meanTimeToAbsorption with down absorbing matches repairableKOutOfN().mttf (elimination 1e-13, bicgstab and gauss-seidel 1e-12)', () => {
    // Measured: elimination ≤ 2.5e-16 relative; bicgstab ≤ 2.1e-16, gauss-seidel ≤ 1.9e-16 at
    // the default tolerance 1e-14 (the old Gauss–Seidel on τ(−Q_TT) = α, summed as it was, left
    // 3.6e-9 on the 1-of-4 chain).
    for (const [k, n, rate, repairRate, crews] of [
      [2, 3, 0.001, 0.1, 1],
      [3, 5, 0.01, 0.5, 2],
      [1, 4, 0.02, 0.5, 4],
      [8, 10, 0.001, 0.2, 3],
    ] as const) {
      const chain = kOutOfNChain(k, n, rate, repairRate, crews);
      const exact = repairableKOutOfN(k, n, rate, repairRate, crews).mttf;
      const direct = meanTimeToAbsorption(chain, 'down');
      expect(direct.method).toBe('elimination');
      expectRelClose(direct.meanTime, exact, 1e-13, `elimination ${k}-of-${n}`);
      for (const method of ['bicgstab', 'gauss-seidel'] as const) {
        const iterative = meanTimeToAbsorption(chain, 'down', { method });
        expect(iterative.method).toBe(method);
        expect(iterative.residual).toBeLessThanOrEqual(1e-14);
        expectRelClose(iterative.meanTime, exact, 1e-12, `${method} ${k}-of-${n}`);
      }
    }
  });

  it('meanTimeToAbsorption matches repairableDuplexCoverage().mttf and coldStandbyMttf to 1e-13', () => {
    for (const coverage of [1, 0.95, 0.5]) {
      const chain = duplexCoverageChain(0.001, coverage, 0.1, 0.5);
      expectRelClose(
        meanTimeToAbsorption(chain, 'down').meanTime,
        repairableDuplexCoverage(0.001, coverage, 0.1, 0.5).mttf,
        1e-13,
        `c=${coverage}`,
      );
    }
    expectRelClose(
      meanTimeToAbsorption(coldStandbyChain(0.5, 4, 0.9), 'down').meanTime,
      coldStandbyMttf(0.5, 4, 0.9),
      1e-13,
      'cold',
    );
  });

  it('meanTimeToAbsorption matches the mpmath MTTF of three random chains to 1e-13', () => {
    for (const reference of SCIPY_CHAINS) {
      const chain = buildCtmc(
        reference.n,
        reference.transitions.map(([from, to, rate]) => ({ from, to, rate })),
        reference.up,
        0,
      );
      expectRelClose(
        meanTimeToAbsorption(chain, 'down').meanTime,
        reference.mttf,
        1e-13,
        `n=${reference.n}`,
      );
    }
  });

  it('meanTimeToAbsorption gives the time spent in each state, 0 from an absorbing start, Infinity when absorption is not certain', () => {
    const chain = buildCtmc(2, [{ from: 0, to: 1, rate: 4 }], [1, 0], 0);
    const result = meanTimeToAbsorption(chain, 'down');
    expect([...result.timeInState]).toEqual([0.25, 0]);
    expect(
      meanTimeToAbsorption(buildCtmc(2, [{ from: 0, to: 1, rate: 4 }], [1, 0], 1), 'down').meanTime,
    ).toBe(0);
    // 0 → 1 (down) or 0 → 2, an up trap: the mean is infinite.
    const trap = buildCtmc(
      3,
      [
        { from: 0, to: 1, rate: 1 },
        { from: 0, to: 2, rate: 1 },
      ],
      [1, 0, 1],
      0,
    );
    const infinite = meanTimeToAbsorption(trap, 'down');
    expect(infinite.meanTime).toBe(Infinity);
    expect(infinite.warnings).toEqual([
      'meanTimeToAbsorption: state 2 is reachable but cannot reach an absorbing state, so the mean time is infinite',
    ]);
  });

  it('meanTimeToAbsorption accepts an explicit absorbing mask and refuses a bad one', () => {
    const chain = kOutOfNChain(1, 3, 1, 1, 1);
    expectRelClose(
      meanTimeToAbsorption(chain, Uint8Array.of(0, 1, 0, 0)).meanTime,
      1 / 3,
      1e-15,
      'to first failure',
    );
    expect(() => meanTimeToAbsorption(chain, Uint8Array.of(0, 1))).toThrow(
      /^meanTimeToAbsorption: absorbing must be 'down' or a Uint8Array of 4 entries; got "2 entries"$/,
    );
    expect(() => meanTimeToAbsorption(chain, Uint8Array.of(0, 2, 0, 0))).toThrow(
      /^meanTimeToAbsorption: absorbing\[1\] must be 0 or 1; got 2$/,
    );
  });

  it('meanTimeToAbsorption throws ConvergenceError when an iterative method runs out of iterations', () => {
    const chain = kOutOfNChain(1, 4, 0.02, 0.5, 4);
    for (const method of ['bicgstab', 'gauss-seidel'] as const) {
      expect(() => meanTimeToAbsorption(chain, 'down', { method, maxIterations: 1 })).toThrow(
        /^meanTimeToAbsorption: did not converge within 1 iterations; residual \S+ > tolerance 1e-14$/,
      );
    }
    expect(() =>
      meanTimeToAbsorption(chain, 'down', { method: 'bicgstab', maxIterations: 1 }),
    ).toThrow(ConvergenceError);
  });

  it('meanTimeToAbsorption on a 10^4-state 1-of-10000 chain with 20 and 25 crews matches mpmath to 1e-10', () => {
    // test/reference/mttf_reference.py (python 3.11.7, mpmath 1.3.0, 60 digits, 2026-12-05): the
    // first-passage recursion without subtraction. MTTF 2.6e10 and 3.0e12 with exit rates up to
    // 10: the system τ(−Q_TT) = α has a condition number near 1e12–1e14, and summing an
    // iterative τ as it is was off by up to 3e-2 at residual 1e-12 (measured). Measured with the
    // renewal scaling: 4.8e-11 and 2.4e-13 relative, in 104 and 130 bicgstab iterations.
    for (const [k, n, rate, repairRate, crews, reference] of [
      [1, 10000, 0.001, 0.001, 20, 25615658876.710777],
      [1, 10000, 0.001, 0.001, 25, 3005950912514.557],
    ] as const) {
      const chain = kOutOfNChain(k, n, rate, repairRate, crews);
      const result = meanTimeToAbsorption(chain, 'down');
      expect(result.method).toBe('bicgstab');
      expect(result.iterations).toBeLessThan(300);
      expectRelClose(result.meanTime, reference, 1e-10, `${k}-of-${n}, ${crews} crews`);
      expectRelClose(
        result.meanTime,
        repairableKOutOfN(k, n, rate, repairRate, crews).mttf,
        1e-10,
        'closed form',
      );
      // τ is scaled consistently: it sums to the mean and its flow into the down state is 1.
      expectRelClose(exactSum(result.timeInState), result.meanTime, 1e-15, 'Σ τ');
      const flow = element(result.timeInState, n - k) * k * rate;
      expectRelClose(flow, 1, 1e-12, 'flow into the down state');
    }
  });

  it('meanTimeToAbsorption on a 3139-state model with crews and priority: bicgstab and gauss-seidel match elimination to 1e-10', () => {
    // Three classes of 8 units, 3 crews in priority order, idle while down: 2074 transient
    // states, MTTF 6.4e8 h. Elimination (no subtraction) is the reference. Measured relative
    // errors, MTTF and worst τ_i over the states holding more than 1e-3 of an even share:
    // bicgstab 1.5e-12 and 6.6e-12, gauss-seidel 2.6e-15 and 2.7e-15.
    const { ctmc } = chainFromModel(loadModel(THREE_CLASSES));
    expect(ctmc.stateCount).toBe(3139);
    const exact = meanTimeToAbsorption(ctmc, 'down', { method: 'elimination' });
    expect(exact.meanTime).toBeGreaterThan(6e8);
    for (const method of ['auto', 'gauss-seidel'] as const) {
      const result = meanTimeToAbsorption(ctmc, 'down', { method });
      expect(result.method).toBe(method === 'auto' ? 'bicgstab' : 'gauss-seidel');
      expectRelClose(result.meanTime, exact.meanTime, 1e-10, method);
      exact.timeInState.forEach((tau, i) => {
        if (tau > (1e-3 * exact.meanTime) / ctmc.stateCount) {
          expectRelClose(result.timeInState[i], tau, 1e-10, `${method} τ_${i}`);
        }
      });
    }
  });

  it('meanTimeToAbsorption says why the mean is infinite: no absorbing state, none reachable, a reachable trap', () => {
    const repairable = buildCtmc(
      2,
      [
        { from: 0, to: 1, rate: 0.01 },
        { from: 1, to: 0, rate: 0.1 },
      ],
      [1, 1],
      0,
    );
    const never = meanTimeToAbsorption(repairable, 'down');
    expect(never.meanTime).toBe(Infinity);
    expect(never.warnings).toEqual([
      'meanTimeToAbsorption: no state is absorbing (the system has no down state), so the mean time is infinite',
    ]);
    // State 3 is down but nothing leads to it.
    const unreachable = buildCtmc(
      4,
      [
        { from: 0, to: 1, rate: 0.01 },
        { from: 1, to: 0, rate: 0.1 },
        { from: 3, to: 0, rate: 1 },
        { from: 2, to: 3, rate: 1 },
      ],
      [1, 1, 1, 0],
      0,
    );
    expect(meanTimeToAbsorption(unreachable, 'down').warnings).toEqual([
      'meanTimeToAbsorption: none of the 1 absorbing states can be reached from the initial distribution, so the mean time is infinite',
    ]);
    const progress: string[] = [];
    meanTimeToAbsorption(unreachable, 'down', { onProgress: (_, note) => progress.push(note) });
    expect(progress).toEqual([]);
  });

  it('meanTimeToAbsorption reports progress: a start note, throttled updates with rising fractions, fraction 1 at the end', () => {
    // A clock that advances 100 ms per read, so about every third iteration passes the throttle.
    let clock = 0;
    const now = vi.spyOn(Date, 'now').mockImplementation(() => (clock += 100));
    try {
      const chain = kOutOfNChain(1, 2000, 0.001, 0.001, 12);
      for (const method of ['bicgstab', 'gauss-seidel', 'elimination'] as const) {
        const reports: [number | undefined, string][] = [];
        const result = meanTimeToAbsorption(chain, 'down', {
          method,
          onProgress: (fraction, note) => reports.push([fraction, note]),
        });
        const [first, ...rest] = reports;
        const last = rest.pop();
        expect(first?.[0]).toBe(0);
        expect(first?.[1]).toMatch(
          method === 'elimination'
            ? /^meanTimeToAbsorption: elimination of 2000 states, 5\.3e\+9 flops$/
            : new RegExp(
                `^meanTimeToAbsorption: ${method} on 2000 transient states, 3998 transitions$`,
              ),
        );
        expect(last?.[0]).toBe(1);
        expect(last?.[1]).toMatch(/^meanTimeToAbsorption: done: mean \S+/);
        expect(rest.length).toBeGreaterThan(0);
        // Throttled: no more than one update per 250 ms of the (fake) clock.
        expect(rest.length).toBeLessThanOrEqual(Math.ceil(clock / 250));
        let previous = 0;
        for (const [fraction, note] of rest) {
          expect(fraction).toBeGreaterThanOrEqual(previous);
          expect(fraction).toBeLessThan(1);
          previous = fraction ?? 0;
          expect(note).toMatch(
            method === 'elimination'
              ? /^meanTimeToAbsorption: elimination: \d+ of 2000 states eliminated$/
              : new RegExp(
                  `^meanTimeToAbsorption: ${method} iteration \\d+: residual \\S+, target 1e-14$`,
                ),
          );
        }
        expect(result.meanTime).toBeGreaterThan(0);
        clock = 0;
      }
    } finally {
      now.mockRestore();
    }
  });

  it('meanTimeToAbsorption refuses an unknown method', () => {
    const chain = kOutOfNChain(1, 2, 1, 1, 1);
    // @ts-expect-error an unknown method is refused at run time too
    expect(() => meanTimeToAbsorption(chain, 'down', { method: 'lu' })).toThrow(
      /^meanTimeToAbsorption: method must be 'auto', 'elimination', 'bicgstab' or 'gauss-seidel'; got "lu"$/,
    );
  });
});

/** Three classes of 8 units needing 2 each, 3 crews in priority order, idle while down. */
const THREE_CLASSES = `name: three classes, three crews in priority order
components:
  a: { count: 8, failure: { mtbf: 1000 }, repair: { mttr: 10 } }
  b: { count: 8, failure: { mtbf: 500 }, repair: { mttr: 20 } }
  c: { count: 8, failure: { mtbf: 2000 }, repair: { mttr: 5 } }
system:
  series:
    - koon: { k: 2, of: a }
    - koon: { k: 2, of: b }
    - koon: { k: 2, of: c }
maintenance: { crews: 3, priority: [a, b, c], idle_while_down: true }
`;

describe('meanTimeToAbsorption refuses early what its iterations cannot reach', () => {
  it('stops a slow Gauss–Seidel and a stalled BiCGSTAB within seconds, not 10^5 iterations', () => {
    // A symmetric random walk on 3000 up states, absorbed past the last: both iterative methods
    // converge far too slowly (the differential test's seeds 3464 and 6142 once ran for minutes).
    const n = 3000;
    const transitions: { from: number; to: number; rate: number }[] = [];
    for (let i = 0; i < n; i++) {
      transitions.push({ from: i, to: i + 1, rate: 1 });
      if (i > 0) transitions.push({ from: i, to: i - 1, rate: 1 });
    }
    const up = Array.from({ length: n + 1 }, (_, i) => (i < n ? 1 : 0));
    const chain = buildCtmc(n + 1, transitions, up, 0);
    const iterationsBeforeRefusal = (method: 'gauss-seidel' | 'bicgstab'): number => {
      try {
        meanTimeToAbsorption(chain, 'down', { method });
      } catch (error) {
        expect(error).toBeInstanceOf(ConvergenceError);
        return Number(/within (\d+) iterations/.exec((error as Error).message)![1]);
      }
      throw new Error(`${method} converged`);
    };
    // Measured: Gauss–Seidel refused at 4000 iterations (projection), BiCGSTAB at 7800.
    expect(iterationsBeforeRefusal('gauss-seidel')).toBeLessThanOrEqual(5000);
    expect(iterationsBeforeRefusal('bicgstab')).toBeLessThanOrEqual(12000);
  });
});
