/**
 * models/schema.json is generated from the same schema that validates models, so editors and
 * relkit agree. A real JSON Schema validator (Ajv, draft 2020-12) checks that claim here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadModel, modelJsonSchema } from '../../src/index.js';

const MODELS = join(import.meta.dirname, '../../models');
// strictRequired off: the root's anyOf names required keys defined in the root's properties.
const validate = new Ajv2020({ allErrors: true, strict: true, strictRequired: false }).compile(
  modelJsonSchema(),
);

describe('modelJsonSchema', () => {
  const files = readdirSync(MODELS).filter((name) => name.endsWith('.yaml'));

  for (const file of files) {
    it(`accepts models/${file}, as loadModel does`, () => {
      const data: unknown = parse(readFileSync(join(MODELS, file), 'utf8'));
      expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
      expect(() => loadModel(data as object)).not.toThrow();
    });
  }

  const rejected: [string, object][] = [
    ['a missing system', { name: 'x', components: { a: { failure: { mtbf: 1 } } } }],
    [
      'an unknown key',
      { name: 'x', components: { a: { failure: { mtbf: 1 } } }, system: 'a', extra: 1 },
    ],
    [
      'an unknown family',
      { name: 'x', components: { a: { failure: { dist: 'weibul', shape: 1 } } }, system: 'a' },
    ],
    [
      'a parameter of another family',
      { name: 'x', components: { a: { failure: { dist: 'weibull', rate: 1 } } }, system: 'a' },
    ],
    [
      'two node kinds in one node',
      {
        name: 'x',
        components: { a: { failure: { mtbf: 1 } } },
        system: { series: ['a'], parallel: ['a'] },
      },
    ],
    [
      'a bad component name',
      { name: 'x', components: { 'my-disk': { failure: { mtbf: 1 } } }, system: 'my-disk' },
    ],
  ];
  for (const [title, data] of rejected) {
    it(`rejects ${title}, as loadModel does`, () => {
      expect(validate(data)).toBe(false);
      expect(() => loadModel(data)).toThrow();
    });
  }
});
