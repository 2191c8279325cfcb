import { ModelError, formatValue, type ModelIssue } from '../../errors.js';
import { exactSum } from '../../numeric/sum.js';
import type { Ctmc } from './Ctmc.js';
import { buildCtmc } from './buildCtmc.js';
import { INITIAL_SUM_TOLERANCE, checkCtmc } from './checkCtmc.js';
import { checkedAt } from '../linalg/checked.js';

const MAGIC = 'relkit-ctmc';
const VERSION = '1';
// Stop collecting after this many issues: a broken generator would otherwise report 10^6 lines.
const MAX_ISSUES = 20;
// Ranges per `down` line written by formatChainText.
const RANGES_PER_LINE = 16;
// Transition lines joined per block by formatChainText (bounds the array of small strings).
const LINES_PER_BLOCK = 65536;

/**
 * Returns the chain described by a `relkit-ctmc 1` text (docs/chain-format.md), with every
 * problem reported by file and line.
 *
 * $$
 * \text{header: } \texttt{relkit-ctmc 1 } n\ m,\quad
 * \texttt{down } a\text{-}b \ldots,\quad \texttt{initial } i\ p,\quad i\ j\ r
 * $$
 *
 * - n: states, m: transition lines; states not listed in `down` are up
 * - `initial i p`: P(X(0) = i) = p (unlisted states 0); `i j r`: a transition i → j at rate r
 *
 * @param text - the file contents
 * @param file - the file name used in messages, such as `chain.txt`
 * @returns the validated, frozen chain (duplicate pairs merged, self-loops dropped, as
 *   buildCtmc)
 *
 * @throws {@link ModelError} listing up to 20 issues as `file:line: what must …; got …`: bad
 * header, unknown directive, wrong token count, index out of range, rate not a finite number
 * > 0, probability outside [0, 1], a state given twice in `initial`, a transition count that
 * differs from the header, initial probabilities not summing to 1 within 1e-12.
 *
 * @remarks
 * A hand-written scanner over the string (no split into an array of lines), so a 10^6-state,
 * 7.6·10^6-transition file of about 150 MB parses in a few seconds with memory dominated by the
 * result. `#` starts a comment anywhere; blank lines are ignored; directives and transitions
 * may be interleaved. Cost O(text length).
 *
 * @see docs/chain-format.md (the format, with an example).
 *
 * @example
 * ```ts
 * const chain = parseChainText('relkit-ctmc 1 2 2\ndown 1\ninitial 0 1\n0 1 0.001\n1 0 0.1\n', 'unit.txt');
 * chain.exitRate; // → [0.001, 0.1]
 * chain.up; // → [1, 0]
 * ```
 */
