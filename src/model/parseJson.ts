import type { YamlProblem } from './parseYaml.js';

/** The states of {@link jsonSyntaxProblem}: what may come next. */
type Expect =
  | 'value' // any value
  | 'valueOrClose' // after [
  | 'valueAfterComma' // after , in a list
  | 'keyOrClose' // after {
  | 'keyAfterComma' // after , in a mapping
  | 'colon' // after a key
  | 'afterValue' // , or the closing bracket
  | 'end'; // nothing but white space

/** A JSON number (RFC 8259 §6), matched where the scanner stands. */
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/** A run of letters, as a bare word (`True`, `NaN`, `undefined`) would be. */
const WORD = /[A-Za-z_$][\w$]*/y;

/**
 * The first syntax error of JSON text (RFC 8259), with its offset, or undefined for valid JSON.
 * A model file named `.json` is checked with it before it is parsed, so a trailing comma, a
 * comment, a single-quoted string or a bare word is an error, as `JSON.parse` would have it, and
 * not YAML that happens to read well. A byte-order mark at the start is allowed.
 *
 * @returns the offset and a message such as `invalid JSON: a trailing comma before }`
 *
 * @remarks One pass without recursion, O(length of the text); nesting is bounded afterwards by
 * the YAML parser's check (JSON is YAML), which also gives every path its line and column.
 */
export function jsonSyntaxProblem(text: string): YamlProblem | undefined {
  const closers: string[] = [];
  let expect: Expect = 'value';
  let lastComma = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const problem = (offset: number, message: string): YamlProblem => ({
    offset,
    message: `invalid JSON: ${message}`,
  });
  for (;;) {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
    if (i >= text.length) {
      return expect === 'end' ? undefined : problem(text.length, 'the text ends too early');
    }
    const c = text[i]!;
    if (expect === 'end') return problem(i, 'text after the end of the JSON value');
    if (c === '/' || c === '#') return problem(i, 'JSON has no comments');
    if (expect === 'colon') {
      if (c !== ':') return problem(i, 'expected : after the key');
      expect = 'value';
      i++;
      continue;
    }
    if (expect === 'afterValue') {
      const closer = closers.at(-1);
      if (closer === undefined) throw new Error('internal: a JSON value ended outside any bracket');
      if (c === ',') {
        lastComma = i;
        expect = closer === '}' ? 'keyAfterComma' : 'valueAfterComma';
        i++;
      } else if (c === closer) {
        closers.pop();
        expect = closers.length === 0 ? 'end' : 'afterValue';
        i++;
      } else {
        return problem(i, `expected , or ${closer}`);
      }
      continue;
    }
    if ((c === '}' || c === ']') && (expect === 'keyAfterComma' || expect === 'valueAfterComma')) {
      return problem(lastComma, `a trailing comma before ${c}`);
    }
    if ((c === '}' && expect === 'keyOrClose') || (c === ']' && expect === 'valueOrClose')) {
      closers.pop();
      expect = closers.length === 0 ? 'end' : 'afterValue';
      i++;
      continue;
    }
    if (expect === 'keyOrClose' || expect === 'keyAfterComma') {
      if (c !== '"') return problem(i, 'expected a key in double quotes');
      const end = stringEnd(text, i);
      if (typeof end !== 'number') return problem(end.offset, end.message);
      i = end;
      expect = 'colon';
      continue;
    }
    // A value.
    if (c === '{' || c === '[') {
      closers.push(c === '{' ? '}' : ']');
      expect = c === '{' ? 'keyOrClose' : 'valueOrClose';
      i++;
      continue;
    }
    let end: number | { offset: number; message: string };
    if (c === '"') {
      end = stringEnd(text, i);
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text);
      end = match ? i + match[0].length : i;
      if (!match || /[\w.+-]/.test(text[end] ?? '')) {
        return problem(i, 'invalid number (JSON numbers are like -1.5e3, without leading zeros)');
      }
    } else if (c === "'") {
      return problem(i, 'strings are written in double quotes');
    } else {
      WORD.lastIndex = i;
      const word = WORD.exec(text)?.[0];
      if (word === 'true' || word === 'false' || word === 'null') {
        end = i + word.length;
      } else if (word !== undefined) {
        return problem(i, `${word} is not a JSON value (strings are written in double quotes)`);
      } else {
        return problem(i, `expected a value; got ${JSON.stringify(c)}`);
      }
    }
    if (typeof end !== 'number') return problem(end.offset, end.message);
    i = end;
    expect = closers.length === 0 ? 'end' : 'afterValue';
  }
}

/** The offset after the string that opens at `start`, or its problem. */
function stringEnd(text: string, start: number): number | { offset: number; message: string } {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) {
      return { offset: i, message: 'a line break or control character inside a string' };
    }
    if (code === 0x5c) {
      const escape = text[i + 1] ?? '';
      if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
      else if ('"\\/bfnrt'.includes(escape) && escape !== '') i += 2;
      else return { offset: i, message: `invalid escape \\${escape} in a string` };
    } else i++;
  }
  return { offset: start, message: 'a string without its closing "' };
}
