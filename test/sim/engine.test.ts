import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/loadModel.js';
import { EventQueue } from '../../src/sim/engine/EventQueue.js';
import { traceReplication } from '../../src/sim/simulate.js';

describe('EventQueue', () => {
  it('pops by (time, priority, sequence) and honours cancel and reschedule', () => {
    const queue = new EventQueue(6);
    queue.schedule(0, 3, 1);
    queue.schedule(1, 3, 0);
    queue.schedule(2, 1, 4);
    queue.schedule(3, 3, 1);
    queue.schedule(4, 2, 0);
    queue.schedule(5, 9, 0);
    queue.cancel(4);
    queue.schedule(5, 0.5, 0); // moved earlier
    const order: number[] = [];
    while (queue.size > 0) order.push(queue.pop());
    expect(order).toEqual([5, 2, 1, 0, 3]);
    expect(queue.pop()).toBe(-1);
    expect(queue.peekTime()).toBe(Infinity);
  });

  it('sorts 2000 random keys like Array.sort on (time, priority, sequence)', () => {
    const queue = new EventQueue(2000);
    const keys: [number, number, number, number][] = [];
    let x = 12345;
    for (let slot = 0; slot < 2000; slot++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const time = x % 50;
      const priority = (x >>> 8) % 3;
      queue.schedule(slot, time, priority);
      keys.push([time, priority, slot, slot]);
    }
    keys.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    const order: number[] = [];
    while (queue.size > 0) order.push(queue.pop());
    expect(order).toEqual(keys.map((k) => k[3]));
  });
});

describe('EventQueue pop, rearm and time', () => {
  it('rearm after pop moves the popped event; time is the popped time, Infinity when empty', () => {
    const queue = new EventQueue(3);
    queue.schedule(0, 1, 0);
    queue.schedule(1, 2, 0);
    queue.schedule(2, 3, 0);
    expect(queue.pop()).toBe(0);
    expect(queue.time).toBe(1);
    expect(queue.isScheduled(0)).toBe(false);
    expect(queue.size).toBe(2);
    queue.rearm(2.5, 0);
    expect(queue.timeOf(0)).toBe(2.5);
    const order: [number, number][] = [];
    for (let slot = queue.pop(); slot >= 0; slot = queue.pop()) order.push([slot, queue.time]);
    expect(order).toEqual([
      [1, 2],
      [0, 2.5],
      [2, 3],
    ]);
    expect(queue.time).toBe(Infinity);
  });

  it('agrees with a sorted-list model over 20 000 random schedule, cancel, pop and rearm', () => {
    // A pop leaves its entry at the root until the next operation (rearm reuses it): the model
    // checks every public answer against a plain list ordered by (time, priority, sequence).
    const slots = 12;
    const queue = new EventQueue(slots);
    let model: { slot: number; time: number; priority: number; sequence: number }[] = [];
    let sequence = 0;
    let x = 2024;
    const next = (m: number): number => {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      return (x >>> 8) % m;
    };
    const put = (slot: number, time: number, priority: number): void => {
      model = model.filter((e) => e.slot !== slot);
      model.push({ slot, time, priority, sequence: sequence++ });
    };
    const first = (): number =>
      model.reduce((best, e, i) => {
        const b = model[best]!;
        const before =
          e.time < b.time ||
          (e.time === b.time &&
            (e.priority < b.priority || (e.priority === b.priority && e.sequence < b.sequence)));
        return before ? i : best;
      }, 0);
    let popped = -1;
    for (let step = 0; step < 20_000; step++) {
      const op = next(10);
      if (op === 9 && popped >= 0) {
        const time = next(20);
        const priority = next(3);
        queue.rearm(time, priority);
        put(popped, time, priority);
      } else if (op < 4) {
        const slot = next(slots);
        const time = next(20);
        const priority = next(3);
        queue.schedule(slot, time, priority);
        put(slot, time, priority);
      } else if (op < 6) {
        const slot = next(slots);
        queue.cancel(slot);
        model = model.filter((e) => e.slot !== slot);
      } else {
        const slot = queue.pop();
        if (model.length === 0) {
          expect(slot).toBe(-1);
          expect(queue.time).toBe(Infinity);
        } else {
          const i = first();
          expect([slot, queue.time]).toEqual([model[i]!.slot, model[i]!.time]);
          model.splice(i, 1);
        }
        popped = slot;
        expect(queue.size).toBe(model.length);
        continue;
      }
      popped = -1;
      expect(queue.size).toBe(model.length);
      const probe = next(slots);
      const entry = model.find((e) => e.slot === probe);
      expect(queue.isScheduled(probe)).toBe(entry !== undefined);
      expect(queue.timeOf(probe)).toBe(entry === undefined ? NaN : entry.time);
      expect(queue.peekTime()).toBe(model.length === 0 ? Infinity : model[first()]!.time);
    }
  });
});

