import { ConvergenceError } from '../../errors.js';
import { checkLength, takeVectors } from './checked.js';

/** The system B x = c that {@link bicgstab} solves, with its preconditioner M ≈ B. */
export interface BicgstabSystem {
  /** out = B·input; `input` and `out` are distinct work vectors. */
  readonly apply: (input: Float64Array, out: Float64Array) => void;
  /** z = M⁻¹·input; `input` and `z` are distinct work vectors. */
  readonly precondition: (input: Float64Array, z: Float64Array) => void;
  /** The right-hand side c. */
  readonly rhs: Float64Array;
  /**
   * Makes x acceptable (for example clips the negative entries of a vector known to be ≥ 0)
   * and returns its true relative residual, the one compared with the tolerance. It may use
   * any of the six work vectors as scratch (they are recomputed before they are read again).
   */
  readonly accept: (x: Float64Array) => number;
  /** s in the cheap convergence test ‖c − Bx‖₁ ≤ ½·tolerance·s·‖x‖₁ (the largest exit rate). */
  readonly scale: number;
}

/** Settings of {@link bicgstab}; every field but `onIteration` is required. */
export interface BicgstabRunSettings {
  /** Stop when `accept` returns at most this. */
  readonly tolerance: number;
  /** Iterations allowed (each costs two products and two preconditioner solves). */
  readonly maxIterations: number;
  /** Name of the public function, for the ConvergenceError. */
  readonly where: string;
  /** Called after every iteration with the recurrence's relative residual ‖c − Bx‖₁ / (s‖x‖₁). */
  readonly onIteration?: (iteration: number, residual: number) => void;
}

/** What {@link bicgstab} did. */
export interface BicgstabRun {
  /** Iterations done. */
  readonly iterations: number;
  /** The value `accept` returned for the solution. */
  readonly residual: number;
}

// Restart when |r̂·r| falls below this fraction of ‖r̂‖₂‖r‖₂: the shadow residual has become
// orthogonal to the residual and the next step would divide by about 0 (a near-breakdown).
const BREAKDOWN = 1e-10;
// Give up after this many restarts in a row that did not halve the true residual: BiCGSTAB has
// stagnated at the floor its rounding allows, and more iterations would not help.
// Iterations without the recurrence residual halving that count as a plateau (then judged on the
// true residual, and restarted): a 5490-state stiff chain of the differential test (seed 6142)
// once hovered at 1e-11 for 73 000 iterations towards a tolerance of 1e-14.
const PLATEAU = 500;
const STAGNANT_RESTARTS = 4;

/**
 * Solves B x = c by BiCGSTAB right-preconditioned by M, from the guess in `x`, stopping when
 * the caller's true residual meets the tolerance.
 *
 * $$
 * \hat x_k = M^{-1} p_k,\quad \alpha_k = \frac{\rho_k}{\hat r \cdot B\hat x_k},\quad
 * s = r_k - \alpha_k B \hat x_k,\quad \omega_k = \frac{(BM^{-1}s)\cdot s}{\lVert BM^{-1}s\rVert^2},
 * \quad x_{k+1} = x_k + \alpha_k \hat x_k + \omega_k M^{-1}s
 * $$
 *
 * - r_k: residual c − Bx_k, r̂: shadow residual (r_0), ρ_k = r̂·r_k, p_k: search direction
 *
 * @param system - B, M⁻¹, c, the acceptance test and the scale of the cheap test
 * @param x - the initial guess, overwritten with the solution (a work vector)
 * @param work - six work vectors of the length of x (r, p, v, p̂, ŝ, t)
 * @param settings - tolerance, maxIterations, where, onIteration
 * @returns iterations and the accepted residual
 *
 * @throws {@link ConvergenceError} when the tolerance is not met within maxIterations, the
 * true residual stops falling over 4 restarts in a row (a restart also follows 500 iterations
 * in which the recurrence residual did not halve), or the iterate overflows.
 *
 * @remarks
 * The recurrence residual drifts from the true one: when it says the tolerance is met, `accept`
 * decides; if the true residual is still too large the method restarts from x with a fresh
 * shadow residual. It also restarts on a near-breakdown (|ρ| < 1e-10·‖r̂‖₂‖r‖₂), which occurs
 * when c has a single non-zero entry and the residual moves away from it. Memory: the seven
 * given vectors plus one of its own, r̂.
 *
 * @see H. A. van der Vorst, "Bi-CGSTAB: a fast and smoothly converging variant of Bi-CG for the
 * solution of nonsymmetric linear systems", SIAM Journal on Scientific and Statistical
 * Computing 13(2), 1992, 631–644, https://doi.org/10.1137/0913035 (paywalled); Y. Saad,
 * Iterative Methods for Sparse Linear Systems, 2nd ed., SIAM, 2003, §7.4.2 and §9.3,
 * https://www-users.cse.umn.edu/~saad/IterMethBook_2ndEd.pdf
 *
 * @example
 * ```ts
 * const b = [[4, 1], [2, 3]];
 * const apply = (v, out) => { out[0] = 4 * v[0] + v[1]; out[1] = 2 * v[0] + 3 * v[1]; };
 * const residual = (x) => Math.abs(1 - 4 * x[0] - x[1]) + Math.abs(2 - 2 * x[0] - 3 * x[1]);
 * const system = { apply, precondition: (v, z) => z.set(v), rhs: Float64Array.of(1, 2), accept: residual, scale: 1 };
 * const [x, ...work] = Array.from({ length: 7 }, () => new Float64Array(2));
 * bicgstab(system, x, work, { tolerance: 1e-14, maxIterations: 10, where: 'example' }).iterations; // → 2
 * x[1]; // → ~0.6
 * ```
 */
