/**
 * Differential test of the plain-YAML reader (src/model/plainYaml.ts) against the YAML library
 * (through parseYaml, with relkit's own checks: duplicate keys, nesting, aliases). Invariant, on
 * every text: when readPlainYaml gives data, the library reads the text without a problem and its
 * data is deeply, strictly equal (NaN equal to NaN, -0 apart from 0, same key order). Texts:
 * every model in models/, random documents from a grammar that covers the subset and its edges
 * (scalars of every core-schema type and near misses, quoted keys and escapes, flow collections,
 * block scalars, lists at their key's indentation, compact mappings in lists, comments), and
 * random edits of both (characters of YAML's syntax inserted or deleted, lines re-indented,
 * duplicated, swapped). The share of texts the reader accepts is checked too, so the invariant is
 * exercised and the fast path is not silently lost. A longer run:
 * `PLAIN_YAML_COUNT=200000 PLAIN_YAML_SEED=5 npx vitest run test/fuzz/plainYaml.test.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Rng } from '../../src/distributions/types.js';
import { parseYaml } from '../../src/model/parseYaml.js';
import { readPlainYaml } from '../../src/model/plainYaml.js';
import { testRng } from '../helpers/testRng.js';

/** Texts per random test (PLAIN_YAML_COUNT, default 3000) and the first seed (PLAIN_YAML_SEED). */
const COUNT = Number(process.env.PLAIN_YAML_COUNT ?? 3000);
const SEED = Number(process.env.PLAIN_YAML_SEED ?? 20261206);

const MODELS = join(import.meta.dirname, '../../models');
const EXAMPLES = readdirSync(MODELS)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => ({ name, text: readFileSync(join(MODELS, name), 'utf8') }));

/** The library's reading: its data, or undefined when it finds a problem. */
function libraryData(text: string): { ok: boolean; data: unknown } {
  const parsed = parseYaml(text, () => {});
  return { ok: parsed.problems.length === 0, data: parsed.data };
}

/** Checks the invariant on one text; returns whether the reader accepted it. */
function agrees(text: string): boolean {
  const fast = readPlainYaml(text);
  if (fast === undefined) return false;
  const library = libraryData(text);
  if (!library.ok || !isDeepStrictEqual(fast, library.data)) {
    const theirs = library.ok ? JSON.stringify(library.data) : 'problems';
    const ours = JSON.stringify(fast);
    expect.fail(
      `plain reader and library differ on:\n${text}\nreader: ${ours}\nlibrary: ${theirs}`,
    );
  }
  return true;
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng.next() * items.length)]!;

/** Plain scalars of every core-schema type, and texts that look like one and are not. */
const PLAIN = [
  '0',
  '-0',
  '+1',
  '007',
  '42',
  '1e3',
  '1E-3',
  '-1.5e+10',
  '.5',
  '5.',
  '-.5',
  '1.0',
  '1.50',
  '0o17',
  '0o8',
  '0x1F',
  '0xg',
  '0X1F',
  '1_000',
  '12345678901234567890',
  '.inf',
  '-.Inf',
  '+.INF',
  '.nan',
  '.NaN',
  '.NAN',
  'nan',
  'inf',
  'null',
  'Null',
  'NULL',
  'nULL',
  '~',
  'true',
  'True',
  'TRUE',
  'tRUE',
  'false',
  'False',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  '2026-12-06',
  '1:20',
  'a',
  'pump A',
  'valve_1',
  'x-y',
  '-x',
  '.x',
  '/path/to',
  'a:b',
  'a#b',
  'a, b',
  'a [1]',
  'a {b}',
  'µs',
  'Pompe à eau',
  "it's",
  'say "hi"',
  'a\\b',
  '%',
  '@x',
  '`x`',
  'a  b',
  ':x',
  '?x',
];
/** Quoted scalars, with the escapes the reader takes and some it leaves to the library. */
const QUOTED = [
  '""',
  "''",
  '"a b"',
  "'a b'",
  "'it''s'",
  '"say \\"hi\\""',
  '"tab\\there"',
  '"nl\\n"',
  '"uni\\u00e9"',
  '"surrogate\\ud83d"',
  '"bell\\a"',
  '"hex\\x41"',
  '"slash\\/"',
  '"back\\\\"',
  '"# not a comment"',
  "'a: b'",
  '"unclosed',
  "'unclosed",
  '"a"b',
  '"0"',
  "'true'",
];
const KEYS = [
  'a',
  'b',
  'name',
  'mtbf',
  'components',
  'x y',
  'a.b',
  'a-b',
  'on',
  'yes',
  '"quoted"',
  "'single'",
  '"a: b"',
  '1',
  'true',
  'null',
  '~',
  '__proto__',
  'a#b',
  '"k\\"q"',
  'constructor',
];
const COMMENTS = ['', '', '', ' # comment', '  #c', '#no space'];

