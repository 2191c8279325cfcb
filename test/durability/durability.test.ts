/**
 * The durability measures against test/reference/durability_reference.py (mpmath at 60 digits,
 * exact rationals for the hypergeometric tails; scipy's expm in double precision for the
 * accelerated chains; Python 3.11, mpmath 1.3.0, scipy 1.17.1, 2026-12-06). The group figures
 * are also checked in the script against the RAID 5 textbook formula and a first-passage sum.
 * Tolerance 1e-9 relative (the engine's MTTF by state reduction measured ≤ 1e-15 here; its
 * transient by uniformization or squaring ≤ 1e-13).
 */
import { describe, expect, it } from 'vitest';
import {
  ParameterError,
  clusterChain,
  compareSimulation,
  coverProbability,
  domainCoverProbability,
  durability,
  groupChain,
  latentChunkProbability,
  latentRebuildLoss,
  rebuildTime,
  solveLossChain,
  type DurabilityInput,
} from '../../src/index.js';
import { expectRelClose } from '../helpers/expectClose.js';

const TOLERANCE = 1e-9;

function cluster(
  disks: number,
  groups: number,
  width: number,
  tolerated: number,
  failureRate: number,
  rebuild: number,
  mission: number,
  concurrentRebuilds?: number,
): DurabilityInput {
  return {
    disks,
    groups,
    width,
    tolerated,
    failureRate,
    rebuildTime: rebuild,
    missionTimes: [mission],
    ...(concurrentRebuilds === undefined ? {} : { concurrentRebuilds }),
  };
}

describe('coverProbability', () => {
  it.each([
    [10, 3, 2, 3, 0.008333333333333333],
    [10000, 11, 3, 4, 7.924753980713038e-13],
    [10000, 3, 2, 30, 2.4367309705565477e-8],
    [10000, 11, 3, 60, 3.744806734353714e-7],
  ])('D = %i, w = %i, m = %i, s = %i: the hypergeometric tail', (D, w, m, s, expected) => {
    expectRelClose(coverProbability(D, w, m, s), expected, 1e-13);
  });

  it('is 0 up to m failed disks and 1 when all are failed', () => {
    expect(coverProbability(100, 5, 2, 2)).toBe(0);
    expect(coverProbability(100, 5, 2, 100)).toBe(1);
  });

  it('refuses m ≥ w and more failed disks than disks', () => {
    expect(() => coverProbability(10, 3, 3, 1)).toThrow(ParameterError);
    expect(() => coverProbability(10, 3, 1, 11)).toThrow(ParameterError);
  });
});

describe('rebuildTime', () => {
  it('is capacity × fill / (bandwidth × parallelism)', () => {
    expectRelClose(rebuildTime(16, 0.75, 0.18, 100), 2 / 3, 1e-15);
    expect(() => rebuildTime(16, 1.5, 0.18, 1)).toThrow(/fill/);
    expect(() => rebuildTime(16, 1, 0.18, 0.5)).toThrow(/parallelism/);
  });
});

describe('one placement group, exact', () => {
  it('RAID 5 of 4 disks: MTTDL = ((2n − 1)λ + μ)/(n(n − 1)λ²) and the loss probability', () => {
    const result = durability(cluster(4, 1, 4, 1, 1e-5, 10, 8760));
    expectRelClose(result.group?.mttdl, 83391666.66666667, TOLERANCE);
    expectRelClose(result.group?.lossProbability[0], 0.000104921143240398, TOLERANCE);
    expect(result.group?.accuracy).toBe('exact');
  });

  it('RAID 6 of 8 disks: independent rebuilds, and one rebuild at a time', () => {
    const independent = durability(cluster(8, 1, 8, 2, 2e-6, 24, 8760));
    expectRelClose(independent.group?.mttdl, 1292431599537.037, TOLERANCE);
    expectRelClose(independent.group?.lossProbability[0], 6.750072412595016e-9, TOLERANCE);
    const oneAtATime = durability(cluster(8, 1, 8, 2, 2e-6, 24, 8760, 1));
    expectRelClose(oneAtATime.group?.mttdl, 646308914351.8518, TOLERANCE);
    expectRelClose(oneAtATime.group?.lossProbability[0], 1.3479634619275384e-8, TOLERANCE);
    expect(oneAtATime.group?.accuracy).toBe('exact'); // the group is the whole array
  });

  it('3-way replication and 8+3 stripes', () => {
    const replica = durability(cluster(10000, 1e6, 3, 2, 1e-6, 1, 8760));
    expectRelClose(replica.group?.mttdl, 333334500001833340, TOLERANCE);
    expectRelClose(replica.cluster.expectedGroupsLost?.[0], 2.627540804267699e-8, TOLERANCE);
    const erasure = durability(cluster(10000, 1e6, 11, 3, 1e-6, 1, 8760));
    expectRelClose(erasure.group?.mttdl, 757586111184091300000, TOLERANCE);
    expectRelClose(erasure.cluster.expectedGroupsLost?.[0], 1.1560622010832189e-11, TOLERANCE);
  });

  it('is labelled approximate when limited concurrent rebuilds are shared by a wider cluster', () => {
    const result = durability(cluster(20, 50, 3, 1, 0.01, 1, 10, 2));
    expect(result.group?.accuracy).toBe('approximate');
    expect(result.warnings.join()).toMatch(
      /the group figures and expectedGroupsLost are optimistic/,
    );
  });
});

