/* global process, performance, console */
// Simulator benchmark: relkit events/s on one thread and on every worker, and SimPy on the same
// model (bench/sim/kofn_simpy.py). Run after `npm run build`:
//   node bench/sim/run.mjs            full: 20 000 replications (exponential), medians of 3 runs
//   node bench/sim/run.mjs --quick    2 000 replications, for a smoke test
// Writes bench/results/sim.json and prints the table for docs/benchmarks.md ("Simulator").
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { loadModel } = await import(join(ROOT, 'dist/model/loadModel.js'));
const { runReplications } = await import(join(ROOT, 'dist/sim/simulate.js'));
const { SimulationRunner } = await import(join(ROOT, 'dist/cli/simulationRunner.js'));

const quick = process.argv.includes('--quick');
const RUNS = 3;
// Horizon 1e5 h; mttfCap 1 stops every replication at T (the default 1000 would run on past T
// until the first system failure, for the MTTF), so both simulators cover exactly [0, T].
const OPTIONS = { horizon: 1e5, mttfCap: 1, seed: 1 };
const VARIANTS = [
  {
    name: 'exponential',
    file: 'bench/sim/kofn-repair.yaml',
    replications: quick ? 2_000 : 20_000,
    simpyReplications: quick ? 50 : 500,
  },
  {
    name: 'weibull',
    file: 'bench/sim/kofn-repair-weibull.yaml',
    replications: quick ? 1_000 : 10_000,
    simpyReplications: quick ? 50 : 500,
  },
];
const workers = availableParallelism();
const silent = { update() {}, finish() {} };

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One thread, in process: runReplications over the whole range. */
function inProcess(model, replications) {
  runReplications(model, OPTIONS, 0, Math.min(200, replications)); // JIT warm-up
  const rates = [];
  let events = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const stats = runReplications(model, OPTIONS, 0, replications);
    const seconds = (performance.now() - started) / 1000;
    events = stats.events;
    rates.push(stats.events / seconds);
  }
  return { events, eventsPerSecond: median(rates), runs: rates };
}

/** The CLI's worker pool (src/cli/simulationRunner.ts): wall time from hand-out to merged stats. */
async function pooled(model, replications, threads) {
  const runner = new SimulationRunner(threads, silent);
  await runner.run(model, OPTIONS, 0, Math.min(200 * threads, replications)); // start and warm
  const rates = [];
  let events = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const { stats } = await runner.run(model, OPTIONS, 0, replications);
    const seconds = (performance.now() - started) / 1000;
    events = stats.events;
    rates.push(stats.events / seconds);
  }
  await runner.close();
  return { workers: threads, events, eventsPerSecond: median(rates), runs: rates };
}

function simpy(variant, replications) {
  const rates = [];
  let last;
  for (let run = 0; run < RUNS; run++) {
    const out = execFileSync(
      '/usr/bin/python3',
      [
        join(ROOT, 'bench/sim/kofn_simpy.py'),
        '--variant',
        variant,
        '--replications',
        String(replications),
      ],
      { encoding: 'utf8' },
    );
    last = JSON.parse(out);
    rates.push(last.eventsPerSecond);
  }
  return { ...last, eventsPerSecond: median(rates), runs: rates };
}

const results = [];
for (const variant of VARIANTS) {
  const model = loadModel(readFileSync(join(ROOT, variant.file), 'utf8'), { file: variant.file });
  const single = inProcess(model, variant.replications);
  const oneWorker = await pooled(model, variant.replications, 1);
  const allWorkers = await pooled(model, variant.replications, workers);
  const reference = simpy(variant.name, variant.simpyReplications);
  const row = {
    variant: variant.name,
    model: variant.file,
    replications: variant.replications,
    eventsPerReplication: single.events / variant.replications,
    singleThread: single,
    oneWorker,
    allWorkers,
    speedUp: allWorkers.eventsPerSecond / oneWorker.eventsPerSecond,
    simpy: reference,
    ratioToSimpy: single.eventsPerSecond / reference.eventsPerSecond,
  };
  results.push(row);
  console.log(
    `${variant.name}: ${(single.eventsPerSecond / 1e6).toFixed(2)} M events/s on one thread, ` +
      `${(allWorkers.eventsPerSecond / 1e6).toFixed(2)} M with ${workers} workers ` +
      `(x${row.speedUp.toFixed(2)} over 1 worker), SimPy ${(reference.eventsPerSecond / 1e3).toFixed(0)} k events/s ` +
      `(relkit x${row.ratioToSimpy.toFixed(0)})`,
  );
}

const record = {
  generatedBy: 'bench/sim/run.mjs',
  command: `node bench/sim/run.mjs${quick ? ' --quick' : ''}`,
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model,
  cores: workers,
  runsPerFigure: RUNS,
  statistic: 'median',
  options: OPTIONS,
  goals: { eventsPerSecondPerCore: 20e6, speedUpTwoWorkers: 1.8, ratioToSimpy: 30 },
  results,
};
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/sim.json'), `${JSON.stringify(record, null, 2)}\n`);
console.log('wrote bench/results/sim.json');
