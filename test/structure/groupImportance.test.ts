import { describe, expect, test } from 'vitest';

import { ParameterError } from '../../src/errors.js';
import { exactSum } from '../../src/numeric/sum.js';
import { compileStructure } from '../../src/structure/compileStructure.js';
import { groupImportance } from '../../src/structure/groupImportance.js';
import {
  type ImportanceMeasures,
  importanceMeasures,
} from '../../src/structure/importanceMeasures.js';
import type { StructureNode } from '../../src/structure/StructureNode.js';
import { element } from '../helpers/element.js';
import { expectRelClose } from '../helpers/expectClose.js';
import { randomStructure } from '../helpers/randomStructure.js';
import {
  BRIDGE,
  c,
  koon,
  not,
  parallel,
  seededRandom,
  series,
  works,
} from '../helpers/structures.js';

// Relative tolerance 1e-12 for every measure of every group against enumeration of all 2^m
// states (m ≤ 10): each probability summed from the truth table with exactSum, the differences
// Q − Q(G = 0) and Q(G = 1) − Q(G = 0) as sums over the states in which they differ (so the
// reference does not cancel), Fussell–Vesely from the minimal cut sets found by testing every
// subset. Measured over the 300 random structures below: at most 7.9e-15 relative.
const RELATIVE = 1e-12;
const RUNS = 300;
const KEYS = ['birnbaum', 'criticality', 'diagnostic', 'fussellVesely', 'raw', 'rrw'] as const;

/** Every group measure by enumeration of all 2^m states (bit i of s set: component i works). */
function bruteForce(
  node: StructureNode,
  m: number,
  groups: readonly (readonly number[])[],
  p: readonly number[],
  q: readonly number[],
): ImportanceMeasures {
  const size = 2 ** m;
  const all = size - 1;
  const down = Array.from(
    { length: size },
    (_, s) =>
      !works(
        node,
        Array.from({ length: m }, (_, i) => ((s >> i) & 1) === 1),
      ),
  );
  const weight = (s: number, skip = 0): number => {
    let w = 1;
    for (let i = 0; i < m; i++) {
      if (!((skip >> i) & 1)) w *= element((s >> i) & 1 ? p : q, i);
    }
    return w;
  };
  const total = exactSum(down.flatMap((d, s) => (d ? [weight(s)] : [])));
  const cuts: number[] = []; // minimal cut sets as masks of failed components
  for (let f = 0; f < size; f++) {
    if (!element(down, all ^ f)) continue;
    let minimal = true;
    for (let i = 0; i < m && minimal; i++) {
      if ((f >> i) & 1 && element(down, all ^ f ^ (1 << i))) minimal = false;
    }
    if (minimal) cuts.push(f);
  }
  const g = groups.length;
  const out = {
    birnbaum: new Float64Array(g),
    criticality: new Float64Array(g),
    diagnostic: new Float64Array(g),
    fussellVesely: new Float64Array(g),
    raw: new Float64Array(g),
    rrw: new Float64Array(g),
  };
  groups.forEach((members, k) => {
    const mask = members.reduce((a, i) => a | (1 << i), 0);
    const failedDown: number[] = []; // Q(G = 1), over the states of the others
    const workingDown: number[] = []; // Q(G = 0)
    const critical: number[] = []; // Q(G = 1) − Q(G = 0), term by term
    for (let s = 0; s < size; s++) {
      if (s & mask) continue;
      const d1 = element(down, s);
      const d0 = element(down, s | mask);
      if (d1) failedDown.push(weight(s, mask));
      if (d0) workingDown.push(weight(s, mask));
      if (d1 !== d0) critical.push((d1 ? 1 : -1) * weight(s, mask));
    }
    const removed: number[] = []; // Q − Q(G = 0): down states that G's repair changes
    const someFailedDown: number[] = [];
    const inCut: number[] = [];
    const meeting = cuts.filter((f) => f & mask);
    for (let s = 0; s < size; s++) {
      const d = element(down, s);
      const d0 = element(down, s | mask);
      if (d !== d0) removed.push((d ? 1 : -1) * weight(s));
      if (d && (s & mask) !== mask) someFailedDown.push(weight(s));
      if (meeting.some((f) => (s & f) === 0)) inCut.push(weight(s));
    }
    const qFailed = exactSum(failedDown);
    const qWorking = exactSum(workingDown);
    out.birnbaum[k] = exactSum(critical);
    out.fussellVesely[k] = total > 0 ? exactSum(inCut) / total : NaN;
    out.criticality[k] = total > 0 ? exactSum(removed) / total : NaN;
    out.diagnostic[k] = total > 0 ? exactSum(someFailedDown) / total : NaN;
    out.raw[k] = total > 0 ? qFailed / total : qFailed > 0 ? Infinity : NaN;
    out.rrw[k] = total > 0 ? (qWorking > 0 ? total / qWorking : Infinity) : NaN;
  });
  return out;
}

