/**
 * The CLI's bundle, dist/cli/relkit.cjs (src/cli/relkit.ts and all it imports, made by
 * vite.cli.config.ts), and V8's code cache of it, dist/cli/relkit.cache: how the bundle is
 * wrapped, run and its cache made (docs/development.md, "The build"). The `relkit` command
 * (main.ts) compiles the bundle from the cache, so it neither parses the 1.5 MB of source nor
 * compiles most of what it runs.
 *
 * The bundle is a CommonJS module wrapped, in the file itself, as Node wraps one: a function
 * expression called with the bundle's own `require`, `module` and `__filename` (its
 * `import.meta.url`), strict as the ES modules it was made from. A script, not an ES module,
 * because only a script takes a code cache (`vm.Script`'s `cachedData`) without flags. V8 refuses
 * a cache made by another V8, with other V8 flags or for a source of another length, and the
 * bundle is then compiled from its source.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import type { Output } from './io.js';

/** The text before the bundler's output in the bundle's file, and after it. */
export const BUNDLE_START =
  "(function (exports, require, module, __filename, __dirname) {'use strict';";
export const BUNDLE_END = '})';

/** The bundle's exports (src/cli/relkit.ts). */
export interface CliBundle {
  /** Runs this process's command line and sets its exit code. */
  main(): void;
  /** Runs one command line and returns its exit code. */
  run(argv: readonly string[], output: Output): number | Promise<number>;
}

type Wrapper = (
  exports: object,
  require: NodeJS.Require,
  module: { exports: object },
  filename: string,
  directory: string,
) => void;

/**
 * Compiles the bundle `file`, from `cachedData` when V8 takes it, runs its top level and returns
 * its exports and the compiled script.
 *
 * @param file - the bundle's absolute path
 * @param cachedData - a code cache of it (refused by V8 when not one of this source)
 * @returns the exports, and the script (for {@link Script.createCachedData})
 */
export function loadCliBundle(
  file: string,
  cachedData?: Buffer,
): { readonly cli: CliBundle; readonly script: Script } {
  // Pure ASCII (the build escapes every other character), so read byte for byte, without the
  // UTF-8 decoder's checks.
  const script = new Script(readFileSync(file, 'latin1'), {
    filename: file,
    ...(cachedData === undefined ? {} : { cachedData }),
  });
  const module = { exports: {} };
  (script.runInThisContext() as Wrapper)(
    module.exports,
    createRequire(file),
    module,
    file,
    dirname(file),
  );
  return { cli: module.exports as CliBundle, script };
}

/**
 * The commands whose functions the code cache holds compiled: a fault tree read from a model file
 * and from Open-PSA MEF, analysed, written as JSON (the example's own MEF, written by `export`).
 */
const CACHED_RUNS: readonly (readonly string[])[] = [
  ['analyze', 'models/loss-of-cooling.yaml', '--json'],
  ['export', 'models/loss-of-cooling.yaml', '--to', 'mef', '--out', '{mef}'],
  ['analyze', '{mef}', '--json'],
];

/**
 * Writes the code cache of the bundle `file` to `cacheFile` after running {@link CACHED_RUNS}
 * in this process, from the folder holding `models/` (the build's, run by vite.cli.config.ts in
 * a fresh `node`: V8 takes a cache only under the flags it was made with).
 *
 * @throws Error when a command fails
 */
export function writeCodeCache(file: string, cacheFile: string): void {
  const { cli, script } = loadCliBundle(file);
  const folder = mkdtempSync(join(tmpdir(), 'relkit-code-cache-'));
  try {
    const mef = join(folder, 'loss-of-cooling.xml');
    let errors = '';
    const output: Output = { stdout: () => {}, stderr: (text) => void (errors += text) };
    for (const argv of CACHED_RUNS) {
      const args = argv.map((arg) => (arg === '{mef}' ? mef : arg));
      const code = cli.run(args, output);
      if (code !== 0) throw new Error(`relkit ${args.join(' ')}: exit ${String(code)}: ${errors}`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  writeFileSync(cacheFile, script.createCachedData());
}
