/**
 * The cut-set list and the importance table of the "Cut sets and importance" panel. Every name
 * comes from the model file and is set as text (`h`'s `text`, never markup).
 */
import type { CutSetSummary } from '../compute/cutSets.js';
import {
  IMPORTANCE_DEFINITIONS,
  IMPORTANCE_KEYS,
  IMPORTANCE_LABELS,
  type ImportanceKey,
  type ImportanceRow,
  type ImportanceSort,
} from '../compute/importance.js';
import { breakableText, h } from './dom.js';
import { formatNumber } from './format.js';

/** Returns a factor as the table shows it: 6 significant digits, or – when it has no value. */
export function formatFactor(value: number | null): string {
  return value === null ? '–' : formatNumber(value);
}

/** Shows the count and the most probable cut sets (or prime implicants) in `container`. */
export function renderCutSets(container: HTMLElement, summary: CutSetSummary): void {
  const { kind, count, sets } = summary;
  const shown = sets.length < count ? `; the ${sets.length} most probable:` : ':';
  const heading = h(
    'p',
    { class: 'cut-set-count' },
    h('strong', { id: 'cut-set-count', 'data-count': count, 'data-kind': kind, text: count }),
    ` ${count === 1 ? kind.replace(/s$/, '') : kind}`,
    count > 0 ? shown : '',
  );
  const list = h(
    'ol',
    { class: 'cut-sets' },
    ...sets.map((set) =>
      h(
        'li',
        {},
        // The empty set: a house event (or a constant gate) makes the top event certain.
        ...(set.length === 0 ? ['∅ (the top event occurs whatever the events do)'] : []),
        ...set.flatMap((literal, i) => [
          ...(i > 0 ? [h('span', { class: 'and', text: ' · ', 'aria-label': 'and' })] : []),
          h('code', { text: literal }),
        ]),
      ),
    ),
  );
  container.replaceChildren(heading, ...(sets.length > 0 ? [list] : []));
}

/**
 * Shows the importance table: a row per event (or unit), a column per factor; a click on a
 * column header calls `onSort` with its key. `subject` names the first column (`event`, `unit`).
 */
export function renderImportanceTable(
  table: HTMLTableElement,
  rows: readonly ImportanceRow[],
  sort: ImportanceSort,
  subject: string,
  onSort: (key: ImportanceKey | 'name') => void,
): void {
  const header = (key: ImportanceKey | 'name', label: string, title: string) => {
    const sorted = sort.key === key;
    const mark = h('span', {
      class: 'sort-mark',
      'aria-hidden': 'true',
      text: sorted ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : '',
    });
    // The label may wrap (Fussell–/Vesely) but its last word keeps the sort mark beside it.
    const words = label.split(/(?<=–)/);
    const last = words.pop() ?? '';
    const button = h(
      'button',
      { type: 'button', class: 'sort', title },
      ...words.flatMap((word) => [word, h('wbr')]),
      h('span', { class: 'nowrap' }, last, mark),
    );
    button.addEventListener('click', () => onSort(key));
    return h(
      'th',
      { scope: 'col', 'data-key': key, 'aria-sort': sorted ? sort.direction : undefined },
      button,
    );
  };
  const head = h(
    'tr',
    {},
    header('name', subject, `${subject} name`),
    ...IMPORTANCE_KEYS.map((key) =>
      header(key, IMPORTANCE_LABELS[key], IMPORTANCE_DEFINITIONS[key]),
    ),
  );
  const body = rows.map((row) =>
    h(
      'tr',
      { 'data-event': row.name },
      h('th', { scope: 'row' }, h('code', {}, ...breakableText(row.name))),
      ...IMPORTANCE_KEYS.map((key) =>
        h('td', { 'data-factor': key, text: formatFactor(row.factors[key]) }),
      ),
    ),
  );
  table.replaceChildren(h('thead', {}, head), h('tbody', {}, ...body));
}
