import type { Curve, Result, Scalar } from '../model/Result.js';
import { EXIT, UsageError } from './io.js';

/** Parses a number given on the command line, naming the flag when it is not one. */
export function parseNumberOption(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    throw new UsageError(`${flag} must be a finite number; got ${JSON.stringify(text)}`);
  }
  return value;
}

/**
 * Parses an integer flag in [min, max]: not a number is a usage error (exit 64), a number out of
 * range exits 1, as `--replications must be an integer >= 1; got 0`.
 */
export function parseIntegerOption(
  flag: string,
  text: string,
  min: number,
  max: number = Number.MAX_SAFE_INTEGER,
): number {
  const value = parseNumberOption(flag, text);
  if (!(Number.isInteger(value) && value >= min && value <= max)) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in [${min}, ${max}]`;
    throw new UsageError(`${flag} must be an integer ${range}; got ${text}`, EXIT.failed);
  }
  return value;
}

/** Parses `1,10,100` into numbers. */
export function parseNumberList(flag: string, text: string): number[] {
  return text.split(',').map((part) => parseNumberOption(flag, part));
}

/** Formats a result as a readable table: scalars, then curves, then warnings. */
export function formatResult(result: Result): string {
  const lines = [`${result.model.name}: ${result.method} (model ${result.model.hash})`];
  const unit = result.timeUnit;
  const scalarUnits: Record<string, string> = {
    mttf: unit,
    mtbf: unit,
    mut: unit,
    mdt: unit,
    failureFrequency: `per ${unit}`,
  };
  const curves: [string, Curve][] = [];
  // Estimates that cannot support a verdict: one note per distinct reason, naming the measures.
  const doubts = new Map<string, string[]>();
  for (const [key, value] of Object.entries(result.measures) as [string, Scalar | Curve][]) {
    if (typeof value === 'object' && 't' in value) curves.push([key, value]);
    else {
      lines.push(
        `  ${key.padEnd(22)} ${formatScalar(value)}${scalarUnits[key] ? ` ${scalarUnits[key]}` : ''}`,
      );
      if (typeof value === 'object' && value.inconclusive !== undefined) {
        doubts.set(value.inconclusive, [...(doubts.get(value.inconclusive) ?? []), key]);
      }
    }
  }
  for (const [why, keys] of doubts) lines.push(`  INCONCLUSIVE ${keys.join(', ')}: ${why}`);
  for (const [key, curve] of curves) {
    lines.push('', `  ${key}(t)`, `  ${`t (${unit})`.padStart(14)}  value`);
    curve.t.forEach((t, i) =>
      lines.push(`  ${formatNumber(t).padStart(14)}  ${formatNumber(curve.values[i]!)}`),
    );
  }
  if (result.warnings.length > 0) lines.push('', ...result.warnings.map((w) => `  note: ${w}`));
  return `${lines.join('\n')}\n`;
}

function formatScalar(value: Scalar): string {
  if (typeof value === 'number') return formatNumber(value);
  const events = value.events === undefined ? '' : `, ${value.events} events`;
  return `${formatNumber(value.mean)} (95% CI ${formatNumber(value.ci95[0])} to ${formatNumber(value.ci95[1])}${events})`;
}

/** Twelve significant digits: enough to compare with references, short enough to read. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Number(value.toPrecision(12)).toString();
}
