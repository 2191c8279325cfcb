/**
 * The maintenance fields of a component (inspection, preventive, imperfect_repair, costs) and
 * maintenance.crew_cost_per_hour: evaluated with their defaults, every mistake located, and
 * combinations no solver defines refused.
 */
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/index.js';
import { modelErrorsOf } from '../helpers/modelErrors.js';

const errorsOf = (text: string): string[] => modelErrorsOf(text, { file: 'm.yaml' });

describe('maintenance fields of a component', () => {
  it('evaluates every field, with expressions and defaults', () => {
    const model = loadModel(`name: m
parameters: { T: 8760 }
components:
  tx:
    count: 2
    failure: { rate: 2e-6 }
    repair: { mttr: 8 }
    inspection: { interval: T, duration: 4, coverage: 0.9 }
    costs: { corrective: 1500, inspection: 200 }
  bearing:
    failure: { dist: weibull, shape: 2.5, scale: 1000 }
    repair: { mttr: 2 }
    preventive: { policy: age, interval: T / 20 }
    imperfect_repair: { model: kijima-2, factor: 0.3 }
maintenance: { crew_cost_per_hour: 75 }
system: { series: [tx, bearing] }
`);
    const [tx, bearing] = model.components;
    expect(tx?.inspection).toEqual({ interval: 8760, duration: 4, coverage: 0.9, first: 8760 });
    expect(tx?.costs).toEqual({
      corrective: 1500,
      preventive: 0,
      inspection: 200,
      downtimePerHour: 0,
    });
    expect(bearing?.preventive).toEqual({ policy: 'age', interval: 438, duration: 0 });
    expect(bearing?.imperfectRepair).toEqual({ model: 'kijima-2', factor: 0.3 });
    expect(bearing?.inspection).toBeUndefined();
    expect(model.maintenance.crewCostPerHour).toBe(75);
  });

  it('locates every mistake in one run', () => {
    expect(
      errorsOf(`name: m
components:
  tx:
    failure: { rate: 2e-6 }
    detection: { mean: 1 }
    inspection: { interval: 10, duration: 12, coverage: 1.2, first: -1 }
    preventive: { policy: age, interval: 0 }
    imperfect_repair: { model: kijima-1, factor: 2 }
    costs: { corrective: -1 }
system: tx
`),
    ).toEqual([
      'm.yaml:6:57: components.tx.inspection.coverage must be a probability in [0, 1]; got 1.2',
      'm.yaml:6:69: components.tx.inspection.first must be > 0; got -1',
      'm.yaml:6:43: components.tx.inspection.duration must be shorter than the interval 10; got 12',
      'm.yaml:6:17: components.tx.inspection cannot be combined with a detection delay (announced failures) or preventive replacement yet: its failures are hidden until a proof test finds them',
      'm.yaml:7:42: components.tx.preventive.interval must be > 0; got 0',
      'm.yaml:8:50: components.tx.imperfect_repair.factor must be a probability in [0, 1]; got 2',
      'm.yaml:8:23: components.tx.imperfect_repair needs a repair: a component without repair is never repaired',
      'm.yaml:9:26: components.tx.costs.corrective is never paid: the component has no repair (add one, or remove this cost)',
      'm.yaml:9:26: components.tx.costs.corrective must be >= 0; got -1',
    ]);
  });

  it('refuses an unknown policy and proof tests of a standby unit', () => {
    expect(
      errorsOf(`name: m
components:
  a: { failure: { rate: 1e-3 }, preventive: { policy: agee, interval: 5 } }
system: a
`),
    ).toEqual([
      'm.yaml:3:55: components.a.preventive.policy must be one of age, block; got "agee"; did you mean "age"?',
    ]);
    expect(
      errorsOf(`name: m
components:
  a: { count: 2, failure: { rate: 1e-3 }, repair: { mttr: 1 }, inspection: { interval: 100 } }
system: { standby: { of: a } }
`),
    ).toEqual([
      'm.yaml:4:9: system uses a[1] in a standby block at system.standby; its component a has proof tests (inspection), which standby blocks do not support yet',
      'm.yaml:4:9: system uses a[2] in a standby block at system.standby; its component a has proof tests (inspection), which standby blocks do not support yet',
    ]);
  });

  it('refuses what no solver could pay or finish (found by an outside review)', () => {
    expect(
      errorsOf(`name: m
components:
  a: { failure: { rate: 1e-3 }, costs: { corrective: 5, downtime_per_hour: 1e200 } }
  b: { failure: { rate: 1e-3 }, repair: { mttr: 1 }, preventive: { policy: block, interval: 100, duration: 200 } }
system: { series: [a, b] }
`),
    ).toEqual([
      'm.yaml:3:54: components.a.costs.corrective is never paid: the component has no repair (add one, or remove this cost)',
      'm.yaml:3:76: components.a.costs.downtime_per_hour must be at most 1e100 (sums of larger costs overflow); got 1e+200',
      'm.yaml:4:108: components.b.preventive.duration must be shorter than the block interval 100; got 200',
    ]);
    // A test interval of 1e-300 hung every solver.
    expect(
      errorsOf(`name: m
components:
  c: { failure: { rate: 1e-3 }, repair: { mttr: 1 }, inspection: { interval: 1e-3 } }
system: c
mission_time: 10000
`),
    ).toEqual([
      'm.yaml:3:78: components.c.inspection.interval gives 1.0e+7 epochs in the mission_time 10000; at most 1e6 are solved',
    ]);
  });
});
