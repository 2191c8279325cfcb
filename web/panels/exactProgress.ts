/**
 * The progress of a long exact solve (a large Markov chain) in the Results heading: what the
 * engine is doing, the chain's size once known, the seconds since it started, and Cancel
 * (#solve-cancel), which gives up the exact solution of this model for simulation estimates.
 */
import { formatCount } from '../compute/plainWords.js';
import type { AppState, SolveProgress } from '../state/store.js';
import { byId } from '../views/dom.js';
import type { StatusPanel } from './status.js';

/** The panel's handle for the composition root. */
export interface ExactProgressPanel {
  /** Shows the state's solve progress, or hides Cancel when nothing is being solved. */
  readonly draw: (state: AppState) => void;
}

/** Returns the status text of a solve in progress, `seconds` after it started. */
export function solvingText(progress: SolveProgress, seconds: number): string {
  const size = progress.states === undefined ? '' : ` (${formatCount(progress.states)} states)`;
  const share =
    progress.fraction === undefined
      ? ''
      : `, ${Math.round(progress.fraction * 100)} % of this step`;
  return `solving exactly: ${progress.text}${size}${share}, ${seconds} s`;
}

/** Wires Cancel to `onCancel`; shows the progress in `status`. */
export function createExactProgressPanel(
  status: StatusPanel,
  onCancel: () => void,
): ExactProgressPanel {
  const cancel = byId<HTMLButtonElement>('solve-cancel');
  let startedAt: number | undefined;
  let shown: SolveProgress | undefined;
  let ticker: ReturnType<typeof setInterval> | undefined;

  const show = (): void => {
    if (shown && startedAt !== undefined) {
      status.show(solvingText(shown, Math.round((performance.now() - startedAt) / 1000)));
    }
  };
  cancel.addEventListener('click', onCancel);
  return {
    draw: (state) => {
      shown = state.solving;
      cancel.hidden = shown === undefined;
      if (shown === undefined) {
        startedAt = undefined;
        clearInterval(ticker);
        ticker = undefined;
        return;
      }
      startedAt ??= performance.now();
      // The engine reports at most every 0.25 s and not at all while it builds the chain: the
      // seconds tick on their own so the page visibly works.
      ticker ??= setInterval(show, 1000);
      show();
    },
  };
}
