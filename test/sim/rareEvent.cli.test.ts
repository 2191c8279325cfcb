/** `relkit simulate --rare-event` through the built CLI: JSON result, table, refusals. */
import { beforeAll, describe, expect, it } from 'vitest';
import { relkit, requireBuiltCli } from '../helpers/cli.js';

beforeAll(requireBuiltCli);

describe('relkit simulate --rare-event', () => {
  it('gives the RAID 6 unavailability with its interval and relative error as JSON', () => {
    const run = relkit(
      'simulate',
      'models/raid6.yaml',
      '--rare-event',
      '--replications',
      '5000',
      '--json',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.method).toBe('simulation');
    expect(result.technique).toBe('importance sampling, balanced failure biasing');
    expect(result.biasProbability).toBe(0.4);
    expect(result.replications).toBe(5000);
    const u = result.measures.steadyUnavailability;
    // The model's header: exact 4.9513e-11; a 95 % interval, so a loose band here.
    expect(u.mean).toBeGreaterThan(4e-11);
    expect(u.mean).toBeLessThan(6e-11);
    expect(u.ci95[0]).toBeLessThan(u.mean);
    expect(result.relativeError.steadyUnavailability).toBeGreaterThan(0);
    expect(result.relativeError.steadyUnavailability).toBeLessThan(0.2);
    // Reproducible for a seed.
    const again = relkit(
      'simulate',
      'models/raid6.yaml',
      '--rare-event',
      '--replications',
      '5000',
      '--json',
    );
    expect(JSON.parse(again.stdout).measures).toEqual(result.measures);
  });

  it('prints the technique and relative errors in the table', () => {
    const run = relkit(
      'simulate',
      'models/raid6.yaml',
      '--rare-event',
      '--replications',
      '2000',
      '--bias',
      '0.3',
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /importance sampling, balanced failure biasing \(p = 0\.3\), 2000 replications/,
    );
    expect(run.stdout).toMatch(
      /relative error \(95% half-width \/ estimate\): steadyUnavailability/,
    );
  });

  it('refuses flags of plain simulation and a bias outside (0, 1)', () => {
    const workers = relkit('simulate', 'models/raid6.yaml', '--rare-event', '--workers', '2');
    expect(workers.status).toBe(64);
    expect(workers.stderr).toMatch(/drop --workers/);
    const bias = relkit('simulate', 'models/raid6.yaml', '--rare-event', '--bias', '1');
    expect(bias.status).toBe(1);
    expect(bias.stderr).toMatch(/--bias must be in \(0, 1\)/);
    const absolute = relkit('simulate', 'models/raid6.yaml', '--rare-event', '--precision', '0.1');
    expect(absolute.status).toBe(64);
    expect(absolute.stderr).toMatch(/give a percentage below 100%/);
    const alone = relkit('simulate', 'models/raid6.yaml', '--bias', '0.3');
    expect(alone.status).toBe(64);
    expect(alone.stderr).toMatch(/--bias is an option of --rare-event/);
  });

  it('refuses a model outside its subset with exit 2, saying what answers', () => {
    const run = relkit('simulate', 'models/standby-power.yaml', '--rare-event');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/standby blocks.*relkit markov/);
  });
});
