import { describe, expect, test } from 'vitest';
import { measureTitle, sweepLayout, distributionLayout } from '../../web/charts/whatIfTraces.js';
import { curveLayout } from '../../web/charts/curveTraces.js';
import { emptyLayout, wrapLines } from '../../web/charts/layout.js';
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
