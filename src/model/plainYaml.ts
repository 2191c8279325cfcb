import { MAX_NESTING } from './parseYaml.js';

/**
 * Reads the plain block YAML most model files are written in, fast, without the YAML library:
 * block mappings and lists, one-line flow mappings and lists (`{ mtbf: 1000 }`, `[a, b]`),
 * one-line plain, single- and double-quoted scalars, literal and folded block scalars, comments.
 * Plain scalars resolve as the YAML 1.2 core schema does (null, booleans, decimal, octal `0o` and
 * hex `0x` integers, floats, `.inf`, `.nan`; every other text is a string), with the library's
 * conversions.
 *
 * It answers only where it is sure. Anything else (anchors, aliases, tags, plain and quoted
 * scalars over several lines, the rarer forms of block scalars, explicit keys, document markers,
 * directives, tabs, carriage returns, control characters, duplicate keys, keys that are not
 * strings, a top level that is not a block mapping, nesting deeper than {@link MAX_NESTING}, and
 * every syntax error) gives `undefined`, and the text goes to the YAML library (`parseYaml`),
 * the authority on YAML and the only source of positions and messages. On the texts it reads,
 * its data is the library's (test/fuzz/plainYaml.test.ts holds them equal on random documents
 * and on edits of every model in models/).
 *
 * Why it exists: the library's parser runs cold in a fresh process (nested generators); a 40 kB
 * model took it 0.4 CPU-s, and this reader about 0.02 (docs/benchmarks.md, "A ladder of 100
 * bridges").
 *
 * @param text - the model text
 * @returns the data (what `JSON.parse` would give for the same document), or `undefined` when the
 * text is not plain block YAML as described
 * @remarks O(length of the text); recursion at most {@link MAX_NESTING} levels deep.
 */
export function readPlainYaml(text: string): Record<string, unknown> | undefined {
  if (OUTSIDE_CHARACTERS.test(text) || OUTSIDE_LINES.test(text)) return undefined;
  try {
    return new PlainYamlReader(text).document();
  } catch (error) {
    if (error instanceof OutsideSubset) return undefined;
    throw error;
  }
}

/**
 * Characters that send a text to the library at once: tabs, carriage returns, control and
 * special characters, surrogates, a byte-order mark.
 */
const OUTSIDE_CHARACTERS =
  // eslint-disable-next-line no-control-regex
  /[\t\r\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/;
/** Lines that send a text to the library at once: document markers and directives. */
const OUTSIDE_LINES = /^(?:---|\.\.\.)(?:[ \n]|$)|^%/m;

/** Thrown inside the reader when the text leaves the subset; never escapes it. */
class OutsideSubset extends Error {}

/** Longest key text read here (to its `:`); the library limits implicit keys to 1024 characters. */
const MAX_KEY_LENGTH = 1000;

const SPACE = 0x20;
const NEWLINE = 0x0a;
const HASH = 0x23;
const COLON = 0x3a;
const COMMA = 0x2c;
const DASH = 0x2d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const BACKSLASH = 0x5c;
const PIPE = 0x7c;
const GREATER = 0x3e;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** Class bit of the characters that cannot begin a plain scalar (YAML's indicators but `-?:`). */
const INDICATOR = 1;
/** Class bit of the characters that end a plain scalar inside a flow collection. */
const FLOW_INDICATOR = 2;
/** Class bits of the ASCII characters (a table: the reader runs mostly before V8 optimises it). */
const CHARACTER_CLASS = new Uint8Array(128);
for (const c of ',[]{}#&*!|>\'"%@`') CHARACTER_CLASS[c.charCodeAt(0)]! |= INDICATOR;
for (const c of ',[]{}') CHARACTER_CLASS[c.charCodeAt(0)]! |= FLOW_INDICATOR;

/**
 * A plain scalar's value under the YAML 1.2 core schema, with the library's tests, order and
 * conversions; a text that starts with none of the characters a null, boolean or number can start
 * with is a string at once.
 */
function resolvePlain(text: string): unknown {
  const c = text[0];
  if (c === '~' || c === 'n' || c === 'N') return /^(?:~|[Nn]ull|NULL)$/.test(text) ? null : text;
  if (c === 't' || c === 'T' || c === 'f' || c === 'F') {
    return /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(text) ? c === 't' || c === 'T' : text;
  }
  if (!(c === '+' || c === '-' || c === '.' || (c !== undefined && c >= '0' && c <= '9'))) {
    return text;
  }
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(text)) return parseInt(text, 10);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(text)) {
    if (text.slice(-3).toLowerCase() === 'nan') return NaN;
    return text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(text)) return parseFloat(text);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(text)) return parseFloat(text);
  return text;
}

