/** relkit check on the real binary: PASS on an example model, DIFF (exit 1) against a wrong reference. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { relkit, ROOT, requireBuiltCli } from '../helpers/cli.js';

beforeAll(requireBuiltCli);

describe('relkit check', () => {
  it('passes on models/raid5.yaml: analytic, markov and simulation agree, rule stated', () => {
    const { status, stdout } = relkit(
      'check',
      'models/raid5.yaml',
      '--replications',
      '1000',
      '--seed',
      '3',
    );
    expect(stdout).toMatch(/^rule: simulation vs exact: PASS when \|z\| <= 3\.89, /m);
    expect(stdout).toMatch(/^ {2}steadyAvailability +0\.999999976964 .* PASS vs analytic$/m);
    expect(stdout).toMatch(
      /^ {2}steadyAvailability +analytic .* vs markov .*: relative difference .* PASS$/m,
    );
    expect(stdout).toMatch(/^PASS: all \d+ comparisons agree$/m);
    expect(status).toBe(0);
  });

  it('--json reports every comparison with its z and verdict', () => {
    const { status, stdout } = relkit(
      'check',
      'models/tmr-voter.yaml',
      '--replications',
      '2000',
      '--json',
    );
    expect(status).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.verdict).toBe('PASS');
    const mttf = report.comparisons.find((c: { measure: string }) => c.measure === 'mttf');
    expect(mttf).toMatchObject({
      kind: 'simulation',
      methods: ['simulation', 'analytic'],
      verdict: 'PASS',
    });
    expect(Math.abs(mttf.statistic)).toBeLessThanOrEqual(mttf.threshold);
  });

  it('exits 1 with DIFF against the exact answer of a slightly wrong model (power)', () => {
    // The same TMR with the CPU failure rate 15 % too high: its exact MTTF is about 13 % lower,
    // some 14 standard errors away at 4000 replications.
    const dir = mkdtempSync(join(tmpdir(), 'relkit-check-'));
    const wrongModel = join(dir, 'wrong.yaml');
    writeFileSync(
      wrongModel,
      readFileSync(join(ROOT, 'models/tmr-voter.yaml'), 'utf8').replace(
        /lambda: 1e-4/,
        'lambda: 1.15e-4',
      ),
    );
    const analyzed = relkit('analyze', wrongModel, '--json');
    expect(analyzed.status).toBe(0);
    const reference = join(dir, 'wrong.json');
    writeFileSync(reference, analyzed.stdout);
    const { status, stdout, stderr } = relkit(
      'check',
      'models/tmr-voter.yaml',
      '--replications',
      '4000',
      '--reference',
      reference,
    );
    expect(stdout).toMatch(/^ {2}mttf +[\d.]+ +[\d.]+ \(.*\) +\d+\.\d+ +DIFF vs reference$/m);
    expect(stdout).toMatch(/^ {2}mttf +[\d.]+ +[\d.]+ \(.*\) +-?\d\.\d+ +PASS vs analytic$/m);
    expect(stdout).toMatch(/^DIFF: \d+ of \d+ comparisons differ$/m);
    expect(stderr).toMatch(/^relkit: note: the reference is for model \w+, this model is \w+$/m);
    expect(status).toBe(1);
  });
});
