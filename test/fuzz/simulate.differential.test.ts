/**
 * Differential testing of the simulator against the closed forms over random models with
 * non-exponential laws (test/helpers/randomRenewalModel.ts): independent repairable units under
 * series, parallel and k-of-n structures, lives and repairs exponential, Weibull, lognormal,
 * gamma, uniform or (repairs) deterministic. Each unit is an alternating renewal process, so its
 * long-run unavailability E[R]/(E[X] + E[R]) depends on its laws only through their means, and
 * the units are independent: `analyze` gives the steady measures exactly, whatever the laws
 * (held here too: U and ω of the system against a brute-force sum over the 2ⁿ unit states of the
 * generator's own structure function, 1e-9 relative).
 *
 * Per model: one seeded simulation of the steady measures at the default horizon (10 × the
 * slowest time scale; a quarter of the models at 4 × that), with replications chosen from the
 * exact failure frequency ω for about 3000 system failures, within an events budget of 6e5;
 * then every steady measure is judged as `relkit check` judges it (compareRuns of
 * src/solve/compareRuns.ts against the analytic run): PASS, INCONCLUSIVE (with the simulator's
 * reason, or fewer than 30 events), or DIFF.
 *
 * What is asserted, and the false-failure probability of a correct simulator:
 *
 * 1. The exact solver: analyze's U and ω equal the brute-force sum (deterministic).
 * 2. False alarms: a model's steady measures all come from one estimator, so their DIFFs come
 *    together (U, A and nines are one number); the unit counted is the model with a DIFF. Its
 *    probability is at most α = 1e-4 (check's rate per measure) times its conclusive measures
 *    (union bound), the models are independent, and their count must be at most the Poisson
 *    quantile at 1 − 1e-3 of the summed bound (`poissonUpper` of test/sim/zoo.ts, as the
 *    coverage study does): false-failure probability ≤ 1e-3.
 * 3. The test has power: at least half of all steady measures are conclusive (a simulator that
 *    called everything inconclusive would pass 2 vacuously); deterministic given the seeds.
 * 4. Power: against exact values 10 % off (U, ω, MTBF, MUT, MDT; A and nines moved with U), every
 *    conclusive comparison whose interval puts the shift at least 3.89 + 3 standard errors away
 *    must be DIFF, but for at most 5 % of them (each is missed with probability Φ(−3) ≈ 1.3e-3
 *    by a correct simulator), and there must be at least a fifth as many of those as models.
 *
 * Measured (seeds 1–300, the default): 300 models in 16 s of simulation, verdicts PASS 1124,
 * DIFF 1, INCONCLUSIVE 835, left out 140 (no system failure seen); the one DIFF is seed 72's
 * nines at z = −3.89, its U passing (a false alarm at the edge). Seeds 20 000–24 999: 20 models
 * with a DIFF when this test was written; 17 since units of one type that stay in step are
 * inconclusive (src/sim/phaseMemory.ts; PASS 19 412, DIFF 44, INCONCLUSIVE 13 469, left out
 * 2 075), beyond the bound of 8, so a long run fails on defects of the estimators that are still
 * open:
 * - a lone unit of nearly periodic cycles: its time average over a window of ten cycles depends
 *   on where the window ends, the same in every replication (seed 24757, z = −99); units of the
 *   same type in step are caught (seed 23543, two uniform(9.8, 11.1) lives in parallel, U 3.3
 *   times the exact value at z = 39, is now inconclusive);
 * - a heavy-tailed repair (lognormal σ ≥ 2) whose sample has not seen the part of the law that
 *   holds much of its mean: U low with an interval that does not cover, often in runs made
 *   conclusive by many short outages of other units (seeds 21024, 22747, 23469, 23667, 24142);
 * - batch means over few replications (2 to 23): long repairs span several batches, so the
 *   batches are neither independent nor as many events as they count, and the interval is up
 *   to 3 times too narrow (seeds 21469, 22915, 21902, 23800);
 * - not yet classified: seeds 21406 (nines, z = −4.1), 22080 (MDT, z = −4.8), 22302, 23510 (ω,
 *   z = −4.9);
 * and false alarms at the edge (seeds 20337, 22353, 24293: |z| < 4; 24293 reran 200 times:
 * none beyond 3.89).
 *
 * Run `npx vitest run test/fuzz/simulate.differential.test.ts`: SIMDIFF_COUNT models (default
 * 300, about 20 s on one core) from seed SIMDIFF_START (default 1); `SIMDIFF_SEED=17,42` reruns
 * those seeds and prints their texts and verdicts; `SIMDIFF_REPORT=/tmp/simdiff.json` writes every
 * model's verdicts; SIMDIFF_EVENTS sets the events budget of one model (default 6e5). A long run:
 * `SIMDIFF_COUNT=5000 SIMDIFF_START=20000 SIMDIFF_REPORT=/tmp/simdiff.json npx vitest run
 * test/fuzz/simulate.differential.test.ts` (about 4 minutes).
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, loadModel, simulate } from '../../src/index.js';
import type { Model } from '../../src/model/Model.js';
import type { Result } from '../../src/model/Result.js';
import { defaultHorizon } from '../../src/model/timeScales.js';
import { STEADY_MEASURES } from '../../src/sim/types.js';
import type { Comparison } from '../../src/solve/compareResults.js';
import { ALPHA } from '../../src/solve/compareResults.js';
import { compareRuns } from '../../src/solve/compareRuns.js';
import { randomRenewalModel, type RandomRenewalModel } from '../helpers/randomRenewalModel.js';
import { seedsFromEnv } from '../helpers/seedsFromEnv.js';
import { testRng } from '../helpers/testRng.js';
import { poissonUpper } from '../sim/zoo.js';

const SEEDS = seedsFromEnv('SIMDIFF', 300);
const LISTED = process.env.SIMDIFF_SEED !== undefined;
const REPORT = process.env.SIMDIFF_REPORT;
/** Unit failures and repairs one model's simulation may cost (about 0.2 s). */
const EVENT_BUDGET = Number(process.env.SIMDIFF_EVENTS ?? 6e5);
/** System failures aimed at, so that a 10 % error is several standard errors. */
const TARGET_FAILURES = 3000;
/** Family-wise false-failure probability of assertion 2. */
const FAMILY_ALPHA = 1e-3;
/** Shift (in standard errors) beyond which the power check expects a DIFF. */
const POWER_SHIFT = 3.89 + 3;
/** The wrong exact values of the power check: 10 % off. */
const WRONG = 1.1;
/** Agreement of analyze with the brute-force sum. */
const EXACT_REL = 1e-9;
/** The first test runs every model: its time budget grows with their number. */
const RUN_MS = 60_000 + SEEDS.length * 2_000;

