/** The real binary: relkit durability, its text and JSON, the simulation check, located errors. */
import { beforeAll, describe, expect, it } from 'vitest';
import { relkit, requireBuiltCli, scratch } from '../helpers/cli.js';

beforeAll(requireBuiltCli);

const SMALL = `name: small cluster
time_unit: h
mission_time: 10
disks: 20
groups: 50
redundancy: { replicas: 3 }
disk: { mttf: 20 }
rebuild: { time: 1 }
`;

describe('relkit durability', () => {
  it('prints the group and cluster figures, and the rebuild time it derived', () => {
    const { status, stdout, stderr } = relkit('durability', 'models/durability/erasure-8-3.yaml');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain('rebuild time 0.666666666667 h = 16 × 0.75 / (0.18 × 100)');
    expect(stdout).toContain('one group (exact, Markov engine):');
    expect(stdout).toMatch(/cluster \(combinatorial model: an approximation, \d+ states\):/);
    expect(stdout).toContain(
      '50 racks, placement on distinct racks, rack failure rate 1e-5 /h, restore time 133.333333333 h',
    );
    expect(stdout).toMatch(/ {2}mttdl +3296010\.76115 h/);
  });

  it('states the limits on rebuilds, and racks that never fail as placement only', () => {
    const study = `name: limits
time_unit: h
mission_time: 8760
disks: 1000
groups: 10000
redundancy: { replicas: 3 }
disk: { mttf: 1000000, capacity: 16, fill: 0.75 }
rebuild: { bandwidth: 0.18, parallelism: 10, concurrent: 20, cluster_bandwidth: 3 }
racks: { count: 50 }
`;
    const { status, stdout } = relkit('durability', scratch('limits.yaml', study));
    expect(status).toBe(0);
    // 3 TB/h over 16 × 0.75 TB a disk: a quarter of a disk's data per hour.
    expect(stdout).toContain(
      "  at most 20 rebuilds at once; the cluster's rebuild bandwidth shared, at most 0.25 disks' data /h in all\n",
    );
    expect(stdout).toContain(
      '  50 racks, placement on distinct racks, racks that do not fail (placement only)\n',
    );
    expect(stdout).not.toContain('rack failure rate 0');
  });

  it("names the group's and the cluster's notes, and no function of the engine", () => {
    const file = scratch('never.yaml', SMALL.replace('mttf: 20', 'mttf: 1e300'));
    const { status, stdout } = relkit('durability', file);
    expect(status).toBe(0);
    const beyond = 'mttdl: the mean time is beyond the range of doubles (above 1.8e308)';
    expect(stdout).toContain(`warning: group ${beyond}\n`);
    expect(stdout).toContain(`warning: cluster ${beyond}\n`);
    expect(stdout).not.toContain('meanTimeToAbsorption');
  });

  it('gives { study, result } as JSON', () => {
    const { status, stdout } = relkit(
      'durability',
      'models/durability/replication-3way.yaml',
      '--json',
    );
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.study.input.width).toBe(3);
    expect(json.result.cluster.mttdl).toBeCloseTo(218437.71111756755, 6);
    expect(json.simulation).toBeUndefined();
  });

  it('simulates the cluster and compares, each measure agreeing', () => {
    const file = scratch('small.yaml', SMALL);
    const { status, stdout } = relkit('durability', file, '--simulate', '400', '--json');
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.simulation.replications).toBe(400);
    expect(json.comparison.map((c: { verdict: string }) => c.verdict)).toEqual([
      'agrees',
      'agrees',
      'agrees',
    ]);
  });

  it('says INCONCLUSIVE when the runs see no loss', () => {
    const file = scratch('rare.yaml', SMALL.replace('mttf: 20', 'mttf: 1000000'));
    const { status, stdout } = relkit('durability', file, '--simulate', '10', '--horizon', '100');
    expect(status).toBe(0);
    expect(stdout).toMatch(/mttdl +INCONCLUSIVE: 10 of 10 runs saw no loss by the horizon 100/);
  });

  it('exits 1 with the problem located when the study is invalid', () => {
    const file = scratch('bad.yaml', SMALL.replace('disks: 20', 'disks: 2'));
    const { status, stderr } = relkit('durability', file);
    expect(status).toBe(1);
    expect(stderr).toMatch(/bad\.yaml:4:8: disks must be at least the group width 3; got 2/);
  });

  it('refuses --seed without --simulate (usage, 64)', () => {
    const { status, stderr } = relkit(
      'durability',
      'models/durability/erasure-8-3.yaml',
      '--seed',
      '3',
    );
    expect(status).toBe(64);
    expect(stderr).toContain('--seed applies with --simulate');
  });
});
