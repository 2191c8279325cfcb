import { describe, expect, test } from 'vitest';
import {
  addPin,
  describeScenario,
  MAX_PINS,
  removePin,
  renamePin,
  type Pin,
} from '../../web/state/pins.js';

describe('pins', () => {
  test('addPin gives fresh ids and default names, and copies the overrides', () => {
    const overrides = { lambda: 1e-4 };
    const one = addPin([], { overrides, missionTime: 100 });
    const two = addPin(one, { overrides: {} }, '  fast repair ');
    expect(two).toEqual([
      { id: 'p1', name: 'Scenario 1', overrides: { lambda: 1e-4 }, missionTime: 100 },
      { id: 'p2', name: 'fast repair', overrides: {} },
    ]);
    expect(two[0]!.overrides).not.toBe(overrides);
  });

  test('addPin after a removal does not reuse an id', () => {
    const pins = removePin(addPin(addPin([], { overrides: {} }), { overrides: {} }), 'p1');
    expect(addPin(pins, { overrides: {} }).map((p) => p.id)).toEqual(['p2', 'p3']);
  });

  test(`addPin keeps at most ${MAX_PINS} pins, dropping the oldest`, () => {
    let pins: Pin[] = [];
    for (let i = 0; i < MAX_PINS + 2; i++) pins = addPin(pins, { overrides: { x: i } });
    expect(pins).toHaveLength(MAX_PINS);
    expect(pins[0]!.overrides).toEqual({ x: 2 });
  });

  test('renamePin renames one pin; an empty name keeps the old one', () => {
    const pins = addPin(addPin([], { overrides: {} }), { overrides: {} });
    expect(renamePin(pins, 'p2', 'B').map((p) => p.name)).toEqual(['Scenario 1', 'B']);
    expect(renamePin(pins, 'p2', '   ')).toEqual(pins);
  });

  test('describeScenario lists overrides and mission time', () => {
    expect(describeScenario({ overrides: { lambda: 2e-4 }, missionTime: 500 })).toBe(
      'lambda=0.0002, mission 500',
    );
    expect(describeScenario({ overrides: {} })).toBe('file values');
  });
});