describe('the cluster, combinatorial model', () => {
  it.each([
    ['unlimited rebuilds', undefined, 59.91589725686653, 0.14378609364128012],
    ['two rebuilds at a time', 2, 59.90145382713937, 0.143811725262707],
  ])('20 disks, 50 groups of 3 tolerating 1, %s', (_, concurrent, mttdl, loss) => {
    const result = durability(cluster(20, 50, 3, 1, 0.01, 1, 10, concurrent));
    expectRelClose(result.cluster.mttdl, mttdl, TOLERANCE);
    expectRelClose(result.cluster.lossProbability[0], loss, TOLERANCE);
  });

  it.each([
    [3, 2, 333335384289.6238, 2.6275337991911762e-8],
    [11, 3, 757584408344412.1, 1.1560647993793503e-11],
  ])('10^4 disks, 10^6 groups of %i tolerating %i', (w, m, mttdl, loss) => {
    const result = durability(cluster(10000, 1e6, w, m, 1e-6, 1, 8760));
    expectRelClose(result.cluster.mttdl, mttdl, TOLERANCE);
    expectRelClose(result.cluster.lossProbability[0], loss, TOLERANCE);
  });

  it.each([
    [3, 2, 3e-3, 14.106977875327178, 0.7680787728619878, 1.4833969502146305],
    [11, 3, 2e-3, 50.86605528201804, 0.3097487423922398, 0.3735526647048848],
  ])(
    'the accelerated clusters of the simulation check (w = %i, m = %i)',
    (w, m, lam, mttdl, loss, lost) => {
      const result = durability(cluster(10000, 1e6, w, m, lam, 1, 20));
      expectRelClose(result.cluster.mttdl, mttdl, TOLERANCE);
      expectRelClose(result.cluster.lossProbability[0], loss, TOLERANCE);
      expectRelClose(result.cluster.expectedGroupsLost?.[0], lost, TOLERANCE);
    },
  );

  it('is the group chain itself when the cluster is one array (D = w, P = 1)', () => {
    for (const concurrent of [undefined, 1]) {
      const array = cluster(8, 1, 8, 2, 2e-6, 24, 8760, concurrent);
      const group = solveLossChain(groupChain(array), [8760]);
      const whole = solveLossChain(clusterChain(array), [8760]);
      expectRelClose(whole.mttdl, group.mttdl, 1e-12);
      expectRelClose(whole.lossProbability[0], group.lossProbability[0], 1e-12);
    }
  });

  it('states its assumptions in the result', () => {
    const result = durability(cluster(10000, 1e6, 3, 2, 1e-6, 1, 8760));
    expect(result.cluster.assumptions.join('\n')).toMatch(/an approximation/);
    expect(result.cluster.states).toBeGreaterThan(3);
  });

  it('refuses a bad cluster with the field named', () => {
    expect(() => durability(cluster(2, 1, 3, 1, 1e-6, 1, 10))).toThrow(/disks/);
    expect(() => durability(cluster(10, 1, 3, 3, 1e-6, 1, 10))).toThrow(/tolerated/);
    expect(() => durability(cluster(10, 1, 3, 1, 0, 1, 10))).toThrow(/failureRate/);
    expect(() => durability(cluster(10, 1, 3, 1, 1e-6, 1, -1))).toThrow(/missionTimes/);
  });
});

