/**
 * The notebooks of notebooks/: committed without outputs, and each one executed end to end on
 * Deno's Jupyter kernel by `jupyter nbconvert --execute`, which exits non-zero when a cell
 * throws. Without jupyter or the deno kernel the execution tests are skipped with a message
 * naming what is missing and how to install it; under CI (CI=true), where .ci/run installs both,
 * a missing tool is a failure instead, so the notebooks can never be skipped there unnoticed.
 *
 * A cell that runs is not enough: every cell that prints or plots must keep its output. Deno's
 * kernel forwards console.log and Deno.jupyter.display output to the frontend from a queue, on
 * its own task, and reports the cell idle without waiting for that queue to empty (issue 14:
 * `Deno.jupyter.display` returns before its message is sent, so awaiting it waits for nothing).
 * nbconvert stops collecting a cell's output at idle, so output still queued then was lost, or
 * stamped with the next cell's request and shown there. The notebooks end every such cell with
 * `await flush()`, which gives the kernel time to send the queue; the executed notebooks are
 * checked cell by cell against what each cell's source says it prints and plots.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const NOTEBOOKS = join(ROOT, 'notebooks');
const NAMES = readdirSync(NOTEBOOKS)
  .filter((name) => name.endsWith('.ipynb'))
  .sort();
// Per-cell limit for nbconvert; the whole set runs in well under a minute on two cores.
const CELL_TIMEOUT_SECONDS = 300;

interface Output {
  readonly output_type: string;
  readonly ename?: string;
  /** Stream outputs: "stdout" or "stderr" and the text. */
  readonly name?: string;
  readonly text?: string | string[];
  /** display_data and execute_result: the MIME bundle. */
  readonly data?: Readonly<Record<string, unknown>>;
}
interface Cell {
  readonly cell_type: string;
  readonly source: string | string[];
  readonly outputs?: readonly Output[];
  readonly execution_count?: number | null;
}
interface Notebook {
  readonly cells: readonly Cell[];
  readonly metadata: { readonly kernelspec?: { readonly name?: string } };
}

function readNotebook(path: string): Notebook {
  return JSON.parse(readFileSync(path, 'utf8')) as Notebook;
}

const joined = (text: string | readonly string[] | undefined): string =>
  Array.isArray(text) ? text.join('') : ((text as string | undefined) ?? '');

const PLOTLY = 'application/vnd.plotly.v1+json';

/** The end of the bracketed span opening at `open` (`(` or `{`), or the source length. */
function closing(source: string, open: number): number {
  const pair = new Map([
    ['(', ')'],
    ['{', '}'],
  ]);
  const stack: string[] = [];
  for (let i = open; i < source.length; i++) {
    const ch = source.charAt(i);
    const closer = pair.get(ch);
    if (closer !== undefined) stack.push(closer);
    else if (ch === stack.at(-1)) {
      stack.pop();
      if (stack.length === 0) return i;
    }
  }
  return source.length;
}

/**
 * A cell's source without the functions it declares: the helpers of a notebook's first cell call
 * console.log and Deno.jupyter.display, but print and plot only where a later cell calls them.
 */
