import type { Curve, ImportanceFactors, Result, Scalar, SetList } from '../model/Result.js';
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
    costRate: `per ${unit}`,
  };
  const curves: [string, Curve][] = [];
  // Estimates that cannot support a verdict: one note per distinct reason, naming the measures.
  const doubts = new Map<string, string[]>();
  const {
    minimalCutSets,
    primeImplicants,
    importance,
    componentImportance,
    approximation,
    ...rest
  } = result.measures;
  for (const [key, value] of Object.entries(rest) as [string, Scalar | Curve][]) {
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
  if (approximation) lines.push(`  (topEventProbability by the ${approximation} approximation)`);
  for (const [why, keys] of doubts) lines.push(`  INCONCLUSIVE ${keys.join(', ')}: ${why}`);
  if (minimalCutSets) lines.push(...formatSets('minimal cut sets', minimalCutSets));
  if (primeImplicants) lines.push(...formatSets('prime implicants', primeImplicants));
  // A fault tree ranks its basic events; a block model its units (`cpu[2]`).
  const ranked = result.measures.topEventProbability === undefined ? 'unit' : 'event';
  if (importance) lines.push(...formatImportance(importance, ranked));
  // Only when some component has several units (else it repeats the table above).
  if (componentImportance) {
    lines.push(...formatImportance(componentImportance, 'component', ' per component'));
  }
  for (const [key, curve] of curves) {
    lines.push('', `  ${key}(t)`, `  ${`t (${unit})`.padStart(14)}  value`);
    curve.t.forEach((t, i) =>
      lines.push(`  ${formatNumber(t).padStart(14)}  ${formatNumber(curve.values[i]!)}`),
    );
  }
  if (result.warnings.length > 0) lines.push('', ...result.warnings.map((w) => `  note: ${w}`));
  return `${lines.join('\n')}\n`;
}

// Rows of the tables of cut sets and importance; --json gives them all.
const TABLE_ROWS = 25;

/** The most probable sets (they come sorted), and how many there are. */
function formatSets(title: string, list: SetList): string[] {
  const shown = Math.min(list.sets.length, TABLE_ROWS);
  const more = list.count > shown ? `, the first ${shown} shown (--json lists more)` : '';
  return [
    '',
    `  ${title}: ${list.count}${more}`,
    ...list.sets
      .slice(0, shown)
      .map(
        (set, i) =>
          `  ${String(i + 1).padStart(5)}  ${set.length > 0 ? set.join(' ') : '(the empty set: the top event always occurs)'}`,
      ),
  ];
}

/** Importance factors, the most critical events (units, components) first. */
function formatImportance(
  importance: Readonly<Record<string, ImportanceFactors>>,
  ranked: 'event' | 'unit' | 'component',
  title = '',
): string[] {
  const rows = Object.entries(importance).sort(
    ([, a], [, b]) => (b.criticality ?? 0) - (a.criticality ?? 0) || b.birnbaum - a.birnbaum,
  );
  // Six digits: enough to rank and to compare with SCRAM's reports, narrow enough for a row.
  const cell = (x: number | null): string =>
    (x === null ? '-' : formatNumber(Number(x.toPrecision(6)))).padStart(14);
  const width = Math.max(ranked.length, ...rows.slice(0, TABLE_ROWS).map(([name]) => name.length));
  const shown = Math.min(rows.length, TABLE_ROWS);
  return [
    '',
    `  importance${title}${rows.length > shown ? ` (the ${shown} most critical of ${rows.length} ${ranked}s; --json gives all)` : ''}`,
    `  ${ranked.padEnd(width)}  ${['birnbaum', 'criticality', 'diagnostic', 'fussellVesely', 'raw', 'rrw'].map((h) => h.padStart(14)).join('')}`,
    ...rows
      .slice(0, shown)
      .map(
        ([name, f]) =>
          `  ${name.padEnd(width)}  ${cell(f.birnbaum)}${cell(f.criticality)}${cell(f.diagnostic)}${cell(f.fussellVesely)}${cell(f.raw)}${cell(f.rrw)}`,
      ),
  ];
}

function formatScalar(value: Scalar): string {
  if (typeof value === 'number') return formatNumber(value);
  const { mean, lo, hi } = formatEstimate(value.mean, value.ci95);
  const events = value.events === undefined ? '' : `, ${value.events} events`;
  return `${mean} (95% CI ${lo} to ${hi}${events})`;
}

/**
 * Twelve significant digits: enough to compare with references, short enough to read; in
 * exponent form below 1e-3 (3.98404787232e-6, not 0.00000398404787232) and for millions and up
 * that end in four zeros or more (6.8e8, not 680000000).
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Number(value.toPrecision(12));
  const plain = rounded.toString();
  const small = rounded !== 0 && Math.abs(rounded) < 1e-3;
  const round = Math.abs(rounded) >= 1e6 && /0000$/.test(plain);
  return small || round ? rounded.toExponential().replace('e+', 'e') : plain;
}

/**
 * An estimate and its interval with the digits the interval supports: each number rounded to
 * the place of the second significant digit of the interval's larger half-width, keeping at
 * least two significant digits of its own (0.999999979 (0.999999967 to 0.999999991), 5.6e-10
 * (1.4e-11 to 3.1e-9)). A zero-width interval (an exact value) keeps twelve digits.
 */
export function formatEstimate(
  mean: number,
  ci95: readonly [number, number],
): { mean: string; lo: string; hi: string } {
  const half = Math.max(mean - ci95[0], ci95[1] - mean);
  if (!(half > 0) || !Number.isFinite(half)) {
    return { mean: formatNumber(mean), lo: formatNumber(ci95[0]), hi: formatNumber(ci95[1]) };
  }
  const place = Math.floor(Math.log10(half)) - 1;
  const show = (x: number): string => {
    if (x === 0 || !Number.isFinite(x)) return formatNumber(x);
    const digits = Math.floor(Math.log10(Math.abs(x))) - place + 1;
    return formatNumber(Number(x.toPrecision(Math.min(12, Math.max(2, digits)))));
  };
  return { mean: show(mean), lo: show(ci95[0]), hi: show(ci95[1]) };
}
