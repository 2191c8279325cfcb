/**
 * loadModel on input built to exhaust the stack or take quadratic time: deep nesting, long
 * chains of parameters, large mappings, and mistakes repeated many times. Each gets a located
 * message (or loads), with recursion bounded and messages short. No wall-clock limits: the
 * sizes are those that overflowed the stack or ran for minutes before.
 */
import { modelErrorsOf } from '../helpers/modelErrors.js';
import { describe, expect, it } from 'vitest';
import { analyze, loadModel, simulate, solveMarkov } from '../../src/index.js';

const HEAD = 'name: x\ncomponents:\n  c: { failure: { mtbf: 1 } }\nsystem: c\n';

const messagesOf = (text: string): string[] => modelErrorsOf(text, { file: 'h.yaml' });

describe('loadModel on deeply nested documents', () => {
  it('accepts 100 levels of nesting and refuses 101 at the first level too deep', () => {
    // description is the top mapping's child: 1 + 99 lists = 100 levels.
    const at = (lists: number): string =>
      `${HEAD}description: ${'['.repeat(lists)}1${']'.repeat(lists)}\n`;
    expect(messagesOf(at(99))).toEqual([
      expect.stringMatching(/^h\.yaml:5:14: description must be a non-empty string; got /),
    ]);
    expect(messagesOf(at(100))).toEqual([
      'h.yaml:5:113: nests mappings and lists more than 100 levels deep',
    ]);
  });

  it('refuses 100 000 levels of JSON (200 KB) with one message; 1000 used to abort the process', () => {
    const json = `{"name": "x", "system": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(messagesOf(json)).toEqual([
      'h.yaml:1:124: nests mappings and lists more than 100 levels deep',
    ]);
  });

  it('counts block nesting as well as flow nesting', () => {
    const block = Array.from({ length: 120 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    expect(messagesOf(`${HEAD}description:\n ${block} 1\n`)[0]).toMatch(
      /^h\.yaml:\d+:\d+: nests mappings and lists more than 100 levels deep$/,
    );
  });
});

describe('the deepest structure loadModel accepts', () => {
  it('is solved by every method without running out of stack', () => {
    // 48 series blocks around a parallel pair: 1 + 2 × 49 + 1 = 100 levels of nesting.
    const text = `name: deep\ncomponents:\n  c: { count: 2, failure: { mtbf: 100 }, repair: { mttr: 1 } }\nsystem: ${'{series: ['.repeat(48)}{parallel: [c]}${']}'.repeat(48)}\n`;
    expect(() =>
      loadModel(text.replace('{parallel', '{series: [{parallel').replace(/\n$/, ']}\n')),
    ).toThrow(/nests mappings and lists more than 100 levels deep/);
    const model = loadModel(text);
    const exact = analyze(model).measures.steadyAvailability as number;
    expect(solveMarkov(model).measures.steadyAvailability).toBeCloseTo(exact, 12);
    expect(simulate(model, { replications: 10, horizon: 100 }).replications).toBe(10);
  });
});

describe('loadModel on large mappings and long chains', () => {
  it('finds a duplicate key among 20 000 keys at its line', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `  p${i}: 1`);
    keys.push('  p7: 2');
    expect(messagesOf(`${HEAD}parameters:\n${keys.join('\n')}\n`)).toEqual([
      'h.yaml:20006:3: invalid YAML/JSON: Map keys must be unique',
    ]);
  });

  it('evaluates a chain of 100 000 parameters, each using the next, without recursion', () => {
    const n = 100_000;
    const chain = Array.from({ length: n }, (_, i) =>
      i === n - 1 ? `  p${i}: 1` : `  p${i}: p${i + 1} + 1`,
    );
    const model = loadModel(`${HEAD}parameters:\n${chain.join('\n')}\n`);
    expect(model.parameters.p0).toBe(n);
  });

  it('reports a cycle through 100 000 parameters in one short line', () => {
    const n = 100_000;
    const cycle = Array.from({ length: n }, (_, i) => `  p${i}: p${(i + 1) % n} * 2`);
    expect(messagesOf(`${HEAD}parameters:\n${cycle.join('\n')}\n`)).toEqual([
      'h.yaml:6:7: parameters.p0 is defined in a cycle: p0 → p1 → p2 → p3 → … 99993 more … → p99997 → p99998 → p99999 → p0',
    ]);
  });
});

describe('loadModel messages stay short however often a mistake repeats', () => {
  it('lists at most 10 known names in each of 5000 unknown-name messages', () => {
    const n = 5000;
    const parameters = Array.from({ length: n }, (_, i) => `  p${i}: q${i} + 1`);
    const messages = messagesOf(`${HEAD}parameters:\n${parameters.join('\n')}\n`);
    expect(messages).toHaveLength(n);
    expect(messages[0]).toBe(
      'h.yaml:6:7: parameters.p0 uses the unknown name "q0" (parameters: p0, p1, p2, p3, p4, p5, p6, p7, p8, p9 and 4990 more)',
    );
    expect(Math.max(...messages.map((m) => m.length))).toBeLessThan(150);
  });

  it('lists at most 10 components in each of 5000 unknown-component messages', () => {
    const n = 5000;
    const components = Array.from({ length: n }, (_, i) => `  c${i}: { failure: { mtbf: 1 } }`);
    const refs = Array.from({ length: n }, (_, i) => `d${i}`).join(', ');
    const messages = messagesOf(
      `name: x\ncomponents:\n${components.join('\n')}\nsystem: { series: [${refs}] }\nmaintenance: { priority: [${refs}] }\n`,
    );
    expect(messages).toHaveLength(2 * n);
    expect(messages[0]).toMatch(
      /system\.series\[0\] names the unknown component "d0" \(components: c0, c1, c2, c3, c4, c5, c6, c7, c8, c9 and 4990 more\)$/,
    );
    expect(Math.max(...messages.map((m) => m.length))).toBeLessThan(170);
  });
});
