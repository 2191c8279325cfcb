/**
 * relkit simulate and merge on the real binary: reproducibility for any --workers and any shard
 * split, --precision, atomic --out that fails before the run, Ctrl-C keeping finished work; plus
 * the pieces (flag parsing, shard ranges, CSV, worker pool) in process.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePrecision } from '../../src/cli/simulate.js';
import { parseShard, shardRange } from '../../src/cli/simulationFlags.js';
import { resultToCsv } from '../../src/cli/simulationOutput.js';
import { CancelledError, WorkerPool } from '../../src/cli/workerPool.js';
import { relkit, ROOT, BIN, requireBuiltCli } from '../helpers/cli.js';

// Non-repairable, fast: about 2 events per replication.
const TMR = 'models/tmr-voter.yaml';
// Repairable, exponential, one crew: about 0.05 events per hour.
const COOLING = 'models/cooling-loop.yaml';

function scratchDir(): string {
  return mkdtempSync(join(tmpdir(), 'relkit-sim-'));
}

/** The parts of a result that must not depend on workers or shards (timing fields left out). */
function reproducible(json: string): unknown {
  const { measures, replications, events, seed, model, horizon } = JSON.parse(json);
  return { measures, replications, events, seed, model, horizon };
}

beforeAll(requireBuiltCli);

