/**
 * The commands on a model with several systems (models/quorum-store.yaml): analyze and markov
 * give each system (text sections, JSON `systems` and `consistency`), simulate and check every
 * system from one simulation (shards merge), `--system` picks one, and the commands that take
 * one system at a time say how to choose it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { relkit, requireBuiltCli, scratch } from '../helpers/cli.js';

const STORE = 'models/quorum-store.yaml';

beforeAll(requireBuiltCli);

describe('several systems on the command line', () => {
  it('analyze --json gives every system and the quorum consistency', () => {
    const run = relkit('analyze', STORE, '--json');
    expect(run.status).toBe(0);
    const document = JSON.parse(run.stdout) as {
      systems: Record<string, { model: { name: string }; measures: Record<string, unknown> }>;
      consistency: { readsSeeLatestWrite: boolean; writesOrdered: boolean; statement: string };
    };
    expect(Object.keys(document.systems)).toEqual(['read', 'write']);
    expect(document.systems.write?.model.name).toMatch(/\(write\)$/);
    expect(document.systems.write?.measures.steadyUnavailability).toBeCloseTo(
      0.017786140721999636,
      15,
    );
    expect(document.consistency.readsSeeLatestWrite).toBe(true);
    expect(document.consistency.statement).toMatch(/R \+ W = 4 > N = 3/);
  });

  it('analyze prints a section per system, then the consistency', () => {
    const run = relkit('analyze', STORE);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^system read\n[^\n]*\(read\): analytic/);
    expect(run.stdout).toMatch(/\nsystem write\n[^\n]*\(write\): analytic/);
    expect(run.stdout).toMatch(/\nconsistency\n {2}R \+ W = 4 > N = 3/);
  });

  it('markov --system solves one', () => {
    const run = relkit('markov', STORE, '--system', 'write', '--steady', '--json');
    expect(run.status).toBe(0);
    const document = JSON.parse(run.stdout) as { systems: Record<string, unknown> };
    expect(Object.keys(document.systems)).toEqual(['write']);
  });

  it('markov --json gives every system from one chain, each as its --system run gives it', () => {
    const run = relkit('markov', STORE, '--json');
    expect(run.status).toBe(0);
    const document = JSON.parse(run.stdout) as {
      systems: Record<string, unknown>;
      consistency: unknown;
    };
    expect(Object.keys(document.systems)).toEqual(['read', 'write']);
    expect(document.consistency).toBeDefined();
    for (const name of ['read', 'write']) {
      const alone = relkit('markov', STORE, '--system', name, '--json');
      const { systems } = JSON.parse(alone.stdout) as { systems: Record<string, unknown> };
      // Both lump the three replicas into one 4-state chain: the same numbers.
      expect(document.systems[name], name).toEqual(systems[name]);
    }
  });

  it('--system naming no system is a usage error listing the systems', () => {
    const run = relkit('analyze', STORE, '--system', 'reads');
    expect(run.status).toBe(64);
    expect(run.stderr).toMatch(
      /--system reads: the model has no such system \(systems: read, write\)/,
    );
    const single = relkit('analyze', 'models/bridge.yaml', '--system', 'read');
    expect(single.status).toBe(64);
    expect(single.stderr).toMatch(/the model has one system/);
  });

  it('export takes one system at a time; sweep and optimize one-system models', () => {
    const run = relkit('export', STORE, '--to', 'mef');
    expect(run.status).toBe(64);
    expect(run.stderr).toMatch(
      /several systems \(read, write\); export takes one at a time: choose it with --system NAME/,
    );
    const simulated = relkit(
      'simulate',
      STORE,
      '--system',
      'write',
      '--replications',
      '20',
      '--json',
    );
    expect(simulated.status).toBe(0);
    expect((JSON.parse(simulated.stdout) as { model: { name: string } }).model.name).toMatch(
      /\(write\)$/,
    );
    const sweep = relkit('sweep', STORE, '--param', 'replica_mttr=6:24:3');
    expect(sweep.status).toBe(64);
    expect(sweep.stderr).toMatch(/sweep studies a model with one system; this one has several/);
  });

  it('simulate gives every system from one run: JSON, text sections, CSV', () => {
    const options = ['--replications', '200', '--horizon', '20000', '--workers', '2'];
    const json = relkit('simulate', STORE, ...options, '--json');
    expect(json.status).toBe(0);
    const document = JSON.parse(json.stdout) as {
      model: { name: string };
      systems: Record<string, { model: { name: string }; replications: number }>;
      consistency: { statement: string };
    };
    expect(Object.keys(document.systems)).toEqual(['read', 'write']);
    expect(document.systems.read?.model.name).toMatch(/\(read\)$/);
    expect(document.systems.write?.replications).toBe(200);
    expect(document.consistency.statement).toMatch(/R \+ W = 4 > N = 3/);
    // The joint run's write system equals --system write, bit for bit.
    const alone = relkit('simulate', STORE, ...options, '--json', '--system', 'write');
    const measures = (text: string): unknown =>
      (JSON.parse(text) as { measures: unknown }).measures;
    expect(document.systems.write).toMatchObject({ measures: measures(alone.stdout) });
    const text = relkit('simulate', STORE, ...options);
    expect(text.stdout).toMatch(/^system read\n[^\n]*\(read\): simulation/);
    expect(text.stdout).toMatch(/\nsystem write\n[^\n]*\(write\): simulation/);
    expect(text.stdout).toMatch(/\nconsistency\n {2}R \+ W = 4/);
    const csv = relkit('simulate', STORE, ...options, '--csv');
    expect(csv.stdout).toMatch(/^system,measure,t,value,lo,hi\nread,/);
    expect(csv.stdout).toMatch(/\nwrite,steadyUnavailability,,/);
  });

  it('shards of a joint run merge to the whole run', () => {
    const options = ['--replications', '90', '--horizon', '20000', '--workers', '1'];
    const parts = [0, 1, 2].map((i) => {
      const path = scratch(`part${i}.json`, '');
      const run = relkit('simulate', STORE, ...options, '--shard', `${i}/3`, '--out', path);
      expect(run.status).toBe(0);
      return path;
    });
    const merged = relkit('merge', ...parts, '--json');
    expect(merged.status).toBe(0);
    const whole = relkit('simulate', STORE, ...options, '--json');
    const systems = (text: string): Record<string, { measures: unknown }> =>
      (JSON.parse(text) as { systems: Record<string, { measures: unknown }> }).systems;
    for (const name of ['read', 'write']) {
      expect(systems(merged.stdout)[name]?.measures).toEqual(systems(whole.stdout)[name]?.measures);
    }
    const one = scratch('one.json', '');
    relkit('simulate', STORE, ...options, '--system', 'read', '--shard', '0/3', '--out', one);
    const mixed = relkit('merge', parts[0]!, one);
    expect(mixed.status).toBe(1);
    expect(mixed.stderr).toMatch(/holds one system, and .* does not: parts of different runs/);
  });

  it('check compares every system from one simulation, then an overall verdict', () => {
    const run = relkit('check', STORE, '--replications', '300', '--workers', '2');
    expect(run.stdout).toMatch(/^system read\n[^\n]*\(read\): check/);
    expect(run.stdout).toMatch(/\nsystem write\n[^\n]*\(write\): check/);
    expect(run.stdout).toMatch(/\noverall: (PASS|INCONCLUSIVE) \(read \w+, write \w+\)\n$/);
    const json = relkit('check', STORE, '--replications', '300', '--workers', '2', '--json');
    const document = JSON.parse(json.stdout) as {
      systems: Record<string, { verdict: string }>;
      verdict: string;
    };
    expect(Object.keys(document.systems)).toEqual(['read', 'write']);
    expect(['PASS', 'INCONCLUSIVE']).toContain(document.verdict);
    const file = scratch('reference.json', '{ "measures": { "mttf": 1 } }');
    const reference = relkit('check', STORE, '--reference', file);
    expect(reference.status).toBe(64);
    expect(reference.stderr).toMatch(/--reference compares one system's result/);
  });
});
