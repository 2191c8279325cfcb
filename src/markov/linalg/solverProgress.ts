/**
 * Receives the progress of a long solve: `fraction` of the work done, in [0, 1] (an estimate
 * for iterative methods, `undefined` when none can be made), and a one-line `note` saying what
 * is being done, such as `meanTimeToAbsorption: bicgstab iteration 12: residual 3.1e-9, target
 * 1e-14`. It is called synchronously from the solver's loop, so it should only record or draw.
 */
export type ProgressCallback = (fraction: number | undefined, note: string) => void;

/** Least time between two throttled reports, in milliseconds. */
export const PROGRESS_INTERVAL_MS = 250;

/** Throttled progress reports of one solve (see {@link progressReporter}). */
export interface ProgressReporter {
  /** False when nobody listens: callers may skip work done only for reports. */
  readonly active: boolean;
  /**
   * Reports at once, whatever the time since the last report: the start of a method (with its
   * up-front estimate) or a switch to a fallback. `fraction` restarts from this value.
   */
  phase(fraction: number | undefined, note: string): void;
  /**
   * Reports when at least {@link PROGRESS_INTERVAL_MS} have passed since the last report; the
   * note is formed only then. `fraction` is clamped to [the last one reported in this phase, 1).
   */
  update(fraction: number | undefined, note: () => string): void;
  /** Reports fraction 1 with a closing note, at once. */
  done(note: string): void;
}

const SILENT: ProgressReporter = {
  active: false,
  phase: () => {},
  update: () => {},
  done: () => {},
};

/**
 * Returns a reporter that forwards a solve's progress to `onProgress` at most once every
 * {@link PROGRESS_INTERVAL_MS} milliseconds, plus the phase and done reports; a silent one when
 * `onProgress` is undefined.
 *
 * $$
 * \text{report at } t \iff t - t_{\text{last}} \ge 250\ \text{ms}
 * $$
 *
 * - t: `now()` at an `update`, t_last: time of the previous report
 *
 * @param onProgress - the listener, or undefined
 * @param where - the public function solving, put before every note (`where: note`)
 * @param now - clock in milliseconds; `Date.now` by default
 * @returns the reporter
 *
 * @remarks
 * A solver calls `update` once per iteration (or per pivot row); the throttle costs one clock
 * read there, against the milliseconds an iteration takes on a chain large enough to need
 * reports. Iterative fractions come from {@link residualFraction}, so they estimate rather than
 * measure; a fraction never decreases within a phase.
 *
 * @example
 * ```ts
 * const seen = [];
 * let clock = 0;
 * const progress = progressReporter((f, note) => seen.push(`${f} ${note}`), 'solve', () => clock);
 * progress.phase(0, 'start');
 * progress.update(0.5, () => 'half'); // too soon: not reported
 * clock = 300;
 * progress.update(0.5, () => 'half');
 * progress.done('done');
 * seen; // → [0 solve: start, 0.5 solve: half, 1 solve: done]
 * ```
 */
export function progressReporter(
  onProgress: ProgressCallback | undefined,
  where: string,
  now: () => number = Date.now,
): ProgressReporter {
  if (onProgress === undefined) return SILENT;
  let last = now();
  let floor = 0;
  const report = (fraction: number | undefined, note: string): void => {
    last = now();
    onProgress(fraction, `${where}: ${note}`);
  };
  return {
    active: true,
    phase(fraction, note) {
      floor = fraction ?? 0;
      report(fraction, note);
    },
    update(fraction, note) {
      if (now() - last < PROGRESS_INTERVAL_MS) return;
      if (fraction !== undefined) {
        floor = Math.min(Math.max(fraction, floor), 0.999);
        report(floor, note());
      } else {
        report(undefined, note());
      }
    },
    done(note) {
      report(1, note);
    },
  };
}

/**
 * Returns the fraction of an iterative solve done, judged by its residual: the share of the
 * orders of magnitude between the first residual and the target already gained.
 *
 * $$
 * f = \frac{\log(r_0 / r)}{\log(r_0 / \text{tol})}\ \text{clamped to}\ [0, 1]
 * $$
 *
 * - r_0: the first residual, r: the current one, tol: the target
 *
 * @param first - r_0 > 0
 * @param current - r ≥ 0
 * @param target - tol > 0
 * @returns f in [0, 1]; 0 when r_0 ≤ tol or a value is not finite
 *
 * @remarks
 * Exact for a residual that falls geometrically; Krylov methods fall unevenly, so f is an
 * estimate, good to a factor of about 2 in the time left on the chains of bench/markov.
 *
 * @example
 * ```ts
 * residualFraction(1e-2, 1e-8, 1e-14); // → 0.5
 * ```
 */
export function residualFraction(first: number, current: number, target: number): number {
  if (!(first > target && Number.isFinite(first) && Number.isFinite(current))) return 0;
  if (current <= target) return 1;
  return Math.min(1, Math.max(0, Math.log(first / current) / Math.log(first / target)));
}

/**
 * Returns the note of one iteration of an iterative method, such as `bicgstab iteration 12:
 * residual 3.1e-9, target 1e-14`.
 */
export function iterationNote(
  method: string,
  iteration: number,
  residual: number,
  target: number,
): string {
  return `${method} iteration ${iteration}: residual ${shortNumber(residual)}, target ${shortNumber(target)}`;
}

/** Formats a number for a progress note with 2 significant digits: 3.1e-9, 1e-14, 0.25, 4.2e+5. */
export function shortNumber(value: number): string {
  const rounded = Number(value.toPrecision(2));
  return value === 0 || (Math.abs(value) >= 1e-3 && Math.abs(value) < 1e4)
    ? String(rounded)
    : rounded.toExponential();
}
