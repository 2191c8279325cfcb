/**
 * A model with several system functions (`systems:`, `quorum:`) is solved from one Markov chain
 * of the plant (solveMarkovSystems): each system's result must be the one solveMarkov gives for
 * its view (systemView), which generates and solves the system's own chain. The reference is
 * that second, independent construction: a chain lumped by the system's own symmetries, its own
 * steady state, MTTF and curves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  chainFromModel,
  loadModel,
  solveMarkov,
  solveMarkovSystems,
  systemView,
  type MarkovResult,
  type SolveMarkovOptions,
} from '../../src/index.js';
import { estimatedChainSizes } from '../../src/markov/generation/fromModel.js';
import { expectRelClose } from '../helpers/expectClose.js';
import { STORE } from '../helpers/systemsModels.js';

const MODELS = join(import.meta.dirname, '../../models');

/**
 * Where the shared chain is the system's own chain (every system lumps every component alike)
 * the numbers are the same; where it keeps apart units the system's own chain lumps, they agree
 * to rounding: measured ≤ 1.2e-15 relative (PLANT, flow's steady unavailability).
 */
const TOLERANCE = 1e-12;

/**
 * Pumps lumped in both systems, sensors only in `flow` (in `isolation` each sensor appears
 * twice), valves in a beta-factor common-cause group; coverage with recovery, costs and a
 * mission: the shared chain (1024 states) is `isolation`'s own, larger than `flow`'s (512).
 */
const PLANT = `name: pumps, sensors and valves
components:
  pump: { count: 3, failure: { mtbf: 1000 }, repair: { mttr: 20 }, costs: { corrective: 500, downtime_per_hour: 2 } }
  sensor: { count: 3, failure: { mtbf: 3000 }, repair: { mttr: 4 }, coverage: 0.95, recovery: { mean: 0.5 } }
  valve: { count: 2, failure: { mtbf: 5000 }, repair: { mttr: 5 } }
systems:
  flow: { series: [{ koon: { k: 2, of: pump } }, { koon: { k: 2, of: sensor } }, { parallel: [valve] }] }
  isolation: { series: [{ parallel: [sensor, { series: [sensor] }] }, { parallel: [valve] }] }
common_cause:
  - { name: valves_ccf, members: [valve], model: beta-factor, factors: [0.1] }
maintenance: { crew_cost_per_hour: 10 }
mission_time: 1000
`;

/** Proof tests, one of them taking time, in both systems; valves only in `trip`. */
const TESTED = `name: tested trip
components:
  sensor: { count: 3, failure: { rate: 1e-5 }, repair: { mttr: 8 }, inspection: { interval: 4380, duration: 2 } }
  valve: { count: 2, failure: { rate: 2e-5 }, repair: { mttr: 24 }, inspection: { interval: 8760 } }
systems:
  trip: { series: [{ koon: { k: 2, of: sensor } }, { koon: { k: 1, of: valve } }] }
  alarm: { koon: { k: 1, of: sensor } }
mission_time: 17520
`;

/**
 * Pumps in a common-cause group (each pump the series of its own unit and the group's) in
 * `flow`, lumped in `isolation`, which does not use them; valves lumped only in `flow`. The one
 * chain (982 states) would be larger than the two own chains together (541 + 217): each system
 * is solved on its own.
 */
const APART = `name: pumps and valves with common cause
components:
  pump: { count: 3, failure: { mtbf: 1000 }, repair: { mttr: 20 }, costs: { corrective: 500, downtime_per_hour: 2 } }
  valve: { count: 2, failure: { mtbf: 5000 }, repair: { mttr: 5 } }
systems:
  flow: { series: [{ koon: { k: 2, of: pump } }, { koon: { k: 1, of: valve } }] }
  isolation: { parallel: [valve, { series: [valve] }] }
common_cause:
  - { name: pumps_ccf, members: [pump], model: beta-factor, factors: [0.1] }
maintenance: { crews: 2, crew_cost_per_hour: 10 }
`;

const examples = readdirSync(MODELS)
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => ({ file, text: readFileSync(join(MODELS, file), 'utf8') }))
  .filter(({ text }) => /^(systems|quorum):/m.test(text));

const MODELS_UNDER_TEST = [
  ...examples,
  { file: 'plant (inline)', text: PLANT },
  { file: 'tested (inline)', text: TESTED },
  { file: 'apart (inline)', text: APART },
  { file: 'store (inline)', text: STORE },
];

const OPTION_SETS: readonly SolveMarkovOptions[] = [
  {},
  { steady: true },
  { mttf: true, points: 5 },
  { times: [0, 1, 50, 500], horizon: 500 },
];