export function parseChainText(text: string, file: string): Ctmc {
  const issues: ModelIssue[] = [];
  const fail = (line: number, message: string): void => {
    if (issues.length < MAX_ISSUES) issues.push({ file, line, path: '', message });
  };
  let position = 0;
  let lineNumber = 0;
  let n = -1;
  let m = 0;
  let count = 0;
  let from = new Int32Array(0);
  let to = new Int32Array(0);
  let rate = new Float64Array(0);
  let up = new Uint8Array(0);
  let initial = new Float64Array(0);
  let initialSeen = new Uint8Array(0);
  let names: string[] | undefined;
  const checkState = (line: number, what: string, token: string): number => {
    const value = Number(token);
    if (!(/^\d+$/.test(token) && value < n)) {
      fail(
        line,
        `${what} must be a state index in [0, ${n - 1}]; got ${formatValue(isNumeric(token) ? value : token)}`,
      );
      return -1;
    }
    return value;
  };

  const scanned = new Float64Array(3);
  while (position < text.length && issues.length < MAX_ISSUES) {
    // Most lines of a large chain are plain transitions: read them without slicing or splitting.
    if (n >= 0 && count < m) {
      const next = scanTransition(text, position, n, scanned);
      if (next >= 0) {
        lineNumber++;
        from[count] = scanned[0]!;
        to[count] = scanned[1]!;
        rate[count] = scanned[2]!;
        count++;
        position = next;
        continue;
      }
    }
    let end = text.indexOf('\n', position);
    if (end < 0) end = text.length;
    lineNumber++;
    let content = text.slice(position, end);
    position = end + 1;
    const hash = content.indexOf('#');
    if (hash >= 0) content = content.slice(0, hash);
    const tokens = content.trim().split(/\s+/);
    // split gives at least one token: '' for a blank line.
    const keyword = tokenAt(tokens, 0);
    if (keyword === '') continue;
    if (n < 0) {
      const [magic, version, states, transitions] = tokens;
      if (
        tokens.length !== 4 ||
        magic !== MAGIC ||
        version !== VERSION ||
        !isCount(states) ||
        !isCount(transitions) ||
        Number(states) < 1
      ) {
        fail(
          lineNumber,
          `header must be "${MAGIC} ${VERSION} <states ≥ 1> <transitions>"; got ${formatValue(content.trim())}`,
        );
        break;
      }
      n = Number(states);
      m = Number(transitions);
      from = new Int32Array(m);
      to = new Int32Array(m);
      rate = new Float64Array(m);
      up = new Uint8Array(n).fill(1);
      initial = new Float64Array(n);
      initialSeen = new Uint8Array(n);
      continue;
    }
    if (keyword === 'down') {
      if (tokens.length < 2) fail(lineNumber, 'down must list states or ranges a-b; got nothing');
      for (const range of tokens.slice(1)) {
        const dash = range.indexOf('-', 1);
        const a = checkState(lineNumber, 'down', dash < 0 ? range : range.slice(0, dash));
        const b = dash < 0 ? a : checkState(lineNumber, 'down', range.slice(dash + 1));
        if (a < 0 || b < 0) continue;
        if (b < a) fail(lineNumber, `down range must run upwards; got ${formatValue(range)}`);
        for (let i = a; i <= b; i++) up[i] = 0;
      }
    } else if (keyword === 'initial') {
      if (tokens.length !== 3) {
        fail(
          lineNumber,
          `initial must be "initial <state> <probability>"; got ${formatValue(content.trim())}`,
        );
        continue;
      }
      const i = checkState(lineNumber, 'initial state', tokenAt(tokens, 1));
      const probabilityText = tokenAt(tokens, 2);
      const p = Number(probabilityText);
      if (!(isNumeric(probabilityText) && p >= 0 && p <= 1)) {
        fail(
          lineNumber,
          `initial probability must be a number in [0, 1]; got ${formatValue(isNumeric(probabilityText) ? p : probabilityText)}`,
        );
      } else if (i >= 0 && initialSeen[i] === 1) {
        fail(lineNumber, `initial state must be given once; got ${i} again`);
      } else if (i >= 0) {
        initialSeen[i] = 1;
        initial[i] = p;
      }
    } else if (keyword === 'name') {
      const i = tokens.length >= 3 ? checkState(lineNumber, 'name state', tokenAt(tokens, 1)) : -1;
      if (tokens.length < 3)
        fail(lineNumber, `name must be "name <state> <text>"; got ${formatValue(content.trim())}`);
      else if (i >= 0) {
        names ??= Array.from({ length: n }, (_, k) => String(k));
        names[i] = tokens.slice(2).join(' ');
      }
    } else if (/^\d/.test(keyword) || keyword.startsWith('-')) {
      if (tokens.length !== 3) {
        fail(
          lineNumber,
          `transition must be "<from> <to> <rate>"; got ${formatValue(content.trim())}`,
        );
        continue;
      }
      const i = checkState(lineNumber, 'from', keyword);
      const j = checkState(lineNumber, 'to', tokenAt(tokens, 1));
      const rateText = tokenAt(tokens, 2);
      const r = Number(rateText);
      if (!(isNumeric(rateText) && Number.isFinite(r) && r > 0)) {
        fail(
          lineNumber,
          `rate must be a finite number > 0; got ${formatValue(isNumeric(rateText) ? r : rateText)}`,
        );
        continue;
      }
      if (i < 0 || j < 0) continue;
      if (count >= m) {
        fail(lineNumber, `transitions must number ${m} as the header says; got more`);
        continue;
      }
      from[count] = i;
      to[count] = j;
      rate[count] = r;
      count++;
    } else {
      fail(
        lineNumber,
        `line must be a transition "<from> <to> <rate>" or start with down, initial or name; got ${formatValue(keyword)}`,
      );
    }
  }
  if (n < 0 && issues.length === 0)
    fail(
      Math.max(lineNumber, 1),
      `header must be "${MAGIC} ${VERSION} <states ≥ 1> <transitions>"; got nothing`,
    );
  if (issues.length === 0 && count !== m) {
    fail(lineNumber, `transitions must number ${m} as the header says; got ${count}`);
  }
  if (issues.length === 0) {
    const total = exactSum(initial);
    if (!(Math.abs(total - 1) <= INITIAL_SUM_TOLERANCE)) {
      issues.push({
        file,
        path: '',
        message: `initial probabilities must sum to 1 within ${INITIAL_SUM_TOLERANCE}; got ${total}`,
      });
    }
  }
  if (issues.length > 0) throw new ModelError(issues);
  return buildCtmc(
    n,
    { from, to, rate },
    up,
    initial,
    names === undefined ? {} : { stateNames: names },
  );
}

