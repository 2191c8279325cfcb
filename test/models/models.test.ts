/**
 * Every example in models/ states its exact answers in its header comment (computed by
 * test/reference/models_reference.py and markov_models_reference.py, independently:
 * enumeration of all unit states, flow between up and down states, mpmath quadrature, chains
 * built unit by unit in Python). This test holds `solveExactly` to each of them (for a model
 * with several systems, an answer prefixed `[name]` to that system's).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel, solveExactly, systemView, type Curve, type Result } from '../../src/index.js';
import { expectRelClose } from '../helpers/expectClose.js';

const MODELS = join(import.meta.dirname, '../../models');

/**
 * Quadrature targets 1e-10 relative; closed forms and BDD evaluation are near 1e-15 (fault-tree
 * answers, by BDD, agree with the enumerating reference to 3.5e-15).
 */
const TOLERANCE = 1e-9;

/**
 * One stated answer: `measure = v`, `measure(t) = v` (a curve at t), `measure(event) = v` (an
 * importance factor of a basic event or unit), `measure.count = n` (cut sets), `v` may be null;
 * prefixed `[name]` for one system of a model with several (`#   [read] mttf = v`).
 */
interface StatedAnswer {
  readonly system?: string;
  readonly measure: string;
  readonly t?: number;
  readonly event?: string;
  readonly count?: true;
  readonly value: number | null;
}

describe('models/ examples', () => {
  const files = readdirSync(MODELS).filter((name) => name.endsWith('.yaml'));

  it('there are at least 8 examples', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  for (const file of files) {
    const text = readFileSync(join(MODELS, file), 'utf8');
    const answers = statedAnswers(text);

    it(`${file} states its exact answers in its header`, () => {
      expect(answers.length).toBeGreaterThanOrEqual(3);
    });

    it(`solveExactly(${file}) matches every stated answer to ${TOLERANCE} relative`, () => {
      const times = answers.flatMap((answer) => (answer.t === undefined ? [] : [answer.t]));
      const model = loadModel(text, { file });
      const results = new Map<string | undefined, Result>();
      const resultOf = (system: string | undefined): Result => {
        if (!results.has(system)) {
          const solved = system === undefined ? model : systemView(model, system);
          results.set(system, solveExactly(solved, { times }));
        }
        return results.get(system)!;
      };
      for (const answer of answers) {
        const argument = answer.t ?? answer.event;
        const label = `${file} ${answer.system === undefined ? '' : `[${answer.system}] `}${answer.measure}${argument === undefined ? '' : `(${argument})`}`;
        const actual = actualValue(resultOf(answer.system), answer);
        if (answer.value === null || answer.count) expect(actual, label).toBe(answer.value);
        else expectRelClose(actual!, answer.value, TOLERANCE, label);
      }
    });
  }
});

/**
 * Parses header lines of the forms `#   measure = value`, `#   measure(t) = value`,
 * `#   measure(event) = value` and `#   measure.count = n`.
 */
function statedAnswers(text: string): StatedAnswer[] {
  const answers: StatedAnswer[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('#')) break;
    const match =
      /^#\s+(?:\[([\w-]+)\]\s+)?(\w+)(\.count)?(?:\(([^)]+)\))?\s*=\s*(null|[\d.e+-]+)\s*$/.exec(
        line,
      );
    if (!match) continue;
    const [, system, measure, count, argument, value] = match as unknown as [
      string,
      string | undefined,
      string,
      string | undefined,
      string | undefined,
      string,
    ];
    const time = argument !== undefined && /^[\d.e+-]+$/.test(argument);
    answers.push({
      ...(system !== undefined && { system }),
      measure,
      ...(count !== undefined && { count: true }),
      ...(argument !== undefined && (time ? { t: Number(argument) } : { event: argument })),
      value: value === 'null' ? null : Number(value),
    });
  }
  return answers;
}

function actualValue(result: Result, answer: StatedAnswer): number | null {
  const measures = result.measures as Record<string, unknown>;
  if (answer.count) {
    const list = measures[answer.measure] as { count: number } | undefined;
    expect(list, `${answer.measure} is given`).toBeDefined();
    return list!.count;
  }
  if (answer.event !== undefined) {
    const factors = result.measures.importance?.[answer.event] as
      Record<string, number | null> | undefined;
    expect(factors, `importance of ${answer.event} is given`).toBeDefined();
    return factors![answer.measure]!;
  }
  const measure = measures[answer.measure];
  if (answer.t === undefined) {
    expect(typeof measure, `${answer.measure} is a number`).toBe('number');
    return measure as number;
  }
  const curve = measure as Curve;
  const index = curve.t.indexOf(answer.t);
  expect(index, `${answer.measure} has t = ${answer.t}`).toBeGreaterThanOrEqual(0);
  return curve.values[index]!;
}
