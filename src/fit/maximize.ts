import { cholesky, choleskyInverse, choleskySolve } from './smallMatrix.js';

/** How a maximisation ended: the figures to judge it by, carried into every fit's result. */
export interface Convergence {
  /** Whether the last Newton step was below the tolerance at a negative-definite Hessian. */
  readonly converged: boolean;
  /** Newton iterations taken (derivative evaluations). */
  readonly iterations: number;
  /** The largest |∂ℓ/∂θᵢ| at the answer, in the optimiser's (log) parameters. */
  readonly gradient: number;
  /** The largest relative size of the last full Newton step, |Δθᵢ|/max(1, |θᵢ|). */
  readonly step: number;
  /** The method, and why it stopped when it did not converge. */
  readonly message: string;
}

/** The maximum found by {@link maximizeNewton}. */
export interface Maximum {
  readonly argmax: readonly number[];
  readonly value: number;
  /** The Hessian of the objective at `argmax` (central differences). */
  readonly hessian: readonly (readonly number[])[];
  readonly convergence: Convergence;
}

const MAX_ITERATIONS = 200;
const STEP_TOLERANCE = 1e-9;
// A Newton step this small that no longer increases f is the rounding floor of f, not a failure.
const ROUNDING_STEP = 1e-7;
// Central-difference steps (relative to max(1, |θ|)): truncation h² against rounding ε/h (gradient)
// and ε/h² (Hessian) balance near these for objectives of moderate size.
const GRADIENT_STEP = 1e-5;
const HESSIAN_STEP = 1e-4;

/**
 * Returns the maximum of a smooth function of a few unconstrained variables by Newton's method
 * with Levenberg–Marquardt damping and a trust radius, derivatives by central differences.
 *
 * $$
 * \theta_{k+1} = \theta_k + \bigl(-H_k + \lambda_k D_k\bigr)^{-1} g_k, \qquad
 * \|\Delta\theta\|_\infty \le r_k \max(1, |\theta_k|)
 * $$
 *
 * where g and H are the gradient and Hessian, D the diagonal of |H| and λ ≥ 0 the damping,
 * raised until −H + λD is positive definite and the step increases f.
 *
 * @param f - the objective (−Infinity or NaN where it is undefined: such steps are refused)
 * @param start - a point where f is finite
 * @returns the maximiser, f there, the Hessian there and the convergence report
 *
 * @remarks
 * Converged when the undamped Newton step at a negative-definite Hessian is below 1e-9 relative
 * in every variable (then that step is taken), or below 1e-7 when no step changes f beyond its
 * rounding any more. Otherwise the report says why it stopped: the
 * iteration limit (200), no step that increases f, or a Hessian that is not negative definite
 * at the end (a saddle or a flat ridge: the bounds are then meaningless). Each iteration costs
 * 1 + 2d + 2d² evaluations of f for d variables.
 *
 * @see J. Nocedal and S. J. Wright, Numerical Optimization, 2nd ed., Springer, 2006, §4 (trust
 * regions) and §8.1 (finite-difference derivatives).
 */