describe('racks: shocks that lose a rack, rack-aware or disk placement', () => {
  // 10^4 disks in 50 racks, 10^6 groups of 3 tolerating 2, disks at 1e-3/h rebuilt in 0.5 h,
  // rack shocks at 0.004/h restored in 2 h, mission 20 h (accelerated, as the simulation check)
  const racked = (placement: 'rack' | 'disk', failureRate = 0.004): DurabilityInput => ({
    ...cluster(10000, 1e6, 3, 2, 1e-3, 0.5, 20),
    domains: { racks: 50, placement, failureRate, restoreTime: 2 },
  });

  it('rack-aware: the cluster chain and the exact group chain', () => {
    const result = durability(racked('rack'));
    // Before the hazard was clamped at 0 (a shock gathering failed disks into the lost rack):
    // 19.11168419220574 and 0.6492380341148407, 1.3e-8 and 7.8e-9 off.
    expectRelClose(result.cluster.mttdl, 19.111683942756525, TOLERANCE);
    expectRelClose(result.cluster.lossProbability[0], 0.64923803919934686, TOLERANCE);
    expectRelClose(result.group?.mttdl, 950274.7526329976, TOLERANCE);
    expectRelClose(result.cluster.expectedGroupsLost?.[0], 18.04162056687321, TOLERANCE);
  });

  it('groups on distinct disks only: far less durable, and no one group chain', () => {
    const result = durability(racked('disk'));
    expectRelClose(result.cluster.mttdl, 4.984288186115745, TOLERANCE);
    expectRelClose(result.cluster.lossProbability[0], 0.981941235136839, TOLERANCE);
    expect(result.group).toBeUndefined();
    expect(result.cluster.expectedGroupsLost).toBeUndefined();
    expect(result.warnings.join()).toMatch(/no one group chain applies/);
  });

  it('racks that never fail change nothing, whatever the placement', () => {
    const plain = durability(cluster(10000, 1e6, 3, 2, 1e-3, 0.5, 20));
    for (const placement of ['rack', 'disk'] as const) {
      const result = durability(racked(placement, 0));
      expect(result.cluster.mttdl).toBe(plain.cluster.mttdl);
      expect(result.group?.mttdl).toBe(plain.group?.mttdl);
    }
  });

  it('refuses racks that do not divide the disks, or fewer racks than the width', () => {
    const base = cluster(10000, 1e6, 3, 2, 1e-3, 0.5, 20);
    const domains = { placement: 'rack' as const, failureRate: 0.004, restoreTime: 2 };
    expect(() => durability({ ...base, domains: { ...domains, racks: 2 } })).toThrow(/width 3/);
    expect(() => durability({ ...base, domains: { ...domains, racks: 7 } })).toThrow(/multiple/);
  });
});

describe('durability where the combinatorial model is poorest', () => {
  const oneGroup: DurabilityInput = {
    disks: 10,
    groups: 1,
    width: 3,
    tolerated: 2,
    failureRate: 1 / 20,
    rebuildTime: 5,
    missionTimes: [20],
  };

  it('answers one group by its exact chain (the combinatorial chain was 8 % short)', () => {
    const result = durability(oneGroup);
    expect(result.cluster.mttdl).toBe(result.group!.mttdl);
    expect(result.cluster.lossProbability).toEqual(result.group!.lossProbability);
    // First-passage sum T₀ = 1/b₀, Tᵢ = 1/bᵢ + (dᵢ/bᵢ)Tᵢ₋₁ with b = (3λ, 2λ, λ), d = (0, μ, 2μ),
    // λ = 1/20, μ = 1/5: 20/3 + 20 + 210 = 710/3 h.
    expectRelClose(result.cluster.mttdl, 710 / 3, 1e-12);
    expect(result.cluster.assumptions.join()).toMatch(/one group: .* exact group figures/);
  });

  it('warns, with the bound, when its loss probability exceeds the expected groups lost', () => {
    const few = {
      ...oneGroup,
      disks: 300,
      groups: 10,
      failureRate: 1 / 20000,
      rebuildTime: 10,
      missionTimes: [8760],
    };
    const result = durability(few);
    const bound = result.cluster.expectedGroupsLost![0]!;
    expect(result.cluster.lossProbability[0]!).toBeGreaterThan(bound);
    expect(result.warnings.join()).toMatch(
      /exceeds expectedGroupsLost\(8760\) = .*Markov's inequality/,
    );
  });
});

