import { checkInteger, checkPositive, ModelError, ParameterError } from '../errors.js';
import type { ModelTemplate } from '../model/loadModel.js';
import type { Model } from '../model/Model.js';
import type { Estimate, Result, Scalar } from '../model/Result.js';
import { minimizeScalar } from '../numeric/minimizeScalar.js';
import { simulate } from '../sim/simulate.js';
import type { SimulateOptions, SimulationResult } from '../sim/types.js';
import { feasibleIntervals } from './feasibleIntervals.js';
import { readScalarMeasure, scalarValue } from './scalarMeasure.js';
import { solveWith, type ExactMethod, type ExactOptions } from './solveWith.js';
import { sweepParameter } from './sweepParameter.js';
import { systemView } from '../model/systemView.js';

/** A bound on a second measure: the optimum must satisfy min ≤ measure ≤ max. */
export interface OptimizeConstraint {
  /** A scalar measure of the result, such as `steadyUnavailability`. */
  readonly measure: string;
  /** Largest value allowed. At least one of `max` and `min` is given. */
  readonly max?: number;
  /** Smallest value allowed. */
  readonly min?: number;
}

/** Options of {@link optimizeParameter}. */
export interface OptimizeOptions {
  /** The parameter to vary: a parameter of the model (a derived one too). */
  readonly parameter: string;
  /** Lower end of the range searched, finite. */
  readonly lo: number;
  /** Upper end of the range searched, finite and > lo. */
  readonly hi: number;
  /**
   * The measure to optimise: a name of {@link Measures} whose value is a scalar (a number, or a
   * simulated {@link Estimate}), such as `mttf` or `steadyUnavailability`.
   */
  readonly measure: string;
  /** Whether the measure is to be made least or greatest. */
  readonly goal: 'minimize' | 'maximize';
  /**
   * `exact`: each point solved by {@link solveWith}; `simulate`: each point simulated with the
   * same seed (common random numbers).
   * @defaultValue `exact`
   */
  readonly method?: 'exact' | 'simulate';
  /** Values replacing the file's for the other parameters. @defaultValue none */
  readonly overrides?: Readonly<Record<string, number>>;
  /**
   * The system function studied, for a model with several (`systems:`, `quorum:`); required for
   * such a model, which is otherwise refused.
   */
  readonly system?: string;
  /** The exact method of each point. @defaultValue `auto` */
  readonly exactMethod?: ExactMethod;
  /** Options of each exact solve (times, horizon, budgets). @defaultValue none */
  readonly exact?: ExactOptions;
  /** Options of each simulation (replications, seed, horizon, ...). @defaultValue simulate's */
  readonly simulation?: SimulateOptions;
  /** A bound on another measure that the optimum must satisfy. @defaultValue none */
  readonly subjectTo?: OptimizeConstraint;
  /**
   * Relative tolerance on the argument (of the Brent search and of each constraint boundary).
   * @defaultValue 1e-8 for `exact` (the value is then exact to about 1e-15 relative at a smooth
   * interior optimum), 1e-3 for `simulate` (finer steps only chase the noise)
   */
  readonly tolerance?: number;
  /**
   * Points of the initial grid over [lo, hi] ends included, integer in [3, 1001].
   * @defaultValue 17
   */
  readonly gridPoints?: number;
  /**
   * `log`: the grid is geometric and Brent's method searches ln x, for a range over decades
   * (lo > 0); `linear`: evenly spaced, searching x; `integer`: every whole value from lo to hi
   * (both whole, at most 1001 values) is evaluated and the best is the optimum, for a parameter
   * that only takes whole values (a stock of spares, a number of crews); `gridPoints` and
   * `tolerance` do not apply.
   * @defaultValue `linear`
   */
  readonly scale?: 'linear' | 'log' | 'integer';
}

/** One evaluated point: the parameter value, the measure there, and the constrained measure. */
export interface OptimizePoint {
  readonly x: number;
  readonly value: Scalar;
  readonly constraint?: Scalar;
}

