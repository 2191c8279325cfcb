/**
 * The `relkit` command runs the CLI's bundle through V8's code cache (src/cli/cliBundle.ts, made
 * by vite.cli.config.ts): the build's cache is one V8 takes for the bundle, and without it, or
 * with a cache V8 refuses, the command prints the same, byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { relkit, requireBuiltCli, ROOT } from '../helpers/cli.js';

beforeAll(requireBuiltCli);

const CLI = join(ROOT, 'dist/cli');

/** A child node without the test runner's NODE_OPTIONS, whose V8 flags would refuse the cache. */
function node(args: string[], cwd = ROOT): { status: number | null; stdout: string } {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const run = spawnSync(process.execPath, args, { cwd, env, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout };
}

/** The command and the bundle alone in a new folder, with package.json, and `cache` if given. */
function copyOfCli(cache?: Uint8Array): string {
  const root = mkdtempSync(join(tmpdir(), 'relkit-cache-'));
  mkdirSync(join(root, 'dist/cli'), { recursive: true });
  for (const file of ['main.js', 'cliBundle.js', 'relkit.cjs']) {
    copyFileSync(join(CLI, file), join(root, 'dist/cli', file));
  }
  copyFileSync(join(ROOT, 'package.json'), join(root, 'package.json'));
  if (cache !== undefined) writeFileSync(join(root, 'dist/cli/relkit.cache'), cache);
  return join(root, 'dist/cli/main.js');
}

describe('the code cache of the CLI', () => {
  it('is taken by V8 for the bundle', () => {
    const check = [
      "const { readFileSync } = require('node:fs');",
      "const { Script } = require('node:vm');",
      `const source = readFileSync(${JSON.stringify(join(CLI, 'relkit.cjs'))}, 'latin1');`,
      `const cachedData = readFileSync(${JSON.stringify(join(CLI, 'relkit.cache'))});`,
      'console.log(new Script(source, { cachedData }).cachedDataRejected);',
    ].join('\n');
    expect(node(['-e', check])).toEqual({ status: 0, stdout: 'false\n' });
  });

  it('changes nothing in the output: without it, or with one V8 refuses', () => {
    const args = ['analyze', 'models/loss-of-cooling.yaml', '--json'];
    const cached = relkit(...args);
    expect(cached.status, cached.stderr).toBe(0);
    expect(node([copyOfCli(), ...args])).toEqual({ status: 0, stdout: cached.stdout });
    const foreign = new Uint8Array(4096).fill(7);
    expect(node([copyOfCli(foreign), ...args])).toEqual({ status: 0, stdout: cached.stdout });
  });
});
