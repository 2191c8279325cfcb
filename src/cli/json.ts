/**
 * Returns `value` as indented JSON with every array of plain values (numbers, strings, booleans,
 * null) on one line: a cut set `["pump-a", "valve-b"]` or a curve's `t` stays one line instead
 * of one line per element. The same document as `JSON.stringify(value, null, 2)` once parsed.
 *
 * @param value - a JSON-compatible value (no cycles, no `toJSON`, no bigint)
 * @returns the text, ending in a newline
 *
 * @remarks
 * The text of {@link resultJsonBytes}, decoded; a command that prints the document writes the
 * bytes themselves.
 */
export function resultJson(value: unknown): string {
  const bytes = resultJsonBytes(value);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
}

/**
 * Returns the text of {@link resultJson} encoded as UTF-8, written piece by piece into one
 * buffer.
 *
 * @param value - a JSON-compatible value (no cycles, no `toJSON`, no bigint)
 * @returns the UTF-8 bytes of the text
 *
 * @remarks
 * Measured on SCRAM's Baobab1 with all 46 188 minimal cut sets listed: 2.8 MB instead of 7.4
 * MB as `JSON.stringify(value, null, 2)`, most of it those sets. A list of one-line arrays
 * (the sets) is written element by element from each distinct string's bytes, encoded once
 * ({@link listOfLines}). One `JSON.stringify` of the whole list, broken into lines at each
 * `],[`, joined with the rest and encoded for the output, copied the 2.8 MB four times, each
 * copy into fresh pages: 100–108 ms of a cold run on one thread, against 40–45 ms this way.
 */
export function resultJsonBytes(value: unknown): Uint8Array {
  const out = new ByteWriter();
  write(value, '', out);
  out.text('\n');
  return out.written();
}

const INDENT = '  ';

/** Appends the text of `value` to `out`. */
function write(value: unknown, indent: string, out: ByteWriter): void {
  if (typeof value !== 'object' || value === null) {
    out.text(JSON.stringify(value) ?? 'null');
    return;
  }
  const inner = indent + INDENT;
  if (Array.isArray(value)) {
    if (value.length === 0) out.text('[]');
    else if (value.every(isPlain)) out.text(JSON.stringify(value));
    else if (!listOfLines(value, indent, inner, out)) {
      value.forEach((element, i) => {
        out.text(i === 0 ? `[\n${inner}` : `,\n${inner}`);
        write(element, inner, out);
      });
      out.text(`\n${indent}]`);
    }
    return;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && !isFunction(v));
  if (entries.length === 0) {
    out.text('{}');
    return;
  }
  entries.forEach(([k, v], i) => {
    out.text(`${i === 0 ? '{' : ','}\n${inner}${JSON.stringify(k)}: `);
    write(v, inner, out);
  });
  out.text(`\n${indent}}`);
}

/**
 * Appends `write`'s text of `list` and returns true when every element is an array of plain
 * values, each element on its line as `JSON.stringify(element)` writes it; returns false, with
 * what it appended taken back, for any other array. A string's JSON bytes are made once, however
 * many elements hold it (a cut set list names the same events again and again).
 */
function listOfLines(list: unknown[], indent: string, inner: string, out: ByteWriter): boolean {
  const start = out.mark();
  const strings = new Map<string, Uint8Array>();
  const separator = utf8(`,\n${inner}`);
  out.text(`[\n${inner}`);
  for (let i = 0; i < list.length; i++) {
    const element = list[i];
    if (!Array.isArray(element)) return out.rewind(start);
    if (i > 0) out.bytes(separator);
    out.byte(OPEN);
    for (let j = 0; j < element.length; j++) {
      const value: unknown = element[j];
      if (j > 0) out.byte(COMMA);
      if (typeof value === 'string') {
        let bytes = strings.get(value);
        if (bytes === undefined) {
          bytes = utf8(JSON.stringify(value));
          strings.set(value, bytes);
        }
        out.bytes(bytes);
      } else if (isPlain(value)) {
        out.text(JSON.stringify(value) ?? 'null'); // undefined as in an array
      } else {
        return out.rewind(start);
      }
    }
    out.byte(CLOSE);
  }
  out.text(`\n${indent}]`);
  return true;
}

const OPEN = 0x5b; // [
const CLOSE = 0x5d; // ]
const COMMA = 0x2c; // ,

function utf8(text: string): Uint8Array {
  return Buffer.from(text, 'utf8');
}

function isPlain(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && !isFunction(value));
}

function isFunction(value: unknown): boolean {
  return typeof value === 'function' || typeof value === 'symbol';
}

/** A growing buffer of bytes; short pieces are copied byte by byte (a `set` call costs more). */
class ByteWriter {
  private buffer: Buffer = Buffer.allocUnsafe(1 << 16);
  private length = 0;

  /** Appends the UTF-8 bytes of `text`. */
  text(text: string): void {
    this.reserve(3 * text.length); // at most 3 bytes per UTF-16 code unit
    this.length += this.buffer.write(text, this.length, 'utf8');
  }

  /** Appends `bytes`. */
  bytes(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    const buffer = this.buffer;
    let at = this.length;
    // at + k < buffer.length after reserve, k < bytes.length: the `!` read is in range.
    for (let k = 0; k < bytes.length; k++) buffer[at++] = bytes[k]!;
    this.length = at;
  }

  /** Appends one byte. */
  byte(value: number): void {
    this.reserve(1);
    this.buffer[this.length++] = value;
  }

  /** The number of bytes written so far, for {@link rewind}. */
  mark(): number {
    return this.length;
  }

  /** Takes back what was written since `mark`; returns false (for the caller's return). */
  rewind(mark: number): false {
    this.length = mark;
    return false;
  }

  /** The bytes written (a view of the buffer, not a copy). */
  written(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  /** Makes room for `more` bytes, doubling the buffer as needed. */
  private reserve(more: number): void {
    if (this.length + more <= this.buffer.length) return;
    let size = 2 * this.buffer.length;
    while (size < this.length + more) size *= 2;
    const grown = Buffer.allocUnsafe(size);
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
}
