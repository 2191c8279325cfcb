import { describe, expect, it } from 'vitest';
import { resultJson, resultJsonBytes } from '../../src/cli/json.js';
import { testRng } from '../helpers/testRng.js';
import { Draw } from '../helpers/draw.js';

/** A random JSON-like value: nested objects and arrays, every kind of leaf JSON treats apart. */
function randomValue(draw: Draw, depth: number): unknown {
  const leaves: unknown[] = [
    draw.u(),
    -draw.int(0, 1000),
    NaN,
    Infinity,
    'a "quoted" name\nwith a line',
    '',
    true,
    false,
    null,
    undefined,
    () => 1,
  ];
  if (depth === 0 || draw.chance(0.3)) return leaves[draw.int(0, leaves.length - 1)]; // undefined too
  const n = draw.int(0, 4);
  if (draw.chance(0.5)) return Array.from({ length: n }, () => randomValue(draw, depth - 1));
  return Object.fromEntries(
    Array.from({ length: n }, (_, i) => [
      `k${i}${draw.pick(['', '"', '\\'])}`,
      randomValue(draw, depth - 1),
    ]),
  );
}

describe('resultJson', () => {
  it('is the same document as JSON.stringify for 2000 random values', () => {
    const draw = new Draw(testRng(20261206));
    for (let i = 0; i < 2000; i++) {
      const value = { v: randomValue(draw, 5) };
      expect(JSON.parse(resultJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
    }
  });

  it('writes an array of plain values on one line, and indents the rest by two', () => {
    const text = resultJson({ sets: [['a', 'b'], ['c']], t: [0, 1], none: [], empty: {} });
    expect(text).toBe(
      '{\n  "sets": [\n    ["a","b"],\n    ["c"]\n  ],\n  "t": [0,1],\n  "none": [],\n  "empty": {}\n}\n',
    );
  });

  it('writes a list of one-line arrays with one line each, whatever their strings hold', () => {
    // Each line is written from the strings' JSON bytes: a string holding "],[" (or a bracket or
    // an escape) must come out as JSON.stringify writes it, and a list holding an element that
    // is not an array of plain values is written element by element.
    const sets = [['a', 'x],[y'], [], ['"],["', 2, null], ['[', ']'], [true]];
    const text = resultJson({ sets });
    const lines = sets.map((set) => `    ${JSON.stringify(set)}`).join(',\n');
    expect(text).toBe(`{\n  "sets": [\n${lines}\n  ]\n}\n`);
    expect(resultJson({ sets: sets.slice(1) })).toBe(
      `{\n  "sets": [\n${lines.split(',\n').slice(1).join(',\n')}\n  ]\n}\n`,
    );
    expect(resultJson([['a'], [{ b: 1 }]])).toBe(
      '[\n  ["a"],\n  [\n    {\n      "b": 1\n    }\n  ]\n]\n',
    );
  });

  it('writes non-ASCII strings and a list longer than its first buffer as JSON.stringify does', () => {
    const names = ['pompe-é', 'vanne "ß"', '泵', 'x\u2028y', '\ud800'];
    const sets = Array.from({ length: 20_000 }, (_, i) => [names[i % 5], i, i % 3 === 0]);
    const lines = sets.map((set) => `    ${JSON.stringify(set)}`).join(',\n');
    expect(resultJson({ sets })).toBe(`{\n  "sets": [\n${lines}\n  ]\n}\n`);
    expect(Buffer.from(resultJsonBytes({ sets })).toString('utf8')).toBe(resultJson({ sets }));
  });
});
