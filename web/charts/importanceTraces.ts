/**
 * Importance → plotly bars: one of the six factors of every event, unit or component of a result
 * (`measures.importance`, `measures.componentImportance`), or, for a model whose result has none,
 * the library's `componentImportance` (the Birnbaum importance of each component as the group of
 * its units). Pure functions, unit-tested.
 */
import type { Data, Layout } from 'plotly.js-dist-min';
import type { ComponentImportance } from '../../src/index.js';
import {
  IMPORTANCE_LABELS,
  type ImportanceKey,
  type ImportanceRow,
} from '../compute/importance.js';
import { BASE_LAYOUT, plotText } from './layout.js';

// About 12 px a bar in a 300 px plot: more than this many bars would not read.
/** Most bars of the importance chart: the largest values of the chosen factor. */
export const IMPORTANCE_BARS = 25;

/** What the factor bars show of the rows. */
export interface FactorBars {
  /** One horizontal bar per event, the largest value on top. */
  readonly data: Data[];
  /** How many rows have a value of the factor, of which the bars show at most IMPORTANCE_BARS. */
  readonly valued: number;
  /** Names of the rows whose factor has no value (null), which get no bar. */
  readonly unvalued: readonly string[];
  /** Whether the x axis is logarithmic (RAW and RRW when every value is > 0). */
  readonly log: boolean;
  /** Decades the bars span on a log axis (log10 of largest over smallest, 1 included). */
  readonly decades: number;
}

/**
 * Returns the bars of one factor: the IMPORTANCE_BARS largest values, largest on top. RAW and RRW
 * are ratios around 1 and span decades: on a log axis from 1 when every value is > 0, so a bar
 * to the left means the event lowers the risk.
 */
export function factorBars(rows: readonly ImportanceRow[], key: ImportanceKey): FactorBars {
  const valued = rows.flatMap((row) => {
    const value = row.factors[key];
    return value === null ? [] : [{ name: row.name, value }];
  });
  valued.sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
  const shown = valued.slice(0, IMPORTANCE_BARS).reverse();
  const log = (key === 'raw' || key === 'rrw') && shown.every((entry) => entry.value > 0);
  const data: Data[] = [
    {
      type: 'bar',
      orientation: 'h',
      name: IMPORTANCE_LABELS[key],
      y: shown.map((entry) => plotText(entry.name)),
      x: shown.map((entry) => entry.value),
      ...(log && { base: shown.map(() => 1), x: shown.map((entry) => entry.value - 1) }),
      customdata: shown.map((entry) => entry.value),
      hovertemplate: `%{y}: ${IMPORTANCE_LABELS[key]} %{customdata:.6g}<extra></extra>`,
      marker: { color: '#0072B2' },
    } as Data,
  ];
  const values = [1, ...shown.map((entry) => entry.value)];
  return {
    data,
    valued: valued.length,
    unvalued: rows.filter((row) => row.factors[key] === null).map((row) => row.name),
    log,
    decades: log ? Math.log10(Math.max(...values) / Math.min(...values)) : 0,
  };
}

/**
 * Returns the layout of the factor bars: the factor on a linear axis from 0, or on a log axis
 * labelled at each power of 10 when the bars span two decades or more (plotly's 2 and 5 between
 * them would crowd a 300 px chart).
 */
export function factorLayout(
  key: ImportanceKey,
  bars: Pick<FactorBars, 'log' | 'decades'>,
): Partial<Layout> {
  return {
    ...BASE_LAYOUT,
    xaxis: {
      title: { text: IMPORTANCE_LABELS[key] },
      type: bars.log ? 'log' : 'linear',
      exponentformat: 'power',
      ...(!bars.log && { rangemode: 'tozero' }),
      ...(bars.log && bars.decades >= 2 && { dtick: 1 }),
    },
    yaxis: { type: 'category' },
    margin: { l: 10, r: 20, t: 10, b: 45 },
    showlegend: false,
  };
}

/** Returns one horizontal bar per component (its units' group Birnbaum), largest on top. */
export function componentImportanceTraces(importance: ComponentImportance): Data[] {
  const order = importance.components
    .map((name, i) => ({ name, value: importance.values[i]! })) // values parallel components
    .sort((a, b) => a.value - b.value);
  return [
    {
      type: 'bar',
      orientation: 'h',
      name: 'Birnbaum importance',
      y: order.map((entry) => plotText(entry.name)),
      x: order.map((entry) => entry.value),
      marker: { color: '#0072B2' },
    },
  ];
}

/** Returns the layout of the component bars. */
export function componentImportanceLayout(): Partial<Layout> {
  return {
    ...BASE_LAYOUT,
    xaxis: {
      title: { text: 'Birnbaum I_B of the component' },
      rangemode: 'tozero',
    },
    yaxis: { type: 'category' },
    margin: { l: 10, r: 20, t: 10, b: 45 },
    showlegend: false,
  };
}
