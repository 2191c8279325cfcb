/**
 * Simulated spare-part pools against exact values (docs/semantics.md, "Spare parts"). Each check
 * is |estimate − exact| ≤ z·SE with Bonferroni z over a test's checks (α = 1e-4 per test, so a
 * correct simulator fails a test with probability at most 1e-4; statCheck.ts); SE from the
 * estimate's 95 % interval, or from the exact p for A(t) (a proportion over the replications).
 * Seeded: the numbers are the same on every run.
 *
 * Exact values: test/reference/sim_spares_reference.py (mpmath 1.3.0, numpy 2.4.6, scipy 1.17.1,
 * 2026-12-06), the continuous-time Markov chain of a pool with exponential lead times, generated
 * state by state from the definition; and, for a lead time of any law with stock 0, the renewal
 * cycle of one unit written here. Power: every test also fails against the exact answers of a
 * slightly wrong simulator, computed by the same script: one that ignores the pool, one that
 * orders a spare only when it is taken (not at the demand), one off by one in the stock, and, on
 * a pool shared by a critical unit and a redundant bank, one that gives arriving spares last
 * come, first served.
 *
 * A deterministic lead time has no Markov chain. For one unit with stock 1 the script solves the
 * recursion of its waits (its power check: exponential lead times of the same mean fail); for
 * the shared pool it is held to what it must equal exactly: stock 0 with lead time L is a
 * detection delay L (each unit waits for its own order), stock 0 with lead time 0 is no pool, and
 * a stock that never runs out changes nothing but the regeneration points.
 */
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/loadModel.js';
import type { Curve, Estimate } from '../../src/model/Result.js';
import { simulate } from '../../src/sim/simulate.js';
import {
  bonferroniZ,
  expectAgreement,
  meanCheck,
  proportionCheck,
  type StatCheck,
} from './statCheck.js';

const SEED = 2026;

/** One unit (failure rate 0.1/h, repair mean 2 h), a pool of `stock` with lead time `lead`. */
function oneUnit(stock: number, lead = '{ mean: 20 }', extra = ''): string {
  return `name: one spare pool
components:
  x:
    failure: { rate: 0.1 }
    repair: { mttr: 2 }
${extra}system: x
maintenance:
  spares: [{ name: store, components: [x], stock: ${stock}, lead_time: ${lead} }]
`;
}

/** Exact values of sim_spares_reference.py, section 1 (one unit, lead mean 20 h). */
interface OneUnitExact {
  readonly u: number;
  readonly w: number;
  /** A(5), A(20), A(50). */
  readonly a?: readonly [number, number, number];
}
const ONE_UNIT: Readonly<Record<string, OneUnitExact>> = {
  // By hand: up 10 h, awaiting 20 h, repairing 2 h in turn: U = 22/32, ω = 1/32.
  'fifo 0': { u: 0.6875, w: 0.03125 },
  'fifo 1': {
    u: 0.4463087248322148,
    w: 0.05536912751677853,
    a: [0.8254725051801738, 0.6380631306045497, 0.5580029973360554],
  },
  'fifo 2': {
    u: 0.28961345529654764,
    w: 0.07103865447034523,
    a: [0.8410844649267031, 0.7854253283988848, 0.7201957553975596],
  },
  'fifo 3': { u: 0.20930113578225723, w: 0.07906988642177427 },
  nopool: {
    u: 0.16666666666666666,
    w: 0.08333333333333333,
    a: [0.8416311780613106, 0.8333343573687255, 0.8333333333333489],
  },
  'late 1': {
    u: 0.585427135678392,
    w: 0.0414572864321608,
    a: [0.8245195159391294, 0.5868935391597584, 0.4322131406905617],
  },
  'late 2': { u: 0.33841714756801317, w: 0.06615828524319868 },
};

function steadyChecks(
  result: ReturnType<typeof simulate>,
  exact: { u: number; w: number },
): StatCheck[] {
  return [
    meanCheck('steadyUnavailability', result.measures.steadyUnavailability, exact.u),
    meanCheck('failureFrequency', result.measures.failureFrequency, exact.w),
  ];
}

/** Asserts agreement with `exact` and, for each wrong model, that the same test fails. */
function expectSteady(
  context: string,
  result: ReturnType<typeof simulate>,
  exact: { u: number; w: number },
  wrong: readonly { u: number; w: number }[],
): void {
  for (const w of wrong) {
    expectAgreement(context, steadyChecks(result, exact), steadyChecks(result, w));
  }
}

