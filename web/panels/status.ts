/**
 * The status line in the Results heading (#status, with the last redraw timing in
 * `data-redraw-ms` and `data-solve-ms`) and the banner above the page (#banner).
 */
import { byId } from '../views/dom.js';

/** The panel's handle for the composition root. */
export interface StatusPanel {
  readonly show: (message: string) => void;
  /** Shows the time the worker took and the time from the change to the curve drawn, ms. */
  readonly drawn: (solveMs: number, totalMs: number) => void;
  /** Shows a note above the page, or hides it (undefined). */
  readonly showBanner: (message: string | undefined) => void;
}

/** Returns the status line and banner of index.html. */
export function createStatusPanel(): StatusPanel {
  const status = byId('status');
  const banner = byId('banner');
  const show = (message: string): void => {
    status.textContent = message;
  };
  return {
    show,
    drawn: (solveMs, totalMs) => {
      status.dataset.redrawMs = totalMs.toFixed(1);
      status.dataset.solveMs = solveMs.toFixed(1);
      show(`solved in ${solveMs.toFixed(1)} ms, drawn ${totalMs.toFixed(0)} ms after the change`);
    },
    showBanner: (message) => {
      banner.hidden = message === undefined;
      banner.textContent = message ?? '';
    },
  };
}
