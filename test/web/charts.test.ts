import { describe, expect, test } from 'vitest';
import type { Result } from '../../src/index.js';
import {
  curveLayout,
  curveTraces,
  shownCurveMeasure,
  withAlpha,
} from '../../web/charts/curveTraces.js';
import {
  componentImportanceLayout,
  componentImportanceTraces,
} from '../../web/charts/importanceTraces.js';
import { BASE_LAYOUT, withAutomargin } from '../../web/charts/layout.js';
import {
  distributionLayout,
  distributionTraces,
  measureTitle,
  sweepLayout,
  sweepTraces,
  tornadoLayout,
  tornadoTraces,
} from '../../web/charts/whatIfTraces.js';

const exact: Result = {
  method: 'analytic',
  model: { name: 'm', hash: '0' },
  timeUnit: 'h',
  measures: { reliability: { t: [0, 10, 20], values: [1, 0.9, 0.8] } },
  warnings: [],
};
const simulated: Result = {
  ...exact,
  method: 'simulation',
  measures: {
    reliability: { t: [0, 10], values: [1, 0.91], lo: [1, 0.89], hi: [1, 0.93] },
  },
};

type Trace = Record<string, unknown>;

describe('curveTraces', () => {
  test('one line per series that has the measure, in its colour', () => {
    const traces = curveTraces(
      [
        { name: 'current', result: exact, color: '#0072B2' },
        { name: 'pin', result: exact, color: '#D55E00' },
      ],
      'reliability',
      'linear',
    ) as Trace[];
    expect(traces.map((t) => t.name)).toEqual(['current', 'pin']);
    expect(traces[0]!.y).toEqual([1, 0.9, 0.8]);
    expect((traces[1]!.line as Trace).color).toBe('#D55E00');
    expect(
      curveTraces([{ name: 'a', result: exact, color: '#000000' }], 'availability', 'linear'),
    ).toEqual([]);
  });

  test('on the log scale values are 1 − x, with a gap where that is 0', () => {
    const [trace] = curveTraces(
      [{ name: 'c', result: exact, color: '#000000' }],
      'reliability',
      'log',
    ) as Trace[];
    expect(trace!.y).toEqual([null, 1 - 0.9, 1 - 0.8]);
    expect(curveLayout('reliability', 'log', 'h').yaxis).toMatchObject({ type: 'log' });
    expect(curveLayout('availability', 'linear', 'h').yaxis).toMatchObject({
      title: { text: 'A(t)' },
    });
  });

  test('a simulated curve gets a filled 95 % band under a dashed mean', () => {
    const traces = curveTraces(
      [{ name: 'c', result: simulated, color: '#0072B2' }],
      'reliability',
      'linear',
    ) as Trace[];
    expect(traces).toHaveLength(3);
    expect(traces[0]!.y).toEqual([1, 0.89]);
    expect(traces[1]).toMatchObject({
      y: [1, 0.93],
      fill: 'tonexty',
      fillcolor: withAlpha('#0072B2', 0.2),
    });
    expect(traces[2]).toMatchObject({ name: 'c (simulated mean)', line: { dash: 'dash' } });
  });

  test('on the log scale the band runs from 1 − hi to 1 − lo', () => {
    const traces = curveTraces(
      [{ name: 'c', result: simulated, color: '#0072B2' }],
      'reliability',
      'log',
    ) as Trace[];
    expect((traces[0]!.y as number[])[1]).toBeCloseTo(0.07, 12);
    expect((traces[1]!.y as number[])[1]).toBeCloseTo(0.11, 12);
  });
});

describe('what-if traces', () => {
  test('componentImportanceTraces sorts bars so the largest is on top', () => {
    const [bar] = componentImportanceTraces({
      components: ['a', 'b', 'c'],
      values: [0.2, 0.9, 0.1],
      basis: '',
      notes: [],
    }) as Trace[];
    expect(bar!.y).toEqual(['c', 'a', 'b']);
    expect(bar!.x).toEqual([0.1, 0.2, 0.9]);
  });

  test('tornadoTraces draws bars from the base, largest swing on top, unsolved rows left out', () => {
    const rows = [
      { parameter: 'big', lowValue: 1, highValue: 3, low: 0.5, high: 1.5 },
      { parameter: 'small', lowValue: 1, highValue: 3, low: 0.9, high: 1.1 },
      { parameter: 'bad', lowValue: 1, highValue: 3, low: null, high: 1 },
    ];
    const [low, high] = tornadoTraces(rows, 1, 20) as Trace[];
    expect(low!.y).toEqual(['small', 'big']);
    expect(low!.x).toEqual([0.9 - 1, 0.5 - 1]);
    expect(high!.x).toEqual([expect.closeTo(0.1, 12), 0.5]);
    expect(high!.base).toEqual([1, 1]);
    expect(high!.name).toBe('parameter +20 %');
  });

  test('sweepTraces adds a marker at the current value', () => {
    const traces = sweepTraces(
      { parameter: 'lambda', x: [1, 2], y: [3, null] },
      1.5,
      2.5,
    ) as Trace[];
    expect(traces[0]).toMatchObject({ x: [1, 2], y: [3, null] });
    expect(traces[1]).toMatchObject({ x: [1.5], y: [2.5] });
    expect(sweepTraces({ parameter: 'lambda', x: [1], y: [1] }, 1)).toHaveLength(1);
  });

  test('distributionTraces puts the hazard on the second axis', () => {
    const traces = distributionTraces({
      component: 'cpu',
      t: [0, 1],
      pdf: [1, 0.5],
      hazard: [1, 1],
    }) as Trace[];
    expect(traces.map((t) => t.yaxis)).toEqual([undefined, 'y2']);
  });
});