/** Runs of characters with no meaning to a plain scalar in a block, and in a flow collection. */
const BLOCK_SPECIAL = /[^\n:#]*/y;
const FLOW_SPECIAL = /[^\n:#,[\]{}]*/y;

/** The one-character escapes of double-quoted scalars read here (others go to the library). */
const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  '"': '"',
  '/': '/',
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  '0': '\0',
};

/**
 * The reader's state: the text and the current content line (the first line that is neither
 * blank nor only a comment at or after the position reached).
 */
class PlainYamlReader {
  private readonly text: string;
  /** Offset of the current content line's first non-space character, or the text's length. */
  private content = 0;
  /** Indentation of the current content line; -1 at the end of the text. */
  private indent = -1;
  /** Offset just after the key, quoted scalar or flow collection read last. */
  private after = 0;

  constructor(text: string) {
    this.text = text;
    this.seekContentLine(0);
  }

  document(): Record<string, unknown> {
    if (this.indent !== 0 || !this.startsKey(this.content)) this.leave();
    const data = this.blockMapping(0, this.content, 1);
    if (this.content < this.text.length) this.leave();
    return data;
  }

  private leave(): never {
    throw new OutsideSubset();
  }

  /** Moves to the first content line starting at or after `lineStart`. */
  private seekContentLine(lineStart: number): void {
    const { text } = this;
    let at = lineStart;
    while (at < text.length) {
      let p = at;
      while (text.charCodeAt(p) === SPACE) p++;
      const c = text.charCodeAt(p);
      if (p < text.length && c !== NEWLINE && c !== HASH) {
        this.content = p;
        this.indent = p - at;
        return;
      }
      const end = text.indexOf('\n', p);
      if (end < 0) break;
      at = end + 1;
    }
    this.content = text.length;
    this.indent = -1;
  }

  /** After a value that ends its line at `p`: only spaces and a comment may follow. */
  private endLine(p: number): void {
    const { text } = this;
    while (text.charCodeAt(p) === SPACE) p++;
    if (p < text.length && text.charCodeAt(p) !== NEWLINE) {
      // A comment needs a space before it: `"a"#b` is the library's to judge.
      if (text.charCodeAt(p) !== HASH || text.charCodeAt(p - 1) !== SPACE) this.leave();
    }
    const end = text.indexOf('\n', p);
    this.seekContentLine(end < 0 ? text.length : end + 1);
  }

  /** Whether a block sequence entry (`-` then a space or the line's end) starts at `p`. */
  private startsEntry(p: number): boolean {
    const next = this.text.charCodeAt(p + 1);
    return (
      this.text.charCodeAt(p) === DASH &&
      (p + 1 >= this.text.length || next === SPACE || next === NEWLINE)
    );
  }

  /** Whether a plain scalar may start at `p` (in a flow collection when `flow`). */
  private startsPlain(p: number, flow: boolean): boolean {
    const { text } = this;
    if (p >= text.length) return false;
    const c = text.charCodeAt(p);
    if (c === SPACE || c === NEWLINE || (c < 128 && CHARACTER_CLASS[c]! & INDICATOR)) return false;
    if (c === DASH || c === 0x3f /* ? */ || c === COLON) {
      const next = text.charCodeAt(p + 1);
      return !(
        p + 1 >= text.length ||
        next === SPACE ||
        next === NEWLINE ||
        (flow && next < 128 && CHARACTER_CLASS[next]! & FLOW_INDICATOR)
      );
    }
    return true;
  }

  /** Whether a mapping key and its `:` start at `p` (a plain or quoted key on this line). */
  private startsKey(p: number): boolean {
    const { text } = this;
    const c = text.charCodeAt(p);
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      const close = text.indexOf(String.fromCharCode(c), p + 1);
      const line = text.indexOf('\n', p);
      if (close < 0 || (line >= 0 && close > line)) return false;
      let after = close + 1;
      // A doubled quote or an escaped one may hide the real end: a colon after some quote is
      // enough to try, the key's reader decides.
      while (after < text.length && text.charCodeAt(after) !== NEWLINE) {
        if (text.charCodeAt(after) === COLON) return true;
        after++;
      }
      return false;
    }
    if (!this.startsPlain(p, false)) return false;
    for (let q = p; ; q++) {
      q = this.nextSpecial(q, BLOCK_SPECIAL);
      if (q >= text.length) return false;
      const d = text.charCodeAt(q);
      if (d === NEWLINE) return false;
      if (d === HASH && text.charCodeAt(q - 1) === SPACE) return false;
      if (d === COLON) {
        const next = text.charCodeAt(q + 1);
        if (q + 1 >= text.length || next === SPACE || next === NEWLINE) return true;
      }
    }
  }

  /**
   * A block node whose first content line is the current one, at indentation `indent`: a
   * mapping or a list; a lone scalar there goes to the library.
   */
  private blockNode(depth: number): unknown {
    if (depth > MAX_NESTING) this.leave();
    if (this.startsEntry(this.content)) return this.blockSequence(this.indent, this.content, depth);
    if (!this.startsKey(this.content)) this.leave();
    return this.blockMapping(this.indent, this.content, depth);
  }

  /**
   * A block mapping at column `column`, its first key at `start` (the start of a content line,
   * or after `- ` in a list entry).
   */
  private blockMapping(column: number, start: number, depth: number): Record<string, unknown> {
    if (depth > MAX_NESTING) this.leave();
    const map: Record<string, unknown> = {};
    let at = start;
    for (;;) {
      const key = this.key(at);
      if (Object.hasOwn(map, key)) this.leave();
      map[key] = this.mappingValue(column, this.after, depth);
      if (this.indent < column) return map;
      if (this.indent > column || !this.startsKey(this.content)) this.leave();
      at = this.content;
    }
  }

  /** The value after a key's `:` at `p - 1`, in a mapping at `column`; moves past it. */
  private mappingValue(column: number, p: number, depth: number): unknown {
    const { text } = this;
    while (text.charCodeAt(p) === SPACE) p++;
    const c = text.charCodeAt(p);
    if (p >= text.length || c === NEWLINE || (c === HASH && text.charCodeAt(p - 1) === SPACE)) {
      this.endLine(p);
      if (this.indent > column) return this.blockNode(depth + 1);
      // A list may sit at its key's own indentation.
      if (this.indent === column && this.startsEntry(this.content)) {
        return this.blockSequence(column, this.content, depth + 1);
      }
      return null;
    }
    const value = this.inlineValue(p, column, depth);
    if (this.indent > column) this.leave();
    return value;
  }

  /** A block list at column `column`, its first `-` at `start`. */
  private blockSequence(column: number, start: number, depth: number): unknown[] {
    if (depth > MAX_NESTING) this.leave();
    const { text } = this;
    const list: unknown[] = [];
    let at = start;
    for (;;) {
      let p = at + 1;
      while (text.charCodeAt(p) === SPACE) p++;
      const c = text.charCodeAt(p);
      if (p >= text.length || c === NEWLINE || (c === HASH && text.charCodeAt(p - 1) === SPACE)) {
        this.endLine(p);
        list.push(this.indent > column ? this.blockNode(depth + 1) : null);
      } else if (this.startsEntry(p)) {
        this.leave();
      } else if (this.startsKey(p)) {
        const lineStart = text.lastIndexOf('\n', p) + 1;
        list.push(this.blockMapping(p - lineStart, p, depth + 1));
      } else {
        list.push(this.inlineValue(p, column, depth));
        if (this.indent > column) this.leave();
      }
      if (this.indent !== column || !this.startsEntry(this.content)) {
        if (this.indent > column) this.leave();
        return list;
      }
      at = this.content;
    }
  }

  /**
   * A key at `p`; {@link after} becomes the offset after its `:` (which a space, a line end or the
   * text's end follows).
   */
  private key(p: number): string {
    const { text } = this;
    let key: string;
    let q: number;
    const c = text.charCodeAt(p);
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      key = this.quoted(p);
      q = this.after;
      while (text.charCodeAt(q) === SPACE) q++;
      if (text.charCodeAt(q) !== COLON) this.leave();
    } else {
      for (q = p; ; q++) {
        q = this.nextSpecial(q, BLOCK_SPECIAL);
        const d = text.charCodeAt(q);
        if (q >= text.length || d === NEWLINE) this.leave();
        if (d === HASH && text.charCodeAt(q - 1) === SPACE) this.leave();
        if (d === COLON) {
          const next = text.charCodeAt(q + 1);
          if (q + 1 >= text.length || next === SPACE || next === NEWLINE) break;
        }
      }
      key = text.slice(p, this.trimSpaces(p, q));
      if (typeof resolvePlain(key) !== 'string') this.leave();
    }
    // The limit is on the key's text up to its `:`, spaces and quotes included.
    if (q - p > MAX_KEY_LENGTH || key === '__proto__') this.leave();
    const next = text.charCodeAt(q + 1);
    if (q + 1 < text.length && next !== SPACE && next !== NEWLINE) this.leave();
    this.after = q + 1;
    return key;
  }

  /**
   * A value at `p` of a node in a collection at `column`: a scalar or a flow collection that
   * ends its line, or a block scalar; moves to the next content line.
   */
  private inlineValue(p: number, column: number, depth: number): unknown {
    const { text } = this;
    const c = text.charCodeAt(p);
    let value: unknown;
    let end: number;
    if (c === PIPE || c === GREATER) return this.blockScalar(p, column);
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      value = this.quoted(p);
      end = this.after;
    } else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      value = this.flowCollection(p, depth + 1);
      end = this.after;
    } else {
      if (!this.startsPlain(p, false)) this.leave();
      for (end = p; ; end++) {
        end = this.nextSpecial(end, BLOCK_SPECIAL);
        const d = text.charCodeAt(end);
        if (end >= text.length || d === NEWLINE) break;
        if (d === HASH && text.charCodeAt(end - 1) === SPACE) break;
        if (d === COLON) {
          // `a: b: c` or a value ending in `:` is the library's to judge.
          const next = text.charCodeAt(end + 1);
          if (end + 1 >= text.length || next === SPACE || next === NEWLINE) this.leave();
        }
      }
      value = resolvePlain(text.slice(p, this.trimSpaces(p, end)));
    }
    this.endLine(end);
    return value;
  }

  /**
   * A literal (`|`) or folded (`>`) block scalar whose header is at `p`, with strip (`-`), clip
   * or keep (`+`) chomping, its lines indented more than `column`; moves to the next content line.
   * An indentation indicator, empty lines before the first line or holding more spaces than the
   * scalar's indentation, more-indented lines of a folded scalar and a last line without a line
   * break go to the library.
   */
  private blockScalar(p: number, column: number): string {
    const { text } = this;
    const folded = text.charCodeAt(p) === GREATER;
    let q = p + 1;
    const chomping = text[q] === '-' ? 'strip' : text[q] === '+' ? 'keep' : 'clip';
    if (chomping !== 'clip') q++;
    while (text.charCodeAt(q) === SPACE) q++;
    const header = text.charCodeAt(q);
    if (q < text.length && header !== NEWLINE) {
      if (header !== HASH || text.charCodeAt(q - 1) !== SPACE) this.leave();
    }
    const headerEnd = text.indexOf('\n', q);
    if (headerEnd < 0) this.leave();
    const lines: string[] = [];
    let indent = -1;
    let at = headerEnd + 1;
    while (at < text.length) {
      const end = text.indexOf('\n', at);
      let first = at;
      while (text.charCodeAt(first) === SPACE) first++;
      if (first === end) {
        if (indent < 0 || first - at > indent) this.leave();
        lines.push('');
      } else {
        const spaces = first - at;
        if (indent < 0) {
          if (spaces <= column) this.leave();
          indent = spaces;
        } else if (spaces < indent) {
          break;
        } else if (spaces > indent && folded) {
          this.leave();
        }
        if (end < 0) this.leave();
        lines.push(text.slice(at + indent, end));
      }
      at = end + 1;
    }
    if (indent < 0) this.leave();
    let emptyAtEnd = 0;
    while (lines[lines.length - 1] === '') {
      lines.pop();
      emptyAtEnd++;
    }
    let value = lines[0]!;
    let empty = 0;
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      if (line === '') {
        empty++;
        continue;
      }
      value += folded ? (empty > 0 ? '\n'.repeat(empty) : ' ') : '\n'.repeat(empty + 1);
      value += line;
      empty = 0;
    }
    this.seekContentLine(at);
    if (chomping === 'strip') return value;
    return chomping === 'clip' ? `${value}\n` : `${value}\n${'\n'.repeat(emptyAtEnd)}`;
  }

  /** A single- or double-quoted scalar on one line at `p`; {@link after} is set past its end. */
  private quoted(p: number): string {
    const { text } = this;
    const quote = text.charCodeAt(p);
    let value = '';
    let from = p + 1;
    for (let q = p + 1; q < text.length; q++) {
      const c = text.charCodeAt(q);
      if (c === NEWLINE) break;
      if (quote === SINGLE_QUOTE && c === SINGLE_QUOTE) {
        value += text.slice(from, q);
        if (text.charCodeAt(q + 1) !== SINGLE_QUOTE) {
          this.after = q + 1;
          return value;
        }
        value += "'";
        q++;
        from = q + 1;
      } else if (quote === DOUBLE_QUOTE && c === DOUBLE_QUOTE) {
        this.after = q + 1;
        return value + text.slice(from, q);
      } else if (quote === DOUBLE_QUOTE && c === BACKSLASH) {
        value += text.slice(from, q) + this.escape(q);
        q += text[q + 1] === 'u' ? 5 : 1;
        from = q + 1;
      }
    }
    return this.leave();
  }

  /** The character a double-quoted scalar's escape at `p` stands for (`\u` outside surrogates). */
  private escape(p: number): string {
    const { text } = this;
    const letter = text[p + 1] ?? '';
    if (letter === 'u') {
      const hex = text.slice(p + 2, p + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.leave();
      const code = parseInt(hex, 16);
      if (code >= 0xd800 && code <= 0xdfff) this.leave();
      return String.fromCharCode(code);
    }
    const value = ESCAPES[letter];
    return value ?? this.leave();
  }

  /**
   * A flow list or mapping at `p`, closed on the same line; {@link after} is set after it.
   * Entries are flow collections, quoted scalars or plain scalars; a trailing comma, a key
   * without a value and a single pair in a list go to the library.
   */
  private flowCollection(p: number, depth: number): unknown[] | Record<string, unknown> {
    if (depth > MAX_NESTING) this.leave();
    const { text } = this;
    const isList = text.charCodeAt(p) === OPEN_BRACKET;
    const close = isList ? CLOSE_BRACKET : CLOSE_BRACE;
    const list: unknown[] = [];
    const map: Record<string, unknown> = {};
    let q = this.skipSpaces(p + 1);
    for (let first = true; ; first = false) {
      if (text.charCodeAt(q) === close) {
        if (!first) this.leave();
        this.after = q + 1;
        return isList ? list : map;
      }
      if (isList) {
        list.push(this.flowNode(q, depth));
      } else {
        // Only a scalar is a string here: a flow collection as a key goes to the library.
        const start = q;
        const key = this.flowNode(q, depth);
        if (typeof key !== 'string') this.leave();
        q = this.after;
        if (q - start > MAX_KEY_LENGTH || key === '__proto__' || Object.hasOwn(map, key)) {
          this.leave();
        }
        if (text.charCodeAt(q) !== COLON || text.charCodeAt(q + 1) !== SPACE) this.leave();
        map[key] = this.flowNode(this.skipSpaces(q + 1), depth);
      }
      q = this.skipSpaces(this.after);
      const c = text.charCodeAt(q);
      if (c === close) {
        this.after = q + 1;
        return isList ? list : map;
      }
      if (c !== COMMA) this.leave();
      q = this.skipSpaces(q + 1);
    }
  }

  /** One entry of a flow collection at `p`; {@link after} is set after it. */
  private flowNode(p: number, depth: number): unknown {
    const { text } = this;
    const c = text.charCodeAt(p);
    if (c === OPEN_BRACKET || c === OPEN_BRACE) return this.flowCollection(p, depth + 1);
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) return this.quoted(p);
    if (!this.startsPlain(p, true)) this.leave();
    let end = p;
    for (; ; end++) {
      end = this.nextSpecial(end, FLOW_SPECIAL);
      const d = text.charCodeAt(end);
      if (end >= text.length || d === NEWLINE) this.leave();
      if (d < 128 && CHARACTER_CLASS[d]! & FLOW_INDICATOR) break;
      if (d === HASH && text.charCodeAt(end - 1) === SPACE) this.leave();
      if (d === COLON) {
        if (text.charCodeAt(end + 1) === SPACE) break;
        this.leave();
      }
    }
    this.after = this.trimSpaces(p, end);
    return resolvePlain(text.slice(p, this.after));
  }

  /**
   * The end of `text[start, end)` without its trailing spaces: YAML's white space is the space
   * and the tab (a no-break space belongs to the scalar, unlike for `trimEnd`).
   */
  private trimSpaces(start: number, end: number): number {
    while (end > start && this.text.charCodeAt(end - 1) === SPACE) end--;
    return end;
  }

  /**
   * The first offset at or after `p` holding a character `special` matches, or the text's
   * length: a plain scalar's characters are skipped by the regular expression engine, which
   * compiles to machine code at once, where a loop in JavaScript would run interpreted.
   */
  private nextSpecial(p: number, special: RegExp): number {
    special.lastIndex = p;
    special.test(this.text);
    return special.lastIndex;
  }

  private skipSpaces(p: number): number {
    while (this.text.charCodeAt(p) === SPACE) p++;
    return p;
  }
}
