/**
 * What one row of life data says about when a unit failed: at a known time, after a time
 * (suspension), or somewhere in an interval (an inspection found it failed; left-censored when
 * the interval starts at 0).
 */
export type ObservationKind = 'failure' | 'suspension' | 'interval';

/** One row of life data, possibly standing for `count` identical units. */
export interface Observation {
  readonly kind: ObservationKind;
  /** The failure time, the suspension time, or the start of the interval (0: left-censored). */
  readonly time: number;
  /** The end of the interval; equal to `time` for failures and suspensions. */
  readonly timeHi: number;
  /** How many units the row stands for (grouped data), a positive integer. */
  readonly count: number;
}

/** Life data ready to fit: every row checked, with the unit counts by kind. */
export interface LifeData {
  readonly observations: readonly Observation[];
  /** Units (rows weighted by count) of each kind; `intervals` includes left-censored units. */
  readonly n: {
    readonly failures: number;
    readonly suspensions: number;
    readonly intervals: number;
  };
}

/** One problem in a life-data file, located by file, line and column (both 1-based). */
export interface LifeDataIssue {
  readonly file: string;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  /** What was expected and what was found. */
  readonly message: string;
}

/** Life data that cannot be fitted as given; carries every problem found, each located. */
export class LifeDataError extends Error {
  override readonly name: string = 'LifeDataError';
  readonly issues: readonly LifeDataIssue[];

  constructor(issues: readonly LifeDataIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.issues = issues;
  }
}

function formatIssue(issue: LifeDataIssue): string {
  const location = [issue.file, issue.line, issue.column].filter((x) => x !== undefined).join(':');
  return `${location}: ${issue.message}`;
}

const COLUMNS = ['time', 'status', 'time_hi', 'count'] as const;
/**
 * The largest count of one row: far beyond any fleet, and small enough that sums of counts stay
 * exact and the likelihood's scale keeps the optimiser's tolerances meaningful.
 */
const MAX_COUNT = 1e9;
type Column = (typeof COLUMNS)[number];
// Reported at most this many problems, so a wrong file does not flood the terminal.
const MAX_ISSUES = 20;

/**
 * Reads life data from CSV text: a header naming the columns `time` and `status` (`F` failure,
 * `S` suspension, i.e. right-censored), optionally `time_hi` (a failure somewhere in
 * (`time`, `time_hi`]; left-censored when `time` is 0) and `count` (the row stands for that many
 * units). Blank lines and lines starting with `#` are skipped.
 *
 * $$
 * \text{row} \mapsto (\text{kind}, t, t_{hi}, \text{count})
 * $$
 *
 * @param text - the CSV text (comma-separated, no quoting; CRLF line ends are accepted)
 * @param file - the file name used in messages
 * @returns the observations and the unit counts by kind
 * @throws {@link LifeDataError} listing every bad row as `file:line:column: what was expected;
 * got …` (up to 20), and refusing data a fit cannot use: no rows, no failure (all suspensions),
 * negative or non-finite times, `time_hi` < `time`, an interval on a suspension, a failure at
 * time 0, a count that is not a whole number from 1 to 10⁹, a quote left open
 *
 * @remarks
 * Column order is free, names are case-insensitive, and cells may be quoted as spreadsheets write
 * them. A row with `time_hi` equal to `time` is
 * an exact failure. Cost O(size of the text).
 *
 * @see W. Q. Meeker and L. A. Escobar, Statistical Methods for Reliability Data, Wiley, 1998,
 * §2.2 (the kinds of censoring).
 */
export function parseLifeData(text: string, file = '<input>'): LifeData {
  const issues: LifeDataIssue[] = [];
  const lines = text.split(/\r?\n/);
  let headerLine = -1;
  let header: string[] = [];
  const observations: Observation[] = [];
  for (let index = 0; index < lines.length && issues.length < MAX_ISSUES; index++) {
    const raw = lines[index]!; // index < lines.length
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const line = index + 1;
    const cells = splitCells(raw);
    const open = cells.find((cell) => cell.unclosed === true);
    if (open) {
      issues.push({
        file,
        line,
        column: open.column,
        message: 'expected the quote opened here to close before the end of the line',
      });
      continue;
    }
    if (headerLine < 0) {
      headerLine = line;
      header = cells.map((cell) => cell.text.toLowerCase());
      checkHeader(header, cells, file, line, issues);
      if (issues.length > 0) break;
      continue;
    }
    const row = readRow(header, cells, file, line, raw.length, issues);
    if (row !== undefined) observations.push(row);
  }
  if (headerLine < 0) {
    issues.push({
      file,
      message: 'expected a header line naming the columns time,status; got no lines',
    });
  } else if (issues.length === 0 && observations.length === 0) {
    issues.push({
      file,
      line: headerLine,
      message: 'expected data rows after the header; got none',
    });
  }
  if (issues.length > 0) throw new LifeDataError(issues);
  const n = countUnits(observations);
  if (n.failures + n.intervals === 0) {
    throw new LifeDataError([
      {
        file,
        message: `a fit needs at least one failure (an F row or an interval); got ${n.suspensions} suspensions only`,
      },
    ]);
  }
  return { observations, n };
}

