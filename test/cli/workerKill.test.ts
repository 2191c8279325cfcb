/**
 * Worker faults end to end: relkit simulate on the real binary, its real worker script and pool,
 * with the thread running the first chunk of replications killed (Worker.terminate) while it
 * computes. A preload module (node --import) does the killing, so relkit itself has no hook for
 * it: it wraps Worker.prototype.postMessage and, once the worker has been busy for 50 ms with the
 * chunk of replications 0–15, terminates it, either once or every time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, requireBuiltCli, type CliRun } from '../helpers/cli.js';

/** One unit failing and repaired every hour or so: about a million events, 60 ms, a replication. */
const BUSY = `name: busy unit
components:
  u: { failure: { mtbf: 1 }, repair: { mttr: 1 } }
system: u
`;
/** Two workers, two first chunks of 16 replications, each about a second of work. */
const RUN = ['--replications', '32', '--horizon', '1e6', '--workers', '2', '--seed', '7', '--json'];

/** The preload: kills the worker running replications 0–15 `times` times (1, or every time). */
function killer(dir: string, log: string, times: number): string {
  const path = join(dir, 'kill.mjs');
  writeFileSync(
    path,
    `import { appendFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
const post = Worker.prototype.postMessage;
let kills = 0;
Worker.prototype.postMessage = function (message, ...rest) {
  post.call(this, message, ...rest);
  const task = message?.task;
  if (task?.first !== 0 || kills >= ${times}) return;
  kills += 1;
  // Busy, not merely started: the thread has run JavaScript for 50 ms since it got the chunk
  // (loading the worker's modules takes about 4 ms of it; the chunk about 500 ms).
  const before = this.performance.eventLoopUtilization();
  const timer = setInterval(() => {
    if (this.performance.eventLoopUtilization(before).active < 50) return;
    clearInterval(timer);
    appendFileSync(${JSON.stringify(log)}, 'killed the worker on replications 0-15\\n');
    void this.terminate();
  }, 5);
  // A chunk that ends first is not killed, and says so (the test then fails).
  this.on('message', (reply) => {
    if (reply.id !== message.id) return;
    clearInterval(timer);
    appendFileSync(${JSON.stringify(log)}, 'replications 0-15 ended before the kill\\n');
  });
};
`,
  );
  return pathToFileURL(path).href;
}

/** Runs relkit with node options first (the preload), from the repository root. */
function relkitWith(nodeOptions: string[], ...args: string[]): CliRun {
  const result = spawnSync(process.execPath, [...nodeOptions, BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The parts of a result that must not depend on workers, chunks or retries (no timing). */
function reproducible(json: string): unknown {
  const { measures, replications, events, seed, model, horizon, criticality, warnings } =
    JSON.parse(json);
  return { measures, replications, events, seed, model, horizon, criticality, warnings };
}

beforeAll(requireBuiltCli);

describe('relkit simulate with a worker killed mid-chunk', () => {
  it('re-runs the chunk on a fresh worker: the result is bit-identical to an undisturbed run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'relkit-kill-'));
    const model = join(dir, 'busy.yaml');
    writeFileSync(model, BUSY);
    const log = join(dir, 'kills.log');
    const undisturbed = relkitWith([], 'simulate', model, ...RUN);
    expect(undisturbed.status).toBe(0);
    const killed = relkitWith(['--import', killer(dir, log, 1)], 'simulate', model, ...RUN);
    expect(readFileSync(log, 'utf8')).toBe('killed the worker on replications 0-15\n');
    expect(killed.stderr).toBe('');
    expect(killed.status).toBe(0);
    expect(reproducible(killed.stdout)).toEqual(reproducible(undisturbed.stdout));
    expect(JSON.parse(killed.stdout).replications).toBe(32);
  });

  it('fails the run with exit 1, a one-line message and no output file when killed twice', () => {
    const dir = mkdtempSync(join(tmpdir(), 'relkit-kill-'));
    const model = join(dir, 'busy.yaml');
    writeFileSync(model, BUSY);
    const log = join(dir, 'kills.log');
    const outDir = mkdtempSync(join(tmpdir(), 'relkit-kill-out-'));
    const out = join(outDir, 'result.json');
    const killed = relkitWith(
      ['--import', killer(dir, log, Infinity)],
      'simulate',
      model,
      ...RUN,
      '--out',
      out,
    );
    expect(readFileSync(log, 'utf8')).toBe('killed the worker on replications 0-15\n'.repeat(2));
    expect(killed.status).toBe(1);
    expect(killed.stderr).toBe(
      'relkit: simulate: a worker died twice on replications 0–15 (exit code 1); no result was written\n',
    );
    expect(killed.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(outDir)).toEqual([]);
  });
});
