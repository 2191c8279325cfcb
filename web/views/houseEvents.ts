/**
 * House-event controls: a checkbox per house event of a fault tree (checked: the event occurs),
 * marked when it differs from the file. Rebuilt only when the model's house events change, so a
 * click keeps focus; hidden for a model without any.
 */
import type { HouseEventInfo } from '../compute/explore.js';
import type { HouseEventValue } from '../state/selectors.js';
import { h } from './dom.js';

/** The controls' handle for the panel. */
export interface HouseEventView {
  /** Shows the house events with whether each occurs in the live scenario. */
  readonly update: (events: readonly HouseEventValue[]) => void;
}

/** Builds the checkboxes in `container` (a fieldset); `onChange(event, occurs)` on a click. */
export function createHouseEventView(
  container: HTMLElement,
  onChange: (event: HouseEventInfo, occurs: boolean) => void,
): HouseEventView {
  let signature = '';
  const boxes = new Map<string, { box: HTMLInputElement; label: HTMLElement }>();
  const legend = h('legend', { text: 'House events' });
  const hint = h('p', { class: 'hint', text: 'checked: the event occurs' });

  return {
    update: (events) => {
      const next = JSON.stringify(events.map((e) => [e.name, e.fileValue]));
      if (next !== signature) {
        signature = next;
        boxes.clear();
        const rows = events.map((event) => {
          const box = h('input', {
            type: 'checkbox',
            'data-house': event.name,
            title: `in the file: ${event.fileValue ? 'occurs' : 'does not occur'}`,
          });
          box.addEventListener('change', () => onChange(event, box.checked));
          // Names come from the file: text, never markup.
          const label = h(
            'label',
            { class: 'house-event' },
            box,
            ' ',
            h('code', { text: event.name }),
          );
          boxes.set(event.name, { box, label });
          return label;
        });
        container.replaceChildren(legend, ...rows, hint);
        container.hidden = events.length === 0;
      }
      for (const event of events) {
        const entry = boxes.get(event.name);
        if (!entry) continue;
        entry.box.checked = event.occurs;
        entry.label.classList.toggle('overridden', event.occurs !== event.fileValue);
      }
    },
  };
}
