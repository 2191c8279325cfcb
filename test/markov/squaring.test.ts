/**
 * The transient measures at any t ≥ 0 (issue 12): stiff chains at long times by the squaring
 * method, against mpmath at 100 digits (test/reference/transient_reference.py, pasted in
 * transientReference.ts) and closed forms; uniformization's truncation relative to each value;
 * the refusal of big stiff chains (TransientLimitError).
 *
 * Tolerances are the measured errors rounded up (by 4× or more), each stated beside its check.
 * Costs, measured (AMD EPYC, one core of a shared machine, Node 20.20; not asserted): the
 * 320-state chain below at t up to 10^15 h: about 0.25 s for A(t) and for Ā(T) (17 squarings),
 * 1 ms for R(t) (16 up states + 1 after lumping); `relkit markov` on it took 33.7 s at 10^5 h
 * by uniformization before and refused 10^6 h. models/cooling-loop.yaml at 10^15 h: 1–2 ms.
 */
import { describe, expect, it } from 'vitest';
import { coldStandbyReliability } from '../../src/analytic/formulas/coldStandbyReliability.js';
import { pointAvailability } from '../../src/analytic/formulas/pointAvailability.js';
import { ParameterError, UnsupportedModelError } from '../../src/errors.js';
import { loadModel } from '../../src/index.js';
import { buildCtmc, type CtmcTransition } from '../../src/markov/generation/buildCtmc.js';
import type { Ctmc } from '../../src/markov/generation/Ctmc.js';
import { chainFromModel } from '../../src/markov/generation/fromModel.js';
import { intervalAvailability } from '../../src/markov/measures/intervalAvailability.js';
import { pointAvailabilityCurve } from '../../src/markov/measures/pointAvailabilityCurve.js';
import { reliabilityCurve } from '../../src/markov/measures/reliabilityCurve.js';
import { solveTransient } from '../../src/markov/linalg/solveTransient.js';
import { TransientLimitError } from '../../src/markov/linalg/TransientLimitError.js';
import { element } from '../helpers/element.js';
import { expectRelClose } from '../helpers/expectClose.js';
import { coldStandbyChain, kOutOfNChain, unitChain } from './chains.js';
import { SCIPY_CHAINS, SCIPY_TIMES } from './scipyChains.js';
import { TRANSIENT_REFERENCE, type TransientReference } from './transientReference.js';

/** Two units in parallel, one crew that repairs A first (transient_reference.py shared_crew). */
function sharedCrewChain(rateA: number, repairA: number, rateB: number, repairB: number): Ctmc {
  return buildCtmc(
    4,
    [
      { from: 0, to: 1, rate: rateA },
      { from: 0, to: 2, rate: rateB },
      { from: 1, to: 0, rate: repairA },
      { from: 1, to: 3, rate: rateB },
      { from: 2, to: 0, rate: repairB },
      { from: 2, to: 3, rate: rateA },
      { from: 3, to: 2, rate: repairA },
    ],
    [1, 1, 1, 0],
    0,
  );
}

/** State j = failed units of n − 1, failures at rate·(1 + j mod 3), repairs at `repair`. */
function birthDeathChain(n: number, rate: number, repair: number): Ctmc {
  const transitions: CtmcTransition[] = [];
  for (let j = 0; j < n; j++) {
    if (j < n - 1) transitions.push({ from: j, to: j + 1, rate: rate * (1 + (j % 3)) });
    if (j > 0) transitions.push({ from: j, to: j - 1, rate: repair });
  }
  const up = Array.from({ length: n }, (_, j) => (j < Math.floor(n / 2) ? 1 : 0));
  return buildCtmc(n, transitions, up, 0);
}

/** models/cooling-loop.yaml; `relkit markov … --at 1e15` used to exit 1 (maxProducts). */
const COOLING_LOOP = `
name: Cooling loop with one crew
components:
  pump: { count: 2, failure: { mtbf: 100 }, repair: { mttr: 10 } }
  valve: { failure: { mtbf: 200 }, repair: { mttr: 5 } }
system:
  series:
    - parallel: [pump]
    - valve
maintenance: { crews: 1, priority: [valve] }
`;

/** Four k-of-n groups in series, unlimited crews: 4·4·4·5 = 320 states (transient_reference.py). */
const FOUR_GROUPS = `
name: Four pump groups
components:
  a: { count: 3, failure: { mtbf: 2000 }, repair: { mttr: 0.05 } }
  b: { count: 3, failure: { mtbf: 5000 }, repair: { mttr: 2 } }
  c: { count: 3, failure: { mtbf: 1e4 }, repair: { mttr: 10 } }
  d: { count: 4, failure: { mtbf: 1e5 }, repair: { mttr: 24 } }
system:
  series:
    - koon: { k: 2, of: a }
    - koon: { k: 2, of: b }
    - koon: { k: 2, of: c }
    - koon: { k: 3, of: d }
`;