/**
 * Returns the `relkit-ctmc 1` text of a chain: header, down ranges, initial probabilities,
 * state names, then one `from to rate` line per transition (docs/chain-format.md).
 *
 * $$
 * \texttt{parseChainText}(\texttt{formatChainText}(C)) = C
 * $$
 *
 * - C: `ctmc`; numbers are written with the shortest decimal that reads back to the same
 *   double, so the round trip is exact
 *
 * @param ctmc - the chain
 * @returns the text, ending with a newline
 *
 * @throws {@link ParameterError} when `ctmc` is not a well-formed chain ({@link checkCtmc}).
 *
 * @remarks
 * Down states are written as ranges (`down 4-7 9`), so a chain whose down states are contiguous
 * costs a few bytes; about 20 bytes per transition line. Names containing line breaks or `#`
 * have them replaced by spaces. Cost O(n + m); the whole text is held in memory once.
 *
 * @see docs/chain-format.md
 *
 * @example
 * ```ts
 * const chain = parseChainText('relkit-ctmc 1 2 2\ndown 1\ninitial 0 1\n0 1 0.001\n1 0 0.1\n', 'unit.txt');
 * formatChainText(chain).split('\n')[2]; // → down 1
 * ```
 */
export function formatChainText(ctmc: Ctmc): string {
  checkCtmc(ctmc, 'formatChainText');
  const n = ctmc.stateCount;
  const { rowStart, target, rate, up, initial, stateNames } = ctmc;
  // `!`: i < n, the length of initial, and rowStart has n + 1 entries (checked above).
  const parts: string[] = [
    `${MAGIC} ${VERSION} ${n} ${rowStart[n]}`,
    '# written by relkit formatChainText; format: docs/chain-format.md',
  ];
  const ranges: string[] = [];
  for (let i = 0; i < n; i++) {
    if (up[i] === 1) continue;
    let j = i;
    while (j + 1 < n && up[j + 1] === 0) j++;
    ranges.push(i === j ? `${i}` : `${i}-${j}`);
    i = j;
  }
  for (let k = 0; k < ranges.length; k += RANGES_PER_LINE) {
    parts.push(`down ${ranges.slice(k, k + RANGES_PER_LINE).join(' ')}`);
  }
  for (let i = 0; i < n; i++) {
    const p = initial[i]!;
    if (p > 0) parts.push(`initial ${i} ${p}`);
  }
  if (stateNames !== undefined) {
    stateNames.forEach((name, i) => parts.push(`name ${i} ${name.replace(/[\r\n#]/g, ' ')}`));
  }
  // Transition lines are joined in blocks, so 10^7 lines never sit in one array of strings.
  let block: string[] = [];
  for (let i = 0; i < n; i++) {
    for (let p = rowStart[i]!; p < rowStart[i + 1]!; p++) {
      block.push(`${i} ${target[p]} ${rate[p]}`);
    }
    if (block.length >= LINES_PER_BLOCK) {
      parts.push(block.join('\n'));
      block = [];
    }
  }
  if (block.length > 0) parts.push(block.join('\n'));
  parts.push('');
  return parts.join('\n');
}

/** Token t of a line whose token count was checked; an internal error when it has none. */
function tokenAt(tokens: readonly string[], t: number): string {
  return checkedAt('parseChainText', tokens, t);
}

/** True for a token of decimal digits (a count in the header); false for a missing one. */
function isCount(token: string | undefined): token is string {
  return token !== undefined && /^\d+$/.test(token);
}

