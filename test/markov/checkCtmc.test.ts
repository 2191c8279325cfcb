/**
 * checkCtmc: every public function that takes a Ctmc refuses a malformed hand-built chain with a
 * ParameterError naming itself and the field, accepts a well-formed literal exactly as the same
 * chain from buildCtmc, and scans a chain at most once.
 */
import { describe, expect, it, vi } from 'vitest';
import { ParameterError } from '../../src/errors.js';
import { buildCtmc } from '../../src/markov/generation/buildCtmc.js';
import { formatChainText } from '../../src/markov/generation/chainText.js';
import { checkCtmc } from '../../src/markov/generation/checkCtmc.js';
import { checkReachability } from '../../src/markov/generation/checkReachability.js';
import type { Ctmc } from '../../src/markov/generation/Ctmc.js';
import { lumpDownStates } from '../../src/markov/generation/lumpDownStates.js';
import { makeAbsorbing } from '../../src/markov/generation/makeAbsorbing.js';
import { meanTimeToAbsorption } from '../../src/markov/linalg/meanTimeToAbsorption.js';
import { solveSteadyState, steadyStateResidual } from '../../src/markov/linalg/solveSteadyState.js';
import { solveTransient } from '../../src/markov/linalg/solveTransient.js';
import { failureFrequency } from '../../src/markov/measures/failureFrequency.js';
import { intervalAvailability } from '../../src/markov/measures/intervalAvailability.js';
import { pointAvailabilityCurve } from '../../src/markov/measures/pointAvailabilityCurve.js';
import { reliabilityCurve } from '../../src/markov/measures/reliabilityCurve.js';
import { solveCtmc } from '../../src/markov/measures/solveMarkov.js';
import { compensatedSum, exactSum } from '../../src/numeric/sum.js';
import { kOutOfNChain } from './chains.js';

// The sums, counted: a scan of checkCtmc sums the chain's own `initial` array once (compensated,
// then exactly when that is not clear), and nothing else in the Markov engine passes that array
// itself to either sum, so the calls with it count the scans.
vi.mock('../../src/numeric/sum.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/numeric/sum.js')>();
  return {
    ...original,
    exactSum: vi.fn(original.exactSum),
    compensatedSum: vi.fn(original.compensatedSum),
  };
});

/** How many times the quick sum has been given this very array. */
function sumsOf(array: Float64Array): number {
  return vi.mocked(compensatedSum).mock.calls.filter(([values]) => values === array).length;
}

/** A chain whose fields a test may replace, as a user's object literal allows. */
type Literal = { -readonly [K in keyof Ctmc]: Ctmc[K] };

/**
 * A repairable three-state chain written by hand, fresh arrays each call: 0 (up) → 1 at 1, → 2
 * at 0.5; 1 (up, degraded) → 0 at 4, → 2 at 0.25; 2 (down) → 0 at 2. Rows sorted by target, as
 * buildCtmc lays them out.
 */
function literal(): Literal {
  return {
    stateCount: 3,
    rowStart: Int32Array.of(0, 2, 4, 5),
    target: Int32Array.of(1, 2, 0, 2, 0),
    rate: Float64Array.of(1, 0.5, 4, 0.25, 2),
    exitRate: Float64Array.of(1.5, 4.25, 2),
    up: Uint8Array.of(1, 1, 0),
    initial: Float64Array.of(1, 0, 0),
    stateNames: ['ok', 'degraded', 'down'],
  };
}

/** The same chain by buildCtmc. */
function built(): Ctmc {
  return buildCtmc(
    3,
    [
      { from: 0, to: 1, rate: 1 },
      { from: 0, to: 2, rate: 0.5 },
      { from: 1, to: 0, rate: 4 },
      { from: 1, to: 2, rate: 0.25 },
      { from: 2, to: 0, rate: 2 },
    ],
    [1, 1, 0],
    0,
    { stateNames: ['ok', 'degraded', 'down'] },
  );
}

const PI = [0.5, 0.3, 0.2];
const SOURCE = { name: 'hand', hash: '0', timeUnit: 'h' };

