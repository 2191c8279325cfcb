/**
 * Hardening, round 2 (issue #14), on the real binary and in process: merge refuses tampered parts
 * naming the file and the field; a failed write of standard output is one line and exit 1, a
 * closed pipe a quiet exit; SIGTERM keeps the finished replications like Ctrl-C; an overflowing
 * default horizon and too many workers get clear messages; --version and --help.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HELP, run as runCli } from '../../src/cli/relkit.js';
import { capWorkers, workerLimit } from '../../src/cli/simulationFlags.js';
import { checkWorkBudget, type EventEstimate } from '../../src/cli/workBudget.js';
import { BIN, relkit, requireBuiltCli, ROOT, scratch } from '../helpers/cli.js';

beforeAll(requireBuiltCli);

type Part = Record<string, unknown> & {
  firstFailure: { sum: { partials: unknown[] } };
  batchDown: { partials: unknown[] }[];
  survivors: number[];
  upAtGrid: number[];
  shard: Record<string, number>;
  replications: number;
};

describe('relkit merge refuses tampered parts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relkit-merge-'));
  const good = [0, 1].map((i) => join(dir, `part${i}.json`));
  let part0: Part;

  beforeAll(() => {
    good.forEach((path, i) => {
      const run = relkit(
        ...['simulate', 'models/tmr-voter.yaml', '--replications', '200', '--workers', '1'],
        ...['--shard', `${i}/2`, '--out', path],
      );
      expect(run.status).toBe(0);
    });
    part0 = JSON.parse(readFileSync(good[0]!, 'utf8')) as Part;
  });

  /** Writes part 0 changed by `edit` (as JSON text, so 1e400 stays Infinity) and merges it. */
  function mergeTampered(
    name: string,
    edit: (part: Part) => void,
    text?: (json: string) => string,
  ) {
    const part = structuredClone(part0);
    edit(part);
    const path = join(dir, `${name}.json`);
    writeFileSync(path, (text ?? ((x: string) => x))(JSON.stringify(part)));
    return { path, run: relkit('merge', path, good[1]!) };
  }

  const cases: [string, (part: Part) => void, RegExp][] = [
    [
      'nan-partial',
      (p) => (p.firstFailure.sum.partials = ['NaN']),
      /firstFailure\.sum\.partials\[0\] must be a finite number; got "NaN"/,
    ],
    [
      'overflow',
      (p) => (p.batchDown[0]!.partials = [1e308, 1e308]),
      /batchDown\[0\]\.partials must add up to a finite sum/,
    ],
    [
      'replications',
      (p) => (p.replications = 1e9),
      /replications must equal the replications its ranges cover \(100\); got 1000000000/,
    ],
    [
      'negative-mttf',
      (p) => (p.firstFailure.sum.partials = [-8000]),
      /firstFailure\.sum\.partials must add up to a sum >= 0/,
    ],
    [
      'censored',
      (p) => (p.censored = 101),
      /censored must be an integer in \[0, 100 \(replications\)\]; got 101/,
    ],
    [
      'reversed',
      (p) => (p.ranges = [[100, 0]]),
      /ranges\[0\]\[1\] must be an integer >= 101; got 0/,
    ],
    [
      'fractional',
      (p) => (p.ranges = [[0, 99.5]]),
      /ranges\[0\]\[1\] must be an integer >= 1; got 99\.5/,
    ],
    ['shard', (p) => (p.shard.index = 7), /shard\.index must be an integer in \[0, 1\]; got 7/],
    [
      'survivors',
      (p) => (p.survivors[3] = 500),
      /survivors\[3\] must be an integer in \[0, 100 \(replications\)\]; got 500/,
    ],
    [
      'truncated',
      (p) => (p.upAtGrid = p.upAtGrid.slice(0, 5)),
      /upAtGrid\.length must be 21; got 5/,
    ],
    ['events', (p) => (p.events = 'many'), /events must be an integer >= 0; got "many"/],
    ['missing', (p) => delete p.cycleSums, /cycleSums must be present/],
    [
      'model',
      (p) => ((p.model as { name: string }).name = 'other'),
      /model must hash to modelHash/,
    ],
  ];

  it.each(cases)('%s: exit 1, one line naming the file and the field', (name, edit, message) => {
    const { path, run } = mergeTampered(name, edit);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^relkit: merge: ${path}: `));
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('an infinite partial (1e400 in the file) is refused, not merged', () => {
    const { run } = mergeTampered(
      'infinite',
      (p) => (p.firstFailure.sum.partials = [12345]),
      (json) => json.replace('[12345]', '[1e400]'),
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /firstFailure\.sum\.partials\[0\] must be a finite number; got Infinity/,
    );
  });

  it('untouched parts still merge', () => {
    const run = relkit('merge', ...good, '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).replications).toBe(200);
  });
});

describe('standard output failures', () => {
  it('> /dev/full: one line on stderr, exit 1 (was a stack trace)', () => {
    if (!existsSync('/dev/full')) return;
    const full = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" "${BIN}" analyze models/tmr-voter.yaml --json > /dev/full`],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(full.status).toBe(1);
    expect(full.stderr).toBe('relkit: cannot write standard output: no space left on device\n');
  });

  it('a pipe closed early (| head -c 100): quiet exit 141 (was EPIPE with a stack trace)', async () => {
    const child = spawn(
      process.execPath,
      [BIN, 'analyze', 'models/tmr-voter.yaml', '--json', '--points', '20000'],
      { cwd: ROOT },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Read the first chunk, then close our end, as head -c 100 does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(141);
  });
});

