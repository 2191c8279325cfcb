/* global process, performance, console */
// relkit against a plain C event loop of the same model (bench/sim/reference_loop.c), one
// thread each, in fresh processes taken in turn, C, relkit, C, relkit, … so that a busy machine
// slows both alike; the result is the median over pairs of relkit/C within the pair. Each
// process times 3 runs over the same replications (relkit after a JIT warm-up, as
// bench/sim/run.mjs measures one thread) and reports their median. Run after `npm run build`:
//   node bench/sim/anchor.mjs [--pairs 5] [--variant weibull|exponential] [--dist DIR] [--out FILE]
// Compiles the C file with `gcc -O2` into a temporary directory, prints every process's
// events/s by the wall clock and by its CPU time, the medians, relkit/C, the events per replication and mean unavailability of both
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
  const cpuRates = [];
  let stats;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    stats = runReplications(model, OPTIONS, 0, REPLICATIONS);
    rates.push(stats.events / ((performance.now() - started) / 1000));
    const cpu = process.cpuUsage(cpuStarted);
    cpuRates.push(stats.events / ((cpu.user + cpu.system) / 1e6));
  }
  // Mean fraction of [0, T] down: the sum of the per-replication fractions over R.
  const down = stats.intervalDown.sum.partials.reduce((a, b) => a + b, 0);
  const unavailability = down / REPLICATIONS;
  console.log(JSON.stringify({ rates, cpuRates, events: stats.events, unavailability }));
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
  // Per process, the median of its runs, by the wall clock and by the process's CPU time.
  const wall = { c: [], relkit: [] };
  const cpu = { c: [], relkit: [] };
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
      relkitLast = JSON.parse(
        execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', dist, name], {
          encoding: 'utf8',
        }),
      );
      for (const [key, last] of [
        ['c', cLast],
        ['relkit', relkitLast],
      ]) {
        wall[key].push(median(last.rates));
        cpu[key].push(median(last.cpuRates));
      }
      console.log(
        `pair ${pair + 1}: wall C ${f(wall.c.at(-1))} relkit ${f(wall.relkit.at(-1))}, ` +
          `CPU C ${f(cpu.c.at(-1))} relkit ${f(cpu.relkit.at(-1))} M events/s`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const loadAfter = load();
  // The ratio within each pair (C and relkit run back to back) is the figure that a load
  // changing over the run disturbs least; its median is the result. CPU time leaves out the
  // time a process waits for a core, which the wall clock counts when the machine is busy.
  const summary = (rates) => {
    const ratios = rates.relkit.map((x, i) => x / rates.c[i]);
    return {
      c: { eventsPerSecond: median(rates.c), perProcess: rates.c },
      relkit: { eventsPerSecond: median(rates.relkit), perProcess: rates.relkit },
      ratio: median(ratios),
      ratioPerPair: ratios,
      ratioOfMedians: median(rates.relkit) / median(rates.c),
    };
  };
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
    statistic: 'per process the median of its runs; over pairs the median',
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadAfter,
    eventsPerReplication: {
      c: cLast.events / REPLICATIONS,
      relkit: relkitLast.events / REPLICATIONS,
    },
    unavailability: { c: cLast.unavailability, relkit: relkitLast.unavailability },
    wallClock: summary(wall),
    cpuTime: summary(cpu),
    goal: 0.4,
  };
  for (const [label, s] of [
    ['wall clock', record.wallClock],
    ['CPU time', record.cpuTime],
  ]) {
    console.log(
      `${name}, ${pairs} pairs, ${label}: C ${f(s.c.eventsPerSecond)} M events/s, relkit ` +
        `${f(s.relkit.eventsPerSecond)} M; relkit/C per pair: median ${s.ratio.toFixed(3)}, ` +
        `range ${Math.min(...s.ratioPerPair).toFixed(3)}–${Math.max(...s.ratioPerPair).toFixed(3)}; ` +
        `ratio of the medians ${s.ratioOfMedians.toFixed(3)}`,
    );
  }
  const e = record.eventsPerReplication;
  const u = record.unavailability;
  console.log(
    `  events per replication: C ${e.c.toFixed(1)}, relkit ${e.relkit.toFixed(1)}; ` +
      `unavailability C ${u.c.toExponential(3)}, relkit ${u.relkit.toExponential(3)}`,
  );
  console.log(`  load average (1, 5, 15 min): ${loadBefore} before, ${loadAfter} after`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`wrote ${out}`);
}
