import { describe, expect, test } from 'vitest';
import type { Result } from '../../src/index.js';
import { exactFigures, simulatedFigures } from '../../web/compute/headlineFigures.js';
import { formatNumber } from '../../web/views/format.js';

const simulated = (measures: Result['measures']): Result => ({
  method: 'simulation',
  model: { name: 'm', hash: '0' },
  timeUnit: 'h',
  measures,
  warnings: [],
});

describe('headline figures', () => {
  test('exact: nines and downtime, no note', () => {
    expect(
      exactFigures({ missionTime: 1, nines: 7.638, downtimeHoursPerYear: 0.0002 }, 'h'),
    ).toEqual([
      { value: '7.64', label: 'nines' },
      { value: '0.72 s/yr', label: 'downtime' },
    ]);
    expect(exactFigures(undefined, 'h')).toEqual([]);
  });

  test('exact: PFDavg with its SIL band, and the cost rate in the model time unit', () => {
    expect(
      exactFigures({ missionTime: 87600, pfdAvg: 0.0213916852, sil: 1, costRate: 2.5 }, 'h'),
    ).toEqual([
      { value: formatNumber(0.0213916852), label: 'PFDavg', note: 'over the mission; SIL 1' },
      { value: formatNumber(2.5), label: 'cost per h' },
    ]);
  });

  test('simulated: PFDavg with its interval, the SIL band only when the interval fits one', () => {
    const pfdAvg = { mean: 0.0021, ci95: [0.0019, 0.0023] as const, events: 300 };
    expect(simulatedFigures(simulated({ pfdAvg, sil: 2 }))[0]!.note).toBe(
      `simulated; 95 % CI ${formatNumber(0.0019)} to ${formatNumber(0.0023)}; SIL 2`,
    );
    const straddling = { ...pfdAvg, ci95: [0.0009, 0.0013] as const };
    expect(simulatedFigures(simulated({ pfdAvg: straddling }))[0]!.note).toMatch(
      /the interval spans two SIL bands$/,
    );
  });

  test('simulated: the estimates with their 95 % intervals, inconclusive said', () => {
    const u = 1e-5;
    const figures = simulatedFigures(
      simulated({
        nines: { mean: 5, ci95: [4.5, 5.7], events: 12 },
        steadyUnavailability: { mean: u, ci95: [2e-6, 3.2e-5], events: 12, inconclusive: 'few' },
      }),
    );
    expect(figures[0]).toEqual({
      value: '5.00',
      label: 'nines',
      note: 'simulated; 95 % CI 4.50 to 5.70',
    });
    // 1e-5 of 8766 h: 0.0877 h = 5.26 min per year.
    expect(figures[1]!.value).toBe('5.26 min/yr');
    expect(figures[1]!.note).toBe(
      'simulated; 95 % CI 1.05 min/yr to 16.8 min/yr; inconclusive (see the notes)',
    );
  });

  test('simulated without a system failure: a lower bound on the MTBF, never nines', () => {
    const figures = simulatedFigures(
      simulated({ failureFrequency: { mean: 0, ci95: [0, 3.689e-7] } }),
    );
    expect(figures).toEqual([
      {
        value: '≥ 2700000 h',
        label: 'MTBF',
        note: 'simulated: no system failure seen, so no nines; a 95 % lower bound',
      },
    ]);
    expect(simulatedFigures(simulated({}))).toEqual([]);
  });
});
