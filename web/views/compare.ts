/**
 * The numbers table: the live scenario and every pinned one side by side, pins renamed in place
 * and removed by their buttons.
 */
import type { Result } from '../../src/index.js';
import type { Numbers } from '../compute/solve.js';
import { methodLabel } from '../state/methods.js';
import { describeScenario } from '../state/pins.js';
import type { Column } from '../state/selectors.js';
import { h } from './dom.js';
import { simulatedCells, type EstimateCell } from './estimates.js';
import { formatDowntime, formatNumber, formatProbability, formatSil } from './format.js';

interface Row {
  readonly key: keyof Numbers;
  readonly label: (unit: string, mission: string) => string;
  readonly format: (numbers: Numbers) => string;
}

const ROWS: readonly Row[] = [
  {
    key: 'missionTime',
    label: (u) => `mission time (${u})`,
    format: (n) => formatNumber(n.missionTime),
  },
  {
    key: 'topEventProbability',
    label: () => 'P(top event) at mission',
    format: (n) => formatProbability(n.topEventProbability),
  },
  {
    key: 'reliability',
    label: () => 'R(mission)',
    format: (n) => formatProbability(n.reliability),
  },
  { key: 'mttf', label: (u) => `MTTF (${u})`, format: (n) => formatNumber(n.mttf) },
  {
    key: 'steadyAvailability',
    label: () => 'steady availability',
    format: (n) => formatProbability(n.steadyAvailability, n.steadyUnavailability),
  },
  {
    key: 'steadyUnavailability',
    label: () => 'steady unavailability',
    format: (n) => formatNumber(n.steadyUnavailability),
  },
  { key: 'nines', label: () => 'nines', format: (n) => formatNumber(n.nines) },
  {
    key: 'downtimeHoursPerYear',
    label: () => 'downtime per year',
    format: (n) => formatDowntime(n.downtimeHoursPerYear),
  },
  { key: 'mtbf', label: (u) => `MTBF (${u})`, format: (n) => formatNumber(n.mtbf) },
  { key: 'pfdAvg', label: () => 'PFDavg over mission', format: (n) => formatNumber(n.pfdAvg) },
  { key: 'sil', label: () => 'SIL band of PFDavg', format: (n) => formatSil(n.sil) },
  { key: 'costRate', label: (u) => `cost per ${u}`, format: (n) => formatNumber(n.costRate) },
  {
    key: 'missionCost',
    label: () => 'expected cost over mission',
    format: (n) => formatNumber(n.missionCost),
  },
];

/**
 * Renders the table into `table`; `onRename`/`onRemove` act on pins. `simulated`, the current
 * scenario's simulation, gets a column of its own (web/views/estimates.ts) beside the exact ones;
 * the first row says which method gave each column.
 */
export function renderCompare(
  table: HTMLTableElement,
  allColumns: readonly Column[],
  timeUnit: string,
  onRename: (id: string, name: string) => void,
  onRemove: (id: string) => void,
  simulated?: { readonly result: Result; readonly color: string },
): void {
  // A current scenario without an exact solution has only its simulated column (the reason is
  // said under the table); pins keep theirs, to be renamed or removed.
  const columns = simulated
    ? allColumns.filter((column) => column.pin || column.solution.ok)
    : allColumns;
  const solved = columns.flatMap((c) => (c.solution.ok ? [c.solution.numbers] : []));
  const estimates = simulated ? simulatedCells(simulated.result) : {};
  // A fault tree of fixed probabilities has no mission time (NaN): no row for it.
  const rows = ROWS.filter(
    (row) =>
      estimates[row.key] !== undefined ||
      solved.some((n) => n[row.key] !== undefined && !Number.isNaN(n[row.key])),
  );
  // The simulated column stands right after the current scenario's exact one, before the pins.
  const at = columns[0] && !columns[0].pin ? 1 : 0;
  const beside = (cells: HTMLElement[], cell: HTMLElement | undefined): HTMLElement[] =>
    cell ? [...cells.slice(0, at), cell, ...cells.slice(at)] : cells;
  const simulatedHead = simulated
    ? h(
        'th',
        { scope: 'col', 'data-scenario': 'simulated' },
        h('span', { class: 'swatch simulated', style: `background:${simulated.color}` }),
        'current, simulated',
      )
    : undefined;
  const methodRow = h(
    'tr',
    { class: 'method-row' },
    h('th', { scope: 'row', text: 'method' }),
    ...beside(
      columns.map((column) =>
        h('td', {
          'data-scenario': column.id,
          'data-measure': 'method',
          text: column.solution.ok ? methodLabel(column.solution.result) : 'no exact method',
        }),
      ),
      simulated &&
        h('td', {
          'data-scenario': 'simulated',
          'data-measure': 'method',
          text: methodLabel(simulated.result),
        }),
    ),
  );
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col', text: 'measure' }),
    ...beside(
      columns.map((column) => {
        const cell = h('th', { scope: 'col', 'data-scenario': column.id });
        const swatch = h('span', { class: 'swatch', style: `background:${column.color}` });
        if (!column.pin) {
          cell.append(swatch, 'current');
          return cell;
        }
        const pin = column.pin;
        const name = h('input', {
          type: 'text',
          value: pin.name,
          'aria-label': `name of pinned scenario ${pin.name}`,
          class: 'pin-name',
        });
        name.addEventListener('change', () => onRename(pin.id, name.value));
        const remove = h('button', {
          type: 'button',
          class: 'remove',
          'aria-label': `remove pinned scenario ${pin.name}`,
          title: 'remove this pin',
          text: '×',
        });
        remove.addEventListener('click', () => onRemove(pin.id));
        cell.append(swatch, name, remove, h('div', { class: 'hint', text: describeScenario(pin) }));
        return cell;
      }),
      simulatedHead,
    ),
  );
  const body = rows.map((row) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row', text: row.label(timeUnit, '') }),
      ...beside(
        columns.map((column) =>
          h('td', {
            'data-scenario': column.id,
            'data-measure': row.key,
            text: column.solution.ok ? row.format(column.solution.numbers) : '—',
          }),
        ),
        simulated && estimateTd(row.key, estimates[row.key]),
      ),
    ),
  );
  // The live scenario's message is shown once, under the table (web/panels/numbers.ts); a pin
  // is named here only when its message says something else.
  const live = allColumns[0]?.solution;
  const liveMessage = live && !live.ok ? live.message : undefined;
  const problems = columns.filter(
    (c) => c.pin && !c.solution.ok && c.solution.message !== liveMessage,
  );
  table.replaceChildren(
    h('thead', {}, head),
    h('tbody', {}, methodRow, ...body),
    ...(problems.length > 0
      ? [
          h(
            'caption',
            { class: 'problem' },
            ...problems.map((c) =>
              h('div', { text: `${c.name}: ${c.solution.ok ? '' : c.solution.message}` }),
            ),
          ),
        ]
      : []),
  );
}

/** A cell of the simulated column; an uncertain estimate says why in its tooltip and a mark. */
function estimateTd(key: keyof Numbers, cell: EstimateCell | undefined): HTMLElement {
  return h('td', {
    'data-scenario': 'simulated',
    'data-measure': key,
    class: cell?.uncertain ? 'estimate uncertain' : 'estimate',
    ...(cell?.uncertain !== undefined && { title: `uncertain: ${cell.uncertain}` }),
    text: cell ? `${cell.text}${cell.uncertain ? ' ⚠' : ''}` : '—',
  });
}
