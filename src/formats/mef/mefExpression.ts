import type { ModelIssue } from '../../errors.js';
import { issueAt, tagOf } from './located.js';
import type { Definition, MefScope } from './mefScope.js';
import {
  add,
  call,
  constant,
  divide,
  multiply,
  named,
  negate,
  subtract,
  type Term,
} from './term.js';
import type { XmlElement } from './xmlTree.js';

/** The relkit parameter that stands for MEF's `<system-mission-time/>`. */
export const MISSION_TIME_PARAMETER = 'system_mission_time';

/** What translating expressions needs: names, and where to report. */
export interface ExpressionContext {
  readonly scope: MefScope;
  /** The relkit name of every parameter definition. */
  readonly names: ReadonlyMap<Definition, string>;
  readonly issues: ModelIssue[];
  /** Set when an expression used the mission time (so the model must define it). */
  missionTimeUsed: boolean;
}

/** xsd:double as MEF writes floats, without INF and NaN (relkit takes finite numbers only). */
const FLOAT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;
const BOOLEANS: ReadonlyMap<string, number> = new Map([
  ['true', 1],
  ['1', 1],
  ['false', 0],
  ['0', 0],
]);

type Operation = {
  readonly arity: readonly [number, number];
  readonly apply: (...args: Term[]) => Term;
};

const unary = (
  name: 'abs' | 'ceil' | 'cos' | 'exp' | 'floor' | 'log' | 'log10' | 'sin' | 'sqrt' | 'tan',
): Operation => ({ arity: [1, 1], apply: (a) => call(name, a) });
const ANY = Number.POSITIVE_INFINITY;

/**
 * MEF expressions relkit writes as its own: arithmetic, the built-in probabilities and the
 * random deviates, the latter as their means (SCRAM's point value: src/expression/random_deviate.h).
 */
const OPERATIONS: Readonly<Record<string, Operation>> = {
  neg: { arity: [1, 1], apply: negate },
  add: { arity: [1, ANY], apply: (...args) => args.reduce(add) },
  sub: { arity: [1, ANY], apply: (...args) => args.reduce(subtract) },
  mul: { arity: [1, ANY], apply: (...args) => args.reduce(multiply) },
  div: { arity: [1, ANY], apply: (...args) => args.reduce(divide) },
  mean: { arity: [1, ANY], apply: (...args) => divide(args.reduce(add), constant(args.length)) },
  pow: { arity: [2, 2], apply: (a, b) => call('pow', a, b) },
  min: { arity: [1, ANY], apply: (...args) => call('min', ...args) },
  max: { arity: [1, ANY], apply: (...args) => call('max', ...args) },
  abs: unary('abs'), ceil: unary('ceil'), cos: unary('cos'), exp: unary('exp'),
  floor: unary('floor'), log: unary('log'), log10: unary('log10'), sin: unary('sin'),
  sqrt: unary('sqrt'), tan: unary('tan'),
  exponential: { arity: [2, 2], apply: (rate, time) => exponentialProbability(rate, time) },
  GLM: { arity: [4, 4], apply: (gamma, rate, repair, time) => glmProbability(gamma, rate, repair, time) },
  Weibull: { arity: [4, 4], apply: (scale, shape, location, time) => weibullProbability(scale, shape, location, time) },
  'uniform-deviate': { arity: [2, 2], apply: (low, high) => divide(add(low, high), constant(2)) },
  'normal-deviate': { arity: [2, 2], apply: (mean) => mean },
  // (mean, error factor, level): the mean; (μ, σ) of the underlying normal: exp(μ + σ²/2).
  'lognormal-deviate': { arity: [2, 3], apply: (a, b, level) => level ? a : call('exp', add(a, divide(multiply(b, b), constant(2)))) },
  'gamma-deviate': { arity: [2, 2], apply: (k, theta) => multiply(k, theta) },
  'beta-deviate': { arity: [2, 2], apply: (a, b) => divide(a, add(a, b)) },
}; // prettier-ignore

/** MEF expressions relkit cannot write, with why. */
const REFUSED: ReadonlyMap<string, string> = new Map([
  ...['acos', 'asin', 'atan', 'cosh', 'sinh', 'tanh', 'mod'].map(
    (name) => [name, `relkit expressions have no ${name}`] as const,
  ),
  ...['not', 'and', 'or', 'eq', 'df', 'lt', 'gt', 'leq', 'geq', 'ite', 'switch'].map(
    (name) =>
      [name, 'relkit expressions are numeric: no Boolean or conditional expression'] as const,
  ),
  [
    'periodic-test',
    'relkit has no periodically tested basic event; give its probability or rates instead',
  ],
  ['extern-function', 'relkit calls no external function'],
  ['test-initiating-event', 'relkit reads no event tree, so there is no initiating event to test'],
  ['test-functional-event', 'relkit reads no event tree, so there is no functional event to test'],
]);

/**
 * Translates a MEF expression element into a relkit number or expression text: constants,
 * parameters (by their relkit names), the mission time (as {@link MISSION_TIME_PARAMETER}),
 * arithmetic, `exponential`, `GLM` and `Weibull` as their probability at their time argument,
 * and random deviates as their means. Constant parts are computed.
 *
 * @param basePath - the fault tree and components the expression sits in, for names
 * @returns the term, or undefined after pushing located issues to `context.issues`
 */