/** Every exported function that takes a Ctmc (src/index.ts), called on `chain`. */
const PUBLIC: readonly [string, (chain: Ctmc) => unknown][] = [
  ['checkReachability', (c) => checkReachability(c)],
  ['solveSteadyState', (c) => solveSteadyState(c)],
  ['steadyStateResidual', (c) => steadyStateResidual(c, PI)],
  ['solveTransient', (c) => solveTransient(c, [0.5, 3])],
  ['meanTimeToAbsorption', (c) => meanTimeToAbsorption(c, 'down')],
  ['reliabilityCurve', (c) => reliabilityCurve(c, [0.5, 3])],
  ['pointAvailabilityCurve', (c) => pointAvailabilityCurve(c, [0.5, 3])],
  ['intervalAvailability', (c) => intervalAvailability(c, 3)],
  ['failureFrequency', (c) => failureFrequency(c, PI)],
  ['makeAbsorbing', (c) => makeAbsorbing(c, 'down')],
  ['formatChainText', (c) => formatChainText(c)],
  ['solveCtmc', (c) => solveCtmc(c, SOURCE, { times: [0.5, 3] })],
];

/** A malformation: what it breaks, the field the message must name, and the chain. */
interface Malformed {
  readonly what: string;
  readonly field: string;
  readonly chain: () => unknown;
}

/** `literal()` with some fields replaced. */
function withFields(fields: Partial<Record<keyof Ctmc, unknown>>): () => unknown {
  return () => ({ ...literal(), ...fields });
}

