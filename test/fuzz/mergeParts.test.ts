/**
 * Fuzzing of `relkit merge` parts (issue #14): valid shard files of three models are mutated one
 * field at a time (NaN, ±Infinity, negative, huge, wrong type, wrong length, missing) and merged
 * with `mergeShards`, the function behind `relkit merge`. Every case must end within 10 s with a
 * result or one of relkit's error types, in one line; the mutations that no run can produce (a
 * non-finite number, a wrong type, a missing field, a fixed-length array of another length) must
 * be refused.
 *
 * The cases run on a worker thread of this process, so that a case that loops (a NaN partial
 * once made the merge loop without end, its memory growing) is stopped by the 10 s guard and
 * reported with its seed instead of hanging the suite. The worker runs the built code (dist/,
 * `npm run build`, which `npm test` runs first); the test refuses a dist/ older than the sources.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/loadModel.js';
import type { Model } from '../../src/model/Model.js';
import { runReplications } from '../../src/sim/simulate.js';
import { ROOT } from '../helpers/cli.js';
import { testRng } from '../helpers/testRng.js';

/** Hang guard per case: a merge of three small parts takes milliseconds. */
const HANG_SECONDS = 10;
/** Random cases after the systematic ones (every top-level field with every mutation). */
const RANDOM_CASES = 2500;
const SEED = 14;

/** Sources whose build the worker runs: dist/ must not be older than any of them. */
const SOURCES = [
  'cli/merge.ts',
  'sim/statsValidation.ts',
  'sim/stats.ts',
  'sim/simulate.ts',
  'sim/measures.ts',
  'numeric/exactAccumulator.ts',
];

const MODELS: Record<string, string> = {
  // Non-repairable: runs on past the horizon for the MTTF (firstFailure, censored).
  tmr: readFileSync(join(ROOT, 'models/tmr-voter.yaml'), 'utf8'),
  // Repairable and exponential: regeneration cycles (cycleSums, longestCycle).
  cooling: readFileSync(join(ROOT, 'models/cooling-loop.yaml'), 'utf8'),
  // Fixed repair time: not regenerative, so the batch and suffix sums of MSER are filled.
  fixedRepair:
    'name: fixed repair\ncomponents: { x: { count: 2, failure: { mtbf: 10 }, repair: { dist: deterministic, value: 2 } } }\nsystem: { parallel: [x] }\n',
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];
const KINDS = [
  'nan',
  'inf',
  '-inf',
  'negative',
  'huge',
  'wrongType',
  'wrongLength',
  'missing',
] as const;
type Kind = (typeof KINDS)[number];

interface Case {
  readonly set: string;
  readonly part: number;
  readonly path: Path;
  readonly kind: Kind;
}

/** Three shards of 90 replications of each model, as relkit simulate --shard i/3 writes them. */
function shardSets(): Record<string, Json[]> {
  const sets: Record<string, Json[]> = {};
  for (const [name, text] of Object.entries(MODELS)) {
    const model: Model = loadModel(text);
    sets[name] = [0, 1, 2].map((index) => {
      const stats = runReplications(model, { seed: 5 }, index * 30, 30);
      const file = { ...stats, model, shard: { index, count: 3, replications: 90 } };
      return JSON.parse(JSON.stringify(file)) as Json;
    });
  }
  return sets;
}

/** Every path in `value` (objects and arrays too), the model's only two levels deep. */
function paths(value: Json, prefix: Path = []): Path[] {
  const found: Path[] = [];
  const deep = prefix[0] === 'model' ? prefix.length < 3 : true;
  if (value !== null && typeof value === 'object' && deep) {
    const keys: (string | number)[] = Array.isArray(value)
      ? value.map((_, i) => i)
      : Object.keys(value);
    for (const key of keys) {
      const child = (value as Record<string | number, Json>)[key]!;
      found.push([...prefix, key], ...paths(child, [...prefix, key]));
    }
  }
  return found;
}

function get(root: Json, path: Path): Json {
  return path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key]!, root);
}

