/**
 * The model editor's pure logic: the YAML path at a cursor (block and flow style, sequences,
 * block scalars), the walk of relkit's JSON Schema, the completion candidates at a cursor, and
 * the worker's problems as diagnostics.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Text } from '@codemirror/state';
import { describe, expect, test } from 'vitest';
import { completionsAt, modelNames } from '../../web/editor/completions.js';
import { diagnosticsOf, issueRange } from '../../web/editor/diagnostics.js';
import { MODEL_SCHEMA } from '../../web/editor/modelSchema.js';
import {
  alternativesAt,
  fixedValuesOf,
  keysOf,
  matchingMappings,
  takesExpression,
} from '../../web/editor/schemaWalk.js';
import { outline, yamlContextAt } from '../../web/editor/yamlContext.js';

const ROOT = resolve(import.meta.dirname, '../..');
const example = (name: string) => readFileSync(join(ROOT, 'models', `${name}.yaml`), 'utf8');

/** Splits a text written with `|` at the cursor into the text and the cursor's offset. */
function cursor(marked: string): [string, number] {
  const offset = marked.indexOf('|');
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}

const contextOf = (marked: string) => yamlContextAt(...cursor(marked));
const labelsAt = (marked: string) =>
  completionsAt(MODEL_SCHEMA, ...cursor(marked))?.candidates.map((c) => c.label);

const TMR = `name: TMR
parameters:
  lambda: 1e-4
components:
  cpu:
    count: 3
    failure: { dist: exponential, rate: lambda }
  voter:
    failure:
      dist: weibull
system:
  series:
    - koon: { k: 2, of: cpu }
    - voter
`;

describe('yamlContextAt', () => {
  test('a key typed in a block mapping: the mapping path, the word and the keys already there', () => {
    const context = contextOf('components:\n  cpu:\n    count: 3\n    fa|');
    expect(context).toMatchObject({
      path: ['components', 'cpu'],
      position: 'key',
      prefix: 'fa',
      from: 36,
      itemStart: false,
    });
    expect([...context!.siblings]).toEqual([['count', '3']]);
  });

  test('an empty line belongs to the mapping its indentation is in', () => {
    expect(contextOf('components:\n  cpu:\n    failure:\n      |')?.path).toEqual([
      'components',
      'cpu',
      'failure',
    ]);
    expect(contextOf('components:\n  cpu:\n    failure:\n  |')?.path).toEqual(['components']);
    expect(contextOf('components:\n  cpu:\n|')?.path).toEqual([]);
  });

  test('a value typed after a block key', () => {
    expect(contextOf('components:\n  cpu:\n    failure:\n      dist: wei|')).toMatchObject({
      path: ['components', 'cpu', 'failure', 'dist'],
      position: 'value',
      prefix: 'wei',
    });
  });

  test('flow mappings and sequences on the line: keys, values, indices and written keys', () => {
    expect(contextOf('c:\n  cpu:\n    failure: { dist: |')).toMatchObject({
      path: ['c', 'cpu', 'failure', 'dist'],
      position: 'value',
      prefix: '',
    });
    const key = contextOf('c:\n  cpu:\n    failure: { dist: weibull, sh| }');
    expect(key).toMatchObject({ path: ['c', 'cpu', 'failure'], position: 'key', prefix: 'sh' });
    expect(key?.siblings.get('dist')).toBe('weibull');
    expect(contextOf('g:\n  t: { or: [a, "b, c", d|] }')).toMatchObject({
      path: ['g', 't', 'or', 2],
      position: 'value',
      prefix: 'd',
    });
    // A collection closed before the cursor: nothing to complete.
    expect(contextOf('g: { a: 1 } |')).toBeUndefined();
  });

  test('block sequences count their items, also at the key indentation', () => {
    expect(contextOf('system:\n  series:\n    - a\n    - b\n    - |')).toMatchObject({
      path: ['system', 'series', 2],
      position: 'key',
      itemStart: true,
    });
    expect(contextOf('system:\n  series:\n  - a\n  - koon: { k: 2, of: |')?.path).toEqual([
      'system',
      'series',
      1,
      'koon',
      'of',
    ]);
    expect(contextOf('markov:\n  states:\n    - name: up\n      u|')?.path).toEqual([
      'markov',
      'states',
      0,
    ]);
  });

  test('nothing in a comment or a block scalar; the key after the scalar counts again', () => {
    expect(contextOf('name: x # a comm|')).toBeUndefined();
    expect(contextOf('description: >-\n  some text\n  more |')).toBeUndefined();
    expect(contextOf('description: >-\n  some text\nti|')).toMatchObject({
      path: [],
      prefix: 'ti',
    });
  });
});

