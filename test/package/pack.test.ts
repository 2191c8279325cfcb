/**
 * The npm package as a user gets it: `npm pack`, the tarball installed in an empty folder, then
 * `npx relkit` on a model there, `import { analyze } from 'relkit'` in a plain .mjs file, and the
 * shipped types checked by tsc in a TypeScript file (module resolution nodenext, bundler and
 * node10). The dependencies are installed offline from this repository's node_modules by file:
 * links (the npm cache of a fresh machine holds no package metadata, so a plain `npm install
 * --offline` of the tarball fails with ENOTCACHED); only the declared dependencies are linked, so
 * an import of an undeclared package fails here as it would for a user. Needs the build (npm test
 * builds first); skipped, saying so, only when npm itself is missing.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analytic/solver/analyze.js';
import { loadModel } from '../../src/model/loadModel.js';

const ROOT = join(import.meta.dirname, '../..');
const MANIFEST = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  readonly name: string;
  readonly version: string;
  readonly dependencies: Readonly<Record<string, string>>;
};
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
/** Packing, installing and three runs of tsc: about 15 s on two loaded cores. */
const SETUP_MS = 120_000;

const npmVersion = spawnSync('npm', ['--version'], { encoding: 'utf8' });
const npmMissing = npmVersion.status !== 0;
if (npmMissing) console.warn('package: SKIPPING the npm package test: npm is not on the PATH');

/** Runs a command in `cwd`, offline, and returns what it printed. */
function sh(cwd: string, command: string, ...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false' },
  });
}

/** The command line and its output, for a failing assertion's message. */
function shown(run: SpawnSyncReturns<string>): string {
  return `exit ${run.status}\n${run.stdout}\n${run.stderr}`;
}

describe.skipIf(npmMissing)('the npm package', () => {
  let work = '';
  let app = '';
  let files: string[] = [];

  beforeAll(() => {
    expect(existsSync(join(ROOT, 'dist/index.js')), 'run npm run build (npm test does)').toBe(true);
    work = mkdtempSync(join(tmpdir(), 'relkit-pack-'));
    // --ignore-scripts: pack the build npm test made, without rebuilding dist/ in the repository.
    const pack = sh(ROOT, 'npm', 'pack', '--ignore-scripts', '--json', '--pack-destination', work);
    expect(pack.status, shown(pack)).toBe(0);
    const [packed] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    files = packed!.files.map((file) => file.path);
    app = join(work, 'app');
    const dependencies = Object.fromEntries(
      Object.keys(MANIFEST.dependencies).map((name) => [
        name,
        `file:${join(ROOT, 'node_modules', name)}`,
      ]),
    );
    mkdirSync(app);
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ name: 'app', private: true, type: 'module', dependencies }),
    );
    const install = sh(
      app,
      'npm',
      'install',
      '--offline',
      '--no-audit',
      '--no-fund',
      join(work, packed!.filename),
    );
    expect(install.status, shown(install)).toBe(0);
    copyFileSync(join(ROOT, 'models/tmr-voter.yaml'), join(app, 'tmr-voter.yaml'));
  }, SETUP_MS);

  afterAll(() => {
    if (work !== '') rmSync(work, { recursive: true, force: true });
  });

  it('holds the build, its types, the CLI, the example models and the docs, and nothing else', () => {
    for (const path of [
      'package.json',
      'README.md',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/cli/main.js',
      'models/tmr-voter.yaml',
      'models/schema.json',
      'docs/model-format.md',
    ]) {
      expect(files, path).toContain(path);
    }
    const outside = files.filter(
      (path) => !/^(dist|src|models|docs)\//.test(path) && !/^[^/]+\.(json|md)$/.test(path),
    );
    expect(outside).toEqual([]);
    expect(files.some((path) => /^(test|web|bench|notebooks|node_modules)\//.test(path))).toBe(
      false,
    );
  });

  it('runs as npx relkit analyze in the folder it is installed in', () => {
    const run = sh(app, 'npx', 'relkit', 'analyze', 'tmr-voter.yaml', '--json');
    expect(run.status, shown(run)).toBe(0);
    const result = JSON.parse(run.stdout) as { measures: { mttf: number } };
    const text = readFileSync(join(ROOT, 'models/tmr-voter.yaml'), 'utf8');
    expect(result.measures.mttf).toBe(analyze(loadModel(text)).measures.mttf);
    const validate = sh(app, 'npx', 'relkit', 'validate', 'node_modules/relkit/models/raid5.yaml');
    expect(validate.stdout, shown(validate)).toBe('OK\n');
  });

  it('is imported by a plain .mjs file', () => {
    writeFileSync(
      join(app, 'use.mjs'),
      [
        "import { readFileSync } from 'node:fs';",
        "import { analyze, loadModel } from 'relkit';",
        "const model = loadModel(readFileSync('tmr-voter.yaml', 'utf8'), { file: 'tmr-voter.yaml' });",
        'console.log(JSON.stringify(analyze(model).measures.mttf));',
      ].join('\n'),
    );
    const run = sh(app, process.execPath, 'use.mjs');
    expect(run.status, shown(run)).toBe(0);
    const text = readFileSync(join(ROOT, 'models/tmr-voter.yaml'), 'utf8');
    expect(JSON.parse(run.stdout)).toBe(analyze(loadModel(text)).measures.mttf);
  });

  it.each(['nodenext', 'bundler', 'node10'])(
    'gives TypeScript its types (moduleResolution %s, no skipLibCheck)',
    (resolution) => {
      writeFileSync(
        join(app, 'use.ts'),
        [
          "import { analyze, loadModel, type Model } from 'relkit';",
          "const model: Model = loadModel('name: a\\ncomponents: { c: { failure: { mtbf: 10 } } }\\nsystem: c');",
          'export const method: string = analyze(model).method;',
          '// @ts-expect-error: the shipped types say a Model is not a number',
          'export const wrong: number = model;',
        ].join('\n'),
      );
      writeFileSync(
        join(app, `tsconfig.${resolution}.json`),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            noEmit: true,
            target: 'es2022',
            lib: ['es2022'],
            types: [],
            module: resolution === 'nodenext' ? 'nodenext' : 'esnext',
            moduleResolution: resolution,
            skipLibCheck: false,
          },
          files: ['use.ts'],
        }),
      );
      const run = sh(app, process.execPath, TSC, '-p', `tsconfig.${resolution}.json`);
      expect(run.status, shown(run)).toBe(0);
    },
    SETUP_MS,
  );
});
