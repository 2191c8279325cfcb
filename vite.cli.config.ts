import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { BUNDLE_END, BUNDLE_START } from './src/cli/cliBundle.js';
import { NODE_BUILD, NODE_BUILTINS } from './vite.node.config.js';

/**
 * `npm run build`, after tsc and vite.node.config.ts: bundles the CLI (src/cli/relkit.ts and all
 * it imports) into one wrapped CommonJS script, `dist/cli/relkit.cjs`, which the `relkit` command
 * (src/cli/main.ts, compiled by tsc to `dist/cli/main.js`) runs through V8's code cache; then
 * makes that cache, `dist/cli/relkit.cache` (src/cli/cliBundle.ts; docs/development.md, "The
 * build").
 */
const ROOT = fileURLToPath(new URL('.', import.meta.url));
const BUNDLE = 'dist/cli/relkit.cjs';
const CACHE = 'dist/cli/relkit.cache';

/**
 * Wraps the bundle (`BUNDLE_START` … `BUNDLE_END`, in the file: wrapping it as it is read made a
 * second copy of 1.5 MB; the bundler's banner and footer options left an empty file) and makes
 * its code cache once it is written, in a fresh `node` without NODE_OPTIONS (V8 takes a cache
 * only under the flags it was made with) by `writeCodeCache` of the tsc build of cliBundle.ts.
 * The old cache goes first, so a build never leaves a cache of an older bundle.
 */
function codeCache(): Plugin {
  return {
    name: 'relkit-code-cache',
    buildStart() {
      rmSync(`${ROOT}${CACHE}`, { force: true });
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        // The source map's comment stays the last line.
        const [code, comment = ''] = chunk.code.split(/(?=\n\/\/# sourceMappingURL=)/);
        chunk.code = `${BUNDLE_START}${code}\n${BUNDLE_END}${comment}`;
      }
    },
    closeBundle() {
      const script = [
        "import { writeCodeCache } from './dist/cli/cliBundle.js';",
        `writeCodeCache(${JSON.stringify(`${ROOT}${BUNDLE}`)}, ${JSON.stringify(CACHE)});`,
      ].join('\n');
      const env = { ...process.env };
      delete env.NODE_OPTIONS;
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
        cwd: ROOT,
        env,
        encoding: 'utf8',
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      if (run.status !== 0) {
        throw new Error(`making ${CACHE} failed: ${run.error?.message ?? run.stderr}`);
      }
    },
  };
}

const config: UserConfig = defineConfig({
  publicDir: false,
  logLevel: 'warn',
  plugins: [codeCache()],
  build: {
    lib: {
      entry: { relkit: 'src/cli/relkit.ts' },
      formats: ['cjs'],
      fileName: () => 'cli/relkit.cjs',
    },
    ...NODE_BUILD,
    rollupOptions: {
      external: NODE_BUILTINS,
      // import.meta.url becomes the bundle's file URL (from __filename).
      platform: 'node',
      output: { codeSplitting: false, comments: false, charset: 'ascii' },
    },
  },
});

export default config;
