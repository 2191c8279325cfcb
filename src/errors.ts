/**
 * Error classes and the helpers that build every message.
 *
 * Message shape (STYLE.md §7): `<where>: <what> must <expectation>; got <value>`, lowercase, no
 * final period, the offending value echoed as the user wrote it.
 */

/** A parameter of a function or distribution is outside its allowed range. */
export class ParameterError extends RangeError {
  override readonly name: string = 'ParameterError';
  /** The function or distribution that refused the value, such as `weibull`. */
  readonly where: string;
  /** The parameter as the caller named it, such as `shape`. */
  readonly parameter: string;
  /** What the value must be, such as `be a finite number > 0`. */
  readonly expectation: string;
  /** The value that was refused. */
  readonly value: unknown;

  constructor(where: string, parameter: string, expectation: string, value: unknown) {
    super(`${where}: ${parameter} must ${expectation}; got ${formatValue(value)}`);
    this.where = where;
    this.parameter = parameter;
    this.expectation = expectation;
    this.value = value;
  }
}

/** An iterative method stopped before meeting its tolerance; no answer is returned. */
export class ConvergenceError extends Error {
  override readonly name: string = 'ConvergenceError';
  readonly iterations: number;
  readonly residual: number;

  constructor(where: string, iterations: number, residual: number, tolerance: number) {
    super(
      `${where}: did not converge within ${iterations} iterations; residual ${residual} > tolerance ${tolerance}`,
    );
    this.iterations = iterations;
    this.residual = residual;
  }
}

/**
 * A simulation would exceed, or has exceeded, its work budget (`maxEvents`); nothing is returned.
 * The message says what the run would cost and what lowers or raises the budget.
 */
export class WorkBudgetError extends Error {
  override readonly name: string = 'WorkBudgetError';
}

/** One problem found in a model file, located by file, line, column and path. */
export interface ModelIssue {
  /** The file name as given, or `<input>` for text or objects passed directly. */
  readonly file: string;
  /** 1-based line, when the model came from text. */
  readonly line?: number;
  /** 1-based column, when the model came from text. */
  readonly column?: number;
  /** Dotted path of the offending value, such as `components.cpu.repair.mean`. */
  readonly path: string;
  /** What was expected and what was found. */
  readonly message: string;
}

/** A model file is invalid; carries every issue found, not only the first. */
export class ModelError extends Error {
  override readonly name: string = 'ModelError';
  readonly issues: readonly ModelIssue[];

  constructor(issues: readonly ModelIssue[]) {
    super(issues.map(formatModelIssue).join('\n'));
    this.issues = issues;
  }
}

/** A solver cannot solve this model exactly; says why and which command can. */
export class UnsupportedModelError extends Error {
  override readonly name: string = 'UnsupportedModelError';
  readonly solver: string;
  readonly reason: string;
  readonly suggestion: string;

  constructor(solver: string, reason: string, suggestion: string) {
    super(`${solver}: ${reason}; ${suggestion}`);
    this.solver = solver;
    this.reason = reason;
    this.suggestion = suggestion;
  }
}

/** Formats one issue as `file:line:column: path message`. */
export function formatModelIssue(issue: ModelIssue): string {
  const location = [issue.file, issue.line, issue.column].filter((x) => x !== undefined).join(':');
  const path = issue.path === '' ? '' : `${issue.path} `;
  return `${location}: ${path}${issue.message}`;
}

/**
 * A word with its indefinite article, for messages that name a law or a model by its written
 * name: `an exponential`, `an erlang`, `a weibull`, `a uniform`.
 */
export function withArticle(word: string): string {
  const vowelSound = /^[aeio]/i.test(word) || (/^u/i.test(word) && !/^u(ni|s|t)/i.test(word));
  return `${vowelSound ? 'an' : 'a'} ${word}`;
}

/** Echoes a value the way the user wrote it: numbers plainly, strings quoted, objects as JSON. */
export function formatValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    return String(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'nothing';
  try {
    const json = JSON.stringify(value);
    return json.length > 80 ? `${json.slice(0, 77)}...` : json;
  } catch {
    return String(value);
  }
}

/** Names a message lists before saying how many more there are. */
const LISTED_NAMES = 10;

/**
 * Lists names for a message, `a, b, c`, at most 10 of them then `and 99990 more`, so that a
 * message stays short however many names a model defines (a model with 100 000 parameters and as
 * many mistakes would otherwise print 10^10 names). Reads only the first 10 of `names`.
 *
 * @param names - the names, in the order to list them
 * @param count - how many names there are in all
 */
export function listNames(names: Iterable<string>, count: number): string {
  const shown: string[] = [];
  for (const name of names) {
    if (shown.length === LISTED_NAMES) break;
    shown.push(name);
  }
  const more = count - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

/**
 * Returns `value` when it is a finite number greater than 0.
 *
 * @throws {@link ParameterError} when it is not.
 */
export function checkPositive(where: string, parameter: string, value: number): number {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new ParameterError(where, parameter, 'be a finite number > 0', value);
  }
  return value;
}

/**
 * Returns `value` when it is a finite number greater than 0 whose reciprocal is finite too (a
 * mean that becomes a rate, or a rate that becomes a mean): not below about 5.6e-309.
 *
 * @throws {@link ParameterError} when it is not.
 */
export function checkPositiveReciprocal(where: string, parameter: string, value: number): number {
  checkPositive(where, parameter, value);
  if (!Number.isFinite(1 / value)) {
    throw new ParameterError(
      where,
      parameter,
      'be at least 5.6e-309, so that its reciprocal is finite',
      value,
    );
  }
  return value;
}

/**
 * Returns `value` when it is a finite number greater than or equal to 0.
 *
 * @throws {@link ParameterError} when it is not.
 */
export function checkNonNegative(where: string, parameter: string, value: number): number {
  if (!(Number.isFinite(value) && value >= 0)) {
    throw new ParameterError(where, parameter, 'be a finite number >= 0', value);
  }
  return value;
}

/**
 * Returns `value` when it is a finite number (any sign).
 *
 * @throws {@link ParameterError} when it is not.
 */
export function checkFinite(where: string, parameter: string, value: number): number {
  if (!Number.isFinite(value)) {
    throw new ParameterError(where, parameter, 'be a finite number', value);
  }
  return value;
}

/**
 * Returns `value` when it is a probability in [0, 1].
 *
 * @throws {@link ParameterError} when it is not.
 */
export function checkProbability(where: string, parameter: string, value: number): number {
  if (!(value >= 0 && value <= 1)) {
    throw new ParameterError(where, parameter, 'be a probability in [0, 1]', value);
  }
  return value;
}

/**
 * Returns `value` when it is an integer in [min, max].
 *
 * @throws {@link ParameterError} when it is not.
 */
export function checkInteger(
  where: string,
  parameter: string,
  value: number,
  min: number,
  max: number = Number.MAX_SAFE_INTEGER,
): number {
  if (!(Number.isInteger(value) && value >= min && value <= max)) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in [${min}, ${max}]`;
    throw new ParameterError(where, parameter, `be an integer ${range}`, value);
  }
  return value;
}
