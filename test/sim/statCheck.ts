import { expect } from 'vitest';
import type { Estimate, Scalar } from '../../src/model/Result.js';
import { normalQuantile } from '../../src/numeric/normal.js';

/** Per-test false-alarm probability of a correct simulator (STYLE.md §8). */
export const ALPHA = 1e-4;

/** Bonferroni z for k checks in one test: Φ⁻¹(1 − α/(2k)). */
export function bonferroniZ(k: number): number {
  return normalQuantile(1 - ALPHA / (2 * k));
}

/** One comparison of a simulated estimate with an exact value. */
export interface StatCheck {
  readonly label: string;
  readonly estimate: number;
  readonly exact: number;
  readonly se: number;
}

/** A proportion p̂ over n replications against the exact p: SE from the exact p (score form). */
export function proportionCheck(
  label: string,
  estimate: number,
  exact: number,
  n: number,
): StatCheck {
  expect(n * exact * (1 - exact), `${label}: n·p(1 − p) must be ≥ 10`).toBeGreaterThanOrEqual(10);
  return { label, estimate, exact, se: Math.sqrt((exact * (1 - exact)) / n) };
}

/** A simulated mean with its 95 % interval (normal, symmetric) against the exact mean. */
export function meanCheck(label: string, value: Scalar | undefined, exact: number): StatCheck {
  const e = value as Estimate;
  expect(e, `${label} is missing`).toBeDefined();
  return { label, estimate: e.mean, exact, se: (e.ci95[1] - e.ci95[0]) / (2 * 1.959963984540054) };
}

/** Whether every check passes |estimate − exact| ≤ z·SE, and the lines describing each. */
export function evaluate(
  checks: readonly StatCheck[],
  z: number,
): { pass: boolean; report: string } {
  let pass = true;
  const lines = checks.map((c) => {
    const score = Math.abs(c.estimate - c.exact) / c.se;
    if (!(score <= z)) pass = false;
    return `${c.label}: estimate ${c.estimate}, SE ${c.se}, exact ${c.exact}, |z| ${score.toFixed(2)} (limit ${z.toFixed(2)})`;
  });
  return { pass, report: lines.join('\n') };
}

/**
 * Asserts that all checks pass at the Bonferroni z, and (power) that the same estimates fail
 * against the exact answers of a slightly wrong model.
 */
export function expectAgreement(
  context: string,
  checks: readonly StatCheck[],
  wrong?: readonly StatCheck[],
): void {
  const z = bonferroniZ(checks.length);
  const right = evaluate(checks, z);
  expect(right.pass, `${context}\n${right.report}\nrerun: npx vitest run test/sim`).toBe(true);
  if (wrong !== undefined) {
    const power = evaluate(wrong, z);
    expect(
      power.pass,
      `${context}: power check passed against a wrong model\n${power.report}`,
    ).toBe(false);
  }
}

/**
 * P(√n·D > λ) for the Kolmogorov distribution, with Stephens' finite-n factor
 * (√n + 0.12 + 0.11/√n in place of √n): M. A. Stephens, "Use of the Kolmogorov–Smirnov,
 * Cramér–von Mises and related statistics without extensive tables", J. R. Stat. Soc. B 32
 * (1970) 115–122, Table 1A. The series converges at once for the λ ≈ 2.2 of interest.
 */
export function kolmogorovPValue(d: number, n: number): number {
  const lambda = (Math.sqrt(n) + 0.12 + 0.11 / Math.sqrt(n)) * d;
  let p = 0;
  for (let k = 1; k <= 100; k++) p += 2 * (-1) ** (k - 1) * Math.exp(-2 * k * k * lambda * lambda);
  return Math.min(1, Math.max(0, p));
}

/** The Kolmogorov–Smirnov statistic D of n draws of `draw` against the continuous cdf `cdf`. */
export function ksStatistic(draw: () => number, n: number, cdf: (x: number) => number): number {
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = draw();
  xs.sort();
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(xs[i]!);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}