describe('layouts', () => {
  test('every chart starts from the base layout; axes grow their margins', () => {
    for (const layout of [
      curveLayout('reliability', 'linear', 'h'),
      componentImportanceLayout(),
      tornadoLayout('MTTF (h)', 1),
      sweepLayout(undefined, false, 'mttf', 'MTTF (h)'),
    ]) {
      expect(layout.legend).toEqual(BASE_LAYOUT.legend);
      expect(layout.font).toEqual(BASE_LAYOUT.font);
    }
    const grown = withAutomargin({ xaxis: { title: { text: 'x' } }, yaxis2: {} });
    expect(grown).toEqual({
      xaxis: { title: { text: 'x' }, automargin: true },
      yaxis2: { automargin: true },
    });
  });

  test('the curve plot says so when there is no curve to draw, without empty axes', () => {
    expect(curveLayout('reliability', 'linear', 'h').annotations).toBeUndefined();
    const empty = curveLayout('reliability', 'linear', 'h', true);
    expect(empty.annotations).toMatchObject([
      { text: 'no time-dependent curve for this model<br>(see the results above)' },
    ]);
    expect([empty.xaxis?.visible, empty.yaxis?.visible]).toEqual([false, false]);
  });

  test('shownCurveMeasure falls back to the curve the result has', () => {
    const onlyA: Result = {
      ...exact,
      measures: { availability: { t: [0], values: [1] } },
    };
    expect(shownCurveMeasure('reliability', exact)).toBe('reliability');
    expect(shownCurveMeasure('availability', exact)).toBe('reliability');
    expect(shownCurveMeasure('reliability', onlyA)).toBe('availability');
    expect(shownCurveMeasure('availability', undefined)).toBe('availability');
  });

  test('titles carry the measure, its unit and the base value', () => {
    expect(measureTitle('mttf', 'h')).toBe('MTTF (h)');
    expect(measureTitle('reliability', 'h')).toBe('R(mission)');
    expect(tornadoLayout('MTTF (h)', 8228.2033).xaxis).toMatchObject({
      title: { text: 'MTTF (h)<br>base 8228.2' },
    });
    expect(tornadoLayout('MTTF (h)', undefined).xaxis).toMatchObject({
      title: { text: 'MTTF (h)<br>base —' },
    });
  });

  test('the sweep uses log axes for log parameters and positive measures not near 1', () => {
    const sweep = { parameter: 'lambda', x: [1, 2], y: [3, null] };
    const layout = sweepLayout(sweep, true, 'mttf', 'MTTF (h)');
    expect(layout.xaxis).toMatchObject({ title: { text: 'lambda' }, type: 'log' });
    expect(layout.yaxis).toMatchObject({ title: { text: 'MTTF (h)' }, type: 'log' });
    expect(sweepLayout(sweep, false, 'reliability', 'R').yaxis).toMatchObject({ type: 'linear' });
    expect(sweepLayout(sweep, false, 'mttf', 'M').xaxis).toMatchObject({ type: 'linear' });
    const negative = { ...sweep, y: [-1, 2] };
    expect(sweepLayout(negative, false, 'mttf', 'M').yaxis).toMatchObject({ type: 'linear' });
  });

  test('the hazard axis runs from 0 to 1.1 times the largest finite hazard', () => {
    const curves = { component: 'cpu', t: [0, 1], pdf: [1, 0.5], hazard: [2, null] };
    expect(distributionLayout(curves, 'h').yaxis2).toMatchObject({
      title: { text: 'hazard (per h)' },
      range: [0, 2.2],
      overlaying: 'y',
    });
    expect(distributionLayout({ ...curves, hazard: [0, null] }, 'h').yaxis2?.range).toEqual([
      0, 1.1,
    ]);
  });
});
