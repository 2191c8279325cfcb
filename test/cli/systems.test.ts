/**
 * The commands on a model with several systems (models/quorum-store.yaml): analyze and markov
 * give each system (text sections, JSON `systems` and `consistency`), `--system` picks one, and
 * the commands that take one system at a time say how to choose it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { relkit, requireBuiltCli } from '../helpers/cli.js';

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

  it('simulate, check and export take one system at a time; sweep and optimize one-system models', () => {
    for (const command of ['simulate', 'check', 'export']) {
      const run = relkit(command, STORE, ...(command === 'export' ? ['--to', 'mef'] : []));
      expect(run.status, command).toBe(64);
      expect(run.stderr).toMatch(
        new RegExp(
          `several systems \\(read, write\\); ${command} takes one at a time: choose it with --system NAME`,
        ),
      );
    }
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
});
