/**
 * One event stream for several systems (runSystemsReplications): each system's statistics are
 * bit-identical to a run of that system alone (its view, same horizon and seed), also where the
 * systems' replications end at different times (MTTF run on past T of a model that is not
 * regenerative); and replication by replication the systems see the same units (a system that
 * needs more of them is down whenever one that needs fewer is), which separate runs would not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/loadModel.js';
import { exactValue } from '../../src/numeric/exactAccumulator.js';
import { systemView } from '../../src/model/systemView.js';
import {
  finalizeSystems,
  runReplications,
  runSystemsReplications,
  simulate,
  simulateSystems,
  simulationHorizon,
} from '../../src/sim/simulate.js';
import { mergeSystemsStats, type SimulationStats } from '../../src/sim/stats.js';
import { PUMPS } from '../helpers/systemsModels.js';

const MODELS = join(import.meta.dirname, '../../models');
const STORE = loadModel(readFileSync(join(MODELS, 'quorum-store.yaml'), 'utf8'));

/** Weibull replicas (no regeneration), a spare pool, a common-cause unit, costs, one crew. */
const AGEING = loadModel(`name: ageing store
components:
  r: { count: 3, failure: { dist: weibull, shape: 1.5, scale: 1000 }, repair: { mttr: 30 } }
  switch: { failure: { rate: 0.0002 }, repair: { mttr: 5 }, costs: { corrective: 10 } }
maintenance:
  crews: 1
  spares: [{ name: store, components: [r], stock: 1, lead_time: { mean: 50 } }]
systems:
  read: { series: [switch, { koon: { k: 1, of: r } }] }
  write: { koon: { k: 3, of: r } }
  none: { parallel: [] }
`);

/** Statistics without the clock. */
function timeless(stats: SimulationStats): SimulationStats {
  return { ...stats, elapsedSeconds: 0 };
}

describe('one simulation of several systems', () => {
  const cases = [
    ['quorum store, steady measures', STORE, { horizon: 20000, seed: 3 }],
    ['ageing store, every measure', AGEING, { horizon: 2000, seed: 4 }],
    [
      'ageing store, MTTF run on to each system first failure',
      AGEING,
      { horizon: 300, seed: 5, measures: ['mttf', 'reliability'], mttfCap: 100 },
    ],
    ['pumps with a common-cause group', loadModel(PUMPS), { seed: 6 }],
  ] as const;
  it.each(cases)('gives each system the statistics of its run alone: %s', (_, model, options) => {
    const joint = runSystemsReplications(model, options, 7, 150);
    expect(joint.systems.map(({ name }) => name)).toEqual(model.systems!.map(({ name }) => name));
    // The joint horizon, as the default: the longest of the systems' own defaults.
    const horizon = simulationHorizon(model, options);
    for (const { name, stats } of joint.systems) {
      const alone = runReplications(systemView(model, name), { ...options, horizon }, 7, 150);
      expect(timeless(stats), name).toEqual(timeless(alone));
    }
  });

  it('ends each system where its run alone ends: its own events', () => {
    const joint = runSystemsReplications(
      AGEING,
      { horizon: 300, seed: 5, measures: ['mttf'], mttfCap: 100 },
      0,
      100,
    );
    const events = joint.systems.map(({ stats }) => stats.events);
    // The read system (a switch and any replica) fails much later than write (every replica).
    expect(events[0]).toBeGreaterThan(3 * events[1]!);
  });

  it('merges parts bit-identically and finalizes each system as its view', () => {
    const options = { horizon: 20000, seed: 8 };
    const whole = runSystemsReplications(STORE, options, 0, 60);
    const merged = mergeSystemsStats([
      runSystemsReplications(STORE, options, 30, 30),
      runSystemsReplications(STORE, options, 0, 30),
    ]);
    merged.systems.forEach(({ stats }, s) =>
      expect(timeless(stats)).toEqual(timeless(whole.systems[s]!.stats)),
    );
    const result = finalizeSystems(STORE, merged);
    expect(Object.keys(result.systems)).toEqual(['read', 'write']);
    expect(result.systems.write!.model.name).toBe(`${STORE.name} (write)`);
    expect(result.consistency?.readsSeeLatestWrite).toBe(true);
    expect(() => mergeSystemsStats([whole, { systems: whole.systems.slice(1) }])).toThrow(
      /name the systems of parts\[0\] \(read, write\)/,
    );
  });

  it('refuses several systems in simulate, and simulates one-system models alike', () => {
    expect(() => simulate(STORE)).toThrow(/several systems \(read, write\).*simulateSystems/);
    const one = loadModel(
      'name: a\ncomponents: { x: { failure: { mtbf: 10 }, repair: { mttr: 1 } } }\nsystem: x',
    );
    const options = { replications: 50, horizon: 100, seed: 2 };
    const { systems } = simulateSystems(one, options);
    expect(Object.keys(systems)).toEqual(['system']);
    expect(systems.system!.measures).toEqual(simulate(one, options).measures);
  });
});

describe('one event stream: replication by replication', () => {
  /** Per replication i of 0 … n − 1, each system's statistics of that replication alone. */
  function perReplication(
    model: ReturnType<typeof loadModel>,
    seeds: readonly number[],
    n: number,
  ): SimulationStats[][] {
    return Array.from({ length: n }, (_, i) =>
      seeds.map(
        (seed, s) =>
          runSystemsReplications(model, { horizon: 20000, seed }, i, 1).systems[s]!.stats,
      ),
    );
  }

  /** Whether system `more` (needing more units) is down at least wherever `fewer` is. */
  function nested(fewer: SimulationStats, more: SimulationStats): boolean {
    return (
      exactValue(fewer.intervalDown.sum) <= exactValue(more.intervalDown.sum) &&
      fewer.upAtGrid.every((up, j) => up >= more.upAtGrid[j]!) &&
      fewer.survivors.every((alive, j) => alive >= more.survivors[j]!)
    );
  }

  it('the pumps backup (1 of 3) is down only when flow (valve and 2 of 3) is', () => {
    const runs = perReplication(loadModel(PUMPS), [1, 1], 200);
    let backupDown = 0;
    for (const [i, [flow, backup]] of runs.entries()) {
      expect(nested(backup!, flow!), `replication ${i}`).toBe(true);
      if (backup!.downReplications > 0) backupDown++;
    }
    // The property has force: backup went down in some replications.
    expect(backupDown).toBeGreaterThan(0);
  });

  it('quorum store: the read downtime is at most the write downtime in every replication', () => {
    for (const [i, [read, write]] of perReplication(STORE, [1, 1], 200).entries()) {
      expect(nested(read!, write!), `replication ${i}`).toBe(true);
    }
  });

  it('power: separate streams (other seeds per system) break the pumps property', () => {
    // The same replications with backup seen in another stream: backup down while flow is up.
    const runs = perReplication(loadModel(PUMPS), [1, 2], 200);
    expect(runs.some(([flow, backup]) => !nested(backup!, flow!))).toBe(true);
  });
});
