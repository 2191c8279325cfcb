/**
 * relkit check: the verdict logic on synthetic estimates (no simulation), then the real binary:
 * PASS on an example model, DIFF (exit 1) against a wrong reference, INCONCLUSIVE (exit 3) when
 * nothing can be compared. End-to-end runs assert verdicts and exit codes, not simulated digits.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHECK_HELP, checkReport } from '../../src/cli/check.js';
import {
  compareEstimate,
  compareExact,
  compareSimulated,
  MIN_EVENTS,
  summarizeComparisons,
  Z_CAP,
  type Comparison,
} from '../../src/solve/compareResults.js';
import type { ExactRun } from '../../src/solve/solveEach.js';
import { EXIT } from '../../src/cli/io.js';
import type { Estimate, Measures, Result } from '../../src/model/Result.js';
import type { SimulationResult } from '../../src/sim/types.js';
import { relkit, ROOT, requireBuiltCli, scratch } from '../helpers/cli.js';

/** A simulation result holding only `measures`, at horizon 100, for {@link checkReport}. */
function simulated(measures: Measures, horizon = 100): SimulationResult {
  return {
    method: 'simulation',
    model: { name: 'synthetic', hash: '0123456789abcdef' },
    timeUnit: 'h',
    horizon,
    measures,
    warnings: [],
    replications: 1000,
    events: 0,
    eventsPerThreadSecond: 0,
    eventsPerSecond: 0,
    seed: 1,
    generator: 'test',
    criticality: [],
  };
}

/** An exact run of `method` giving `measures` at horizon 100. */
function solved(method: string, measures: Measures, horizon = 100): ExactRun {
  const result: Result = {
    method: 'analytic',
    model: { name: 'synthetic', hash: '0123456789abcdef' },
    timeUnit: 'h',
    horizon,
    measures,
    warnings: [],
  };
  return { method, result };
}

/** Every number anywhere in a parsed JSON value (null stands for a lost Infinity or NaN). */
function numbersIn(value: unknown): unknown[] {
  if (value === null || typeof value === 'number') return [value];
  if (typeof value !== 'object') return [];
  return Object.values(value as object).flatMap(numbersIn);
}

/** A simulated comparison with the given verdict, for the overall verdict. */
function verdictOf(
  verdict: Comparison['verdict'],
  kind: Comparison['kind'] = 'simulation',
  events?: number,
): Comparison {
  return {
    measure: 'mttf',
    kind,
    methods: ['simulation', 'analytic'],
    value: 1,
    exact: 1,
    statistic: 0,
    threshold: 3.89,
    verdict,
    ...(events !== undefined && { events }),
    ...(verdict === 'INCONCLUSIVE' && { reason: 'test' }),
  };
}

