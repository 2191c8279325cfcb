import { describe, expect, test } from 'vitest';
import { measureTitle, sweepLayout, distributionLayout } from '../../web/charts/whatIfTraces.js';
import { curveLayout } from '../../web/charts/curveTraces.js';
import { componentOf, factorBars, hasUnitGroups } from '../../web/charts/importanceTraces.js';
import { emptyLayout, wrapLines } from '../../web/charts/layout.js';
import type { ImportanceRow } from '../../web/compute/importance.js';
import { formatDowntime, formatNines } from '../../web/views/format.js';

describe('numbers to the digits they deserve', () => {
  test('downtime per year has 3 significant digits in the unit that reads best', () => {
    expect(formatDowntime(2.0183)).toBe('2.02 h/yr');
    expect(formatDowntime(0.2018)).toBe('12.1 min/yr');
    expect(formatDowntime(0.000201836)).toBe('0.727 s/yr');
    expect(formatDowntime(8760)).toBe('8760 h/yr');
    expect(formatDowntime(undefined)).toBe('—');
  });

  test('nines have 2 decimals', () => {
    expect(formatNines(7.637660090728)).toBe('7.64');
    expect(formatNines(2)).toBe('2.00');
    expect(formatNines(Infinity)).toBe('∞');
    expect(formatNines(undefined)).toBe('—');
  });
});

describe('chart text', () => {
  test('a note is broken at spaces into lines of at most 40 characters', () => {
    const lines = wrapLines('no time-dependent curve for this model (see the results above)');
    expect(lines).toEqual(['no time-dependent curve for this model', '(see the results above)']);
    expect(wrapLines('a\nb')).toEqual(['a', 'b']);
    expect(wrapLines('x'.repeat(50))).toEqual(['x'.repeat(50)]);
    expect(emptyLayout('this model has no parameters to vary').annotations).toMatchObject([
      { text: 'this model has no parameters to vary' },
    ]);
  });

  test('a time unit or parameter name from the model is plotly text, never markup', () => {
    const unit = '<a href="https://example.com">h</a>';
    const escaped = '&lt;a href="https://example.com"&gt;h&lt;/a&gt;';
    expect(measureTitle('mttf', unit)).toBe(`MTTF (${escaped})`);
    expect(curveLayout('reliability', 'log', unit).xaxis?.title).toEqual({
      text: `t (${escaped})`,
    });
    const curves = { component: 'c', t: [0, 1], pdf: [1, 1], hazard: [1, 1] };
    const layout = distributionLayout(curves, unit);
    expect(JSON.stringify(layout)).not.toContain('<a');
    const sweep = sweepLayout({ parameter: '<b>x</b>', x: [1], y: [1] }, false, 'mttf', 'MTTF');
    expect(sweep.xaxis?.title).toEqual({ text: '&lt;b&gt;x&lt;/b&gt;' });
  });
});

describe('importance grouped by component', () => {
  const row = (name: string, birnbaum: number): ImportanceRow => ({
    name,
    factors: { birnbaum, criticality: 0, diagnostic: 0, fussellVesely: 0, raw: 1, rrw: 1 },
  });
  const rows = [row('cpu[1]', 0.2), row('voter', 0.5), row('cpu[2]', 0.1), row('bus[1]', 0.3)];

  test('a unit belongs to its name without the index; groups exist when a component has 2 units', () => {
    expect(componentOf('cpu[12]')).toBe('cpu');
    expect(componentOf('voter')).toBe('voter');
    expect(hasUnitGroups(rows)).toBe(true);
    expect(hasUnitGroups([row('a', 1), row('b[1]', 1)])).toBe(false);
  });

  test('grouped bars keep a component together, largest component first (top of the chart)', () => {
    const names = (grouped: boolean) =>
      [...(factorBars(rows, 'birnbaum', grouped).data[0] as { y: string[] }).y].reverse();
    expect(names(false)).toEqual(['voter', 'bus[1]', 'cpu[1]', 'cpu[2]']);
    expect(names(true)).toEqual(['voter', 'bus[1]', 'cpu[1]', 'cpu[2]']);
    const spread = [row('cpu[1]', 0.4), row('voter', 0.3), row('cpu[2]', 0.1)];
    const grouped = factorBars(spread, 'birnbaum', true).data[0] as {
      y: string[];
      marker: { color: string[] };
    };
    expect([...grouped.y].reverse()).toEqual(['cpu[1]', 'cpu[2]', 'voter']);
    expect([...grouped.marker.color].reverse()).toEqual(['#0072B2', '#0072B2', '#56B4E9']);
  });
});
