/**
 * WorkerPool with a stub worker module written to a temporary folder: replies, a task that
 * throws, a worker that dies once (retried on a fresh worker) or every time (fails clearly).
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { chunkFailure } from '../../src/cli/simulationRunner.js';
import { WorkerDiedError, WorkerPool } from '../../src/cli/workerPool.js';

/** What the stub does with one task. */
interface StubTask {
  readonly action: 'reply' | 'throw' | 'exit' | 'uncaught';
  readonly value: number;
  /** With exit or uncaught: die only when this file does not exist yet (and create it). */
  readonly marker?: string;
}

const STUB = `
import { existsSync, writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ id, task }) => {
  const dies = task.marker === undefined || !existsSync(task.marker);
  if (task.marker !== undefined && dies) writeFileSync(task.marker, '');
  if (task.action === 'exit' && dies) process.exit(1);
  if (task.action === 'uncaught' && dies) {
    setTimeout(() => { throw new Error('stub lost its state'); });
    return;
  }
  try {
    if (task.action === 'throw') throw new RangeError('bad value ' + task.value);
    parentPort.postMessage({ id, reply: task.value * 2 });
  } catch (error) {
    parentPort.postMessage({ id, error: { name: error.name, message: error.message } });
  }
});
`;

const dir = mkdtempSync(join(tmpdir(), 'relkit-pool-'));
const script = pathToFileURL(join(dir, 'stub.mjs'));
writeFileSync(script, STUB);
let pools: WorkerPool<StubTask, number>[] = [];

function pool(workers: number): WorkerPool<StubTask, number> {
  const created = new WorkerPool<StubTask, number>({ script, workers });
  pools.push(created);
  return created;
}

function marker(name: string): string {
  return join(mkdtempSync(join(dir, 'marker-')), name);
}

afterEach(async () => {
  await Promise.all(pools.map((p) => p.terminate()));
  pools = [];
});

describe('WorkerPool faults', () => {
  it('answers every task', async () => {
    const p = pool(2);
    const replies = await Promise.all(
      [1, 2, 3, 4, 5].map((value) => p.run({ action: 'reply', value })),
    );
    expect(replies).toEqual([2, 4, 6, 8, 10]);
  });

  it('re-runs a task once on a fresh worker when its worker exits', async () => {
    const p = pool(1);
    const once = marker('exit');
    expect(await p.run({ action: 'exit', value: 21, marker: once })).toBe(42);
    expect(existsSync(once)).toBe(true);
    // The pool still works afterwards, with its one worker replaced.
    expect(await p.run({ action: 'reply', value: 3 })).toBe(6);
  });

  it('re-runs a task once when an error escapes the worker outside the task', async () => {
    const p = pool(2);
    const once = marker('uncaught');
    expect(await p.run({ action: 'uncaught', value: 5, marker: once })).toBe(10);
  });

  it('fails a task whose worker dies twice, and keeps serving others', async () => {
    const p = pool(2);
    const died = p.run({ action: 'exit', value: 1 }).catch((error: unknown) => error);
    const other = p.run({ action: 'reply', value: 4 });
    const error = await died;
    expect(error).toBeInstanceOf(WorkerDiedError);
    expect((error as WorkerDiedError).reason).toBe('exit code 1');
    expect((error as Error).message).toBe(
      'workerPool: a worker died twice on one task (exit code 1)',
    );
    expect(await other).toBe(8);
    expect(await p.run({ action: 'reply', value: 7 })).toBe(14);
  });

  it('names an uncaught error when a worker dies of it twice', async () => {
    const p = pool(1);
    await expect(p.run({ action: 'uncaught', value: 1 })).rejects.toThrow(
      /^workerPool: a worker died twice on one task \(uncaught Error: stub lost its state\)$/,
    );
  });

  it('fails a task that throws at once with its message, without a retry', async () => {
    const p = pool(1);
    const error = await p.run({ action: 'throw', value: -3 }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(WorkerDiedError);
    expect(error).toMatchObject({ name: 'RangeError', message: 'bad value -3' });
  });

  it('chunkFailure turns a failed chunk into a one-line message for the CLI (exit 1)', () => {
    const died = chunkFailure('simulate', new WorkerDiedError('exit code 1'), 4000, 1000);
    expect(died.message).toBe(
      'simulate: a worker died twice on replications 4000–4999 (exit code 1); no result was written',
    );
    expect(died).toMatchObject({ exitCode: 1 });
    const thrown = new RangeError('simulate: horizon must be > 0; got NaN');
    expect(chunkFailure('check', thrown, 0, 16).message).toBe(
      'check: replications 0–15 failed: RangeError: simulate: horizon must be > 0; got NaN; no result was written',
    );
  });
});