function withoutDeclarations(source: string): string {
  let rest = source;
  for (let match = /\bfunction\s+\w+\s*\(/.exec(rest); match; ) {
    const params = match.index + match[0].length - 1;
    const body = closing(rest, rest.indexOf('{', closing(rest, params)));
    rest = rest.slice(0, match.index) + rest.slice(body + 1);
    match = /\bfunction\s+\w+\s*\(/.exec(rest);
  }
  return rest;
}

/** One call in a cell that prints (console.log, printTable) or plots (plot, Deno.jupyter.display). */
interface OutputCall {
  readonly kind: 'log' | 'table' | 'plot';
  /** For a log: the literal text its output line starts with, one per alternative; [] if unknown. */
  readonly starts: readonly string[];
}

/** The static text before the first interpolation of each string literal in `argument`. */
function literalPrefixes(argument: string): string[] {
  const prefixes: string[] = [];
  for (let i = 0; i < argument.length; i++) {
    const quote = argument[i];
    if (quote !== '`' && quote !== "'" && quote !== '"') continue;
    let end = i + 1;
    let prefix: string | undefined;
    while (end < argument.length && argument[end] !== quote) {
      if (argument[end] === '\\') end++;
      else if (quote === '`' && argument.startsWith('${', end)) {
        prefix ??= argument.slice(i + 1, end);
        end = closing(argument, end + 1);
      }
      end++;
    }
    prefixes.push(prefix ?? argument.slice(i + 1, end));
    i = end;
  }
  // An argument that opens with a literal prints that literal first; otherwise (a ternary, a
  // label after a value) any literal of it may open the line.
  const leading = /^\s*[`'"]/.test(argument) ? prefixes.slice(0, 1) : prefixes;
  return leading.filter((text) => text.trim().length > 0);
}

/** The calls of a cell that print or plot, in source order. */
function outputCalls(source: string): OutputCall[] {
  const code = withoutDeclarations(source);
  return [
    ...code.matchAll(/(?<![\w.])(console\.log|printTable|plot|Deno\.jupyter\.display)\(/g),
  ].map((match): OutputCall => {
    const open = match.index + match[0].length - 1;
    const argument = code.slice(open + 1, closing(code, open));
    if (match[1] === 'console.log') return { kind: 'log', starts: literalPrefixes(argument) };
    return { kind: match[1] === 'printTable' ? 'table' : 'plot', starts: [] };
  });
}

/**
 * printTable pads every column, so its lines are as long as its header and hold a column gap; it
 * prints the table as one message, so a table is there whole or not at all.
 */
const isTableAt = (lines: readonly string[], at: number): boolean => {
  const line = lines[at];
  const next = lines[at + 1];
  return (
    line !== undefined &&
    next !== undefined &&
    line.length === next.length &&
    /\S {2,}\S/.test(line)
  );
};

/** Whether the printed lines show the output of `call` where it should be: first or last. */
function shows(call: OutputCall, lines: readonly string[], where: 'first' | 'last'): boolean {
  if (call.kind === 'table') return isTableAt(lines, where === 'first' ? 0 : lines.length - 2);
  if (call.starts.length === 0) return true;
  const opens = (line: string) => call.starts.some((start) => line.startsWith(start));
  // A log of an object spans several lines, so its opening line need not be the last line.
  return where === 'first' ? opens(lines[0] ?? '') : lines.some(opens);
}

/**
 * What is wrong with the outputs of one executed code cell, against what its source prints and
 * plots: empty when every line and figure it should show is there, in that cell.
 */
function outputProblems(cell: Cell, index: number): string[] {
  const calls = outputCalls(joined(cell.source));
  const outputs = cell.outputs ?? [];
  const stdout = outputs
    .filter((output) => output.output_type === 'stream' && output.name === 'stdout')
    .map((output) => joined(output.text))
    .join('');
  const lines = stdout.split('\n').filter((line) => line.length > 0);
  const plots = outputs.filter((output) => output.data?.[PLOTLY] !== undefined);
  const problems: string[] = [];
  const at = `cell ${index}`;
  if (outputs.some((output) => output.output_type === 'stream' && output.name === 'stderr')) {
    problems.push(`${at}: wrote to stderr`);
  }
  const printing = calls.filter((call) => call.kind !== 'plot');
  const first = printing[0];
  const last = printing.at(-1);
  if (first === undefined && stdout.length > 0) {
    problems.push(`${at}: prints nothing, yet holds output: ${JSON.stringify(stdout.slice(0, 80))}`);
  }
  if (first !== undefined && last !== undefined) {
    if (lines.length === 0) problems.push(`${at}: prints, but its stdout is empty`);
    else {
      if (!shows(first, lines, 'first')) {
        problems.push(`${at}: does not open with its first print (output of another cell?)`);
      }
      if (!shows(last, lines, 'last')) {
        const expected = last;
        const what = expected.kind === 'table' ? 'a table' : JSON.stringify(expected.starts);
        problems.push(`${at}: its last print (${what}) is missing; stdout ends ${JSON.stringify(lines.at(-1))}`);
      }
    }
  }
  const expectedPlots = calls.filter((call) => call.kind === 'plot').length;
  if (plots.length !== expectedPlots) {
    problems.push(`${at}: ${plots.length} plotly figures, expected ${expectedPlots}`);
  }
  if (calls.at(-1)?.kind === 'plot' && outputs.at(-1)?.data?.[PLOTLY] === undefined) {
    problems.push(`${at}: its figure is not its last output`);
  }
  return problems;
}

/** What is missing to execute notebooks here, empty when jupyter and the deno kernel are present. */
function missingTools(): string[] {
  const nbconvert = spawnSync('jupyter', ['nbconvert', '--version'], { encoding: 'utf8' });
  if (nbconvert.status !== 0) {
    return ['jupyter nbconvert (apt-get install jupyter-nbconvert jupyter-client python3-ipykernel)'];
  }
  const specs = spawnSync('jupyter', ['kernelspec', 'list', '--json'], { encoding: 'utf8' });
  const kernels =
    specs.status === 0
      ? Object.keys((JSON.parse(specs.stdout) as { kernelspecs: object }).kernelspecs)
      : [];
  return kernels.includes('deno')
    ? []
    : ['the deno Jupyter kernel (npx deno jupyter --install, after npm ci)'];
}

describe('notebooks as committed', () => {
  it('finds the six notebooks, each on the deno kernel', () => {
    expect(NAMES).toEqual([
      '01-quick-start.ipynb',
      '02-redundancy.ipynb',
      '03-coverage.ipynb',
      '04-markov.ipynb',
      '05-simulation.ipynb',
      '06-case-study.ipynb',
    ]);
    for (const name of NAMES) {
      expect(readNotebook(join(NOTEBOOKS, name)).metadata.kernelspec?.name, name).toBe('deno');
    }
  });

  it.each(NAMES)('%s holds no outputs and no execution counts', (name) => {
    const dirty = readNotebook(join(NOTEBOOKS, name))
      .cells.map((cell, index) => ({ cell, index }))
      .filter(
        ({ cell }) =>
          cell.cell_type === 'code' &&
          ((cell.outputs?.length ?? 0) > 0 || (cell.execution_count ?? null) !== null),
      )
      .map(({ index }) => index);
    // Clear them with: jupyter nbconvert --clear-output --inplace notebooks/*.ipynb
    expect(dirty, `${name}: cells with outputs`).toEqual([]);
  });

  it.each(NAMES)('%s ends every cell that prints or plots with await flush()', (name) => {
    const cells = readNotebook(join(NOTEBOOKS, name)).cells.filter(
      (cell) => cell.cell_type === 'code',
    );
    // Defined once, in the first cell, with the other helpers.
    expect(joined(cells[0]?.source), name).toMatch(/\bconst flush = /);
    const unflushed = cells
      .map((cell) => joined(cell.source))
      .filter((source) => outputCalls(source).length > 0 && !/await flush\(\);\s*$/.test(source))
      .map((source) => source.split('\n')[0]);
    // Without it the kernel may report the cell done before its output is sent (see the top).
    expect(unflushed, `${name}: cells that print or plot without ending in await flush()`).toEqual(
      [],
    );
  });

  it.each(NAMES)('%s imports relkit only from the built library ../dist/index.js', (name) => {
    const imports = readNotebook(join(NOTEBOOKS, name))
      .cells.filter((cell) => cell.cell_type === 'code')
      .flatMap((cell) => [
        ...(Array.isArray(cell.source) ? cell.source.join('') : cell.source).matchAll(
          /from '([^']+)'/g,
        ),
      ])
      .map((match) => match[1]);
    expect(imports.length, name).toBeGreaterThan(0);
    expect(new Set(imports), name).toEqual(new Set(['../dist/index.js']));
  });
});

const missing = missingTools();
/** CI must execute the notebooks: there a missing tool fails the run rather than skipping. */
const inCi = process.env.CI === 'true' || process.env.CI === '1';
if (missing.length > 0 && !inCi) {
  console.warn(`notebooks: SKIPPING execution, missing: ${missing.join('; ')}`);
}

describe.runIf(inCi)('notebooks under CI', () => {
  it('has jupyter and the deno kernel to execute them (.ci/run installs both)', () => {
    expect(missing, `CI=true but missing: ${missing.join('; ')}`).toEqual([]);
  });
});

describe.skipIf(missing.length > 0)('notebooks executed with jupyter nbconvert', () => {
  const outputDir = mkdtempSync(join(tmpdir(), 'relkit-notebooks-'));
  afterAll(() => rmSync(outputDir, { recursive: true, force: true }));

  it('has a built library to import', () => {
    expect(existsSync(join(ROOT, 'dist/index.js')), 'run npm run build (npm test does)').toBe(true);
  });

  it.each(NAMES)('%s runs every cell without an error, each showing its output', (name) => {
    const run = spawnSync(
      'jupyter',
      [
        'nbconvert',
        '--to',
        'notebook',
        '--execute',
        `--ExecutePreprocessor.timeout=${CELL_TIMEOUT_SECONDS}`,
        '--output-dir',
        outputDir,
        join(NOTEBOOKS, name),
      ],
      { cwd: NOTEBOOKS, encoding: 'utf8' },
    );
    // nbconvert prints the failing cell and its traceback on stderr.
    expect(run.status, `${name}:\n${run.stderr}`).toBe(0);
    const executed = readNotebook(join(outputDir, name));
    const errors = executed.cells.flatMap((cell) =>
      (cell.outputs ?? []).filter((output) => output.output_type === 'error'),
    );
    expect(errors, name).toEqual([]);
    // Every cell that prints or plots shows it, in that cell: the first and the last line its
    // source prints, and exactly as many figures as it plots.
    const problems = executed.cells.flatMap((cell, index) =>
      cell.cell_type === 'code' ? outputProblems(cell, index) : [],
    );
    expect(problems, `${name}: outputs lost or in the wrong cell`).toEqual([]);
  });
});