describe('traceReplication with deterministic times', () => {
  it('logs a repairable 1-of-2 with one crew: the second failure waits for the crew', () => {
    const model = loadModel(`name: t
components:
  a: { failure: { dist: deterministic, value: 10 }, repair: { dist: deterministic, value: 4 } }
  b: { failure: { dist: deterministic, value: 12 }, repair: { dist: deterministic, value: 4 } }
system: { parallel: [a, b] }
maintenance: { crews: 1 }
`);
    const log = traceReplication(model, { horizon: 30, mttfCap: 1 }, 0);
    expect(log).toEqual([
      [10, 'a', 'fail'],
      [10, 'a', 'repair start'],
      [12, 'b', 'fail'],
      [12, 'system', 'down'],
      [14, 'a', 'repair end'],
      [14, 'b', 'repair start'],
      [14, 'system', 'up'],
      [18, 'b', 'repair end'],
      [24, 'a', 'fail'],
      [24, 'a', 'repair start'],
      [28, 'a', 'repair end'],
      [30, 'b', 'fail'],
      [30, 'b', 'repair start'],
    ]);
  });

  it('logs cold standby with switch delay, detection, priority crews and idle while down', () => {
    const model = loadModel(`name: t
components:
  p: { failure: { dist: deterministic, value: 5 }, repair: { dist: deterministic, value: 3 }, detection: { dist: deterministic, value: 1 } }
  s: { failure: { dist: deterministic, value: 2 }, repair: { dist: deterministic, value: 10 } }
system:
  standby: { primary: p, spares: [s], mode: cold, switch: { delay: { dist: deterministic, value: 0.5 } } }
maintenance: { crews: 1, idle_while_down: true }
`);
    const log = traceReplication(model, { horizon: 12, mttfCap: 1 }, 0);
    expect(log).toEqual([
      [5, 'p', 'fail'],
      [5, 'system.standby', 'switch to s start'],
      [5, 'system', 'down'],
      [5.5, 'system.standby', 'switched to s'],
      [5.5, 'system', 'up'],
      [6, 'p', 'detected'],
      [6, 'p', 'repair start'],
      [7.5, 's', 'fail'],
      [7.5, 'system', 'down'],
      // s waits for the crew; p returns to a block with no active unit: active at once.
      [9, 'p', 'repair end'],
      [9, 's', 'repair start'],
      [9, 'system', 'up'],
      // p fails next at 14 > T = 12, after the first system failure: the replication ends.
    ]);
  });

  it('freezes ageing while the system is down (idle while down keeps remaining life)', () => {
    const model = loadModel(`name: t
components:
  a: { failure: { dist: deterministic, value: 10 }, repair: { dist: deterministic, value: 5 } }
  b: { failure: { dist: deterministic, value: 12 } }
system: { series: [a, b] }
maintenance: { idle_while_down: true }
`);
    const log = traceReplication(model, { horizon: 20, mttfCap: 2 }, 0);
    // b has aged 10 of 12 when a fails; it is frozen for the 5 h repair and fails at 17.
    expect(log).toEqual([
      [10, 'a', 'fail'],
      [10, 'a', 'repair start'],
      [10, 'system', 'down'],
      [15, 'a', 'repair end'],
      [15, 'system', 'up'],
      [17, 'b', 'fail'],
      [17, 'system', 'down'],
    ]);
  });
});
