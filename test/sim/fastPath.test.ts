/**
 * The simulator's specialised path (simple units handled inline in the event loop: repairable,
 * any failure and repair laws, coverage 1, no detection, no standby block, no idle-while-down)
 * against its general path: the same replications must be bit-identical, since both draw the
 * same variates in the same order and apply the same rules (docs/semantics.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/loadModel.js';
import type { Model } from '../../src/model/Model.js';
import { gridTimes } from '../../src/sim/measures.js';
import { simulationSupport } from '../../src/sim/simulationSupport.js';
import { compileSystem } from '../../src/sim/system/compileSystem.js';
import { SystemSimulator } from '../../src/sim/system/SystemSimulator.js';

const MODELS = join(import.meta.dirname, '../../models');

/** Runs replications 0..n−1 on both paths and returns what each recorded, per replication. */
function bothPaths(model: Model, horizon: number, mttfCap: number, n: number): unknown[][] {
  const plan = compileSystem(model, simulationSupport(model));
  const times = Float64Array.from(gridTimes(horizon, 11));
  return [true, false].map((specialised) => {
    const simulator = new SystemSimulator(
      plan,
      horizon,
      times,
      mttfCap * horizon,
      [{ firstFailure: true, cycles: true }],
      specialised,
    );
    const out: unknown[] = [];
    for (let i = 0; i < n; i++) {
      simulator.run(5, i);
      out.push({ ...simulator.records[0], gridUp: Array.from(simulator.gridUps[0]!) });
    }
    out.push(Array.from(simulator.criticalities[0]!));
    return out;
  });
}

describe('SystemSimulator specialised path', () => {
  const cases: [string, string, number, number][] = [
    [
      '7-of-10, 2 crews (the benchmark model)',
      `name: k
components: { unit: { count: 10, failure: { rate: 1e-3 }, repair: { mttr: 10 } } }
maintenance: { crews: 2 }
system: { koon: { k: 7, of: unit } }`,
      2e4,
      1,
    ],
    [
      'parallel pair, unlimited crews, run on past T to the first failure',
      `name: p
components: { u: { count: 2, failure: { rate: 0.01 }, repair: { rate: 0.5 } } }
system: { parallel: [u] }`,
      100,
      1000,
    ],
    [
      'priority crews over simple and general units (Weibull, coverage, detection, lost)',
      `name: m
components:
  a: { count: 3, failure: { rate: 0.02 }, repair: { mttr: 5 } }
  b: { count: 2, failure: { dist: weibull, shape: 2, scale: 40 }, repair: { mttr: 8 } }
  c: { count: 2, failure: { rate: 0.01 }, repair: { mttr: 4 }, coverage: 0.8, recovery: { dist: deterministic, value: 1 } }
  d: { failure: { rate: 0.015 }, repair: { mttr: 3 }, detection: { dist: uniform, min: 0, max: 2 } }
  e: { failure: { rate: 0.001 } }
maintenance: { crews: 1, priority: [c, a] }
system: { series: [{ koon: { k: 2, of: a } }, { parallel: [b] }, { parallel: [c] }, { parallel: [d, e] }] }`,
      2000,
      1,
    ],
    [
      'Weibull, lognormal, gamma and normal laws, 2 crews',
      `name: w
components:
  a: { count: 4, failure: { dist: weibull, shape: 1.5, scale: 100 }, repair: { dist: lognormal, mean: 5, sd: 2 } }
  b: { count: 3, failure: { dist: gamma, shape: 2, scale: 60 }, repair: { dist: normal, mean: 4, sd: 2 } }
maintenance: { crews: 2 }
system: { series: [{ koon: { k: 3, of: a } }, { parallel: [b] }] }`,
      2000,
      1,
    ],
  ];
  for (const [title, text, horizon, cap] of cases) {
    it(`gives bit-identical replications to the general path: ${title}`, () => {
      const [fast, general] = bothPaths(loadModel(text), horizon, cap, 300);
      expect(fast).toEqual(general);
    });
  }

  it('gives bit-identical replications to the general path: models/bridge.yaml (network)', () => {
    const bridge = loadModel(readFileSync(join(MODELS, 'bridge.yaml'), 'utf8'));
    const [fast, general] = bothPaths(bridge, 5000, 1, 200);
    expect(fast).toEqual(general);
  });
});
