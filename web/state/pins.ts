/**
 * Pinned what-if scenarios: parameter overrides and mission time kept to compare with the live
 * one. Pure functions over plain data; every change returns a new array.
 */

/** A scenario: parameter values that replace the file's, and the mission time (horizon). */
export interface Scenario {
  readonly overrides: Readonly<Record<string, number>>;
  /** Mission time / horizon in the model's time unit; absent: the model's own. */
  readonly missionTime?: number;
}

/** A pinned scenario with its id and the name the user gave it. */
export interface Pin extends Scenario {
  readonly id: string;
  readonly name: string;
}

/** Most pins kept at once: more curves than this are unreadable and slow to recompute. */
export const MAX_PINS = 8;

/**
 * Returns the pins with the scenario added under a fresh id (`p1`, `p2`, …) and the given name,
 * or `Scenario N`; when MAX_PINS are pinned already the oldest is dropped.
 */
export function addPin(pins: readonly Pin[], scenario: Scenario, name?: string): Pin[] {
  const next = 1 + Math.max(0, ...pins.map((pin) => Number(pin.id.slice(1)) || 0));
  const pin: Pin = {
    id: `p${next}`,
    name: name?.trim() || `Scenario ${next}`,
    overrides: { ...scenario.overrides },
    ...(scenario.missionTime !== undefined && { missionTime: scenario.missionTime }),
  };
  return [...pins, pin].slice(-MAX_PINS);
}

/** Returns the pins with pin `id` renamed; an empty name keeps the old one. */
export function renamePin(pins: readonly Pin[], id: string, name: string): Pin[] {
  const trimmed = name.trim().slice(0, 80);
  return pins.map((pin) => (pin.id === id && trimmed !== '' ? { ...pin, name: trimmed } : pin));
}

/** Returns the pins without pin `id`. */
export function removePin(pins: readonly Pin[], id: string): Pin[] {
  return pins.filter((pin) => pin.id !== id);
}

/** Returns a short description of a scenario, such as `lambda=2e-4, mission 500`. */
export function describeScenario(scenario: Scenario): string {
  const parts = Object.entries(scenario.overrides).map(([k, v]) => `${k}=${v}`);
  if (scenario.missionTime !== undefined) parts.push(`mission ${scenario.missionTime}`);
  return parts.length === 0 ? 'file values' : parts.join(', ');
}