export function maximizeNewton(
  f: (theta: readonly number[]) => number,
  start: readonly number[],
): Maximum {
  let theta = [...start];
  let value = f(theta);
  let radius = 1;
  let lambda = 0;
  let last = { gradient: Infinity, step: Infinity };
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    const { gradient: rough, hessian: h } = derivatives(f, theta, value);
    const negative = h.map((row) => row.map((x) => -x));
    const factor = cholesky(negative);
    const gradient = factor === undefined ? rough : scaledGradient(f, theta, negative);
    const newton = factor === undefined ? undefined : choleskySolve(factor, gradient);
    const gradientNorm = Math.max(...gradient.map(Math.abs));
    if (newton !== undefined) {
      const step = relativeSize(newton, theta);
      last = { gradient: gradientNorm, step };
      if (step < STEP_TOLERANCE) {
        const next = theta.map((x, i) => x + newton[i]!); // newton has theta's length
        const nextValue = f(next);
        if (nextValue >= value) {
          theta = next;
          value = nextValue;
        }
        return done(theta, value, f, true, iteration, 'Newton step below 1e-9 relative');
      }
    } else {
      last = { gradient: gradientNorm, step: Infinity };
    }
    const accepted = dampedStep(f, theta, value, gradient, negative, lambda, radius);
    if (accepted === undefined) {
      // Within rounding of the maximum, f no longer resolves the change a tiny step makes.
      const atFloor = last.step < ROUNDING_STEP;
      const why = atFloor
        ? `no step changes f beyond rounding, Newton step ${last.step.toExponential(1)} relative`
        : 'no step increases f';
      return done(theta, value, f, atFloor, iteration, why);
    }
    ({ theta, value, lambda, radius } = accepted);
  }
  return done(
    theta,
    value,
    f,
    false,
    MAX_ITERATIONS,
    `no convergence in ${MAX_ITERATIONS} iterations`,
  );

  function done(
    at: number[],
    atValue: number,
    objective: typeof f,
    converged: boolean,
    iterations: number,
    why: string,
  ): Maximum {
    const { gradient } = derivatives(objective, at, atValue);
    const h = curvature(objective, at, atValue);
    const definite = cholesky(h.map((row) => row.map((x) => -x))) !== undefined;
    const ok = converged && definite;
    const message = ok
      ? `Newton with trust region: ${why}`
      : converged
        ? 'Newton with trust region: the Hessian is not negative definite at the answer (a flat ridge or a saddle)'
        : `Newton with trust region: ${why}`;
    return {
      argmax: at,
      value: atValue,
      hessian: h,
      convergence: {
        converged: ok,
        iterations,
        gradient: Math.max(0, ...gradient.map(Math.abs)),
        step: last.step,
        message,
      },
    };
  }
}

interface Accepted {
  theta: number[];
  value: number;
  lambda: number;
  radius: number;
}

/** Raises the damping and shrinks the radius until a step increases f; undefined if none does. */
function dampedStep(
  f: (theta: readonly number[]) => number,
  theta: readonly number[],
  value: number,
  gradient: readonly number[],
  negative: readonly (readonly number[])[],
  lambda0: number,
  radius0: number,
): Accepted | undefined {
  const diagonal = negative.map((row, i) => Math.max(Math.abs(row[i]!), 1e-12)); // square matrix
  let lambda = lambda0;
  let radius = radius0;
  for (let attempt = 0; attempt < 60; attempt++) {
    const damped = negative.map((row, i) =>
      row.map((x, j) => (i === j ? x + lambda * diagonal[i]! : x)),
    );
    const factor = cholesky(damped);
    if (factor === undefined) {
      lambda = Math.max(lambda * 4, 1e-3);
      continue;
    }
    let step = choleskySolve(factor, gradient);
    const size = relativeSize(step, theta);
    if (size > radius) step = step.map((x) => (x * radius) / size);
    const next = theta.map((x, i) => x + step[i]!); // step has theta's length
    const nextValue = f(next);
    if (nextValue > value) {
      return { theta: next, value: nextValue, lambda: lambda / 4, radius: Math.min(radius * 2, 4) };
    }
    if (relativeSize(step, theta) < 1e-15) return undefined;
    lambda = Math.max(lambda * 4, 1e-3);
    radius /= 4;
  }
  return undefined;
}

function relativeSize(step: readonly number[], theta: readonly number[]): number {
  return Math.max(...step.map((x, i) => Math.abs(x) / Math.max(1, Math.abs(theta[i]!))));
}

/**
 * The gradient near a maximum, by central differences with steps of a thousandth of each
 * variable's conditional standard error cᵢ = 1/√(−Hᵢᵢ), combined by Richardson extrapolation.
 *
 * $$
 * g_i \approx \frac{4 D_i(h_i/2) - D_i(h_i)}{3}, \qquad D_i(h) = \frac{f(\theta + h e_i) - f(\theta - h e_i)}{2h}, \qquad h_i = 10^{-3} c_i
 * $$
 *
 * A flat direction (a location with a wide bound) needs a step this long for its difference to
 * stand above the rounding of f, and the extrapolation makes the truncation error O(h⁴): the
 * maximiser is then located to about 1e-9·cᵢ.
 */
