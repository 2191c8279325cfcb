import { describe, expect, test } from 'vitest';
import { simulate, type Estimate, type Result } from '../../src/index.js';
import { loadScenario } from '../../web/compute/template.js';
import {
  checkPinnedSimulation,
  MAX_CURVE_POINTS,
  pinnedResult,
  pinSimulation,
  type PinnedSimulation,
} from '../../web/state/pinnedSimulation.js';
import { forgetSimulations } from '../../web/state/pins.js';
import { simulatedCells } from '../../web/views/estimates.js';
import {
  checkState,
  decodeState,
  encodeState,
  StateDecodeError,
  type ExplorerState,
} from '../../web/state/urlState.js';
import { rawLinkHash } from './rawLink.js';

// Two pumps, one needed... two of three, one repair crew, lognormal repair: only the simulator
// solves it (dependent repairs with a law that is not exponential).
const PUMPS = `name: pumps
time_unit: h
components:
  pump: { count: 3, failure: { dist: exponential, rate: 1e-3 }, repair: { dist: lognormal, mean: 20, sd: 15 } }
system: { koon: { k: 2, of: pump } }
maintenance: { crews: 1 }
mission_time: 2000
`;

const simulated = (): Result => {
  const loaded = loadScenario(PUMPS, {});
  if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.message).join('; '));
  return simulate(loaded.model, { replications: 200, seed: 7, grid: 51 });
};

const fail = (what: string): never => {
  throw new StateDecodeError(what);
};

const base: PinnedSimulation = {
  replications: 1000,
  horizon: 2000,
  measures: {
    steadyAvailability: { mean: 0.999, ci95: [0.998, 0.9995], events: 40 },
    nines: { mean: 3, ci95: [2.7, 3.3], events: 40 },
    reliability: {
      t: [0, 1000, 2000],
      values: [1, 0.8, 0.6],
      lo: [1, 0.77, 0.57],
      hi: [1, 0.83, 0.63],
    },
  },
};