/** Largest relative error of `actual` against `expected` over every measure and group. */
function compare(
  actual: ImportanceMeasures,
  expected: ImportanceMeasures,
  label: string,
  keys: readonly (typeof KEYS)[number][] = KEYS,
): number {
  let worst = 0;
  for (const key of keys) {
    actual[key].forEach((value, k) => {
      const want = element(expected[key], k);
      expectRelClose(value, want, RELATIVE, `${label} ${key}[${k}]`, 1e-300);
      if (Number.isFinite(want) && want !== 0) {
        worst = Math.max(worst, Math.abs(value - want) / Math.abs(want));
      }
    });
  }
  return worst;
}

const KOON = koon(2, c(0), c(1), c(2));

describe('groupImportance: hand cases', () => {
  test('2-of-3, q = 0.1, group {0, 1}: every measure in closed form', () => {
    const r = groupImportance(KOON, 3, [[0, 1]], [0.9, 0.9, 0.9]);
    const total = 0.028;
    // G failed: the system has failed (Q = 1); G working: it works (Q = 0).
    expectRelClose(r.birnbaum[0], 1, RELATIVE, 'I_B');
    expectRelClose(r.criticality[0], 1, RELATIVE, 'CIF');
    expect(r.rrw[0]).toBe(Infinity);
    expectRelClose(r.raw[0], 1 / total, RELATIVE, 'RAW');
    // Every failed state has one of 0, 1 failed; every minimal cut set meets the group.
    expectRelClose(r.diagnostic[0], 1, RELATIVE, 'DIF');
    expectRelClose(r.fussellVesely[0], 1, RELATIVE, 'FV');
  });

  test('a bank of 3 units in series with a pump: the group I_B is a probability, not a sum', () => {
    // System: pump in series with a 1-of-3 bank (units 1..3). q(pump) = 0.2, q(unit) = 0.5.
    const node = series(c(0), parallel(c(1), c(2), c(3)));
    const p = [0.8, 0.5, 0.5, 0.5];
    const unit = importanceMeasures(compileStructure(node, 4), p);
    const group = groupImportance(node, 4, [[0], [1, 2, 3]], p);
    // A 1-of-3 bank alone with q = 0.9: each unit I_B = 0.81, summed 2.43.
    const heavy = parallel(c(0), c(1), c(2));
    const heavyUnits = importanceMeasures(compileStructure(heavy, 3), [0.1, 0.1, 0.1]);
    const summed = heavyUnits.birnbaum.reduce((a, b) => a + b, 0);
    expectRelClose(summed, 2.43, RELATIVE, 'summed unit I_B');
    const heavyGroup = groupImportance(heavy, 3, [[0, 1, 2]], [0.1, 0.1, 0.1]);
    expectRelClose(heavyGroup.birnbaum[0], 1, RELATIVE, 'bank I_B: all failed fails, all up works');
    // Pump alone: its unit values.
    for (const key of KEYS) expectRelClose(group[key][0], unit[key][0], RELATIVE, `pump ${key}`);
    // Bank: Q(G = 1) = 1, Q(G = 0) = 0.2 (the pump), Q = 1 − 0.8·0.875 = 0.3.
    expectRelClose(group.birnbaum[1], 0.8, RELATIVE, 'bank I_B');
    expectRelClose(group.raw[1], 1 / 0.3, RELATIVE, 'bank RAW');
    expectRelClose(group.rrw[1], 0.3 / 0.2, RELATIVE, 'bank RRW');
    expectRelClose(group.criticality[1], 0.1 / 0.3, RELATIVE, 'bank CIF');
    // P(some unit failed and system down) = Q − P(all units up)·Q(G = 0) = 0.3 − 0.125·0.2.
    expectRelClose(group.diagnostic[1], (0.3 - 0.125 * 0.2) / 0.3, RELATIVE, 'bank DIF');
    // The one cut set meeting the bank is {1, 2, 3}: q³ = 0.125.
    expectRelClose(group.fussellVesely[1], 0.125 / 0.3, RELATIVE, 'bank FV');
  });

  test('a group of one is the component measure', () => {
    const p = [0.9, 0.8, 0.7, 0.95, 0.6];
    const unit = importanceMeasures(compileStructure(BRIDGE, 5), p);
    const group = groupImportance(BRIDGE, 5, [[0], [1], [2], [3], [4]], p);
    for (const key of KEYS) {
      unit[key].forEach((value, i) =>
        expectRelClose(group[key][i], value, RELATIVE, `bridge ${key}[${i}]`),
      );
    }
  });

  test('bridge (a network): groups across its links, against enumeration', () => {
    const p = [0.9, 0.8, 0.7, 0.95, 0.6];
    const groups = [
      [0, 3],
      [1, 2],
      [0, 1, 2, 3, 4],
      [2, 4],
    ];
    compare(
      groupImportance(BRIDGE, 5, groups, p),
      bruteForce(
        BRIDGE,
        5,
        groups,
        p,
        p.map((x) => 1 - x),
      ),
      'bridge',
    );
  });

  test('shared units and overlapping groups, against enumeration', () => {
    // Unit 0 feeds both branches; groups overlap in unit 2.
    const node = parallel(series(c(0), c(1), c(2)), series(c(0), koon(2, c(2), c(3), c(4))));
    const p = [0.99, 0.7, 0.8, 0.6, 0.5];
    const groups = [[0, 2], [2, 3, 4], [1]];
    compare(
      groupImportance(node, 5, groups, p),
      bruteForce(
        node,
        5,
        groups,
        p,
        p.map((x) => 1 - x),
      ),
      'shared',
    );
  });

  test('a non-coherent tree: every measure but FV against enumeration, FV NaN', () => {
    const node = series(c(0), not(series(c(1), c(2))), parallel(c(2), c(3)));
    const p = [0.9, 0.3, 0.6, 0.5];
    const groups = [
      [1, 2],
      [0, 3],
    ];
    const r = groupImportance(node, 4, groups, p);
    compare(
      r,
      bruteForce(
        node,
        4,
        groups,
        p,
        p.map((x) => 1 - x),
      ),
      'not',
      ['birnbaum', 'criticality', 'diagnostic', 'raw', 'rrw'],
    );
    expect([...r.fussellVesely]).toEqual([NaN, NaN]);
  });

  test('tiny failure probabilities (1e-12) keep their digits', () => {
    const tiny = 1e-12;
    const p = [1 - tiny, 1 - tiny, 1 - tiny, 1 - tiny];
    const q = [tiny, tiny, tiny, tiny];
    const node = koon(2, c(0), c(1), c(2), c(3));
    const groups = [[0, 1], [0]];
    compare(groupImportance(node, 4, groups, p, q), bruteForce(node, 4, groups, p, q), 'tiny');
  });

  test('Q = 0: the ratios are NaN, RAW Infinity where Q(G = 1) > 0', () => {
    const r = groupImportance(
      parallel(c(0), c(1), c(2)),
      3,
      [[1, 2]],
      [1, 0.5, 0.5],
      [0, 0.5, 0.5],
    );
    expect([r.criticality[0], r.diagnostic[0], r.rrw[0], r.raw[0]]).toEqual([NaN, NaN, NaN, NaN]);
    const s = groupImportance(series(c(0), c(1)), 2, [[1]], [1, 1], [0, 0]);
    expect(s.raw[0]).toBe(Infinity);
    expect(s.birnbaum[0]).toBe(1);
  });

  test('bad groups and lengths throw ParameterError', () => {
    const node = series(c(0), c(1));
    expect(() => groupImportance(node, 2, [[]], [0.9, 0.9])).toThrow(ParameterError);
    expect(() => groupImportance(node, 2, [[0, 0]], [0.9, 0.9])).toThrow(/groups\[0\]/);
    expect(() => groupImportance(node, 2, [[2]], [0.9, 0.9])).toThrow(ParameterError);
    expect(() => groupImportance(node, 2, [[0]], [0.9])).toThrow(ParameterError);
    expect(() => groupImportance(node, 2, [[0]], [0.9, 0.9], [0.1])).toThrow(ParameterError);
  });
});

