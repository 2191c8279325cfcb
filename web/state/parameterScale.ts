/**
 * How each model parameter gets a control: its slider scale and range, decided from its name and
 * magnitude (docs/explorer.md, "Parameter controls"). Pure functions, unit-tested.
 */

/** The kind of slider a parameter gets. */
export type ControlScale = 'log' | 'linear' | 'probability' | 'integer';

/** A parameter's control: scale and the range of its slider (the number field accepts any value). */
export interface ParameterControl {
  readonly name: string;
  readonly scale: ControlScale;
  readonly min: number;
  readonly max: number;
}

// Sliders have this many steps; log sliders then move by 4 decades / 1000 ≈ 0.9 % a step.
/** Number of steps of every slider. */
export const SLIDER_STEPS = 1000;

// Names that say "probability": coverage, switch success, dormancy factor, plain p or c, and a
// fault tree's probability of failure on demand (`pt_pfd`).
const PROBABILITY_NAME = /(^c$|^p$|cov|prob|success|fraction|dormancy|pfd)/i;
// Below this a probability gets a log slider: on [0, 1] in steps of 0.001 a value of 4.4e-3 sits
// at step 4 and could not be moved by less than a quarter of itself.
const SMALL_PROBABILITY = 0.05;
// Names that say "a count": units, spares, crews, k of k-out-of-n.
const INTEGER_NAME = /(^n$|^k$|^n_|count|crews|spares|stock|units|disks)/i;

/**
 * Returns the control of a parameter from its name and current value: probabilities in (0, 1]
 * named like one (`c`, `coverage`, `p_switch`, `pt_pfd`) get a linear [0, 1] slider, or below
 * 0.05 a log slider from v/100 to min(1, 100 v); integer counts named
 * like one (`n_disks`, `crews`, `stock`) an integer slider; shapes a linear slider; every other positive
 * number (rates, times, means, scales) a log slider two decades either side of its value.
 */
export function parameterControl(name: string, value: number): ParameterControl {
  if (value > 0 && value < SMALL_PROBABILITY && PROBABILITY_NAME.test(name)) {
    return { name, scale: 'log', min: value / 100, max: Math.min(1, value * 100) };
  }
  if (value >= 0 && value <= 1 && PROBABILITY_NAME.test(name)) {
    return { name, scale: 'probability', min: 0, max: 1 };
  }
  if (Number.isInteger(value) && value >= 0 && INTEGER_NAME.test(name)) {
    return { name, scale: 'integer', min: Math.min(1, value), max: Math.max(2 * value, value + 5) };
  }
  if (value > 0 && /shape/i.test(name)) {
    return { name, scale: 'linear', min: 0.1, max: Math.max(5, 2 * value) };
  }
  if (value > 0) return { name, scale: 'log', min: value / 100, max: value * 100 };
  const span = Math.max(1, 2 * Math.abs(value));
  return { name, scale: 'linear', min: value - span, max: value + span };
}

/** Returns the slider position in [0, SLIDER_STEPS] of a value, clamped to the control's range. */
export function sliderPosition(control: ParameterControl, value: number): number {
  const fraction =
    control.scale === 'log'
      ? Math.log(value / control.min) / Math.log(control.max / control.min)
      : (value - control.min) / (control.max - control.min);
  const clamped = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  return Math.round(clamped * SLIDER_STEPS);
}

/**
 * Returns the value at a slider position, rounded so that it reads well and survives the URL:
 * 3 significant digits on log sliders, whole numbers on integer sliders, steps of 0.001 on
 * probability sliders.
 */
export function sliderValue(control: ParameterControl, position: number): number {
  const fraction = Math.min(1, Math.max(0, position / SLIDER_STEPS));
  switch (control.scale) {
    case 'log':
      return roundSignificant(control.min * Math.pow(control.max / control.min, fraction), 3);
    case 'integer':
      return Math.round(control.min + fraction * (control.max - control.min));
    case 'probability':
      return Math.round(fraction * SLIDER_STEPS) / SLIDER_STEPS;
    case 'linear':
      return roundSignificant(control.min + fraction * (control.max - control.min), 3);
  }
}

/** Returns `count` values spread over the control's range: log-spaced on log sliders. */
export function sweepValues(control: ParameterControl, count: number): number[] {
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    const fraction = i / (count - 1);
    const value =
      control.scale === 'log'
        ? control.min * Math.pow(control.max / control.min, fraction)
        : control.min + fraction * (control.max - control.min);
    values.push(control.scale === 'integer' ? Math.round(value) : value);
  }
  return [...new Set(values)];
}

/** Returns x rounded to `digits` significant digits (0 stays 0). */
export function roundSignificant(x: number, digits: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(digits));
}
