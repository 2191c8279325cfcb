/**
 * Common-cause groups in block models (components and system), expanded as a fault tree's are:
 * the shape of the expansion, a closed form, the three solvers against each other, and every
 * refusal located at its path.
 */
import { describe, expect, it } from 'vitest';
import { ModelError } from '../../src/errors.js';
import type { Model, SystemNode } from '../../src/model/Model.js';
import type { Estimate } from '../../src/model/Result.js';
import { loadModel } from '../../src/model/loadModel.js';
import { normalQuantile } from '../../src/numeric/normal.js';
import { simulate } from '../../src/sim/simulate.js';
import { solveWith } from '../../src/solve/solveWith.js';
import { expectRelClose } from '../helpers/expectClose.js';

/** The issues of a model error, each `path message`. */
function messages(text: string, limits = {}): string[] {
  try {
    loadModel(text, { limits });
  } catch (error) {
    if (error instanceof ModelError) return error.issues.map((i) => `${i.path} ${i.message}`);
    throw error;
  }
  return [];
}

/** The structure with unit numbers replaced by unit names, paths left out. */
function shape(model: Model, node: SystemNode = model.system!): unknown {
  switch (node.kind) {
    case 'unit':
      return model.units[node.unit]?.name;
    case 'series':
    case 'parallel':
      return { [node.kind]: node.children.map((child) => shape(model, child)) };
    case 'koon':
      return { [`${node.k} of`]: node.children.map((child) => shape(model, child)) };
    default:
      return node.kind;
  }
}

/** A 1-of-2 pair under a beta-factor group. */
function pair(rate: number, mttr: number, beta: number): string {
  return `name: pair
components:
  pump: { count: 2, failure: { rate: ${rate} }, repair: { mttr: ${mttr} } }
system: { parallel: [pump] }
common_cause:
  - { name: pumps, members: ['pump[1]', 'pump[2]'], model: beta-factor, factors: [${beta}] }
`;
}

/** Two pumps under a beta-factor group, three fans 2-of-3 under an MGL group, and a valve. */
const PLANT = `name: cooling
components:
  pump_a: { failure: { rate: 0.01 }, repair: { mttr: 10 } }
  pump_b: { failure: { mtbf: 100 }, repair: { rate: 0.1 } }
  fan: { count: 3, failure: { rate: 0.02 }, repair: { mttr: 5 } }
  valve: { failure: { rate: 0.001 }, repair: { mttr: 8 } }
system:
  series:
    - parallel: [pump_a, pump_b]
    - koon: { k: 2, of: fan }
    - valve
common_cause:
  - { name: pumps, members: [pump_a, pump_b], model: beta-factor, factors: [0.1] }
  - name: fans
    members: ['fan[1]', 'fan[2]', 'fan[3]']
    model: MGL
    factors: [0.1, 0.3]
`;

describe('common-cause groups of a block model', () => {
  it('gives each member λ₁ and adds one unit per subset, in series with each member leaf', () => {
    const model = loadModel(pair(1e-4, 24, 0.1));
    expect(model.faultTree).toBeUndefined();
    expect(model.components.map((c) => [c.name, c.count, c.failure.rate])).toEqual([
      ['pump', 2, 1e-4 * 0.9],
      ['[pump[1] pump[2]]', 1, 1e-4 * 0.1],
    ]);
    expect(model.components[1]!.repair).toEqual(model.components[0]!.repair);
    expect(model.units.map((u) => u.name)).toEqual(['pump[1]', 'pump[2]', '[pump[1] pump[2]]']);
    expect(shape(model)).toEqual({
      parallel: [
        { series: ['pump[1]', '[pump[1] pump[2]]'] },
        { series: ['pump[2]', '[pump[1] pump[2]]'] },
      ],
    });
  });

  it('takes component names for all their units and equal laws written differently', () => {
    const model = loadModel(`name: trains
components:
  a: { failure: { mtbf: 1000 }, repair: { mttr: 8 } }
  b: { failure: { rate: 1e-3 }, repair: { rate: 0.125 } }
  c: { failure: { rate: 1e-3 }, repair: { mttr: 8 } }
system: { koon: { k: 2, of: [a, b, c] } }
common_cause:
  - { name: abc, members: [a, b, c], model: MGL, factors: [0.2, 0.5] }
`);
    // MGL, n = 3: λ₁ = 0.8λ, λ₂ = 0.2 · 0.5 λ / 2 = 0.05λ, λ₃ = 0.2 · 0.5 λ = 0.1λ.
    const rates = Object.fromEntries(model.components.map((c) => [c.name, c.failure.rate]));
    expectRelClose(rates.a as number, 8e-4, 1e-15, 'a');
    expectRelClose(rates['[a b]'] as number, 5e-5, 1e-15, '[a b]');
    expectRelClose(rates['[a b c]'] as number, 1e-4, 1e-15, '[a b c]');
    expect(Object.keys(rates)).toEqual(['a', 'b', 'c', '[a b]', '[a c]', '[b c]', '[a b c]']);
    expect(shape(model)).toEqual({
      '2 of': [
        { series: ['a', '[a b]', '[a c]', '[a b c]'] },
        { series: ['b', '[a b]', '[b c]', '[a b c]'] },
        { series: ['c', '[a c]', '[b c]', '[a b c]'] },
      ],
    });
  });
});

