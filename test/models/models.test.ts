/**
 * Every example in models/ states its exact answers in its header comment (computed by
 * test/reference/models_reference.py and markov_models_reference.py, independently:
 * enumeration of all unit states, flow between up and down states, mpmath quadrature, chains
 * built unit by unit in Python). This test holds `solveExactly` to each of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModel, solveExactly, type Curve, type Result } from '../../src/index.js';
import { expectRelClose } from '../helpers/expectClose.js';

const MODELS = join(import.meta.dirname, '../../models');

/** Quadrature targets 1e-10 relative; closed forms and BDD evaluation are near 1e-15. */
const TOLERANCE = 1e-9;

interface StatedAnswer {
  readonly measure: string;
  readonly t?: number;
  readonly value: number;
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
      const result = solveExactly(loadModel(text, { file }), { times });
      for (const answer of answers) {
        const label = `${file} ${answer.measure}${answer.t === undefined ? '' : `(${answer.t})`}`;
        expectRelClose(actualValue(result, answer), answer.value, TOLERANCE, label);
      }
    });
  }
});

/** Parses header lines of the form `#   measure = value` and `#   measure(t) = value`. */
function statedAnswers(text: string): StatedAnswer[] {
  const answers: StatedAnswer[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('#')) break;
    const match = /^#\s+(\w+)(?:\(([\d.e+-]+)\))?\s*=\s*([\d.e+-]+)\s*$/.exec(line);
    if (match) {
      answers.push({
        measure: match[1]!,
        ...(match[2] !== undefined && { t: Number(match[2]) }),
        value: Number(match[3]),
      });
    }
  }
  return answers;
}

function actualValue(result: Result, answer: StatedAnswer): number {
  const measure = (result.measures as Record<string, unknown>)[answer.measure];
  if (answer.t === undefined) {
    expect(typeof measure, `${answer.measure} is a number`).toBe('number');
    return measure as number;
  }
  const curve = measure as Curve;
  const index = curve.t.indexOf(answer.t);
  expect(index, `${answer.measure} has t = ${answer.t}`).toBeGreaterThanOrEqual(0);
  return curve.values[index]!;
}
