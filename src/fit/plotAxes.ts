/** A tick: its place on the axis (a plot's coordinate) and its label. */
export interface PlotTick {
  readonly value: number;
  readonly label: string;
}

// Ticks closer than this fraction of the axis are dropped (their labels would overlap).
const MIN_TICK_GAP = 0.05;

/**
 * The time axis' ends: the data's range widened to round values (1, 1.5, 2, 3, 5, 7 × 10ᵏ on log axes; on a
 * linear axis a round step beyond 5 % margins, from 0 when `fromZero`).
 */
export function timeRange(
  lo: number,
  hi: number,
  logTime: boolean,
  fromZero: boolean,
): [number, number] {
  if (logTime) {
    const down = niceLog(lo / 1.05, 'down');
    const up = niceLog(hi * 1.05, 'up');
    return [down, up > down ? up : down * 10];
  }
  const span = hi - lo > 0 ? hi - lo : Math.max(Math.abs(hi), 1);
  const step = niceStep(span / 6);
  const start = fromZero && lo >= 0 ? 0 : Math.floor((lo - span * 0.05) / step) * step;
  return [start, Math.ceil((hi + span * 0.05) / step) * step];
}

const MANTISSAS = [1, 2, 5];
// A log axis ends at one of these × 10ᵏ: finer than the ticks, so the data fill the plot.
const END_MANTISSAS = [1, 1.5, 2, 3, 5, 7];

/** The nearest 1, 1.5, 2, 3, 5 or 7 × 10ᵏ below (or above) t > 0. */
function niceLog(t: number, way: 'down' | 'up'): number {
  const decade = 10 ** Math.floor(Math.log10(t));
  const candidates = [...END_MANTISSAS, 10].map((m) => m * decade);
  return way === 'down'
    ? candidates.filter((c) => c <= t * (1 + 1e-12)).at(-1)!
    : candidates.find((c) => c >= t * (1 - 1e-12))!;
}

/** A round step (1, 2 or 5 × 10ᵏ) at least `raw`. */
function niceStep(raw: number): number {
  const decade = 10 ** Math.floor(Math.log10(raw));
  return [...MANTISSAS, 10].map((m) => m * decade).find((c) => c >= raw)!;
}

/** Round times inside [lo, hi]: 1, 2, 5 × 10ᵏ on a log axis (10ᵏ only across many decades). */
export function timeTicks(lo: number, hi: number, logTime: boolean): number[] {
  const ticks: number[] = [];
  if (logTime) {
    const decades = Math.log10(hi / lo);
    const mantissas = decades > 4 ? [1] : MANTISSAS;
    for (let k = Math.floor(Math.log10(lo)); k <= Math.ceil(Math.log10(hi)); k++) {
      for (const m of mantissas) {
        const t = m * 10 ** k;
        if (t >= lo * (1 - 1e-12) && t <= hi * (1 + 1e-12)) ticks.push(t);
      }
    }
    return ticks;
  }
  const step = niceStep((hi - lo) / 6);
  for (let i = Math.ceil(lo / step - 1e-9); i * step <= hi + step * 1e-9; i++) ticks.push(i * step);
  return ticks;
}

/** Drops ticks closer than MIN_TICK_GAP of the axis to the one kept before them. */
export function thin(ticks: readonly PlotTick[], range: readonly [number, number]): PlotTick[] {
  const gap = MIN_TICK_GAP * (range[1] - range[0]);
  const kept: PlotTick[] = [];
  for (const tick of ticks) {
    const last = kept.at(-1);
    if (last === undefined || tick.value - last.value >= gap) kept.push(tick);
  }
  return kept;
}

/** A tick label: a round number without float noise (2e-4, 0.5, 63.2, 20000, 1e+6). */
export function formatTick(value: number): string {
  const rounded = Number(value.toPrecision(6));
  if (rounded !== 0 && (Math.abs(rounded) >= 1e6 || Math.abs(rounded) < 1e-3)) {
    return rounded.toExponential().replace(/\.?0+e/, 'e');
  }
  return String(rounded);
}
