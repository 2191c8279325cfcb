/**
 * Every durability study in models/durability/ states its exact answers in its header (computed
 * by test/reference/durability_reference.py), as `#   group.mttdl = v` or
 * `#   cluster.lossProbability(t) = v`; this test holds `durability` to each of them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { durability, parseDurabilitySpec, type DurabilityResult } from '../../src/index.js';
import { expectRelClose } from '../helpers/expectClose.js';

const STUDIES = join(import.meta.dirname, '../../models/durability');

/** mpmath at 60 digits, or scipy's expm in double precision (accelerated chains). */
const TOLERANCE = 1e-9;

const ANSWER = /^#\s+(group|cluster)\.(\w+)(?:\(([^)]+)\))?\s*=\s*(\S+)\s*$/;

describe('models/durability examples', () => {
  const files = readdirSync(STUDIES).filter((name) => name.endsWith('.yaml'));

  it('there are the replication, erasure-code and accelerated studies', () => {
    expect(files).toEqual(
      expect.arrayContaining(['replication-3way.yaml', 'erasure-8-3.yaml', 'accelerated-8-3.yaml']),
    );
  });

  for (const file of files) {
    it(`${file} matches every answer stated in its header to ${TOLERANCE} relative`, () => {
      const text = readFileSync(join(STUDIES, file), 'utf8');
      const answers = text
        .split('\n')
        .filter((line) => line.startsWith('#'))
        .flatMap((line) => {
          const match = ANSWER.exec(line);
          return match === null ? [] : [match];
        });
      expect(answers.length).toBeGreaterThanOrEqual(3);
      const spec = parseDurabilitySpec(text, file);
      const result = durability(spec.input);
      for (const [line, part, measure, t, value] of answers) {
        if (t !== undefined) expect(Number(t), line).toBe(result.missionTimes[0]);
        expectRelClose(actual(result, part!, measure!), Number(value), TOLERANCE, line);
      }
    });
  }
});

function actual(result: DurabilityResult, part: string, measure: string): number | undefined {
  const figures = (part === 'group' ? result.group : result.cluster) as unknown as Record<
    string,
    number | readonly number[]
  >;
  const value = figures[measure];
  return typeof value === 'number' ? value : value?.[0];
}
