import { describe, expect, test } from 'vitest';
import { automaticCurveScale, NEAR_ONE, shownCurveScale } from '../../web/charts/curveScale.js';

describe('the curve axis when the user has not chosen one', () => {
  test('log 1 − x when every value is within 1e-3 of 1, else linear', () => {
    expect(automaticCurveScale([[1, 0.9999999, 0.99999998]])).toBe('log');
    expect(automaticCurveScale([[1, 1 - NEAR_ONE]])).toBe('log');
    expect(
      automaticCurveScale([
        [1, 0.9999],
        [1, 0.99],
      ]),
    ).toBe('linear');
    expect(automaticCurveScale([[1, 0.5]])).toBe('linear');
  });

  test('no values, or only non-finite ones, give linear', () => {
    expect(automaticCurveScale([])).toBe('linear');
    expect(automaticCurveScale([[NaN]])).toBe('linear');
  });

  test('the user choice wins; without it the automatic axis', () => {
    const high = [[1, 0.99999999]];
    expect(shownCurveScale({ curve: 'linear' }, high)).toBe('log');
    expect(shownCurveScale({ curve: 'linear', curveChosen: true }, high)).toBe('linear');
    expect(shownCurveScale({ curve: 'log', curveChosen: true }, [[1, 0.5]])).toBe('log');
    expect(shownCurveScale({ curve: 'log' }, [[1, 0.5]])).toBe('linear');
  });
});