describe('hosts in racks (test/reference/durability_hosts_reference.py)', () => {
  // 10^4 disks in 50 racks of 10 hosts of 20 disks, 10^6 groups, disks at 1e-3/h rebuilt in
  // 0.5 h, mission 20 h (accelerated, as the simulation check). Group figures: the full product
  // chain of the w chunks (mpmath at 30 digits); cluster figures: the (a, b, j) chain with fixed
  // bounds (scipy, double precision: agreement measured ≤ 3e-11).
  const base = cluster(10000, 1e6, 3, 2, 1e-3, 0.5, 20);
  const racks = (failureRate: number, placement: 'rack' | 'host' | 'disk' = 'rack') => ({
    racks: 50,
    placement,
    failureRate,
    restoreTime: 2,
  });
  const losing = { hosts: 500, failure: 'loss' as const, failureRate: 1e-3, restoreTime: 2 };
  const outages = {
    hosts: 500,
    failure: 'unavailable' as const,
    failureRate: 0.05,
    restoreTime: 0.5,
  };

  it.each([
    [12, 3, 1, 3, 'rack', 1, 1, 6, 1, 2 / 3],
    [12, 3, 1, 3, 'host', 1, 1, 6, 1, 0.65],
    [12, 3, 1, 3, 'host', 0, 1, 6, 2, 0.35],
    [12, 3, 1, 3, 'disk', 1, 1, 6, 1, 7 / 11],
    [12, 3, 1, 3, 'disk', 0, 2, 6, 1, 13 / 55],
  ] as const)(
    'π(a, b, s) on 12 disks in 3 racks of 2 hosts equals the count over every placement and loss (%i disks, w = %i, m = %i, R = %i, %s, a = %i, s = %i, H = %i, b = %i)',
    (D, w, m, R, placement, a, s, H, b, expected) => {
      expectRelClose(domainCoverProbability(D, w, m, R, placement, a, s, H, b), expected, 1e-14);
    },
  );

  it.each([
    [3, 2, 5572392.390452532, 3.0910598606223973e-6],
    [4, 1, 6383.625021447656, 0.0028525376018329824],
  ])('one group of %i tolerating %i, hosts losing data and rack shocks', (w, m, mttdl, loss) => {
    const result = durability({
      ...base,
      width: w,
      tolerated: m,
      domains: racks(1e-3),
      hosts: losing,
    });
    expectRelClose(result.group?.mttdl, mttdl, TOLERANCE);
    expectRelClose(result.group?.lossProbability[0], loss, TOLERANCE);
  });

  it.each([
    [3, 2, 26893176.146078218, 6.465558167855917e-7, 1.9274619389161067e-5, 1.927480464853312e-5],
    [4, 1, 16998.110580747812, 0.001078304826884549, 0.004160641421191702, 0.004160667597256984],
  ])(
    'one group of %i tolerating %i, host outages: unavailability, and loss figures as without them',
    (w, m, mttdl, loss, unavailable, steady) => {
      const input = { ...base, width: w, tolerated: m, domains: racks(1e-3) };
      const result = durability({ ...input, hosts: outages });
      expectRelClose(result.group?.mttdl, mttdl, TOLERANCE);
      expectRelClose(result.group?.lossProbability[0], loss, TOLERANCE);
      expectRelClose(result.group?.unavailability?.[0], unavailable, TOLERANCE);
      expectRelClose(result.group?.steadyUnavailability, steady, TOLERANCE);
      expectRelClose(result.cluster.expectedGroupsUnavailable?.[0], 1e6 * unavailable, TOLERANCE);
      const without = durability(input);
      expect(result.cluster.mttdl).toBe(without.cluster.mttdl);
      expect(result.cluster.assumptions.join()).toMatch(/host outages lose no data/);
      expect(without.group?.unavailability).toBeUndefined();
    },
  );

  it.each([
    ['rack-aware, hosts losing data', racks(0), losing, 36.97564692638348, 0.4004388952398947],
    [
      'rack-aware, hosts losing data, rack shocks',
      racks(1e-3),
      losing,
      20.567432717685513,
      0.6196929356248088,
    ],
    [
      'on distinct disks, hosts losing data',
      undefined,
      { ...losing, failureRate: 2e-4, placement: 'disk' as const },
      148.89005357273888,
      0.11799077986914099,
    ],
  ])('the cluster chain on racks, hosts and disks lost: %s', (_, domains, hosts, mttdl, loss) => {
    const result = durability({ ...base, ...(domains === undefined ? {} : { domains }), hosts });
    expectRelClose(result.cluster.mttdl, mttdl, 1e-9);
    expectRelClose(result.cluster.lossProbability[0], loss, 1e-9);
  });

  it('leaves the group out when failing hosts are shared by its chunks, and says so', () => {
    const result = durability({ ...base, hosts: { ...losing, placement: 'disk' } });
    expect(result.group).toBeUndefined();
    expect(result.warnings.join()).toMatch(/several chunks in one host/);
    const out = durability({ ...base, hosts: { ...outages, placement: 'disk' } });
    expect(out.group?.unavailability).toBeUndefined();
    expect(out.group?.mttdl).toBe(durability(base).group?.mttdl);
    expect(out.warnings.join()).toMatch(
      /group unavailability and expectedGroupsUnavailable are left out/,
    );
  });

  it('refuses hosts that do not divide the disks or the racks, and a placement without its domain', () => {
    expect(() => durability({ ...base, hosts: { ...losing, hosts: 300 } })).toThrow(
      /multiple of the 300 hosts/,
    );
    expect(() =>
      durability({ ...base, domains: racks(0), hosts: { ...losing, hosts: 125 } }),
    ).toThrow(/multiple of the 50 racks/);
    expect(() => durability({ ...base, domains: racks(0, 'host') })).toThrow(/hosts/);
    expect(() =>
      durability({ ...base, domains: racks(0), hosts: { ...losing, placement: 'disk' } }),
    ).toThrow(/domains.placement/);
  });
});

