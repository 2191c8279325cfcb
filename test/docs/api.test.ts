/** docs/api.md lists every export of the package root, and names no export that is gone. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as relkit from '../../src/index.js';
import { element } from '../helpers/element.js';

const ROOT = join(import.meta.dirname, '../..');

describe('docs/api.md', () => {
  const doc = readFileSync(join(ROOT, 'docs/api.md'), 'utf8');
  const index = readFileSync(join(ROOT, 'src/index.ts'), 'utf8');
  const typeExports = [...index.matchAll(/export type \{([^}]*)\}/g)].flatMap((match) =>
    element(match, 1)
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  );
  const documented = new Set([...doc.matchAll(/^\| `(\w+)`/gm)].map((match) => element(match, 1)));

  it('lists every value export of src/index.ts in a table row', () => {
    const missing = Object.keys(relkit).filter((name) => !documented.has(name));
    expect(missing).toEqual([]);
  });

  it('lists every type export of src/index.ts in a table row', () => {
    expect(typeExports.filter((name) => !documented.has(name))).toEqual([]);
  });

  it('lists nothing that src/index.ts does not export', () => {
    const exported = new Set([...Object.keys(relkit), ...typeExports]);
    expect([...documented].filter((name) => !exported.has(name))).toEqual([]);
  });
});