describe('one unit with a pool, exponential lead time: the Markov chain', () => {
  const steady = { seed: SEED, replications: 20, horizon: 2e4 };

  it('stock 0: U = 22/32 and ω = 1/32 (by hand)', () => {
    const result = simulate(loadModel(oneUnit(0)), steady);
    expectSteady(`one unit, stock 0: seed ${SEED}`, result, ONE_UNIT['fifo 0']!, [
      ONE_UNIT['nopool']!,
      ONE_UNIT['fifo 1']!,
    ]);
  });

  it('stock 1 and 2: steady unavailability and failure frequency', () => {
    for (const stock of [1, 2]) {
      const result = simulate(loadModel(oneUnit(stock)), steady);
      expectSteady(`one unit, stock ${stock}: seed ${SEED}`, result, ONE_UNIT[`fifo ${stock}`]!, [
        ONE_UNIT['nopool']!,
        ONE_UNIT[`late ${stock}`]!,
        ONE_UNIT[`fifo ${stock + 1}`]!,
      ]);
    }
  });

  it('stock 1: A(5), A(20), A(50) from the all-new state', () => {
    const n = 20000;
    const result = simulate(loadModel(oneUnit(1)), {
      seed: SEED,
      replications: n,
      horizon: 50,
      grid: 11,
      measures: ['availability'],
    });
    const curve = result.measures.availability as Curve;
    expect(curve.t.filter((_, i) => [1, 4, 10].includes(i))).toEqual([5, 20, 50]);
    const checks = (a: readonly number[]) =>
      [1, 4, 10].map((at, i) => proportionCheck(`A(${curve.t[at]})`, curve.values[at]!, a[i]!, n));
    for (const wrong of ['nopool', 'late 1', 'fifo 2']) {
      expectAgreement(`one unit A(t): seed ${SEED}, n ${n}`, checks(ONE_UNIT['fifo 1']!.a!), [
        ...checks(ONE_UNIT[wrong]!.a!),
      ]);
    }
  });
});

describe('one unit with a pool of stock 1, deterministic lead time: the waiting-time recursion', () => {
  it('steady unavailability and failure frequency', () => {
    // sim_spares_reference.py, section 3: W_n = (20 − W_(n−1) − G_n)^+, solved on a grid.
    const exact = { u: 0.4398387827468947, w: 0.056016121725310536 };
    const result = simulate(loadModel(oneUnit(1, '{ dist: deterministic, value: 20 }')), {
      seed: SEED,
      replications: 20,
      horizon: 2e5,
    });
    // Wrong: exponential lead times of the same mean (a simulator blind to the law), no pool.
    expectSteady(`stock 1, deterministic lead: seed ${SEED}`, result, exact, [
      ONE_UNIT['fifo 1']!,
      ONE_UNIT['nopool']!,
    ]);
  });
});

describe('one unit with a pool of stock 0, lead time of any law: the renewal cycle', () => {
  // Up (mean 10 h), awaiting its own order (mean lead E[L]), repairing (mean 2 h), in turn:
  // U = (E[L] + 2)/(10 + E[L] + 2), ω = 1/(10 + E[L] + 2), whatever the law of L.
  const renewal = (lead: number) => ({ u: (lead + 2) / (12 + lead), w: 1 / (12 + lead) });

  it('lognormal (ziggurat) and uniform (its own sample) lead times of mean 20 h', () => {
    for (const [law, wrongMean] of [
      ['{ dist: lognormal, mean: 20, sd: 30 }', 23],
      ['{ dist: uniform, min: 10, max: 30 }', 22],
    ] as const) {
      const result = simulate(loadModel(oneUnit(0, law)), {
        seed: SEED,
        replications: 20,
        horizon: 5e4,
      });
      expectSteady(`stock 0, lead ${law}: seed ${SEED}`, result, renewal(20), [renewal(wrongMean)]);
    }
  });

  it('downtime costs count the wait, crew costs only the repair', () => {
    const result = simulate(
      loadModel(
        oneUnit(0, '{ mean: 20 }', '    costs: { downtime_per_hour: 1 }\n').replace(
          'maintenance:\n',
          'maintenance:\n  crew_cost_per_hour: 10\n',
        ),
      ),
      { seed: SEED, replications: 20, horizon: 2e4, measures: ['costRate'] },
    );
    // Down 22 of every 32 h (at 1 per hour), repairing 2 of them (at 10 per hour): 42/32. A
    // simulator that forgot the wait's downtime would give (2 + 20)/32.
    expectAgreement(
      `stock 0 costs: seed ${SEED}`,
      [meanCheck('costRate', result.measures.costRate, 42 / 32)],
      [meanCheck('costRate', result.measures.costRate, 22 / 32)],
    );
  });
});

/**
 * A critical unit a (rate 0.1/h, repair mean 5 h) in series with a 1-of-3 bank b (rate 0.3/h
 * each, repair mean 1 h), one crew, one pool for both; lead time `lead`.
 */
