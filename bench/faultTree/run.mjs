/* global process, console */
// Fault-tree benchmark against SCRAM (docs/benchmarks.md, "Fault trees"): the same inputs, the
// same run, interleaved (SCRAM, relkit, SCRAM, relkit, …), CPU seconds (user + system) of each
// whole process, medians. Usage, after `npm run build`:
//   node bench/faultTree/run.mjs [--rounds N] [--out bench/results/faultTree.json]
// Needs `scram` (Debian package scram) and its inputs under /usr/share/scram/input.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { median, timed } from '../timing.mjs';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '5' }, out: { type: 'string' } },
});
const rounds = Number(values.rounds);
const INPUT = '/usr/share/scram/input';
const work = mkdtempSync(join(tmpdir(), 'relkit-ft-bench-'));
const cli = join(import.meta.dirname, '../../dist/cli/main.js');

/** Each case: what both tools compute, their command lines, and what to check in the outputs. */
const CASES = [
  {
    name: 'Baobab1: P(top) and all 46 188 minimal cut sets',
    files: ['Baobab/baobab1.xml', 'Baobab/baobab1-basic-events.xml'],
    scram: ['--bdd', '--probability', '1'],
    relkit: ['--max-cut-sets', '100000', '--no-importance'],
  },
  {
    name: 'Baobab1: the same with importance (SCRAM --importance 1; relkit also Fussell–Vesely)',
    files: ['Baobab/baobab1.xml', 'Baobab/baobab1-basic-events.xml'],
    scram: ['--bdd', '--probability', '1', '--importance', '1'],
    relkit: ['--max-cut-sets', '100000'],
  },
  {
    name: 'CEA9601: exact P(top) and importance (SCRAM: --limit-order 3, the fastest it finishes)',
    files: ['CEA9601/CEA9601.xml', 'CEA9601/CEA9601-basic-events.xml'],
    scram: ['--bdd', '--probability', '1', '--limit-order', '3'],
    relkit: [],
  },
];

const results = [];
const loadBefore = loadavg();
for (const c of CASES) {
  const files = c.files.map((f) => join(INPUT, f));
  const scramOut = join(work, 'scram.xml');
  const scramArgs = [...c.scram, ...files, '-o', scramOut];
  const relkitArgs = [cli, 'analyze', ...files, '--json', ...c.relkit];
  timed('scram', scramArgs); // warm-up: page cache, JIT-free start
  timed('node', relkitArgs);
  const scram = [];
  const relkit = [];
  for (let r = 0; r < rounds; r++) {
    scram.push(timed('scram', scramArgs));
    relkit.push(timed('node', relkitArgs));
  }
  const report = readFileSync(scramOut, 'utf8');
  const sop = /<sum-of-products[^>]*products="(\d+)" probability="([^"]+)"/.exec(report);
  const json = JSON.parse(execFileSync('node', relkitArgs, { maxBuffer: 1 << 30 }).toString());
  const startup = median(
    Array.from({ length: rounds }, () => timed('node', [cli, '--version']).cpu),
  );
  const row = {
    case: c.name,
    scramCpu: median(scram.map((x) => x.cpu)),
    relkitCpu: median(relkit.map((x) => x.cpu)),
    relkitStartupCpu: startup,
    ratio: median(relkit.map((x) => x.cpu)) / median(scram.map((x) => x.cpu)),
    scram: { products: Number(sop?.[1]), probability: Number(sop?.[2]) },
    relkit: {
      cutSets: json.measures.minimalCutSets?.count,
      probability: json.measures.topEventProbability,
    },
    runs: { scram, relkit },
  };
  results.push(row);
  console.log(
    `${c.name}\n  SCRAM ${row.scramCpu.toFixed(3)} CPU-s, relkit ${row.relkitCpu.toFixed(3)} CPU-s ` +
      `(start-up ${startup.toFixed(3)}), ratio ${row.ratio.toFixed(2)}; ` +
      `P(top) SCRAM ${row.scram.probability} relkit ${row.relkit.probability}; ` +
      `cut sets SCRAM ${row.scram.products} relkit ${row.relkit.cutSets}`,
  );
}
const record = {
  date: new Date().toISOString(),
  node: process.version,
  scram: execFileSync('scram', ['--version']).toString().split('\n')[0],
  rounds,
  loadAverage: { before: loadBefore, after: loadavg() },
  results,
};
if (values.out) writeFileSync(values.out, `${JSON.stringify(record, null, 2)}\n`);
console.log(
  `load average before ${loadBefore.map((x) => x.toFixed(2)).join(' ')}, after ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
