import { formatValue, listNames } from '../errors.js';
import {
  ExpressionError,
  RESERVED_NAMES,
  compileExpression,
  type Expression,
} from './expression.js';
import type { Numeric } from './schemaKit.js';
import type { Path, PathIssue } from './source.js';

/**
 * Turns an expression's text into its compiled form, or throws {@link ExpressionError}. A model
 * template holds one that remembers every text it compiled (and every refusal), so evaluating the
 * template again with other parameter values parses no expression twice.
 */
export type ExpressionCompiler = (source: string) => Expression;

/**
 * Returns a compiler that compiles each distinct text once and then answers from memory; a
 * refused text is refused again with the same error. Its memory holds at most the texts of one
 * model, whose size the model limits bound.
 */
export function rememberingCompiler(): ExpressionCompiler {
  const compiled = new Map<string, Expression | ExpressionError>();
  return (source) => {
    let entry = compiled.get(source);
    if (entry === undefined) {
      try {
        entry = compileExpression(source);
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error;
        entry = error;
      }
      compiled.set(source, entry);
    }
    if (entry instanceof ExpressionError) throw entry;
    return entry;
  };
}

/** Evaluated parameter values by name, and the parameters whose definition failed. */
export interface ParameterValues {
  /** The value of each parameter evaluated, in file order. */
  readonly values: ReadonlyMap<string, number>;
  /**
   * Parameters of the file without a value because their own definition failed, already
   * reported: an expression that uses one fails without a second message.
   */
  readonly failed: ReadonlySet<string>;
  /** Compiles the expressions of the model's other fields. */
  readonly compile: ExpressionCompiler;
}

/**
 * Evaluates the `parameters` section: each entry is a number or an expression over other
 * parameters, in any order. Unknown names, reserved names, cycles (reported as `a → b → a`)
 * and non-finite results are issues at the parameter's path. Names are looked up as map keys
 * only, so `constructor` or `__proto__` is a name like any other, never a property of an object.
 *
 * @param raw - the entries, in file order
 * @param rejected - parameters of the file refused before (already reported): using one is
 * silent
 * @param compile - compiles each expression (a remembering one when the model is evaluated often)
 *
 * @remarks Depth-first over the uses, with an explicit stack rather than recursion, so a chain
 * of 100 000 parameters each using the next neither overflows the stack nor copies its path:
 * O(parameters + uses), each expression evaluated once.
 */
export function evaluateParameters(
  raw: ReadonlyMap<string, Numeric>,
  rejected: ReadonlySet<string>,
  issues: PathIssue[],
  compile: ExpressionCompiler,
): ParameterValues {
  const values = new Map<string, number>();
  const expressions = new Map<string, Expression>();
  const failed = new Set<string>(rejected);
  const known = (): Iterable<string> => chain(raw.keys(), rejected);
  const count = raw.size + rejected.size;
  for (const [name, value] of raw) {
    const path = ['parameters', name];
    if (RESERVED_NAMES.has(name)) {
      issues.push({
        path,
        message: 'is a reserved name (a function or constant); choose another',
        atKey: true,
      });
      failed.add(name);
    } else if (typeof value === 'number') {
      values.set(name, value);
    } else {
      const expression = compileOrReport(compile, value, path, issues);
      if (expression) expressions.set(name, expression);
      else failed.add(name);
    }
  }
  // The parameters being visited, outermost first, each with the next of its uses to visit.
  const stack: { name: string; uses: readonly string[]; next: number; ok: boolean }[] = [];
  const onStack = new Map<string, number>();
  const push = (name: string): void => {
    onStack.set(name, stack.length);
    stack.push({ name, uses: expressions.get(name)!.parameters, next: 0, ok: true });
  };
  for (const start of expressions.keys()) {
    if (values.has(start) || failed.has(start)) continue;
    push(start);
    for (let frame = stack.at(-1); frame !== undefined; frame = stack.at(-1)) {
      const used = frame.uses[frame.next];
      if (used !== undefined) {
        frame.next++;
        if (values.has(used)) continue;
        if (!raw.has(used) && !rejected.has(used)) {
          issues.push({
            path: ['parameters', frame.name],
            message: unknownName(used, known(), count),
          });
          frame.ok = false;
        } else if (onStack.has(used)) {
          const cycle = [...stack.slice(onStack.get(used)).map((f) => f.name), used];
          issues.push({
            path: ['parameters', used],
            message: `is defined in a cycle: ${formatCycle(cycle)}`,
          });
          frame.ok = false;
        } else if (failed.has(used) || !expressions.has(used)) {
          // Already reported: its own expression or entry failed, or its name is reserved.
          frame.ok = false;
        } else {
          push(used);
        }
        continue;
      }
      stack.pop();
      onStack.delete(frame.name);
      const value = frame.ok
        ? evaluateOrReport(expressions.get(frame.name)!, values, ['parameters', frame.name], issues)
        : undefined;
      if (value === undefined) {
        failed.add(frame.name);
        const parent = stack.at(-1);
        if (parent !== undefined) parent.ok = false;
      } else {
        values.set(frame.name, value);
      }
    }
  }
  return { values, failed, compile };
}

/**
 * Evaluates a numeric field of the model (a number or an expression over parameters).
 *
 * @returns the finite value, or undefined after recording an issue
 */
export function evaluateNumeric(
  value: Numeric,
  parameters: ParameterValues,
  path: Path,
  issues: PathIssue[],
): number | undefined {
  if (typeof value === 'number') return value;
  const expression = compileOrReport(parameters.compile, value, path, issues);
  if (!expression) return undefined;
  const { values, failed } = parameters;
  const missing = expression.parameters.filter((name) => !values.has(name));
  if (missing.length > 0) {
    const count = values.size + failed.size;
    for (const name of missing) {
      // A parameter whose own definition failed was reported there.
      if (failed.has(name)) continue;
      issues.push({ path, message: unknownName(name, chain(values.keys(), failed), count) });
    }
    return undefined;
  }
  return evaluateOrReport(expression, values, path, issues);
}

function compileOrReport(
  compile: ExpressionCompiler,
  source: string,
  path: Path,
  issues: PathIssue[],
): Expression | undefined {
  try {
    return compile(source);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    issues.push({ path, message: `${formatValue(source)} ${error.message}` });
    return undefined;
  }
}

function evaluateOrReport(
  expression: Expression,
  values: ReadonlyMap<string, number>,
  path: Path,
  issues: PathIssue[],
): number | undefined {
  let result: number;
  try {
    result = expression.evaluate(values);
  } catch (error) {
    issues.push({
      path,
      message: `${formatValue(expression.source)} failed: ${(error as Error).message}`,
    });
    return undefined;
  }
  if (!Number.isFinite(result)) {
    issues.push({
      path,
      message: `${formatValue(expression.source)} must evaluate to a finite number; got ${result}`,
    });
    return undefined;
  }
  return result;
}

function unknownName(name: string, known: Iterable<string>, count: number): string {
  const list = count === 0 ? 'no parameters are defined' : `parameters: ${listNames(known, count)}`;
  return `uses the unknown name "${name}" (${list})`;
}

/** The names of `first`, then of `second`, read lazily (a message lists only the first few). */
function* chain(first: Iterable<string>, second: Iterable<string>): Iterable<string> {
  yield* first;
  yield* second;
}

/** `a → b → a`; a long cycle shows its first and last names only, so messages stay short. */
function formatCycle(names: readonly string[]): string {
  if (names.length <= 10) return names.join(' → ');
  const hidden = names.length - 8;
  return [...names.slice(0, 4), `… ${hidden} more …`, ...names.slice(-4)].join(' → ');
}
