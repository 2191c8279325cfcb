/**
 * Pinned what-if scenarios: parameter overrides and mission time kept to compare with the live
 * one, and the scenario's simulated results when it had some. Pure functions over plain data;
 * every change returns a new array.
 */
import type { PinnedSimulation } from './pinnedSimulation.js';

/** A scenario: parameter values that replace the file's, and the mission time (horizon). */
export interface Scenario {
  readonly overrides: Readonly<Record<string, number>>;
  /** Mission time / horizon in the model's time unit; absent: the model's own. */
  readonly missionTime?: number;
  /** The system function shown, for a model with several (`systems:`, `quorum:`); absent: the first. */
  readonly system?: string;
}

/** A pinned scenario with its id and the name the user gave it. */
export interface Pin extends Scenario {
  readonly id: string;
  readonly name: string;
  /**
   * The scenario's simulated results when it was pinned (web/state/pinnedSimulation.ts): kept,
   * since they cannot be recomputed at once as exact ones are. Of the model text of that time.
   */
  readonly simulated?: PinnedSimulation;
}

/** Most pins kept at once: more curves than this are unreadable and slow to recompute. */
export const MAX_PINS = 8;

/**
 * Returns the pins with the scenario added under a fresh id (`p1`, `p2`, …) and the given name,
 * or `Scenario N`, keeping its simulated results `simulated`; when MAX_PINS are pinned already
 * the oldest is dropped.
 */
export function addPin(
  pins: readonly Pin[],
  scenario: Scenario,
  name?: string,
  simulated?: PinnedSimulation,
): Pin[] {
  const next = 1 + Math.max(0, ...pins.map((pin) => Number(pin.id.slice(1)) || 0));
  const pin: Pin = {
    id: `p${next}`,
    name: name?.trim() || `Scenario ${next}`,
    overrides: { ...scenario.overrides },
    ...(scenario.missionTime !== undefined && { missionTime: scenario.missionTime }),
    ...(scenario.system !== undefined && { system: scenario.system }),
    ...(simulated && { simulated }),
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

/**
 * Returns the pins without their simulated results: the model text they were of has changed
 * (exact results are solved again for the new text; simulated ones would be of the old).
 */
export function forgetSimulations(pins: readonly Pin[]): Pin[] {
  return pins.map((pin) => {
    if (!pin.simulated) return pin;
    const rest: { -readonly [K in keyof Pin]: Pin[K] } = { ...pin };
    delete rest.simulated;
    return rest;
  });
}

/** Returns a short description of a scenario, such as `lambda=2e-4, mission 500`. */
export function describeScenario(scenario: Scenario): string {
  const parts = Object.entries(scenario.overrides).map(([k, v]) => `${k}=${v}`);
  if (scenario.missionTime !== undefined) parts.push(`mission ${scenario.missionTime}`);
  if (scenario.system !== undefined) parts.push(`system ${scenario.system}`);
  return parts.length === 0 ? 'file values' : parts.join(', ');
}
