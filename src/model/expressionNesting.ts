/**
 * Bounds on how deeply an expression nests, read from its text before mathjs parses it: the
 * parser, the compiler and the evaluator of mathjs all recurse, so an expression nested deeply
 * enough would overflow the stack (and near the stack's end V8 may abort the process).
 */

/**
 * Most brackets open at once, counting `?`, `=` and `:` (mathjs parses what follows them from
 * the top of its grammar too). mathjs parses each level by about 27 nested calls: 300 levels
 * overflowed Node's stack, and near the stack's end V8 may abort the process instead of throwing.
 */
export const MAX_EXPRESSION_BRACKETS = 32;

/**
 * Most operations nested in one another: the depth of the parsed tree (a sum of n terms is n
 * deep), and before parsing the signs and powers the parser nests (`- - x`, `a^b^c`). mathjs
 * parses, compiles and evaluates by recursion, a few calls per level. Measured in Node 20: the
 * deepest expression these limits allow (32 calls of abs around 468 minus signs) still parses
 * and evaluates when the caller has already used 5000 of the 8000 frames of a small function
 * that fit on the stack. Real expressions nest a handful of levels.
 */
export const MAX_EXPRESSION_DEPTH = 500;

/** Words mathjs reads as binary operators: like `*`, they end a chain of signs and powers. */
const BINARY_WORDS: ReadonlySet<string> = new Set(['and', 'or', 'xor', 'mod', 'to', 'in']);

/** The message for operations nested too deeply, from the text or from the parsed tree. */
export const TOO_DEEP: string = `nests operations more than ${MAX_EXPRESSION_DEPTH} deep`;

/**
 * Why the parser would nest too deeply, read from the text alone, or undefined. Counts the
 * brackets open (with `?`, `=` and `:`, after which mathjs parses from the top of its grammar)
 * and, in each bracket, the signs and powers of the current chain (`-a^-b^c`), which the parser
 * nests one call each until an operator of lower precedence ends the chain. Strings and comments
 * are skipped; words are read whole, numbers with their exponent. Wherever the text is
 * ambiguous it counts more, never less, so the bound holds for anything mathjs accepts.
 */
export function nestingProblem(source: string): string | undefined {
  // The chain of the innermost bracket, and those of the brackets around it, outermost first.
  let chain = 0;
  const outer: number[] = [];
  let chained = 0;
  // After an operand, + and - are binary and ' is a transpose; elsewhere a sign and a string.
  let afterOperand = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
    if (c === '#') {
      while (i + 1 < source.length && source[i + 1] !== '\n') i++;
    } else if (c === '"' || (c === "'" && !afterOperand)) {
      // A string: to its closing quote, over escaped characters.
      i++;
      while (i < source.length && source[i] !== c) i += source[i] === '\\' ? 2 : 1;
      afterOperand = true;
    } else if (isWordCharacter(c)) {
      const start = i;
      while (i + 1 < source.length && isWordCharacter(source[i + 1]!)) i++;
      const word = source.slice(start, i + 1);
      // 1e-5: the exponent's sign belongs to the number.
      if (/^(\d+\.?\d*|\.\d+)[eE]$/.test(word) && /^[+-]\d/.test(source.slice(i + 1, i + 3))) {
        i += 2;
        while (i + 1 < source.length && /\d/.test(source[i + 1]!)) i++;
      }
      const operator = word === 'not' || BINARY_WORDS.has(word);
      if (word === 'not') {
        chain++;
        chained++;
      } else if (operator) {
        chained -= chain;
        chain = 0;
      }
      afterOperand = !operator;
    } else if ('([{?=:'.includes(c)) {
      outer.push(chain);
      chain = 0;
      if (outer.length > MAX_EXPRESSION_BRACKETS) {
        return `nests brackets more than ${MAX_EXPRESSION_BRACKETS} deep`;
      }
      afterOperand = false;
    } else if (')]}'.includes(c)) {
      const enclosing = outer.pop();
      if (enclosing !== undefined) {
        chained -= chain;
        chain = enclosing;
      }
      afterOperand = true;
    } else if (c === "'" || c === '!') {
      // Postfix transpose or factorial after an operand: a loop, no nesting.
    } else if ('*/%,;<>&|'.includes(c) || ((c === '+' || c === '-') && afterOperand)) {
      // The chain of the innermost bracket ends.
      chained -= chain;
      chain = 0;
      afterOperand = false;
    } else {
      // ^, a sign, ~, or anything else: count it as one more nested call.
      chain++;
      chained++;
      afterOperand = false;
    }
    if (chained > MAX_EXPRESSION_DEPTH) return TOO_DEEP;
  }
  return undefined;
}

/** Letters, digits, `_`, `$`, `.` and non-ASCII letters: the characters of names and numbers. */
function isWordCharacter(c: string): boolean {
  return /[\w$.]/.test(c) || c.charCodeAt(0) > 127;
}