export function translateExpression(
  element: XmlElement,
  basePath: string,
  context: ExpressionContext,
): Term | undefined {
  const fail = (message: string): undefined => {
    context.issues.push(issueAt(element.at, `${tagOf(element)}: ${message}`));
    return undefined;
  };
  const { name } = element;
  if (name === 'float' || name === 'int') {
    const text = element.attributes.get('value')?.trim();
    const pattern = name === 'float' ? FLOAT : INTEGER;
    if (text === undefined || !pattern.test(text) || !Number.isFinite(Number(text))) {
      return fail(
        `value must be a finite ${name === 'float' ? 'number' : 'integer'}; got ${JSON.stringify(text ?? null)}`,
      );
    }
    return constant(Number(text));
  }
  if (name === 'bool') {
    const value = BOOLEANS.get(element.attributes.get('value')?.trim() ?? '');
    return value === undefined ? fail('value must be true or false') : constant(value);
  }
  if (name === 'pi') return constant(Math.PI);
  if (name === 'system-mission-time' || name === 'mission-time') {
    context.missionTimeUsed = true;
    return named(MISSION_TIME_PARAMETER);
  }
  if (name === 'parameter') {
    const parameter = resolveParameter(element, basePath, context);
    return parameter && named(context.names.get(parameter) ?? parameter.name);
  }
  if (name === 'histogram') return histogramMean(element, basePath, context);
  const refused = REFUSED.get(name);
  if (refused) return fail(`is not supported: ${refused}`);
  // An own property only: an element named `constructor` is no operation.
  const operation = Object.hasOwn(OPERATIONS, name) ? OPERATIONS[name] : undefined;
  if (!operation) return fail('is not a MEF expression element');
  const [least, most] = operation.arity;
  const count = element.children.length;
  if (count < least || count > most) {
    const expected =
      least === most ? `${least}` : most === ANY ? `at least ${least}` : `${least} to ${most}`;
    return fail(`takes ${expected} argument${expected === '1' ? '' : 's'}; got ${count}`);
  }
  const args = element.children.map((child) => translateExpression(child, basePath, context));
  const terms = args.filter((arg) => arg !== undefined);
  if (terms.length < args.length) return undefined;
  const result = operation.apply(...terms);
  if ('value' in result && !Number.isFinite(result.value)) {
    return fail(`evaluates to ${result.value}; relkit takes finite numbers only`);
  }
  return result;
}

/**
 * Whether an expression is the mission time: `<system-mission-time/>`, or a parameter defined
 * as it (through any chain of parameters).
 */
export function isMissionTime(
  element: XmlElement,
  basePath: string,
  context: ExpressionContext,
): boolean {
  const seen = new Set<Definition>();
  let current: XmlElement | undefined = element;
  let path = basePath;
  while (current?.name === 'parameter') {
    const found = context.scope.resolve(current.attributes.get('name') ?? '', path, ['parameter']);
    if (!('kind' in found) || seen.has(found)) return false;
    seen.add(found);
    [current] = found.element.children.filter(
      (child) => child.name !== 'label' && child.name !== 'attributes',
    );
    path = found.basePath;
  }
  return current?.name === 'system-mission-time' || current?.name === 'mission-time';
}

/** P = 1 − exp(−λt), written with expm1 to keep its digits when λt is small. */
export function exponentialProbability(rate: Term, time: Term): Term {
  return negate(call('expm1', negate(multiply(rate, time))));
}

/** P = γ + (λ/(λ+μ) − γ)(1 − exp(−(λ+μ)t)): SCRAM's GLM (src/expression/exponential.cc). */
export function glmProbability(gamma: Term, rate: Term, repair: Term, time: Term): Term {
  const total = add(rate, repair);
  const approach = exponentialProbability(total, time);
  return add(gamma, multiply(subtract(divide(rate, total), gamma), approach));
}

/** P = 1 − exp(−(max(t − t₀, 0)/α)^β): SCRAM's Weibull, 0 until t₀. */
export function weibullProbability(scale: Term, shape: Term, location: Term, time: Term): Term {
  const age = call('max', subtract(time, location), constant(0));
  return negate(call('expm1', negate(call('pow', divide(age, scale), shape))));
}

function resolveParameter(
  element: XmlElement,
  basePath: string,
  context: ExpressionContext,
): Definition | undefined {
  const reference = element.attributes.get('name');
  if (reference === undefined) {
    context.issues.push(issueAt(element.at, '<parameter> must have a name'));
    return undefined;
  }
  const found = context.scope.resolve(reference, basePath, ['parameter']);
  if ('kind' in found) return found;
  context.issues.push(issueAt(element.at, `${tagOf(element)}: "${reference}" ${found.problem}`));
  return undefined;
}

/** The mean of a histogram: Σ (bᵢ₋₁ + bᵢ)wᵢ / (2 Σ wᵢ), as SCRAM's Histogram::value. */
function histogramMean(
  element: XmlElement,
  basePath: string,
  context: ExpressionContext,
): Term | undefined {
  const [first, ...bins] = element.children;
  const bad = bins.find((bin) => bin.name !== 'bin' || bin.children.length !== 2);
  if (!first || bins.length === 0 || bad) {
    context.issues.push(
      issueAt(
        (bad ?? element).at,
        `${tagOf(element)}: takes a lower bound then <bin> elements of two expressions each (upper bound, weight)`,
      ),
    );
    return undefined;
  }
  let lower = translateExpression(first, basePath, context);
  let weighted: Term = constant(0);
  let weights: Term = constant(0);
  for (const bin of bins) {
    const [upper, weight] = bin.children.map((child) =>
      translateExpression(child, basePath, context),
    );
    if (!lower || !upper || !weight) {
      lower = undefined;
      continue;
    }
    weighted = add(weighted, multiply(add(lower, upper), weight));
    weights = add(weights, weight);
    lower = upper;
  }
  return lower && divide(weighted, multiply(constant(2), weights));
}
