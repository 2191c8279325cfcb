/* global process, console */
// Start-up benchmark (docs/benchmarks.md, "Start-up"): CPU seconds (user + system) of whole CLI
// processes on a small model against bare `node -e 0`, in the same run, interleaved (node,
// --version, validate, analyze, node, …), medians. Usage, after `npm run build`:
//   node bench/startup/run.mjs [--rounds N] [--out bench/results/startup.json] [--cli PATH]
// (--cli: another build's dist/cli/main.js, to compare builds in one run.)
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { median, timed } from '../timing.mjs';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '15' },
    out: { type: 'string' },
    cli: { type: 'string' },
  },
});
const rounds = Number(values.rounds);
const root = join(import.meta.dirname, '../..');
const cli = values.cli ?? join(root, 'dist/cli/main.js');
const model = join(root, 'models/tmr-voter.yaml');

const CASES = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'relkit --version', args: [cli, '--version'] },
  { name: 'relkit validate tmr-voter.yaml', args: [cli, 'validate', model] },
  { name: 'relkit analyze tmr-voter.yaml', args: [cli, 'analyze', model] },
];

const loadBefore = loadavg();
for (const c of CASES) timed('node', c.args); // warm-up: page cache
const runs = CASES.map(() => []);
for (let r = 0; r < rounds; r++) CASES.forEach((c, i) => runs[i].push(timed('node', c.args)));
const loadAfter = loadavg();

const bare = median(runs[0].map((x) => x.cpu));
const results = CASES.map((c, i) => {
  const cpu = median(runs[i].map((x) => x.cpu));
  return {
    case: c.name,
    cpu,
    wall: median(runs[i].map((x) => x.wall)),
    ratioToBareNode: cpu / bare,
    runs: runs[i],
  };
});
for (const r of results) {
  console.log(
    `${r.case.padEnd(32)} ${r.cpu.toFixed(3)} CPU-s  ${r.wall.toFixed(3)} s wall  ${r.ratioToBareNode.toFixed(2)}× bare node`,
  );
}
console.log(
  `load average before ${loadBefore.map((x) => x.toFixed(2)).join(' ')}, after ${loadAfter.map((x) => x.toFixed(2)).join(' ')}`,
);
if (values.out) {
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    rounds,
    loadAverage: { before: loadBefore, after: loadAfter },
    results,
  };
  writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
}
