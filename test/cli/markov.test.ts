/** The real binary: relkit markov and analyze's Markov fallback; output, JSON shape, exit codes. */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectRelClose } from '../helpers/expectClose.js';
import { relkit, scratch, requireBuiltCli } from '../helpers/cli.js';

beforeAll(requireBuiltCli);

describe('relkit markov', () => {
  it('--json gives the common result shape with method markov, states and transitions', () => {
    const { status, stdout, stderr } = relkit(
      'markov',
      'models/cooling-loop.yaml',
      '--at',
      '10,100',
      '--json',
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.method).toBe('markov');
    expect(result.model.name).toBe('Cooling loop with one crew');
    expect(result.model.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(result.timeUnit).toBe('h');
    // Two lumped pumps × valve × crew assignment: 8 states.
    expect(result.states).toBe(8);
    expect(result.transitions).toBeGreaterThan(0);
    expect(result.measures.availability.t).toEqual([10, 100]);
    // test/reference/markov_models_reference.py, case cooling-priority.
    expectRelClose(result.measures.steadyAvailability, 0.9520987431037039, 1e-9, 'A');
    expectRelClose(result.measures.availability.values[1], 0.9521180424165413, 1e-9, 'A(100)');
    expect(result.warnings).toEqual([]);
  });

  it('--steady and --mttf give only those measures', () => {
    const steady = JSON.parse(relkit('markov', 'models/raid5.yaml', '--steady', '--json').stdout);
    expect(Object.keys(steady.measures).sort()).toEqual(
      [
        'failureFrequency',
        'mdt',
        'mtbf',
        'mut',
        'nines',
        'steadyAvailability',
        'steadyUnavailability',
      ].sort(),
    );
    const mttf = JSON.parse(relkit('markov', 'models/raid5.yaml', '--mttf', '--json').stdout);
    expect(Object.keys(mttf.measures)).toEqual(['mttf']);
  });

  it('prints a table with the chain size', () => {
    const { status, stdout } = relkit('markov', 'models/raid5.yaml', '--points', '3');
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /^RAID 5 \(4\+1\): markov \(model [0-9a-f]{16}\)\n {2}states {17}6\n {2}transitions {12}10\n/,
    );
    expect(stdout).toContain('  steadyUnavailability   2.30355768773e-8');
  });

  it('exits 2 naming relkit simulate for a non-exponential time', () => {
    const { status, stdout, stderr } = relkit('markov', 'models/raid6.yaml');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'relkit: markov: component disk has a lognormal repair time; the Markov engine needs exponential times; use relkit simulate\n',
    );
  });

  it('exits 2 over the state limit with the estimate, 1 for a bad limit, 64 for a non-number', () => {
    const over = relkit('markov', 'models/raid5.yaml', '--max-states', '3');
    expect(over.status).toBe(2);
    expect(over.stderr).toBe(
      'relkit: markov: the chain would have about 7e0 states; the limit is 3e0 (--max-states raises it)\n',
    );
    const bad = relkit('markov', 'models/raid5.yaml', '--max-states', '0.5');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('relkit: --max-states must be an integer >= 1; got 0.5\n');
    const word = relkit('markov', 'models/raid5.yaml', '--max-states', 'many');
    expect(word.status).toBe(64);
    expect(relkit('markov').status).toBe(64);
    expect(relkit('markov', 'models/raid5.yaml', '--bogus').status).toBe(64);
  });

  it('exits 1 for an invalid model, without a stack trace', () => {
    const file = scratch(
      'bad.yaml',
      'name: x\ncomponents:\n  cpu: { failure: { rate: -1 } }\nsystem: cpu\n',
    );
    const { status, stderr } = relkit('markov', file);
    expect(status).toBe(1);
    expect(stderr).toContain('components.cpu.failure.rate must be a finite number > 0; got -1');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('--chain solves a chain file', () => {
    const file = scratch(
      'unit.txt',
      'relkit-ctmc 1 2 2\ndown 1\ninitial 0 1\n0 1 0.001\n1 0 0.1\n',
    );
    const { status, stdout, stderr } = relkit('markov', '--chain', file, '--steady', '--json');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.method).toBe('markov');
    expect(result.model.name).toBe('unit.txt');
    expect(result.states).toBe(2);
    expectRelClose(result.measures.steadyUnavailability, 0.001 / 0.101, 1e-12, 'U');
  });
});

