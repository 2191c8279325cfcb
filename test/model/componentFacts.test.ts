/** componentFacts: one set of laws per model, and rates carried as the file gives them. */
import { describe, expect, it } from 'vitest';
import { chainFromModel } from '../../src/markov/generation/fromModel.js';
import { componentFacts, exponentialRate, unitLaws } from '../../src/model/componentFacts.js';
import { loadModel } from '../../src/model/loadModel.js';

// 1/(1/0.9) is 0.9000000000000001: a rate carried as a reciprocal of its mean changes.
const RATE = 0.9;

const pair = loadModel(`name: pair
components:
  a: { count: 2, failure: { rate: ${RATE} }, repair: { rate: 49 } }
  b: { count: 2, failure: { dist: weibull, shape: 2, scale: 10 } }
system:
  series:
    - { parallel: [a] }
    - { standby: { of: b, switch: { delay: { mean: 0.5 } } } }
`);

describe('componentFacts', () => {
  it('keeps a rate written in the file exactly', () => {
    expect(1 / (1 / RATE)).not.toBe(RATE);
    expect(1 / (1 / 49)).not.toBe(49);
    const [a] = componentFacts(pair).components;
    expect(exponentialRate(a!.failure)).toBe(RATE);
    expect(exponentialRate(a!.repair!)).toBe(49);
    expect(exponentialRate(componentFacts(pair).components[1]!.failure)).toBeUndefined();
  });

  it('builds the laws once per model', () => {
    expect(componentFacts(pair)).toBe(componentFacts(pair));
    expect(unitLaws(pair, 1)).toBe(componentFacts(pair).components[0]);
    expect(() => unitLaws(pair, 99)).toThrow(/internal/);
  });

  it('gives the switch-over delay of each standby block', () => {
    const delays = [...componentFacts(pair).switchDelays.values()];
    expect(delays.map((law) => law.mean)).toEqual([0.5]);
  });

  it('gives the Markov generator the rates as written, not 1/(1/λ)', () => {
    const model = loadModel(`name: exact
components:
  a: { count: 2, failure: { rate: ${RATE} }, repair: { rate: 49 } }
system: { parallel: [a] }
maintenance: { crews: 1 }
`);
    const rates = new Set(chainFromModel(model).ctmc.rate);
    // Two working units fail at 2λ, one at λ; the one crew repairs at μ.
    expect(rates).toEqual(new Set([2 * RATE, RATE, 49]));
  });
});

describe('rateOf in the closed forms', () => {
  it('gives the analytic A(t) the rates as written', async () => {
    const { analyze } = await import('../../src/analytic/solver/analyze.js');
    const { pointAvailability } = await import('../../src/analytic/formulas/pointAvailability.js');
    const model = loadModel(`name: one
components:
  a: { failure: { rate: 49 }, repair: { rate: ${RATE} } }
system: a
`);
    // With 1/(1/λ) and 1/(1/μ) this A(0.1) differs in its last bit.
    const curve = analyze(model, { times: [0.1] }).measures.availability;
    expect(curve && 'values' in curve ? curve.values[0] : undefined).toBe(
      pointAvailability(49, RATE, 0.1),
    );
  });
});

describe('equal laws', () => {
  it('are built once and shared, each component keeping its own values', () => {
    const model = loadModel(`name: many
components:
  x: { failure: { mtbf: 100 }, repair: { mttr: 2 } }
  y: { failure: { mtbf: 100 }, repair: { mttr: 2 } }
  z: { failure: { mtbf: 300 }, repair: { mttr: 2 } }
system: { series: [x, y, z] }
`);
    const [x, y, z] = componentFacts(model).components;
    expect(x!.failure).toBe(y!.failure);
    expect(x!.repair).toBe(z!.repair);
    expect(z!.failure.mean).toBe(300);
    expect(x!.failure.mean).toBe(100);
  });

  it('are each reported when the factory refuses them', () => {
    let issues: readonly { path: string }[] = [];
    try {
      loadModel(`name: bad
components:
  x: { failure: { dist: weibull, shape: -1, scale: 5 } }
  y: { failure: { dist: weibull, shape: -1, scale: 5 } }
system: { series: [x, y] }
`);
    } catch (error) {
      issues = (error as { issues: readonly { path: string }[] }).issues;
    }
    expect(issues.map((issue) => issue.path)).toEqual([
      'components.x.failure.shape',
      'components.y.failure.shape',
    ]);
  });
});