/** What became of a constraint. */
export interface ConstraintOutcome extends OptimizeConstraint {
  /** Whether any value of the range satisfies it. */
  readonly feasible: boolean;
  /** The parameter sub-intervals found to satisfy it (ends located to the tolerance). */
  readonly intervals: readonly (readonly [number, number])[];
  /** The constrained measure at the optimum (when feasible). */
  readonly value?: Scalar;
  /** Whether the optimum lies on the boundary of a feasible interval inside the range. */
  readonly active?: boolean;
  /** When infeasible: the point that comes closest, and the constrained measure there. */
  readonly closest?: { readonly x: number; readonly value: Scalar };
}

/** How a simulated optimum was found and how sharply it is located. */
export interface SimulationOptimum {
  readonly replications: number;
  readonly seed: number;
  /** The method, in words. */
  readonly method: string;
  /**
   * The smallest interval holding every evaluated parameter value whose 95 % interval of the
   * measure overlaps the optimum's: values not shown worse than the optimum.
   */
  readonly indistinguishable?: readonly [number, number];
}

/** The result of {@link optimizeParameter}: JSON-ready. */
export interface OptimizeResult {
  readonly parameter: string;
  readonly measure: string;
  readonly method: 'exact' | 'simulate';
  readonly goal: 'minimize' | 'maximize';
  readonly range: readonly [number, number];
  /** Where the measure is least (goal `minimize`; absent when infeasible). */
  readonly argmin?: number;
  /** The least value: a number, or the simulated estimate at argmin. */
  readonly minimum?: Scalar;
  /** Where the measure is greatest (goal `maximize`; absent when infeasible). */
  readonly argmax?: number;
  /** The greatest value: a number, or the simulated estimate at argmax. */
  readonly maximum?: Scalar;
  /** Models solved (or simulated): distinct parameter values evaluated. */
  readonly evaluations: number;
  /** The solver of the optimum point: `analytic`, `markov` or `simulation`. */
  readonly solver?: Result['method'];
  readonly subjectTo?: ConstraintOutcome;
  readonly simulation?: SimulationOptimum;
  /** Every point evaluated, sorted by x: the grid, the search and the boundary bisections. */
  readonly points: readonly OptimizePoint[];
  /** Optimum at a bound of the range, several local optima or a flat measure, and the like. */
  readonly warnings: readonly string[];
}

const WHERE = 'optimizeParameter';
const DEFAULT_GRID_POINTS = 17;
/** Relative spread of the grid values below which an exact measure is called flat. */
const FLAT = 1e-9;

/** One solved point, with the objective in minimising form. */
interface Evaluated extends OptimizePoint {
  readonly result: Result;
  /** The measure's value, negated when maximising. */
  readonly objective: number;
  /** ≥ 0 when the constraint holds. */
  readonly slack: number;
}

