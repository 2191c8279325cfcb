import { ParameterError, checkInteger } from '../../errors.js';
import { compensatedSum, exactSum } from '../../numeric/sum.js';
import type { Ctmc } from './Ctmc.js';

/**
 * How far the initial distribution of a chain may miss 1: by rounding only. 1e-12 leaves room for
 * a few thousand ulps of a sum of many terms, and is far below any modelling precision. One rule
 * for {@link buildCtmc}, parseChainText and {@link checkCtmc}.
 */
export const INITIAL_SUM_TOLERANCE = 1e-12;

// How far an exit rate may be from the sum of its row, relative to it, before a row is refused:
// see checkCtmc's remarks.
const EXIT_RATE_TOLERANCE = 1e-12;

// Four times the error bound of compensatedSum (about 2ε·Σ|x_i|) on terms in [0, 1] summing to
// about 1: a compensated sum this far inside the tolerance proves the exact sum is inside too.
const QUICK_SUM_MARGIN = 8 * Number.EPSILON;

// Most states a chain may have: rowStart, an Int32Array of n + 1 entries, ends at its
// transition count, and buildCtmc refuses more.
const MAX_STATES = 2 ** 31 - 2;

/** The fields of a chain when it passed, compared by reference to recognise it. */
interface CheckedFields {
  readonly stateCount: number;
  readonly rowStart: Int32Array;
  readonly target: Int32Array;
  readonly rate: Float64Array;
  readonly exitRate: Float64Array;
  readonly up: Uint8Array;
  readonly initial: Float64Array;
  readonly stateNames: readonly string[] | undefined;
}

// Every chain that passed checkCtmc or was made by relkit (buildCtmc, makeAbsorbing, …), with the
// fields it had then. Weak: remembering a chain does not keep it alive.
const checkedChains = new WeakMap<Ctmc, CheckedFields>();

/**
 * Returns `ctmc` after checking that it is a well-formed chain, the promise every solver's `!`
 * rests on; a chain that passed before (or that relkit made) is not scanned again.
 *
 * $$
 * 0 = s_0 \le s_1 \le \dots \le s_n = m,\qquad
 * t_p \in [0, n) \setminus \{i\},\quad 0 < r_p < \infty \ \ (s_i \le p < s_{i+1}),\qquad
 * \Big|q_i - \sum_{p=s_i}^{s_{i+1}-1} r_p\Big| \le \max(10^{-12}, d_i\,\varepsilon)
 * \sum_{p=s_i}^{s_{i+1}-1} r_p
 * $$
 *
 * - n: `stateCount`, an integer in [1, 2^31 − 2]; m: `target.length`, equal to `rate.length`
 * - s: `rowStart`, an Int32Array of n + 1 entries; t_p, r_p: `target[p]`, `rate[p]` (an
 *   Int32Array and a Float64Array)
 * - q_i: `exitRate[i]`; d_i = s_{i+1} − s_i, the row's length; ε = 2^−52
 * - and: `exitRate`, `initial` Float64Arrays and `up` a Uint8Array of n entries; `up` entries 0
 *   or 1; `initial` entries in [0, 1] summing (exactly rounded) to 1 within 1e-12, as in
 *   buildCtmc; `stateNames`, when present, an array of n strings
 *
 * @param ctmc - the chain, typically built by hand as an object literal
 * @param where - the public function that received it, named in messages
 * @returns `ctmc`, unchanged (nothing is copied or frozen)
 *
 * @throws {@link ParameterError} `<where>: ctmc.<field> must <expectation>; got <value>`, at the
 * first field that breaks the rules above (a row's exit rate is checked once its transitions
 * have been).
 *
 * @remarks
 * Exit rates are compared with the sum of their rows rather than recomputed: the solvers read
 * `exitRate` as given, and a chain whose diagonal disagrees with its rows is not a generator
 * (rows would not sum to 0), which is a mistake to report, not to paper over. The sum is taken
 * left to right; any order of summing d positive terms differs from the exact sum by at most
 * (d − 1)·2^−53 relative, so two orders differ by less than d·ε: the tolerance max(1e-12, d·ε)
 * accepts an exit rate summed in any order (and buildCtmc's, the same sum) and only widens
 * beyond 1e-12 for rows of more than 4503 transitions. A row without transitions must have exit
 * rate exactly 0. Self-loops are refused: a Ctmc holds the off-diagonal rates only (buildCtmc
 * drops them), and the solvers would disagree on what a self-loop's rate means.
 *
 * Checked chains are remembered (weakly) with their fields, so the many solvers one call of
 * solveCtmc runs cost one scan; `buildCtmc` and the functions that derive chains register theirs
 * (through {@link markCtmcChecked}) and cost nothing. A remembered chain is scanned again when
 * one of its fields is another object than before (an unfrozen literal reassigned), but the
 * contents of its arrays are trusted once checked: relkit's chains are frozen objects, their
 * typed arrays are not, and writing into them afterwards is not detected. Cost O(n + m), one
 * pass over the rows and three over the state vectors, no allocation: measured (Node 20, one
 * core) 3 ms for 10^6 transitions on 2.5·10^5 states and 7 ms on 10^6 states, 30 ms for the
 * first chain of a process (before the loop is compiled), against 40–80 ms for buildCtmc to
 * build the same chain; a remembered chain costs a lookup of a few microseconds.
 *
 * @example
 * ```ts
 * const unit = { stateCount: 2, rowStart: Int32Array.of(0, 1, 2), target: Int32Array.of(1, 0), rate: Float64Array.of(1, 9), exitRate: Float64Array.of(1, 9), up: Uint8Array.of(1, 0), initial: Float64Array.of(1, 0) };
 * checkCtmc(unit, 'example').stateCount; // → 2
 * let message = '';
 * try { checkCtmc({ ...unit, exitRate: Float64Array.of(1, 8) }, 'example'); } catch (error) { message = error.message; }
 * message; // → example: ctmc.exitRate[1] must equal 9, the sum of the rates of row 1, within relative 1e-12; got 8
 * ```
 */