const MALFORMED: readonly Malformed[] = [
  { what: 'no object', field: 'ctmc', chain: () => null },
  { what: 'stateCount 0', field: 'ctmc.stateCount', chain: withFields({ stateCount: 0 }) },
  { what: 'stateCount 2.5', field: 'ctmc.stateCount', chain: withFields({ stateCount: 2.5 }) },
  { what: 'stateCount NaN', field: 'ctmc.stateCount', chain: withFields({ stateCount: NaN }) },
  {
    what: 'stateCount missing',
    field: 'ctmc.stateCount',
    chain: withFields({ stateCount: undefined }),
  },
  {
    what: 'stateCount larger than the arrays',
    field: 'ctmc.rowStart',
    chain: withFields({ stateCount: 4 }),
  },
  {
    what: 'rowStart too short',
    field: 'ctmc.rowStart',
    chain: withFields({ rowStart: Int32Array.of(0, 2, 4) }),
  },
  {
    what: 'rowStart a plain array',
    field: 'ctmc.rowStart',
    chain: withFields({ rowStart: [0, 2, 4, 5] }),
  },
  {
    what: 'rowStart of another type',
    field: 'ctmc.rowStart',
    chain: withFields({ rowStart: Float64Array.of(0, 2, 4, 5) }),
  },
  {
    what: 'rowStart not starting at 0',
    field: 'ctmc.rowStart[0]',
    chain: withFields({ rowStart: Int32Array.of(1, 2, 4, 5) }),
  },
  {
    what: 'rowStart decreasing',
    field: 'ctmc.rowStart[2]',
    chain: withFields({ rowStart: Int32Array.of(0, 2, 1, 5) }),
  },
  {
    what: 'rowStart past the transitions',
    field: 'ctmc.rowStart[2]',
    chain: withFields({ rowStart: Int32Array.of(0, 2, 6, 6) }),
  },
  {
    what: 'rowStart ending before target.length',
    field: 'ctmc.rowStart[3]',
    chain: withFields({
      target: Int32Array.of(1, 2, 0, 2, 0, 1),
      rate: Float64Array.of(1, 0.5, 4, 0.25, 2, 1),
    }),
  },
  {
    what: 'target of another type',
    field: 'ctmc.target',
    chain: withFields({ target: Float64Array.of(1, 2, 0, 2, 0) }),
  },
  {
    what: 'a target ≥ n',
    field: 'ctmc.target[1]',
    chain: withFields({ target: Int32Array.of(1, 3, 0, 2, 0) }),
  },
  {
    what: 'a negative target',
    field: 'ctmc.target[4]',
    chain: withFields({ target: Int32Array.of(1, 2, 0, 2, -1) }),
  },
  {
    what: 'a self-loop',
    field: 'ctmc.target[2]',
    chain: withFields({ target: Int32Array.of(1, 2, 1, 2, 0) }),
  },
  {
    what: 'rate shorter than target',
    field: 'ctmc.rate',
    chain: withFields({ rate: Float64Array.of(1, 0.5, 4, 0.25) }),
  },
  {
    what: 'rate a plain array',
    field: 'ctmc.rate',
    chain: withFields({ rate: [1, 0.5, 4, 0.25, 2] }),
  },
  {
    what: 'a NaN rate',
    field: 'ctmc.rate[1]',
    chain: withFields({ rate: Float64Array.of(1, NaN, 4, 0.25, 2) }),
  },
  {
    what: 'a negative rate',
    field: 'ctmc.rate[3]',
    chain: withFields({
      rate: Float64Array.of(1, 0.5, 4, -0.25, 2),
      exitRate: Float64Array.of(1.5, 3.75, 2),
    }),
  },
  {
    what: 'a zero rate',
    field: 'ctmc.rate[0]',
    chain: withFields({
      rate: Float64Array.of(0, 0.5, 4, 0.25, 2),
      exitRate: Float64Array.of(0.5, 4.25, 2),
    }),
  },
  {
    what: 'an infinite rate',
    field: 'ctmc.rate[4]',
    chain: withFields({ rate: Float64Array.of(1, 0.5, 4, 0.25, Infinity) }),
  },
  {
    what: 'rates whose sum overflows',
    field: 'ctmc.rate[0..1]',
    chain: withFields({
      rate: Float64Array.of(1.5e308, 1.5e308, 4, 0.25, 2),
      exitRate: Float64Array.of(Infinity, 4.25, 2),
    }),
  },
  {
    what: 'exitRate too short',
    field: 'ctmc.exitRate',
    chain: withFields({ exitRate: Float64Array.of(1.5, 4.25) }),
  },
  {
    what: 'an exit rate that is not its row sum',
    field: 'ctmc.exitRate[1]',
    chain: withFields({ exitRate: Float64Array.of(1.5, 4, 2) }),
  },
  {
    what: 'an exit rate 1e-11 off its row sum',
    field: 'ctmc.exitRate[0]',
    chain: withFields({ exitRate: Float64Array.of(1.5 * (1 + 1e-11), 4.25, 2) }),
  },
  {
    what: 'a NaN exit rate',
    field: 'ctmc.exitRate[2]',
    chain: withFields({ exitRate: Float64Array.of(1.5, 4.25, NaN) }),
  },
  {
    what: 'an exit rate on a row without transitions',
    field: 'ctmc.exitRate[2]',
    chain: withFields({
      rowStart: Int32Array.of(0, 2, 4, 4),
      target: Int32Array.of(1, 2, 0, 2),
      rate: Float64Array.of(1, 0.5, 4, 0.25),
    }),
  },
  { what: 'up too long', field: 'ctmc.up', chain: withFields({ up: Uint8Array.of(1, 1, 0, 0) }) },
  { what: 'up a plain array', field: 'ctmc.up', chain: withFields({ up: [1, 1, 0] }) },
  { what: 'an up flag 2', field: 'ctmc.up[1]', chain: withFields({ up: Uint8Array.of(1, 2, 0) }) },
  {
    what: 'initial too short',
    field: 'ctmc.initial',
    chain: withFields({ initial: Float64Array.of(1, 0) }),
  },
  {
    what: 'initial in single precision',
    field: 'ctmc.initial',
    chain: withFields({ initial: Float32Array.of(1, 0, 0) }),
  },
  {
    what: 'an initial probability above 1',
    field: 'ctmc.initial[0]',
    chain: withFields({ initial: Float64Array.of(1.5, -0.5, 0) }),
  },
  {
    what: 'a NaN initial probability',
    field: 'ctmc.initial[2]',
    chain: withFields({ initial: Float64Array.of(1, 0, NaN) }),
  },
  {
    what: 'initial summing to 0.9',
    field: 'ctmc.initial',
    chain: withFields({ initial: Float64Array.of(0.5, 0.4, 0) }),
  },
  {
    what: 'stateNames too short',
    field: 'ctmc.stateNames',
    chain: withFields({ stateNames: ['ok', 'down'] }),
  },
  {
    what: 'a state name that is not a string',
    field: 'ctmc.stateNames[1]',
    chain: withFields({ stateNames: ['ok', 7, 'down'] }),
  },
];

/** The ParameterError `run` throws (failing the test when it throws nothing or something else). */
function refusal(run: () => unknown): ParameterError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ParameterError);
    return error as ParameterError;
  }
  return expect.fail('expected a ParameterError, got a result');
}

