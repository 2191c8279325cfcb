import { builtinModules } from 'node:module';
import { defineConfig, type UserConfig } from 'vite';

/**
 * `npm run build`, after tsc: bundles the library (`dist/index.js`) and the simulation worker
 * (`dist/cli/simulationWorker.js`) for Node, so they load a few files instead of about 190
 * modules and all of mathjs (docs/development.md, "The build"); vite.cli.config.ts bundles the
 * CLI. Node's built-in modules stay imports; the npm dependencies are inlined.
 */
export const NODE_BUILTINS: string[] = [
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
];

/** The build options both Node bundles share: into dist beside tsc's output, readable, mapped. */
export const NODE_BUILD = {
  outDir: 'dist',
  emptyOutDir: false,
  target: 'node20',
  minify: false,
  sourcemap: true,
  copyPublicDir: false,
} as const;

const config: UserConfig = defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    lib: {
      entry: {
        index: 'src/index.ts',
        'cli/simulationWorker': 'src/cli/simulationWorker.ts',
      },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    ...NODE_BUILD,
    rollupOptions: {
      external: NODE_BUILTINS,
      output: { chunkFileNames: 'chunks/[name]-[hash].js', comments: false, charset: 'ascii' },
    },
  },
});

export default config;
