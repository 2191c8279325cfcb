/** The real binary on models/: output, JSON shape, exit codes, and messages without stack traces. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { schemaFileText } from '../../src/model/schemaFile.js';
import { relkit, scratch, ROOT, requireBuiltCli } from '../helpers/cli.js';

beforeAll(requireBuiltCli);

describe('relkit validate', () => {
  it('prints OK and exits 0 for every example model', () => {
    for (const name of ['tmr-voter', 'raid5', 'bridge', 'web-3tier']) {
      const { status, stdout } = relkit('validate', `models/${name}.yaml`);
      expect(stdout).toBe('OK\n');
      expect(status).toBe(0);
    }
  });

  it('prints every problem with file:line:column and path, and exits 1', () => {
    const file = scratch(
      'bad.yaml',
      'name: x\ncomponents:\n  cpu:\n    failure: { rate: -1 }\n    coverage: 2\nsystem: gpu\n',
    );
    const { status, stdout, stderr } = relkit('validate', file);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      `${file}:4:22: components.cpu.failure.rate must be a finite number > 0; got -1`,
    );
    expect(stderr).toContain(
      `${file}:5:15: components.cpu.coverage must be a probability in [0, 1]; got 2`,
    );
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('says a missing file cannot be read, exit 1, no stack trace', () => {
    const { status, stderr } = relkit('validate', 'models/nope.yaml');
    expect(status).toBe(1);
    expect(stderr).toBe('relkit: models/nope.yaml: cannot read: no such file or directory\n');
  });
});

describe('relkit analyze', () => {
  it('prints a readable table for a non-repairable model', () => {
    const { status, stdout } = relkit('analyze', 'models/tmr-voter.yaml');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^TMR flight controller: analytic \(model [0-9a-f]{16}\)\n/);
    expect(stdout).toMatch(/\n {2}mttf {19}8228\.20337533 h\n/);
    expect(stdout).toContain('reliability(t)');
  });

  it('--json gives the common result shape with the values at --at times', () => {
    const { status, stdout } = relkit(
      'analyze',
      'models/duplex-coverage.yaml',
      '--at',
      '0,1000',
      '--json',
    );
    expect(status).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.method).toBe('analytic');
    expect(result.model.name).toBe('Duplex with coverage');
    expect(result.timeUnit).toBe('h');
    expect(result.measures.reliability.t).toEqual([0, 1000]);
    expect(result.measures.reliability.values[0]).toBe(1);
    // models/duplex-coverage.yaml header: R(1000) = 0.9523003894160902, MTTF = 7250
    expect(Math.abs(result.measures.reliability.values[1] / 0.9523003894160902 - 1)).toBeLessThan(
      1e-12,
    );
    expect(Math.abs(result.measures.mttf / 7250 - 1)).toBeLessThan(1e-9);
    // Coverage makes units dependent: the importance factors assume independent units.
    expect(result.warnings).toEqual([
      'importance is left out: coverage, detection or recovery delays make units dependent',
    ]);
  });

  it('gives the importance of each component as the group of its units (tmr-voter)', () => {
    const { status, stdout } = relkit('analyze', 'models/tmr-voter.yaml', '--json');
    expect(status).toBe(0);
    const { measures } = JSON.parse(stdout);
    // Closed forms at t = 1000: CPUs 2-of-3 with q_c = 1 − e^{−0.1}, in series with the voter,
    // q_v = 1 − exp(−(1000/2e5)^1.3). The CPUs all failed: Q = 1; all working: Q = q_v.
    const qc = -Math.expm1(-0.1);
    const qv = -Math.expm1(-((1000 / 2e5) ** 1.3));
    const total = 1 - 0.9735621386188188; // models/tmr-voter.yaml header: 0.97356213861881881
    const pairs = 3 * qc * qc * (1 - qc) + qc ** 3; // the CPU cut sets: two of three failed
    const expected = {
      birnbaum: 1 - qv,
      criticality: (total - qv) / total,
      diagnostic: (total - (1 - qc) ** 3 * qv) / total,
      fussellVesely: pairs / total,
      raw: 1 / total,
      rrw: total / qv,
    };
    for (const [key, value] of Object.entries(expected)) {
      const got = measures.componentImportance.cpu[key];
      expect(Math.abs(got / value - 1), `cpu ${key}`).toBeLessThan(1e-12);
    }
    // A component of one unit: its unit's factors. The unit table is unchanged.
    expect(measures.componentImportance.voter).toEqual(measures.importance.voter);
    expect(Object.keys(measures.importance)).toEqual(['cpu[1]', 'cpu[2]', 'cpu[3]', 'voter']);
    const text = relkit('analyze', 'models/tmr-voter.yaml').stdout;
    expect(text).toMatch(/\n {2}importance per component\n {2}component {8}birnbaum/);
    expect(text).toMatch(/\n {2}cpu +0\.99898 /);
  });

  it('gives no per-component importance when every component has one unit', () => {
    const { stdout } = relkit('analyze', 'models/bridge.yaml', '--json');
    const { measures } = JSON.parse(stdout);
    expect(measures.importance).toBeDefined();
    expect(measures.componentImportance).toBeUndefined();
    expect(relkit('analyze', 'models/bridge.yaml').stdout).not.toContain('per component');
  });

  it('gives steady measures of a repairable model', () => {
    const { status, stdout } = relkit('analyze', 'models/raid6.yaml', '--json');
    expect(status).toBe(0);
    const { measures, warnings } = JSON.parse(stdout);
    // models/raid6.yaml header: U = 4.951312302485174e-11
    expect(Math.abs(measures.steadyUnavailability / 4.951312302485174e-11 - 1)).toBeLessThan(1e-9);
    expect(measures.availability).toBeUndefined();
    expect(warnings.join('\n')).toMatch(
      /availability\(t\) needs exponential failure and repair times/,
    );
  });

  it('exits 2 with the reason and the command that can solve a model with dependent units', () => {
    const file = scratch(
      'crews.yaml',
      'name: x\ncomponents:\n  cpu: { count: 2, failure: { dist: weibull, shape: 2, scale: 100 }, repair: { mttr: 5 } }\nsystem: { parallel: [cpu] }\nmaintenance: { crews: 1 }\n',
    );
    const { status, stderr } = relkit('analyze', file);
    expect(status).toBe(2);
    expect(stderr).toBe(
      'relkit: analytic: maintenance.crews is 1 for 2 repairable units: a failed unit may wait for a crew, so units are dependent; the Markov engine cannot solve it either (component cpu has a weibull failure time; the Markov engine needs exponential times); use relkit simulate\n',
    );
  });

  it('--no-importance leaves out importance and nothing else (a fault tree, a block model)', () => {
    for (const name of ['loss-of-cooling', 'raid6']) {
      const full = JSON.parse(relkit('analyze', `models/${name}.yaml`, '--json').stdout);
      const run = relkit('analyze', `models/${name}.yaml`, '--json', '--no-importance');
      expect(run.status).toBe(0);
      const bare = JSON.parse(run.stdout);
      expect(full.measures.importance, name).toBeDefined();
      expect(bare.measures, name).toEqual({
        ...full.measures,
        importance: undefined,
        componentImportance: undefined,
      });
      const aboutImportance = (w: string): boolean => w.startsWith('importance');
      expect(bare.warnings, name).toEqual(full.warnings.filter((w: string) => !aboutImportance(w)));
    }
  });

  it('--json writes each cut set on one line', () => {
    const { stdout } = relkit('analyze', 'models/loss-of-cooling.yaml', '--json');
    const sets = JSON.parse(stdout).measures.minimalCutSets.sets as string[][];
    for (const set of sets) expect(stdout).toContain(`\n        ${JSON.stringify(set)}`);
  });

  it('refuses a bad flag value with exit 64', () => {
    const { status, stderr } = relkit('analyze', 'models/raid5.yaml', '--points', 'many');
    expect(status).toBe(64);
    expect(stderr).toBe('relkit: --points must be a finite number; got "many"\n');
  });

  it('refuses an unknown flag with exit 64', () => {
    const { status, stderr } = relkit('analyze', 'models/raid5.yaml', '--fast');
    expect(status).toBe(64);
    expect(stderr).toMatch(/^relkit: Unknown option '--fast'/);
  });

  it('refuses a negative time with a clear message, exit 1', () => {
    const { status, stderr } = relkit('analyze', 'models/tmr-voter.yaml', '--at=-5');
    expect(status).toBe(1);
    expect(stderr).toBe('relkit: times: each time must be a finite number >= 0; got -5\n');
  });
});

describe('relkit (no command, help, unknown command)', () => {
  it('prints help and exits 64 without a command', () => {
    const { status, stdout } = relkit();
    expect(status).toBe(64);
    expect(stdout).toMatch(/^relkit: reliability and availability/);
  });

  it('prints a command help with --help, exit 0', () => {
    const { status, stdout } = relkit('analyze', '--help');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^relkit analyze MODEL/);
  });

  it('names an unknown command, exit 64', () => {
    const { status, stderr } = relkit('analyse', 'models/raid5.yaml');
    expect(status).toBe(64);
    expect(stderr).toMatch(/^relkit: unknown command "analyse"/);
  });
});

describe('relkit schema', () => {
  it('prints the JSON Schema, and models/schema.json is up to date (npm run schema)', () => {
    const { status, stdout } = relkit('schema');
    expect(status).toBe(0);
    expect(stdout).toBe(schemaFileText());
    expect(readFileSync(join(ROOT, 'models/schema.json'), 'utf8')).toBe(stdout);
  });
});