describe('relkit simulate', () => {
  it('gives identical measures with --workers 1 and --workers 2', () => {
    const one = relkit('simulate', TMR, '--replications', '3000', '--workers', '1', '--json');
    const two = relkit('simulate', TMR, '--replications', '3000', '--workers', '2', '--json');
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(reproducible(two.stdout)).toEqual(reproducible(one.stdout));
    expect(JSON.parse(one.stdout).replications).toBe(3000);
  });

  it('runs a model with a spare pool, on two workers as on one', () => {
    const file = join(scratchDir(), 'pool.yaml');
    writeFileSync(
      file,
      `name: pumps with a spare pool
components:
  pump: { count: 2, failure: { rate: 0.01 }, repair: { mttr: 8 } }
system: { parallel: [pump] }
maintenance:
  crews: 1
  spares: [{ name: stores, components: [pump], stock: 1, lead_time: { dist: lognormal, mean: 100, sd: 50 } }]
`,
    );
    const run = (workers: string) =>
      relkit('simulate', file, '--replications', '400', '--workers', workers, '--json');
    const one = run('1');
    expect(one.stderr).toBe('');
    expect(one.status).toBe(0);
    expect(JSON.parse(one.stdout).measures.steadyUnavailability.mean).toBeGreaterThan(0);
    expect(reproducible(run('2').stdout)).toEqual(reproducible(one.stdout));
  });

  it('merge of every --shard i/n equals the single run exactly', () => {
    const dir = scratchDir();
    const single = relkit('simulate', TMR, '--replications', '2000', '--seed', '7', '--json');
    const parts = [0, 1, 2].map((i) => join(dir, `part${i}.json`));
    parts.forEach((part, i) => {
      const shard = relkit(
        'simulate',
        TMR,
        '--replications',
        '2000',
        '--seed',
        '7',
        '--shard',
        `${i}/3`,
        '--out',
        part,
      );
      expect(shard.status).toBe(0);
    });
    // Any order of the parts.
    const merged = relkit('merge', parts[2]!, parts[0]!, parts[1]!, '--json');
    expect(merged.status).toBe(0);
    expect(reproducible(merged.stdout)).toEqual(reproducible(single.stdout));
  });

  it('merge warns about a missing shard and refuses parts of different seeds', () => {
    const dir = scratchDir();
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    relkit('simulate', TMR, '--replications', '400', '--shard', '0/2', '--out', a);
    relkit('simulate', TMR, '--replications', '400', '--shard', '1/2', '--seed', '2', '--out', b);
    const partial = relkit('merge', a, '--json');
    expect(partial.status).toBe(0);
    expect(JSON.parse(partial.stdout).warnings).toContain(
      'the parts cover 200 of 400 replications; missing 200-399 (a shard not run, or interrupted)',
    );
    const mixed = relkit('merge', a, b);
    expect(mixed.status).toBe(1);
    expect(mixed.stderr).toMatch(
      /^relkit: merge: mergeSimulationStats: .*seed must equal .*; got 2\n$/,
    );
    const unreadable = relkit('merge', join(dir, 'nope.json'));
    expect(unreadable.status).toBe(1);
    expect(unreadable.stderr).toMatch(/nope\.json: cannot read: no such file or directory\n$/);
  });

  it('--precision stops once the half-width is within the goal', () => {
    const { status, stdout } = relkit('simulate', TMR, '--precision', '1.5%', '--json');
    expect(status).toBe(0);
    const result = JSON.parse(stdout);
    const { mean, ci95 } = result.measures.mttf;
    expect((ci95[1] - ci95[0]) / 2).toBeLessThanOrEqual(0.015 * mean);
    expect(result.warnings.some((w: string) => w.startsWith('precision reached: mttf'))).toBe(true);
  });

  it('--precision warns when the cap of --replications is hit', () => {
    const { status, stderr } = relkit(
      'simulate',
      TMR,
      '--precision',
      '0.01%',
      '--replications',
      '500',
    );
    expect(status).toBe(0);
    expect(stderr).toMatch(
      /^relkit: warning: precision not reached: .* after the cap of 500 replications/,
    );
  });

  it('--out writes atomically (no temporary file left) and CSV has the documented layout', () => {
    const dir = scratchDir();
    const out = join(dir, 'result.csv');
    const { status, stdout } = relkit(
      'simulate',
      TMR,
      '--replications',
      '300',
      '--csv',
      '--out',
      out,
    );
    expect(status).toBe(0);
    expect(stdout).toBe('');
    expect(readdirSync(dir)).toEqual(['result.csv']);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('measure,t,value,lo,hi');
    expect(lines.filter((line) => line.startsWith('reliability,'))).toHaveLength(21);
    expect(lines.find((line) => line.startsWith('mttf,'))).toMatch(/^mttf,,[\d.]+,[\d.]+,[\d.]+$/);
  });

  it('fails before running when --out cannot be written', () => {
    const out = join(scratchDir(), 'missing-dir', 'result.json');
    const { status, stderr } = relkit('simulate', TMR, '--replications', '1e9', '--out', out);
    expect(status).toBe(1);
    expect(stderr).toBe(
      `relkit: ${out}: cannot write: directory ${join(out, '..')} does not exist\n`,
    );
  });

  it.each([
    [['--replications', '0'], 1, '--replications must be an integer >= 1; got 0'],
    [['--replications=-5'], 1, '--replications must be an integer >= 1; got -5'],
    [['--horizon=-1'], 1, '--horizon must be a finite number > 0; got -1'],
    [['--grid', '1'], 1, '--grid must be an integer in [2, 100000]; got 1'],
    [['--grid', '100001'], 1, '--grid must be an integer in [2, 100000]; got 100001'],
    [['--shard', '1-3'], 64, '--shard must be i/n, such as 0/4; got "1-3"'],
    [
      ['--shard', '3/3'],
      1,
      '--shard i/n must have n >= 1 and 0 <= i < n (i is 0-based); got "3/3"',
    ],
    [['--precision', '0'], 1, '--precision must be > 0; got "0"'],
    [['--max-events', '0'], 1, '--max-events must be a finite number > 0; got 0'],
    [['--max-events', 'many'], 64, '--max-events must be a finite number; got "many"'],
  ])('refuses %j with exit %i', (flags, code, message) => {
    const { status, stderr } = relkit('simulate', TMR, ...flags);
    expect(status).toBe(code);
    expect(stderr).toBe(`relkit: ${message}\n`);
  });

  it('refuses a run over the work budget at once, naming the estimate, the limit and the flag', () => {
    const dir = scratchDir();
    const out = join(dir, 'result.json');
    // Repairable, and failed long before such horizons: 0.05 events per hour, no run-on.
    const refused = relkit(
      'simulate',
      COOLING,
      '--replications',
      '20000',
      '--horizon',
      '1e9',
      '--out',
      out,
    );
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(
      'relkit: simulate: about 1e12 events (20000 replications x horizon 1e9 h); the limit is 1e11 (--max-events raises it)\n',
    );
    expect(readdirSync(dir)).toEqual([]);
    // With --precision the cap of replications (default 1e6) is what counts.
    const precision = relkit('simulate', COOLING, '--precision', '1%', '--horizon', '1e7');
    expect(precision.status).toBe(1);
    expect(precision.stderr).toMatch(
      /^relkit: simulate: about 5e11 events \(1000000 replications x horizon 1e7 h\); the limit is 1e11/,
    );
    const check = relkit('check', COOLING, '--horizon', '1e9');
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/^relkit: check: about 5e11 events \(10000 replications x /);
  });

  it('--max-events raises the budget; a normal run is unaffected', () => {
    const withBudget = (maxEvents: string, ...more: string[]): ReturnType<typeof relkit> =>
      relkit(
        'simulate',
        COOLING,
        '--replications',
        '200',
        '--horizon',
        '1e5',
        '--max-events',
        maxEvents,
        ...more,
      );
    const lowered = withBudget('1e5');
    expect(lowered.status).toBe(1);
    expect(lowered.stderr).toBe(
      'relkit: simulate: about 1e6 events (200 replications x horizon 100000 h); the limit is 100000 (--max-events raises it)\n',
    );
    const raised = withBudget('1e7', '--json');
    expect(raised.status).toBe(0);
    // The estimate is the order of magnitude of the events processed.
    const { events } = JSON.parse(raised.stdout);
    expect(events / 1e6).toBeGreaterThan(0.5);
    expect(events / 1e6).toBeLessThan(2);
    const normal = relkit('simulate', TMR, '--replications', '500', '--json');
    expect(normal.status).toBe(0);
  });

  it('Ctrl-C writes the finished replications, says it was interrupted, and exits 130', async () => {
    const out = join(scratchDir(), 'interrupted.json');
    // RAID 5 runs about 10 000 events per replication: 1e6 replications take many minutes.
    const child = spawn(
      process.execPath,
      [
        BIN,
        'simulate',
        'models/raid5.yaml',
        '--replications',
        '1000000',
        '--progress',
        '--json',
        '--out',
        out,
      ],
      { cwd: ROOT },
    );
    let stderr = '';
    const code = await new Promise<number | null>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // Interrupt once the progress line shows finished replications.
        if (/\] [1-9]\d*\/1000000 replications/.test(stderr) && !child.killed) child.kill('SIGINT');
      });
      child.on('exit', resolve);
    });
    expect(code).toBe(130);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    expect(result.replications).toBeGreaterThan(0);
    expect(result.replications).toBeLessThan(1000000);
    expect(result.warnings).toContain(
      `interrupted: ${result.replications} of 1000000 replications ran; the result covers those only`,
    );
    expect(stderr).toContain('relkit: interrupted: finishing the running chunks');
  });
});

