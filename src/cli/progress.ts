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