const CASES: readonly [string, () => Ctmc, string][] = [
  // 7 states, fastest exit rate 60.25/h, MTTF 2.42e5 h; R reaches 1e-200 at 1.1e8 h.
  ['stiff7', () => kOutOfNChain(4, 6, 0.05, 60, 1), '4-of-6, λ = 0.05, μ = 60, one crew'],
  // Rates from 1e-12 to 1e6, U down to 1e-24, t up to 1e15.
  ['wideRates', () => sharedCrewChain(1e-12, 1e6, 1e-3, 0.1), 'rates 1e-12 … 1e6'],
  // Three units, MTBF 1e6 h, MTTR 1 h, one crew, 2-of-3; R reaches 2.7e-261 at 1e14 h.
  ['threeUnits', () => kOutOfNChain(2, 3, 1e-6, 1, 1), '2-of-3, MTBF 1e6, MTTR 1'],
  ['birthDeath24', () => birthDeathChain(24, 0.5, 1), '24-state birth–death'],
  ['coolingLoop', () => chainFromModel(loadModel(COOLING_LOOP)).ctmc, 'models/cooling-loop.yaml'],
  ['fourGroups', () => chainFromModel(loadModel(FOUR_GROUPS)).ctmc, '320 states from a model'],
];

/** Asserts every value within `tolerance` relative; references that underflowed to 0 within 1e-300. */
function expectAll(
  actual: readonly number[],
  expected: readonly number[],
  tolerance: number,
  label: string,
): void {
  expected.forEach((x, j) => expectRelClose(actual[j], x, tolerance, `${label}[${j}]`, 1e-300));
}

describe('transient measures at long times against mpmath (100 digits)', () => {
  for (const [name, build, description] of CASES) {
    const reference: TransientReference | undefined = TRANSIENT_REFERENCE[name];
    if (reference === undefined) throw new Error(`no reference values for ${name}`);

    it(`${name} (${description}): A, U, R, 1 − R and interval availability`, () => {
      const chain = build();
      // Measured (squaring): A ≤ 2.9e-16, U ≤ 1.6e-15, 1 − R ≤ 1e-15, Ā ≤ 1.5e-16, Ū ≤ 2.4e-15
      // relative over the six chains; the tolerances below allow about 4×.
      const point = pointAvailabilityCurve(chain, reference.times);
      expect(point.method).toBe('squaring');
      expectAll(point.availability, reference.availability, 4e-15, `${name} A`);
      expectAll(point.unavailability, reference.unavailability, 8e-15, `${name} U`);
      const reliability = reliabilityCurve(chain, reference.times);
      // R: ≤ 7e-15 where R > 1e-20; 2.3e-13 at R = 1.0e-200 (stiff7, t = 1.1145e8) and 1.4e-13
      // at R = 2.7e-261 (threeUnits): about ln(1/R)·ε_mach, the conditioning of e^{−t/MTTF}.
      reliability.reliability.forEach((r, j) => {
        const expected = element(reference.reliability, j);
        const tolerance = expected < 1e-20 ? 1e-12 : 3e-14;
        expectRelClose(r, expected, tolerance, `${name} R(${reference.times[j]})`, 1e-300);
      });
      expectAll(reliability.unreliability, reference.unreliability, 8e-15, `${name} 1 − R`);
      reference.horizons.forEach((horizon, j) => {
        const interval = intervalAvailability(chain, horizon, { method: 'squaring' });
        const label = `${name} T=${horizon}`;
        expectRelClose(interval.availability, reference.intervalUp[j], 4e-15, `${label} Ā`);
        expectRelClose(interval.unavailability, reference.intervalDown[j], 8e-15, `${label} Ū`);
        // The default picks uniformization where it is cheaper (fourGroups at T = 1000).
        const auto = intervalAvailability(chain, horizon);
        expectRelClose(auto.availability, reference.intervalUp[j], 4e-15, `${label} Ā auto`);
        expectRelClose(auto.unavailability, reference.intervalDown[j], 1e-11, `${label} Ū auto`);
      });
    });

    it(`${name}: uniformization agrees where q·t ≤ 10^5 (truncation relative, rounding ≈ 2e-17·q·t)`, () => {
      const chain = build();
      const q = Math.max(...chain.exitRate);
      const picked = reference.times.flatMap((t, j) => (q * t <= 1e5 ? [j] : []));
      const times = picked.map((j) => element(reference.times, j));
      const point = pointAvailabilityCurve(chain, times, { method: 'uniformization' });
      const reliability = reliabilityCurve(chain, times, { method: 'uniformization' });
      expect(point.method).toBe('uniformization');
      // Measured ≤ 6e-13 relative at q·t = 6·10^4 (stiff7, t = 1000 is not in the table; at
      // t = 100, q·t = 6025: 3e-14); U and 1 − R of 1e-22 keep their digits (relative
      // truncation: an absolute 1e-12 would have left them meaningless).
      picked.forEach((j, i) => {
        const label = `${name} t=${times[i]}`;
        expectRelClose(point.availability[i], reference.availability[j], 1e-12, `${label} A`);
        expectRelClose(point.unavailability[i], reference.unavailability[j], 1e-11, `${label} U`);
        expectRelClose(reliability.reliability[i], reference.reliability[j], 1e-11, `${label} R`);
        expectRelClose(
          reliability.unreliability[i],
          reference.unreliability[j],
          1e-11,
          `${label} 1 − R`,
        );
      });
    });
  }
});

