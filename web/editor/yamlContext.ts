/**
 * Where a cursor is in a YAML text, read without a full parse (the text is usually half typed):
 * the path of mappings and sequences around it, whether a key or a value is being typed, and the
 * word typed so far. Block structure comes from indentation and `- ` markers, a flow collection
 * (`{ dist: weibull, shape: 1.3 }`, `[a, b]`) on the cursor's line is scanned character by
 * character. Also gives the outline of a text: the path of every block key, which the completion
 * uses for the names a model defines and for the keys a mapping already has.
 */

/** A mapping key or a sequence index. */
export type PathSegment = string | number;

/** What is being typed at a cursor. */
export interface YamlContext {
  /** The mapping whose key is typed (`key`), or the slot whose value is typed (`value`). */
  readonly path: readonly PathSegment[];
  readonly position: 'key' | 'value';
  /** The word typed so far, and its offset in the text (completion replaces from there). */
  readonly prefix: string;
  readonly from: number;
  /**
   * True right after a block sequence's `- `: the item may be a mapping (a key is typed) or a
   * plain value, so both are candidates; `path` is the item's.
   */
  readonly itemStart: boolean;
  /** Keys the mapping already has with their plain values (`key` position), to leave out. */
  readonly siblings: ReadonlyMap<string, string>;
}

/** A block key of the outline: its full path, its plain value ('' for none) and its line. */
export interface OutlineKey {
  readonly path: readonly PathSegment[];
  readonly value: string;
  /** 0-based line index. */
  readonly line: number;
}

interface Frame {
  readonly col: number;
  readonly kind: 'key' | 'item';
  readonly segment: PathSegment;
}

type Marker =
  | { readonly kind: 'item'; readonly col: number }
  | { readonly kind: 'key'; readonly col: number; readonly name: string };

interface LineShape {
  readonly markers: readonly Marker[];
  /** Column where the text after the markers starts (spaces skipped). */
  readonly restCol: number;
  readonly rest: string;
}

// A key: quoted, or plain up to the first ': ' (or ':' at the end); plain keys do not start with
// a flow indicator, a quote, a comment or a dash-space.
const KEY =
  /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"[\]{},:-][^#]*?|-[^\s#]*?))[ \t]*:(?=[ \t]|$)/;