/**
 * Returns the value of one parameter, within [lo, hi], at which a scalar measure of the model is
 * least or greatest, optionally subject to a bound on a second measure; exactly, or by simulation
 * with common random numbers.
 *
 * $$
 * x^{*} = \operatorname*{arg\,min}_{lo \le x \le hi,\; m \le c(x) \le M} \pm f(x),
 * \qquad f(x) = \text{measure of } M(\theta_{-i}, \theta_i = x)
 * $$
 *
 * - f: the measure, c: the constrained measure with bounds m (`min`) and M (`max`); the sign is
 *   − to maximise; θ_{-i}: the file's values, or `overrides`
 *
 * @param template - the model, parsed once (`parseModel`)
 * @param options - the parameter and its range, the measure, the goal, the method, the
 * constraint and tolerances (see {@link OptimizeOptions})
 * @returns the optimum (`argmin`/`minimum` or `argmax`/`maximum`), the evaluations, every point
 * evaluated and warnings; with a constraint, its feasible intervals, or `feasible: false` and the
 * closest point when none satisfies it
 * @throws {@link ParameterError} for an unknown parameter (naming the model's), an empty range,
 * bad options, or a measure that is not a scalar of the result (naming those that are, and
 * quoting the result's warnings that say why a measure is absent)
 * @throws {@link ModelError} when the model is invalid at a value of the range (the value is in
 * the message); whatever the solver throws
 *
 * @remarks
 * Method: f on an evenly spaced (or, with `scale: 'log'`, geometric) grid of `gridPoints`
 * values (17) brackets every local minimum
 * of the grid; Brent's method ({@link minimizeScalar}) refines each bracket and the best is kept.
 * With a constraint, the grid's feasible runs are widened to their boundaries by bisection and f
 * is minimised within each feasible interval, so a constrained optimum can sit on a boundary
 * (`active`). Warnings say when the optimum is at lo or hi (it may lie beyond), when the grid
 * shows several local optima, and when the measure is flat on the grid. A local optimum between
 * two grid points that the grid does not reveal can be missed: the grid is the only global step.
 * With `scale: 'integer'` the grid is every whole value of the range and nothing is refined: the
 * optimum is the best feasible whole value, and a feasible interval is a run of feasible values.
 *
 * `simulate` evaluates every point with the same seed, so the points share their random numbers
 * (common random numbers): the simulated f is then a nearly smooth, deterministic function of x
 * (a sample average approximation), and the same grid-then-Brent search applies to it. The
 * optimum's estimate comes with its 95 % interval, and `simulation.indistinguishable` bounds the
 * values whose intervals overlap it. Cost: about gridPoints + 20 solves per local optimum,
 * plus about 30 per constraint boundary (exact), each one {@link solveWith} or {@link simulate}.
 *
 * @see R. P. Brent, Algorithms for Minimization without Derivatives, Prentice-Hall, 1973, ch. 5;
 * A. J. Kleywegt, A. Shapiro, T. Homem-de-Mello, "The sample average approximation method for
 * stochastic discrete optimization", SIAM J. Optim. 12(2), 2002, 479–502; A. M. Law, Simulation
 * Modeling and Analysis, 5th ed., McGraw-Hill, 2015, §11.2 (common random numbers).
 *
 * @example
 * ```ts
 * // Two units in series whose lives trade off: MTTF = 1/(1/x + x/1000), greatest at x = √1000.
 * const template = parseModel('name: trade\nparameters: { x: 10 }\ncomponents:\n  a: { failure: { mtbf: x } }\n  b: { failure: { mtbf: 1000 / x } }\nsystem: { series: [a, b] }');
 * const best = optimizeParameter(template, { parameter: 'x', lo: 1, hi: 100, measure: 'mttf', goal: 'maximize' });
 * best.argmax; // → ~31.62278
 * best.maximum; // → ~15.8113883
 * ```
 */