describe('transient measures at long times against closed forms', () => {
  it('one repairable unit: A(t) and Ā(T) up to 10^15 h (squaring) to 1e-14 relative', () => {
    // A(t) = μ/(λ+μ) + λ/(λ+μ)e^{−(λ+μ)t}; Ā(T) = μ/(λ+μ) + λ(1 − e^{−(λ+μ)T})/((λ+μ)²T);
    // measured ≤ 2.3e-16 (A), 4.5e-16 (U), 6.7e-16 (Ā), 8.9e-16 (Ū).
    const [rate, repairRate] = [1e-6, 1];
    const total = rate + repairRate;
    const chain = unitChain(rate, repairRate);
    const times = [0.5, 3, 1e3, 1e7, 1e12, 1e15];
    const curve = pointAvailabilityCurve(chain, times, { method: 'squaring' });
    times.forEach((t, j) => {
      expectRelClose(
        curve.availability[j],
        pointAvailability(rate, repairRate, t),
        1e-14,
        `A(${t})`,
      );
      const u = (-rate / total) * Math.expm1(-total * t);
      expectRelClose(curve.unavailability[j], u, 1e-14, `U(${t})`);
    });
    for (const horizon of [0.5, 3, 1e3, 1e7, 1e15]) {
      const exact =
        repairRate / total + (-rate * Math.expm1(-total * horizon)) / (total * total * horizon);
      const exactDown = (rate / total) * (1 + Math.expm1(-total * horizon) / (total * horizon));
      const result = intervalAvailability(chain, horizon, { method: 'squaring' });
      expectRelClose(result.availability, exact, 1e-14, `Ā(${horizon})`);
      expectRelClose(result.unavailability, exactDown, 1e-14, `Ū(${horizon})`);
    }
  });

  it('one non-repairable part, rate 10: R = e^{−10t} to 1e-12 relative down to 1e-200, 0 at t = 2·10^6', () => {
    // t = 46.0625 is exact in binary, so 10t = 460.625 and e^{−460.625} = 1.0e-200 are the
    // exact reference (Math.exp: ≤ 1 ulp). Measured 4e-14 at 1e-200 (≈ 460·ε_mach, the
    // conditioning of e^{−x}), ≤ 2e-16 above 1e-5.
    const part = buildCtmc(2, [{ from: 0, to: 1, rate: 10 }], [1, 0], 0);
    const times = [0.0625, 1, 10, 46.0625, 2e6];
    const curve = reliabilityCurve(part, times);
    expect(curve.method).toBe('squaring');
    times.slice(0, 4).forEach((t, j) => {
      expectRelClose(curve.reliability[j], Math.exp(-10 * t), 1e-12, `R(${t})`);
      expectRelClose(curve.unreliability[j], -Math.expm1(-10 * t), 1e-14, `F(${t})`);
    });
    expect(curve.reliability[4]).toBe(0);
    expect(curve.unreliability[4]).toBe(1);
    const availability = pointAvailabilityCurve(part, [2e6]);
    expect(availability.availability[0]).toBe(0);
    expect(availability.unavailability[0]).toBe(1);
  });

  it('cold standby: R(t) by squaring matches coldStandbyReliability to 1e-12 relative, deep tails too', () => {
    // Measured ≤ 1.2e-14 relative; the smallest value is about 1e-120.
    for (const [rate, spares, p] of [
      [1, 1, 1],
      [0.5, 3, 0.9],
      [2, 5, 0.99],
    ] as const) {
      const times = [0.1, 1, 10, 100, 150];
      const curve = reliabilityCurve(coldStandbyChain(rate, spares, p), times, {
        method: 'squaring',
      });
      times.forEach((t, j) =>
        expectRelClose(
          curve.reliability[j],
          coldStandbyReliability(rate, spares, t, p),
          1e-12,
          `R(${t}) λ=${rate} n=${spares} p=${p}`,
        ),
      );
    }
  });
});

