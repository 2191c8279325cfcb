/**
 * The work budget: estimateEvents against the events a seeded run really processes (the MTTF
 * run-on past the horizon of a model that is not regenerative included), and the budget of relkit simulate and relkit sweep on the
 * real binary.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { estimateEvents } from '../../src/cli/workBudget.js';
import { loadModel } from '../../src/model/loadModel.js';
import { runReplications } from '../../src/sim/simulate.js';
import { relkit, requireBuiltCli, scratch } from '../helpers/cli.js';

/**
 * Two disks in parallel, each failing once in 10 000 h and repaired in 1 h: the system's MTTF,
 * (3λ + μ)/(2λ²) = 50 015 000 h, is 500 times the default horizon of 10 × 10 000 h. With
 * exponential lives the model is regenerative: the MTTF comes from regeneration cycles and no
 * replication runs on past the horizon but to finish its open cycle (about an hour).
 */
const RELIABLE_PAIR = `name: reliable pair
components:
  disk: { count: 2, failure: { mtbf: 10000 }, repair: { mttr: 1 } }
system: { parallel: [disk] }
`;
/** The same pair with Weibull lives of shape 1 (the same law, but not regenerative to relkit). */
const WEIBULL_PAIR = RELIABLE_PAIR.replace(
  '{ mtbf: 10000 }',
  '{ dist: weibull, shape: 1, scale: 10000 }',
);

/** Replications × horizon × Σ unit event rates. */
function horizonOnly(replications: number, horizon: number, rate: number): number {
  return replications * horizon * rate;
}

describe('estimateEvents', () => {
  it('counts the horizon alone for a regenerative model, MTTF included', () => {
    const pair = loadModel(RELIABLE_PAIR);
    const estimate = estimateEvents(pair, {}, 200);
    expect(estimate.mttf).toBeUndefined();
    expect(estimate.horizon).toBe(1e5);
    expect(estimate.length).toBe(1e5);
    expect(estimate.events).toBeCloseTo(horizonOnly(200, 1e5, 4 / 1e4), 6);
    const actual = runReplications(pair, {}, 0, 200).events;
    // 200 × 40 events, Poisson-like: within a few percent; the open cycles add about nothing.
    expect(actual / estimate.events).toBeGreaterThan(0.9);
    expect(actual / estimate.events).toBeLessThan(1.1);
  });

  it('counts the run-on to the first failure when the MTTF is asked of a model that is not regenerative', () => {
    // A non-repaired spare makes a 2-of-3 not regenerative; its chain is small, so the MTTF is
    // exact: the run goes on to it.
    const model = loadModel(`name: spare
components:
  cpu: { count: 2, failure: { mtbf: 1000 }, repair: { mttr: 1 } }
  spare: { failure: { mtbf: 1000 } }
system: { koon: { k: 2, of: [cpu, spare] } }
`);
    const estimate = estimateEvents(model, { horizon: 100 }, 10);
    expect(estimate.mttf).toBeGreaterThan(100);
    expect(estimate.length).toBe(estimate.mttf);
    // Without the MTTF no replication runs on.
    expect(estimateEvents(model, { horizon: 100, measures: ['availability'] }, 10).length).toBe(
      100,
    );
  });

  it('bounds the run-on by the cap when the MTTF is not cheap to compute', () => {
    // Weibull lives: no Markov chain, so the estimate takes the longest a run can last.
    const pair = loadModel(WEIBULL_PAIR);
    const estimate = estimateEvents(pair, {}, 100);
    expect(estimate.mttf).toBeUndefined();
    expect(estimate.length).toBe(1000 * 1e5);
    expect(estimateEvents(pair, { mttfCap: 10 }, 100).length).toBe(10 * 1e5);
    expect(runReplications(pair, {}, 0, 100).events).toBeLessThan(estimate.events);
  });

  it('falls back to the cap for a chain over 200 states instead of solving it', () => {
    // Eight distinct repairable units and one never repaired (not regenerative): 2^9 states.
    const units = Array.from(
      { length: 8 },
      (_, i) => `  u${i}: { failure: { mtbf: 1000 }, repair: { mttr: 1 } }`,
    );
    const names = units.map((_, i) => `u${i}`).join(', ');
    const model = loadModel(
      `name: eight\ncomponents:\n${units.join('\n')}\n  lost: { failure: { mtbf: 1000 } }\nsystem: { koon: { k: 2, of: [${names}, lost] } }\n`,
    );
    const estimate = estimateEvents(model, {}, 1);
    expect(estimate.mttf).toBeUndefined();
    expect(estimate.length).toBe(1000 * estimate.horizon);
  });

  it('counts a unit that is never repaired at most once, however long the horizon', () => {
    const tmr = loadModel(
      'name: tmr\ncomponents:\n  cpu: { count: 3, failure: { mtbf: 1000 } }\nsystem: { koon: { k: 2, of: cpu } }\n',
    );
    // The old rule gave 20000 × 1e11 × 3/1000 = 6e12 events for at most 3 per replication.
    expect(estimateEvents(tmr, { horizon: 1e11 }, 20000).events).toBe(3 * 20000);
    // A short horizon: runs go on to the MTTF of 2-of-3, 5/(6λ) = 833 h, so each unit fails
    // with weight L/m = 5/6 and a run costs 3 × 5/6 events.
    expect(estimateEvents(tmr, { horizon: 100 }, 10).events).toBeCloseTo(10 * 3 * (5 / 6), 9);
  });
});

