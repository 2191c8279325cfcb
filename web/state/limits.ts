/**
 * What a value from a link or a field may be before the page uses it: names that are not
 * JavaScript's own object keys, mission times a time grid can be built on, numbers of a sane
 * size. Pure, unit-tested; the URL decoder and the controls share them.
 */

/**
 * Keys every plain object already has (`constructor`, `__proto__`, `toString`…) and `prototype`:
 * as a parameter, event or component name they would reach an object's inherited members.
 */
const OBJECT_KEYS: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
]);

/** Returns whether `name` is one of the keys every JavaScript object has (or `prototype`). */
export function isObjectKey(name: string): boolean {
  return OBJECT_KEYS.has(name);
}

/**
 * Smallest mission time, in the model's time unit: the curves are 201 points on [0, mission],
 * and below this their steps stop being distinct numbers a plot can place.
 */
export const MIN_MISSION_TIME = 1e-6;
/** Largest mission time: far beyond any system's life in any time unit. */
export const MAX_MISSION_TIME = 1e12;

/**
 * Returns why `value` cannot be a mission time, or undefined when it can: a finite number in
 * [MIN_MISSION_TIME, MAX_MISSION_TIME].
 */
export function missionTimeProblem(value: number): string | undefined {
  if (!Number.isFinite(value) || value < MIN_MISSION_TIME || value > MAX_MISSION_TIME) {
    return `must be a number from ${MIN_MISSION_TIME} to ${MAX_MISSION_TIME}`;
  }
  return undefined;
}

/** Largest magnitude of a parameter value: rates, times and counts are all far below it. */
export const MAX_PARAMETER_MAGNITUDE = 1e15;
/** Smallest magnitude of a parameter value other than 0 (no probability or rate is smaller). */
export const MIN_PARAMETER_MAGNITUDE = 1e-100;

/**
 * Returns whether a parameter value is 0 or a finite number of magnitude in
 * [MIN_PARAMETER_MAGNITUDE, MAX_PARAMETER_MAGNITUDE].
 */
export function isSaneParameter(value: number): boolean {
  const magnitude = Math.abs(value);
  return (
    value === 0 ||
    (Number.isFinite(value) &&
      magnitude >= MIN_PARAMETER_MAGNITUDE &&
      magnitude <= MAX_PARAMETER_MAGNITUDE)
  );
}