function scalar(rng: Rng): string {
  return rng.next() < 0.7 ? pick(rng, PLAIN) : pick(rng, QUOTED);
}

function flow(rng: Rng, depth: number): string {
  const n = Math.floor(rng.next() * 4);
  const item = (): string =>
    depth < 2 && rng.next() < 0.25 ? flow(rng, depth + 1) : scalar(rng).replace(/[,[\]{}]/g, '');
  const gap = pick(rng, ['', ' ', '  ']);
  if (rng.next() < 0.5) {
    return `[${gap}${Array.from({ length: n }, item).join(pick(rng, [', ', ',', ' , ']))}${gap}]`;
  }
  const key = (): string =>
    rng.next() < 0.7 ? pick(rng, KEYS) : pick(rng, PLAIN).replace(/[,[\]{}]/g, '');
  const pairs = Array.from({ length: n }, () => `${key()}: ${item()}`);
  return `{${gap}${pairs.join(pick(rng, [', ', ','])) + (rng.next() < 0.05 ? ',' : '')}${gap}}`;
}

function blockScalar(rng: Rng, indent: string): string[] {
  const header = pick(rng, ['|', '>', '|-', '>-', '|+', '>+', '|2', '> # c']);
  const width = indent + pick(rng, ['  ', '  ', '    ', ' ']);
  const lines = [header];
  const count = 1 + Math.floor(rng.next() * 4);
  for (let i = 0; i < count; i++) {
    const r = rng.next();
    if (r < 0.15) lines.push('');
    else if (r < 0.2) lines.push(`${width}  more indented`);
    else if (r < 0.25) lines.push(`${width} `);
    else lines.push(`${width}${pick(rng, ['text', 'a: b', '# hash', 'x  y ', 'last'])}`);
  }
  if (rng.next() < 0.3) lines.push('');
  return lines;
}

/** A block mapping (or, when `list`, a block list) at `indent`, as lines. */
function block(rng: Rng, indent: string, depth: number, list = false): string[] {
  const lines: string[] = [];
  const n = 1 + Math.floor(rng.next() * 4);
  const used = new Set<string>();
  for (let i = 0; i < n; i++) {
    if (rng.next() < 0.1) lines.push(pick(rng, ['', `${indent}# a comment`, '   ']));
    let key = rng.next() < 0.7 ? pick(rng, KEYS) : pick(rng, PLAIN);
    if (used.has(key) && rng.next() < 0.9) key = `k${i}`;
    used.add(key);
    const lead = list ? `${indent}- ` : `${indent}${key}:`;
    const sp = list ? '' : ' ';
    const r = rng.next();
    const inner = indent + pick(rng, ['  ', '  ', ' ', '    ']);
    if (depth > 3 || r < 0.4) {
      lines.push(`${lead}${sp}${scalar(rng)}${pick(rng, COMMENTS)}`);
    } else if (r < 0.5) {
      lines.push(`${lead}${sp}${flow(rng, 0)}${pick(rng, COMMENTS)}`);
    } else if (r < 0.58) {
      const [header, ...rest] = blockScalar(rng, indent);
      lines.push(`${lead}${sp}${header}`, ...rest);
    } else if (r < 0.75) {
      lines.push(
        `${lead}${rng.next() < 0.1 ? ' # c' : ''}`,
        ...block(rng, inner, depth + 1, false),
      );
    } else if (r < 0.85) {
      // A list under a key, at the key's own indentation or deeper.
      const at = !list && rng.next() < 0.5 ? indent : inner;
      lines.push(lead, ...block(rng, at, depth + 1, true));
    } else if (list) {
      // A compact mapping in a list entry: its first key on the entry's line.
      const [first, ...rest] = block(rng, `${indent}  `, depth + 1, false);
      lines.push(`${indent}- ${first!.trimStart()}`, ...rest);
    } else {
      lines.push(`${lead}`);
    }
  }
  return lines;
}

