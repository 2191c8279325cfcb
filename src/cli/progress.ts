/** Redraw at most this often: 10 updates a second reads smoothly and costs nothing. */
const MIN_INTERVAL_MS = 100;
const BAR_WIDTH = 24;

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  /** Where the line goes (stderr). */
  write(text: string): void;
  /** Whether that stream is a terminal; a progress line is drawn only on one. */
  readonly isTTY: boolean;
  /** Milliseconds of a monotonic clock; `performance.now` by default. */
  readonly now?: () => number;
}

/** A progress line: `update` redraws it (throttled), `finish` erases it. */
export interface Progress {
  update(done: number, total: number): void;
  finish(): void;
}

/**
 * Returns a one-line progress bar for replications: done/total, replications per second and the
 * time left, redrawn in place with `\r`. When the stream is not a terminal it writes nothing, so
 * logs and pipes stay clean.
 */
export function createProgress(options: ProgressOptions): Progress {
  if (!options.isTTY) return { update: () => {}, finish: () => {} };
  const now = options.now ?? (() => performance.now());
  const start = now();
  let last = -Infinity;
  let drawn = false;
  return {
    update(done, total) {
      const time = now();
      if (time - last < MIN_INTERVAL_MS && done < total) return;
      last = time;
      drawn = true;
      options.write(`\r${progressLine(done, total, (time - start) / 1000)}\x1b[K`);
    },
    finish() {
      if (drawn) options.write('\r\x1b[K');
    },
  };
}

/** A progress line for one exact solve: `report` is the solver's callback, `finish` erases it. */
export interface SolverProgress {
  report(fraction: number | undefined, note: string): void;
  finish(): void;
}

/**
 * Returns a one-line progress display of a long exact solve (building a chain, a steady state, an
 * MTTF): the share done when the solver can estimate it, what it is doing, and the time left,
 * redrawn in place. Nothing is written when the stream is not a terminal.
 */
export function createSolverProgress(options: ProgressOptions): SolverProgress {
  if (!options.isTTY) return { report: () => {}, finish: () => {} };
  const now = options.now ?? (() => performance.now());
  let phaseStart = now();
  let lastFraction: number | undefined;
  let drawn = false;
  return {
    report(fraction, note) {
      const time = now();
      // A fraction going back means a new phase (a fallback method): time it afresh.
      if (fraction === undefined || lastFraction === undefined || fraction < lastFraction) {
        phaseStart = time;
      }
      lastFraction = fraction;
      drawn = true;
      options.write(`\r${solverProgressLine(fraction, note, (time - phaseStart) / 1000)}\x1b[K`);
    },
    finish() {
      if (drawn) options.write('\r\x1b[K');
    },
  };
}

/** The progress line of an exact solve on this process's stderr, drawn only on a terminal. */
export function startSolverProgress(): SolverProgress {
  return createSolverProgress({
    write: (text) => process.stderr.write(text),
    isTTY: process.stderr.isTTY === true,
  });
}

/** Returns the text of a solver's progress line, such as `[######----] 61%  ETA 0:00:04  note`. */
export function solverProgressLine(
  fraction: number | undefined,
  note: string,
  seconds: number,
): string {
  if (fraction === undefined) return note;
  const share = Math.min(1, Math.max(0, fraction));
  const filled = Math.round(share * BAR_WIDTH);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
  const eta = share > 0 && share < 1 ? formatDuration((seconds * (1 - share)) / share) : '?';
  return `${bar} ${Math.floor(share * 100)}%  ETA ${eta}  ${note}`;
}

/**
 * Returns the text of a progress line, such as
 * `[##########--------------] 4200/10000 replications  35100/s  ETA 0:00:01`.
 */
export function progressLine(done: number, total: number, seconds: number): string {
  const fraction = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(fraction * BAR_WIDTH);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
  const rate = seconds > 0 ? done / seconds : 0;
  const eta = rate > 0 ? formatDuration((total - done) / rate) : '?';
  return `${bar} ${done}/${total} replications  ${Math.round(rate)}/s  ETA ${eta}`;
}

/** Formats seconds as h:mm:ss. */
function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