export function optimizeParameter(
  template: ModelTemplate,
  options: OptimizeOptions,
): OptimizeResult {
  const settings = checkOptions(options);
  const { parameter, lo, hi, measure, goal, method, subjectTo, tolerance } = settings;
  const sign = goal === 'maximize' ? -1 : 1;
  const solveOne = solverOf(options, settings);
  // Proof tests and block replacement at fixed epochs make a mission measure jump wherever the
  // number of epochs in the mission changes.
  let scheduled = false;
  const solve = (model: Model): Result => {
    scheduled ||= model.components.some(
      (component) => component.inspection || component.preventive?.policy === 'block',
    );
    return solveOne(model);
  };
  const seen = new Map<number, Evaluated>();
  const evaluate = (x: number): Evaluated => {
    const known = seen.get(x);
    if (known) return known;
    const [result] = sweepParameter(template, parameter, [x], solve, {
      ...(options.overrides && { overrides: options.overrides }),
      onInvalid: (error, value) => {
        throw invalidAt(error, parameter, value, lo, hi);
      },
    });
    const context = `at ${parameter} = ${x}`;
    const value = readScalarMeasure(WHERE, result!, measure, context);
    const constraint = subjectTo && readScalarMeasure(WHERE, result!, subjectTo.measure, context);
    const point: Evaluated = {
      x,
      value,
      ...(constraint !== undefined && { constraint }),
      result: result!,
      objective: sign * scalarValue(value),
      slack: constraint === undefined ? 0 : slackOf(subjectTo!, scalarValue(constraint)),
    };
    seen.set(x, point);
    return point;
  };
  const objective = (x: number): number => evaluate(x).objective;
  const whole = settings.scale === 'integer';
  const width = (x: number): number =>
    whole ? 0 : tolerance * Math.abs(x) + (method === 'exact' ? 1e-12 : tolerance) * (hi - lo);
  const axis = axisOf(settings);

  const grid = gridOf(settings).map(evaluate);
  const warnings: string[] = gridWarnings(grid, settings);
  if (scheduled) {
    warnings.push(
      'the model has proof tests or block replacement at fixed epochs: measures over the mission jump wherever the number of epochs in it changes, so the optimum found may be one of many local ones; look at the points, or search between two jumps',
    );
  }

  let intervals: [number, number][] = [[lo, hi]];
  if (subjectTo && whole) {
    intervals = feasibleRuns(grid);
    if (intervals.length === 0) return infeasible(settings, seen, warnings);
  } else if (subjectTo) {
    const slack = (x: number): number => evaluate(x).slack;
    let points = grid;
    if (!grid.some((p) => p.slack >= 0)) {
      // A feasible stretch narrower than the grid step shows as a local maximum of the slack.
      const closest = refine(grid, (x) => -slack(x), axis);
      points = [...grid, evaluate(closest)].sort((a, b) => a.x - b.x);
    }
    intervals = feasibleIntervals(points, slack, width);
    if (intervals.length === 0) return infeasible(settings, seen, warnings);
  }

  let best: Evaluated | undefined;
  for (const [a, b] of intervals) {
    const inside = [...seen.values()].filter((p) => p.x >= a && p.x <= b).sort((p, q) => p.x - q.x);
    const x = whole
      ? inside.reduce((p, q) => (q.objective < p.objective ? q : p)).x
      : refine(inside, objective, axis);
    const candidate = evaluate(x);
    if (!best || candidate.objective < best.objective) best = candidate;
  }
  const optimum = best!;
  warnings.push(...optimumWarnings(optimum, settings, width));
  const active =
    subjectTo !== undefined &&
    intervals.some(([a, b]) => (optimum.x === a && a > lo) || (optimum.x === b && b < hi));
  const [argKey, valueKey] = goal === 'minimize' ? ['argmin', 'minimum'] : ['argmax', 'maximum'];
  return {
    parameter,
    measure,
    method,
    goal,
    range: [lo, hi],
    [argKey]: optimum.x,
    [valueKey]: optimum.value,
    evaluations: seen.size,
    solver: optimum.result.method,
    ...(subjectTo && {
      subjectTo: {
        ...subjectTo,
        feasible: true,
        intervals,
        value: optimum.constraint!,
        active,
      },
    }),
    ...simulationFacts(settings, optimum, seen),
    points: pointsOf(seen),
    warnings,
  };
}

/** The result when no value of the range satisfies the constraint: the closest point. */
function infeasible(
  settings: Settings,
  seen: ReadonlyMap<number, Evaluated>,
  warnings: readonly string[],
): OptimizeResult {
  const { parameter, measure, method, goal, lo, hi } = settings;
  const subjectTo = settings.subjectTo!; // called only with a constraint
  const closest = [...seen.values()].reduce((a, b) => (b.slack > a.slack ? b : a));
  return {
    parameter,
    measure,
    method,
    goal,
    range: [lo, hi],
    evaluations: seen.size,
    subjectTo: {
      ...subjectTo,
      feasible: false,
      intervals: [],
      closest: { x: closest.x, value: closest.constraint! },
    },
    ...simulationFacts(settings, undefined, seen),
    points: pointsOf(seen),
    warnings: [
      `no value of ${parameter} in [${lo}, ${hi}] found to satisfy ${describe(subjectTo)}: the closest is ${subjectTo.measure} = ${formatScalar(closest.constraint!)} at ${parameter} = ${closest.x}`,
      ...warnings,
    ],
  };
}