/** A value of another JSON type than `value`. */
function otherType(value: Json, pick: number): Json {
  const candidates: Json[] = ['many', null, {}, [], true, 7];
  const type = (x: Json): string => (Array.isArray(x) ? 'array' : x === null ? 'null' : typeof x);
  const others = candidates.filter((candidate) => type(candidate) !== type(value));
  return others[pick % others.length]!;
}

/** Applies the mutation to a copy of the part set; returns the set and whether it must fail. */
function mutate(
  parts: readonly Json[],
  c: Case,
  pick: number,
): { parts: unknown[]; mustRefuse: boolean } {
  const copy = structuredClone(parts) as unknown[];
  const parent = get(copy[c.part] as Json, c.path.slice(0, -1)) as Record<string | number, unknown>;
  const key = c.path[c.path.length - 1]!;
  const old = parent[key] as Json;
  // Accumulators' partial lists have no fixed length, and partials may be of either sign.
  const inPartials = c.path.includes('partials');
  let mustRefuse = ['nan', 'inf', '-inf', 'wrongType'].includes(c.kind);
  switch (c.kind) {
    case 'nan':
      parent[key] = NaN;
      break;
    case 'inf':
      parent[key] = Infinity;
      break;
    case '-inf':
      parent[key] = -Infinity;
      break;
    case 'negative':
      parent[key] = typeof old === 'number' ? -Math.abs(old) - 1 : -1;
      break;
    case 'huge':
      parent[key] = [1e308, 2 ** 53, 1e21][pick % 3];
      break;
    case 'wrongType':
      parent[key] = otherType(old, pick);
      break;
    case 'wrongLength':
      if (Array.isArray(old)) {
        parent[key] = old.length > 0 ? old.slice(0, Math.floor(old.length / 2)) : [0];
        mustRefuse = !inPartials && c.path[c.path.length - 1] !== 'partials';
      } else {
        parent[key] = otherType(old, pick);
        mustRefuse = true;
      }
      break;
    case 'missing':
      if (Array.isArray(parent)) {
        parent.splice(key as number, 1);
        mustRefuse = !inPartials;
      } else {
        delete parent[key];
        mustRefuse = true;
      }
      break;
  }
  return { parts: copy, mustRefuse };
}

