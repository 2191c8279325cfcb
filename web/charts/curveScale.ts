/**
 * The axis of the R(t)/A(t) plot when the user has not chosen one: a curve that stays within
 * 1e-3 of 1 (a highly available system) reads as ticks like 0.999999985 on a linear axis, so it
 * is drawn as 1 − x on a log axis instead. Pure, unit-tested.
 */
import type { ViewState } from '../state/urlState.js';
import type { CurveScale } from './curveTraces.js';

/** A curve whose values all lie within this of 1 is drawn as 1 − x on a log axis by default. */
export const NEAR_ONE = 1e-3;

/**
 * Returns `log` when every finite value of the curves is within NEAR_ONE of 1 (and there is at
 * least one), else `linear`.
 */
export function automaticCurveScale(curves: readonly (readonly number[])[]): CurveScale {
  const values = curves.flat().filter((v) => Number.isFinite(v));
  return values.length > 0 && values.every((v) => v >= 1 - NEAR_ONE) ? 'log' : 'linear';
}

/** Returns the axis to draw: the user's choice when the view has one, else the automatic one. */
export function shownCurveScale(
  view: Pick<ViewState, 'curve' | 'curveChosen'>,
  curves: readonly (readonly number[])[],
): CurveScale {
  return view.curveChosen === true ? view.curve : automaticCurveScale(curves);
}