function shared(stock: number, lead: string, pool = true, extra = ''): string {
  return `name: shared pool
components:
  a:
    failure: { rate: 0.1 }
    repair: { mttr: 5 }
${extra}  b:
    count: 3
    failure: { rate: 0.3 }
    repair: { mttr: 1 }
${extra}system: { series: [a, { parallel: [b] }] }
maintenance:
  crews: 1
${pool ? `  spares: [{ name: store, components: [a, b], stock: ${stock}, lead_time: ${lead} }]\n` : ''}`;
}

/** sim_spares_reference.py, section 2 (lead time mean 20 h): U, ω, A(10), A(40). */
const SHARED = {
  fifo: {
    u: 0.84330104865792,
    w: 0.05165776016419464,
    a: [0.24278839696980586, 0.1562368035059401],
  },
  lifo: {
    u: 0.8654064095692369,
    w: 0.0442480726201749,
    a: [0.24643384469070553, 0.1617467847591212],
  },
  nopool: {
    u: 0.44035984718533855,
    w: 0.09903680434165578,
    a: [0.5890134115234008, 0.5596476888622514],
  },
  late: {
    u: 0.9807935785787253,
    w: 0.007109684656429596,
    a: [0.1475408442850285, 0.01589713932790108],
  },
  stock2: {
    u: 0.7958313645560201,
    w: 0.06331648167776294,
    a: [0.3324267691273364, 0.2034175014245611],
  },
} as const;

describe('two components sharing one pool, one crew', () => {
  it('exponential lead time: steady measures equal the chain, and LIFO spares fail', () => {
    const result = simulate(loadModel(shared(1, '{ mean: 20 }')), {
      seed: SEED,
      replications: 20,
      horizon: 5e4,
    });
    expectSteady(`shared pool: seed ${SEED}`, result, SHARED.fifo, [
      SHARED.lifo,
      SHARED.nopool,
      SHARED.late,
      SHARED.stock2,
    ]);
  });

  it('exponential lead time: A(10) and A(40)', () => {
    const n = 20000;
    const result = simulate(loadModel(shared(1, '{ mean: 20 }')), {
      seed: SEED,
      replications: n,
      horizon: 40,
      grid: 5,
      measures: ['availability'],
    });
    const curve = result.measures.availability as Curve;
    const checks = (a: readonly number[]) =>
      [1, 4].map((at, i) => proportionCheck(`A(${curve.t[at]})`, curve.values[at]!, a[i]!, n));
    for (const wrong of [SHARED.nopool, SHARED.late, SHARED.stock2]) {
      expectAgreement(
        `shared pool A(t): seed ${SEED}, n ${n}`,
        checks(SHARED.fifo.a),
        checks(wrong.a),
      );
    }
  });

  const options = { seed: SEED, replications: 20, horizon: 2e4 };
  let withoutPool: ReturnType<typeof simulate> | undefined;
  const noPool = () => (withoutPool ??= simulate(loadModel(shared(0, '', false)), options));

  it('deterministic lead time L with stock 0 is a detection delay L, exactly', () => {
    // Each demand waits for its own order (they arrive in order), so each failed unit waits L
    // before it joins the crews: the draws and the events are the same, so is every number.
    const pooled = simulate(loadModel(shared(0, '{ dist: deterministic, value: 20 }')), options);
    const detected = simulate(
      loadModel(shared(0, '', false, '    detection: { dist: deterministic, value: 20 }\n')),
      options,
    );
    expect(pooled.measures).toEqual(detected.measures);
    expect(pooled.measures.steadyUnavailability).not.toEqual(
      noPool().measures.steadyUnavailability,
    );
  });

  it('stock 0 with lead time 0 is the model without a pool, exactly', () => {
    const pooled = simulate(loadModel(shared(0, '{ dist: deterministic, value: 0 }')), options);
    expect(pooled.measures).toEqual(noPool().measures);
  });

  it('a stock that never runs out changes no sample path; steady measures agree', () => {
    const pooled = simulate(loadModel(shared(1000, '{ dist: deterministic, value: 2 }')), options);
    // The same up/down path: every measure of [0, T] is bit-identical.
    expect(pooled.measures.availability).toEqual(noPool().measures.availability);
    expect(pooled.measures.intervalAvailability).toEqual(noPool().measures.intervalAvailability);
    // The steady measures rest on other regeneration points (the pool full besides every unit
    // working), so they differ within their intervals: a two-sample z with the SEs added in
    // quadrature (conservative: the two estimates share their sample path).
    const z = bonferroniZ(2);
    for (const name of ['steadyUnavailability', 'failureFrequency'] as const) {
      const [x, y] = [pooled.measures[name] as Estimate, noPool().measures[name] as Estimate];
      const se = (e: Estimate) => (e.ci95[1] - e.ci95[0]) / (2 * 1.959963984540054);
      const score = Math.abs(x.mean - y.mean) / Math.hypot(se(x), se(y));
      expect(score, `${name}: ${x.mean} vs ${y.mean}`).toBeLessThanOrEqual(z);
    }
  });
});