describe('simulate pieces', () => {
  it('shardRange tiles 0 … N − 1 with slices differing by at most one', () => {
    const slices = [0, 1, 2, 3, 4, 5, 6].map((i) => shardRange(i, 7, 1000));
    expect(slices[0]).toEqual([0, 142]);
    let next = 0;
    for (const [first, count] of slices) {
      expect(first).toBe(next);
      expect(count === 142 || count === 143).toBe(true);
      next = first + count;
    }
    expect(next).toBe(1000);
  });

  it('parseShard reads 0-based i/n', () => {
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    expect(() => parseShard('5/5')).toThrow(/^--shard i\/n must have/);
    expect(() => parseShard('a/b')).toThrow(/^--shard must be i\/n/);
  });

  it('parsePrecision reads absolute and relative goals', () => {
    expect(parsePrecision('0.001')).toEqual({ epsilon: 0.001, relative: false });
    expect(parsePrecision('0.5%')).toEqual({ epsilon: 0.005, relative: true });
    expect(() => parsePrecision('%')).toThrow(/^--precision must be a number or a percentage/);
  });

  it('resultToCsv writes scalars with an empty t and exact values with empty bands', () => {
    const csv = resultToCsv({
      method: 'analytic',
      model: { name: 'x', hash: '0' },
      timeUnit: 'h',
      measures: { reliability: { t: [0, 1], values: [1, 0.5] }, mttf: { mean: 2, ci95: [1, 3] } },
      warnings: [],
    });
    expect(csv).toBe(
      'measure,t,value,lo,hi\nreliability,0,1,,\nreliability,1,0.5,,\nmttf,,2,1,3\n',
    );
  });

  it('WorkerPool runs stub tasks on threads and rejects them with CancelledError on terminate', async () => {
    const script = new URL(
      `data:text/javascript,${encodeURIComponent(`
        import { parentPort } from 'node:worker_threads';
        parentPort.on('message', ({ id, task }) => {
          if (task === 'hang') return;
          if (task < 0) parentPort.postMessage({ id, error: { name: 'RangeError', message: 'negative' } });
          else parentPort.postMessage({ id, reply: task * 2 });
        });`)}`,
    );
    const pool = new WorkerPool<number | 'hang', number>({ script, workers: 2 });
    expect(await Promise.all([1, 2, 3, 4, 5].map((x) => pool.run(x)))).toEqual([2, 4, 6, 8, 10]);
    await expect(pool.run(-1)).rejects.toThrow(/^negative$/);
    const hanging = pool.run('hang').catch((error: unknown) => error);
    await pool.terminate();
    expect(await hanging).toBeInstanceOf(CancelledError);
  });
});