/** The options, checked, with their defaults. */
interface Settings {
  readonly parameter: string;
  readonly lo: number;
  readonly hi: number;
  readonly measure: string;
  readonly goal: 'minimize' | 'maximize';
  readonly method: 'exact' | 'simulate';
  readonly subjectTo: OptimizeConstraint | undefined;
  readonly tolerance: number;
  readonly gridPoints: number;
  readonly simulation: SimulateOptions;
  readonly scale: 'linear' | 'log' | 'integer';
}

function checkOptions(options: OptimizeOptions): Settings {
  const { parameter, lo, hi, measure, goal, subjectTo } = options;
  if (typeof parameter !== 'string' || parameter === '') {
    throw new ParameterError(WHERE, 'parameter', 'be a parameter name', parameter);
  }
  if (!Number.isFinite(lo)) throw new ParameterError(WHERE, 'lo', 'be finite', lo);
  if (!(Number.isFinite(hi) && hi > lo)) {
    throw new ParameterError(WHERE, 'hi', `be finite and > lo (${lo})`, hi);
  }
  if (typeof measure !== 'string' || measure === '') {
    throw new ParameterError(WHERE, 'measure', 'be a measure name', measure);
  }
  if (goal !== 'minimize' && goal !== 'maximize') {
    throw new ParameterError(WHERE, 'goal', 'be minimize or maximize', goal);
  }
  const method = options.method ?? 'exact';
  if (method !== 'exact' && method !== 'simulate') {
    throw new ParameterError(WHERE, 'method', 'be exact or simulate', method);
  }
  if (subjectTo) checkConstraint(subjectTo);
  const tolerance = checkPositive(
    WHERE,
    'tolerance',
    options.tolerance ?? (method === 'exact' ? 1e-8 : 1e-3),
  );
  const simulation = options.simulation ?? {};
  const scale = options.scale ?? 'linear';
  if (scale !== 'linear' && scale !== 'log' && scale !== 'integer') {
    throw new ParameterError(WHERE, 'scale', 'be linear, log or integer', scale);
  }
  if (scale === 'integer') {
    if (!Number.isInteger(lo))
      throw new ParameterError(WHERE, 'lo', 'be whole with scale integer', lo);
    if (!Number.isInteger(hi))
      throw new ParameterError(WHERE, 'hi', 'be whole with scale integer', hi);
    if (hi - lo > 1000) {
      throw new ParameterError(
        WHERE,
        'hi',
        `be ≤ lo + 1000 with scale integer (every whole value is evaluated)`,
        hi,
      );
    }
  }
  const gridPoints =
    scale === 'integer'
      ? hi - lo + 1
      : checkInteger(WHERE, 'gridPoints', options.gridPoints ?? DEFAULT_GRID_POINTS, 3, 1001);
  if (scale === 'log' && !(lo > 0)) {
    throw new ParameterError(WHERE, 'lo', 'be > 0 with scale log', lo);
  }
  return {
    scale,
    parameter,
    lo,
    hi,
    measure,
    goal,
    method,
    subjectTo,
    tolerance,
    gridPoints,
    simulation,
  };
}

