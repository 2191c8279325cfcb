/* global process, console */
// Coverage study of issue 13 (docs/validation.md, "Coverage study"): every model of the zoo
// (test/sim/zoo.ts) simulated with S seeds; per (model, measure) how often the 95 % interval
// holds the exact value, how often the estimate is inconclusive or left out, and check's
// verdicts (src/solve/compareRuns.ts and compareResults.ts). Run with bench/coverage/run.sh (compiles to /tmp):
//   bench/coverage/run.sh                       200 seeds, every model
//   bench/coverage/run.sh --seeds 20 --models unit-repair,bridge
//   bench/coverage/run.sh --report bench/results/coverage.json   tables of a stored run only
// Writes bench/results/coverage.json (or --out FILE) and prints the tables.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import {
  aggregateCoverage,
  diffCounts,
  judgePairs,
  poissonUpper,
  studyModel,
  ZOO,
  type ModelTally,
} from '../../test/sim/zoo.js';

const root = process.env.RELKIT_ROOT ?? process.cwd();
const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const seeds = Number(flag('--seeds') ?? 200);
const only = flag('--models')?.split(',');
const out = flag('--out') ?? join(root, 'bench/results/coverage.json');
const models = ZOO.filter((z) => only === undefined || only.includes(z.name));

const uptime = (): string => {
  try {
    return execFileSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `load ${loadavg().map((x) => x.toFixed(2)).join(', ')}`;
  }
};

interface Study {
  seeds: number;
  wallSeconds: number;
  uptimeBefore: string;
  uptimeAfter: string;
  startedAt: string;
  sourceChecksum?: string;
  models: ModelTally[];
}

/** sha256 of src/sim and the check's comparison code (src/solve) as compiled (src changes under us). */
function checksum(): string {
  const hash = createHash('sha256');
  for (const file of [
    ...readdirSync(join(root, 'src/sim')).filter((f) => f.endsWith('.ts')).map((f) => `src/sim/${f}`),
    ...readdirSync(join(root, 'src/sim/system')).map((f) => `src/sim/system/${f}`),
    'src/solve/compareResults.ts',
    'src/solve/compareRuns.ts',
  ].sort()) {
    hash.update(file).update(readFileSync(join(root, file)));
  }
  return hash.digest('hex').slice(0, 16);
}
const sourceChecksum = process.env.RELKIT_SOURCE_CHECKSUM ?? checksum();

function run(): Study {
  const startedAt = new Date().toISOString();
  const uptimeBefore = uptime();
  const t0 = performance.now();
  const tallies: ModelTally[] = [];
  for (const zoo of models) {
    const tally = studyModel(zoo, { seeds });
    tallies.push(tally);
    console.log(
      `${zoo.name}: ${tally.wallSeconds.toFixed(1)} s (${(tally.wallSeconds / seeds).toFixed(3)} s/run), runs PASS ${tally.runVerdicts.PASS} DIFF ${tally.runVerdicts.DIFF} INCONCLUSIVE ${tally.runVerdicts.INCONCLUSIVE}`,
    );
  }
  const wallSeconds = (performance.now() - t0) / 1000;
  const study = {
    seeds,
    wallSeconds,
    uptimeBefore,
    uptimeAfter: uptime(),
    startedAt,
    sourceChecksum,
    models: tallies,
  };
  writeFileSync(
    out,
    `${JSON.stringify(
      {
        study: 'coverage of 95 % intervals and check verdicts over the zoo (issue 13)',
        ...study,
        cpu: cpus()[0]?.model,
        cores: cpus().length,
        node: process.version,
        models: tallies.map((t) => ({
          ...t,
          measures: Object.fromEntries(
            Object.entries(t.measures).map(([k, m]) => [
              k,
              { ...m, eventsMin: Number.isFinite(m.eventsMin) ? m.eventsMin : null },
            ]),
          ),
        })),
      },
      // One line: the record is about 0.3 MB this way, twice that indented.
    )}\n`,
  );
  console.log(`wrote ${out}; ${models.length} models x ${seeds} seeds in ${wallSeconds.toFixed(0)} s`);
  return study;
}

const pct = (a: number, b: number): string => (b > 0 ? ((100 * a) / b).toFixed(1) : '–');

