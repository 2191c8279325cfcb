#!/usr/bin/env node
/**
 * The `relkit` command: runs the CLI's bundle, dist/cli/relkit.cjs, compiled from its code cache,
 * dist/cli/relkit.cache, when V8 takes it (cliBundle.ts; docs/development.md, "The build").
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCliBundle } from './cliBundle.js';

/**
 * The bundle and its cache, beside this file in dist/cli, in constants: the build's bundler would
 * inline a literal `new URL('…', import.meta.url)` as a data URL.
 */
const BUNDLE = './relkit.cjs';
const CODE_CACHE = './relkit.cache';

let cachedData: Buffer | undefined;
try {
  cachedData = readFileSync(new URL(CODE_CACHE, import.meta.url));
} catch {
  cachedData = undefined; // no cache (a partial build): compiled from the source
}
loadCliBundle(fileURLToPath(new URL(BUNDLE, import.meta.url)), cachedData).cli.main();