/** Asserts two results equal: every number to TOLERANCE relative, everything else exactly. */
function expectSameResult(actual: unknown, expected: unknown, path: string): void {
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    expectRelClose(actual as number, expected, TOLERANCE, path);
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, path).toBe(expected.length);
    expected.forEach((item, i) =>
      expectSameResult((actual as unknown[])[i], item, `${path}[${i}]`),
    );
  } else if (typeof expected === 'object' && expected !== null) {
    expect(typeof actual, path).toBe('object');
    expect(Object.keys(actual as object).sort(), path).toEqual(Object.keys(expected).sort());
    for (const [key, value] of Object.entries(expected)) {
      expectSameResult((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
    }
  } else {
    expect(actual, path).toBe(expected);
  }
}

/** The result without the chain's size, which is the shared chain's. */
function withoutSize({ states, transitions, ...rest }: MarkovResult): object {
  void states;
  void transitions;
  return rest;
}

describe('solveMarkovSystems: one chain for every system of a model', () => {
  it('finds the examples with several systems in models/', () => {
    expect(examples.map(({ file }) => file).sort()).toEqual(
      expect.arrayContaining(['quorum-store.yaml', 'raft-5.yaml']),
    );
  });

  for (const { file, text } of MODELS_UNDER_TEST) {
    it(`${file}: each system's measures equal its own solve's to ${TOLERANCE}`, () => {
      const model = loadModel(text, { file: 'm.yaml' });
      const names = model.systems?.map((entry) => entry.name) ?? [];
      expect(names.length).toBeGreaterThan(1);
      for (const options of OPTION_SETS) {
        const solved = solveMarkovSystems(model, options);
        expect(solved.map((entry) => entry.name)).toEqual(names);
        for (const { name, result } of solved) {
          const own = solveMarkov(systemView(model, name), options);
          const label = `${file} ${name} ${JSON.stringify(options)}`;
          expect(Object.keys(result.measures).length, label).toBeGreaterThan(0);
          if (result.states === own.states) expectSameResult(result, own, label);
          else expectSameResult(withoutSize(result), withoutSize(own), label);
        }
      }
    });
  }

  it('builds one chain: the same states and transitions for every system, only the up states differ', () => {
    const model = loadModel(PLANT);
    const { ctmc, systems } = chainFromModel(model);
    expect(systems?.map((entry) => entry.name)).toEqual(['flow', 'isolation']);
    expect(systems?.[0]?.ctmc).toBe(ctmc);
    const isolation = systems?.[1]?.ctmc;
    expect(isolation?.rowStart).toBe(ctmc.rowStart);
    expect(isolation?.rate).toBe(ctmc.rate);
    expect(isolation?.up).not.toEqual(ctmc.up);
    const solved = solveMarkovSystems(model, { steady: true });
    expect(solved.map(({ result }) => result.states)).toEqual([1024, 1024]);
    // Each system's own chain: flow lumps the sensors, isolation (each sensor twice) cannot.
    expect(solveMarkov(systemView(model, 'flow'), { steady: true }).states).toBe(512);
    expect(solveMarkov(systemView(model, 'isolation'), { steady: true }).states).toBe(1024);
  });

  it('gives raft-5 and the quorum store the chains of their systems, one of 6 and one of 4 states', () => {
    for (const [file, states] of [
      ['raft-5.yaml', 6],
      ['quorum-store.yaml', 4],
    ] as const) {
      const model = loadModel(readFileSync(join(MODELS, file), 'utf8'), { file });
      const sizes = estimatedChainSizes(model);
      expect(sizes.own.every((own) => own === sizes.shared)).toBe(true);
      for (const { result } of solveMarkovSystems(model)) expect(result.states).toBe(states);
    }
  });

  it('solves each system on its own chain when one chain would be larger than theirs together', () => {
    const model = loadModel(APART);
    const sizes = estimatedChainSizes(model);
    expect(sizes.shared).toBeGreaterThan(sizes.own[0]! + sizes.own[1]!);
    expect(chainFromModel(model).ctmc.stateCount).toBe(982);
    const solved = solveMarkovSystems(model, { steady: true });
    expect(solved.map(({ result }) => result.states)).toEqual([541, 217]);
  });

  it('gives a model with one system its solveMarkov result, named system', () => {
    const model = loadModel(
      'name: pair\ncomponents:\n  disk: { count: 2, failure: { rate: 0.001 }, repair: { rate: 0.1 } }\nsystem: { parallel: [disk] }',
    );
    expect(solveMarkovSystems(model)).toEqual([{ name: 'system', result: solveMarkov(model) }]);
  });
});