/** What the worker answers for one case. */
interface Outcome {
  readonly ok: boolean;
  readonly known?: boolean;
  readonly name?: string;
  readonly message?: string;
  readonly stack?: string;
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
const load = (path) => import(pathToFileURL(workerData.root + '/dist/' + path).href);
Promise.all([load('cli/merge.js'), load('errors.js'), load('cli/io.js')]).then(([merge, errors, io]) => {
  const known = [errors.ParameterError, errors.ModelError, errors.UnsupportedModelError,
    errors.ConvergenceError, errors.WorkBudgetError, io.UsageError];
  parentPort.on('message', ({ parts, names }) => {
    try {
      merge.mergeShards(parts, names);
      parentPort.postMessage({ ok: true });
    } catch (error) {
      parentPort.postMessage({ ok: false, known: known.some((K) => error instanceof K),
        name: error && error.name, message: String(error && error.message),
        stack: String(error && error.stack) });
    }
  });
  parentPort.postMessage({ ready: true });
});
`;

/** A worker thread running the built merge, restarted after a case it could not finish. */
class MergeWorker {
  #worker: Worker | undefined;
  #ready: Promise<void> | undefined;

  async start(): Promise<void> {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { root: ROOT },
      // A case whose memory grows without end dies here, long before the machine's memory.
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
    this.#worker = worker;
    this.#ready = new Promise((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
    await this.#ready;
  }

  /** Runs one case; a timeout or a dead worker is an outcome, and the worker is restarted. */
  async run(parts: unknown[], names: string[]): Promise<Outcome> {
    const worker = this.#worker!;
    const outcome = await new Promise<Outcome>((resolve) => {
      const timer = setTimeout(() => {
        cleanup();
        resolve({ ok: false, name: 'hang', message: `no answer within ${HANG_SECONDS} s` });
      }, HANG_SECONDS * 1000);
      const onMessage = (message: Outcome): void => {
        cleanup();
        resolve(message);
      };
      const onError = (error: Error): void => {
        cleanup();
        resolve({ ok: false, name: 'worker died', message: error.message });
      };
      const cleanup = (): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.postMessage({ parts, names });
    });
    if (outcome.name === 'hang' || outcome.name === 'worker died') {
      await worker.terminate();
      await this.start();
    }
    return outcome;
  }

  async close(): Promise<void> {
    await this.#worker?.terminate();
  }
}

/** The systematic cases: every top-level field of part 1 of every set, with every mutation. */
function systematicCases(sets: Record<string, Json[]>): Case[] {
  const cases: Case[] = [];
  for (const [set, parts] of Object.entries(sets)) {
    for (const key of Object.keys(parts[1] as object)) {
      for (const kind of KINDS) cases.push({ set, part: 1, path: [key], kind });
    }
  }
  return cases;
}

/** Seeded random cases: a set, a part, any path in it, a mutation. */
function randomCases(sets: Record<string, Json[]>, count: number): Case[] {
  const rng = testRng(SEED);
  const draw = (n: number): number => Math.floor(rng.next() * n);
  const names = Object.keys(sets);
  const pathsOf = new Map(names.map((name) => [name, sets[name]!.map((part) => paths(part))]));
  return Array.from({ length: count }, () => {
    const set = names[draw(names.length)]!;
    const part = draw(3);
    const candidates = pathsOf.get(set)![part]!;
    return {
      set,
      part,
      path: candidates[draw(candidates.length)]!,
      kind: KINDS[draw(KINDS.length)]!,
    };
  });
}

const worker = new MergeWorker();
let sets: Record<string, Json[]>;

beforeAll(async () => {
  for (const source of SOURCES) {
    const built = join(ROOT, 'dist', source.replace(/\.ts$/, '.js'));
    const stale = statSync(join(ROOT, 'src', source)).mtimeMs > statSync(built).mtimeMs;
    if (stale) throw new Error(`${built} is older than src/${source}: run npm run build`);
  }
  sets = shardSets();
  await worker.start();
});

afterAll(async () => {
  await worker.close();
});

describe('merge parts fuzzing', () => {
  it('valid parts merge; any two of three merge with a warning', async () => {
    for (const parts of Object.values(sets)) {
      expect(await worker.run(parts, ['a.json', 'b.json', 'c.json'])).toEqual({ ok: true });
      expect(await worker.run([parts[2], parts[0]], ['c.json', 'a.json'])).toEqual({ ok: true });
    }
  });

  it(`mutated parts: a result or a one-line relkit error within ${HANG_SECONDS} s, seed ${SEED}`, async () => {
    const cases = [...systematicCases(sets), ...randomCases(sets, RANDOM_CASES)];
    const failures: string[] = [];
    let refused = 0;
    for (const [i, c] of cases.entries()) {
      const { parts, mustRefuse } = mutate(sets[c.set]!, c, i);
      const outcome = await worker.run(parts, ['a.json', 'b.json', 'c.json']);
      const what = `case ${i}: ${c.set} part ${c.part} ${c.path.join('.')} ${c.kind}`;
      if (!outcome.ok) refused++;
      if (!outcome.ok && !outcome.known) {
        failures.push(`${what}: ${outcome.name}: ${outcome.message}\n${outcome.stack ?? ''}`);
      } else if (!outcome.ok && outcome.message!.includes('\n')) {
        failures.push(`${what}: a message of several lines: ${outcome.message}`);
      } else if (outcome.ok && mustRefuse) {
        failures.push(`${what}: accepted`);
      }
      if (failures.length >= 10) break;
    }
    expect(failures).toEqual([]);
    // Most mutations break a part; a fuzzer that refuses nothing would test nothing.
    expect(refused).toBeGreaterThan(cases.length / 2);
  });
});