describe('checkCtmc', () => {
  describe.each(PUBLIC)('%s', (where, call) => {
    it.each(MALFORMED)(`refuses $what, naming ${where} and $field`, ({ field, chain }) => {
      const error = refusal(() => call(chain() as Ctmc));
      expect(error.where).toBe(where);
      expect(error.parameter).toBe(field);
      expect(error.message.startsWith(`${where}: ${field} must `)).toBe(true);
    });
  });

  it('says what was expected and what it got', () => {
    const message = (fields: Partial<Record<keyof Ctmc, unknown>>): string =>
      refusal(() => solveSteadyState(withFields(fields)() as Ctmc)).message;
    expect(message({ rowStart: Int32Array.of(0, 2, 4) })).toBe(
      'solveSteadyState: ctmc.rowStart must be an Int32Array of 4 entries (stateCount + 1); got "Int32Array of 3 entries"',
    );
    expect(message({ target: Int32Array.of(1, 2, 0, 2, 3) })).toBe(
      'solveSteadyState: ctmc.target[4] must be a state in [0, 2] other than 2, the state whose row holds it; got 3',
    );
    expect(message({ exitRate: Float64Array.of(1.5, 4, 2) })).toBe(
      'solveSteadyState: ctmc.exitRate[1] must equal 4.25, the sum of the rates of row 1, within relative 1e-12; got 4',
    );
    expect(message({ up: [1, 1, 0] })).toBe(
      'solveSteadyState: ctmc.up must be a Uint8Array of 3 entries (one per state); got "Array of 3 entries"',
    );
    expect(message({ initial: Float64Array.of(0.5, 0.4, 0) })).toBe(
      'solveSteadyState: ctmc.initial must sum to 1 within 1e-12; got 0.9',
    );
  });

  it('accepts a well-formed literal in every public function, with the results of buildCtmc', () => {
    for (const [where, call] of PUBLIC) expect(call(literal()), where).toEqual(call(built()));
  });

  it('accepts rows in any order, repeated pairs and exit rates summed in another order', () => {
    // Row 0 holds 0 → 2 before 0 → 1 and two 0 → 1 transitions; its exit rate is summed right to
    // left, which differs from the left-to-right sum in the last bit.
    const rates = [0.1, 0.2, 0.3];
    const leftToRight = rates[0]! + rates[1]! + rates[2]!;
    const rightToLeft = rates[2]! + rates[1]! + rates[0]!;
    expect(leftToRight).not.toBe(rightToLeft);
    const chain: Ctmc = {
      stateCount: 3,
      rowStart: Int32Array.of(0, 3, 4, 5),
      target: Int32Array.of(2, 1, 1, 0, 0),
      rate: Float64Array.of(...rates, 4, 2),
      exitRate: Float64Array.of(rightToLeft, 4, 2),
      up: Uint8Array.of(1, 1, 0),
      initial: Float64Array.of(1, 0, 0),
    };
    const merged = buildCtmc(
      3,
      [
        { from: 0, to: 1, rate: 0.5 },
        { from: 0, to: 2, rate: 0.1 },
        { from: 1, to: 0, rate: 4 },
        { from: 2, to: 0, rate: 2 },
      ],
      [1, 1, 0],
      0,
    );
    const pi = solveSteadyState(chain).probabilities;
    const expected = solveSteadyState(merged).probabilities;
    pi.forEach((p, i) => expect(Math.abs(p - (expected[i] ?? NaN))).toBeLessThan(1e-15));
  });

  it('widens the exit-rate tolerance to d·ε only for rows longer than 4503 transitions', () => {
    // One row of 10^4 rates spanning 9 decades: its exit rate is checked within 10^4·ε ≈ 2.2e-12.
    const d = 10_000;
    const rates = Float64Array.from({ length: d }, (_, k) => 10 ** ((k * 7919) % 10) * (1 + k / d));
    let sum = 0;
    for (const r of rates) sum += r;
    const chain = (exit: number): Ctmc => ({
      stateCount: d + 1,
      rowStart: Int32Array.from({ length: d + 2 }, (_, i) => (i === 0 ? 0 : d)),
      target: Int32Array.from({ length: d }, (_, k) => k + 1),
      rate: rates,
      exitRate: Float64Array.from({ length: d + 1 }, (_, i) => (i === 0 ? exit : 0)),
      up: new Uint8Array(d + 1).fill(1),
      initial: Float64Array.from({ length: d + 1 }, (_, i) => (i === 0 ? 1 : 0)),
    });
    expect(() => checkCtmc(chain(exactSum(rates)), 'test')).not.toThrow();
    expect(() => checkCtmc(chain(sum * (1 + 2e-12)), 'test')).not.toThrow();
    expect(refusal(() => checkCtmc(chain(sum * (1 + 3e-12)), 'test')).parameter).toBe(
      'ctmc.exitRate[0]',
    );
  });

  it('accepts the initial vectors buildCtmc accepts, up to the last ulp of the tolerance', () => {
    const accepts = (run: () => unknown): boolean => {
      try {
        run();
        return true;
      } catch (error) {
        expect(error).toBeInstanceOf(ParameterError);
        return false;
      }
    };
    const deltas = [0, 5e-13, 9.99e-13, 1e-12 - 4e-16, 1e-12, 1e-12 + 4e-16, 1.001e-12, 2e-12];
    let decided = 0;
    for (const size of [2, 10_000]) {
      for (const delta of [...deltas, ...deltas.map((d) => -d)]) {
        // `size` equal masses with the whole shortfall (or excess) on the first.
        const initial = new Float64Array(size).fill(1 / size);
        initial[0] = 1 / size - delta;
        const hand: Ctmc = {
          stateCount: size,
          rowStart: new Int32Array(size + 1),
          target: new Int32Array(0),
          rate: new Float64Array(0),
          exitRate: new Float64Array(size),
          up: new Uint8Array(size).fill(1),
          initial,
        };
        const before = vi.mocked(exactSum).mock.calls.length;
        const byCheck = accepts(() => checkCtmc(hand, 'test'));
        if (vi.mocked(exactSum).mock.calls.length > before) decided++;
        const byBuild = accepts(() => buildCtmc(size, [], hand.up, initial));
        expect(byCheck, `${size} states, delta ${delta}`).toBe(byBuild);
      }
    }
    // The cases near the bound were decided by the exact sum, the clear ones by the quick one.
    expect(decided).toBeGreaterThan(0);
    expect(decided).toBeLessThan(2 * 2 * deltas.length);
  });

  it('scans a hand-built chain once, however many solvers see it', () => {
    const chain = literal();
    expect(sumsOf(chain.initial)).toBe(0);
    for (const [, call] of PUBLIC) call(chain);
    expect(sumsOf(chain.initial)).toBe(1);
  });

  it('never scans a chain from buildCtmc or derived by relkit', () => {
    const chain = built();
    const absorbing = makeAbsorbing(chain, 'down');
    for (const [, call] of PUBLIC) call(chain);
    for (const [, call] of PUBLIC) call(absorbing);
    // makeAbsorbing shares the initial vector, so this counts the scans of both chains (and
    // buildCtmc, given an initial state index, summed nothing).
    expect(absorbing.initial).toBe(chain.initial);
    expect(sumsOf(chain.initial)).toBe(0);
  });

  it('trusts the typed arrays of a checked chain: writing into them afterwards is not detected', () => {
    // Chains are frozen objects (buildCtmc, makeAbsorbing) but their typed arrays are not: a chain
    // is checked once, and what is later written into its arrays is the writer's responsibility.
    const chain = built();
    expect(Object.isFrozen(chain)).toBe(true);
    chain.exitRate[0] = 7; // no longer its row's sum
    expect(() => formatChainText(chain)).not.toThrow();
    expect(() => checkReachability(chain)).not.toThrow();

    const hand = literal();
    checkReachability(hand);
    hand.exitRate[1] = 7;
    expect(() => checkReachability(hand)).not.toThrow();
  });

  it('scans an unfrozen literal again when one of its fields is replaced', () => {
    const hand = literal();
    checkReachability(hand);
    hand.exitRate = Float64Array.of(1.5, 7, 2);
    expect(refusal(() => checkReachability(hand)).parameter).toBe('ctmc.exitRate[1]');
    hand.exitRate = Float64Array.of(1.5, 4.25, 2);
    expect(() => checkReachability(hand)).not.toThrow();
    hand.stateCount = 2;
    expect(refusal(() => checkReachability(hand)).parameter).toBe('ctmc.rowStart');
  });

  it('the chains relkit registers unchecked would pass the scan', () => {
    // A copy is a new object, so checkCtmc scans it.
    const scan = (chain: Ctmc): void => void checkCtmc({ ...chain }, 'test');
    const chains = [
      built(),
      kOutOfNChain(2, 4, 0.01, 1, 2),
      makeAbsorbing(built(), 'down'),
      makeAbsorbing(kOutOfNChain(2, 4, 0.01, 1, 2), Uint8Array.of(0, 1, 0, 0, 1)),
      lumpDownStates(built()),
      lumpDownStates(kOutOfNChain(2, 4, 0.01, 1, 2)),
    ];
    for (const chain of chains) expect(() => scan(chain)).not.toThrow();
  });
});