export function checkCtmc(ctmc: Ctmc, where: string): Ctmc {
  if (isRemembered(ctmc)) return ctmc;
  scanCtmc(ctmc, where);
  remember(ctmc);
  return ctmc;
}

/**
 * Freezes a chain made by relkit and remembers it as checked, so that {@link checkCtmc} does not
 * scan it; for the functions that build or derive a chain (buildCtmc, makeAbsorbing,
 * lumpDownStates, …) whose construction proves the rules checkCtmc checks.
 *
 * @param chain - a chain built by relkit code, well formed by construction
 * @returns `chain`, frozen
 *
 * @example
 * ```ts
 * const chain = markCtmcChecked({ stateCount: 1, rowStart: Int32Array.of(0, 0), target: new Int32Array(0), rate: new Float64Array(0), exitRate: Float64Array.of(0), up: Uint8Array.of(1), initial: Float64Array.of(1) });
 * Object.isFrozen(chain); // → true
 * ```
 */
export function markCtmcChecked(chain: Ctmc): Ctmc {
  remember(Object.freeze(chain));
  return chain;
}

function remember(ctmc: Ctmc): void {
  checkedChains.set(ctmc, fieldsOf(ctmc));
}

function fieldsOf(ctmc: Ctmc): CheckedFields {
  const { stateCount, rowStart, target, rate, exitRate, up, initial, stateNames } = ctmc;
  return { stateCount, rowStart, target, rate, exitRate, up, initial, stateNames };
}

/** True when `ctmc` passed (or was registered) and still holds the same fields. */
function isRemembered(ctmc: Ctmc): boolean {
  if (typeof ctmc !== 'object' || ctmc === null) return false;
  const fields = checkedChains.get(ctmc);
  return (
    fields !== undefined &&
    fields.stateCount === ctmc.stateCount &&
    fields.rowStart === ctmc.rowStart &&
    fields.target === ctmc.target &&
    fields.rate === ctmc.rate &&
    fields.exitRate === ctmc.exitRate &&
    fields.up === ctmc.up &&
    fields.initial === ctmc.initial &&
    fields.stateNames === ctmc.stateNames
  );
}