export function bicgstab(
  system: BicgstabSystem,
  x: Float64Array,
  work: readonly Float64Array[],
  settings: BicgstabRunSettings,
): BicgstabRun {
  const { apply, precondition, rhs: c, accept, scale } = system;
  const { tolerance, maxIterations, onIteration } = settings;
  const n = x.length;
  // Checked once here, so that the loops over [0, n) below index every vector with `!`.
  const [r, p, v, pHat, sHat, t] = takeVectors('bicgstab', work, 6, n);
  checkLength('bicgstab', c, n);
  const rHat = new Float64Array(n);
  let rho = 1;
  let alpha = 1;
  let omega = 1;
  let rhoNext = 0;
  let rNorm2 = 0;
  let shadowNorm = 0;
  /** r = c − Bx, r̂ = r, and the scalars of a fresh start. */
  const restart = (): void => {
    apply(x, r);
    for (let j = 0; j < n; j++) r[j] = c[j]! - r[j]!;
    rHat.set(r);
    rhoNext = dot(rHat, r);
    rNorm2 = rhoNext;
    shadowNorm = Math.sqrt(rhoNext);
    p.fill(0);
    v.fill(0);
    rho = alpha = omega = 1;
  };
  restart();
  let residual = Infinity;
  let best = Infinity;
  let stagnant = 0;
  let iterations = 0;
  let bestEstimate = Infinity;
  let improvedAt = 0;
  while (iterations < maxIterations) {
    if (Math.abs(rhoNext) < BREAKDOWN * shadowNorm * Math.sqrt(rNorm2)) restart();
    const rhoNew = rhoNext;
    if (rhoNew === 0) {
      // r = 0 (or r ⟂ r̂ after a restart): x solves the system as far as the recurrence knows.
      residual = accept(x);
      if (residual <= tolerance) return { iterations, residual };
      break;
    }
    iterations++;
    const beta = (rhoNew / rho) * (alpha / omega);
    rho = rhoNew;
    for (let j = 0; j < n; j++) p[j] = r[j]! + beta * (p[j]! - omega * v[j]!);
    precondition(p, pHat);
    apply(pHat, v);
    alpha = rho / dot(rHat, v);
    // s = r − αv, kept in r.
    for (let j = 0; j < n; j++) r[j]! -= alpha * v[j]!;
    precondition(r, sHat);
    apply(sHat, t);
    let tt = 0;
    let ts = 0;
    for (let j = 0; j < n; j++) {
      tt += t[j]! * t[j]!;
      ts += t[j]! * r[j]!;
    }
    omega = tt === 0 ? 0 : ts / tt;
    let rNorm = 0;
    let xNorm = 0;
    rhoNext = 0;
    rNorm2 = 0;
    for (let j = 0; j < n; j++) {
      x[j]! += alpha * pHat[j]! + omega * sHat[j]!;
      const rj = r[j]! - omega * t[j]!;
      r[j] = rj;
      rNorm += Math.abs(rj);
      rNorm2 += rj * rj;
      xNorm += Math.abs(x[j]!);
      rhoNext += rHat[j]! * rj;
    }
    if (!Number.isFinite(rNorm + xNorm)) {
      // Overflow or NaN: no later iteration can recover.
      throw new ConvergenceError(settings.where, iterations, NaN, tolerance);
    }
    const estimate = rNorm / (scale * xNorm);
    onIteration?.(iterations, estimate);
    // A plateau of the recurrence residual (no halving in PLATEAU iterations) is judged like a
    // converged recurrence: on the true residual, counting towards stagnation.
    if (estimate <= 0.5 * bestEstimate) {
      bestEstimate = estimate;
      improvedAt = iterations;
    }
    const plateau = iterations - improvedAt >= PLATEAU;
    // The recurrence residual estimates the true one; confirm on the true one before returning.
    if (rNorm <= 0.5 * tolerance * scale * xNorm || omega === 0 || plateau) {
      bestEstimate = Infinity;
      improvedAt = iterations;
      residual = accept(x);
      if (residual <= tolerance) return { iterations, residual };
      stagnant = residual <= 0.5 * best ? 0 : stagnant + 1;
      best = Math.min(best, residual);
      if (stagnant >= STAGNANT_RESTARTS) {
        throw new ConvergenceError(settings.where, iterations, residual, tolerance);
      }
      // Restart from the current iterate with a fresh shadow residual.
      restart();
    }
  }
  throw new ConvergenceError(settings.where, iterations, residual, tolerance);
}

/** a·b over the length of a; b is at least as long (both are n-vectors of {@link bicgstab}). */
function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j]! * b[j]!;
  return s;
}