describe('outline', () => {
  test('gives every block key its full path and plain value', () => {
    const keys = outline(TMR).map((k) => `${k.path.join('.')}=${k.value}`);
    expect(keys).toEqual([
      'name=TMR',
      'parameters=',
      'parameters.lambda=1e-4',
      'components=',
      'components.cpu=',
      'components.cpu.count=3',
      'components.cpu.failure={ dist: exponential, rate: lambda }',
      'components.voter=',
      'components.voter.failure=',
      'components.voter.failure.dist=weibull',
      'system=',
      'system.series=',
      'system.series.0.koon={ k: 2, of: cpu }',
    ]);
  });

  test('skips block scalars and comments', () => {
    const text = 'description: >-\n  a: not a key\n  # nor this\nname: x # note\n';
    expect(outline(text).map((k) => [k.path.join('.'), k.value])).toEqual([
      ['description', '>-'],
      ['name', 'x'],
    ]);
  });
});

describe('schema walk', () => {
  test('a component allows its ten keys', () => {
    const keys = keysOf(alternativesAt(MODEL_SCHEMA, ['components', 'cpu'])).map((k) => k.key);
    expect(keys).toEqual([
      'count',
      'failure',
      'repair',
      'coverage',
      'detection',
      'recovery',
      'inspection',
      'preventive',
      'imperfect_repair',
      'costs',
    ]);
  });

  test('a failure law: every distribution name, and keys narrowed by the written dist', () => {
    const dist = alternativesAt(MODEL_SCHEMA, ['components', 'cpu', 'failure', 'dist']);
    expect(fixedValuesOf(dist)).toEqual([
      'exponential',
      'weibull',
      'lognormal',
      'gamma',
      'erlang',
      'normal',
      'uniform',
      'deterministic',
    ]);
    const failure = alternativesAt(MODEL_SCHEMA, ['components', 'cpu', 'failure']);
    const weibull = matchingMappings(failure, new Map([['dist', 'weibull']]));
    expect(keysOf(weibull).map((k) => k.key)).toEqual([
      'dist',
      'shape',
      'scale',
      'location',
      'fit',
    ]);
    expect(keysOf(matchingMappings(failure, new Map([['mtbf', '10']]))).map((k) => k.key)).toEqual([
      'mtbf',
    ]);
  });

  test('$ref into $defs: system nodes recurse, gates of a fault tree too', () => {
    const node = alternativesAt(MODEL_SCHEMA, ['system', 'series', 0, 'parallel', 1]);
    expect(node.every((a) => a.def === 'node')).toBe(true);
    expect(keysOf(node).map((k) => k.key)).toEqual([
      'series',
      'parallel',
      'koon',
      'standby',
      'network',
    ]);
    const gate = alternativesAt(MODEL_SCHEMA, ['fault_tree', 'gates', 'g', 'or', 0]);
    expect(keysOf(gate).map((k) => k.key)).toContain('atleast');
    expect(fixedValuesOf(alternativesAt(MODEL_SCHEMA, ['system', 'standby', 'mode']))).toEqual([
      'cold',
      'warm',
      'hot',
    ]);
  });

  test('expression slots and paths outside the schema', () => {
    expect(takesExpression(alternativesAt(MODEL_SCHEMA, ['components', 'c', 'count']))).toBe(true);
    expect(takesExpression(alternativesAt(MODEL_SCHEMA, ['name']))).toBe(false);
    expect(alternativesAt(MODEL_SCHEMA, ['no_such_key', 'x'])).toEqual([]);
  });
});

