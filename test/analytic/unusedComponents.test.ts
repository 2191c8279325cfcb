/**
 * A component the structure does not use changes nothing the closed forms give: a Weibull
 * component beside an exponential system once cost it A(t), interval availability and its
 * importance, with notes that blamed the laws or a missing mission time (found by an outside
 * review; the unused component is how a model with several systems looks from one of them).
 */
import { describe, expect, it } from 'vitest';
import { analyze, loadModel } from '../../src/index.js';

const USED = `name: s
components:
  x: { failure: { rate: 0.001 }, repair: { mttr: 10 } }
  w: { failure: { rate: 0.001 } }
system: { parallel: [x, w] }
mission_time: 100
`;
const WITH_UNUSED = USED.replace('system:', 'UNUSED\nsystem:').replace(
  'UNUSED',
  '  z: { failure: { dist: weibull, shape: 2, scale: 100 }, repair: { mttr: 5 } }',
);

describe('a component outside the structure', () => {
  it('leaves every measure and importance factor as they are without it', () => {
    const plain = analyze(loadModel(USED)).measures;
    const unused = analyze(loadModel(WITH_UNUSED)).measures;
    expect(unused.availability).toEqual(plain.availability);
    expect(unused.intervalAvailability).toBe(plain.intervalAvailability);
    expect(unused.importance?.x).toEqual(plain.importance?.x);
    expect(unused.importance?.z?.birnbaum).toBe(0);
  });
});
