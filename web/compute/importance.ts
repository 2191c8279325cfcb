/**
 * The six importance factors of a result (`measures.importance`, docs/concepts.md "Component
 * importance") as the explorer shows them: their names, one-line definitions, rows sorted by any
 * factor, and what they rest on. Pure functions of a Result, unit-tested.
 */
import type { Measures, Result } from '../../src/index.js';

/** The factors of one event or unit: Birnbaum, criticality, diagnostic, Fussell–Vesely, RAW, RRW. */
export type ImportanceFactors = NonNullable<Measures['importance']>[string];

/** The key of one factor. */
export type ImportanceKey = keyof ImportanceFactors;

/** Every factor, in the order of the table's columns and of the chart's menu. */
export const IMPORTANCE_KEYS: readonly ImportanceKey[] = [
  'birnbaum',
  'criticality',
  'diagnostic',
  'fussellVesely',
  'raw',
  'rrw',
];

/** The short name of each factor (column header, menu entry). */
export const IMPORTANCE_LABELS: Readonly<Record<ImportanceKey, string>> = {
  birnbaum: 'Birnbaum',
  criticality: 'criticality',
  diagnostic: 'diagnostic',
  fussellVesely: 'Fussell–Vesely',
  raw: 'RAW',
  rrw: 'RRW',
};

// From docs/concepts.md, "Component importance": Q = P(top event), q_i = P(i), Q(q_i = 1) and
// Q(q_i = 0) with i certain and impossible.
/** One line defining each factor: the column headers' tooltips. */
export const IMPORTANCE_DEFINITIONS: Readonly<Record<ImportanceKey, string>> = {
  birnbaum: 'Birnbaum I_B = Q(q_i = 1) − Q(q_i = 0): the probability that i is critical',
  criticality:
    'criticality CIF = I_B·q_i/Q: the probability that i is critical and failed, given the failure',
  diagnostic: 'diagnostic DIF = q_i·Q(q_i = 1)/Q = P(i failed | failure)',
  fussellVesely:
    'Fussell–Vesely FV = P(a minimal cut set containing i failed)/Q: the share of the risk that involves i (none without minimal cut sets)',
  raw: 'risk achievement worth RAW = Q(q_i = 1)/Q: how much the risk grows with i failed',
  rrw: 'risk reduction worth RRW = Q/Q(q_i = 0): how much the risk shrinks with i perfect (none for i in every cut set)',
};

/** One event or unit with its factors. */
export interface ImportanceRow {
  readonly name: string;
  readonly factors: ImportanceFactors;
}

/** A column to sort by, and which way. */
export interface ImportanceSort {
  readonly key: ImportanceKey | 'name';
  readonly direction: 'ascending' | 'descending';
}

/** The table's first order: the largest criticality first. */
export const DEFAULT_IMPORTANCE_SORT: ImportanceSort = {
  key: 'criticality',
  direction: 'descending',
};

/**
 * What the rows of importance are: each unit (or event) alone, or each component as the group of
 * its units (`measures.componentImportance`: I_B = Q(all failed) − Q(all working), not a sum).
 */
export type ImportanceLevel = 'unit' | 'component';

/** The menu entries of the level choice. */
export const IMPORTANCE_LEVELS: readonly (readonly [ImportanceLevel, string])[] = [
  ['unit', 'per unit'],
  ['component', 'per component'],
];

/**
 * Returns the events (or units, or components at `level` component) of a result with their
 * factors, or undefined when it has none.
 */
export function importanceRows(
  result: Result,
  level: ImportanceLevel = 'unit',
): ImportanceRow[] | undefined {
  const importance =
    level === 'component' ? result.measures.componentImportance : result.measures.importance;
  if (importance === undefined) return undefined;
  return Object.entries(importance).map(([name, factors]) => ({ name, factors }));
}

/** Returns whether the result has factors per component (some component has several units). */
export function hasComponentImportance(result: Result | undefined): boolean {
  return result?.measures.componentImportance !== undefined;
}

/**
 * Returns the rows sorted by one factor (or the name) in `direction`; a factor without a value
 * (null) goes last either way, and equal values keep name order.
 */
export function sortImportanceRows(
  rows: readonly ImportanceRow[],
  sort: ImportanceSort,
): ImportanceRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const byName = (a: ImportanceRow, b: ImportanceRow) => a.name.localeCompare(b.name);
  if (sort.key === 'name') return [...rows].sort((a, b) => sign * byName(a, b));
  const key = sort.key;
  return [...rows].sort((a, b) => {
    const x = a.factors[key];
    const y = b.factors[key];
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return x === y ? byName(a, b) : sign * (x - y);
  });
}

/** Returns the sort after a click on a column header: the other direction, or a new column. */
export function nextImportanceSort(
  sort: ImportanceSort,
  key: ImportanceKey | 'name',
): ImportanceSort {
  if (sort.key === key) {
    return { key, direction: sort.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { key, direction: key === 'name' ? 'ascending' : 'descending' };
}

/** Returns the result's warning about importance: its basis, or why it is left out. */
export function importanceWarning(result: Result): string | undefined {
  return result.warnings.find((warning) => /^importance\b/.test(warning));
}

/**
 * Returns when the factors hold: `at t = 1000` (the mission time), `in the steady state` (from
 * the result's warning, block models), at the horizon (a fault tree with failure times), or at
 * the events' fixed probabilities.
 */
export function importanceBasis(result: Result): string {
  const stated = /^importance is ((?:at|in) .*)$/.exec(importanceWarning(result) ?? '');
  if (stated) return stated[1]!; // the group matched
  return result.horizon !== undefined
    ? `at t = ${result.horizon}`
    : "at the events' fixed probabilities";
}

/**
 * Returns what the result's rows are: events of a fault tree, else units (or, at `level`
 * component, components) of a block model.
 */
export function importanceSubject(
  result: Result,
  level: ImportanceLevel = 'unit',
): 'event' | 'unit' | 'component' {
  if (result.measures.topEventProbability !== undefined) return 'event';
  return level;
}
