/* global process, console */
// BDD benchmark on a ladder of 100 bridges in series (docs/benchmarks.md, "A ladder of 100
// bridges"): 500 repairable components, each bridge a network s–a, s–b, a–b, a–t, b–t. CPU
// seconds (user + system) of whole `relkit analyze` processes against the start-up anchor,
// `relkit analyze` of a small model, in the same run, interleaved, medians; then where a fresh
// process spends its time (reading the YAML, the analysis), timed inside one process per round.
// Usage, after `npm run build`:
//   node bench/ladder/run.mjs [--rounds N] [--out bench/results/ladder.json]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { median, timed } from '../timing.mjs';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '7' }, out: { type: 'string' } },
});
const rounds = Number(values.rounds);
const root = join(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli/main.js');
const small = join(root, 'models/tmr-voter.yaml');
const BRIDGES = 100;

/** The ladder as a relkit model, one flow mapping per component and per edge. */
function ladderYaml(n) {
  const lines = [`name: ladder of ${n} bridges`, 'components:'];
  for (let e = 0; e < 5 * n; e++) {
    lines.push(`  e${e}: { failure: { mtbf: 10000 }, repair: { mttr: 10 } }`);
  }
  lines.push('system:', '  series:');
  for (let b = 0; b < n; b++) {
    const o = 5 * b;
    lines.push('    - network:', '        source: s', '        sink: t', '        edges:');
    for (const [k, [from, to]] of [
      ['s', 'a'],
      ['s', 'b'],
      ['a', 'b'],
      ['a', 't'],
      ['b', 't'],
    ].entries()) {
      lines.push(`          - { from: ${from}, to: ${to}, via: e${o + k} }`);
    }
  }
  lines.push('mission_time: 1000', '');
  return lines.join('\n');
}

const work = mkdtempSync(join(tmpdir(), 'relkit-ladder-'));
const ladder = join(work, 'ladder.yaml');
writeFileSync(ladder, ladderYaml(BRIDGES));

// One fresh process: load the library, then time reading the file and analysing it.
const PHASES = `
import { readFileSync } from 'node:fs';
const { parseModel, evaluateModel, analyze } = await import(process.argv[1]);
const text = readFileSync(process.argv[2], 'utf8');
const t0 = performance.now();
const model = evaluateModel(parseModel(text));
const t1 = performance.now();
const result = analyze(model, { importance: false });
const t2 = performance.now();
console.log(JSON.stringify({ read: (t1 - t0) / 1000, analyze: (t2 - t1) / 1000, a: result.measures.steadyAvailability }));
`;

const CASES = [
  { name: 'relkit analyze tmr-voter.yaml (start-up)', args: [cli, 'analyze', small] },
  {
    name: 'relkit analyze ladder --no-importance',
    args: [cli, 'analyze', ladder, '--no-importance'],
  },
  { name: 'relkit analyze ladder', args: [cli, 'analyze', ladder] },
];

function phases() {
  const run = spawnSync(
    'node',
    ['--input-type=module', '-e', PHASES, join(root, 'dist/index.js'), ladder],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`phases failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

const loadBefore = loadavg();
for (const c of CASES) timed('node', c.args); // warm-up: page cache
const runs = CASES.map(() => []);
const inside = [];
for (let r = 0; r < rounds; r++) {
  CASES.forEach((c, i) => runs[i].push(timed('node', c.args)));
  inside.push(phases());
}
const loadAfter = loadavg();

const startup = median(runs[0].map((x) => x.cpu));
const results = CASES.map((c, i) => {
  const cpu = median(runs[i].map((x) => x.cpu));
  return { case: c.name, cpu, beyondStartup: cpu - startup, runs: runs[i] };
});
const split = {
  readSeconds: median(inside.map((x) => x.read)),
  analyzeSeconds: median(inside.map((x) => x.analyze)),
  steadyAvailability: inside[0].a,
};
for (const r of results) {
  console.log(
    `${r.case.padEnd(44)} ${r.cpu.toFixed(3)} CPU-s  (${r.beyondStartup.toFixed(3)} beyond start-up)`,
  );
}
console.log(
  `inside a fresh process: reading the YAML ${split.readSeconds.toFixed(3)} s, analyze ${split.analyzeSeconds.toFixed(3)} s`,
);
console.log(
  `load average before ${loadBefore.map((x) => x.toFixed(2)).join(' ')}, after ${loadAfter.map((x) => x.toFixed(2)).join(' ')}`,
);
if (values.out) {
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    rounds,
    bridges: BRIDGES,
    loadAverage: { before: loadBefore, after: loadAfter },
    results,
    insideFreshProcess: split,
  };
  writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
}