function checkConstraint(constraint: OptimizeConstraint): void {
  const { measure, max, min } = constraint;
  if (typeof measure !== 'string' || measure === '') {
    throw new ParameterError(WHERE, 'subjectTo.measure', 'be a measure name', measure);
  }
  if (max === undefined && min === undefined) {
    throw new ParameterError(WHERE, 'subjectTo', 'give max or min', constraint);
  }
  for (const [name, bound] of [
    ['max', max],
    ['min', min],
  ] as const) {
    if (bound !== undefined && !Number.isFinite(bound)) {
      throw new ParameterError(WHERE, `subjectTo.${name}`, 'be finite', bound);
    }
  }
  if (max !== undefined && min !== undefined && min > max) {
    throw new ParameterError(WHERE, 'subjectTo.min', `be ≤ subjectTo.max (${max})`, min);
  }
}

/** The solver of one point: exact, or a simulation with the one seed (common random numbers). */
function solverOf(options: OptimizeOptions, settings: Settings): (model: Model) => Result {
  const solve =
    settings.method === 'exact'
      ? (model: Model) => solveWith(model, options.exactMethod ?? 'auto', options.exact ?? {})
      : (model: Model) => simulate(model, settings.simulation);
  return (model) => solve(studiedSystem(model, options.system));
}

/** The model of the system studied: `system` of a model with several, else the model itself. */
function studiedSystem(model: Model, system: string | undefined): Model {
  const names = model.systems?.map((entry) => entry.name);
  if (names === undefined) {
    if (system === undefined) return model;
    throw new ParameterError(WHERE, 'system', 'name a system of a model with several', system);
  }
  if (system === undefined || !names.includes(system)) {
    throw new ParameterError(
      WHERE,
      'system',
      `be one of the model's systems (${names.join(', ')})`,
      system ?? 'none',
    );
  }
  return systemView(model, system);
}

/** The grid: evenly spaced, geometric or every whole value from lo to hi, ends exact. */
function gridOf({ lo, hi, gridPoints, scale }: Settings): number[] {
  return Array.from({ length: gridPoints }, (_, i) => {
    if (scale === 'integer') return lo + i;
    if (i === gridPoints - 1) return hi;
    const f = i / (gridPoints - 1);
    return scale === 'log' ? lo * (hi / lo) ** f : lo + (hi - lo) * f;
  });
}

/** The coordinate Brent's method searches: x, or ln x; with its tolerances. */
interface Axis {
  readonly to: (x: number) => number;
  readonly from: (u: number) => number;
  readonly tolerance: number;
  readonly absoluteTolerance: number;
}

function axisOf({ lo, hi, scale, tolerance, method }: Settings): Axis {
  const absolute = method === 'exact' ? 1e-12 : tolerance;
  if (scale !== 'log') {
    return { to: (x) => x, from: (u) => u, tolerance, absoluteTolerance: absolute * (hi - lo) };
  }
  // exp(ln x) may miss x by an ulp: the points already evaluated map back exactly.
  const known = new Map<number, number>();
  return {
    to: (x) => {
      const u = Math.log(x);
      known.set(u, x);
      return u;
    },
    from: (u) => known.get(u) ?? Math.min(Math.max(Math.exp(u), lo), hi),
    tolerance,
    absoluteTolerance: absolute * Math.log(hi / lo),
  };
}

/**
 * The argument of the least `f` among the points, refined by Brent's method (on the axis's
 * coordinate) in the bracket of each local minimum of the points (their neighbours): the best of
 * the refined minima.
 */
function refine(
  points: readonly { readonly x: number }[],
  f: (x: number) => number,
  axis: Axis,
): number {
  const { to, from, tolerance, absoluteTolerance } = axis;
  let best: { x: number; y: number } | undefined;
  for (const i of localMinima(points.map((p) => f(p.x)))) {
    const left = points[Math.max(i - 1, 0)]!.x; // i is an index of points
    const right = points[Math.min(i + 1, points.length - 1)]!.x;
    if (left === right) {
      const y = f(left);
      if (!best || y < best.y) best = { x: left, y };
      continue;
    }
    const found = minimizeScalar((u) => f(from(u)), to(left), to(right), {
      tolerance,
      absoluteTolerance,
    });
    if (!best || found.minimum < best.y) best = { x: from(found.argmin), y: found.minimum };
  }
  return best!.x; // localMinima of a non-empty list is not empty
}