describe('the solvers on block models with common-cause groups', () => {
  it('a 1-of-2 pair under beta-factor: U = q₁² + q_c − q₁² q_c, and its failure frequency', () => {
    // The pair works iff the common-cause unit C works and pump 1 or pump 2 works (each is the
    // series of its own part and C): A = (1 − q_c)(1 − q₁²), so U = q₁² + q_c − q₁² q_c. The
    // units are independent alternating renewal processes (unlimited crews): a unit failing at
    // rate λ and repaired in mean time 1/μ is down q = λ/(λ + μ) of the time and fails at
    // ω = λ(1 − q). The system's failure frequency is Σᵢ ωᵢ × P(the system works with unit i up
    // and fails with it down): ω = 2 λ₁(1 − q₁) q₁(1 − q_c) + λ_c(1 − q_c)(1 − q₁²).
    const [rate, mttr, beta] = [1e-3, 20, 0.1];
    const model = loadModel(pair(rate, mttr, beta));
    const mu = 1 / mttr;
    const [own, shock] = [(1 - beta) * rate, beta * rate];
    const q1 = own / (own + mu);
    const qc = shock / (shock + mu);
    const unavailability = q1 * q1 + qc - q1 * q1 * qc;
    const frequency = 2 * own * (1 - q1) * q1 * (1 - qc) + shock * (1 - qc) * (1 - q1 * q1);
    // Measured: analytic 0 (equal doubles), markov 1.9e-16 and 2.1e-16 relative.
    for (const [method, tolerance] of [
      ['analytic', 1e-12],
      ['markov', 1e-9],
    ] as const) {
      const measures = solveWith(model, method).measures;
      expectRelClose(measures.steadyUnavailability as number, unavailability, tolerance, method);
      expectRelClose(measures.failureFrequency as number, frequency, tolerance, method);
    }
  });

  it('the analytic solver and the Markov engine agree on a beta-factor and an MGL group', () => {
    const model = loadModel(PLANT);
    const analytic = solveWith(model, 'analytic').measures;
    const markov = solveWith(model, 'markov').measures;
    // Measured: 1.2e-16, 3.7e-16 and 1.3e-16 relative.
    for (const measure of [
      'steadyAvailability',
      'steadyUnavailability',
      'failureFrequency',
    ] as const) {
      expectRelClose(markov[measure] as number, analytic[measure] as number, 1e-9, measure);
    }
  });

  it('the simulator agrees with the exact steady unavailability within its 99.99 % interval', () => {
    // |estimate − exact| ≤ z·SE with z = Φ⁻¹(1 − 0.00005) ≈ 3.89 and SE the 95 % half-width / 1.96:
    // a correct simulator fails this check with probability 1e-4 (STYLE.md §8). n = 400 replications of 2e4 h
    // (about 36 000 regeneration cycles) make the half-width about 1.6 % of the exact value.
    // Power: the same estimate is refused against the model without its groups (U 0.039, not
    // 0.056) and against fan failures 5 % faster.
    const seed = 2026;
    const replications = 400;
    const estimate = simulate(loadModel(PLANT), { seed, replications, horizon: 2e4, grid: 2 })
      .measures.steadyUnavailability as Estimate;
    const se = (estimate.ci95[1] - estimate.ci95[0]) / (2 * normalQuantile(0.975));
    const z = normalQuantile(1 - 0.00005);
    const score = (text: string) => {
      const exact = solveWith(loadModel(text), 'analytic').measures.steadyUnavailability as number;
      return { exact, z: Math.abs(estimate.mean - exact) / se };
    };
    const right = score(PLANT);
    expect(
      right.z,
      `seed ${seed}, n ${replications}: estimate ${estimate.mean}, SE ${se}, exact ${right.exact}; rerun: npx vitest run test/model/blockCommonCause.test.ts`,
    ).toBeLessThanOrEqual(z);
    expect(score(PLANT.replace(/common_cause:[\s\S]*/, '')).z).toBeGreaterThan(z);
    expect(score(PLANT.replace('rate: 0.02', 'rate: 0.021')).z).toBeGreaterThan(z);
  });
});

