import type { Observation } from './lifeData.js';

/** One plotting position: a failure age and its median-rank unreliability. */
export interface PlottingPosition {
  /** The age plotted: the failure time minus the location; an interval row's midpoint. */
  readonly age: number;
  /** The median-rank estimate of F at `age` (Benard's approximation, Johnson's ranks). */
  readonly p: number;
  /** The units the row stands for (its count). */
  readonly weight: number;
  /** Whether the row is an interval (or left-censored) one, placed at its midpoint. */
  readonly interval: boolean;
}

/**
 * Median-rank plotting positions with Johnson's adjustment for suspensions: interval rows are
 * placed at their midpoint (left-censored ones at half their end), ages are t − location.
 *
 * $$
 * r_j = r_{j-1} + \frac{n + 1 - r_{j-1}}{1 + m_j}, \qquad F_j \approx \frac{r_j - 0.3}{n + 0.4}
 * $$
 *
 * where m_j is the number of units beyond the one before failure j (its reverse rank) and n the
 * number of units (Benard's approximation to the median rank). At equal times failures come
 * before suspensions. A row of c failures is one position, at the middle of its c ranks (the
 * increments of a group are equal), or with `eachUnit` c positions, one per rank.
 *
 * @param observations - the checked rows
 * @param location - subtracted from every time (0 for two-parameter fits)
 * @param eachUnit - one position per failed unit rather than per row (rank regression ranks every
 * unit, so a grouped file and the same units one per row give the same line)
 * @returns one position per failure or interval row with age > 0, in increasing age
 *
 * @see R. B. Abernethy, The New Weibull Handbook, 5th ed., 2006, §2 (median ranks, Benard's
 * approximation) and §5 (Johnson's adjusted ranks); L. G. Johnson, The Statistical Treatment of
 * Fatigue Experiments, Elsevier, 1964.
 */
export function plottingPositions(
  observations: readonly Observation[],
  location: number,
  eachUnit = false,
): PlottingPosition[] {
  const rows = observations
    .map((row) => ({
      failed: row.kind !== 'suspension',
      interval: row.kind === 'interval',
      age: (row.kind === 'interval' ? (row.time + row.timeHi) / 2 : row.time) - location,
      count: row.count,
    }))
    .sort((a, b) => a.age - b.age || Number(b.failed) - Number(a.failed));
  const n = rows.reduce((sum, row) => sum + row.count, 0);
  let remaining = n;
  let rank = 0;
  const points: PlottingPosition[] = [];
  for (const row of rows) {
    if (row.failed) {
      // A group of c failures in a row all get the same increment; plot the group at its middle.
      const increment = (n + 1 - rank) / (1 + remaining);
      const position = (r: number, weight: number): PlottingPosition => ({
        age: row.age,
        p: (r - 0.3) / (n + 0.4),
        weight,
        interval: row.interval,
      });
      if (row.age > 0 && eachUnit) {
        for (let i = 1; i <= row.count; i++) points.push(position(rank + increment * i, 1));
      } else if (row.age > 0) {
        points.push(position(rank + (increment * (row.count + 1)) / 2, row.count));
      }
      rank += increment * row.count;
    }
    remaining -= row.count;
  }
  return points;
}