describe('the squaring method against uniformization and scipy', () => {
  it('solveTransient by squaring matches scipy.linalg.expm on three random chains to 1e-12 relative', () => {
    // Measured ≤ 1.1e-15 relative (scipyChains.ts, expm in double precision).
    for (const reference of SCIPY_CHAINS) {
      const chain = buildCtmc(
        reference.n,
        reference.transitions.map(([from, to, rate]) => ({ from, to, rate })),
        reference.up,
        0,
      );
      const result = solveTransient(chain, SCIPY_TIMES, { method: 'squaring' });
      expect(result.method).toBe('squaring');
      expect(result.stationaryAt).toBeNull();
      reference.transient.forEach((expected, j) =>
        expected.forEach((p, i) =>
          expectRelClose(
            result.probabilities[j]?.[i],
            p,
            1e-12,
            `n=${reference.n} π[${i}](${SCIPY_TIMES[j]})`,
          ),
        ),
      );
    }
  });

  it('solveTransient by squaring and by uniformization agree on every state of a stiff chain', () => {
    // Measured ≤ 2e-12 relative on all 7 states at q·t ≤ 6·10^4, where uniformization's
    // rounding (≈ 2e-17·q·t) dominates; a state probability of 1e-9 included.
    const chain = kOutOfNChain(4, 6, 0.05, 60, 1);
    const times = [0.01, 1, 100, 1000];
    const squared = solveTransient(chain, times, { method: 'squaring' });
    const uniformized = solveTransient(chain, times, {
      method: 'uniformization',
      tolerance: 1e-16,
      stationarityDetection: false,
    });
    times.forEach((t, j) =>
      element(squared.probabilities, j).forEach((p, i) =>
        expectRelClose(p, uniformized.probabilities[j]?.[i], 1e-11, `π[${i}](${t})`, 1e-300),
      ),
    );
  });

  it('the choice of method: uniformization for short horizons, squaring for long ones, the limit obeyed', () => {
    const chain = kOutOfNChain(4, 6, 0.05, 60, 1);
    expect(pointAvailabilityCurve(chain, [0.5]).method).toBe('uniformization');
    expect(pointAvailabilityCurve(chain, [1e4]).method).toBe('squaring');
    // A tiny product limit sends even a short horizon to squaring rather than refusing it.
    expect(pointAvailabilityCurve(chain, [0.5], { maxProducts: 10 }).method).toBe('squaring');
    expect(intervalAvailability(chain, 0).availability).toBe(1);
    expect(intervalAvailability(chain, 0, { method: 'squaring' }).availability).toBe(1);
  });
});

describe('TransientLimitError', () => {
  // 1001 states: one more than the squaring method takes.
  const big = birthDeathChain(1001, 0.5, 1);

  it('refuses a chain too big to square whose q·t passes the limit, naming --max-products', () => {
    for (const solve of [
      () => pointAvailabilityCurve(big, [1, 1e7]),
      () => reliabilityCurve(birthDeathChain(2004, 0.5, 1), [1e7]),
      () => intervalAvailability(big, 1e7),
      () => solveTransient(big, [1e7]),
      () => pointAvailabilityCurve(big, [1e5], { maxProducts: 1000 }),
    ]) {
      let error: unknown;
      try {
        solve();
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(TransientLimitError);
      expect(error).toBeInstanceOf(UnsupportedModelError);
      const refusal = error as TransientLimitError;
      expect(refusal.products).toBeGreaterThan(refusal.limit);
      expect(refusal.message).toMatch(/--max-products/);
      expect(refusal.message).not.toMatch(/maxProducts/);
    }
    const refusal = (() => {
      try {
        pointAvailabilityCurve(big, [1, 1e7]);
      } catch (caught) {
        return caught as TransientLimitError;
      }
      throw new Error('no refusal');
    })();
    expect(refusal.message).toBe(
      'pointAvailabilityCurve: t = 10000000 on this 1001-state chain needs about 2.5e7 matrix–vector products (uniformization; chains above 1000 states are too big for the squaring method), more than the limit of 1e7; raise the limit with --max-products, ask for earlier times, or use the steady measures (--steady) if the chain has mixed by then',
    );
    expect(refusal.states).toBe(1001);
  });

  it('squaring is refused for more than 1000 states; uniformization within the limit still runs', () => {
    expect(() => pointAvailabilityCurve(big, [1], { method: 'squaring' })).toThrow(ParameterError);
    expect(() => pointAvailabilityCurve(big, [1], { method: 'squaring' })).toThrow(
      /^pointAvailabilityCurve: method must be 'auto' or 'uniformization' for a chain of more than 1000 states \(squaring is dense\); got "squaring"$/,
    );
    const curve = pointAvailabilityCurve(big, [2]);
    expect(curve.method).toBe('uniformization');
    expect(element(curve.availability, 0) + element(curve.unavailability, 0)).toBeCloseTo(1, 14);
  });
});