function randomDocument(rng: Rng): string {
  const lines = block(rng, '', 0);
  if (rng.next() < 0.1) lines.unshift('# header comment', '');
  return lines.join('\n') + (rng.next() < 0.9 ? '\n' : '');
}

/** Characters of YAML's syntax and others that matter to it. */
const EDIT_CHARS = [...' :-#\'"[]{},|>&*!?%@`\\\n\t\r', 'a', '1', '.', 'é', '\u00a0'];

function mutate(rng: Rng, text: string): string {
  const lines = text.split('\n');
  const edits = 1 + Math.floor(rng.next() * 3);
  for (let e = 0; e < edits; e++) {
    const i = Math.floor(rng.next() * lines.length);
    const line = lines[i]!;
    const at = Math.floor(rng.next() * (line.length + 1));
    const r = rng.next();
    if (r < 0.35) lines[i] = line.slice(0, at) + pick(rng, EDIT_CHARS) + line.slice(at);
    else if (r < 0.6) lines[i] = line.slice(0, at) + line.slice(at + 1);
    else if (r < 0.75) lines[i] = pick(rng, [' ', '  ', '']) + line.replace(/^ {0,2}/, '');
    else if (r < 0.85) lines.splice(i, 0, line);
    else {
      const j = Math.floor(rng.next() * lines.length);
      [lines[i], lines[j]] = [lines[j]!, line];
    }
  }
  return lines.join('\n');
}

describe('plain-YAML reader against the YAML library', () => {
  it('reads every example model as the library does', () => {
    for (const { name, text } of EXAMPLES) {
      expect(agrees(text), name).toBe(true);
    }
  });

  it('agrees with the library on random documents, or leaves them to it', () => {
    const rng = testRng(SEED);
    let accepted = 0;
    const N = COUNT;
    for (let i = 0; i < N; i++) if (agrees(randomDocument(rng))) accepted++;
    // The grammar mixes the subset with forms outside it; about a fifth is read directly.
    expect(accepted / N).toBeGreaterThan(0.1);
  });

  it('agrees with the library on edited models and documents, or leaves them to it', () => {
    const rng = testRng(SEED + 1);
    let accepted = 0;
    const N = COUNT;
    for (let i = 0; i < N; i++) {
      const base = i % 2 === 0 ? pick(rng, EXAMPLES).text : randomDocument(rng);
      if (agrees(mutate(rng, base))) accepted++;
    }
    expect(accepted / N).toBeGreaterThan(0.1);
  });

  it('reads the forms it knows exactly as the library does', () => {
    const cases = [
      'a: 1\nb:\n- x\n- y\nc: 2\n',
      'a:\n  - k: 1\n    j: [1, {x: y}]\n  - null\n  -\n  - - nested\n',
      'd: >-\n  folded\n  text\n\n  para\n# after\ne: |\n  lit\n    more\n\n',
      'k: |+\n  keep\n\n\nz: 1\n',
      "q: 'it''s' # c\nr: \"\\u00e9\\n\"\n",
      'n: .inf\nm: -.5\no: 0o17\nh: 0x1F\nf: 1e3\ng: 5.\ns: 1_000\nt: 2026-12-06\n',
    ];
    for (const text of cases) agrees(text);
  });

  it('leaves to the library what it does not read', () => {
    const outside = [
      'a: &x 1\nb: *x\n', // anchors and aliases
      'a: !!str 1\n', // tags
      'a: long\n  continued\n', // a plain scalar over two lines
      'a: 1\na: 2\n', // a duplicate key
      `${'k'.repeat(990)}${' '.repeat(40)}: 1\n`, // a key over the length limit with its spaces
      `a: {${'k'.repeat(990)}${' '.repeat(40)}: 1}\n`, // the same in a flow mapping
      `"${'\\\\'.repeat(511)}x": 1\n`, // a quoted key, short once unescaped, long as written
      `x:\n- a${' '.repeat(1024)}: 1\n`, // a long key in a compact mapping
      '---\na: 1\n', // a document marker
      'a:\n\tb: 1\n', // a tab
      'a: 1\r\n', // a carriage return
      '? a\n: 1\n', // an explicit key
      '[1, 2]\n', // a top level that is not a block mapping
      '1: one\n', // a key that is not a string
      'a: [1, 2,]\n', // a trailing comma
    ];
    for (const text of outside) expect(readPlainYaml(text), text).toBeUndefined();
  });
});