function scaledGradient(
  f: (theta: readonly number[]) => number,
  theta: readonly number[],
  negative: readonly (readonly number[])[],
): number[] {
  return theta.map((x, i) => {
    const h = Math.max(1e-3 / Math.sqrt(negative[i]![i]!), 1e-8 * Math.max(1, Math.abs(x)));
    const difference = (step: number): number => {
      const up = [...theta];
      const down = [...theta];
      up[i]! += step;
      down[i]! -= step;
      return (f(up) - f(down)) / (2 * step);
    };
    return (4 * difference(h / 2) - difference(h)) / 3;
  });
}

/**
 * Central-difference gradient and Hessian of f at θ.
 *
 * $$
 * g_i \approx \frac{f(\theta + h e_i) - f(\theta - h e_i)}{2h}, \qquad
 * H_{ij} \approx \frac{f(\theta + h e_i + h e_j) - f(\theta + h e_i - h e_j) - f(\theta - h e_i + h e_j) + f(\theta - h e_i - h e_j)}{4h^2}
 * $$
 *
 * @param f - the objective
 * @param theta - the point
 * @param value - f(θ)
 * @param steps - the Hessian's step per variable (default 1e-4·max(1, |θᵢ|))
 * @returns the gradient and the (symmetric) Hessian; entries are NaN where f is not finite nearby
 */
export function derivatives(
  f: (theta: readonly number[]) => number,
  theta: readonly number[],
  value: number,
  steps?: readonly number[],
): { gradient: number[]; hessian: number[][] } {
  const d = theta.length;
  const at = (moves: readonly [number, number][]): number => {
    const point = [...theta];
    for (const [i, h] of moves) point[i]! += h;
    return f(point);
  };
  const hg = theta.map((x) => GRADIENT_STEP * Math.max(1, Math.abs(x)));
  const hh = steps ?? theta.map((x) => HESSIAN_STEP * Math.max(1, Math.abs(x)));
  const gradient = hg.map((h, i) => (at([[i, h]]) - at([[i, -h]])) / (2 * h));
  const hessian = theta.map(() => new Array<number>(d).fill(0));
  // Indices below d = theta.length, the size of every array here.
  for (let i = 0; i < d; i++) {
    const hi = hh[i]!;
    hessian[i]![i] = (at([[i, 2 * hi]]) - 2 * value + at([[i, -2 * hi]])) / (4 * hi * hi);
    for (let j = 0; j < i; j++) {
      const hj = hh[j]!;
      const mixed =
        (at([
          [i, hi],
          [j, hj],
        ]) -
          at([
            [i, hi],
            [j, -hj],
          ]) -
          at([
            [i, -hi],
            [j, hj],
          ]) +
          at([
            [i, -hi],
            [j, -hj],
          ])) /
        (4 * hi * hj);
      hessian[i]![j] = mixed;
      hessian[j]![i] = mixed;
    }
  }
  return { gradient, hessian };
}

/**
 * The Hessian of f at a maximum for its bounds: a first pass with the default steps gives the
 * standard errors sᵢ = √((−H)⁻¹)ᵢᵢ; then central differences with steps hᵢ = sᵢ/100 and hᵢ/2,
 * combined by Richardson extrapolation, so that every difference stands far above the rounding
 * of f (a flat direction, such as a location with a wide bound, would otherwise be lost in it)
 * and the truncation error is O(h⁴).
 *
 * $$
 * H \approx \frac{4 H_{h/2} - H_h}{3}, \qquad h_i = \max\bigl(s_i / 100,\; 10^{-7} \max(1, |\theta_i|)\bigr)
 * $$
 *
 * @param f - the objective
 * @param theta - a maximiser of f
 * @param value - f(θ)
 * @returns the Hessian; the first pass's when it is not negative definite
 */
export function curvature(
  f: (theta: readonly number[]) => number,
  theta: readonly number[],
  value: number,
): number[][] {
  const first = derivatives(f, theta, value).hessian;
  const factor = cholesky(first.map((row) => row.map((x) => -x)));
  if (factor === undefined) return first;
  const inverse = choleskyInverse(factor);
  const steps = theta.map((x, i) =>
    Math.max(Math.sqrt(inverse[i]![i]!) / 100, 1e-7 * Math.max(1, Math.abs(x))),
  );
  const coarse = derivatives(f, theta, value, steps).hessian;
  const fine = derivatives(
    f,
    theta,
    value,
    steps.map((h) => h / 2),
  ).hessian;
  return fine.map((row, i) => row.map((x, j) => (4 * x - coarse[i]![j]!) / 3));
}
