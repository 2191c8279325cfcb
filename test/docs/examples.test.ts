/**
 * Runs every `@example` block in src/ against the package root, so documented results cannot
 * drift from the code (STYLE.md §4.7).
 *
 * Inside a ```ts fence, a line `expression; // → VALUE` checks that `expression` prints as VALUE
 * (`String(x)` for numbers, `[a, b]` for arrays); `// → ~VALUE` compares at the digits shown
 * (within half a unit of the last digit, or 4 ulps when every digit is shown).
 * Other lines (const declarations) run as written. Names come from `src/index.ts` and, for
 * internal helpers, from the example's own module.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as relkit from '../../src/index.js';
import { element } from '../helpers/element.js';

const SRC = join(import.meta.dirname, '../../src');

interface Example {
  readonly file: string;
  readonly line: number;
  readonly code: string;
}

describe('@example blocks', () => {
  const examples = collectExamples(SRC);

  it('exist in the library', () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  for (const example of examples) {
    it(`${example.file}:${example.line} prints what its comments say`, async () => {
      const own = (await import(join(SRC, example.file))) as Record<string, unknown>;
      runExample(example, { ...own, ...relkit });
    });
  }
});

function collectExamples(dir: string): Example[] {
  const found: Example[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const path = join(entry.parentPath, entry.name);
    const lines = readFileSync(path, 'utf8').split('\n');
    let start = -1;
    let code: string[] = [];
    lines.forEach((raw, index) => {
      const text = raw.replace(/^\s*\*\s?/, '');
      if (start < 0 && /^```ts\s*$/.test(text) && isInsideExample(lines, index)) {
        start = index + 2;
        code = [];
      } else if (start >= 0 && /^```\s*$/.test(text)) {
        found.push({ file: relative(SRC, path), line: start, code: code.join('\n') });
        start = -1;
      } else if (start >= 0) {
        code.push(text);
      }
    });
  }
  return found;
}

/** True when the fence at `index` belongs to an `@example` tag (the nearest tag above it). */
function isInsideExample(lines: readonly string[], index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const tag = /@(\w+)/.exec(lines[i] ?? '');
    if (tag) return tag[1] === 'example';
    if ((lines[i] ?? '').includes('/**')) return false;
  }
  return false;
}

function runExample(example: Example, scope: Record<string, unknown>): void {
  const checks: { expected: string; line: number }[] = [];
  const body = example.code
    .split('\n')
    .map((line, offset) => {
      const match = /^(.*?);?\s*\/\/\s*→\s*(.+?)\s*$/.exec(line);
      if (!match) return line;
      checks.push({ expected: match[2] ?? '', line: example.line + offset });
      return `__check(${checks.length - 1}, (${match[1]}));`;
    })
    .join('\n');
  expect(checks.length, `${example.file}:${example.line} has no "// →" line`).toBeGreaterThan(0);
  const names = Object.keys(scope);
  const values = Object.values(scope);
  const check = (index: number, actual: unknown): void => {
    const { expected, line } = element(checks, index);
    const where = `${example.file}:${line}`;
    if (expected.startsWith('~')) {
      const shown = expected.slice(1);
      // Half a unit in the last digit shown, or a few ulps when all 16-17 digits are shown.
      const tolerance = Math.max(
        halfUnitInLastPlace(shown),
        4 * Number.EPSILON * Math.abs(Number(shown)),
      );
      expect(typeof actual, where).toBe('number');
      const delta = Math.abs((actual as number) - Number(shown));
      expect(delta, `${where}: ${String(actual)} is not ${expected}`).toBeLessThanOrEqual(
        tolerance,
      );
    } else {
      expect(formatValue(actual), where).toBe(expected);
    }
  };
  new Function('__check', ...names, body)(check, ...values);
}

/** Half a unit in the last digit shown: `0.9048` → 5e-5, `1.2e-7` → 5e-9. */
function halfUnitInLastPlace(shown: string): number {
  const [mantissa = '', exponent = '0'] = shown.toLowerCase().split('e');
  const decimals = mantissa.includes('.') ? element(mantissa.split('.'), 1).length : 0;
  return 0.5 * 10 ** (Number(exponent) - decimals) * (1 + 1e-9);
}

function formatValue(value: unknown): string {
  if (ArrayBuffer.isView(value) || Array.isArray(value)) {
    return `[${Array.from(value as ArrayLike<unknown>, (x) => formatValue(x)).join(', ')}]`;
  }
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}
