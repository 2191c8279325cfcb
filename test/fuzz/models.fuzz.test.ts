/**
 * Fuzzing of model files: thousands of random and mutated models, valid and invalid. For each,
 * loadModel and analyze give a result or a clear, located error; never another exception, never
 * a hang, never NaN or Infinity in a result without a warning that explains it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ModelError,
  ParameterError,
  UnsupportedModelError,
  ConvergenceError,
  analyze,
  loadModel,
  type Result,
} from '../../src/index.js';

const MODELS = join(import.meta.dirname, '../../models');
const EXAMPLES = readdirSync(MODELS)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => readFileSync(join(MODELS, name), 'utf8'));

/** Hang guard, not a speed goal: a case that takes this long is stuck. */
const HANG_SECONDS = 10;

/** Values that have broken parsers and solvers elsewhere. */
const NASTY = [
  '-1', '0', '1e308', '-1e308', '1e-320', '.nan', '.inf', '-.inf', '""', 'null', '[]', '{}', '~',
  '"1/0"', '"exp(1000)"', '"x"', '"2 *"', '"a.constructor"', '"import({}, {})"', '1e9', '2.5',
  '"f(x) = x"', '&a [*a]', '!!binary AAAA', '*undefined_alias', "'", '{{', ']]',
]; // prettier-ignore

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('replace-number' as const),
    at: fc.nat(),
    value: fc.constantFrom(...NASTY),
  }),
  fc.record({
    kind: fc.constant('replace-word' as const),
    at: fc.nat(),
    value: fc.string({ maxLength: 12 }),
  }),
  fc.record({
    kind: fc.constant('insert-text' as const),
    at: fc.nat(),
    value: fc.string({ maxLength: 20 }),
  }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, change: Mutation): string {
  const lines = text.split('\n');
  const line = change.at % lines.length;
  switch (change.kind) {
    case 'delete-line':
      return lines.filter((_, i) => i !== line).join('\n');
    case 'duplicate-line':
      return [...lines.slice(0, line + 1), ...lines.slice(line)].join('\n');
    case 'truncate':
      return text.slice(0, change.at % (text.length + 1));
    case 'replace-number': {
      const numbers = [...text.matchAll(/-?\d+(\.\d+)?(e-?\d+)?/g)];
      const target = numbers[change.at % Math.max(1, numbers.length)];
      if (!target || target.index === undefined) return text;
      return (
        text.slice(0, target.index) + change.value + text.slice(target.index + target[0].length)
      );
    }
    case 'replace-word': {
      const words = [...text.matchAll(/[A-Za-z_]+/g)];
      const target = words[change.at % Math.max(1, words.length)];
      if (!target || target.index === undefined) return text;
      return (
        text.slice(0, target.index) + change.value + text.slice(target.index + target[0].length)
      );
    }
    case 'insert-text': {
      const at = change.at % (text.length + 1);
      return text.slice(0, at) + change.value + text.slice(at);
    }
  }
}

/** Runs one case; returns a description of any contract violation, or undefined. */
function violation(input: string | object): string | undefined {
  const started = performance.now();
  let result: Result | undefined;
  try {
    const model = loadModel(input, { file: 'fuzz.yaml' });
    result = analyze(model, { points: 5 });
  } catch (error) {
    const known =
      error instanceof ModelError ||
      error instanceof UnsupportedModelError ||
      error instanceof ParameterError ||
      error instanceof ConvergenceError;
    if (!known) return `unexpected ${(error as Error).name}: ${(error as Error).message}`;
    const message = (error as Error).message;
    if (/\bundefined\b|\[object Object\]/.test(message)) {
      return `unclear message: ${message}`;
    }
    if (
      error instanceof ModelError &&
      !error.issues.every((issue) => issue.file === 'fuzz.yaml' || typeof input !== 'string')
    ) {
      return `issue without its file: ${message}`;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  if (seconds > HANG_SECONDS) return `took ${seconds} s`;
  if (result) return nonFiniteWithoutWarning(result);
  return undefined;
}

function nonFiniteWithoutWarning(result: Result): string | undefined {
  for (const [key, value] of Object.entries(result.measures)) {
    const numbers =
      typeof value === 'number'
        ? [value]
        : 'values' in (value as object)
          ? (value as { values: number[] }).values
          : [];
    if (numbers.some((x) => !Number.isFinite(x)) && !result.warnings.some((w) => w.includes(key))) {
      return `${key} holds a non-finite value without a warning`;
    }
  }
  return undefined;
}

describe('model fuzzing', () => {
  it('mutated example models: a result or a known, located error (3000 cases)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: EXAMPLES.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (pick, changes) => {
          const text = changes.reduce(mutate, EXAMPLES[pick]!);
          const problem = violation(text);
          expect(problem, text).toBeUndefined();
        },
      ),
      { seed: 20261126, numRuns: 3000 },
    );
  });

  it('random JSON values as models: never an unexpected exception (1000 cases)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const problem = violation(JSON.stringify(value));
        expect(problem, JSON.stringify(value)).toBeUndefined();
      }),
      { seed: 20261126, numRuns: 1000 },
    );
  });

  it('random structures over valid components: a result or a known error (1000 cases)', () => {
    const leaf = fc.constantFrom('a', 'b', 'c');
    const { node } = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.record({ series: fc.array(tie('node'), { maxLength: 3 }) }),
        fc.record({ parallel: fc.array(tie('node'), { maxLength: 3 }) }),
        fc.record({
          koon: fc.record({
            k: fc.integer({ min: -1, max: 4 }),
            of: fc.oneof(leaf, fc.array(tie('node'), { maxLength: 3 })),
          }),
        }),
        fc.record({
          standby: fc.record({
            of: fc.constant('c'),
            mode: fc.constantFrom('cold', 'warm', 'hot'),
          }),
        }),
      ),
    }));
    fc.assert(
      fc.property(node, fc.boolean(), (system, repairable) => {
        const repair = repairable ? { mttr: 5 } : undefined;
        const model = {
          name: 'fuzz',
          components: {
            a: { failure: { mtbf: 100 }, ...(repair && { repair }) },
            b: { failure: { dist: 'weibull', shape: 2, scale: 50 }, ...(repair && { repair }) },
            c: { count: 3, failure: { rate: 0.01 }, ...(repair && { repair }) },
          },
          system,
        };
        const problem = violation(model);
        expect(problem, JSON.stringify(model)).toBeUndefined();
      }),
      { seed: 20261126, numRuns: 1000 },
    );
  });
});