// Exact powers of ten: a double holds 10^k exactly for k ≤ 22.
const POWERS_OF_TEN = Float64Array.from({ length: 23 }, (_, k) => 10 ** k);
// Significant digits a double holds exactly as an integer (10^15 < 2^53).
const EXACT_DIGITS = 15;
const [ZERO, NINE, SPACE, TAB, CR, NEWLINE, DOT, LOWER_E, UPPER_E, PLUS, MINUS] = [
  '0', '9', ' ', '\t', '\r', '\n', '.', 'e', 'E', '+', '-',
].map((c) => c.charCodeAt(0)) as [number, number, number, number, number, number, number, number, number, number, number]; // prettier-ignore

/**
 * Reads a valid transition line `<from> <to> <rate>` starting at `start` into `out` (from, to,
 * rate) and returns where the next line starts; returns −1 for anything else (another
 * directive, a comment, an invalid or unusual line), which the general path then reads and
 * reports. So it only ever accepts what the general path accepts, with the same values.
 *
 * @remarks
 * Char codes are read in place. Indices have at most 15 digits and must be below `n`. The rate
 * is `digits[.digits][e[±]digits]` (what the general path accepts, less a sign); with at most
 * 15 significant digits and a decimal exponent of at most 22 in size it is computed as m·10^e
 * or m/10^−e: both operands are exact doubles, so the one rounding gives the correctly rounded
 * value, the same double as `Number` (Clinger's fast path). Longer mantissas (such as
 * 0.30000000000000004, which sums of rates give) are read by `Number` from the token alone.
 *
 * @see W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990,
 * https://doi.org/10.1145/93542.93557 (the exact case of section 5).
 */
function scanTransition(text: string, start: number, n: number, out: Float64Array): number {
  const length = text.length;
  let i = start;
  let c = text.charCodeAt(i);
  while (c === SPACE || c === TAB) c = text.charCodeAt(++i);
  // Two state indices, each followed by blanks.
  for (let field = 0; field < 2; field++) {
    const first = i;
    let value = 0;
    while (c >= ZERO && c <= NINE) {
      value = value * 10 + (c - ZERO);
      c = text.charCodeAt(++i);
    }
    if (i === first || i - first > EXACT_DIGITS || value >= n) return -1;
    if (c !== SPACE && c !== TAB) return -1;
    while (c === SPACE || c === TAB) c = text.charCodeAt(++i);
    out[field] = value;
  }
  // The rate: mantissa digits with an optional point, then an optional exponent.
  const rateStart = i;
  let mantissa = 0;
  let significant = 0;
  let digits = 0;
  let scale = 0;
  let point = false;
  for (; ; c = text.charCodeAt(++i)) {
    if (c >= ZERO && c <= NINE) {
      digits++;
      if (mantissa > 0 || c !== ZERO) significant++;
      mantissa = mantissa * 10 + (c - ZERO);
      if (point) scale--;
    } else if (c === DOT && !point) point = true;
    else break;
  }
  if (digits === 0) return -1;
  if (c === LOWER_E || c === UPPER_E) {
    c = text.charCodeAt(++i);
    const negative = c === MINUS;
    if (c === PLUS || c === MINUS) c = text.charCodeAt(++i);
    const first = i;
    let exponent = 0;
    while (c >= ZERO && c <= NINE) {
      exponent = Math.min(exponent * 10 + (c - ZERO), 1e6);
      c = text.charCodeAt(++i);
    }
    if (i === first) return -1;
    scale += negative ? -exponent : exponent;
  }
  const rate =
    significant <= EXACT_DIGITS && scale >= -22 && scale <= 22
      ? scale >= 0
        ? mantissa * POWERS_OF_TEN[scale]!
        : mantissa / POWERS_OF_TEN[-scale]!
      : Number(text.slice(rateStart, i));
  if (!(rate > 0 && rate < Infinity)) return -1;
  out[2] = rate;
  while (c === SPACE || c === TAB || c === CR) c = text.charCodeAt(++i);
  if (i >= length) return length;
  return c === NEWLINE ? i + 1 : -1;
}

/** True for a decimal number token (so `abc` is echoed as a string, `-3` as a number). */
function isNumeric(token: string): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(token);
}
