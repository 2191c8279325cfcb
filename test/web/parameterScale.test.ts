import { describe, expect, test } from 'vitest';
import {
  parameterControl,
  roundSignificant,
  sliderPosition,
  sliderValue,
  SLIDER_STEPS,
  sweepValues,
} from '../../web/state/parameterScale.js';

describe('parameterControl', () => {
  test.each([
    ['lambda', 1e-4, 'log', 1e-6, 1e-2],
    ['disk_mttf', 500000, 'log', 5000, 5e7],
    ['c', 0.95, 'probability', 0, 1],
    ['coverage', 0.999, 'probability', 0, 1],
    ['crews', 2, 'integer', 1, 7],
    ['n_disks', 8, 'integer', 1, 16],
    ['pump_shape', 1.8, 'linear', 0.1, 5],
    ['pt_pfd', 4.4e-3, 'log', 4.4e-5, 0.44],
    ['xv_pfd', 2.2e-2, 'log', 2.2e-4, 1],
    ['switch_prob', 0.3, 'probability', 0, 1],
  ])('parameterControl(%s, %s) is a %s slider on [%s, %s]', (name, value, scale, min, max) => {
    const control = parameterControl(name, value);
    expect(control.scale).toBe(scale);
    expect(control.min).toBeCloseTo(min, 12);
    expect(control.max).toBeCloseTo(max, 6);
  });
});

describe('sliders', () => {
  test('a log slider puts the file value in the middle and returns it there', () => {
    const control = parameterControl('lambda', 1e-4);
    expect(sliderPosition(control, 1e-4)).toBe(SLIDER_STEPS / 2);
    expect(sliderValue(control, SLIDER_STEPS / 2)).toBe(1e-4);
  });

  test('sliderValue rounds to 3 significant digits on log sliders', () => {
    const control = parameterControl('lambda', 1e-4);
    const value = sliderValue(control, 501);
    expect(value).toBe(roundSignificant(value, 3));
    expect(value).toBeGreaterThan(1e-4);
  });

  test('sliderPosition clamps values outside the range', () => {
    const control = parameterControl('c', 0.9);
    expect(sliderPosition(control, 2)).toBe(SLIDER_STEPS);
    expect(sliderPosition(control, -1)).toBe(0);
  });

  test('sweepValues spreads log sliders evenly in log space', () => {
    const values = sweepValues(parameterControl('lambda', 1e-4), 5);
    expect(values.map((v) => Math.log10(v))).toEqual(
      [-6, -5, -4, -3, -2].map((e) => expect.closeTo(e, 12) as unknown as number),
    );
  });
});
