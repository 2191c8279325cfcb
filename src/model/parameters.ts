import { formatValue } from '../errors.js';
import {
  ExpressionError,
  RESERVED_NAMES,
  compileExpression,
  type Expression,
} from './expression.js';
import type { Numeric } from './schemaKit.js';
import type { Path, PathIssue } from './source.js';

/** Evaluated parameter values by name. */
export type ParameterValues = ReadonlyMap<string, number>;

/**
 * Evaluates the `parameters` section: each entry is a number or an expression over other
 * parameters, in any order. Unknown names, reserved names, cycles (reported as `a → b → a`)
 * and non-finite results are issues at the parameter's path.
 */
export function evaluateParameters(
  raw: Readonly<Record<string, Numeric>>,
  issues: PathIssue[],
): Map<string, number> {
  const values = new Map<string, number>();
  const expressions = new Map<string, Expression>();
  for (const [name, value] of Object.entries(raw)) {
    const path = ['parameters', name];
    if (RESERVED_NAMES.has(name)) {
      issues.push({
        path,
        message: 'is a reserved name (a function or constant); choose another',
        atKey: true,
      });
    } else if (typeof value === 'number') {
      values.set(name, value);
    } else {
      const expression = compileOrReport(value, path, issues);
      if (expression) expressions.set(name, expression);
    }
  }
  const state = new Map<string, 'visiting' | 'done' | 'failed'>();
  const visit = (name: string, chain: readonly string[]): boolean => {
    if (values.has(name)) return true;
    const expression = expressions.get(name);
    if (!expression || state.get(name) === 'failed') return false;
    if (state.get(name) === 'visiting') {
      const cycle = [...chain.slice(chain.indexOf(name)), name].join(' → ');
      issues.push({ path: ['parameters', name], message: `is defined in a cycle: ${cycle}` });
      return false;
    }
    state.set(name, 'visiting');
    let ok = true;
    for (const used of expression.parameters) {
      if (!(used in raw)) {
        issues.push({
          path: ['parameters', name],
          message: unknownName(used, Object.keys(raw)),
        });
        ok = false;
      } else if (!visit(used, [...chain, name])) ok = false;
    }
    if (ok) {
      const value = evaluateOrReport(expression, values, ['parameters', name], issues);
      if (value === undefined) ok = false;
      else values.set(name, value);
    }
    state.set(name, ok ? 'done' : 'failed');
    return ok;
  };
  for (const name of expressions.keys()) visit(name, []);
  return values;
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
  const expression = compileOrReport(value, path, issues);
  if (!expression) return undefined;
  const unknown = expression.parameters.filter((name) => !parameters.has(name));
  if (unknown.length > 0) {
    for (const name of unknown)
      issues.push({ path, message: unknownName(name, [...parameters.keys()]) });
    return undefined;
  }
  return evaluateOrReport(expression, parameters, path, issues);
}

function compileOrReport(source: string, path: Path, issues: PathIssue[]): Expression | undefined {
  try {
    return compileExpression(source);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    issues.push({ path, message: `${formatValue(source)} ${error.message}` });
    return undefined;
  }
}

function evaluateOrReport(
  expression: Expression,
  values: ParameterValues,
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

function unknownName(name: string, known: readonly string[]): string {
  const list = known.length === 0 ? 'no parameters are defined' : `parameters: ${known.join(', ')}`;
  return `uses the unknown name "${name}" (${list})`;
}
