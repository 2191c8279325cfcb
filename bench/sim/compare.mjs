/* global process, performance, console */
// Interleaved before/after benchmark of the simulator: two compiled trees (`dist` directories),
// each run in fresh node processes taken in turn, old, new, old, new, … so that a busy machine
// slows both alike. Each process measures like bench/sim/run.mjs's single thread (warm-up, then
// 3 timed runReplications, median). Run after `npm run build`:
//   node bench/sim/compare.mjs OLD_DIST NEW_DIST [--pairs 12] [--variant exponential|weibull] [--cpu]
// --cpu divides the events by the process's CPU time (user + system, process.cpuUsage) instead of
// the wall time: on a machine loaded by other jobs, time spent waiting for a core then counts in
// neither tree.
// A copy of an older dist must resolve its packages (yaml, seedrandom): keep it in a directory
// whose parent holds node_modules or a link to it, e.g.
//   mkdir /tmp/old && cp -r dist /tmp/old/dist && ln -s "$PWD/node_modules" /tmp/old/node_modules
// Prints the events/s per core of every process, the median per tree, the after/before ratio
// per pair, the load averages before and after, and checks that both trees give the same
// statistics (bit-identical results).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const RUNS = 3;
const OPTIONS = { horizon: 1e5, mttfCap: 1, seed: 1 };
const VARIANTS = {
  exponential: { file: 'kofn-repair.yaml', replications: 20_000 },
  weibull: { file: 'kofn-repair-weibull.yaml', replications: 5_000 },
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const flag = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : fallback;
};

if (process.argv[2] === '--child') {
  // One process, one tree: prints { rates, hash } as JSON.
  const [root, name, clock] = process.argv.slice(3);
  const seconds =
    clock === 'cpu'
      ? () => {
          const { user, system } = process.cpuUsage();
          return (user + system) / 1e6;
        }
      : () => performance.now() / 1000;
  const { loadModel } = await import(join(root, 'model/loadModel.js'));
  const { runReplications } = await import(join(root, 'sim/simulate.js'));
  const variant = VARIANTS[name];
  const text = readFileSync(join(HERE, variant.file), 'utf8');
  const model = loadModel(text, { file: variant.file });
  runReplications(model, OPTIONS, 0, 200); // JIT warm-up
  const rates = [];
  let hash = '';
  for (let run = 0; run < RUNS; run++) {
    const started = seconds();
    const stats = runReplications(model, OPTIONS, 0, variant.replications);
    rates.push(stats.events / (seconds() - started));
    const reproducible = { ...stats, elapsedSeconds: 0 }; // wall time is not reproducible
    hash = createHash('sha256').update(JSON.stringify(reproducible)).digest('hex').slice(0, 16);
  }
  console.log(JSON.stringify({ rates, hash }));
} else {
  const [oldRoot, newRoot] = process.argv.slice(2, 4).map((root) => root && resolve(root));
  if (!oldRoot || !newRoot || oldRoot.startsWith('--') || newRoot.startsWith('--')) {
    console.error(
      'usage: node bench/sim/compare.mjs OLD_DIST NEW_DIST [--pairs N] [--variant V] [--cpu]',
    );
    process.exit(64);
  }
  const pairs = Number(flag('--pairs', '12'));
  const name = flag('--variant', 'exponential');
  const clock = process.argv.includes('--cpu') ? 'cpu' : 'wall';
  if (!(name in VARIANTS)) throw new Error(`--variant must be one of ${Object.keys(VARIANTS)}`);
  const load = () =>
    loadavg()
      .map((x) => x.toFixed(2))
      .join(', ');
  const child = (root) =>
    JSON.parse(
      execFileSync(
        process.execPath,
        [fileURLToPath(import.meta.url), '--child', root, name, clock],
        { encoding: 'utf8' },
      ),
    );
  const loadBefore = load();
  const trees = { old: [], new: [] };
  const hashes = new Set();
  const f = (x) => (x / 1e6).toFixed(2);
  for (let pair = 0; pair < pairs; pair++) {
    const row = [];
    for (const [key, root] of [
      ['old', oldRoot],
      ['new', newRoot],
    ]) {
      const { rates, hash } = child(root);
      trees[key].push(median(rates));
      hashes.add(hash);
      row.push(`${key} ${f(median(rates))} (${rates.map(f).join(' ')})`);
    }
    console.log(`pair ${pair + 1}: ${row.join('   ')}`);
  }
  const ratios = trees.new.map((x, i) => x / trees.old[i]);
  const range = (xs, g) => `${g(Math.min(...xs))}–${g(Math.max(...xs))}`;
  console.log(
    `${name}, ${pairs} pairs, M events per ${clock === 'cpu' ? 'CPU' : 'wall'} second (median of each process's ${RUNS} runs):`,
  );
  console.log(`  old: median ${f(median(trees.old))}, range ${range(trees.old, f)}`);
  console.log(`  new: median ${f(median(trees.new))}, range ${range(trees.new, f)}`);
  const r = (x) => x.toFixed(3);
  console.log(`  new/old per pair: median ${r(median(ratios))}, range ${range(ratios, r)}`);
  console.log(`  load average (1, 5, 15 min): ${loadBefore} before, ${load()} after`);
  console.log(
    hashes.size === 1 ? '  statistics identical in every process' : '  STATISTICS DIFFER',
  );
  if (hashes.size !== 1) process.exitCode = 1;
}