describe('the work budget on the command line', () => {
  beforeAll(requireBuiltCli);

  it('simulate names the MTTF run-on in the estimate of a model that is not regenerative', () => {
    const file = scratch('pair.yaml', WEIBULL_PAIR);
    const refused = relkit('simulate', file, '--replications', '10000', '--max-events', '1e8');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(
      'relkit: simulate: about 4e8 events (10000 replications x up to 1e8 h each: the horizon 100000 h, run on to the first system failure, at most 1000 x the horizon); the limit is 1e8 (--max-events raises it)\n',
    );
    // Without the MTTF the same run is within the budget's estimate of the horizon alone.
    const steady = relkit(
      'simulate',
      file,
      '--replications',
      '100',
      '--max-events',
      '1e5',
      '--measures',
      'steadyAvailability',
    );
    expect(steady.status).toBe(0);
  });

  it('sweep estimates every simulated point before the first runs, and refuses over --max-events', () => {
    const dir = mkdtempSync(join(tmpdir(), 'relkit-budget-'));
    const out = join(dir, 'sweep.csv');
    const model = scratch(
      'pair.yaml',
      `parameters: { m: 10000 }\n${RELIABLE_PAIR.replace('mtbf: 10000', 'mtbf: m')}`,
    );
    const sweep = (...flags: string[]): ReturnType<typeof relkit> =>
      relkit('sweep', model, '--param', 'm=1000:10000:4', ...flags);
    // Each point: 1000 replications x 2 disks x 2 events x its horizon of 10 lives.
    const refused = sweep('--method', 'simulate', '--max-events', '1e5', '--out', out);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(
      'relkit: sweep: about 160000 events (4 simulated points; the largest, 40000 events: 1000 replications x horizon 10000 h); the limit is 100000 (--max-events raises it)\n',
    );
    expect(readdirSync(dir)).toEqual([]);
    // Points an exact solver takes cost no simulation: auto solves all four analytically.
    const exact = sweep('--max-events', '1', '--csv');
    expect(exact.status).toBe(0);
    expect(exact.stdout.split('\n')[1]).toMatch(/^1000,analytic,/);
  });

  it('sweep takes --max-states for the Markov engine', () => {
    const sweep = (...flags: string[]): ReturnType<typeof relkit> =>
      relkit(
        'sweep',
        'models/raid5.yaml',
        '--param',
        'rebuild=12:48:2',
        '--method',
        'markov',
        ...flags,
      );
    const refused = sweep('--max-states', '3');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/the limit is 3e0 \(--max-states raises it\)/);
    expect(sweep('--max-states', '100').status).toBe(0);
    const bad = sweep('--max-states', '0');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('relkit: --max-states must be an integer >= 1; got 0\n');
  });

  it('analyze takes --max-states for its Markov fallback', () => {
    // cooling-loop needs the Markov engine (one crew for three repairable units): about 16 states.
    const refused = relkit('analyze', 'models/cooling-loop.yaml', '--max-states', '3');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(
      /the Markov engine cannot solve it either \(the chain would have about 1\.4e1 states\); the limit is 3e0 \(--max-states raises it\), or use relkit simulate\n$/,
    );
    const solved = relkit('analyze', 'models/cooling-loop.yaml', '--max-states', '1000', '--json');
    expect(solved.status).toBe(0);
    expect(JSON.parse(solved.stdout).method).toBe('markov');
    const bad = relkit('analyze', 'models/cooling-loop.yaml', '--max-states', '2.5');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('relkit: --max-states must be an integer >= 1; got 2.5\n');
  });
});