/**
 * The indices of the local minima of a sequence: lower than the point before (or first) and not
 * higher than the point after (or last). A flat stretch counts once, at its start.
 */
function localMinima(values: readonly number[]): number[] {
  return values.flatMap((y, i) =>
    (i === 0 || y < values[i - 1]!) && (i === values.length - 1 || y <= values[i + 1]!) ? [i] : [],
  );
}

function gridWarnings(grid: readonly Evaluated[], settings: Settings): string[] {
  const { parameter, measure, goal } = settings;
  const values = grid.map((p) => p.objective);
  const warnings: string[] = [];
  const extremes = goal === 'minimize' ? 'minima' : 'maxima';
  const locals = localMinima(values).filter((i) => i > 0 && i < values.length - 1);
  if (locals.length > 1) {
    const near = locals.map((i) => Number(grid[i]!.x.toPrecision(6))).join(', '); // i indexes grid
    warnings.push(
      settings.scale === 'integer'
        ? `${measure} has ${locals.length} local ${extremes} over the whole values of ${parameter} (at ${near}): every value was evaluated and the best kept`
        : `${measure} has ${locals.length} local ${extremes} on the ${grid.length}-point grid of ${parameter} (near ${near}): each was refined and the best kept; an optimum between grid points may be missed (use more grid points or a narrower range)`,
    );
  }
  if (isFlat(grid, settings.method)) {
    warnings.push(
      settings.method === 'exact'
        ? `${measure} is flat on the grid of ${parameter} (relative spread below ${FLAT}): the optimum is not identified, any value of the range does about as well`
        : `${measure} is not distinguishable across the grid of ${parameter} (every point's 95 % interval overlaps the best's): more replications are needed to locate the optimum`,
    );
  }
  return warnings;
}

function isFlat(grid: readonly Evaluated[], method: 'exact' | 'simulate'): boolean {
  if (method === 'simulate') {
    const best = grid.reduce((a, b) => (b.objective < a.objective ? b : a));
    return grid.every((p) => overlaps(p.value, best.value));
  }
  const values = grid.map((p) => p.objective);
  const spread = Math.max(...values) - Math.min(...values);
  const scale = Math.max(...values.map(Math.abs));
  return spread <= FLAT * scale;
}

function optimumWarnings(
  optimum: Evaluated,
  settings: Settings,
  width: (x: number) => number,
): string[] {
  const { parameter, measure, goal, lo, hi } = settings;
  const warnings: string[] = [];
  const falls = goal === 'minimize' ? 'falls' : 'rises';
  if (optimum.x - lo <= 4 * width(lo)) {
    warnings.push(
      `the optimum is at the lower bound ${parameter} = ${lo}: ${measure} ${falls} towards it, so the optimum over all values may lie below ${lo}`,
    );
  } else if (hi - optimum.x <= 4 * width(hi)) {
    warnings.push(
      `the optimum is at the upper bound ${parameter} = ${hi}: ${measure} ${falls} towards it, so the optimum over all values may lie above ${hi}`,
    );
  }
  const estimate = optimum.value;
  if (typeof estimate !== 'number' && estimate.inconclusive !== undefined) {
    warnings.push(`${measure} at the optimum is inconclusive: ${estimate.inconclusive}`);
  }
  const constraint = settings.subjectTo;
  if (settings.method === 'simulate' && constraint && optimum.constraint !== undefined) {
    const [low, high] = interval(optimum.constraint);
    const shown =
      (constraint.max === undefined || high <= constraint.max) &&
      (constraint.min === undefined || low >= constraint.min);
    warnings.push(
      `feasibility was judged on the simulated means of ${constraint.measure}: at the optimum it is ${formatScalar(optimum.constraint)}${shown ? '' : `, which does not establish ${describe(constraint)}`}`,
    );
  }
  return warnings;
}

