/**
 * The Results CSV and JSON files: the scenarios the page shows, as one tidy table or as their
 * full results. Pure functions, unit-tested.
 */
import type { Result } from '../../src/index.js';
import type { Scenario } from '../state/pins.js';
import type { Column } from '../state/selectors.js';

/**
 * Returns the table `scenario,measure,t,value`: each solved scenario's numbers with an empty `t`,
 * then its R(t) and A(t) points.
 */
export function resultsCsv(columns: readonly Column[]): string {
  const lines = ['scenario,measure,t,value'];
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  for (const column of columns) {
    if (!column.solution.ok) continue;
    for (const [key, value] of Object.entries(column.solution.numbers)) {
      lines.push(`${quote(column.name)},${key},,${value}`);
    }
    for (const key of ['reliability', 'availability'] as const) {
      const curve = column.solution.result.measures[key];
      curve?.t.forEach((t, i) =>
        lines.push(`${quote(column.name)},${key},${t},${curve.values[i]}`),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Returns the JSON file: the model's name, each scenario with its solution, the simulation. */
export function resultsJson(
  model: string | undefined,
  columns: readonly Column[],
  live: Scenario,
  simulated: Result | undefined,
): string {
  const payload = {
    model,
    columns: columns.map((c) => ({
      name: c.name,
      scenario: c.pin ?? live,
      solution: c.solution,
    })),
    ...(simulated && { simulation: simulated }),
  };
  return JSON.stringify(payload, null, 2);
}
