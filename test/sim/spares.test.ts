/**
 * Spare-part pools event by event (docs/semantics.md, "Spare parts"): the rules read off the
 * simulator's trace, and the refusal of the rare-event simulator. The exact measures are in
 * spares.stat.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { UnsupportedModelError } from '../../src/errors.js';
import { loadModel } from '../../src/model/loadModel.js';
import { simulateRareEvent } from '../../src/sim/rareEvent/simulateRareEvent.js';
import { traceReplication } from '../../src/sim/simulate.js';

/** Two components of two units each, in parallel, sharing a pool; lead times that cross. */
const CROSSING = (stock: number) => `name: crossing orders
components:
  a: { count: 2, failure: { rate: 0.05 }, repair: { mttr: 2 } }
  b: { count: 2, failure: { rate: 0.1 }, repair: { dist: weibull, shape: 2, scale: 3 } }
system: { parallel: [a, b] }
maintenance:
  spares: [{ name: store, components: [a, b], stock: ${stock}, lead_time: { dist: uniform, min: 1, max: 30 } }]
`;

describe('a pool, read off the trace', () => {
  it.each([0, 1, 2])(
    'stock %i: a demand awaits only when none is on hand, arrivals go first come first served, and every order arrives',
    (stock) => {
      const horizon = 5000;
      const trace = traceReplication(loadModel(CROSSING(stock)), { horizon, seed: 5 }, 0);
      let onHand = stock;
      let outstanding = 0;
      const awaiting: { unit: string; since: number }[] = [];
      let demands = 0;
      const arrivals = { toUnits: 0, onHand: 0 };
      for (const [i, [t, entity, event]] of trace.entries()) {
        const next = trace[i + 1];
        if (event === 'fail') {
          // Every failure is detected at once and demands a spare, which orders one.
          outstanding++;
          demands++;
          if (onHand > 0) {
            onHand--;
            expect(next?.slice(1)).toEqual([entity, 'repair start']);
          } else {
            expect(next?.slice(1)).toEqual([entity, 'awaiting a spare']);
            awaiting.push({ unit: entity, since: t });
          }
        } else if (entity === 'store') {
          outstanding--;
          expect(outstanding).toBeGreaterThanOrEqual(0);
          if (event === 'spare arrives') {
            expect(awaiting).toEqual([]);
            onHand++;
            arrivals.onHand++;
          } else {
            // The longest-waiting unit, whichever order arrives; within the longest lead time
            // (every order placed up to its demand, its own included, has arrived by then).
            const head = awaiting.shift();
            expect(event).toBe(`spare arrives for ${head?.unit}`);
            expect(t - head!.since).toBeLessThanOrEqual(30);
            arrivals.toUnits++;
            expect(next?.slice(1)).toEqual([head?.unit, 'repair start']);
          }
        }
        // On hand = S − outstanding + awaiting (docs/semantics.md).
        expect(onHand).toBe(stock - outstanding + awaiting.length);
      }
      // Both kinds of arrival happen often (the rules above were exercised).
      expect(demands).toBeGreaterThan(500);
      expect(arrivals.toUnits).toBeGreaterThan(50);
      if (stock > 0) expect(arrivals.onHand).toBeGreaterThan(50);
      // No unit has awaited longer than the longest lead time at the end either.
      for (const { since } of awaiting) expect(trace.at(-1)![0] - since).toBeLessThanOrEqual(30);
    },
  );

  it('an uncovered failure without recovery keeps the system down through the wait', () => {
    const model = loadModel(`name: outage
components:
  a:
    failure: { dist: deterministic, value: 10 }
    repair: { dist: deterministic, value: 1 }
    coverage: 0
  b: { failure: { dist: deterministic, value: 1000 } }
system: { parallel: [a, b] }
maintenance:
  spares: [{ name: store, components: [a], stock: 0, lead_time: { dist: deterministic, value: 5 } }]
`);
    const trace = traceReplication(model, { horizon: 20, seed: 1 }, 0);
    expect(trace.filter(([t]) => t <= 16)).toEqual([
      [10, 'a', 'fail'],
      [10, 'a', 'awaiting a spare'],
      [10, 'a', 'uncovered'],
      [10, 'system', 'down'],
      [15, 'store', 'spare arrives for a'],
      [15, 'a', 'repair start'],
      [16, 'a', 'repair end'],
      [16, 'system', 'up'],
    ]);
  });
});

describe('rare-event simulation', () => {
  it('refuses a model with a spare pool, naming what solves it', () => {
    const model = loadModel(`name: pool
components:
  x: { count: 2, failure: { rate: 1e-4 }, repair: { mttr: 10 } }
system: { parallel: [x] }
maintenance:
  spares: [{ name: store, components: [x], stock: 1, lead_time: { mean: 100 } }]
`);
    expect(() => simulateRareEvent(model)).toThrow(UnsupportedModelError);
    expect(() => simulateRareEvent(model)).toThrow(
      /spare pools \(store\).*relkit simulate.*relkit markov .*exponential/,
    );
  });
});