describe('groupImportance against enumeration of all 2^m states (m ≤ 10)', () => {
  test(`${RUNS} random structures with random groups, relative tolerance ${RELATIVE}`, () => {
    let worst = 0;
    for (let seed = 1; seed <= RUNS; seed++) {
      const random = seededRandom(1000 + seed);
      const { node, m } = randomStructure(random);
      if (m === 0) continue; // a tree of empty gates: no group to form
      const q = Array.from({ length: m }, () =>
        random() < 0.7 ? 0.01 + 0.98 * random() : 10 ** -(3 + 9 * random()),
      );
      const p = q.map((x) => 1 - x);
      // A partition into blocks of consecutive components (a model's components), and one
      // random group that may overlap them.
      const groups: number[][] = [];
      for (let i = 0; i < m;) {
        const size = 1 + Math.floor(random() * 3);
        groups.push(Array.from({ length: Math.min(size, m - i) }, (_, j) => i + j));
        i += size;
      }
      groups.push(Array.from({ length: m }, (_, i) => i).filter((i) => i === 0 || random() < 0.4));
      const actual = groupImportance(node, m, groups, p, q);
      // Coherent (no `not`): CIF(G) ≤ FV(G) ≤ DIF(G), I_B(G) ≤ 1.
      actual.birnbaum.forEach((birnbaum, k) => {
        const [cif, fv, dif] = [actual.criticality, actual.fussellVesely, actual.diagnostic].map(
          (measure) => element(measure, k),
        );
        if (Number.isNaN(cif)) return; // Q = 0
        expect(birnbaum).toBeLessThanOrEqual(1 + 1e-15);
        expect(cif).toBeLessThanOrEqual(fv! * (1 + RELATIVE));
        expect(fv).toBeLessThanOrEqual(dif! * (1 + RELATIVE));
      });
      worst = Math.max(worst, compare(actual, bruteForce(node, m, groups, p, q), `seed ${seed}`));
    }
    expect(worst).toBeLessThan(RELATIVE);
  });
});
