/**
 * Numbers as an expression writes them, checked on the text before mathjs parses it. mathjs reads
 * a number followed by letters as a product (`1e` is 1·e = 2.718, `1e3e` is 1000·e, `1y` is 1·y),
 * so a typo in a number would silently become another value; this module refuses such a token
 * with a hint instead.
 */

/** A whole decimal number as expressions write it: digits, an optional fraction and exponent. */
const DECIMAL = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The longest decimal number at the start of a token. */
const DECIMAL_PREFIX = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/;

/** Integers in hexadecimal, binary and octal, which mathjs reads as numbers too. */
const RADIX_INTEGER = /^0([xX][0-9a-fA-F]+|[bB][01]+|[oO][0-7]+)$/;

/** A number written with thousands separators, such as `1,000`, `100_000` or `8 760`. */
const GROUPED = /^\d{1,3}([,_ ]\d{3})+(\.\d*)?$/;

/**
 * Why a number-like token of the expression is not a number, or undefined when every token that
 * starts like a number (a digit, or `.` and a digit) is a whole number. The token runs over
 * letters, digits, `_`, `.` and the sign of an exponent, as a reader sees it, so `1e`, `1e3e`,
 * `.5e`, `1y`, `2x`, `1_000` and `1.2.3` are each one token, and each is refused. Strings and
 * comments are skipped (the parsed tree refuses them). A lone `e` or `pi` after a number and a
 * space is not a token of the number: the parsed tree refuses that product without `*`.
 *
 * @returns a message that reads after the expression, such as `is not a number; did you mean
 * 1e3? …`
 */
export function numberProblem(source: string): string | undefined {
  const whole = source.trim();
  if (GROUPED.test(whole)) {
    const digits = whole.replace(/[,_ ]/g, '');
    return `is not a number; did you mean ${digits}? (numbers take no digit separators)`;
  }
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '#') {
      while (i + 1 < source.length && source[i + 1] !== '\n') i++;
    } else if (c === '"' || c === "'") {
      i++;
      while (i < source.length && source[i] !== c) i += source[i] === '\\' ? 2 : 1;
    } else if (isWordCharacter(c)) {
      const start = i;
      let end = wordEnd(source, i);
      // 1e-5: the exponent's sign belongs to the number, and so does what follows it.
      while (
        /^(\d+\.?\d*|\.\d+)[eE]$/.test(source.slice(start, end)) &&
        /^[+-]\d/.test(source.slice(end, end + 2))
      ) {
        end = wordEnd(source, end + 1);
      }
      const token = source.slice(start, end);
      i = end - 1;
      if (!/^\.?\d/.test(token) || DECIMAL.test(token) || RADIX_INTEGER.test(token)) continue;
      const what =
        token === whole ? 'is not a number' : `contains ${JSON.stringify(token)}, not a number`;
      return `${what}${hint(token)}`;
    }
  }
  return undefined;
}

/** The end of the run of word characters from `i`. */
function wordEnd(source: string, i: number): number {
  let end = i;
  while (end < source.length && isWordCharacter(source[end]!)) end++;
  return end;
}

/** What the writer of a token that is not a number probably meant. */
function hint(token: string): string {
  const prefix = DECIMAL_PREFIX.exec(token)?.[0] ?? '';
  const rest = token.slice(prefix.length);
  const hasExponent = /[eE]/.test(prefix);
  if (/^[eE]/.test(rest)) {
    // 1e, .5e, 2ex: an exponent without digits; 1e3e: a stray letter after a whole number.
    const why = hasExponent ? 'a letter after a number' : 'an exponent needs digits';
    const meant = hasExponent ? prefix : `${prefix}e3`;
    return `; did you mean ${meant}? (${why}; to multiply by e, write ${prefix}*e)`;
  }
  if (rest.startsWith('.') && hasExponent) return ' (an exponent is a whole number)';
  if (/^[,_\d]/.test(rest)) {
    return `; did you mean ${token.replace(/[,_]/g, '')}? (numbers take no digit separators)`;
  }
  if (/^[A-Za-z]/.test(rest) || rest.charCodeAt(0) > 127) {
    return `: units are not accepted in numbers (every time and rate is in the model's time_unit); to multiply, write ${prefix}*${rest}`;
  }
  return '';
}

/** Letters, digits, `_`, `$`, `.` and non-ASCII letters: the characters of names and numbers. */
function isWordCharacter(c: string): boolean {
  return /[\w$.]/.test(c) || c.charCodeAt(0) > 127;
}