/** The markdown tables of a study. */
function tables(study: Study): string {
  const tallies = study.models;
  const lines: string[] = [];
  const pairs = judgePairs(tallies);
  const limit = 1e-3 / (2 * pairs.length);
  lines.push('#### Coverage per measure, pooled over the zoo (runs on ≥ 30 events)', '');
  lines.push('| measure | models | runs | covered | coverage % | target % |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const a of aggregateCoverage(tallies)) {
    lines.push(
      `| ${a.measure} | ${a.models} | ${a.n} | ${a.covered} | ${pct(a.covered, a.n)} | ${(100 * a.target).toFixed(1)} |`,
    );
  }
  lines.push('', `#### Coverage per model and measure (${study.seeds} seeds)`, '');
  lines.push(
    `judged: runs that reported the measure without \`inconclusive\` (exact constants of always-up/down structures excluded; R(t), A(t): every grid time t > 0 with 0 < p < 1, pooled); target: 95 %, or for R(t), A(t) the exact coverage of the Wilson interval at (n, p); missed lo/hi: intervals below / above the exact value; few: judged runs on < 30 events (Poisson-based intervals), with how many covered; check: comparisons PASS/DIFF/INCONCLUSIVE against every exact method; flag: a binomial P(≤ covered) (under) or, for pairs without few-event runs, P(≥ covered) (over) below α/(2K) = ${limit.toExponential(1)} (K = ${pairs.length} pairs incl. each curve point, α = 1e-3).`,
    '',
  );
  lines.push(
    '| model | measure | judged | covered % | target % | missed lo/hi | few (covered) | inconcl. | left out | check P/D/I | flag |',
  );
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const t of tallies) {
    const groups = new Map<string, string[]>();
    for (const key of Object.keys(t.measures)) {
      if (key.includes('(no exact)')) continue;
      const base = key.split('@')[0]!;
      groups.set(base, [...(groups.get(base) ?? []), key]);
    }
    for (const [measure, keys] of groups) {
      const entries = keys.filter((k) => k !== measure || !k.includes('@')).map((k) => [k, t.measures[k]!] as const);
      const points = entries.filter(([k]) => k.includes('@') && !k.includes('(p = '));
      const degenerate = entries.filter(([k]) => k.includes('(p = '));
      const own = t.measures[measure];
      const verdicts = own?.verdicts ?? { PASS: 0, DIFF: 0, INCONCLUSIVE: 0 };
      const check = `${verdicts.PASS}/${verdicts.DIFF}/${verdicts.INCONCLUSIVE}`;
      const used = points.length > 0 ? points.map(([, m]) => m) : own && !keys.some((k) => k.includes('@')) ? [own] : [];
      const sum = (f: (m: (typeof used)[number]) => number): number => used.reduce((x, m) => x + f(m), 0);
      const judged = sum((m) => m.reported - m.constant);
      const covered = sum((m) => m.covered - m.constant);
      const constants = sum((m) => m.constant);
      const expected = points.length > 0 ? sum((m) => m.expectedCovered ?? 0) : 0.95 * judged;
      const keysUsed = points.length > 0 ? points.map(([k]) => k) : [measure];
      const flagged = pairs.filter((p) => p.model === t.name && keysUsed.includes(p.measure));
      const under = flagged.filter((p) => p.pLow < limit).map((p) => p.measure.replace(measure, '') || '');
      const over = flagged.filter((p) => p.pHigh < limit).map((p) => p.measure.replace(measure, '') || '');
      const flag = [
        under.length ? `**under**${under.join('') ? ` ${under.join(' ')}` : ''} (P ${Math.min(...flagged.map((p) => p.pLow)).toExponential(1)})` : '',
        over.length ? `**over**${over.join('') ? ` ${over.join(' ')}` : ''}` : '',
      ].join(' ');
      const target = measure.includes('(lower bound)') ? 'lo ≤ MTTF' : judged > 0 ? pct(expected, judged) : '';
      const label = points.length > 0 ? `${measure} (${points.length} times)` : measure;
      const degenerateNote = degenerate.length
        ? `; p ∈ {0, 1} at ${degenerate.length} times: covered ${degenerate.reduce((x, [, m]) => x + m.covered, 0)}/${degenerate.reduce((x, [, m]) => x + m.reported, 0)}`
        : '';
      const few = sum((m) => m.fewEvents);
      lines.push(
        `| ${t.name} | ${label}${degenerateNote} | ${judged}${constants ? ` (+${constants} exact)` : ''} | ${pct(covered, judged)} | ${target} | ${sum((m) => m.missedLow)}/${sum((m) => m.missedHigh)} | ${few ? `${few} (${sum((m) => m.fewCovered)})` : ''} | ${own?.inconclusive || ''} | ${own?.leftOut ? `${own.leftOut}${own.silent ? ` (${own.silent} silent)` : ''}` : ''} | ${check} | ${flag.trim()} |`,
      );
    }
  }
  lines.push('', '#### Measures without an exact value: answered / inconclusive / left out (silent)', '');
  for (const t of tallies) {
    const rows = Object.entries(t.measures)
      .filter(([k]) => k.includes('(no exact)'))
      .map(([k, m]) => `${k.replace(' (no exact)', '')} ${m.reported}/${m.inconclusive}/${m.leftOut}${m.silent ? ` (${m.silent} silent)` : ''}`);
    if (rows.length) lines.push(`- ${t.name}: ${rows.join(', ')}`);
  }
  lines.push('', '#### Inconclusive estimates: the simulator\'s reasons (numbers as #)', '');
  for (const t of tallies) {
    const reasons = Object.entries(t.inconclusiveReasons ?? {});
    if (reasons.length === 0) continue;
    const grouped = new Map<string, { measures: string[]; count: number }>();
    for (const [reason, count] of reasons) {
      const [measure, ...rest] = reason.split(': ');
      const text = rest.join(': ');
      const g = grouped.get(text) ?? { measures: [], count: 0 };
      g.measures.push(measure!);
      g.count = Math.max(g.count, count);
      grouped.set(text, g);
    }
    for (const [text, g] of grouped) {
      lines.push(`- ${t.name} (${g.measures.join(', ')}; up to ${g.count} runs): ${text}`);
    }
  }
  const { conclusive, diffs, measureRuns, diffRuns } = diffCounts(tallies);
  lines.push(
    '',
    '#### check verdicts per model',
    '',
    `${diffs} DIFF in ${conclusive} conclusive comparisons; ${diffRuns} of ${tallies.length * study.seeds} runs with a DIFF. Union bound for correct models at α = 1e-4 per measure: ${measureRuns} conclusive (run, measure) pairs give at most ${(1e-4 * measureRuns).toFixed(1)} runs with a DIFF on average, ${poissonUpper(1e-4 * measureRuns, 1e-3)} at the Poisson quantile 1 − 1e-3.`,
    '',
    '| measure | conclusive runs | runs with a DIFF on it | rate | rate / 1e-4 |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...perMeasureDiffRates(tallies),
    '',
    '| model | runs PASS | runs DIFF | runs INCONCLUSIVE | DIFF comparisons (measure: count) | wall s | s/run | exact methods |',
    '| --- | ---: | ---: | ---: | --- | ---: | ---: | --- |',
  );
  for (const t of tallies) {
    const byMeasure = new Map<string, number>();
    for (const d of t.diffs) byMeasure.set(d.measure, (byMeasure.get(d.measure) ?? 0) + 1);
    lines.push(
      `| ${t.name} | ${t.runVerdicts.PASS} | ${t.runVerdicts.DIFF} | ${t.runVerdicts.INCONCLUSIVE} | ${[...byMeasure].map(([k, v]) => `${k}: ${v}`).join(', ')} | ${t.wallSeconds.toFixed(1)} | ${(t.wallSeconds / study.seeds).toFixed(3)} | ${t.exactMethods.join(', ') || 'none'} |`,
    );
  }
  return lines.join('\n');
}

/** Per measure: runs where check compared it conclusively, and runs where it was DIFF. */
function perMeasureDiffRates(tallies: readonly ModelTally[]): string[] {
  const rows = new Map<string, { runs: number; diffs: number }>();
  for (const t of tallies) {
    for (const [measure, m] of Object.entries(t.measures)) {
      if (!m.conclusiveRuns) continue;
      const row = rows.get(measure) ?? { runs: 0, diffs: 0 };
      row.runs += m.conclusiveRuns;
      row.diffs += new Set(t.diffs.filter((d) => d.measure === measure).map((d) => d.seed)).size;
      rows.set(measure, row);
    }
  }
  return [...rows].map(
    ([measure, r]) =>
      `| ${measure} | ${r.runs} | ${r.diffs} | ${(r.diffs / r.runs).toExponential(1)} | ${(r.diffs / r.runs / 1e-4).toFixed(0)} |`,
  );
}

const report = flag('--report');
const study: Study = report ? (JSON.parse(readFileSync(report, 'utf8')) as Study) : run();
console.log(tables(study));
