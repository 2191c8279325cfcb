import { describe, expect, it } from 'vitest';
import { buildCtmc } from '../../src/markov/generation/buildCtmc.js';
import { element } from '../helpers/element.js';

describe('buildCtmc', () => {
  it('buildCtmc merges duplicate pairs, drops self-loops and sorts each row by target', () => {
    const chain = buildCtmc(
      3,
      [
        { from: 0, to: 2, rate: 1 },
        { from: 0, to: 1, rate: 2 },
        { from: 0, to: 2, rate: 0.5 },
        { from: 1, to: 1, rate: 7 },
        { from: 2, to: 0, rate: 3 },
      ],
      [1, 1, 0],
      [1, 0, 0],
    );
    expect([...chain.rowStart]).toEqual([0, 2, 2, 3]);
    expect([...chain.target]).toEqual([1, 2, 0]);
    expect([...chain.rate]).toEqual([2, 1.5, 3]);
    expect([...chain.exitRate]).toEqual([3.5, 0, 3]);
    expect(Object.isFrozen(chain)).toBe(true);
  });

  it('buildCtmc accepts typed arrays, boolean up flags and an initial state index', () => {
    const chain = buildCtmc(
      2,
      { from: Int32Array.of(0, 1), to: Int32Array.of(1, 0), rate: Float64Array.of(0.5, 4) },
      [true, false],
      1,
      { stateNames: ['ok', 'failed'] },
    );
    expect([...chain.up]).toEqual([1, 0]);
    expect([...chain.initial]).toEqual([0, 1]);
    expect(chain.stateNames).toEqual(['ok', 'failed']);
  });

  it('buildCtmc gives generator rows that sum to 0 within 1e-12 relative', () => {
    // Rates spanning 12 decades, several per row: exit rate = Σ row, checked against exactSum.
    const transitions = [];
    for (let i = 0; i < 50; i++) {
      for (let d = 1; d <= 5; d++) {
        transitions.push({
          from: i,
          to: (i + d) % 50,
          rate: 10 ** (((i * 7 + d * 3) % 13) - 6) * (1 + d / 7),
        });
      }
    }
    const chain = buildCtmc(50, transitions, new Array(50).fill(1), 0);
    for (const [i, exit] of chain.exitRate.entries()) {
      let sum = -exit;
      const last = element(chain.rowStart, i + 1);
      for (let p = element(chain.rowStart, i); p < last; p++) sum += element(chain.rate, p);
      expect(Math.abs(sum)).toBeLessThanOrEqual(1e-12 * exit);
    }
  });

  it('buildCtmc refuses bad rates, indices, lengths, flags and initial vectors', () => {
    const ok = [{ from: 0, to: 1, rate: 1 }];
    expect(() => buildCtmc(2, [{ from: 0, to: 1, rate: -3 }], [1, 0], 0)).toThrow(
      /^buildCtmc: transitions\[0\]\.rate must be a finite number > 0; got -3$/,
    );
    expect(() => buildCtmc(2, [{ from: 0, to: 1, rate: NaN }], [1, 0], 0)).toThrow(
      /^buildCtmc: transitions\[0\]\.rate must be a finite number > 0; got NaN$/,
    );
    expect(() => buildCtmc(2, [{ from: 0, to: 1, rate: 0 }], [1, 0], 0)).toThrow(
      /^buildCtmc: transitions\[0\]\.rate must be a finite number > 0; got 0$/,
    );
    expect(() => buildCtmc(2, [{ from: 0, to: 2, rate: 1 }], [1, 0], 0)).toThrow(
      /^buildCtmc: transitions\[0\]\.to must be an integer in \[0, 1\]; got 2$/,
    );
    expect(() => buildCtmc(2, [{ from: -1, to: 1, rate: 1 }], [1, 0], 0)).toThrow(
      /^buildCtmc: transitions\[0\]\.from must be an integer in \[0, 1\]; got -1$/,
    );
    expect(() => buildCtmc(0, ok, [], 0)).toThrow(
      /^buildCtmc: stateCount must be an integer in \[1, \d+\]; got 0$/,
    );
    expect(() => buildCtmc(2, ok, [1], 0)).toThrow(/^buildCtmc: up must have 2 entries; got 1$/);
    expect(() => buildCtmc(2, ok, [1, 2], 0)).toThrow(
      /^buildCtmc: up\[1\] must be 0, 1, true or false; got 2$/,
    );
    expect(() => buildCtmc(2, ok, [1, 0], [0.5, 0.4])).toThrow(
      /^buildCtmc: initial must sum to 1 within 1e-12; got 0\.9$/,
    );
    expect(() => buildCtmc(2, ok, [1, 0], [1.5, -0.5])).toThrow(
      /^buildCtmc: initial\[0\] must be a probability in \[0, 1\]; got 1\.5$/,
    );
    expect(() => buildCtmc(2, ok, [1, 0], [1])).toThrow(
      /^buildCtmc: initial must have 2 entries; got 1$/,
    );
    expect(() => buildCtmc(2, ok, [1, 0], 2)).toThrow(
      /^buildCtmc: initial must be an integer in \[0, 1\]; got 2$/,
    );
  });

  it('buildCtmc accepts an initial vector that misses 1 by rounding only', () => {
    const third = 1 / 3;
    expect(() => buildCtmc(3, [], [1, 1, 1], [third, third, third])).not.toThrow();
  });
});
