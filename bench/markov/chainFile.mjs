/* global process, console */
// Chain-file benchmark (docs/benchmarks.md, "Reading a chain file"): the steady unavailability
// of the Markov benchmark's chain from its file in the chain text format, end to end, relkit's
// CLI (`relkit markov --chain FILE --steady --json`) against a scipy script doing the same
// (bench/markov/chain_file_scipy.py), in the same run, interleaved, medians of CPU seconds
// (user + system) and wall seconds of each whole process. Usage, after `npm run build`:
//   node bench/markov/chainFile.mjs [--size small|medium|large] [--rounds N] [--out FILE]
// The large chain (10^6 states, 7.6·10^6 transitions, about 160 MB) is written once to /tmp.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { median, timed } from '../timing.mjs';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'large' },
    rounds: { type: 'string', default: '3' },
    out: { type: 'string' },
  },
});
const rounds = Number(values.rounds);
const root = join(import.meta.dirname, '../..');
const compiled = '/tmp/relkit-bench-chainfile';
const file = `/tmp/relkit-bench-${values.size}.chain.txt`;

if (!existsSync(file)) {
  execFileSync(
    'npx',
    [
      'tsc',
      ...['--outDir', compiled, '--rootDir', '.', '--module', 'nodenext'],
      ...['--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck'],
      ...['--types', 'node', 'bench/markov/writeChainFile.ts'],
    ],
    { cwd: root, stdio: 'inherit' },
  );
  execFileSync('node', [join(compiled, 'bench/markov/writeChainFile.js'), values.size, file], {
    stdio: 'inherit',
  });
}

const relkitArgs = [
  join(root, 'dist/cli/main.js'),
  'markov',
  '--chain',
  file,
  '--steady',
  '--json',
];
const scipyArgs = [join(root, 'bench/markov/chain_file_scipy.py'), file];
const loadBefore = loadavg();
const relkit = [];
const scipy = [];
let answers;
for (let r = 0; r < rounds; r++) {
  const a = timed('node', relkitArgs, { keepStdout: true });
  const b = timed('python3', scipyArgs, { keepStdout: true });
  relkit.push({ wall: a.wall, cpu: a.cpu });
  scipy.push({ wall: b.wall, cpu: b.cpu });
  answers = {
    relkit: JSON.parse(a.stdout).measures.steadyUnavailability,
    scipy: JSON.parse(b.stdout).unavailability,
  };
}
const loadAfter = loadavg();
const relative = Math.abs(answers.relkit - answers.scipy) / answers.scipy;
if (!(relative < 1e-8)) throw new Error(`the answers differ: ${JSON.stringify(answers)}`);
const summary = {
  relkitCpu: median(relkit.map((x) => x.cpu)),
  relkitWall: median(relkit.map((x) => x.wall)),
  scipyCpu: median(scipy.map((x) => x.cpu)),
  scipyWall: median(scipy.map((x) => x.wall)),
};
console.log(
  `relkit ${summary.relkitCpu.toFixed(2)} CPU-s (${summary.relkitWall.toFixed(2)} s wall), scipy ${summary.scipyCpu.toFixed(2)} CPU-s (${summary.scipyWall.toFixed(2)} s wall): ratio ${(summary.relkitCpu / summary.scipyCpu).toFixed(2)} CPU, ${(summary.relkitWall / summary.scipyWall).toFixed(2)} wall; unavailability ${answers.relkit} vs ${answers.scipy}`,
);
console.log(
  `load average before ${loadBefore.map((x) => x.toFixed(2)).join(' ')}, after ${loadAfter.map((x) => x.toFixed(2)).join(' ')}`,
);
if (values.out) {
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    python: execFileSync('python3', [
      '-c',
      'import sys,scipy,numpy;print(sys.version.split()[0], numpy.__version__, scipy.__version__)',
    ])
      .toString()
      .trim(),
    size: values.size,
    megabytes: readFileSync(file).length / 1e6,
    rounds,
    loadAverage: { before: loadBefore, after: loadAfter },
    ...summary,
    ratioCpu: summary.relkitCpu / summary.scipyCpu,
    ratioWall: summary.relkitWall / summary.scipyWall,
    answers,
    runs: { relkit, scipy },
  };
  writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
}