/** The simulation facts of a simulated optimisation; nothing for an exact one. */
function simulationFacts(
  settings: Settings,
  optimum: Evaluated | undefined,
  seen: ReadonlyMap<number, Evaluated>,
): { simulation?: SimulationOptimum } {
  if (settings.method !== 'simulate') return {};
  // Every point ran with the same options: any result tells the replications and seed used.
  const [first] = seen.values();
  const { replications, seed } = first!.result as SimulationResult; // the grid was evaluated
  const close = [...seen.values()]
    .filter((p) => optimum && p.slack >= 0 && overlaps(p.value, optimum.value))
    .map((p) => p.x);
  return {
    simulation: {
      replications,
      seed,
      method: `simulation optimum with common random numbers: every point simulated with seed ${seed} and ${replications} replications (a sample average approximation), ${settings.scale === 'integer' ? `every whole value of ${settings.parameter} evaluated` : `searched on a ${settings.gridPoints}-point grid then by Brent's method`}; the optimum is the best of these sample averages, not of the exact measure`,
      // The optimum itself overlaps: close is not empty when there is one.
      ...(optimum && { indistinguishable: [Math.min(...close), Math.max(...close)] as const }),
    },
  };
}

/** Whether two scalars' 95 % intervals overlap (a number is its own interval). */
function overlaps(a: Scalar, b: Scalar): boolean {
  const [aLo, aHi] = interval(a);
  const [bLo, bHi] = interval(b);
  return aLo <= bHi && bLo <= aHi;
}

function interval(value: Scalar): readonly [number, number] {
  return typeof value === 'number' ? [value, value] : (value as Estimate).ci95;
}

function slackOf(constraint: OptimizeConstraint, value: number): number {
  const { max, min } = constraint;
  return Math.min(
    max === undefined ? Infinity : max - value,
    min === undefined ? Infinity : value - min,
  );
}

function describe(constraint: OptimizeConstraint): string {
  const { measure, max, min } = constraint;
  if (max !== undefined && min !== undefined) return `${min} ≤ ${measure} ≤ ${max}`;
  return max !== undefined ? `${measure} ≤ ${max}` : `${measure} ≥ ${min}`;
}

function formatScalar(value: Scalar): string {
  return typeof value === 'number'
    ? String(value)
    : `${value.mean} (95 % interval ${value.ci95[0]} to ${value.ci95[1]})`;
}

function pointsOf(seen: ReadonlyMap<number, Evaluated>): OptimizePoint[] {
  return [...seen.values()]
    .sort((a, b) => a.x - b.x)
    .map(({ x, value, constraint }) => ({
      x,
      value,
      ...(constraint !== undefined && { constraint }),
    }));
}

/**
 * The runs of consecutive feasible whole values, as [first, last] (the grid of an integer search
 * is every whole value, in order).
 */
function feasibleRuns(grid: readonly Evaluated[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const point of grid) {
    if (point.slack < 0) continue;
    const last = runs.at(-1);
    if (last && last[1] === point.x - 1) last[1] = point.x;
    else runs.push([point.x, point.x]);
  }
  return runs;
}

/** The model's issues at one value of the range, saying which, and what to do. */
function invalidAt(
  error: ModelError,
  parameter: string,
  value: number,
  lo: number,
  hi: number,
): ModelError {
  return new ModelError(
    error.issues.map((issue) => {
      const whole = !Number.isInteger(value) && /must be an integer/.test(issue.message);
      const advice = whole
        ? `${parameter} must be whole here: search its whole values only, with the integer scale (on the command line --param ${parameter}=LO:HI:int)`
        : 'narrow the range';
      return {
        ...issue,
        message: `${issue.message} (with ${parameter} = ${value}, in the range [${lo}, ${hi}] searched: ${advice})`,
      };
    }),
  );
}
