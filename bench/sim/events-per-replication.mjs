/* global process, console */
// Events per replication of the reference models under the default options (every measure) and
// with fewer measures, for docs/benchmarks.md ("Events per replication"). Run after
// `npm run build`: node bench/sim/events-per-replication.mjs [ROOT]
// ROOT (default this checkout) may be another build, e.g. a worktree of an older commit, to
// compare; options the older build does not know are ignored by it.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = join(dirname(fileURLToPath(import.meta.url)), '../..');
const root = process.argv[2] ?? HERE;
const { loadModel } = await import(join(root, 'dist/model/loadModel.js'));
const { runReplications } = await import(join(root, 'dist/sim/simulate.js'));
const REPLICATIONS = 1000;
const RUNS = [
  ['every measure', { horizon: 1e5, seed: 1 }],
  [
    'without mttf',
    { horizon: 1e5, seed: 1, measures: ['steadyAvailability', 'intervalAvailability'] },
  ],
  ['horizon only (mttfCap 1)', { horizon: 1e5, seed: 1, mttfCap: 1 }],
];
for (const file of ['kofn-repair.yaml', 'kofn-repair-weibull.yaml']) {
  const model = loadModel(readFileSync(join(HERE, 'bench/sim', file), 'utf8'));
  for (const [label, options] of RUNS) {
    const stats = runReplications(model, options, 0, REPLICATIONS);
    console.log(
      `${file.padEnd(26)} ${label.padEnd(26)} ${Math.round(stats.events / REPLICATIONS)} events per replication`,
    );
  }
}
