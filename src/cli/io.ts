import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A mistake the user can fix: printed as one line, no stack trace, with an exit code. */
export class UsageError extends Error {
  override readonly name: string = 'UsageError';
  readonly exitCode: number;

  constructor(message: string, exitCode: number = EXIT.usage) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** Exit codes of every command (docs/cli.md). */
export const EXIT = {
  ok: 0,
  /** The model is invalid, a file cannot be read or written, or a check found a difference. */
  failed: 1,
  /** The method asked for cannot solve this model; the message names one that can. */
  unsupported: 2,
  /**
   * `check` could not reach a verdict: nothing was compared, or every simulation-vs-exact
   * comparison rests on too few events (or is otherwise inconclusive); nothing differed.
   */
  inconclusive: 3,
  /** The command line is wrong. */
  usage: 64,
} as const;

/** Reads a model or data file as UTF-8, turning file-system errors into one-line messages. */
export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${path}: cannot read: ${describeFsError(error)}`, EXIT.failed);
  }
}

/** Reads and parses a JSON file, naming the file when it is not JSON. */
export function readJsonFile(path: string): unknown {
  const text = readText(path);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${path}: is not JSON: ${(error as Error).message}`, EXIT.failed);
  }
}

/**
 * Writes a file atomically: to a temporary file beside it, then renamed over the target, so a
 * reader never sees a partial file and an interrupted run leaves the old one intact.
 */
export function writeTextAtomically(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UsageError(`${path}: cannot write: ${describeFsError(error)}`, EXIT.failed);
  }
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EISDIR: 'is a directory',
    ENOTDIR: 'a parent is not a directory',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on device',
  };
  return (code && reasons[code]) ?? (error as Error).message;
}
