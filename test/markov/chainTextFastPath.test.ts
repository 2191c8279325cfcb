/**
 * parseChainText reads plain transition lines by a scanner of char codes (scanTransition) and
 * everything else by the general path. These property tests hold the two to the same answers:
 * random chain texts whose transition lines are written in every way the format allows (blanks
 * and tabs, CRLF, comments, leading zeros, points, exponents of both signs and cases, long
 * mantissas, huge or tiny exponents, a `+` sign) must give the chain built from an independent
 * split-and-Number reading, bit for bit; and an invalid line after many plain ones keeps its
 * line number and message.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ModelError } from '../../src/errors.js';
import { buildCtmc } from '../../src/markov/generation/buildCtmc.js';
import { parseChainText } from '../../src/markov/generation/chainText.js';

/** A positive rate and ways of writing it that all read back to `Number(text)`. */
const rateText = fc
  .oneof(
    fc.double({ min: 1e-300, max: 1e300, noNaN: true }).map((r) => String(r)),
    fc.double({ min: 1e-6, max: 1e6, noNaN: true }).map((r) => r.toExponential()),
    fc.double({ min: 1e-6, max: 1e6, noNaN: true }).map((r) => r.toPrecision(17)),
    fc.double({ min: 1e-3, max: 1e3, noNaN: true }).map((r) => r.toFixed(5)),
    fc.integer({ min: 1, max: 999 }).map((k) => `${k}.`),
    fc.integer({ min: 1, max: 999 }).map((k) => `.${k}`),
    fc.integer({ min: 1, max: 99 }).map((k) => `${k}E+2`),
    fc.integer({ min: 1, max: 99 }).map((k) => `+${k}e-30`),
    fc.integer({ min: 1, max: 99 }).map((k) => `0000${k}.2500e-0003`),
    fc.constantFrom(
    '1.5e22', '1.5e23', '1e23', '7e-23', '123456789012345e8', '123456789012345', '1234567890123456', '1e-22', '1e-23',
  ), // prettier-ignore
  )
  .filter((text) => Number(text) > 0 && Number.isFinite(Number(text)));

const blank = fc.constantFrom(' ', '  ', '\t', ' \t ');
const lineEnd = fc.constantFrom('\n', '\r\n', '  \n', ' # note\n', '\t\n');
const index = (n: number) => fc.integer({ min: 0, max: n - 1 });

const chainCase = fc.integer({ min: 2, max: 12 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    lines: fc.array(
      fc.record({
        from: index(n),
        to: index(n),
        rate: rateText,
        lead: fc.constantFrom('', ' ', '00'),
        gap1: blank,
        gap2: blank,
        end: lineEnd,
      }),
      { minLength: 1, maxLength: 30 },
    ),
    trailingNewline: fc.boolean(),
  }),
);

describe('the transition scanner reads what the general path reads', () => {
  test('random chain texts give the chain of a split-and-Number reading, bit for bit', () => {
    fc.assert(
      fc.property(chainCase, ({ n, lines, trailingNewline }) => {
        const body = lines
          .map((l, k) => {
            const from = `${l.lead}${l.from}`;
            const end = k === lines.length - 1 && !trailingNewline ? '' : l.end;
            return `${from}${l.gap1}${l.to}${l.gap2}${l.rate}${end}`;
          })
          .join('');
        const text = `relkit-ctmc 1 ${n} ${lines.length}\ndown 0\ninitial 1 1\n${body}`;
        const parsed = parseChainText(text, 'random.txt');
        const expected = buildCtmc(
          n,
          {
            from: Int32Array.from(lines, (l) => l.from),
            to: Int32Array.from(lines, (l) => l.to),
            rate: Float64Array.from(lines, (l) => Number(l.rate)),
          },
          Uint8Array.from({ length: n }, (_, i) => (i === 0 ? 0 : 1)),
          Float64Array.from({ length: n }, (_, i) => (i === 1 ? 1 : 0)),
        );
        expect(parsed).toEqual(expected);
      }),
      { numRuns: 400, seed: 20261205 },
    );
  });

  test('a bad line after plain ones keeps its line number and message', () => {
    const plain = Array.from({ length: 50 }, (_, k) => `${k % 3} ${(k + 1) % 3} 0.5`);
    for (const [bad, message] of [
      ['0 3 0.5', 'to must be a state index in [0, 2]; got 3'],
      ['0 1 0', 'rate must be a finite number > 0; got 0'],
      ['0 1 1e400', 'rate must be a finite number > 0; got Infinity'],
      ['0 1 0.5 9', 'transition must be "<from> <to> <rate>"; got "0 1 0.5 9"'],
      ['0 1 x', 'rate must be a finite number > 0; got "x"'],
    ] as const) {
      const text = ['relkit-ctmc 1 3 51', 'initial 0 1', ...plain, bad, ''].join('\n');
      let caught: unknown;
      try {
        parseChainText(text, 'c.txt');
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ModelError);
      expect((caught as Error).message).toBe(`c.txt:53: ${message}`);
    }
  });
});
