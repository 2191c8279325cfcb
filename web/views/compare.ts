/**
 * The numbers table: the live scenario and every pinned one side by side, pins renamed in place
 * and removed by their buttons.
 */
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
 * One column of the table: a scenario's exact results, or its simulated ones (`estimates`).
 * `id` is the scenario's (`live`, a pin's) for its own column; a simulated column beside an
 * exact one is `simulated` for the live scenario, `<pin id>-simulated` for a pin.
 */
interface Shown {
  readonly id: string;
  readonly column: Column;
  readonly estimates?: Partial<Record<keyof Numbers, EstimateCell>>;
  /** Whether the column stands beside the scenario's exact one (its header is a plain name). */
  readonly beside: boolean;
}

/**
 * Returns the columns of the table: each scenario's exact column, then its simulated one
 * (web/views/estimates.ts) when it has one. A scenario with simulated results and no exact
 * solution shows only those: the live one under `simulated` (the reason is said under the table),
 * a pin under its own id, to be renamed or removed.
 */
function shownColumns(columns: readonly Column[]): Shown[] {
  return columns.flatMap((column): Shown[] => {
    const simulated = column.simulated;
    if (!simulated) return [{ id: column.id, column, beside: false }];
    const estimates = simulatedCells(simulated);
    if (!column.solution.ok && column.pin) {
      return [{ id: column.id, column, estimates, beside: false }];
    }
    const id = column.pin ? `${column.id}-simulated` : 'simulated';
    const own: Shown = { id, column, estimates, beside: true };
    return column.solution.ok ? [{ id: column.id, column, beside: false }, own] : [own];
  });
}

/**
 * Renders the table into `table`; `onRename`/`onRemove` act on pins. A scenario with simulated
 * results (the live run, or those a pin kept) gets a column of them, with their 95 % intervals;
 * the first row says which method gave each column.
 */
export function renderCompare(
  table: HTMLTableElement,
  allColumns: readonly Column[],
  timeUnit: string,
  onRename: (id: string, name: string) => void,
  onRemove: (id: string) => void,
): void {
  const shown = shownColumns(allColumns);
  const solved = shown.flatMap(({ column, estimates }) =>
    !estimates && column.solution.ok ? [column.solution.numbers] : [],
  );
  // A fault tree of fixed probabilities has no mission time (NaN): no row for it.
  const rows = ROWS.filter(
    (row) =>
      shown.some(({ estimates }) => estimates?.[row.key] !== undefined) ||
      solved.some((n) => n[row.key] !== undefined && !Number.isNaN(n[row.key])),
  );
  const methodRow = h(
    'tr',
    { class: 'method-row' },
    h('th', { scope: 'row', text: 'method' }),
    ...shown.map(({ id, column, estimates }) => {
      const solution = column.solution;
      return h('td', {
        'data-scenario': id,
        'data-measure': 'method',
        text:
          estimates && column.simulated
            ? methodLabel(column.simulated)
            : solution.ok
              ? methodLabel(solution.result)
              : 'no exact method',
      });
    }),
  );
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col', text: 'measure' }),
    ...shown.map((entry) => headCell(entry, onRename, onRemove)),
  );
  const body = rows.map((row) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row', text: row.label(timeUnit, '') }),
      ...shown.map(({ id, column, estimates }) =>
        estimates
          ? estimateTd(id, row.key, estimates[row.key])
          : h('td', {
              'data-scenario': id,
              'data-measure': row.key,
              text: column.solution.ok ? row.format(column.solution.numbers) : '—',
            }),
      ),
    ),
  );
  // The live scenario's message is shown once, under the table (web/panels/numbers.ts); a pin
  // is named here only when its message says something else.
  const live = allColumns[0]?.solution;
  const liveMessage = live && !live.ok ? live.message : undefined;
  const problems = allColumns.filter(
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

/**
 * The header of a column: `current`, a pin's name field and remove button with its values, or,
 * for a simulated column beside an exact one, the scenario's name and `simulated`.
 */
function headCell(
  { id, column, estimates, beside }: Shown,
  onRename: (id: string, name: string) => void,
  onRemove: (id: string) => void,
): HTMLElement {
  const cell = h('th', { scope: 'col', 'data-scenario': id });
  const swatch = h('span', {
    class: estimates ? 'swatch simulated' : 'swatch',
    style: `background:${column.color}`,
  });
  if (beside || !column.pin) {
    cell.append(swatch, beside ? `${column.pin ? column.name : 'current'}, simulated` : 'current');
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
  const hint = describeScenario(pin) + (estimates ? '; simulated' : '');
  cell.append(swatch, name, remove, h('div', { class: 'hint', text: hint }));
  return cell;
}

/** A cell of a simulated column; an uncertain estimate says why in its tooltip and a mark. */
function estimateTd(id: string, key: keyof Numbers, cell: EstimateCell | undefined): HTMLElement {
  return h('td', {
    'data-scenario': id,
    'data-measure': key,
    class: cell?.uncertain ? 'estimate uncertain' : 'estimate',
    ...(cell?.uncertain !== undefined && { title: `uncertain: ${cell.uncertain}` }),
    text: cell ? `${cell.text}${cell.uncertain ? ' ⚠' : ''}` : '—',
  });
}
