/* global process */
// Timing helpers shared by the benchmark scripts of bench/: whole processes under bash's `time`
// (CPU seconds = user + system, as the results files record them) and the median.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs `command args` under bash's `time` and returns its wall and CPU seconds, and its standard
 * output when `keepStdout` (otherwise it goes to /dev/null, as a user's redirect would). Throws
 * with the command's standard error when it fails.
 */
export function timed(command, args, { keepStdout = false } = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'relkit-bench-'));
  const err = join(folder, 'stderr.txt');
  const script = `TIMEFORMAT="%R %U %S"; time "$@"${keepStdout ? '' : ' > /dev/null'} 2>"$ERR"`;
  const run = spawnSync('bash', ['-c', script, 'bash', command, ...args], {
    env: { ...process.env, ERR: err },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const stderr = readFileSync(err, 'utf8');
  rmSync(folder, { recursive: true });
  if (run.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed: ${stderr.slice(0, 2000)}`);
  }
  const [wall, user, system] = run.stderr.trim().split(/\s+/).slice(-3).map(Number);
  return { wall, cpu: user + system, stdout: run.stdout };
}

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
