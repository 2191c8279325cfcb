/* global process, performance, console */
// relkit against a plain C event loop of the same model (bench/sim/reference_loop.c), one
// thread each, in fresh processes taken in turn, C, relkit, C, relkit, … so that a busy machine
// slows both alike; the result is the median over pairs of relkit/C within the pair. Each
// process times 3 runs over the same replications (relkit after a JIT warm-up, as
// bench/sim/run.mjs measures one thread) and reports their median. Run after `npm run build`:
//   node bench/sim/anchor.mjs [--pairs 5] [--variant weibull|exponential] [--dist DIR] [--out FILE]
// Compiles the C file with `gcc -O2` into a temporary directory, prints every process's
// events/s, the medians, relkit/C, the events per replication and mean unavailability of both
// (the same model gives close figures) and the load averages before and after, and writes
// FILE (default bench/results/simAnchor-VARIANT.json). --dist measures another compiled tree
// (e.g. an older build, set up as for compare.mjs) instead of this one's dist.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '../..');
const RUNS = 3;
const REPLICATIONS = 10_000;
const OPTIONS = { horizon: 1e5, mttfCap: 1, seed: 1 };
const FILES = { weibull: 'kofn-repair-weibull.yaml', exponential: 'kofn-repair.yaml' };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const flag = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : fallback;
};

if (process.argv[2] === '--child') {
  // One relkit process: prints { rates, events, unavailability } as JSON.
  const [dist, name] = process.argv.slice(3);
  const { loadModel } = await import(join(dist, 'model/loadModel.js'));
  const { runReplications } = await import(join(dist, 'sim/simulate.js'));
  const model = loadModel(readFileSync(join(HERE, FILES[name]), 'utf8'), { file: FILES[name] });
  runReplications(model, OPTIONS, 0, 200); // JIT warm-up
  const rates = [];
  let stats;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    stats = runReplications(model, OPTIONS, 0, REPLICATIONS);
    rates.push(stats.events / ((performance.now() - started) / 1000));
  }
  // Mean fraction of [0, T] down: the sum of the per-replication fractions over R.
  const down = stats.intervalDown.sum.partials.reduce((a, b) => a + b, 0);
  const unavailability = down / REPLICATIONS;
  console.log(JSON.stringify({ rates, events: stats.events, unavailability }));
} else {
  const pairs = Number(flag('--pairs', '5'));
  const name = flag('--variant', 'weibull');
  const dist = resolve(flag('--dist', join(ROOT, 'dist')));
  const out = resolve(flag('--out', join(ROOT, `bench/results/simAnchor-${name}.json`)));
  if (!(name in FILES)) throw new Error(`--variant must be one of ${Object.keys(FILES)}`);
  const load = () => loadavg().map((x) => Number(x.toFixed(2)));
  const loadBefore = load();
  const dir = mkdtempSync(join(tmpdir(), 'relkit-anchor-'));
  const binary = join(dir, 'reference_loop');
  const compile = ['-O2', '-o', binary, join(HERE, 'reference_loop.c'), '-lm'];
  execFileSync('gcc', compile);
  const gcc = execFileSync('gcc', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  const c = [];
  const relkit = [];
  let cLast;
  let relkitLast;
  const f = (x) => (x / 1e6).toFixed(2);
  try {
    for (let pair = 0; pair < pairs; pair++) {
      cLast = JSON.parse(
        execFileSync(
          binary,
          ['--variant', name, '--replications', String(REPLICATIONS), '--runs', String(RUNS)],
          { encoding: 'utf8' },
        ),
      );
      c.push(median(cLast.rates));
      relkitLast = JSON.parse(
        execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', dist, name], {
          encoding: 'utf8',
        }),
      );
      relkit.push(median(relkitLast.rates));
      console.log(
        `pair ${pair + 1}: C ${f(c.at(-1))} (${cLast.rates.map(f).join(' ')})   ` +
          `relkit ${f(relkit.at(-1))} (${relkitLast.rates.map(f).join(' ')})`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const ratios = relkit.map((x, i) => x / c[i]);
  const loadAfter = load();
  const record = {
    generatedBy: 'bench/sim/anchor.mjs',
    command: `node ${process.argv
      .slice(1)
      .join(' ')
      .replace(ROOT + '/', '')}`,
    dist: dist.replace(ROOT + '/', ''),
    date: new Date().toISOString(),
    node: process.version,
    gcc,
    compile: `gcc ${compile.join(' ').replace(binary, 'reference_loop')}`,
    cpu: cpus()[0]?.model,
    model: `bench/sim/${FILES[name]}`,
    options: OPTIONS,
    replications: REPLICATIONS,
    runsPerProcess: RUNS,
    statistic: 'median over processes of each process median',
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadAfter,
    c: {
      eventsPerSecond: median(c),
      perProcess: c,
      eventsPerReplication: cLast.events / REPLICATIONS,
      unavailability: cLast.unavailability,
    },
    relkit: {
      eventsPerSecond: median(relkit),
      perProcess: relkit,
      eventsPerReplication: relkitLast.events / REPLICATIONS,
      unavailability: relkitLast.unavailability,
    },
    // The ratio within each pair (C and relkit run back to back) is the figure that a load
    // changing over the run disturbs least; its median is the result.
    ratio: median(ratios),
    ratioPerPair: ratios,
    ratioOfMedians: median(relkit) / median(c),
    goal: 0.4,
  };
  console.log(
    `${name}, ${pairs} pairs: C ${f(record.c.eventsPerSecond)} M events/s, relkit ` +
      `${f(record.relkit.eventsPerSecond)} M; relkit/C per pair: median ${record.ratio.toFixed(3)}, ` +
      `range ${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}; ratio of the ` +
      `medians ${record.ratioOfMedians.toFixed(3)}`,
  );
  console.log(
    `  events per replication: C ${record.c.eventsPerReplication.toFixed(1)}, relkit ` +
      `${record.relkit.eventsPerReplication.toFixed(1)}; unavailability C ` +
      `${record.c.unavailability.toExponential(3)}, relkit ${record.relkit.unavailability.toExponential(3)}`,
  );
  console.log(`  load average (1, 5, 15 min): ${loadBefore} before, ${loadAfter} after`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`wrote ${out}`);
}