describe('check comparison of one simulated scalar', () => {
  const compare = (estimate: Estimate & { restrictedTo?: number }, exact: number): Comparison =>
    compareEstimate('mttf', estimate, exact, 'analytic')!;

  it('passes within 3.89 standard errors and differs beyond, on enough events', () => {
    // SE = 1.96/1.96 = 1: z = 2 and z = 5.
    expect(compare({ mean: 102, ci95: [100.04, 103.96], events: 500 }, 100)).toMatchObject({
      verdict: 'PASS',
      events: 500,
    });
    const diff = compare({ mean: 105, ci95: [103.04, 106.96], events: 500 }, 100);
    expect(diff.verdict).toBe('DIFF');
    expect(diff.statistic).toBeCloseTo(5, 3);
    expect(diff.reason).toBeUndefined();
  });

  it('is INCONCLUSIVE on zero events, even with a zero-width interval far off', () => {
    const c = compare({ mean: 0, ci95: [0, 0], events: 0 }, 1e-6);
    expect(c.verdict).toBe('INCONCLUSIVE');
    expect(c.reason).toMatch(/no events observed \(a verdict needs at least 30\)/);
    expect(c.reason).toMatch(/at least 10× the replications or a longer horizon/);
    expect(Number.isFinite(c.statistic)).toBe(true);
  });

  it(`is INCONCLUSIVE below ${MIN_EVENTS} events and says how many times more would do`, () => {
    const c = compare({ mean: 150, ci95: [100, 200], events: 6 }, 100);
    expect(c.verdict).toBe('INCONCLUSIVE');
    expect(c.reason).toBe(
      'rests on 6 events (a verdict needs at least 30): about 5× the replications or a 5× longer horizon',
    );
    // Far off, but still too few events to say DIFF.
    expect(compare({ mean: 1000, ci95: [999, 1001], events: 29 }, 100).verdict).toBe(
      'INCONCLUSIVE',
    );
    expect(compare({ mean: 1000, ci95: [999, 1001], events: 30 }, 100).verdict).toBe('DIFF');
  });

  it("is INCONCLUSIVE with the simulator's own reason when `inconclusive` is set", () => {
    const reason = 'the horizon is shorter than 10 × the slowest repair; use --horizon 1e5';
    const c = compare({ mean: 5, ci95: [4.9, 5.1], events: 1000, inconclusive: reason }, 100);
    expect(c).toMatchObject({ verdict: 'INCONCLUSIVE', reason });
    expect(c.statistic).toBe(-Z_CAP);
  });

  it('never writes an infinite z for a zero-width interval off the exact value', () => {
    // Enough events: DIFF, with z clamped to the finite +99.
    const many = compare({ mean: 1, ci95: [1, 1], events: 200 }, 0.999);
    expect(many).toMatchObject({ verdict: 'DIFF', statistic: Z_CAP });
    // Few events, or none stated: INCONCLUSIVE.
    expect(compare({ mean: 1, ci95: [1, 1], events: 3 }, 0.999).verdict).toBe('INCONCLUSIVE');
    const unknown = compare({ mean: 1, ci95: [1, 1] }, 0.999);
    expect(unknown.verdict).toBe('INCONCLUSIVE');
    expect(unknown.reason).toMatch(/zero width.*at least 30 events/);
    // On the exact value (or within a relative 1e-9 of it): z = 0, PASS.
    expect(compare({ mean: 1, ci95: [1, 1], events: 200 }, 1 - 1e-15)).toMatchObject({
      verdict: 'PASS',
      statistic: 0,
    });
    for (const c of [many, unknown]) expect(Number.isFinite(c.statistic)).toBe(true);
  });

  it('takes SE from the longer side of an interval cut short by a bound of the measure', () => {
    // An unavailability 2e-9 ± 4e-9 clamped at 0: SE = 4e-9/1.96, z = 1e-9/(4e-9/1.96) = 0.49.
    const c = compare({ mean: 2e-9, ci95: [0, 6e-9], events: 40 }, 1e-9);
    expect(c.statistic).toBeCloseTo(0.49, 2);
    expect(c.verdict).toBe('PASS');
  });

  it('holds restrictedMttf one-sidedly against the exact MTTF', () => {
    const restricted = {
      mean: 900,
      ci95: [880.4, 919.6] as const,
      events: 400,
      restrictedTo: 2000,
    };
    // The exact MTTF above E[min(T1, τ)]: only a lower bound, never PASS.
    const above = compare(restricted, 1500);
    expect(above).toMatchObject({ verdict: 'INCONCLUSIVE', restrictedTo: 2000 });
    expect(above.reason).toMatch(/^the simulation only bounds the MTTF from below/);
    // Below it by 2 SE (SE = 10): still consistent.
    expect(compare(restricted, 880).verdict).toBe('INCONCLUSIVE');
    // Below it by 10 SE: the exact MTTF cannot be right.
    const below = compare(restricted, 800);
    expect(below.verdict).toBe('DIFF');
    expect(below.statistic).toBeCloseTo(10, 3);
  });

  it('pairs restrictedMttf with the exact mttf and names it in the report', () => {
    const report = checkReport(
      simulated({
        restrictedMttf: { mean: 900, ci95: [880.4, 919.6], events: 400, restrictedTo: 2000 },
      }),
      [solved('analytic', { mttf: 800 })],
    );
    expect(report.verdict).toBe('DIFF');
    expect(report.text).toMatch(
      /^ {2}restrictedMttf\(tau=2000\) +800 +900 \(.*\) +10\.00 +DIFF vs analytic$/m,
    );
  });
});

