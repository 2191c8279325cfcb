/* global process, console */
// Rare-event benchmark (docs/benchmarks.md, "Rare-event simulation"): steady unavailability of
// highly reliable RAID 6 arrays by `relkit simulate --rare-event`, against exact values, for
// several seeds; wall and CPU seconds of each whole process. Usage, after `npm run build`:
//   node bench/rareEvent/run.mjs [--replications N] [--seeds K] [--out bench/results/rareEvent.json]
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { timed } from '../timing.mjs';

const { values } = parseArgs({
  options: {
    replications: { type: 'string', default: '50000' },
    seeds: { type: 'string', default: '5' },
    out: { type: 'string' },
  },
});
const root = join(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli/main.js');

/** The exact steady unavailability of the Markov engine's result for a model. */
function markovUnavailability(model) {
  const json = execFileSync('node', [cli, 'markov', model, '--json'], { encoding: 'utf8' });
  return JSON.parse(json).measures.steadyUnavailability;
}

const CASES = [
  {
    name: 'RAID 6 (6+2), lognormal rebuilds, a crew per disk',
    model: join(root, 'models/raid6.yaml'),
    // The model's header (mpmath by enumeration of the 2^8 disk states), nearest double.
    exact: 4.951312302485174e-11,
    exactBy: 'models/raid6.yaml header (test/reference/models_reference.py)',
  },
  {
    name: 'RAID 6 (6+2), exponential rebuilds, one crew',
    model: join(root, 'bench/rareEvent/raid6-one-crew.yaml'),
    exact: markovUnavailability(join(root, 'bench/rareEvent/raid6-one-crew.yaml')),
    exactBy: 'relkit markov',
  },
];

const loadBefore = loadavg();
const results = [];
for (const c of CASES) {
  const runs = [];
  for (let seed = 1; seed <= Number(values.seeds); seed++) {
    const args = [cli, 'simulate', c.model, '--rare-event', '--replications', values.replications];
    args.push('--seed', String(seed), '--json');
    const { stdout, wall, cpu } = timed('node', args, { keepStdout: true });
    const result = JSON.parse(stdout);
    const u = result.measures.steadyUnavailability;
    runs.push({
      seed,
      command: `relkit simulate ${c.model.slice(root.length + 1)} --rare-event --replications ${values.replications} --seed ${seed} --json`,
      wall,
      cpu,
      estimate: u.mean,
      ci95: u.ci95,
      relativeError: result.relativeError.steadyUnavailability,
      covers: u.ci95[0] <= c.exact && c.exact <= u.ci95[1],
      inconclusive: u.inconclusive ?? null,
      biasedCyclesFailed: result.biasedCyclesFailed,
      events: result.events,
    });
    console.log(
      `${c.name} seed ${seed}: U ${u.mean.toPrecision(4)} [${u.ci95.map((x) => x.toPrecision(4)).join(', ')}] relative error ${(100 * result.relativeError.steadyUnavailability).toFixed(1)} % exact ${c.exact.toPrecision(5)} ${wall} s`,
    );
  }
  results.push({ case: c.name, exact: c.exact, exactBy: c.exactBy, runs });
}
const record = {
  date: new Date().toISOString(),
  node: process.version,
  replications: Number(values.replications),
  loadAverage: { before: loadBefore, after: loadavg() },
  results,
};
const text = `${JSON.stringify(record, null, 2)}\n`;
if (values.out) writeFileSync(values.out, text);
else process.stdout.write(text);