describe('SIGTERM', () => {
  it('writes the finished replications, says so, and exits 143 (was a silent exit)', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'relkit-term-')), 'terminated.json');
    const child = spawn(
      process.execPath,
      [BIN, 'simulate', 'models/raid5.yaml', '--replications', '1000000', '--progress'].concat([
        '--json',
        '--out',
        out,
      ]),
      { cwd: ROOT },
    );
    let stderr = '';
    const code = await new Promise<number | null>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/\] [1-9]\d*\/1000000 replications/.test(stderr) && !child.killed)
          child.kill('SIGTERM');
      });
      child.on('exit', resolve);
    });
    expect(code).toBe(143);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    expect(result.replications).toBeGreaterThan(0);
    expect(result.warnings).toContain(
      `interrupted: ${result.replications} of 1000000 replications ran; the result covers those only`,
    );
    expect(stderr).toContain('relkit: terminated (SIGTERM): finishing the running chunks');
  });
});

describe('limits with clear messages', () => {
  it('mtbf: 1e308 names the overflowing default horizon instead of "about Infinity events"', () => {
    const model = scratch(
      'huge.yaml',
      'name: huge\ncomponents: { x: { failure: { mtbf: 1e308 } } }\nsystem: x\n',
    );
    const run = relkit('simulate', model, '--workers', '1');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      "relkit: the default horizon, 10 x the model's slowest time scale (the mean life of x, 1e308 h), is not a finite number; give --horizon\n",
    );
    expect(run.stderr).not.toContain('Infinity');
  });

  it('an estimate past the largest double is refused as more than 1.8e308 events', () => {
    const estimate: EventEstimate = {
      events: Infinity,
      replications: 1000,
      horizon: 1e300,
      length: 1e300,
      mttfCap: 1000,
      timeUnit: 'h',
    };
    expect(() => checkWorkBudget('simulate', [estimate], 1e11)).toThrow(
      /^simulate: more than 1\.8e308 events \(1000 replications x horizon 1e300 h\); the limit is 1e11/,
    );
    expect(() => checkWorkBudget('simulate', [{ ...estimate, events: NaN }], 1e11)).toThrow(
      /more than 1\.8e308 events/,
    );
  });

  it('--workers is capped by the cores and by memory (16.6 MB a worker), with a note naming the limit', () => {
    const big = { cores: 8, availableBytes: 64e9 };
    expect(workerLimit(big)).toBe(8);
    expect(capWorkers(4, true, big)).toEqual({ workers: 4 });
    expect(capWorkers(1024, true, big)).toEqual({
      workers: 8,
      note: '--workers 1024 is more than the 8 cores of this machine (os.availableParallelism()); using 8 (the result is the same for any number of workers)',
    });
    const small = { cores: 64, availableBytes: 200e6 };
    expect(workerLimit(small)).toBe(6);
    expect(capWorkers(64, false, small).note).toBe(
      '64 workers (one per core) would take about 1.06 GB; half the 200 MB of memory available holds 6 workers of 16.6 MB; using 6 (the result is the same for any number of workers)',
    );
    expect(workerLimit({ cores: 4, availableBytes: 1e6 })).toBe(1);
    const run = relkit(
      'simulate',
      'models/tmr-voter.yaml',
      '--replications',
      '50',
      '--workers',
      '1024',
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(
      /^relkit: note: --workers 1024 is more than the \d+ cores of this machine/,
    );
  });
});

describe('--version and --help', () => {
  it('--version and -v print the version of package.json', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    for (const flag of ['--version', '-v']) {
      const run = relkit(flag);
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(`${version}\n`);
    }
  });

  it('--help lists every command, and each has its own --help', () => {
    const run = relkit('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${HELP}\n`);
    const listed = [...HELP.matchAll(/^ {2}(\w+) {2,}/gm)].map((match) => match[1]!);
    expect(listed).toEqual([
      'analyze',
      'markov',
      'validate',
      'export',
      'schema',
      'simulate',
      'merge',
      'check',
      'sweep',
      'optimize',
      'fit',
    ]);
    const quiet = { stdout: () => {}, stderr: () => {} };
    for (const name of listed) expect(runCli([name, '--help'], quiet)).toBe(0);
    expect(relkit('bogus').stderr).toContain('relkit: unknown command "bogus"');
  });

  it('a single-valued flag given twice is refused, naming both values; repeatable ones repeat', async () => {
    const model = join(ROOT, 'models', 'tmr-voter.yaml');
    let stderr = '';
    const capture = { stdout: () => {}, stderr: (text: string) => void (stderr += text) };
    for (const argv of [
      ['check', model, '--seed', '1', '--seed=2'],
      ['simulate', model, '--replications', '10', '--replications', '20'],
      ['analyze', model, '--at', '1,2', '--at', '3'],
    ]) {
      stderr = '';
      expect(await runCli(argv, capture), argv.join(' ')).toBe(64);
      const flag = argv.find((word) => word.startsWith('--'))!.split('=')[0]!;
      expect(stderr).toMatch(
        new RegExp(`^relkit: ${flag} is given more than once \\(.+, .+\\); give it once\\n`),
      );
    }
    stderr = '';
    expect(await runCli(['analyze', model, '--json', '--json'], capture)).toBe(0);
    expect(stderr).toBe('');
  });
});
