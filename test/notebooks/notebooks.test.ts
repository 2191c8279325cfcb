/**
 * The notebooks of notebooks/: committed without outputs, and each one executed end to end on
 * Deno's Jupyter kernel by `jupyter nbconvert --execute`, which exits non-zero when a cell
 * throws. Without jupyter or the deno kernel the execution tests are skipped with a message
 * naming what is missing and how to install it; under CI (CI=true), where .ci/run installs both,
 * a missing tool is a failure instead, so the notebooks can never be skipped there unnoticed.
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

interface Cell {
  readonly cell_type: string;
  readonly source: string | string[];
  readonly outputs?: readonly { readonly output_type: string; readonly ename?: string }[];
  readonly execution_count?: number | null;
}
interface Notebook {
  readonly cells: readonly Cell[];
  readonly metadata: { readonly kernelspec?: { readonly name?: string } };
}

function readNotebook(path: string): Notebook {
  return JSON.parse(readFileSync(path, 'utf8')) as Notebook;
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

  it.each(NAMES)('%s runs every cell without an error', (name) => {
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
  });
});
