/**
 * Kaplan–Meier and Nelson–Aalen estimates against R's survival::survfit (conf.type "log",
 * ctype 1), from test/reference/life_nonparametric_reference.R; values in
 * nonParametricReference.ts. Tolerance 1e-12 relative (the same sums in another order).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lifeDataFrom, parseLifeData } from '../../src/fit/lifeData.js';
import { nonParametricEstimates } from '../../src/fit/nonParametric.js';
import { NON_PARAMETRIC_REFERENCE } from './nonParametricReference.js';

const DATA = join(import.meta.dirname, 'data');

function close(actual: number, expected: number, what: string): void {
  const error = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
  expect(error, `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-12);
}

describe('nonParametricEstimates against R survfit', () => {
  for (const [set, steps] of Object.entries(NON_PARAMETRIC_REFERENCE)) {
    it(set, () => {
      const data = parseLifeData(readFileSync(join(DATA, `${set}.csv`), 'utf8'));
      const estimates = nonParametricEstimates(data);
      expect(estimates).toHaveLength(steps.length);
      steps.forEach((reference, i) => {
        const step = estimates[i]!;
        expect([step.time, step.atRisk, step.failures]).toEqual([
          reference.time,
          reference.atRisk,
          reference.failures,
        ]);
        close(step.reliability, reference.reliability, `R(${step.time})`);
        const [lo, hi] = reference.reliabilityCi95;
        if (lo === null || hi === null) expect(step.reliabilityCi95).toBeNull();
        else {
          close(step.reliabilityCi95![0], lo, `R lower at ${step.time}`);
          close(step.reliabilityCi95![1], hi, `R upper at ${step.time}`);
        }
        close(step.cumulativeHazard, reference.cumulativeHazard, `H(${step.time})`);
        close(step.cumulativeHazardCi95[0], reference.cumulativeHazardCi95[0], 'H lower');
        close(step.cumulativeHazardCi95[1], reference.cumulativeHazardCi95[1], 'H upper');
      });
    });
  }

  it('weights grouped rows as their units', () => {
    const grouped = lifeDataFrom([
      { kind: 'failure', time: 3, count: 2 },
      { kind: 'suspension', time: 3, count: 1 },
      { kind: 'failure', time: 5, count: 1 },
      { kind: 'suspension', time: 9, count: 2 },
    ]);
    const expanded = lifeDataFrom([
      ...[3, 3, 5].map((time) => ({ kind: 'failure' as const, time })),
      ...[3, 9, 9].map((time) => ({ kind: 'suspension' as const, time })),
    ]);
    expect(nonParametricEstimates(grouped)).toEqual(nonParametricEstimates(expanded));
    // A suspension at a failure time is still at risk then: R(3) = 1 − 2/6, R(5) = (4/6)(1 − 1/3).
    const [first, second] = nonParametricEstimates(grouped);
    expect(first!.reliability).toBeCloseTo(1 - 2 / 6, 15);
    expect(second!.reliability).toBeCloseTo((4 / 6) * (2 / 3), 15);
  });

  it('refuses interval data', () => {
    const data = lifeDataFrom([{ kind: 'interval', time: 0, timeHi: 4 }]);
    expect(() => nonParametricEstimates(data)).toThrow(
      /Turnbull estimate for intervals is not provided/,
    );
  });
});
