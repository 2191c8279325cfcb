import { describe, expect, test } from 'vitest';

import { ParameterError } from '../../src/errors.js';
import { exactSum } from '../../src/numeric/sum.js';
import { compileStructure } from '../../src/structure/compileStructure.js';
import {
  type ImportanceMeasures,
  importanceMeasures,
} from '../../src/structure/importanceMeasures.js';
import type { StructureNode } from '../../src/structure/StructureNode.js';
import { element } from '../helpers/element.js';
import { expectRelClose } from '../helpers/expectClose.js';
import { randomStructure } from '../helpers/randomStructure.js';
import { BRIDGE, c, koon, parallel, seededRandom, series, works } from '../helpers/structures.js';

// Relative tolerance 1e-12 for every measure against brute-force enumeration of all 2^m states
// (m ≤ 10), each conditional probability summed directly from the truth table with exactSum;
// Fussell–Vesely (issue 16) from the minimal cut sets found by testing every subset, summing the
// states in which one holding i has failed. Measured over the 300 random structures below
// (failure probabilities 0.01–0.99 or down to 1e-12): at most 7.6e-15 relative, over all six
// measures.
const RELATIVE = 1e-12;
const RUNS = 300;
const KEYS = ['birnbaum', 'criticality', 'diagnostic', 'fussellVesely', 'raw', 'rrw'] as const;

/** Every measure by enumeration of all 2^m states (bit i of s set: component i works). */
function bruteForce(
  node: StructureNode,
  m: number,
  p: readonly number[],
  q: readonly number[],
): ImportanceMeasures {
  const size = 2 ** m;
  const up = Array.from({ length: size }, (_, s) =>
    works(
      node,
      Array.from({ length: m }, (_, i) => ((s >> i) & 1) === 1),
    ),
  );
  const weight = (s: number, skip = -1): number => {
    let w = 1;
    for (let i = 0; i < m; i++) if (i !== skip) w *= element((s >> i) & 1 ? p : q, i);
    return w;
  };
  const total = exactSum(up.flatMap((u, s) => (u ? [] : [weight(s)])));
  // Minimal cut sets as bit masks of failed components: the system fails when exactly they fail
  // (the state with their bits cleared) and works when any one of them is repaired.
  const all = size - 1;
  const cuts: number[] = [];
  for (let f = 0; f < size; f++) {
    if (element(up, all ^ f)) continue;
    let minimal = true;
    for (let i = 0; i < m && minimal; i++)
      if ((f >> i) & 1 && !element(up, all ^ f ^ (1 << i))) minimal = false;
    if (minimal) cuts.push(f);
  }
  const measures = {
    birnbaum: new Float64Array(m),
    criticality: new Float64Array(m),
    diagnostic: new Float64Array(m),
    fussellVesely: new Float64Array(m),
    raw: new Float64Array(m),
    rrw: new Float64Array(m),
  };
  for (let i = 0; i < m; i++) {
    const bit = 1 << i;
    const failedDown: number[] = []; // Q(q_i = 1): states of the others, i failed, system down
    const workingDown: number[] = []; // Q(q_i = 0): i working, system down
    const critical: number[] = []; // i critical: down with i failed, up with i working
    const bothDown: number[] = []; // P(i failed and system down)
    for (let s = 0; s < size; s++) {
      if (s & bit) continue;
      const downFailed = !element(up, s);
      const downWorking = !element(up, s | bit);
      if (downFailed) failedDown.push(weight(s, i));
      if (downWorking) workingDown.push(weight(s | bit, i));
      if (downFailed && !downWorking) critical.push(weight(s, i));
      if (downFailed) bothDown.push(weight(s));
    }
    // FV: the states (bit set: works) in which some minimal cut set holding i has failed.
    const holding = cuts.filter((f) => f & bit);
    const inCut: number[] = [];
    for (let s = 0; s < size; s++) {
      if (holding.some((f) => (s & f) === 0)) inCut.push(weight(s));
    }
    measures.fussellVesely[i] = total > 0 ? exactSum(inCut) / total : NaN;
    const qFailed = exactSum(failedDown);
    const qWorking = exactSum(workingDown);
    measures.birnbaum[i] = exactSum(critical);
    if (total > 0) {
      measures.criticality[i] = (element(q, i) * exactSum(critical)) / total;
      measures.diagnostic[i] = exactSum(bothDown) / total;
      measures.raw[i] = qFailed / total;
      measures.rrw[i] = qWorking > 0 ? total / qWorking : Infinity;
    } else {
      measures.criticality[i] = NaN;
      measures.diagnostic[i] = NaN;
      measures.raw[i] = qFailed > 0 ? Infinity : NaN;
      measures.rrw[i] = NaN;
    }
  }
  return measures;
}