/**
 * Returns life data built from observations given directly (no file), after the same checks as
 * {@link parseLifeData}.
 *
 * @param observations - the rows; `timeHi` defaults to `time` and `count` to 1
 * @param where - the name used in messages
 * @returns the observations and the unit counts by kind
 * @throws {@link LifeDataError} for the problems {@link parseLifeData} refuses, located by row
 * (`line` is the 1-based row number)
 */
export function lifeDataFrom(
  observations: readonly {
    readonly kind: ObservationKind;
    readonly time: number;
    readonly timeHi?: number;
    readonly count?: number;
  }[],
  where = '<input>',
): LifeData {
  const issues: LifeDataIssue[] = [];
  const checked: Observation[] = [];
  observations.forEach((row, index) => {
    const status = row.kind === 'suspension' ? 'S' : 'F';
    const timeHi = row.kind === 'interval' ? (row.timeHi ?? NaN) : undefined;
    const problem = checkValues(status, row.time, timeHi, row.count ?? 1);
    if ('column' in problem)
      issues.push({ file: where, line: index + 1, message: problem.message });
    else checked.push(problem);
  });
  if (checked.length === 0 && issues.length === 0)
    issues.push({ file: where, message: 'expected at least one observation; got none' });
  if (issues.length > 0) throw new LifeDataError(issues.slice(0, MAX_ISSUES));
  const n = countUnits(checked);
  if (n.failures + n.intervals === 0) {
    throw new LifeDataError([
      {
        file: where,
        message: `a fit needs at least one failure (a failure or an interval); got ${n.suspensions} suspensions only`,
      },
    ]);
  }
  return { observations: checked, n };
}

interface Cell {
  readonly text: string;
  /** 1-based column of the cell's first character. */
  readonly column: number;
  /** A quoted cell whose closing quote is missing. */
  readonly unclosed?: boolean;
}

/**
 * Splits one CSV line into cells, RFC 4180 style within the line: a cell may be quoted
 * (`"time"`), a quoted cell may hold commas, and `""` inside it stands for one quote. A quote
 * left open marks its cell `unclosed`.
 */
function splitCells(line: string): Cell[] {
  const cells: Cell[] = [];
  let at = 0;
  for (;;) {
    while (at < line.length && (line[at] === ' ' || line[at] === '\t')) at++;
    const column = at + 1;
    let text = '';
    let unclosed = false;
    if (line[at] === '"') {
      at++;
      while (at < line.length && !(line[at] === '"' && line[at + 1] !== '"')) {
        text += line[at]!; // at < line.length
        at += line[at] === '"' ? 2 : 1; // a doubled quote stands for one
      }
      unclosed = at >= line.length;
      at++; // past the closing quote
      while (at < line.length && line[at] !== ',') at++;
    } else {
      const end = line.indexOf(',', at);
      text = line.slice(at, end < 0 ? line.length : end);
      at = end < 0 ? line.length : end;
    }
    cells.push({ text: text.trim(), column, ...(unclosed && { unclosed }) });
    if (at >= line.length) return cells;
    at++; // past the comma
  }
}

function checkHeader(
  header: readonly string[],
  cells: readonly Cell[],
  file: string,
  line: number,
  issues: LifeDataIssue[],
): void {
  header.forEach((name, i) => {
    const column = cells[i]!.column; // header was built from cells
    if (!(COLUMNS as readonly string[]).includes(name)) {
      issues.push({
        file,
        line,
        column,
        message: `expected a column among ${COLUMNS.join(', ')}; got "${name}"`,
      });
    } else if (header.indexOf(name) !== i) {
      issues.push({
        file,
        line,
        column,
        message: `expected each column once; got "${name}" again`,
      });
    }
  });
  for (const required of ['time', 'status']) {
    if (!header.includes(required)) {
      issues.push({
        file,
        line,
        message: `expected a column "${required}" in the header; got ${header.join(',')}`,
      });
    }
  }
}