describe('check comparison of curves and exact pairs', () => {
  it('writes a finite z when the exact probability is 0 or 1 and the simulation differs', () => {
    const c = compareSimulated(
      'reliability',
      { t: [0, 10], values: [1, 0.9] },
      { t: [0, 10], values: [1, 1] },
      100,
      'markov',
    )!;
    expect(c).toMatchObject({ verdict: 'DIFF', statistic: -Z_CAP, t: 10 });
  });

  it('counts only the times both curves have, and tests nothing where they meet at 0 or 1 alone', () => {
    // A reference curve on other times than the simulation's meets it at t = 0 only, where R = 1
    // for both: before, PASS "21 times" even with R(t) = 0 in the reference after t = 0.
    const simulatedCurve = { t: [0, 250, 500], values: [1, 0.9, 0.8] };
    const alone = compareSimulated(
      'reliability',
      simulatedCurve,
      { t: [0, 19.23, 38.46], values: [1, 0, 0] },
      300,
      'reference',
    )!;
    expect(alone).toMatchObject({ verdict: 'INCONCLUSIVE', points: 1 });
    expect(alone.reason).toMatch(/share one time of the simulation's 3.*--horizon, --grid/);
    // Two shared times, one of them informative: judged on those two.
    const some = compareSimulated(
      'reliability',
      simulatedCurve,
      { t: [0, 250], values: [1, 0.2] },
      300,
      'reference',
    )!;
    expect(some).toMatchObject({ verdict: 'DIFF', points: 2, t: 250 });
  });

  it('compares only finite exact values (a reference may hold null for Infinity)', () => {
    expect(
      compareExact(
        'mttf',
        { method: 'analytic', value: 5 },
        { method: 'reference', value: null as never },
      ),
    ).toBeUndefined();
    expect(
      compareExact(
        'mttf',
        { method: 'analytic', value: Infinity },
        { method: 'markov', value: Infinity },
      ),
    ).toBeUndefined();
    expect(
      compareSimulated('mttf', { mean: 1, ci95: [0, 2] }, Infinity, 10, 'markov'),
    ).toBeUndefined();
  });
});

describe('check overall verdict', () => {
  it('is DIFF when any comparison differs, whatever else is inconclusive', () => {
    expect(
      summarizeComparisons([
        verdictOf('PASS'),
        verdictOf('INCONCLUSIVE', 'simulation', 2),
        verdictOf('DIFF'),
      ]),
    ).toEqual({ verdict: 'DIFF', line: 'DIFF: 1 of 3 comparisons differ' });
  });

  it('is INCONCLUSIVE, never PASS, when nothing was compared', () => {
    const summary = summarizeComparisons([]);
    expect(summary.verdict).toBe('INCONCLUSIVE');
    expect(summary.line).toMatch(/^INCONCLUSIVE: nothing was compared: .*--reference FILE/);
  });

  it('is INCONCLUSIVE when every simulation comparison is, even if the exact ones agree', () => {
    const summary = summarizeComparisons([
      verdictOf('INCONCLUSIVE', 'simulation', 3),
      verdictOf('INCONCLUSIVE', 'simulation', 12),
      verdictOf('PASS', 'exact'),
    ]);
    expect(summary.verdict).toBe('INCONCLUSIVE');
    expect(summary.line).toBe(
      'INCONCLUSIVE: none of the 2 simulation-vs-exact comparisons supports a verdict: 2 rest on too few events (fewest: mttf, rests on 3 events (a verdict needs at least 30): about 10× the replications or a 10× longer horizon)',
    );
    // Only exact-vs-exact comparisons: the simulation was not checked.
    expect(summarizeComparisons([verdictOf('PASS', 'exact')]).verdict).toBe('INCONCLUSIVE');
  });

  it('is PASS when some comparisons agree and the rest are inconclusive, listing them', () => {
    expect(summarizeComparisons([verdictOf('PASS'), verdictOf('PASS', 'exact')])).toEqual({
      verdict: 'PASS',
      line: 'PASS: all 2 comparisons agree',
    });
    expect(
      summarizeComparisons([verdictOf('PASS'), verdictOf('INCONCLUSIVE', 'simulation', 0)]).line,
    ).toBe('PASS: all 1 conclusive comparisons agree; 1 of 2 inconclusive (mttf)');
  });
});

describe('check report on synthetic results', () => {
  it('exits 3 (INCONCLUSIVE) when only the simulator solves the model', () => {
    const simulation = simulated({ mttf: { mean: 10, ci95: [9, 11], events: 1000 } });
    const exact: ExactRun[] = [
      { method: 'analytic', skipped: 'analytic: units are dependent' },
      { method: 'markov', skipped: 'markov: a weibull failure time' },
    ];
    const text = checkReport(simulation, exact);
    expect(text).toMatchObject({ verdict: 'INCONCLUSIVE', exitCode: 3 });
    expect(EXIT.inconclusive).toBe(3);
    expect(text.text).toMatch(/simulation only \(no exact value\): mttf$/m);
    expect(text.text).toMatch(/\nINCONCLUSIVE: nothing was compared: [^\n]*\n$/);
    const json = JSON.parse(checkReport(simulation, exact, true).text);
    expect(json).toMatchObject({ verdict: 'INCONCLUSIVE', comparisons: [] });
  });

  it('ends with the verdict line, after the notes; exit 0 on PASS and 1 on DIFF', () => {
    const simulation = {
      ...simulated({ mttf: { mean: 10, ci95: [9.8, 10.2], events: 1000 } }),
      warnings: ['a warning of the simulator'],
    };
    const pass = checkReport(simulation, [solved('analytic', { mttf: 10.1 })]);
    expect(pass).toMatchObject({ verdict: 'PASS', exitCode: 0 });
    expect(pass.text).toMatch(
      / {2}note: a warning of the simulator\n\nPASS: all 1 comparisons agree\n$/,
    );
    const diff = checkReport(simulation, [solved('analytic', { mttf: 12 })]);
    expect(diff).toMatchObject({ verdict: 'DIFF', exitCode: 1 });
    expect(diff.text).toMatch(/^ {2}mttf +12 +10 \(9\.8 to 10\.2\) +-19\.60 +DIFF vs analytic$/m);
    expect(diff.text).toMatch(/\nDIFF: 1 of 1 comparisons differ\n$/);
    // A zero-width interval off the exact value on many events: z shown as <-99, JSON -99.
    const flat = simulated({ mttf: { mean: 10, ci95: [10, 10], events: 1000 } });
    const clamped = checkReport(flat, [solved('analytic', { mttf: 12 })]);
    expect(clamped.exitCode).toBe(1);
    expect(clamped.text).toMatch(/^ {2}mttf +12 +10 \(10 to 10\) +<-99 +DIFF vs analytic$/m);
    const clampedJson = JSON.parse(
      checkReport(flat, [solved('analytic', { mttf: 12 })], true).text,
    );
    expect(clampedJson.comparisons[0]).toMatchObject({ statistic: -99, verdict: 'DIFF' });
  });

  it('writes only finite numbers for an always-up system, and does not call it DIFF', () => {
    // A system that never fails: nothing down, zero-width intervals on the exact values, the
    // exact MTTF and nines infinite (left out by the solvers, null in a reference file).
    const simulation = simulated({
      reliability: { t: [0, 50, 100], values: [1, 1, 1], lo: [0.99, 0.99, 0.99], hi: [1, 1, 1] },
      steadyUnavailability: { mean: 0, ci95: [0, 0], events: 0 },
      steadyAvailability: { mean: 1, ci95: [1, 1], events: 0 },
      intervalAvailability: { mean: 1, ci95: [1, 1] },
      failureFrequency: { mean: 0, ci95: [0, 0] },
    });
    const exact = [
      solved('analytic', {
        reliability: { t: [0, 50, 100], values: [1, 1, 1] },
        steadyUnavailability: 0,
        steadyAvailability: 1,
        intervalAvailability: 1,
        failureFrequency: 0,
      }),
      {
        method: 'reference',
        result: {
          ...solved('x', {}).result!,
          measures: { mttf: null, nines: null, steadyAvailability: 1 } as unknown as Measures,
        },
      },
    ];
    const report = checkReport(simulation, exact);
    expect(report.verdict).toBe('PASS');
    expect(report.exitCode).toBe(0);
    expect(report.text).not.toMatch(/Infinity|NaN/);
    expect(report.text).toMatch(
      /^ {4}steadyAvailability vs analytic, reference: no events observed \(a verdict needs at least 30\)/m,
    );
    const json = JSON.parse(checkReport(simulation, exact, true).text);
    for (const comparison of json.comparisons) {
      for (const value of numbersIn(comparison)) expect(Number.isFinite(value)).toBe(true);
    }
    expect(json.comparisons.map((c: Comparison) => c.verdict)).not.toContain('DIFF');
    // 0 events: steadyUnavailability and steadyAvailability against analytic, steadyAvailability
    // against the reference.
    const inconclusive = json.comparisons.filter((c: Comparison) => c.verdict === 'INCONCLUSIVE');
    expect(inconclusive).toHaveLength(3);
    expect(report.text).toMatch(
      /\nPASS: all \d+ conclusive comparisons agree; 3 of \d+ inconclusive/,
    );
  });

  it('compares intervalAvailability only with an exact result at the simulation horizon', () => {
    const simulation = simulated({ intervalAvailability: { mean: 0.99, ci95: [0.98, 1] } }, 100);
    const report = checkReport(simulation, [
      solved('analytic', { intervalAvailability: 0.995 }, 100),
      solved('reference', { intervalAvailability: 0.5 }, 1000),
    ]);
    expect(report.verdict).toBe('PASS');
    expect(report.text).toMatch(
      /note: intervalAvailability vs reference not compared: its horizon \(1000\) is not the simulation's 100$/m,
    );
  });

  it('documents every exit code in --help', () => {
    expect(CHECK_HELP).toMatch(
      /Exit codes: 0 PASS; 1 DIFF, or an invalid model.*; 2 .*; 3 INCONCLUSIVE; 64 .*\n130 interrupted/s,
    );
  });

  it('keeps the JSON fields other tools read and adds reason to INCONCLUSIVE comparisons', () => {
    const report = JSON.parse(
      checkReport(
        simulated({ mttf: { mean: 10, ci95: [9, 11], events: 4 } }),
        [solved('analytic', { mttf: 10 })],
        true,
      ).text,
    );
    for (const key of [
      'model',
      'replications',
      'seed',
      'rule',
      'comparisons',
      'verdict',
      'exact',
      'simulation',
    ]) {
      expect(report).toHaveProperty(key);
    }
    expect(report.verdict).toBe('INCONCLUSIVE');
    expect(report.comparisons[0]).toMatchObject({
      measure: 'mttf',
      kind: 'simulation',
      methods: ['simulation', 'analytic'],
      value: 10,
      exact: 10,
      ci95: [9, 11],
      events: 4,
      verdict: 'INCONCLUSIVE',
      reason: expect.stringMatching(/rests on 4 events/),
    });
    expect(report.rule).toMatchObject({ minEvents: 30, zCap: 99 });
  });
});

beforeAll(requireBuiltCli);

describe('relkit check', () => {
  it('passes on models/raid5.yaml: analytic, markov and simulation agree, rule stated', () => {
    // 1000 replications see few system failures of this very reliable array: the steady
    // measures may be INCONCLUSIVE (too few events), but the curves and exact pairs decide.
    const { status, stdout } = relkit(
      'check',
      'models/raid5.yaml',
      '--replications',
      '1000',
      '--seed',
      '3',
    );
    expect(stdout).toMatch(/^rule: simulation vs exact: PASS when \|z\| <= 3\.89, /m);
    expect(stdout).toMatch(
      /^ {2}steadyAvailability +0\.999999976964 .* (PASS|INCONCLUSIVE) vs analytic$/m,
    );
    expect(stdout).toMatch(
      /^ {2}steadyAvailability +analytic .* vs markov .*: relative difference .* PASS$/m,
    );
    expect(stdout).toMatch(/\nPASS: all \d+ (conclusive )?comparisons agree[^\n]*\n$/);
    expect(stdout).not.toMatch(/Infinity|NaN/);
    expect(status).toBe(0);
  });

  it('--json reports every comparison with its z and verdict', () => {
    const { status, stdout } = relkit(
      'check',
      'models/tmr-voter.yaml',
      '--replications',
      '2000',
      '--json',
    );
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.verdict).toBe('PASS');
    const mttf = report.comparisons.find((c: { measure: string }) => c.measure === 'mttf');
    expect(mttf).toMatchObject({
      kind: 'simulation',
      methods: ['simulation', 'analytic'],
      verdict: 'PASS',
    });
    expect(Math.abs(mttf.statistic)).toBeLessThanOrEqual(mttf.threshold);
  });

  it('exits 1 with DIFF against the exact answer of a slightly wrong model (power)', () => {
    // The same TMR with the CPU failure rate 15 % too high: its exact MTTF is about 13 % lower,
    // some 14 standard errors away at 4000 replications.
    const dir = mkdtempSync(join(tmpdir(), 'relkit-check-'));
    const wrongModel = join(dir, 'wrong.yaml');
    writeFileSync(
      wrongModel,
      readFileSync(join(ROOT, 'models/tmr-voter.yaml'), 'utf8').replace(
        /lambda: 1e-4/,
        'lambda: 1.15e-4',
      ),
    );
    const analyzed = relkit('analyze', wrongModel, '--json');
    expect(analyzed.status).toBe(0);
    const reference = join(dir, 'wrong.json');
    writeFileSync(reference, analyzed.stdout);
    const { status, stdout, stderr } = relkit(
      'check',
      'models/tmr-voter.yaml',
      '--replications',
      '4000',
      '--reference',
      reference,
    );
    expect(stdout).toMatch(/^ {2}mttf +[\d.]+ +[\d.]+ \(.*\) +\d+\.\d+ +DIFF vs reference$/m);
    expect(stdout).toMatch(/^ {2}mttf +[\d.]+ +[\d.]+ \(.*\) +-?\d\.\d+ +PASS vs analytic$/m);
    expect(stdout).toMatch(/^DIFF: \d+ of \d+ comparisons differ$/m);
    expect(stderr).toMatch(/^relkit: note: the reference is for model \w+, this model is \w+$/m);
    expect(status).toBe(1);
  });

  it('takes one system of a reference of several, as analyze and markov write it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'relkit-check-'));
    const reference = join(dir, 'store.json');
    const solved = relkit('markov', 'models/quorum-store.yaml', '--system', 'write', '--json');
    expect(solved.status).toBe(0);
    writeFileSync(reference, solved.stdout);
    const picked = relkit(
      'check',
      'models/quorum-store.yaml',
      '--system',
      'write',
      '--replications',
      '200',
      '--reference',
      reference,
    );
    expect(picked.stdout).toMatch(/vs reference/);
    expect(picked.stderr).not.toMatch(/must be a result JSON/);
    const unnamed = relkit('check', 'models/quorum-store.yaml', '--reference', reference);
    expect(unnamed.stderr).toMatch(
      /holds results by system \(write\); choose the one to compare with --system NAME/,
    );
    expect(unnamed.status).toBe(EXIT.usage);
    const missing = relkit(
      'check',
      'models/quorum-store.yaml',
      '--system',
      'read',
      '--reference',
      reference,
    );
    expect(missing.stderr).toMatch(/the reference has no system read \(it holds write\)/);
    expect(missing.status).toBe(EXIT.failed);
  });

  it('exits 3 (INCONCLUSIVE) on a model only the simulator can solve', () => {
    // A Weibull time rules out markov; one crew for two repairable units rules out analytic.
    const model = scratch(
      'sim-only.yaml',
      readFileSync(join(ROOT, 'models/standby-power.yaml'), 'utf8').replace(
        'failure: { mtbf: 1500 }',
        'failure: { dist: weibull, shape: 1.5, scale: 1500 }',
      ),
    );
    const { status, stdout } = relkit('check', model, '--replications', '20');
    expect(stdout).toMatch(/^ {2}markov: not applicable \(.*weibull/m);
    expect(stdout).toMatch(/^ {2}analytic: not applicable /m);
    expect(stdout).toMatch(/\nINCONCLUSIVE: nothing was compared: [^\n]*\n$/);
    expect(status).toBe(3);
    const json = relkit('check', model, '--replications', '20', '--json');
    expect(json.status).toBe(3);
    expect(JSON.parse(json.stdout)).toMatchObject({ verdict: 'INCONCLUSIVE', comparisons: [] });
  });

  it('never calls an always-up system (koon k: 0) DIFF nor prints an infinite number', () => {
    const model = scratch(
      'always-up.yaml',
      'name: always up\ncomponents:\n  disk:\n    count: 3\n    failure: { mtbf: 1000 }\n    repair: { mttr: 10 }\nsystem:\n  koon: { k: 0, of: disk }\n',
    );
    const text = relkit('check', model, '--replications', '40');
    expect([0, 3]).toContain(text.status);
    expect(text.stdout).not.toMatch(/Infinity|NaN|DIFF/);
    expect(text.stdout).toMatch(/\n(PASS|INCONCLUSIVE): [^\n]*\n$/);
    const json = relkit('check', model, '--replications', '40', '--json');
    const report = JSON.parse(json.stdout);
    expect(report.verdict).not.toBe('DIFF');
    for (const comparison of report.comparisons) {
      for (const value of numbersIn(comparison)) expect(Number.isFinite(value)).toBe(true);
    }
  });
});
