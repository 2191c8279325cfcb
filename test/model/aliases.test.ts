/**
 * YAML aliases: a "billion laughs" document is refused at the alias that goes over the limit,
 * naming the line and the limit (issue 14: the message had neither), and an alias inside the
 * node it names (data that would contain itself, which overflowed the stack) is refused too.
 */
import { describe, expect, it } from 'vitest';
import { loadModel } from '../../src/model/loadModel.js';
import { modelErrorsOf } from '../helpers/modelErrors.js';

const TAIL = 'components:\n  c: { failure: { mtbf: 1 } }\nsystem: c\n';
const errorsOf = (text: string): string[] => modelErrorsOf(text, { file: 'a.yaml' });

/** Anchors l0 … l(levels-1), each a list of `width` aliases to the one before. */
function laughs(levels: number, width: number): string {
  const lines = ['description:', `  l0: &l0 [${Array(width).fill('x').join(', ')}]`];
  for (let i = 1; i < levels; i++) {
    lines.push(
      `  l${i}: &l${i} [${Array(width)
        .fill(`*l${i - 1}`)
        .join(', ')}]`,
    );
  }
  return `name: x\n${lines.join('\n')}\n${TAIL}`;
}

describe('YAML aliases', () => {
  it('refuses a billion laughs at the alias that brings the expansions over 100, naming the limit', () => {
    // l1 expands 10 aliases; each alias to l1 in l2 expands 1 + 10, so its 10th reaches 110.
    expect(errorsOf(laughs(10, 10))).toEqual([
      'a.yaml:5:57: invalid YAML/JSON: aliases are expanded more than 100 times; the limit is 100 (against "billion laughs" documents; it cannot be raised)',
    ]);
  });

  it('accepts 100 expansions and refuses 101', () => {
    const uses = (n: number): string =>
      `name: x\ndescription: &d text\nparameters: {}\n${TAIL}time_unit: h\n` +
      `x: [${Array(n).fill('*d').join(', ')}]\n`;
    // The extra key x makes the file invalid either way; the alias limit is checked first.
    expect(errorsOf(uses(100))).toEqual([
      expect.stringMatching(/^a\.yaml:8:1: x is not a known key/),
    ]);
    expect(errorsOf(uses(101))).toEqual([
      expect.stringMatching(
        /^a\.yaml:8:\d+: invalid YAML\/JSON: aliases are expanded more than 100 times; the limit is 100 /,
      ),
    ]);
    expect(loadModel(`name: &n x\ndescription: *n\n${TAIL}`).description).toBe('x');
  });

  it('refuses an alias inside the node it names, which overflowed the stack', () => {
    expect(
      errorsOf(
        `name: x\ncomponents:\n  c: { failure: { mtbf: 1 } }\nsystem: &s { series: [c, *s] }\n`,
      ),
    ).toEqual(['a.yaml:4:26: invalid YAML/JSON: the alias *s is inside the node &s it names']);
    expect(errorsOf(`name: &n [*n]\n${TAIL}`)).toEqual([
      'a.yaml:1:11: invalid YAML/JSON: the alias *n is inside the node &n it names',
    ]);
  });
});
