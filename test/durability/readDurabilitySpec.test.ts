/** Reading a durability study: the derived rebuild time, and every problem located. */
import { describe, expect, it } from 'vitest';
import { ModelError, parseDurabilitySpec } from '../../src/index.js';

const VALID = `name: study
mission_time: 8760
disks: 100
groups: 1000
redundancy: { data: 4, parity: 2 }
disk: { mttf: 1000000, capacity: 16, fill: 0.5 }
rebuild: { bandwidth: 0.2, parallelism: 10, concurrent: 3 }
`;

function problems(text: string): string[] {
  try {
    parseDurabilitySpec(text, 'study.yaml');
  } catch (error) {
    if (error instanceof ModelError) return error.message.split('\n');
    throw error;
  }
  return [];
}

describe('parseDurabilitySpec', () => {
  it('reads a study and derives the rebuild time from the data and the bandwidth', () => {
    const spec = parseDurabilitySpec(VALID);
    expect(spec.redundancy).toBe('4+2 erasure code');
    expect(spec.timeUnit).toBe('h');
    expect(spec.input).toEqual({
      disks: 100,
      groups: 1000,
      width: 6,
      tolerated: 2,
      failureRate: 1e-6,
      rebuildTime: (16 * 0.5) / (0.2 * 10),
      concurrentRebuilds: 3,
      missionTimes: [8760],
    });
    expect(spec.rebuild).toEqual({ capacity: 16, fill: 0.5, bandwidth: 0.2, parallelism: 10 });
  });

  it('reads replicas and a rebuild time given directly', () => {
    const text = VALID.replace('{ data: 4, parity: 2 }', '{ replicas: 3 }')
      .replace('{ bandwidth: 0.2, parallelism: 10, concurrent: 3 }', '{ time: 2 }')
      .replace(', capacity: 16, fill: 0.5', '');
    const spec = parseDurabilitySpec(text);
    expect(spec.input).toMatchObject({ width: 3, tolerated: 2, rebuildTime: 2 });
    expect(spec.rebuild).toBeUndefined();
  });

  it('locates every problem at once', () => {
    const text = VALID.replace('disks: 100', 'disks: 2.5')
      .replace('{ data: 4, parity: 2 }', '{ replicas: 3, parity: 2 }')
      .replace('mttf: 1000000', 'mttf: -1')
      .replace('concurrent: 3', 'concurent: 3');
    expect(problems(text)).toEqual([
      'study.yaml:3:8: disks must be an integer ≥ 1; got 2.5',
      'study.yaml:5:13: redundancy takes replicas, or data and parity, not both',
      'study.yaml:6:15: disk.mttf must be a finite number > 0; got -1',
      'study.yaml:7:45: rebuild.concurent is not a known key (known: time, bandwidth, parallelism, concurrent, law, cluster_bandwidth)',
    ]);
  });

  it('asks for what is missing, and for one way to give the rebuild', () => {
    const text =
      'name: x\ndisks: 10\ngroups: 1\nredundancy: { replicas: 2 }\ndisk: { mttf: 10 }\nrebuild: { time: 1, bandwidth: 2 }\n';
    expect(problems(text)).toEqual([
      'study.yaml:1:1: mission_time is required',
      'study.yaml:6:10: rebuild takes one of time and bandwidth, not both',
    ]);
    expect(problems(text.replace('{ time: 1, bandwidth: 2 }', '{ parallelism: 2 }'))).toContain(
      'study.yaml:6:10: rebuild needs a time, or a bandwidth (with the disk capacity); got neither',
    );
  });

  it('refuses what would be ignored: capacity with a rebuild time, a restore time without rack failures', () => {
    const text = VALID.replace('{ bandwidth: 0.2, parallelism: 10, concurrent: 3 }', '{ time: 2 }');
    expect(problems(`${text}racks: { count: 10, restore_time: 5 }\n`)).toEqual([
      'study.yaml:6:34: disk.capacity sets the rebuild time with a bandwidth; with rebuild.time it would be ignored',
      'study.yaml:6:44: disk.fill sets the rebuild time with a bandwidth; with rebuild.time it would be ignored',
      'study.yaml:8:35: racks.restore_time applies when racks fail (racks.mttf); without it it would be ignored',
    ]);
  });

  it('refuses more peers rebuilding a disk than there are other disks', () => {
    expect(problems(VALID.replace('parallelism: 10', 'parallelism: 100'))).toEqual([
      'study.yaml:7:41: rebuild.parallelism must be at most the other disks, 99 (the peers re-creating a lost disk); got 100',
    ]);
  });

  it('refuses fewer disks than a group is wide', () => {
    const text = VALID.replace('disks: 100', 'disks: 5').replace(
      'parallelism: 10',
      'parallelism: 4',
    );
    expect(problems(text)).toEqual([
      'study.yaml:3:8: disks must be at least the group width 6; got 5',
    ]);
  });

  it('reads racks, restoring a rack by default in its disks × the disk rebuild time', () => {
    const spec = parseDurabilitySpec(`${VALID}racks: { count: 10, mttf: 50000 }\n`);
    expect(spec.input.domains).toEqual({
      racks: 10,
      placement: 'rack',
      failureRate: 1 / 50000,
      restoreTime: 10 * ((16 * 0.5) / (0.2 * 10)),
    });
  });

  it('locates racks that do not divide the disks, or too few for rack placement', () => {
    expect(problems(`${VALID}racks: { count: 3, placement: disk }\n`)).toEqual([
      'study.yaml:8:17: racks.count must divide the 100 disks; got 3',
    ]);
    expect(problems(`${VALID}racks: { count: 5 }\n`)).toEqual([
      'study.yaml:8:17: racks.count must be at least the group width 6 for placement in distinct racks; got 5',
    ]);
    expect(problems(`${VALID}racks: { count: 10, placement: host }\n`)).toEqual([
      'study.yaml:8:32: racks.placement is host, but no hosts are given',
    ]);
  });

  it('reads hosts in racks and the placement, a host lost restored by default in its disks × the rebuild time', () => {
    const spec = parseDurabilitySpec(
      `${VALID}racks: { count: 10 }\nhosts: { count: 50, mttf: 20000, failure: loss }\nplacement: host\n`,
    );
    expect(spec.input.domains).toEqual({
      racks: 10,
      placement: 'host',
      failureRate: 0,
      restoreTime: 10 * 4,
    });
    expect(spec.input.hosts).toEqual({
      hosts: 50,
      failure: 'loss',
      failureRate: 1 / 20000,
      restoreTime: 2 * 4,
    });
    const out = parseDurabilitySpec(
      `${VALID}hosts: { count: 20, mttf: 1000, restore_time: 0.5 }\nplacement: disk\n`,
    );
    expect(out.input.hosts).toEqual({
      hosts: 20,
      failure: 'unavailable',
      failureRate: 1 / 1000,
      restoreTime: 0.5,
      placement: 'disk',
    });
  });

  it('locates bad hosts and placements, and refuses host settings that would be ignored', () => {
    expect(problems(`${VALID}racks: { count: 10 }\nhosts: { count: 25 }\n`)).toEqual([
      'study.yaml:9:17: hosts.count must be a multiple of the 10 racks (hosts of equal size in racks of equal size); got 25',
    ]);
    expect(problems(`${VALID}hosts: { count: 3 }\n`)).toEqual([
      'study.yaml:8:17: hosts.count must divide the 100 disks; got 3',
    ]);
    expect(problems(`${VALID}hosts: { count: 4 }\n`)).toEqual([
      'study.yaml:8:17: hosts.count must be at least the group width 6 for placement on distinct hosts; got 4',
    ]);
    expect(problems(`${VALID}hosts: { count: 20, restore_time: 2, failure: loss }\n`)).toEqual([
      'study.yaml:8:35: hosts.restore_time applies when hosts fail (hosts.mttf); without it it would be ignored',
      'study.yaml:8:47: hosts.failure applies when hosts fail (hosts.mttf); without it it would be ignored',
    ]);
    expect(problems(`${VALID}hosts: { count: 20, mttf: 100, failure: gone }\n`)).toEqual([
      'study.yaml:8:41: hosts.failure must be unavailable or loss; got "gone"',
    ]);
    expect(problems(`${VALID}hosts: { count: 20, mttf: 100 }\n`)).toEqual([
      'study.yaml:8:8: hosts.restore_time is required for hosts that become unavailable (the time until a host is back)',
    ]);
    expect(problems(`${VALID}placement: host\n`)).toEqual([
      'study.yaml:8:12: placement applies with racks or hosts; without them it would be ignored',
    ]);
    expect(problems(`${VALID}hosts: { count: 20 }\nplacement: rack\n`)).toEqual([
      'study.yaml:9:12: placement is rack, but no racks are given',
    ]);
    expect(problems(`${VALID}racks: { count: 10, placement: rack }\nplacement: rack\n`)).toEqual([
      'study.yaml:9:12: placement is given twice (here and as racks.placement); keep one',
    ]);
  });

  it('reads latent errors, and refuses them with failing racks', () => {
    const spec = parseDurabilitySpec(
      `${VALID}latent_errors: { rate: 1e-5, scrub_interval: 336 }\n`,
    );
    expect(spec.input.latentErrors).toEqual({ rate: 1e-5, scrubInterval: 336 });
    expect(
      problems(
        `${VALID}racks: { count: 10, mttf: 1000 }\nlatent_errors: { rate: 1e-5, scrub_interval: 9 }\n`,
      ),
    ).toEqual([
      'study.yaml:9:16: latent_errors cannot be combined with racks or hosts that fail yet (latent errors are modelled with disk failures only)',
    ]);
    expect(problems(`${VALID}latent_errors: { rate: 1e-5, scrub_interval: 0 }\n`)).toEqual([
      'study.yaml:8:46: latent_errors.scrub_interval must be a finite number > 0; got 0',
    ]);
  });

  it('reads a deterministic rebuild law, and locates a bad one', () => {
    const text = VALID.replace('concurrent: 3 }', 'concurrent: 3, law: deterministic }');
    expect(parseDurabilitySpec(text).input.rebuildLaw).toBe('deterministic');
    expect(problems(VALID.replace('concurrent: 3 }', 'concurrent: 3, law: normal }'))).toEqual([
      'study.yaml:7:65: rebuild.law must be exponential or deterministic; got "normal"',
    ]);
  });

  it('reads a cluster rebuild bandwidth as disks rebuilt per time unit in all', () => {
    const text = VALID.replace('concurrent: 3 }', 'concurrent: 3, cluster_bandwidth: 4 }');
    expect(parseDurabilitySpec(text).input.sharedRebuildRate).toBe(4 / (16 * 0.5));
    const timed = VALID.replace(
      '{ bandwidth: 0.2, parallelism: 10, concurrent: 3 }',
      '{ time: 2, cluster_bandwidth: 4 }',
    ).replace(', capacity: 16, fill: 0.5', '');
    expect(problems(timed)).toEqual([
      'study.yaml:7:40: rebuild.cluster_bandwidth applies with bandwidth, not with time',
    ]);
  });

  it('reports a syntax error with its line', () => {
    expect(problems('name: [x\n')[0]).toMatch(/^study\.yaml:\d+:\d+: /);
  });
});