const BLOCK_SCALAR = /^[|>][-+0-9]*[ \t]*(#.*)?$/;

/** Splits one line (or the part before the cursor) into its `- ` items, keys and the rest. */
function shapeOf(line: string): LineShape {
  const markers: Marker[] = [];
  let col = line.length - line.trimStart().length;
  for (;;) {
    const text = line.slice(col);
    if (text === '-' || text.startsWith('- ') || text.startsWith('-\t')) {
      markers.push({ kind: 'item', col });
      col += 1;
      while (line[col] === ' ' || line[col] === '\t') col++;
      continue;
    }
    const key = KEY.exec(text);
    if (key) {
      const name = key[1] ?? key[2]?.replaceAll("''", "'") ?? key[3]!.trim();
      markers.push({ kind: 'key', col, name });
      col += key[0].length;
      while (line[col] === ' ' || line[col] === '\t') col++;
    }
    return { markers, restCol: col, rest: line.slice(col) };
  }
}

/** The plain value of a line's rest: without a trailing comment, quotes or spaces. */
function plainValue(rest: string): string {
  const value = rest.replace(/(^|[ \t])#.*$/, '').trim();
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

/** True for a line that holds no structure: blank, a comment, a document marker. */
function isBlank(line: string): boolean {
  const text = line.trim();
  return text === '' || text.startsWith('#') || text === '---' || text === '...';
}

/** Returns the frames open after a line whose first marker is `first`, before its own markers. */
function popFor(stack: readonly Frame[], first: Marker): { frames: Frame[]; nextIndex: number } {
  const frames = [...stack];
  let nextIndex = 0;
  for (;;) {
    const top = frames.at(-1);
    if (!top || top.col < first.col) break;
    // A sequence at a key's own indentation belongs to that key (`series:\n- a`).
    if (top.col === first.col && first.kind === 'item' && top.kind === 'key') break;
    frames.pop();
    if (top.col === first.col && first.kind === 'item' && top.kind === 'item') {
      nextIndex = (top.segment as number) + 1;
    }
  }
  return { frames, nextIndex };
}

/** Pushes a line's markers on the frames still open. */
function pushMarkers(frames: Frame[], markers: readonly Marker[], nextIndex: number): Frame[] {
  markers.forEach((marker, i) => {
    const segment = marker.kind === 'key' ? marker.name : i === 0 ? nextIndex : 0;
    frames.push({ col: marker.col, kind: marker.kind, segment });
  });
  return frames;
}

/** The line-by-line walk shared by the outline and the cursor context. */
function walkLines(
  lines: readonly string[],
  visit: (index: number, frames: readonly Frame[], shape: LineShape) => void,
): { stack: Frame[]; scalarBelow: number | undefined } {
  let stack: Frame[] = [];
  let scalarBelow: number | undefined;
  lines.forEach((line, index) => {
    const indent = line.length - line.trimStart().length;
    if (scalarBelow !== undefined) {
      if (line.trim() === '' || indent > scalarBelow) return;
      scalarBelow = undefined;
    }
    if (isBlank(line)) return;
    const shape = shapeOf(line);
    const first = shape.markers[0];
    if (!first) return; // a continuation of a plain or flow value
    const { frames, nextIndex } = popFor(stack, first);
    stack = pushMarkers(frames, shape.markers, nextIndex);
    visit(index, stack, shape);
    const last = shape.markers.at(-1)!;
    if (last.kind === 'key' && BLOCK_SCALAR.test(shape.rest)) scalarBelow = last.col;
  });
  // scalarBelow: the column of a key whose block scalar (`>-`, `|`) is still open at the end.
  return { stack, scalarBelow };
}

/** Returns every block key of a text with its full path and plain value, in text order. */
export function outline(text: string): OutlineKey[] {
  const keys: OutlineKey[] = [];
  walkLines(text.split('\n'), (line, frames, shape) => {
    let depth = frames.length - shape.markers.length;
    for (const marker of shape.markers) {
      depth++;
      if (marker.kind !== 'key') continue;
      const isLast = marker === shape.markers.at(-1);
      const path = frames.slice(0, depth).map((f) => f.segment);
      keys.push({ path, value: isLast ? plainValue(shape.rest) : '', line });
    }
  });
  return keys;
}

/** The keys (with plain values) of the block mapping at `path`, except on line `skipLine`. */
function blockSiblings(
  text: string,
  path: readonly PathSegment[],
  skipLine: number,
): Map<string, string> {
  const siblings = new Map<string, string>();
  for (const key of outline(text)) {
    if (key.line === skipLine || key.path.length !== path.length + 1) continue;
    if (path.every((segment, i) => key.path[i] === segment)) {
      siblings.set(key.path.at(-1) as string, key.value);
    }
  }
  return siblings;
}

interface FlowFrame {
  readonly type: 'map' | 'seq';
  readonly segment: PathSegment | undefined;
  key: string | undefined;
  index: number;
  readonly siblings: Map<string, string>;
}

/**
 * Scans a flow collection from its opening bracket up to the cursor: the context at its end, or
 * undefined when the collection is closed before the cursor or the cursor is in a quoted string.
 */
function flowContext(
  flow: string,
  offset: number,
  base: readonly PathSegment[],
): YamlContext | undefined {
  const frames: FlowFrame[] = [];
  let tokenStart = 0;
  const slotOf = (frame: FlowFrame | undefined): PathSegment | undefined =>
    frame === undefined ? undefined : frame.type === 'map' ? frame.key : frame.index;
  const endToken = (frame: FlowFrame | undefined, end: number) => {
    if (frame?.type === 'map' && frame.key !== undefined) {
      frame.siblings.set(frame.key, plainValue(flow.slice(tokenStart, end)));
    }
  };
  for (let i = 0; i < flow.length; i++) {
    const char = flow[i]!;
    const top = frames.at(-1);
    if (char === '"' || char === "'") {
      const close = flow.indexOf(char, i + 1);
      if (close < 0) return undefined;
      i = close;
    } else if (char === '{' || char === '[') {
      frames.push({
        type: char === '{' ? 'map' : 'seq',
        segment: slotOf(top),
        key: undefined,
        index: 0,
        siblings: new Map(),
      });
      tokenStart = i + 1;
    } else if (char === '}' || char === ']') {
      endToken(top, i);
      frames.pop();
      if (frames.length === 0) return undefined;
      tokenStart = i + 1;
    } else if (char === ',') {
      endToken(top, i);
      if (top?.type === 'map') top.key = undefined;
      else if (top) top.index++;
      tokenStart = i + 1;
    } else if (char === ':' && top?.type === 'map' && top.key === undefined) {
      if (i + 1 < flow.length && !/[\s,}\]]/.test(flow[i + 1]!)) continue;
      top.key = plainValue(flow.slice(tokenStart, i));
      tokenStart = i + 1;
    }
  }
  const top = frames.at(-1);
  if (!top) return undefined;
  const path = [...base, ...frames.slice(1).map((f) => f.segment!)];
  const word = flow.slice(tokenStart);
  const prefix = word.trimStart();
  const from = offset + flow.length - prefix.length;
  if (top.type === 'map' && top.key === undefined) {
    return { path, position: 'key', prefix, from, itemStart: false, siblings: top.siblings };
  }
  const slot = slotOf(top)!;
  return {
    path: [...path, slot],
    position: 'value',
    prefix,
    from,
    itemStart: false,
    siblings: new Map(),
  };
}

/** Returns what is typed at `offset` of `text`, or undefined (a comment, a block scalar). */
export function yamlContextAt(text: string, offset: number): YamlContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(0, lineStart).split('\n').slice(0, -1);
  const walked = walkLines(before, () => undefined);
  let stack = walked.stack;
  const typed = text.slice(lineStart, offset);
  const shape = shapeOf(typed);
  const indent = typed.length - typed.trimStart().length;
  if (walked.scalarBelow !== undefined && indent > walked.scalarBelow) return undefined;
  if (/(^|[ \t])#/.test(typed)) return undefined;

  const last = shape.markers.at(-1);
  const restFrom = lineStart + shape.restCol;
  if (last?.kind === 'key') {
    const { frames, nextIndex } = popFor(stack, shape.markers[0]!);
    stack = pushMarkers(frames, shape.markers, nextIndex);
    const path = stack.map((f) => f.segment);
    if (/^[[{]/.test(shape.rest)) return flowContext(shape.rest, restFrom, path);
    const prefix = shape.rest;
    return {
      path,
      position: 'value',
      prefix,
      from: restFrom,
      itemStart: false,
      siblings: new Map(),
    };
  }
  // The rest is a word being typed: a key of the mapping at its column (or an item's value).
  const first = shape.markers[0];
  if (first) {
    const { frames, nextIndex } = popFor(stack, first);
    stack = pushMarkers(frames, shape.markers, nextIndex);
  } else {
    stack = popFor(stack, { kind: 'key', col: shape.restCol, name: '' }).frames;
  }
  const path = stack.map((f) => f.segment);
  if (/^[[{]/.test(shape.rest)) return flowContext(shape.rest, restFrom, path);
  const lineIndex = before.length;
  return {
    path,
    position: 'key',
    prefix: shape.rest,
    from: restFrom,
    itemStart: last?.kind === 'item',
    siblings: blockSiblings(text, path, lineIndex),
  };
}
