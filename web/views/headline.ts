/**
 * The headline above the numbers table: the live scenario's nines and downtime per year (exact,
 * or simulated with their intervals), large, when there are any; hidden otherwise.
 */
import type { HeadlineFigure } from '../compute/headlineFigures.js';
import { h } from './dom.js';

/** Shows `figures` in `holder`, or hides it when there are none. */
export function renderHeadline(holder: HTMLElement, figures: readonly HeadlineFigure[]): void {
  holder.hidden = figures.length === 0;
  holder.replaceChildren(
    ...figures.map((figure) =>
      h(
        'span',
        { class: 'figure' },
        h('strong', { text: figure.value }),
        ` ${figure.label}`,
        ...(figure.note === undefined
          ? []
          : [h('span', { class: 'figure-note', text: ` (${figure.note})` })]),
      ),
    ),
  );
}