/** The scan of {@link checkCtmc}: throws at the first field that breaks its rules. */
function scanCtmc(ctmc: Ctmc, where: string): void {
  if (typeof ctmc !== 'object' || ctmc === null) {
    throw new ParameterError(where, 'ctmc', 'be a Ctmc object (buildCtmc makes one)', ctmc);
  }
  const n = checkInteger(where, 'ctmc.stateCount', ctmc.stateCount, 1, MAX_STATES);
  const { rowStart, target, rate, exitRate, up, initial, stateNames } = ctmc;
  checkArray(where, 'rowStart', rowStart, 'Int32Array', n + 1, 'stateCount + 1');
  checkArray(where, 'target', target, 'Int32Array');
  const m = target.length;
  checkArray(where, 'rate', rate, 'Float64Array', m, 'one per target');
  checkArray(where, 'exitRate', exitRate, 'Float64Array', n, 'one per state');
  checkArray(where, 'up', up, 'Uint8Array', n, 'one per state');
  checkArray(where, 'initial', initial, 'Float64Array', n, 'one per state');

  if (rowStart[0] !== 0) throw new ParameterError(where, 'ctmc.rowStart[0]', 'be 0', rowStart[0]);
  // `!`: the lengths were checked above (rowStart n + 1, exitRate n, rate m), i < n, and
  // begin ≤ p < end ≤ m once end has passed its check.
  let begin = 0;
  for (let i = 0; i < n; i++) {
    const end = rowStart[i + 1]!;
    if (end < begin) {
      throw new ParameterError(
        where,
        `ctmc.rowStart[${i + 1}]`,
        `be at least rowStart[${i}], ${begin} (row pointers never decrease)`,
        end,
      );
    }
    if (end > m) {
      throw new ParameterError(
        where,
        `ctmc.rowStart[${i + 1}]`,
        `be at most target.length, ${m}`,
        end,
      );
    }
    let sum = 0;
    for (let p = begin; p < end; p++) {
      const j = target[p]!;
      if (!(j >= 0 && j < n && j !== i)) {
        throw new ParameterError(
          where,
          `ctmc.target[${p}]`,
          `be a state in [0, ${n - 1}] other than ${i}, the state whose row holds it`,
          j,
        );
      }
      const r = rate[p]!;
      if (!(Number.isFinite(r) && r > 0)) {
        throw new ParameterError(where, `ctmc.rate[${p}]`, 'be a finite number > 0', r);
      }
      sum += r;
    }
    if (!Number.isFinite(sum)) {
      throw new ParameterError(
        where,
        `ctmc.rate[${begin}..${end - 1}]`,
        `have a finite sum (the exit rate of state ${i})`,
        sum,
      );
    }
    const q = exitRate[i]!;
    const relative = Math.max(EXIT_RATE_TOLERANCE, (end - begin) * Number.EPSILON);
    if (!(Math.abs(q - sum) <= relative * sum)) {
      throw new ParameterError(
        where,
        `ctmc.exitRate[${i}]`,
        `equal ${sum}, the sum of the rates of row ${i}, within relative ${relative}`,
        q,
      );
    }
    begin = end;
  }
  if (begin !== m) {
    throw new ParameterError(where, `ctmc.rowStart[${n}]`, `equal target.length, ${m}`, begin);
  }

  // `!`: i < n, the length of up and initial (checked above).
  for (let i = 0; i < n; i++) {
    const flag = up[i]!;
    if (flag > 1) throw new ParameterError(where, `ctmc.up[${i}]`, 'be 0 or 1', flag);
  }
  for (let i = 0; i < n; i++) {
    const p = initial[i]!;
    if (!(p >= 0 && p <= 1)) {
      throw new ParameterError(where, `ctmc.initial[${i}]`, 'be a probability in [0, 1]', p);
    }
  }
  // The exactly rounded sum decides, as in buildCtmc; the compensated sum settles the clear cases
  // first, in a twentieth of the time (3 ms against 56 at 10^6 states).
  const quick = compensatedSum(initial);
  if (!(Math.abs(quick - 1) <= INITIAL_SUM_TOLERANCE - QUICK_SUM_MARGIN)) {
    const total = exactSum(initial);
    if (!(Math.abs(total - 1) <= INITIAL_SUM_TOLERANCE)) {
      throw new ParameterError(
        where,
        'ctmc.initial',
        `sum to 1 within ${INITIAL_SUM_TOLERANCE}`,
        total,
      );
    }
  }

  if (stateNames !== undefined) {
    if (!Array.isArray(stateNames) || stateNames.length !== n) {
      throw new ParameterError(
        where,
        'ctmc.stateNames',
        `be absent or an array of ${n} strings (one per state)`,
        describe(stateNames),
      );
    }
    stateNames.forEach((name: unknown, i) => {
      if (typeof name !== 'string') {
        throw new ParameterError(where, `ctmc.stateNames[${i}]`, 'be a string', name);
      }
    });
  }
}

/**
 * Throws unless `value` is a typed array of class `kind` (recognised by its tag, so arrays from
 * another realm, such as a worker's, pass) and, when `length` is given, of that many entries.
 */
function checkArray(
  where: string,
  field: string,
  value: unknown,
  kind: string,
  length?: number,
  why?: string,
): void {
  const ok =
    ArrayBuffer.isView(value) &&
    (value as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag] === kind &&
    (length === undefined || (value as unknown as ArrayLike<unknown>).length === length);
  if (!ok) {
    const article = kind.startsWith('I') ? 'an' : 'a';
    const expected =
      length === undefined
        ? `be ${article} ${kind}`
        : `be ${article} ${kind} of ${length} entries (${why})`;
    throw new ParameterError(where, `ctmc.${field}`, expected, describe(value));
  }
}

/** A field for a message: its kind and length rather than its (possibly 10^6) entries. */
function describe(value: unknown): unknown {
  if (Array.isArray(value)) return `Array of ${value.length} entries`;
  if (ArrayBuffer.isView(value)) {
    const { [Symbol.toStringTag]: tag, length } = value as {
      [Symbol.toStringTag]?: unknown;
      length?: unknown;
    };
    return typeof length === 'number'
      ? `${String(tag)} of ${length} entries`
      : `${String(tag)} of ${value.byteLength} bytes`;
  }
  return value;
}
