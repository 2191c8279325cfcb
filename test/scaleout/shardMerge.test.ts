/**
 * The scale-out recipes of deploy/ run locally with the real binary: 4 shards of a simulation,
 * then `relkit merge`, must equal one `relkit simulate` of the same replications and seed exactly
 * (STYLE.md §6). Each recipe runs its own commands: the GNU parallel script, the Slurm array
 * script once per task id, and the shell commands of the Kubernetes Jobs with
 * JOB_COMPLETION_INDEX set as Kubernetes sets it.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'dist/cli/main.js');
const MODEL = join(ROOT, 'models/web-3tier.yaml');
const SHARDS = 4;
const REPLICATIONS = 200;
const SEED = 7;

interface SimulationJson {
  readonly method: string;
  readonly model: { readonly hash: string };
  readonly measures: Record<string, unknown>;
  readonly warnings: readonly string[];
  readonly replications: number;
  readonly events: number;
  readonly seed: number;
  readonly criticality: readonly unknown[];
}

const scratch = mkdtempSync(join(tmpdir(), 'relkit-scaleout-'));
// A `relkit` on PATH that runs this checkout's build, as the recipes expect an installed one.
const shimDir = join(scratch, 'bin');
const env = { ...process.env, PATH: `${shimDir}${delimiter}${process.env.PATH ?? ''}` };

function check(run: SpawnSyncReturns<string>, what: string): void {
  expect(run.status, `${what}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`).toBe(0);
}

function readResult(path: string): SimulationJson {
  return JSON.parse(readFileSync(path, 'utf8')) as SimulationJson;
}

/** The merged result equals the single run in everything but timing. */
function expectSameAsSingle(merged: SimulationJson, single: SimulationJson): void {
  expect(merged.method).toBe('simulation');
  expect(merged.measures).toEqual(single.measures);
  expect(merged.replications).toBe(REPLICATIONS);
  expect(merged.seed).toBe(SEED);
  expect(merged.model.hash).toBe(single.model.hash);
  expect(merged.events).toBe(single.events);
  expect(merged.criticality).toEqual(single.criticality);
  expect(merged.warnings).toEqual(single.warnings);
}

let single: SimulationJson;

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build (npm test does)`);
  spawnSync('mkdir', ['-p', shimDir]);
  writeFileSync(join(shimDir, 'relkit'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(shimDir, 'relkit'), 0o755);
  const out = join(scratch, 'single.json');
  check(
    spawnSync(
      'relkit',
      [
        'simulate',
        MODEL,
        '--replications',
        String(REPLICATIONS),
        '--seed',
        String(SEED),
        '--json',
        '--out',
        out,
      ],
      { env, encoding: 'utf8' },
    ),
    'relkit simulate (single run)',
  );
  single = readResult(out);
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('scale-out recipes: 4 shards merged equal one run', () => {
  it('deploy/parallel/run.sh merges to the single run', () => {
    const outDir = join(scratch, 'parallel');
    const run = spawnSync('bash', [join(ROOT, 'deploy/parallel/run.sh'), MODEL], {
      env: {
        ...env,
        SHARDS: String(SHARDS),
        REPLICATIONS: String(REPLICATIONS),
        SEED: String(SEED),
        OUT_DIR: outDir,
      },
      encoding: 'utf8',
    });
    check(run, 'deploy/parallel/run.sh');
    expectSameAsSingle(readResult(join(outDir, 'result.json')), single);
  });

  it('deploy/slurm/simulate-array.sh, once per array task id, then MERGE=1', () => {
    const outDir = join(scratch, 'slurm');
    const script = join(ROOT, 'deploy/slurm/simulate-array.sh');
    const common = {
      ...env,
      REPLICATIONS: String(REPLICATIONS),
      SEED: String(SEED),
      OUT_DIR: outDir,
      SLURM_ARRAY_TASK_COUNT: String(SHARDS),
    };
    for (let task = 0; task < SHARDS; task++) {
      const run = spawnSync('bash', [script, MODEL], {
        env: { ...common, SLURM_ARRAY_TASK_ID: String(task) },
        encoding: 'utf8',
      });
      check(run, `slurm task ${task}`);
    }
    check(
      spawnSync('bash', [script, MODEL], {
        env: { ...common, MERGE: '1', SHARDS: String(SHARDS) },
        encoding: 'utf8',
      }),
      'slurm merge',
    );
    expectSameAsSingle(readResult(join(outDir, 'result.json')), single);
  });

  it('deploy/kubernetes/simulate-job.yaml: the Indexed Job per completion index, then the merge Job', () => {
    const outDir = join(scratch, 'kubernetes');
    const documents = parseAllDocuments(
      readFileSync(join(ROOT, 'deploy/kubernetes/simulate-job.yaml'), 'utf8'),
    ).map((document) => document.toJS() as KubernetesObject);
    const jobs = documents.filter((d) => d.kind === 'Job');
    const indexed = jobs.find((job) => job.spec.completionMode === 'Indexed');
    const merge = jobs.find((job) => job.spec.completionMode === undefined);
    if (!indexed || !merge) throw new Error('expected an Indexed Job and a merge Job');
    const completions = indexed.spec.completions;
    // The manifest's own settings, with the paths and sizes of this test.
    const overrides = {
      MODEL,
      REPLICATIONS: String(REPLICATIONS),
      SEED: String(SEED),
      SHARDS: String(SHARDS),
      OUT_DIR: join(outDir, 'parts'),
      RESULT: join(outDir, 'result.json'),
      WORKERS: '1',
    };
    const simulate = indexed.spec.template.spec.containers[0]!;
    expect(simulate.env.find((e) => e.name === 'SHARDS')?.value).toBe(String(completions));
    for (let index = 0; index < SHARDS; index++) {
      const [command, ...args] = simulate.command;
      const run = spawnSync(command!, args, {
        env: {
          ...env,
          ...containerEnv(simulate, overrides),
          JOB_COMPLETION_INDEX: String(index),
        },
        encoding: 'utf8',
      });
      check(run, `kubernetes simulate pod ${index}`);
    }
    for (const container of [
      ...(merge.spec.template.spec.initContainers ?? []),
      ...merge.spec.template.spec.containers,
    ]) {
      const [command, ...args] = container.command;
      check(
        spawnSync(command!, args, {
          env: { ...env, ...containerEnv(container, overrides) },
          encoding: 'utf8',
          timeout: 30_000,
        }),
        `kubernetes merge job container ${container.name}`,
      );
    }
    expectSameAsSingle(readResult(overrides.RESULT), single);
  });
});

interface Container {
  readonly name: string;
  readonly command: readonly string[];
  readonly env: readonly { readonly name: string; readonly value: string }[];
}
interface KubernetesObject {
  readonly kind: string;
  readonly spec: {
    readonly completionMode?: string;
    readonly completions: number;
    readonly template: {
      readonly spec: {
        readonly containers: readonly Container[];
        readonly initContainers?: readonly Container[];
      };
    };
  };
}

/** The container's environment as the manifest sets it, with this test's values where set. */
function containerEnv(
  container: Container,
  overrides: Readonly<Record<string, string>>,
): Record<string, string> {
  return Object.fromEntries(
    container.env.map(({ name, value }) => [name, overrides[name] ?? value]),
  );
}