/** One steady measure's verdict, as check gives it. */
interface Verdict {
  readonly measure: string;
  readonly verdict: 'PASS' | 'DIFF' | 'INCONCLUSIVE' | 'ABSENT';
  readonly value?: number;
  readonly exact?: number;
  readonly ci95?: readonly [number, number];
  readonly z?: number;
  readonly events?: number;
  readonly reason?: string;
}

/** What happened to one model. */
interface Outcome {
  readonly seed: number;
  readonly text: string;
  readonly features: readonly string[];
  readonly regenerative: boolean;
  /** The largest coefficient of variation of the model's laws. */
  readonly largestCv: number;
  readonly replications: number;
  readonly horizon: number;
  readonly events: number;
  readonly ms: number;
  /** Deterministic problems (the exact solver off, a measure missing without a warning). */
  readonly problems: string[];
  readonly verdicts: readonly Verdict[];
  /** The verdicts against exact values 10 % off, with the shift in standard errors. */
  readonly power: readonly { measure: string; verdict: string; shift: number }[];
}

function relative(a: number, b: number): number {
  return a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}

/**
 * U and ω of the system by brute force over the 2ⁿ unit states: U = Σ_{x down} Π p(xᵢ), and
 * ω = Σᵢ νᵢ P(unit i is critical), νᵢ = 1/(E[Xᵢ] + E[Rᵢ]) the unit's cycle rate (Rausand &
 * Høyland, System Reliability Theory, 2nd ed., §5.5, failure frequency of a coherent system).
 */
function bruteForce(generated: RandomRenewalModel): { u: number; omega: number } {
  const { units, isUp } = generated;
  const n = units.length;
  const up = units.map((unit) => unit.life / (unit.life + unit.repair));
  let u = 0;
  let omega = 0;
  for (let mask = 0; mask < 2 ** n; mask++) {
    const state = units.map((_, i) => (mask & (1 << i)) !== 0);
    let p = 1;
    state.forEach((s, i) => (p *= s ? up[i]! : 1 - up[i]!)); // i < n by construction
    if (!isUp(state)) u += p;
    units.forEach((unit, i) => {
      // Unit i up in this state and critical: the system goes down when it fails.
      if (!state[i] || !isUp(state)) return;
      const failed = state.map((s, j) => (j === i ? false : s));
      if (isUp(failed)) return;
      omega += p / up[i]! / (unit.life + unit.repair); // p/upᵢ = P(the others' state)
    });
  }
  return { u, omega };
}

