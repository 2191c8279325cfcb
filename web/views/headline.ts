/**
 * The headline above the numbers table: the live scenario's nines and downtime per year, large,
 * when the solver gives them (repairable models); hidden otherwise.
 */
import type { Numbers } from '../compute/solve.js';
import { h } from './dom.js';
import { formatDowntime, formatNines } from './format.js';

/** Shows the nines and downtime of `numbers` in `holder`, or hides it when there are none. */
export function renderHeadline(holder: HTMLElement, numbers: Numbers | undefined): void {
  const parts: Node[] = [];
  if (numbers?.nines !== undefined && !Number.isNaN(numbers.nines)) {
    parts.push(
      h('span', { class: 'figure' }, h('strong', { text: formatNines(numbers.nines) }), ' nines'),
    );
  }
  if (numbers?.downtimeHoursPerYear !== undefined && !Number.isNaN(numbers.downtimeHoursPerYear)) {
    parts.push(
      h(
        'span',
        { class: 'figure' },
        h('strong', { text: formatDowntime(numbers.downtimeHoursPerYear) }),
        ' downtime',
      ),
    );
  }
  holder.hidden = parts.length === 0;
  holder.replaceChildren(...parts);
}