function readRow(
  header: readonly string[],
  cells: readonly Cell[],
  file: string,
  line: number,
  lineLength: number,
  issues: LifeDataIssue[],
): Observation | undefined {
  if (cells.length !== header.length) {
    issues.push({
      file,
      line,
      column: cells.length > header.length ? cells[header.length]!.column : lineLength + 1,
      message: `expected ${header.length} cells (${header.join(',')}); got ${cells.length}`,
    });
    return undefined;
  }
  const cell = (name: Column): Cell | undefined => {
    const i = header.indexOf(name);
    return i < 0 ? undefined : cells[i];
  };
  const before = issues.length;
  const time = readNumber(cell('time')!, 'time', file, line, issues, false); // required column
  const statusCell = cell('status')!; // required column
  const status = statusCell.text.toUpperCase();
  if (status !== 'F' && status !== 'S') {
    issues.push({
      file,
      line,
      column: statusCell.column,
      message: `status: expected F (failure) or S (suspension); got "${statusCell.text}"`,
    });
  }
  const hiCell = cell('time_hi');
  const timeHi =
    hiCell === undefined ? undefined : readNumber(hiCell, 'time_hi', file, line, issues, true);
  const countCell = cell('count');
  const count =
    countCell === undefined ? 1 : readNumber(countCell, 'count', file, line, issues, false);
  if (issues.length > before || time === undefined || count === undefined) return undefined;
  const checked = checkValues(status as 'F' | 'S', time, timeHi, count);
  if (!('column' in checked)) return checked;
  issues.push({ file, line, column: cell(checked.column)?.column, message: checked.message });
  return undefined;
}

function readNumber(
  cell: Cell,
  name: string,
  file: string,
  line: number,
  issues: LifeDataIssue[],
  optional: boolean,
): number | undefined {
  if (cell.text === '') {
    if (!optional)
      issues.push({
        file,
        line,
        column: cell.column,
        message: `${name}: expected a number; got an empty cell`,
      });
    return undefined;
  }
  const value = Number(cell.text);
  if (!Number.isFinite(value)) {
    issues.push({
      file,
      line,
      column: cell.column,
      message: `${name}: expected a finite number; got "${cell.text}"`,
    });
    return undefined;
  }
  return value;
}

interface RowProblem {
  readonly column: Column;
  readonly message: string;
}

/** The one place the meaning of a row is checked; returns the observation or what is wrong. */
function checkValues(
  status: 'F' | 'S',
  time: number,
  timeHi: number | undefined,
  count: number,
): Observation | RowProblem {
  const problem = (column: Column, message: string): RowProblem => ({
    column,
    message: `${column}: ${message}`,
  });
  if (!Number.isFinite(time) || time < 0)
    return problem('time', `expected a finite time ≥ 0; got ${time}`);
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT)
    return problem(
      'count',
      `expected a whole number of units from 1 to ${MAX_COUNT}; got ${count}`,
    );
  if (timeHi !== undefined) {
    if (status === 'S')
      return problem(
        'status',
        'a row with time_hi is a failure found in an interval, so expected F; got S',
      );
    if (!Number.isFinite(timeHi) || timeHi < time)
      return problem('time_hi', `expected a finite end ≥ time (${time}); got ${timeHi}`);
    if (timeHi === 0) return problem('time_hi', 'expected a failure time > 0; got 0');
    if (timeHi > time) return { kind: 'interval', time, timeHi, count };
  }
  if (status === 'S') return { kind: 'suspension', time, timeHi: time, count };
  if (time === 0)
    return problem(
      'time',
      'expected a failure time > 0; got 0 (a failure before t is written time 0, time_hi t)',
    );
  return { kind: 'failure', time, timeHi: time, count };
}

function countUnits(observations: readonly Observation[]): LifeData['n'] {
  const n = { failures: 0, suspensions: 0, intervals: 0 };
  for (const { kind, count } of observations) {
    if (kind === 'failure') n.failures += count;
    else if (kind === 'suspension') n.suspensions += count;
    else n.intervals += count;
  }
  return n;
}