/** An exact result with the steady measures 10 % off (A and nines follow U). */
function wrongResult(exact: Result): Result {
  const m = exact.measures as Record<string, number>;
  const u = m.steadyUnavailability! * WRONG;
  const measures = {
    steadyUnavailability: u,
    steadyAvailability: 1 - u,
    nines: -Math.log10(u),
    failureFrequency: m.failureFrequency! * WRONG,
    mtbf: m.mtbf! / WRONG,
    mut: m.mut! * WRONG,
    mdt: m.mdt! * WRONG,
  };
  return { ...exact, measures };
}

/** The simulation's comparisons with one exact run, as check makes them. */
function simulationComparisons(
  result: Parameters<typeof compareRuns>[0],
  exact: Result,
): Comparison[] {
  return compareRuns(result, [{ method: 'analytic', result: exact }]).comparisons.filter(
    (c) => c.kind === 'simulation',
  );
}

/** The horizon and replications of a seed's run (see the header). */
function design(
  generated: RandomRenewalModel,
  model: Model,
  omega: number,
): { horizon: number; replications: number } {
  const rng = testRng(generated.seed ^ 0x2545f491);
  const horizon = defaultHorizon(model) * (rng.next() < 0.25 ? 4 : 1);
  const perReplication = generated.units.reduce(
    (sum, unit) => sum + (2 * horizon) / (unit.life + unit.repair),
    0,
  );
  const wanted = Math.ceil(TARGET_FAILURES / (omega * horizon));
  const affordable = Math.floor(EVENT_BUDGET / perReplication);
  return { horizon, replications: Math.max(1, Math.min(wanted, affordable, 5000)) };
}

function checkSeed(seed: number): Outcome {
  const started = performance.now();
  const generated = randomRenewalModel(seed);
  const model = loadModel(generated.text, { file: `renewal-${seed}.yaml` });
  const problems: string[] = [];
  const exact = analyze(model);
  const m = exact.measures as Record<string, number | undefined>;
  const brute = bruteForce(generated);
  for (const [name, value, expected] of [
    ['steadyUnavailability', m.steadyUnavailability, brute.u],
    ['failureFrequency', m.failureFrequency, brute.omega],
  ] as const) {
    if (value === undefined || !(relative(value, expected) <= EXACT_REL)) {
      problems.push(`analyze ${name} ${value} vs brute force ${expected}`);
    }
  }
  const { horizon, replications } = design(generated, model, brute.omega);
  const result = simulate(model, {
    seed,
    replications,
    horizon,
    measures: STEADY_MEASURES,
  });
  const comparisons = simulationComparisons(result, exact);
  const verdicts: Verdict[] = STEADY_MEASURES.map((measure) => {
    const c = comparisons.find((x) => x.measure === measure);
    if (!c) {
      if (!result.warnings.some((w) => w.includes(measure))) {
        problems.push(`${measure} left out without a warning`);
      }
      return { measure, verdict: 'ABSENT', reason: 'left out (warning)' };
    }
    return {
      measure,
      verdict: c.verdict,
      value: c.value,
      exact: c.exact,
      ...(c.ci95 && { ci95: c.ci95 }),
      z: c.statistic,
      ...(c.events !== undefined && { events: c.events }),
      ...(c.reason !== undefined && { reason: c.reason }),
    };
  });
  const power = simulationComparisons(result, wrongResult(exact))
    .filter((c) => c.verdict !== 'INCONCLUSIVE' && c.ci95)
    .map((c) => {
      const se = Math.max(c.value - c.ci95![0], c.ci95![1] - c.value) / 1.959963984540054;
      const right = comparisons.find((x) => x.measure === c.measure)!;
      return {
        measure: c.measure,
        verdict: c.verdict,
        shift: Math.abs(c.exact - right.exact) / se,
      };
    });
  return {
    seed,
    text: generated.text,
    features: generated.features,
    regenerative: generated.regenerative,
    largestCv: generated.largestCv,
    replications,
    horizon,
    events: result.events,
    ms: performance.now() - started,
    problems,
    verdicts,
    power,
  };
}