describe('common-cause groups of a block model: repair order, limits and refusals', () => {
  it('repairs a common-cause unit right after the first listed member component', () => {
    const model = loadModel(`name: crews
components:
  a: { count: 2, failure: { rate: 0.01 }, repair: { mttr: 10 } }
  b: { failure: { rate: 0.01 }, repair: { mttr: 10 } }
  c: { failure: { rate: 0.01 }, repair: { mttr: 10 } }
system: { parallel: [a, b, c] }
maintenance: { crews: 1, priority: [c, b, a] }
common_cause:
  - { name: g, members: [a, b], model: beta-factor, factors: [0.1] }
`);
    const names = model.maintenance.priority.map((i) => model.components[i]?.name);
    expect(names).toEqual(['c', 'b', '[a[1] a[2] b]', 'a']);
  });

  it('with β = 1 a member fails only with its group: U = q_c for a pair', () => {
    const model = loadModel(pair(1e-3, 20, 1));
    expect(shape(model)).toEqual({ parallel: ['[pump[1] pump[2]]', '[pump[1] pump[2]]'] });
    const q = 1e-3 / (1e-3 + 1 / 20);
    // Measured: 0 (equal doubles).
    expectRelClose(solveWith(model, 'analytic').measures.steadyUnavailability as number, q, 1e-12);
    // The members' own units stay, outside the structure; with crews they would take one.
    expect(messages(`${pair(1e-3, 20, 1)}maintenance: { crews: 1 }\n`)).toEqual([
      'common_cause[0].factors must leave the members an independent share when maintenance.crews is set; got [1]: every failure of a member is then a common-cause failure, and its own unit, left out of the structure, would still take a crew',
    ]);
  });

  it('counts the common-cause units against maxUnits', () => {
    const text = `name: many
components:
  u: { count: 5, failure: { rate: 0.01 } }
system: { koon: { k: 3, of: u } }
common_cause:
  - { name: all, members: ['u[1]', 'u[2]', 'u[3]', 'u[4]', 'u[5]'], model: MGL, factors: [0.1, 0.1, 0.1, 0.1] }
`;
    expect(messages(text, { maxUnits: 30 })).toEqual([
      'common_cause[0] expands into 26 common-cause units, bringing the number of units to 31; the limit is 30 (--max-units or limits.maxUnits raises it)',
    ]);
    expect(loadModel(text, { limits: { maxUnits: 31 } }).units).toHaveLength(31);
  });

  it('reports every refusal in one run, each at its path', () => {
    const found = messages(`name: bad
components:
  pump: { count: 2, failure: { rate: 1e-3 }, repair: { mttr: 10 } }
  spare: { count: 3, failure: { rate: 1e-3 }, repair: { mttr: 10 } }
  pump2: { count: 2, failure: { rate: 1e-3 }, repair: { mttr: 10 } }
  other: { failure: { rate: 1e-3 } }
  weib: { failure: { dist: weibull, shape: 2, scale: 100 } }
  slow: { failure: { rate: 2e-3 }, repair: { mttr: 12 } }
  cov: { failure: { rate: 1e-3 }, repair: { mttr: 10 }, coverage: 0.9 }
  late: { failure: { rate: 1e-3 }, repair: { mttr: 10 }, detection: { mean: 1 } }
  gen: { count: 2, failure: { rate: 1e-3 } }
  link: { failure: { rate: 1e-3 } }
  road: { failure: { rate: 1e-3 } }
  x: { count: 2, failure: { rate: 1e-3 } }
  y: { count: 2, failure: { rate: 1e-3 } }
system:
  series:
    - parallel: [pump]
    - standby: { of: gen }
    - network: { source: s, sink: t, edges: [{ from: s, to: a, via: link }, { from: a, to: t, via: road }] }
common_cause:
  - { name: g0, members: [pump, nothing, 'pump[3]'], model: beta-factor, factors: [0.1] }
  - { name: g1, members: ['pump[1]', 'spare[3]'], model: beta-factor, factors: [0.1] }
  - { name: g2, members: ['spare[1]', 'spare[2]'], model: beta-factor, factors: [0.1] }
  - { name: g3, members: [weib, other], model: beta-factor, factors: [0.1] }
  - { name: g4, members: [pump2, slow, cov, late], model: beta-factor, factors: [0.1] }
  - { name: g5, members: ['gen[1]', 'gen[2]'], model: beta-factor, factors: [0.1] }
  - { name: g6, members: [link, road], model: beta-factor, factors: [0.1] }
  - { name: g7, members: ['x[1]', 'x[2]'], model: MGL, factors: [1.5] }
  - { name: g8, members: ['y[1]', 'y[2]'], model: beta-factor, factors: [nope] }
`);
    const alike =
      'must be alike with "pump2" (one exponential failure rate, one repair law, one proof-test plan and one set of costs, coverage 1, no detection or recovery delay)';
    const standby =
      "is a unit of the standby block at system.series[1].standby, which cannot be in a common-cause group: a standby block's units have their own state (active, dormant spare, switched in), which a series with common-cause units would not follow";
    const edge =
      'which cannot be in a common-cause group: an edge is one unit, and cannot become the series of its unit and common-cause units';
    expect(found).toEqual([
      'common_cause[0].members[1] names the unknown component or unit "nothing" (components: pump, spare, pump2, other, weib, slow, cov, late, gen, link and 3 more)',
      'common_cause[0].members[2] names no unit of pump, whose units are pump[1] … pump[2]',
      'common_cause[1].members[0] "pump[1]" is already in the common-cause group g0',
      'common_cause[2].members[0] holds 2 of the 3 units of "spare", whose units share one failure law that the group changes: give the grouped units a component of their own',
      'common_cause[3].members[0] must have exponential failure times (the levels share out a rate); "weib" has weibull',
      `common_cause[4].members[1] ${alike}; "slow" has failure rate 0.002, not 0.001, repair exponential (mean 12), not exponential (mean 10)`,
      `common_cause[4].members[2] ${alike}; "cov" has coverage 0.9`,
      `common_cause[4].members[3] ${alike}; "late" has a detection delay`,
      `common_cause[5].members[0] "gen[1]" ${standby}`,
      `common_cause[5].members[1] "gen[2]" ${standby}`,
      `common_cause[6].members[0] "link" is the link of the network edge at system.series[2].network.edges[0], ${edge}`,
      `common_cause[6].members[1] "road" is the link of the network edge at system.series[2].network.edges[1], ${edge}`,
      'common_cause[7].factors[0] must be a probability in [0, 1]; got 1.5',
      'common_cause[8].factors[0] uses the unknown name "nope" (no parameters are defined)',
    ]);
  });

  it('checks the groups when the structure has errors, and the first member too', () => {
    expect(
      messages(`name: both
components:
  a: { count: 2, failure: { rate: 1e-3 }, coverage: 0.99 }
system: { parallel: [a, missing] }
common_cause:
  - { name: g, members: ['a[1]', 'a[2]'], model: alpha-factor, factors: [0.9, 0.1, 0] }
`),
    ).toEqual([
      'system.parallel[1] names the unknown component "missing" (components: a)',
      'common_cause[0].factors must hold 2 factors [α1 … α2] (for failures of 1 to 2 members) under the alpha-factor model of 2 members; got [0.9,0.1,0]',
      'common_cause[0].members[0] must have coverage 1, no detection or recovery delay, no preventive replacement and no imperfect repair (a common-cause unit has none); "a" has coverage 0.99',
    ]);
  });

  it('leaves a group alone when a member component was rejected (found by the model fuzzer)', () => {
    // Was a TypeError: the group had no member left to check.
    expect(
      messages(`name: rejected
components:
  a: { count: 2, Afailure: { rate: 1e-3 } }
  b: { failure: { rate: 1e-3 } }
system: { parallel: [a, b] }
common_cause:
  - { members: [a], model: beta-factor, beta: 0.1 }
  - { members: [a, b], model: beta-factor, beta: 0.1 }
`),
    ).toEqual([
      'components.a.Afailure is not a known key; did you mean "failure"? (expected one of count, failure, repair, coverage, detection, recovery, inspection, preventive, imperfect_repair, costs)',
      'components.a must have the key "failure"',
    ]);
  });
});

