import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The repository root: CLI tests run there, so `models/…` paths resolve. */
export const ROOT: string = join(import.meta.dirname, '../..');

/** The built CLI (`npm run build`, which `npm test` runs first). */
export const BIN: string = join(ROOT, 'dist/cli/main.js');

/** What one run of the real binary printed and returned. */
export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `relkit ARGS…` from the repository root and waits for it. */
export function relkit(...args: string[]): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Writes `text` to a file `name` in a new temporary folder and returns its path. */
export function scratch(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'relkit-test-')), name);
  writeFileSync(path, text);
  return path;
}

/** Fails with a clear message when the CLI has not been built. */
export function requireBuiltCli(): void {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build (npm test does)`);
}