/** Largest relative error of `actual` against `expected` over every measure and component. */
function compare(actual: ImportanceMeasures, expected: ImportanceMeasures, label: string): number {
  let worst = 0;
  for (const key of KEYS) {
    actual[key].forEach((value, i) => {
      const want = element(expected[key], i);
      expectRelClose(value, want, RELATIVE, `${label} ${key}[${i}]`, 1e-300);
      if (Number.isFinite(want) && want !== 0) {
        worst = Math.max(worst, Math.abs(value - want) / Math.abs(want));
      }
    });
  }
  return worst;
}

function measuresOf(node: StructureNode, m: number, p: number[], q?: number[]): ImportanceMeasures {
  return importanceMeasures(compileStructure(node, m), p, q);
}

describe('importanceMeasures: hand cases', () => {
  test('series of 2: RAW(i) = 1/Q, CIF = q_i·p_j/Q, DIF = q_i/Q', () => {
    const r = measuresOf(series(c(0), c(1)), 2, [0.9, 0.8]);
    const total = 0.28;
    expectRelClose(r.raw[0], 1 / total, RELATIVE, 'RAW 0');
    expectRelClose(r.raw[1], 1 / total, RELATIVE, 'RAW 1');
    expectRelClose(r.criticality[0], (0.1 * 0.8) / total, RELATIVE, 'CIF 0');
    expectRelClose(r.criticality[1], (0.2 * 0.9) / total, RELATIVE, 'CIF 1');
    expectRelClose(r.diagnostic[0], 0.1 / total, RELATIVE, 'DIF 0');
    expectRelClose(r.rrw[0], total / 0.2, RELATIVE, 'RRW 0');
    expectRelClose(r.rrw[1], total / 0.1, RELATIVE, 'RRW 1');
  });

  test('parallel of 2: each component in the only cut set (CIF = DIF = 1, RRW = ∞)', () => {
    const r = measuresOf(parallel(c(0), c(1)), 2, [0.9, 0.8], [0.1, 0.2]);
    for (const i of [0, 1]) {
      expectRelClose(r.criticality[i], 1, RELATIVE, `CIF ${i}`);
      expectRelClose(r.diagnostic[i], 1, RELATIVE, `DIF ${i}`);
      expect(r.rrw[i]).toBe(Infinity);
    }
    expectRelClose(r.raw[0], 0.2 / 0.02, RELATIVE, 'RAW 0');
    expectRelClose(r.raw[1], 0.1 / 0.02, RELATIVE, 'RAW 1');
  });

  test('2-of-3: every measure in closed form', () => {
    const r = measuresOf(koon(2, c(0), c(1), c(2)), 3, [0.9, 0.9, 0.9]);
    const total = 3 * 0.01 * 0.9 + 0.001; // 0.028
    for (const i of [0, 1, 2]) {
      // Cut sets {0,1}, {0,2}, {1,2}: FV(0) = q·P(1 or 2 failed)/Q = 0.1·0.19/0.028 ≈ 0.679
      // against CIF 0.018/0.028 ≈ 0.643 (i is in some cut sets, not all).
      expectRelClose(r.fussellVesely[i], (0.1 * 0.19) / total, RELATIVE, `FV ${i}`);
      expect(r.fussellVesely[i]).toBeCloseTo(0.679, 3);
      expectRelClose(r.birnbaum[i], 2 * 0.9 * 0.1, RELATIVE, `I_B ${i}`);
      expectRelClose(r.criticality[i], (0.1 * 0.18) / total, RELATIVE, `CIF ${i}`);
      expectRelClose(r.diagnostic[i], (0.1 * 0.19) / total, RELATIVE, `DIF ${i}`);
      expectRelClose(r.raw[i], 0.19 / total, RELATIVE, `RAW ${i}`);
      expectRelClose(r.rrw[i], total / 0.01, RELATIVE, `RRW ${i}`);
    }
  });

  test('bridge: the middle link from the two structures it leaves when fixed', () => {
    const r = measuresOf(BRIDGE, 5, [0.9, 0.9, 0.9, 0.9, 0.9]);
    const total = 1 - 0.97848;
    const failed = (1 - 0.81) ** 2; // link 2 down: two series paths in parallel
    const working = 1 - 0.99 ** 2; // link 2 up: two parallel pairs in series
    expectRelClose(r.birnbaum[2], failed - working, 1e-12, 'I_B 2');
    expectRelClose(r.raw[2], failed / total, 1e-12, 'RAW 2');
    expectRelClose(r.rrw[2], total / working, 1e-12, 'RRW 2');
    expectRelClose(r.diagnostic[2], (0.1 * failed) / total, 1e-12, 'DIF 2');
    compare(
      r,
      bruteForce(BRIDGE, 5, [0.9, 0.9, 0.9, 0.9, 0.9], [0.1, 0.1, 0.1, 0.1, 0.1]),
      'bridge',
    );
  });

  test('a component in every minimal cut set: CIF = DIF = 1, RRW = Infinity', () => {
    // Cuts {0,1} and {0,2}.
    const r = measuresOf(parallel(c(0), series(c(1), c(2))), 3, [0.7, 0.8, 0.6]);
    expectRelClose(r.criticality[0], 1, RELATIVE, 'CIF 0');
    expectRelClose(r.diagnostic[0], 1, RELATIVE, 'DIF 0');
    expect(r.rrw[0]).toBe(Infinity);
    expect(r.rrw[1]).toBeLessThan(Infinity);
  });

  test('a component in no cut set gets the neutral values', () => {
    const r = measuresOf(series(c(0), c(1)), 3, [0.9, 0.8, 0.3]);
    expect([r.birnbaum[2], r.criticality[2]]).toEqual([0, 0]);
    expectRelClose(r.diagnostic[2], 0.7, RELATIVE, 'DIF 2 = q_2');
    expect([r.raw[2], r.rrw[2]]).toEqual([1, 1]);
  });

  test('tiny failure probabilities (1e-12) keep their digits when q is passed', () => {
    const tiny = 1e-12;
    const p = [1 - tiny, 1 - tiny, 1 - tiny];
    const q = [tiny, tiny, tiny];
    const two = measuresOf(koon(2, c(0), c(1), c(2)), 3, p, q);
    const total = 3 * tiny * tiny * (1 - tiny) + tiny ** 3;
    expectRelClose(two.rrw[0], total / (tiny * tiny), RELATIVE, '2-of-3 RRW');
    expectRelClose(two.raw[0], (2 * tiny - tiny * tiny) / total, RELATIVE, '2-of-3 RAW');
    expectRelClose(two.criticality[0], (tiny * 2 * tiny * (1 - tiny)) / total, RELATIVE, 'CIF');
    const par = measuresOf(parallel(c(0), c(1)), 2, [1 - tiny, 1 - tiny], [tiny, tiny]);
    expectRelClose(par.raw[0], 1 / tiny, RELATIVE, 'parallel RAW');
    expectRelClose(par.diagnostic[0], 1, RELATIVE, 'parallel DIF');
    const ser = measuresOf(series(c(0), c(1)), 2, [1 - tiny, 1 - 2 * tiny], [tiny, 2 * tiny]);
    const serial = 3 * tiny - 2 * tiny * tiny;
    expectRelClose(ser.criticality[0], (tiny * (1 - 2 * tiny)) / serial, RELATIVE, 'series CIF');
    expectRelClose(ser.raw[1], 1 / serial, RELATIVE, 'series RAW');
  });

  test('Q(q_i = 0) that cancels is recomputed on the diagram', () => {
    // Q ≈ 0.5 and Q(q_0 = 0) = q_1 = 1e-17: Q − q_0·I_B(0) would keep no digit of it.
    const r = measuresOf(series(c(0), c(1)), 2, [0.5, 1 - 1e-17], [0.5, 1e-17]);
    expectRelClose(r.rrw[0], (0.5 + 1e-17 - 0.5e-17) / 1e-17, RELATIVE, 'RRW 0');
  });

  test('Q = 0: ratios are NaN, RAW is Infinity where Q(q_i = 1) > 0', () => {
    const r = measuresOf(parallel(c(0), c(1)), 2, [1, 0.5], [0, 0.5]);
    expect([r.criticality[1], r.diagnostic[1], r.rrw[1]]).toEqual([NaN, NaN, NaN]);
    expect(r.raw[1]).toBe(NaN);
    expect(r.raw[0]).toBe(Infinity);
    expect(r.birnbaum[0]).toBe(0.5);
  });

  test('wrong lengths throw ParameterError', () => {
    const structure = compileStructure(series(c(0), c(1)), 2);
    expect(() => importanceMeasures(structure, [0.9])).toThrow(ParameterError);
    expect(() => importanceMeasures(structure, [0.9, 0.9], [0.1])).toThrow(ParameterError);
  });
});

describe('importanceMeasures against enumeration of all 2^m states (m ≤ 10)', () => {
  test(`${RUNS} random structures, relative tolerance ${RELATIVE}`, () => {
    let worst = 0;
    for (let seed = 1; seed <= RUNS; seed++) {
      const random = seededRandom(seed);
      const { node, m } = randomStructure(random);
      const q = Array.from({ length: m }, () =>
        random() < 0.7 ? 0.01 + 0.98 * random() : 10 ** -(3 + 9 * random()),
      );
      const p = q.map((x) => 1 - x);
      const actual = measuresOf(node, m, p, q);
      worst = Math.max(worst, compare(actual, bruteForce(node, m, p, q), `seed ${seed}`));
    }
    expect(worst).toBeLessThan(RELATIVE);
  });
});
