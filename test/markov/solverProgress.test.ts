import { describe, expect, it } from 'vitest';
import {
  PROGRESS_INTERVAL_MS,
  iterationNote,
  progressReporter,
  residualFraction,
  shortNumber,
} from '../../src/markov/linalg/solverProgress.js';

describe('progressReporter', () => {
  it('is silent and inactive without a listener', () => {
    const progress = progressReporter(undefined, 'solve');
    expect(progress.active).toBe(false);
    expect(() => {
      progress.phase(0, 'start');
      progress.update(0.5, () => 'half');
      progress.done('done');
    }).not.toThrow();
  });

  it('reports phases and the end at once, updates at most every 250 ms, fractions never falling within a phase', () => {
    let clock = 1000;
    const seen: [number | undefined, string][] = [];
    const progress = progressReporter(
      (f, note) => seen.push([f, note]),
      'solve',
      () => clock,
    );
    expect(progress.active).toBe(true);
    expect(PROGRESS_INTERVAL_MS).toBe(250);
    progress.phase(0, 'bicgstab on 10 states');
    let built = 0;
    const note = (text: string) => () => {
      built++;
      return text;
    };
    progress.update(0.2, note('too soon'));
    clock += 249;
    progress.update(0.3, note('still too soon'));
    clock += 1;
    progress.update(0.4, note('a'));
    clock += 300;
    progress.update(0.1, note('b: the fraction stays at 0.4'));
    clock += 300;
    progress.update(1, note('c: below 1 until done'));
    clock += 300;
    progress.update(undefined, note('d: no estimate'));
    progress.phase(0, 'gauss-seidel fallback');
    clock += 300;
    progress.update(0.1, note('e: a new phase starts from its own fraction'));
    progress.done('done');
    expect(built).toBe(5);
    expect(seen).toEqual([
      [0, 'solve: bicgstab on 10 states'],
      [0.4, 'solve: a'],
      [0.4, 'solve: b: the fraction stays at 0.4'],
      [0.999, 'solve: c: below 1 until done'],
      [undefined, 'solve: d: no estimate'],
      [0, 'solve: gauss-seidel fallback'],
      [0.1, 'solve: e: a new phase starts from its own fraction'],
      [1, 'solve: done'],
    ]);
  });
});

describe('residualFraction, iterationNote, shortNumber', () => {
  it('residualFraction is the share of the orders of magnitude gained, clamped to [0, 1]', () => {
    expect(residualFraction(1e-2, 1e-8, 1e-14)).toBeCloseTo(0.5, 15);
    expect(residualFraction(1e-2, 1e-2, 1e-14)).toBe(0);
    expect(residualFraction(1e-2, 1, 1e-14)).toBe(0);
    expect(residualFraction(1e-2, 1e-15, 1e-14)).toBe(1);
    expect(residualFraction(1e-15, 1e-16, 1e-14)).toBe(0);
    expect(residualFraction(Infinity, 1e-3, 1e-14)).toBe(0);
    expect(residualFraction(1e-2, NaN, 1e-14)).toBe(0);
  });

  it('iterationNote and shortNumber give two significant digits', () => {
    expect(iterationNote('bicgstab', 12, 3.14159e-9, 1e-14)).toBe(
      'bicgstab iteration 12: residual 3.1e-9, target 1e-14',
    );
    expect([0.25, 0.001, 4321, 12345, 1e-14, 0].map(shortNumber)).toEqual([
      '0.25',
      '0.001',
      '4300',
      '1.2e+4',
      '1e-14',
      '0',
    ]);
  });
});