describe('common-cause groups written with beta and without a name (the maintenance contract)', () => {
  it('beta: β is factors: [β], and a group needs no name', () => {
    const written = pair(0.01, 10, 0.1);
    const short = written.replace(
      "{ name: pumps, members: ['pump[1]', 'pump[2]'], model: beta-factor, factors: [0.1] }",
      '{ members: [pump], model: beta-factor, beta: 0.1 }',
    );
    expect(short).not.toBe(written);
    const a = solveWith(loadModel(written), 'analytic');
    const b = solveWith(loadModel(short), 'analytic');
    expect(b.measures).toEqual(a.measures);
  });

  it('in a fault tree too: beta: β is factors: [β]', () => {
    const tree = (group: string): string => `name: t
events:
  a: { probability: 0.01 }
  b: { probability: 0.01 }
fault_tree: { top: both, gates: { both: { and: [a, b] } } }
common_cause:
  - ${group}
`;
    const a = solveWith(
      loadModel(tree('{ name: ab, members: [a, b], model: beta-factor, factors: [0.2] }')),
      'analytic',
    );
    const b = solveWith(
      loadModel(tree('{ members: [a, b], model: beta-factor, beta: 0.2 }')),
      'analytic',
    );
    expect(b.measures.topEventProbability).toBe(a.measures.topEventProbability);
    // P = q_c + (1 − q_c)·q₁², q_c = βq, q₁ = (1 − β)q
    expectRelClose(b.measures.topEventProbability as number, 0.002 + 0.998 * 0.008 ** 2, 1e-14);
  });

  it('refuses beta with factors, beta on another model, and neither, each at its path', () => {
    expect(
      messages(`name: g
components:
  a: { count: 3, failure: { rate: 1e-3 }, repair: { mttr: 5 } }
  b: { count: 2, failure: { rate: 1e-3 }, repair: { mttr: 5 } }
  c: { count: 2, failure: { rate: 1e-3 }, repair: { mttr: 5 } }
  d: { count: 2, failure: { rate: 1e-3 }, repair: { mttr: 5 } }
system: { series: [{ parallel: [a] }, { parallel: [b] }, { parallel: [c] }, { parallel: [d] }] }
common_cause:
  - { members: [a], model: MGL, beta: 0.1 }
  - { members: [b], model: beta-factor, beta: 0.1, factors: [0.1] }
  - { members: [c], model: beta-factor }
  - { members: [d], model: beta-factor, beta: 1.5 }
`),
    ).toEqual([
      'common_cause[0].beta is the one factor of a beta-factor group; a MGL group lists its factors under factors',
      'common_cause[1] must give beta or factors, not both',
      'common_cause[2] must give beta (or factors: [β])',
      'common_cause[3].beta must be a probability in [0, 1]; got 1.5',
    ]);
  });

  it('names a group without a name by its place in messages', () => {
    expect(
      messages(`name: g
components:
  a: { count: 2, failure: { rate: 1e-3 }, repair: { mttr: 5 } }
system: { parallel: [a] }
common_cause:
  - { members: [a], model: beta-factor, beta: 0.1 }
  - { members: ['a[1]', x], model: beta-factor, beta: 0.1 }
`)[0],
    ).toMatch(/"a\[1\]" is already in the common-cause group common_cause #1/);
  });
});
