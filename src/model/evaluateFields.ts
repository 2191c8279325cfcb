import { formatValue } from '../errors.js';
import { evaluateNumeric, type ParameterValues } from './parameters.js';
import type { Path, PathIssue } from './source.js';

/** Evaluates an integer field in [min, max] (max `Infinity`: no upper bound). */
export function evaluateInteger(
  raw: number | string,
  parameters: ParameterValues,
  path: Path,
  min: number,
  max: number,
  issues: PathIssue[],
): number | undefined {
  const value = evaluateNumeric(raw, parameters, path, issues);
  if (value === undefined) return undefined;
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  const range = max === Infinity ? `>= ${min}` : `in [${min}, ${max}]`;
  issues.push({ path, message: `must be an integer ${range}; got ${formatValue(value)}` });
  return undefined;
}

/** Evaluates a probability field in [0, 1]. */
export function evaluateProbability(
  raw: number | string,
  parameters: ParameterValues,
  path: Path,
  issues: PathIssue[],
): number | undefined {
  const value = evaluateNumeric(raw, parameters, path, issues);
  if (value === undefined) return undefined;
  if (value >= 0 && value <= 1) return value;
  issues.push({ path, message: `must be a probability in [0, 1]; got ${formatValue(value)}` });
  return undefined;
}

/**
 * Evaluates a non-negative number field (`positive`: strictly positive); undefined after an
 * issue.
 */
export function evaluateNonNegative(
  raw: number | string,
  parameters: ParameterValues,
  path: Path,
  issues: PathIssue[],
  positive = false,
): number | undefined {
  const value = evaluateNumeric(raw, parameters, path, issues);
  if (value === undefined) return undefined;
  if (positive ? value > 0 : value >= 0) return value;
  issues.push({ path, message: `must be ${positive ? '> 0' : '>= 0'}; got ${formatValue(value)}` });
  return undefined;
}
