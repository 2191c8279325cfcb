/**
 * Model files named `.json` are held to JSON's syntax (RFC 8259) with line and column; before
 * issue 14 they were read as YAML, so a trailing comma or a comment validated.
 */
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/loadModel.js';
import { jsonSyntaxProblem } from '../../src/model/parseJson.js';
import { modelErrorsOf } from '../helpers/modelErrors.js';

const GOOD = `{
  "name": "pair",
  "parameters": { "m": 1000 },
  "components": { "disk": { "count": 2, "failure": { "mtbf": "m" } } },
  "system": { "parallel": ["disk"] }
}
`;

describe('a .json model', () => {
  it('loads like the same model in YAML', () => {
    const model = loadModel(GOOD, { file: 'pair.json' });
    expect(model.units).toHaveLength(2);
    expect(model.components[0]?.failure).toEqual({ dist: 'exponential', mean: 1000 });
    expect(loadModel(`\uFEFF${GOOD.replaceAll('  ', '\t')}`, { file: 'P.JSON' }).name).toBe('pair');
  });

  it.each([
    [
      'a trailing comma in a mapping',
      GOOD.replace('"m": 1000 }', '"m": 1000, }'),
      '3:28',
      'a trailing comma before }',
    ],
    [
      'a trailing comma in a list',
      GOOD.replace('["disk"]', '["disk",]'),
      '5:34',
      'a trailing comma before ]',
    ],
    ['a comment', GOOD.replace('{\n', '{ // a pair\n'), '1:3', 'JSON has no comments'],
    ['a YAML comment', GOOD.replace('{\n', '{ # a pair\n'), '1:3', 'JSON has no comments'],
    [
      'a single-quoted string',
      GOOD.replace('"pair"', "'pair'"),
      '2:11',
      'strings are written in double quotes',
    ],
    [
      'a bare word',
      GOOD.replace('"pair"', 'pair'),
      '2:11',
      'pair is not a JSON value (strings are written in double quotes)',
    ],
    ['an unquoted key', GOOD.replace('"name"', 'name'), '2:3', 'expected a key in double quotes'],
    ['a missing comma', GOOD.replace('"pair",', '"pair"'), '3:3', 'expected , or }'],
    ['a missing colon', GOOD.replace('"name":', '"name"'), '2:10', 'expected : after the key'],
    [
      'a leading zero',
      GOOD.replace('1000', '01000'),
      '3:24',
      'invalid number (JSON numbers are like -1.5e3, without leading zeros)',
    ],
    [
      'NaN',
      GOOD.replace('1000', 'NaN'),
      '3:24',
      'NaN is not a JSON value (strings are written in double quotes)',
    ],
    ['an unclosed string', '{"name": "pair', '1:10', 'a string without its closing "'],
    ['an invalid escape', '{"name": "a\\x"}', '1:12', 'invalid escape \\x in a string'],
    [
      'a line break in a string',
      '{"name": "a\nb"}',
      '1:12',
      'a line break or control character inside a string',
    ],
    ['a missing closing brace', GOOD.slice(0, -2), '6:1', 'the text ends too early'],
    ['text after the value', `${GOOD}{}`, '7:1', 'text after the end of the JSON value'],
    [
      'YAML',
      'name: pair\n',
      '1:1',
      'name is not a JSON value (strings are written in double quotes)',
    ],
  ])('refuses %s at its line and column', (_, text, at, message) => {
    expect(modelErrorsOf(text, { file: 'm.json' })).toEqual([
      `m.json:${at}: invalid JSON: ${message}`,
    ]);
  });

  it('refuses a duplicate key, which JSON.parse would take silently, as invalid JSON', () => {
    expect(
      modelErrorsOf(GOOD.replace('"name": "pair",', '"name": "a", "name": "b",'), {
        file: 'm.json',
      }),
    ).toEqual(['m.json:2:16: invalid JSON: Map keys must be unique']);
  });

  it('is read as YAML when the file is not named .json, or with format: yaml', () => {
    const trailing = GOOD.replace('"m": 1000 }', '"m": 1000, }');
    expect(loadModel(trailing, { file: 'm.yaml' }).name).toBe('pair');
    expect(loadModel(trailing, { file: 'm.json', format: 'yaml' }).name).toBe('pair');
    expect(() => loadModel(trailing, { format: 'json' })).toThrow(
      '<input>:3:28: invalid JSON: a trailing comma before }',
    );
  });

  it('agrees with JSON.parse on valid and invalid texts', () => {
    const texts = [
      '{}', '[]', '""', '0', '-0.5e-3', 'true', 'null', ' [1, {"a": [null, "\\u00e9\\n"]}] ',
      '[1,]', '{"a":1,}', '[01]', '[1.]', '[.5]', '[+1]', '["\\a"]', '{"a" 1}', '[1 2]', '[',
      '{"a":1}}', "['a']", '[1e]', '[-]', '["\t"]', '[Infinity]', '{"a":1}\n// x',
    ]; // prettier-ignore
    for (const text of texts) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(jsonSyntaxProblem(text) === undefined, text).toBe(valid);
    }
  });
});
