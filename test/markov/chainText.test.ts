import { describe, expect, it } from 'vitest';
import { ModelError } from '../../src/errors.js';
import { buildCtmc } from '../../src/markov/generation/buildCtmc.js';
import { formatChainText, parseChainText } from '../../src/markov/generation/chainText.js';
import { kOutOfNChain } from './chains.js';

function messageOf(text: string): string {
  try {
    parseChainText(text, 'chain.txt');
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    return (error as Error).message;
  }
  throw new Error('parseChainText accepted bad input');
}

describe('parseChainText and formatChainText', () => {
  it('parseChainText reads the example of docs/chain-format.md', () => {
    const text = [
      '# duplex with one repair crew, rates per hour',
      'relkit-ctmc 1 3 3',
      'down 2',
      'initial 0 1',
      'name 0 both up',
      '0 1 0.002   # either unit fails',
      '1 0 0.1',
      '1 2 0.001',
      '',
    ].join('\n');
    const chain = parseChainText(text, 'duplex.txt');
    expect(chain.stateCount).toBe(3);
    expect([...chain.up]).toEqual([1, 1, 0]);
    expect([...chain.initial]).toEqual([1, 0, 0]);
    expect([...chain.exitRate]).toEqual([0.002, 0.101, 0]);
    expect(chain.stateNames).toEqual(['both up', '1', '2']);
  });

  it('formatChainText then parseChainText gives back the same chain, bit for bit', () => {
    const original = buildCtmc(
      5,
      [
        { from: 0, to: 1, rate: 0.1 + 0.2 },
        { from: 1, to: 2, rate: 1e-300 },
        { from: 2, to: 0, rate: 12345.678 },
        { from: 3, to: 4, rate: Math.PI },
        { from: 4, to: 3, rate: 1 / 3 },
      ],
      [1, 0, 0, 1, 0],
      [0.5, 0, 0, 0.25, 0.25],
      { stateNames: ['a', 'b#c', 'd', 'e', 'f'] },
    );
    const copy = parseChainText(formatChainText(original), 'copy.txt');
    for (const key of ['rowStart', 'target', 'rate', 'exitRate', 'up', 'initial'] as const) {
      expect([...copy[key]]).toEqual([...original[key]]);
    }
    expect(copy.stateNames).toEqual(['a', 'b c', 'd', 'e', 'f']);
    const chain = kOutOfNChain(2, 40, 0.001, 0.1, 2);
    expect(formatChainText(parseChainText(formatChainText(chain), 'x'))).toBe(
      formatChainText(chain),
    );
    expect(formatChainText(chain)).toMatch(
      /^relkit-ctmc 1 41 80\n# written by relkit formatChainText; format: docs\/chain-format.md\ndown 39-40\ninitial 0 1\n0 1 0\.04\n/,
    );
  });

  it('parseChainText names the file and line of each problem', () => {
    const header = 'relkit-ctmc 1 10 1\ninitial 0 1\n';
    expect(messageOf(`${header}\n# c\n\n\n\n\n\n\n\n0 1 -3\n`)).toBe(
      'chain.txt:12: rate must be a finite number > 0; got -3',
    );
    expect(messageOf(`${header}0 1 NaN\n`)).toBe(
      'chain.txt:3: rate must be a finite number > 0; got "NaN"',
    );
    expect(messageOf(`${header}0 1 0\n`)).toBe(
      'chain.txt:3: rate must be a finite number > 0; got 0',
    );
    expect(messageOf(`${header}0 12 1\n`)).toBe(
      'chain.txt:3: to must be a state index in [0, 9]; got 12',
    );
    expect(messageOf(`${header}-1 2 1\n`)).toBe(
      'chain.txt:3: from must be a state index in [0, 9]; got -1',
    );
    expect(messageOf(`${header}0 1\n`)).toBe(
      'chain.txt:3: transition must be "<from> <to> <rate>"; got "0 1"',
    );
    expect(messageOf(`${header}up 3\n0 1 1\n`)).toBe(
      'chain.txt:3: line must be a transition "<from> <to> <rate>" or start with down, initial or name; got "up"',
    );
    expect(messageOf('relkit-ctmc 2 3 0\n')).toBe(
      'chain.txt:1: header must be "relkit-ctmc 1 <states ≥ 1> <transitions>"; got "relkit-ctmc 2 3 0"',
    );
    expect(messageOf('')).toBe(
      'chain.txt:1: header must be "relkit-ctmc 1 <states ≥ 1> <transitions>"; got nothing',
    );
    expect(messageOf('relkit-ctmc 1 3 2\ninitial 0 1\n0 1 1\n')).toBe(
      'chain.txt:3: transitions must number 2 as the header says; got 1',
    );
    expect(messageOf('relkit-ctmc 1 3 0\ninitial 0 0.5\ninitial 1 0.4\n')).toBe(
      'chain.txt: initial probabilities must sum to 1 within 1e-12; got 0.9',
    );
    expect(messageOf('relkit-ctmc 1 3 0\ninitial 0 1\ninitial 0 0\n')).toBe(
      'chain.txt:3: initial state must be given once; got 0 again',
    );
    expect(messageOf('relkit-ctmc 1 3 0\ninitial 0 1.5\n')).toBe(
      'chain.txt:2: initial probability must be a number in [0, 1]; got 1.5',
    );
    expect(messageOf('relkit-ctmc 1 3 0\ninitial 0 1\ndown 2-1\n')).toBe(
      'chain.txt:3: down range must run upwards; got "2-1"',
    );
    expect(messageOf('relkit-ctmc 1 3 0\ninitial 0 1\ndown 1-3\n')).toBe(
      'chain.txt:3: down must be a state index in [0, 2]; got 3',
    );
  });

  it('parseChainText reports every issue at once, up to 20', () => {
    const lines = [
      'relkit-ctmc 1 2 30',
      'initial 0 1',
      ...Array.from({ length: 30 }, () => '0 1 -1'),
    ];
    const message = messageOf(lines.join('\n'));
    expect(message.split('\n')).toHaveLength(20);
    expect(message.split('\n')[19]).toBe('chain.txt:22: rate must be a finite number > 0; got -1');
  });
});
