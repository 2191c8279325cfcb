/**
 * Probability-plot geometry: the plotting positions against Johnson's adjusted ranks computed
 * unit by unit with exact fractions (test/reference/plotting_positions_reference.py) and by hand,
 * each family's fit straight on its own paper, and the band equal to fitLifeData's R(t) bounds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitLifeData } from '../../src/fit/fitLifeData.js';
import type { FitFamilyName } from '../../src/fit/families.js';
import { lifeDataFrom, parseLifeData } from '../../src/fit/lifeData.js';
import { nonParametricEstimates } from '../../src/fit/nonParametric.js';
import { plottingPositions } from '../../src/fit/plottingPositions.js';
import {
  paperFor,
  PROBABILITY_PAPERS,
  probabilityPlot,
  type ProbabilityPaper,
} from '../../src/fit/probabilityPlot.js';
import { survivalPlot } from '../../src/fit/survivalPlot.js';
import { normalQuantile } from '../../src/numeric/normal.js';
import { PLOTTING_POSITIONS } from './plottingPositionsReference.js';

const DATA = join(import.meta.dirname, 'data');
const read = (name: string) =>
  parseLifeData(readFileSync(join(DATA, `${name}.csv`), 'utf8'), `${name}.csv`);

describe('plottingPositions', () => {
  for (const [name, reference] of Object.entries(PLOTTING_POSITIONS)) {
    it(`equal the exact Johnson ranks of ${name} (1e-14 relative)`, () => {
      const positions = plottingPositions(read(name).observations, 0);
      expect(positions.map((p) => p.age)).toEqual(reference.map(([t]) => t));
      positions.forEach((position, i) => {
        expect(Math.abs(position.p / reference[i]![1] - 1)).toBeLessThan(1e-14);
      });
    });
  }

  it('adjust the ranks after a suspension as worked by hand', () => {
    // 5 units: F 5100, F 9500, S 15000, F 22000, F 40000. Reverse ranks 5, 4, (3), 2, 1:
    // ranks 1, 2, 2 + (6 − 2)/3 = 10/3, 10/3 + (6 − 10/3)/2 = 14/3.
    const data = lifeDataFrom([
      { kind: 'failure', time: 5100, timeHi: 5100, count: 1 },
      { kind: 'failure', time: 9500, timeHi: 9500, count: 1 },
      { kind: 'suspension', time: 15000, timeHi: 15000, count: 1 },
      { kind: 'failure', time: 22000, timeHi: 22000, count: 1 },
      { kind: 'failure', time: 40000, timeHi: 40000, count: 1 },
    ]);
    const ranks = [1, 2, 10 / 3, 14 / 3];
    const positions = plottingPositions(data.observations, 0);
    positions.forEach((position, i) => {
      expect(position.p).toBeCloseTo((ranks[i]! - 0.3) / 5.4, 14);
    });
  });

  it("are Benard's (i − 0.3)/(n + 0.4) for complete data", () => {
    const positions = plottingPositions(read('bearings').observations, 0);
    expect(positions).toHaveLength(23);
    positions.forEach((position, i) => {
      expect(position.p).toBeCloseTo((i + 1 - 0.3) / 23.4, 14);
    });
  });
});

const STRAIGHT: Record<
  string,
  { paper: ProbabilityPaper; line: (t: number, p: Record<string, number>) => number }
> = {
  weibull: { paper: 'weibull', line: (t, p) => p.shape! * (Math.log(t) - Math.log(p.scale!)) },
  lognormal: { paper: 'lognormal', line: (t, p) => (Math.log(t) - p.mu!) / p.sigma! },
  normal: { paper: 'normal', line: (t, p) => (t - p.mean!) / p.sd! },
  exponential: { paper: 'exponential', line: (t, p) => p.rate! * t },
  gumbel: { paper: 'gumbel', line: (t, p) => (t - p.mu!) / p.sigma! },
  loglogistic: {
    paper: 'loglogistic',
    line: (t, p) => p.shape! * (Math.log(t) - Math.log(p.scale!)),
  },
};

describe('probabilityPlot', () => {
  const shock = read('shock-absorbers');

  for (const [dist, { paper, line }] of Object.entries(STRAIGHT)) {
    it(`draws the ${dist} fit as the straight line of its paper`, () => {
      const fit = fitLifeData(shock, dist as FitFamilyName);
      expect(paperFor(fit.dist)).toBe(paper);
      const plot = probabilityPlot(shock, paper, fit);
      expect(plot.fit!.curve.length).toBeGreaterThan(100);
      for (const point of plot.fit!.curve) {
        expect(Math.abs(point.y - line(point.time, fit.parameters))).toBeLessThan(1e-9);
        expect(point.x).toBeCloseTo(plot.logTime ? Math.log(point.time) : point.time, 12);
      }
    });
  }

  it('places the shock absorbers at their median ranks on Weibull paper', () => {
    const plot = probabilityPlot(shock, 'weibull');
    const reference = PLOTTING_POSITIONS['shock-absorbers'];
    expect(plot.points).toHaveLength(reference.length);
    plot.points.forEach((point, i) => {
      expect(point.x).toBeCloseTo(Math.log(reference[i]![0]), 14);
      expect(point.y).toBeCloseTo(Math.log(-Math.log(1 - reference[i]![1])), 12);
    });
    expect(plot.fit).toBeNull();
    expect(plot.notes).toEqual([]);
  });

  it("draws the band of fitLifeData's R(t) bounds (1 − R), around the curve", () => {
    const fit = fitLifeData(shock, 'weibull');
    const plot = probabilityPlot(shock, 'weibull', fit, { samples: 11 });
    expect(plot.fit!.band).toHaveLength(11);
    const times = plot.fit!.band.map((point) => point.time);
    const reliability = fitLifeData(shock, 'weibull', { at: times }).reliability!;
    plot.fit!.band.forEach((point, i) => {
      const [lo, hi] = reliability[i]!.ci95!;
      expect(point.lower).toBeCloseTo(1 - hi, 12);
      expect(point.upper).toBeCloseTo(1 - lo, 12);
      const f = plot.fit!.curve[i]!.f;
      expect(point.lower).toBeLessThan(f);
      expect(point.upper).toBeGreaterThan(f);
      expect(point.yLower).toBeCloseTo(Math.log(-Math.log1p(-point.lower)), 12);
    });
  });

  it('ticks round times and percentages inside the ranges', () => {
    const plot = probabilityPlot(shock, 'weibull', fitLifeData(shock, 'weibull'));
    expect(plot.xRange[0]).toBeLessThanOrEqual(Math.log(6200));
    expect(plot.xRange[1]).toBeGreaterThanOrEqual(Math.log(28100));
    for (const point of plot.points) {
      expect(point.y).toBeGreaterThanOrEqual(plot.yRange[0]);
      expect(point.y).toBeLessThanOrEqual(plot.yRange[1]);
    }
    expect(plot.xTicks.map((tick) => tick.label)).toEqual(['5000', '10000', '20000']);
    expect(plot.xRange.map(Math.exp)).toEqual([5000, 30000].map((t) => expect.closeTo(t, 6)));
    expect(plot.yTicks.map((tick) => tick.label)).toContain('50 %');
    expect(plot.yTicks[0]!.value).toBeCloseTo(Math.log(-Math.log(0.99)), 12);
    const normal = probabilityPlot(shock, 'normal');
    expect(normal.yTicks.find((tick) => tick.label === '10 %')!.value).toBeCloseTo(
      normalQuantile(0.1),
      12,
    );
  });

  it('plots interval rows at their midpoints, and says so', () => {
    const inspection = read('inspection');
    const plot = probabilityPlot(inspection, 'weibull', fitLifeData(inspection, 'weibull'));
    expect(plot.points.map((point) => point.time)).toEqual(
      PLOTTING_POSITIONS.inspection.map(([t]) => t),
    );
    expect(plot.points.filter((point) => point.interval)).toHaveLength(5);
    expect(plot.notes[0]).toMatch(/5 interval or left-censored rows plotted at their midpoints/);
  });

  it('says a location bends the curve, and refuses an unknown paper', () => {
    const fit = fitLifeData(shock, 'weibull-3p');
    const plot = probabilityPlot(shock, paperFor('weibull-3p'), fit);
    if (fit.parameters.location! > 0) expect(plot.notes.join()).toMatch(/bends on this log-time/);
    // The exponential's location leaves its line straight on the (linear) exponential paper; at
    // the first failure (the boundary) it has no bound, so no band, and a note says so.
    const bearings = read('bearings');
    const exponential = fitLifeData(bearings, 'exponential-2p');
    const straight = probabilityPlot(bearings, 'exponential', exponential);
    const { rate, location } = exponential.parameters;
    for (const point of straight.fit!.curve) {
      expect(Math.abs(point.y - rate! * (point.time - location!))).toBeLessThan(1e-9);
    }
    expect(straight.fit!.band).toEqual([]);
    expect(straight.notes).toEqual([
      'exponential-2p: no Fisher band, the fit gives no bounds on R(t) (a parameter without a bound)',
    ]);
    expect(() => probabilityPlot(shock, 'paper' as ProbabilityPaper)).toThrow(
      /paper must be one of weibull, lognormal/,
    );
    expect(PROBABILITY_PAPERS).toContain(paperFor('gamma'));
  });
});

describe('survivalPlot', () => {
  it('steps through the Kaplan–Meier estimate from (0, 1) to the last observed time', () => {
    const shock = read('shock-absorbers');
    const fit = fitLifeData(shock, 'weibull');
    const plot = survivalPlot(shock, fit, 7);
    const estimates = nonParametricEstimates(shock);
    expect(plot.steps[0]).toEqual({ time: 0, reliability: 1, ci95: [1, 1] });
    expect(plot.steps.slice(1, -1).map((step) => step.reliability)).toEqual(
      estimates.map((step) => step.reliability),
    );
    expect(plot.steps.at(-1)!.time).toBe(28100);
    expect(plot.suspensions).toHaveLength(27);
    // R̂ at a suspension is the estimate of the last failure at or before it.
    const at = plot.suspensions.find((mark) => mark.time === 28100)!;
    expect(at.reliability).toBe(estimates.at(-1)!.reliability);
    expect(plot.fit!.curve.map((point) => point.time)).toEqual(
      [0, 1, 2, 3, 4, 5, 6].map((i) => (plot.xRange[1] * i) / 6),
    );
    expect(plot.xRange).toEqual([0, 30000]);
    expect(() => survivalPlot(read('inspection'))).toThrow(/Turnbull/);
  });
});