describe('latent sector errors found by scrubbing (test/reference/durability_latent_reference.py)', () => {
  // mpmath at 40 digits: p̄ in closed form (checked there against the quadrature of the
  // time average), the group's first-passage sum, the cluster chain with a fixed bound of 200.
  it('p̄ = 1 − (1 − e^{−x})/x keeps its digits for small x (series), and q = 1 − (1 − p̄)^{w−m}', () => {
    const raid5 = {
      ...cluster(5, 1, 5, 1, 0.002, 2, 50),
      latentErrors: { rate: 0.05, scrubInterval: 10 },
    };
    expectRelClose(latentRebuildLoss(raid5), 0.6165015868637822, 1e-14);
    const tiny = { ...raid5, latentErrors: { rate: 1e-9, scrubInterval: 10 } };
    const x = 1e-8;
    expectRelClose(latentChunkProbability(tiny), x / 2 - (x * x) / 6, 1e-15);
  });

  it('RAID 5 of 5 disks: a critical rebuild fails with probability q', () => {
    const result = durability({
      ...cluster(5, 1, 5, 1, 0.002, 2, 50),
      latentErrors: { rate: 0.05, scrubInterval: 10 },
    });
    expectRelClose(result.group?.mttdl, 163.79405546426187, TOLERANCE);
    expectRelClose(result.group?.lossProbability[0], 0.25680790252691094, TOLERANCE);
    expectRelClose(result.group?.latentRebuildLoss, 0.6165015868637822, 1e-14);
    expect(result.cluster.assumptions.join()).toMatch(/latent sector errors: .*an approximation/);
  });

  it('10^4 disks, 10^6 groups of 3: the group, and the cluster whose rebuilds meet latent errors', () => {
    const result = durability({
      ...cluster(10000, 1e6, 3, 2, 3e-3, 1, 20),
      latentErrors: { rate: 0.2, scrubInterval: 10 },
    });
    expectRelClose(result.group?.latentRebuildLoss, 0.003325913529625465, 1e-13);
    expectRelClose(result.group?.mttdl, 3877866.658963896, TOLERANCE);
    expectRelClose(result.cluster.expectedGroupsLost?.[0], 4.772403613979985, TOLERANCE);
    expectRelClose(result.cluster.mttdl, 5.327093763710819, TOLERANCE);
    expectRelClose(result.cluster.lossProbability[0], 0.9904178619905315, TOLERANCE);
  });

  it("a chunk gets at most its disk's error rate: a group on more disks than its width keeps its figures", () => {
    // Before, λ_c = λ_L·D/(P·w) gave a mirror on 20 of 20 disks q = 0.368 (mttdl 13 595 h)
    // where the simulation saw the 2-disk figures.
    const on = (disks: number) =>
      durability({
        ...cluster(disks, 1, 2, 1, 1e-4, 10, 1000),
        latentErrors: { rate: 1e-3, scrubInterval: 100 },
      });
    for (const result of [on(2), on(20)]) {
      expectRelClose(result.group?.latentRebuildLoss, 0.04837418035959573, 1e-13);
      expectRelClose(result.group?.mttdl, 101571.30636853902, TOLERANCE);
      expectRelClose(result.group?.lossProbability[0], 0.009700725578315984, TOLERANCE);
    }
    // 100 mirrors on 1000 disks, about 0.2 other chunks a disk: the binomial average.
    const few = {
      ...cluster(1000, 100, 2, 1, 1e-3, 5, 100),
      latentErrors: { rate: 2e-3, scrubInterval: 200 },
    };
    expectRelClose(latentRebuildLoss(few), 0.16050402910879205, 1e-13);
  });

  it('a scrub so rare that every critical rebuild fails (q = 1): the rebuild-less formula', () => {
    // Before: an internal error about a transition of rate 0. RAID 5 of 8 whose degraded state
    // can only lose data: MTTDL = ((2n − 1)λ + μ)/(nλ((n − 1)λ + μ)) at q = 1.
    const result = durability({
      ...cluster(8, 1, 8, 1, 1e-6, 24, 8760),
      latentErrors: { rate: 1e-3, scrubInterval: 1e300 },
    });
    const [n, lambda, mu] = [8, 1e-6, 1 / 24];
    expect(result.group?.latentRebuildLoss).toBe(1);
    expectRelClose(
      result.group?.mttdl,
      ((2 * n - 1) * lambda + mu) / (n * lambda * ((n - 1) * lambda + mu)),
      1e-12,
    );
  });

  it('refuses latent errors with racks or hosts that fail', () => {
    expect(() =>
      durability({
        ...cluster(10000, 1e6, 3, 2, 3e-3, 1, 20),
        latentErrors: { rate: 0.2, scrubInterval: 10 },
        domains: { racks: 50, placement: 'rack', failureRate: 1e-3, restoreTime: 2 },
      }),
    ).toThrow(/latentErrors/);
  });
});