describe('completionsAt', () => {
  test('the top level offers the model sections', () => {
    expect(labelsAt('|')).toEqual(expect.arrayContaining(['name', 'components', 'system']));
    expect(labelsAt('name: x\n|')).not.toContain('name');
  });

  test('inside a component: its keys not yet written, inserted with ": "', () => {
    const [text, offset] = cursor(TMR.replace('  voter:\n', '  voter:\n    |\n'));
    const found = completionsAt(MODEL_SCHEMA, text, offset)!;
    expect(found.candidates.map((c) => c.label)).toEqual([
      'count',
      'repair',
      'coverage',
      'detection',
      'recovery',
      'inspection',
      'preventive',
      'imperfect_repair',
      'costs',
    ]);
    expect(found.candidates[0]).toMatchObject({ insert: 'count: ', kind: 'key' });
    expect(found.candidates[0]!.info).toMatch(/identical units/);
    expect(found.afterIndicator).toBe(false);
  });

  test('inside a failure law: distribution names; in its parameters: parameter names', () => {
    expect(labelsAt('components:\n  c:\n    failure: { dist: |')).toContain('gamma');
    expect(
      labelsAt('parameters:\n  lambda: 1\n  mu: 2\ncomponents:\n  c:\n    failure: { rate: |'),
    ).toEqual(['lambda', 'mu']);
  });

  test('in system: component names, items first; in a fault tree: events, gates, house events', () => {
    const [text, offset] = cursor(TMR.replace('    - voter\n', '    - voter\n    - |\n'));
    const found = completionsAt(MODEL_SCHEMA, text, offset)!;
    expect(found.candidates.map((c) => c.label).slice(0, 3)).toEqual(['cpu', 'voter', 'series']);
    expect(found.afterIndicator).toBe(true);
    expect(
      labelsAt('components:\n  a: {}\n  b: {}\nsystem:\n  standby: { of: a, spares: [|'),
    ).toEqual(['a', 'b']);
    const tree = example('fire-detection');
    const at = tree.indexOf('[fire_not_detected') + 1;
    const labels = completionsAt(MODEL_SCHEMA, tree, at)!.candidates.map((c) => c.label);
    expect(labels).toEqual(
      expect.arrayContaining(['detector_1', 'mains', 'fire_not_detected', 'panel_in_test']),
    );
    expect(labels).not.toContain('fire_not_alarmed'); // the gate being written
    expect(
      labelsAt('fault_tree:\n  top: |\n  gates:\n    g1: { or: [a] }\n    g2: { and: [a] }'),
    ).toEqual(['g1', 'g2']);
  });

  test('in an expression only the name at the cursor is completed', () => {
    const [text, offset] = cursor('parameters:\n  lambda: 1\ncomponents:\n  x:\n    count: 2*la|');
    const found = completionsAt(MODEL_SCHEMA, text, offset)!;
    expect(found).toMatchObject({ prefix: 'la', from: offset - 2 });
    expect(found.candidates.map((c) => c.label)).toEqual(['lambda']);
  });

  test('markov transitions offer state names', () => {
    const text =
      'markov:\n  states:\n    - { name: up, up: true }\n    - name: down\n      up: false\n  transitions:\n    - { from: |';
    expect(labelsAt(text)).toEqual(['up', 'down']);
  });

  test('the names of every bundled example are read', () => {
    expect(modelNames(example('tmr-voter'))).toMatchObject({
      components: ['cpu', 'voter'],
      parameters: ['lambda'],
    });
    expect(modelNames(example('fire-detection')).houseEvents).toEqual(['panel_in_test']);
    expect(modelNames(example('fire-detection')).gates).toContain('fire_not_alarmed');
  });
});

test('completion never throws, at every third offset of every example and of JSON texts', () => {
  const texts = readdirSync(join(ROOT, 'models'))
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => example(file.replace(/\.yaml$/, '')));
  const json = { name: 'x', components: { cpu: { failure: { dist: 'weibull' } } }, system: 'cpu' };
  texts.push(JSON.stringify(json, null, 2), '{"a": [1, {"b": "c\\"d"}], "e": \'x');
  for (const text of texts) {
    for (let offset = 0; offset <= text.length; offset += 3) {
      expect(() => completionsAt(MODEL_SCHEMA, text, offset)).not.toThrow();
    }
  }
});

describe('diagnostics of the worker’s issues', () => {
  const doc = Text.of(['name: x', 'components:', '  cpu:', '    count: 3: x', '']);

  test('a line and column mark the word there; a column at the end marks the line', () => {
    const issue = { line: 4, column: 12, path: '', message: 'Nested mappings' };
    expect(issueRange(doc, issue)).toEqual({ from: 38, to: 40 });
    expect(doc.sliceString(38, 40)).toBe('3:');
    expect(issueRange(doc, { line: 3, column: 8, path: '', message: 'm' })).toEqual({
      from: 20,
      to: 26,
    });
    expect(issueRange(doc, { line: 2, path: 'components', message: 'm' })).toEqual({
      from: 8,
      to: 19,
    });
  });

  test('issues without a line have no diagnostic; lines past the end are clamped', () => {
    const diagnostics = diagnosticsOf(doc, [
      { path: 'system', message: 'is missing' },
      { line: 99, column: 1, path: 'x', message: 'bad' },
    ]);
    expect(diagnostics).toEqual([
      { from: doc.length, to: doc.length, severity: 'error', message: 'x bad' },
    ]);
  });
});
