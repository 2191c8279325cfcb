import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeState, type ExplorerState } from '../../web/state/urlState.js';

interface StoredLink {
  readonly name: string;
  readonly description: string;
  readonly hash: string;
  /** The state the explorer encoded when the link was made. */
  readonly state: ExplorerState;
  /** What it must decode to in every later version. */
  readonly expected: ExplorerState;
}

const read = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8')) as {
    readonly links: readonly StoredLink[];
  };
const stored = read('links-2026-12.json');
// Pins keeping simulated results: an optional field of version 2.
const pinnedSimulations = read('links-2026-12-pinned-simulation.json');

describe('links made in December 2026 still open', () => {
  test('the fixtures cover an example, parameters, pins, view, house events and an opened text', () => {
    const states = stored.links.map((link) => link.state);
    expect(states.some((s) => s.example === '' && s.text !== undefined)).toBe(true);
    expect(states.some((s) => s.pins.length >= 2 && s.missionTime !== undefined)).toBe(true);
    expect(states.some((s) => s.overrides.panel_in_test === 1)).toBe(true);
    expect(states.some((s) => s.view.importance !== undefined && s.view.curve === 'linear')).toBe(
      true,
    );
  });

  test.each(stored.links.map((link) => [link.name, link] as const))(
    '%s decodes to its expected state',
    async (_name, link) => {
      expect(await decodeState(link.hash)).toEqual(link.expected);
    },
  );

  test.each(stored.links.map((link) => [link.name, link] as const))(
    '%s means what it meant: its state, with the log axis it shows kept as chosen',
    (_name, link) => {
      const { curveChosen, ...view } = link.expected.view;
      expect({ ...link.expected, view }).toEqual(link.state);
      expect(curveChosen === true).toBe(link.state.view.curve === 'log');
    },
  );
});

describe('links whose pins keep simulated results still open', () => {
  test('the fixture has a pin with estimates, intervals and a band, and a pin without', () => {
    const pins = pinnedSimulations.links.flatMap((link) => link.state.pins);
    const kept = pins.find((pin) => pin.simulated)?.simulated;
    expect(kept?.measures.steadyAvailability).toMatchObject({ ci95: expect.any(Array) });
    expect(kept?.measures.reliability?.lo).toBeDefined();
    expect(pins.some((pin) => pin.simulated === undefined)).toBe(true);
  });

  test.each(pinnedSimulations.links.map((link) => [link.name, link] as const))(
    '%s decodes to its expected state',
    async (_name, link) => {
      expect(await decodeState(link.hash)).toEqual(link.expected);
    },
  );
});