/** A reason with its numbers blanked, cut at its first clause: a class of reasons. */
function reasonClass(reason: string): string {
  return reason
    .replace(/\b(the )?(life|repair time) of c\d+/, 'the $2 of a unit')
    .replace(/[\d.]+(e[+-]?\d+)?/g, '#')
    .split(/[:;(]/)[0]!
    .trim();
}

function describeVerdict(o: Outcome, v: Verdict): string {
  const ci = v.ci95 ? ` [${v.ci95[0].toPrecision(4)}, ${v.ci95[1].toPrecision(4)}]` : '';
  return `seed ${o.seed} ${v.measure} ${v.verdict}: ${v.value?.toPrecision(6)}${ci} vs exact ${v.exact?.toPrecision(6)}, z ${v.z?.toFixed(2)}, events ${v.events ?? '-'}${v.reason ? `, ${v.reason}` : ''}`;
}

let outcomes: Outcome[] | undefined;
function run(): Outcome[] {
  if (outcomes) return outcomes;
  outcomes = SEEDS.map(checkSeed);
  if (REPORT) writeFileSync(REPORT, JSON.stringify(outcomes, null, 1));
  return outcomes;
}

/** Counts and the text of the summary. */
function summary(all: readonly Outcome[]): {
  counts: Record<string, number>;
  conclusive: number;
  diffModels: Outcome[];
  text: string;
} {
  const counts: Record<string, number> = { PASS: 0, DIFF: 0, INCONCLUSIVE: 0, ABSENT: 0 };
  const reasons = new Map<string, number>();
  let conclusive = 0;
  for (const o of all) {
    for (const v of o.verdicts) {
      counts[v.verdict]!++;
      if (v.verdict === 'PASS' || v.verdict === 'DIFF') conclusive++;
      if (v.reason)
        reasons.set(reasonClass(v.reason), (reasons.get(reasonClass(v.reason)) ?? 0) + 1);
    }
  }
  const diffModels = all.filter((o) => o.verdicts.some((v) => v.verdict === 'DIFF'));
  const seconds = all.reduce((s, o) => s + o.ms, 0) / 1000;
  // Light: every law's coefficient of variation at most 1 (no tail heavier than exponential).
  const light = all.filter((o) => o.largestCv <= 1);
  const lightTail = light.filter((o) => o.verdicts.some((v) => v.reason?.includes('heavy tail')));
  const lines = [
    `${all.length} models, ${seconds.toFixed(1)} s, ${all.reduce((s, o) => s + o.events, 0)} events`,
    `verdicts: ${Object.entries(counts)
      .map(([k, n]) => `${k} ${n}`)
      .join(
        ', ',
      )}; models with a DIFF ${diffModels.length} (${diffModels.filter((o) => o.largestCv <= 1).length} of them light)`,
    `light models (every law's CV ≤ 1): ${light.length}, called heavy-tailed: ${lightTail.length}`,
    ...[...reasons].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `  ${n} × ${reason}`),
  ];
  return { counts, conclusive, diffModels, text: lines.join('\n') };
}

describe('simulator vs closed forms over random renewal models', () => {
  if (LISTED) {
    it('the listed seeds', { timeout: RUN_MS }, () => {
      for (const o of run()) {
        console.log(
          `seed ${o.seed}: ${o.replications} replications, T ${o.horizon.toPrecision(4)}, ${o.events} events, ${o.ms.toFixed(0)} ms\n${o.text}${o.verdicts.map((v) => describeVerdict(o, v)).join('\n')}\n${o.problems.join('\n')}`,
        );
      }
    });
  }

  it(
    'analyze gives the exact steady measures (brute force over unit states)',
    () => {
      const problems = run().flatMap((o) =>
        o.problems.map((p) => `seed ${o.seed}: ${p}\n${o.text}`),
      );
      expect(problems).toEqual([]);
    },
    RUN_MS,
  );

  it('no more models with a DIFF than check’s false-alarm rate allows', () => {
    const all = run();
    const { conclusive, diffModels, text } = summary(all);
    const allowed = poissonUpper(ALPHA * conclusive, FAMILY_ALPHA);
    console.log(text);
    const detail = diffModels
      .map(
        (o) =>
          `${o.text}${o.verdicts
            .filter((v) => v.verdict === 'DIFF')
            .map((v) => describeVerdict(o, v))
            .join('\n')}`,
      )
      .join('\n\n');
    expect(
      diffModels.length,
      `${diffModels.length} models with a DIFF; ${conclusive} conclusive measures allow ${allowed}\n${text}\n\n${detail}`,
    ).toBeLessThanOrEqual(allowed);
  });

  it('at least half of the steady measures are conclusive', () => {
    const all = run();
    const { conclusive, text } = summary(all);
    const total = all.length * STEADY_MEASURES.length;
    expect(conclusive, text).toBeGreaterThanOrEqual(LISTED ? 0 : total / 2);
  });

  it('power: exact values 10 % off give DIFF where the intervals are narrow enough', () => {
    const all = run();
    const strong = all.flatMap((o) =>
      o.power.filter((p) => p.shift >= POWER_SHIFT).map((p) => ({ seed: o.seed, ...p })),
    );
    const missed = strong.filter((p) => p.verdict !== 'DIFF');
    expect(missed.length, JSON.stringify(missed)).toBeLessThanOrEqual(0.05 * strong.length);
    if (!LISTED) expect(strong.length).toBeGreaterThanOrEqual(all.length / 5);
  });
});