describe('relkit analyze falls back to the Markov engine', () => {
  it('solves a model with one crew by the Markov engine and says so', () => {
    const { status, stdout } = relkit('analyze', 'models/standby-power.yaml', '--json');
    expect(status).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.method).toBe('markov');
    expect(result.warnings[0]).toMatch(
      /^analytic: maintenance\.crews is 1 for 2 repairable units: .*; solved with the Markov engine instead$/,
    );
    expectRelClose(result.measures.steadyUnavailability, 0.00026959758343484785, 1e-9, 'U');
  });

  it('keeps exit 2 naming relkit simulate when the Markov engine cannot solve it either', () => {
    const file = scratch(
      'crew.yaml',
      'name: x\ncomponents:\n  disk: { count: 3, failure: { dist: weibull, shape: 2, scale: 100 }, repair: { mttr: 1 } }\nsystem: { koon: { k: 2, of: disk } }\nmaintenance: { crews: 1 }\n',
    );
    const { status, stderr } = relkit('analyze', file);
    expect(status).toBe(2);
    expect(stderr).toMatch(
      /^relkit: analytic: maintenance\.crews is 1 for 3 repairable units: .*; the Markov engine cannot solve it either \(component disk has a weibull failure time; the Markov engine needs exponential times\); use relkit simulate\n$/,
    );
  });

  it('answers at t = 1e15 (it once exited 1 naming a library option)', () => {
    const { status, stdout, stderr } = relkit(
      'markov',
      'models/cooling-loop.yaml',
      '--at',
      '1e15',
      '--json',
    );
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const result = JSON.parse(stdout);
    // Long after mixing A(t) is the steady availability, and the system has failed.
    expectRelClose(result.measures.availability.values[0], 0.9520987431037039, 1e-12, 'A(1e15)');
    expect(result.measures.reliability.values[0]).toBe(0);
  });

  it('leaves out a curve over --max-products, names the flag, and gives the rest', () => {
    // Eleven independent repairable units: 2048 states, too many for the squaring method.
    const model = scratch(
      'eleven.yaml',
      'name: eleven\ncomponents:\n  c0: { failure: { rate: 0.001 }, repair: { rate: 1 } }\n  c1: { failure: { rate: 0.002 }, repair: { rate: 2 } }\n  c2: { failure: { rate: 0.003 }, repair: { rate: 3 } }\n  c3: { failure: { rate: 0.004 }, repair: { rate: 4 } }\n  c4: { failure: { rate: 0.005 }, repair: { rate: 5 } }\n  c5: { failure: { rate: 0.006 }, repair: { rate: 6 } }\n  c6: { failure: { rate: 0.007 }, repair: { rate: 7 } }\n  c7: { failure: { rate: 0.008 }, repair: { rate: 8 } }\n  c8: { failure: { rate: 0.009000000000000001 }, repair: { rate: 9 } }\n  c9: { failure: { rate: 0.01 }, repair: { rate: 10 } }\n  c10: { failure: { rate: 0.011 }, repair: { rate: 11 } }\nsystem: { koon: { k: 6, of: [c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10] } }\n',
    );
    const { status, stdout } = relkit(
      'markov',
      model,
      '--at',
      '1e6',
      '--max-products',
      '1000',
      '--json',
    );
    expect(status).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.states).toBe(2048);
    expect(result.measures.availability).toBeUndefined();
    expect(result.measures.steadyAvailability).toBeGreaterThan(0.99);
    const notes = result.warnings.join('\n');
    expect(notes).toMatch(/availability is left out: .*--max-products/);
    expect(notes).not.toMatch(/maxProducts/);
  });
});
