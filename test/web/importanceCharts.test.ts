import { describe, expect, test } from 'vitest';
import { curveTraces } from '../../web/charts/curveTraces.js';
import {
  factorBars,
  factorLayout,
  IMPORTANCE_BARS,
  componentImportanceTraces,
} from '../../web/charts/importanceTraces.js';
import { emptyLayout, plotText } from '../../web/charts/layout.js';
import type { ImportanceRow } from '../../web/compute/importance.js';
import type { Result } from '../../src/index.js';

type Trace = Record<string, unknown>;

const row = (name: string, value: number | null): ImportanceRow => ({
  name,
  factors: {
    birnbaum: value ?? 0,
    criticality: value,
    diagnostic: value,
    fussellVesely: value,
    raw: value,
    rrw: value,
  },
});

const EVIL = '<img src=x onerror=alert(1)>';

describe('factorBars', () => {
  test('one bar per event with a value, largest on top; events without one are named', () => {
    const bars = factorBars([row('a', 0.2), row('b', null), row('c', 0.9)], 'criticality');
    const [bar] = bars.data as Trace[];
    expect(bar!.y).toEqual(['a', 'c']);
    expect(bar!.x).toEqual([0.2, 0.9]);
    expect(bars.valued).toBe(2);
    expect(bars.unvalued).toEqual(['b']);
    expect(bars.log).toBe(false);
  });

  test(`at most ${IMPORTANCE_BARS} bars: the largest values`, () => {
    const rows = Array.from({ length: 40 }, (_, i) => row(`e${i}`, i));
    const bars = factorBars(rows, 'birnbaum');
    const [bar] = bars.data as Trace[];
    expect(bars.valued).toBe(40);
    expect(bar!.y).toHaveLength(IMPORTANCE_BARS);
    expect((bar!.y as string[]).at(-1)).toBe('e39');
    expect((bar!.x as number[])[0]).toBe(40 - IMPORTANCE_BARS);
  });

  test('RAW and RRW are drawn from 1 on a log axis when every value is > 0', () => {
    const bars = factorBars([row('a', 0.5), row('b', 924.5)], 'raw');
    const [bar] = bars.data as Trace[];
    expect(bars.log).toBe(true);
    expect(bars.decades).toBeCloseTo(Math.log10(924.5 / 0.5), 12);
    expect(bar!.base).toEqual([1, 1]);
    expect(bar!.x).toEqual([-0.5, 923.5]);
    expect(bar!.customdata).toEqual([0.5, 924.5]);
    expect(factorLayout('raw', { log: true, decades: 3 }).xaxis).toMatchObject({
      type: 'log',
      title: { text: 'RAW' },
      dtick: 1,
    });
    expect(factorLayout('rrw', { log: true, decades: 1 }).xaxis?.dtick).toBeUndefined();
    expect(factorBars([row('a', 0), row('b', 2)], 'rrw').log).toBe(false);
    expect(factorBars([row('a', 2)], 'criticality').log).toBe(false);
  });

  test('names show as text: markup in an event name is written as entities', () => {
    const [bar] = factorBars([row(EVIL, 0.5), row('a&b', 0.1)], 'criticality').data as Trace[];
    expect(bar!.y).toEqual(['a&amp;b', '&lt;img src=x onerror=alert(1)&gt;']);
    const [summed] = componentImportanceTraces({
      components: [EVIL],
      values: [1.4],
      basis: '',
      notes: [],
    }) as Trace[];
    expect(summed!.y).toEqual(['&lt;img src=x onerror=alert(1)&gt;']);
  });

  test('the category axis keeps names that look like numbers as names', () => {
    expect(factorLayout('birnbaum', { log: false, decades: 0 }).yaxis).toMatchObject({
      type: 'category',
    });
  });
});

describe('plotText and emptyLayout', () => {
  test('plotText escapes &, < and > and nothing else', () => {
    expect(plotText('a <b> & "c"')).toBe('a &lt;b&gt; &amp; "c"');
    expect(plotText('pump_a')).toBe('pump_a');
  });

  test('a pin named with markup shows as text in the curve legend', () => {
    const result: Result = {
      method: 'analytic',
      model: { name: 'm', hash: '0' },
      timeUnit: 'h',
      measures: { reliability: { t: [0, 1], values: [1, 0.9] } },
      warnings: [],
    };
    const [trace] = curveTraces(
      [{ name: EVIL, result, color: '#000000' }],
      'reliability',
      'linear',
    ) as Trace[];
    expect(trace!.name).toBe('&lt;img src=x onerror=alert(1)&gt;');
  });

  test('emptyLayout hides the axes and shows its note, one line per \\n', () => {
    const layout = emptyLayout('no <parameters>\nto vary');
    expect([layout.xaxis?.visible, layout.yaxis?.visible]).toEqual([false, false]);
    expect(layout.annotations).toMatchObject([{ text: 'no &lt;parameters&gt;<br>to vary' }]);
  });
});