describe('pinned simulations', () => {
  test('a pin keeps the estimates and curves of a real run, rounded, and a link brings them back', async () => {
    const result = simulated();
    const pinned = pinSimulation(result)!;
    expect(pinned.replications).toBe(200);
    expect(pinned.horizon).toBe(2000);
    const mean = (result.measures.steadyAvailability as { mean: number }).mean;
    const kept = pinned.measures.steadyAvailability as Estimate;
    // Rounded to 6 significant digits: within half a unit of the 6th.
    expect(Math.abs(kept.mean - mean)).toBeLessThanOrEqual(5e-7 * mean);
    expect(kept.ci95[0]).toBeLessThanOrEqual(kept.mean);
    expect(pinned.measures.reliability?.lo).toHaveLength(51);
    // What a pin keeps passes the link's own check unchanged.
    expect(checkPinnedSimulation(JSON.parse(JSON.stringify(pinned)), 'pin', fail)).toEqual(pinned);
    const state: ExplorerState = {
      example: '',
      text: PUMPS,
      overrides: {},
      pins: [{ id: 'p1', name: 'three pumps', overrides: {}, simulated: pinned }],
      view: { curve: 'linear', tornadoPercent: 20 },
    };
    expect(await decodeState(await encodeState(state))).toEqual(state);
  });

  test('the table shows a kept run as it showed the live one, with its intervals', () => {
    const result = simulated();
    const pinned = pinSimulation(result)!;
    const again = pinnedResult(pinned, 'three pumps', 'h');
    expect(again.method).toBe('simulation');
    const live = simulatedCells(result);
    const kept = simulatedCells(again);
    expect(Object.keys(kept).sort()).toEqual(Object.keys(live).sort());
    expect(kept.steadyAvailability?.text).toBe(live.steadyAvailability?.text);
    expect(kept.steadyAvailability?.text).toMatch(/\(95 % CI .+–.+\)/);
  });

  test('an exact result, or one without replications, keeps nothing', () => {
    const exact: Result = {
      method: 'analytic',
      model: { name: 'm', hash: '' },
      timeUnit: 'h',
      measures: { mttf: 5 },
      warnings: [],
    };
    expect(pinSimulation(exact)).toBeUndefined();
  });

  test('a number a link cannot carry (an infinite mean) is left out, not kept broken', () => {
    const result = simulated();
    const broken = {
      ...result,
      measures: { ...result.measures, nines: { mean: Infinity, ci95: [3, Infinity] } },
    } as Result;
    const pinned = pinSimulation(broken)!;
    expect(pinned.measures.nines).toBeUndefined();
    expect(pinned.measures.steadyAvailability).toBeDefined();
  });

  test('an edit of the model text drops the kept runs: they were of the old text', () => {
    const pins = [
      { id: 'p1', name: 'a', overrides: {}, simulated: base },
      { id: 'p2', name: 'b', overrides: { x: 1 } },
    ];
    expect(forgetSimulations(pins)).toEqual([
      { id: 'p1', name: 'a', overrides: {} },
      { id: 'p2', name: 'b', overrides: { x: 1 } },
    ]);
  });

  const hostile: [string, unknown][] = [
    ['not an object', 'many'],
    ['no replications', { measures: base.measures }],
    ['fractional replications', { ...base, replications: 1.5 }],
    ['zero replications', { ...base, replications: 0 }],
    ['a negative horizon', { ...base, horizon: -1 }],
    ['no measure', { ...base, measures: {} }],
    ['only unknown measures', { ...base, measures: { evil: 1 } }],
    ['a null mean (NaN in JSON)', { ...base, measures: { nines: { mean: null, ci95: [1, 2] } } }],
    ['an interval reversed', { ...base, measures: { nines: { mean: 3, ci95: [4, 2] } } }],
    ['a mean outside its interval', { ...base, measures: { nines: { mean: 9, ci95: [2, 4] } } }],
    [
      'a probability above 1',
      { ...base, measures: { steadyAvailability: { mean: 1.5, ci95: [1.4, 1.6] } } },
    ],
    ['a text for a number', { ...base, measures: { mtbf: '<img src=x>' } }],
    [
      'a fractional event count',
      { ...base, measures: { mtbf: { mean: 1, ci95: [0, 2], events: 0.5 } } },
    ],
    ['an SIL of 7', { ...base, measures: { sil: 7 } }],
    [
      'a curve of unequal lengths',
      { ...base, measures: { reliability: { t: [0, 1], values: [1] } } },
    ],
    [
      'a curve going back in time',
      { ...base, measures: { reliability: { t: [0, 2, 1], values: [1, 0.9, 0.8] } } },
    ],
    [
      'a band that does not hold its curve',
      { ...base, measures: { reliability: { t: [0], values: [0.5], lo: [0.6], hi: [0.7] } } },
    ],
    [
      'a curve too long',
      {
        ...base,
        measures: {
          reliability: {
            t: Array.from({ length: MAX_CURVE_POINTS + 1 }, (_, i) => i),
            values: Array.from({ length: MAX_CURVE_POINTS + 1 }, () => 1),
          },
        },
      },
    ],
  ];

  test.each(hostile)(
    'a pin whose simulation has %s is refused, naming the field',
    (_, simulated) => {
      const data = {
        example: 'tmr-voter',
        pins: [{ id: 'p1', name: 'x', overrides: {}, simulated }],
        view: {},
      };
      expect(() => checkState(data)).toThrow(StateDecodeError);
      expect(() => checkState(data)).toThrow(/pins\[0\]\.simulated/);
    },
  );

  test('a crafted link with a hostile pinned value is refused as damaged, not thrown elsewhere', async () => {
    const hash = await rawLinkHash({
      version: 2,
      example: 'tmr-voter',
      pins: [
        { id: 'p1', name: 'x', overrides: {}, simulated: { ...base, measures: { nines: 'NaN' } } },
      ],
      view: {},
    });
    await expect(decodeState(hash)).rejects.toThrow(/pins\[0\]\.simulated\.nines/);
  });

  test('a long note of an inconclusive estimate is cut, an unknown field dropped', () => {
    const kept = checkPinnedSimulation(
      {
        ...base,
        extra: 1,
        measures: { nines: { mean: 3, ci95: [2, 4], inconclusive: 'x'.repeat(10_000), foo: 1 } },
      },
      'pin',
      fail,
    );
    expect(kept).toEqual({
      replications: 1000,
      horizon: 2000,
      measures: { nines: { mean: 3, ci95: [2, 4], inconclusive: 'x'.repeat(500) } },
    });
  });
});
