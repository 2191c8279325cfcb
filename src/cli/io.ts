import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
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

/** Where a command writes; tests pass their own. */
export interface Output {
  /** Writes text, or bytes of UTF-8 text (a JSON document, json.ts) as they are. */
  stdout(text: string | Uint8Array): void;
  stderr(text: string): void;
}

/**
 * 128 + SIGINT: the shell's code for a run stopped by Ctrl-C; `relkit` reports 143 instead when
 * the signal was SIGTERM (`interruptExitCode` of simulationRunner.ts).
 */
export const EXIT_INTERRUPTED = 130;

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
  /**
   * 128 + SIGPIPE: standard output was closed by its reader (`relkit … | head`), as a shell
   * reports a tool that the signal ended; nothing is printed.
   */
  closedPipe: 141,
} as const;

/**
 * The reader of standard output went away (EPIPE: `relkit analyze --json | head -c 100`); the
 * command stops and relkit exits {@link EXIT}.closedPipe without a message.
 */
export class OutputClosedError extends Error {
  override readonly name: string = 'OutputClosedError';
}

/** Waits `milliseconds` without spinning (for a non-blocking descriptor that is full). */
function pause(milliseconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds);
}

/**
 * Writes all of `text` to the open file descriptor `fd` (1: standard output), synchronously, so
 * that a failure is known before the command returns its exit code.
 *
 * @param fd - the descriptor
 * @param text - what to write: text (written as UTF-8) or bytes
 * @param name - how messages name the descriptor
 * @throws {@link OutputClosedError} when the reader closed the pipe (EPIPE)
 * @throws {@link UsageError} (exit 1) for any other failure, such as a full disk (ENOSPC) or
 * `> /dev/full`: `cannot write standard output: no space left on device`
 *
 * @remarks
 * `process.stdout.write` loses both: a short write to a full disk was ignored (exit 0 with a
 * truncated file) and ENOSPC or EPIPE came back as an `error` event with a stack trace. Here a
 * short write is continued until the descriptor refuses with an error; EAGAIN (a non-blocking
 * pipe whose reader is slow) waits 1 ms and tries again.
 */
export function writeFully(fd: number, text: string | Uint8Array, name = 'standard output'): void {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'EAGAIN') {
        pause(1);
        continue;
      }
      if (code === 'EPIPE') throw new OutputClosedError(`${name}: closed by its reader`);
      throw new UsageError(`cannot write ${name}: ${describeFsError(error)}`, EXIT.failed);
    }
  }
}

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
 * reader never sees a partial file and an interrupted run leaves the old one intact. Text is
 * written as UTF-8, bytes as they are.
 */
export function writeTextAtomically(path: string, text: string | Uint8Array): void {
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
    EDQUOT: 'disk quota exceeded',
    EFBIG: 'file too large',
    EIO: 'input/output error',
    EBADF: 'not open',
  };
  return (code && reasons[code]) ?? (error as Error).message;
}