describe('a shared rebuild bandwidth', () => {
  it('RAID 5 of 4 disks with the rebuild capped at half speed: the textbook formula at μ/2', () => {
    // ((2n − 1)λ + μ')/(n(n − 1)λ²), μ' = min(μ, μ_B) = 0.05: (7e-5 + 0.05)/1.2e-9 h.
    const result = durability({ ...cluster(4, 1, 4, 1, 1e-5, 10, 8760), sharedRebuildRate: 0.05 });
    expectRelClose(result.group?.mttdl, (7e-5 + 0.05) / 1.2e-9, 1e-12);
    expect(result.group?.accuracy).toBe('exact');
    expect(result.cluster.mttdl).toBe(result.group?.mttdl);
  });
});

describe('figures named for what they are (an outside review)', () => {
  it('deterministic rebuilds: the group chain is approximate, and one group says so', () => {
    const result = durability({ ...cluster(5, 1, 5, 1, 0.05, 4, 10), rebuildLaw: 'deterministic' });
    expect(result.group?.accuracy).toBe('approximate');
    expect(result.cluster.assumptions.join('\n')).toMatch(/the approximate group figures/);
    expect(result.cluster.assumptions.join('\n')).not.toMatch(/exact group/);
  });

  it('one group whose rebuilds wait behind other disks: expectedGroupsLost is its lossProbability', () => {
    // 3-way on 30 disks, one rebuild at a time: before, lossProbability 0.452 (the cluster
    // chain) beside expectedGroupsLost 0.0705 (the group chain without the other disks); the
    // simulation saw 0.43 for both.
    const result = durability({ ...cluster(30, 1, 3, 2, 0.01, 10, 200), concurrentRebuilds: 1 });
    expect(result.cluster.expectedGroupsLost).toEqual(result.cluster.lossProbability);
    expect(result.group?.accuracy).toBe('approximate');
  });

  it('a groups-lost count that one run dominates is inconclusive, not a difference', () => {
    const model = durability(cluster(100, 1000, 3, 2, 0.01, 1, 10));
    const simulation = {
      replications: 1000,
      seed: 1,
      horizon: 10,
      censored: 0,
      mttdl: { mean: model.cluster.mttdl, standardError: 1 },
      lossProbability: { mean: 0.05, standardError: Math.sqrt((0.05 * 0.95) / 1000) },
      groupsLost: { mean: 0.8, standardError: 0.2, largest: 160 },
    } as unknown as Parameters<typeof compareSimulation>[1];
    const lost = compareSimulation(model, simulation).find(
      (c) => c.measure === 'expectedGroupsLost',
    );
    expect(lost?.verdict).toBe('inconclusive');
    expect(lost?.note).toMatch(/one run lost 160 of the 800 groups lost in all \(20 %\)/);
  });
});
