import { LineCounter, isMap, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { ModelIssue } from '../errors.js';
import { limitReached } from './ModelLimits.js';
import { jsonSyntaxProblem } from './parseJson.js';
import { parseYaml } from './parseYaml.js';
import { readPlainYaml } from './plainYaml.js';

/** A path into a model document: object keys and array indices, outermost first. */
export type Path = readonly (string | number)[];

/** A problem found before it is located in the file. */
export interface PathIssue {
  readonly path: Path;
  readonly message: string;
  /** Point at the key of the last path element rather than its value (unknown keys, bad names). */
  readonly atKey?: boolean;
}

/** Model text parsed into plain data, with a way back from a path to its line and column. */
export interface ModelSource {
  /** The file name used in messages, or `<input>`. */
  readonly file: string;
  /** The parsed data: what `JSON.parse` would give for the same document. */
  readonly data: unknown;
  /** Turns a path issue into a located {@link ModelIssue} (nearest existing node wins). */
  locate(issue: PathIssue): ModelIssue;
}

/** How model text is written: YAML (which reads JSON too), or strict JSON. */
export type ModelFormat = 'yaml' | 'json';

/**
 * Parses YAML or JSON model text keeping node positions, so every later issue can be reported
 * as `file:line:column`. JSON text is first checked as JSON (a trailing comma or a comment is an
 * error there, though YAML would read it), then parsed like YAML, of which JSON is a subset.
 * Plain block YAML is read by {@link readPlainYaml}, and the YAML library parses the text again
 * only if an issue is to be located.
 *
 * @param maxModelSize - longest text accepted, in characters (see ModelLimits)
 * @param format - `json` to hold the text to JSON's syntax
 * @returns the source, or the syntax issues found (each with line and column)
 */
export function parseModelText(
  text: string,
  file: string,
  maxModelSize: number,
  format: ModelFormat = 'yaml',
): { source: ModelSource; issues: readonly ModelIssue[] } {
  if (text.length > maxModelSize) {
    return failed(
      file,
      `is ${text.length} characters; ${limitReached('maxModelSize', maxModelSize)}`,
    );
  }
  const plain = format === 'yaml' ? readPlainYaml(text) : undefined;
  if (plain === undefined) return librarySource(text, file, format);
  // Plain block YAML, read without the library: no problems, and the library's document (for
  // the lines of later issues) only when an issue needs one.
  let located: ModelSource | undefined;
  const source: ModelSource = {
    file,
    data: plain,
    locate: (issue) => (located ??= librarySource(text, file, format).source).locate(issue),
  };
  return { source, issues: [] };
}

/** {@link parseModelText} by the YAML library: the data, the syntax issues and the positions. */
function librarySource(
  text: string,
  file: string,
  format: ModelFormat,
): { source: ModelSource; issues: readonly ModelIssue[] } {
  const lineCounter = new LineCounter();
  const position = (offset: number): { line: number; column: number } => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const jsonProblem = format === 'json' ? jsonSyntaxProblem(text) : undefined;
  if (jsonProblem) {
    lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      lineCounter.addNewLine(i + 1);
    }
    return {
      source: objectSource(undefined, file),
      issues: [{ file, ...position(jsonProblem.offset!), path: '', message: jsonProblem.message }],
    };
  }
  const parsed = parseYaml(text, lineCounter.addNewLine, format === 'json' ? 'JSON' : 'YAML/JSON');
  const issues: ModelIssue[] = parsed.problems.map(({ offset, message }) => ({
    file,
    ...(offset !== undefined && position(offset)),
    path: '',
    message,
  }));
  const { document, data } = parsed;
  const pairOf = pairFinder();
  const source: ModelSource = {
    file,
    data,
    locate: (issue) => ({
      file,
      ...(document && locatePath(document, issue.path, issue.atKey === true, position, pairOf)),
      path: formatPath(issue.path),
      message: issue.message,
    }),
  };
  return { source, issues };
}

/** Wraps already-parsed data (a model object passed to the library); issues carry no line. */
export function objectSource(data: unknown, file: string): ModelSource {
  return {
    file,
    data,
    locate: (issue) => ({ file, path: formatPath(issue.path), message: issue.message }),
  };
}

/** Formats a path as users write it: `components.cpu.repair.mean`, `system.series[1]`. */
export function formatPath(path: Path): string {
  let text = '';
  for (const part of path) {
    text += typeof part === 'number' ? `[${part}]` : text === '' ? part : `.${part}`;
  }
  return text;
}

function locatePath(
  document: Document,
  path: Path,
  atKey: boolean,
  position: (offset: number) => { line: number; column: number },
  pairOf: (map: YAMLMap, key: string) => Pair | undefined,
): { line?: number; column?: number } {
  let node: unknown = document.contents;
  let found: Node | undefined = isNodeWithRange(node) ? node : undefined;
  for (const [index, part] of path.entries()) {
    if (isMap(node)) {
      const pair = pairOf(node, String(part));
      if (!pair) break;
      node = pair.value ?? pair.key;
      // A missing or null value points at its key, and so does an issue about the key itself.
      const onKey = atKey && index === path.length - 1;
      if (!onKey && isNodeWithRange(pair.value)) found = pair.value;
      else if (isNodeWithRange(pair.key)) found = pair.key;
    } else if (isSeq(node) && typeof part === 'number') {
      node = node.items[part];
      if (isNodeWithRange(node)) found = node;
      else break;
    } else break;
  }
  return found?.range ? position(found.range[0]) : {};
}

/**
 * Finds the pair of a mapping by its key's text, from an index built once per mapping: a scan
 * per issue would take n² for n issues in a mapping of n keys.
 */
function pairFinder(): (map: YAMLMap, key: string) => Pair | undefined {
  const indexes = new WeakMap<YAMLMap, Map<string, Pair>>();
  return (map, key) => {
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      // The first pair of a key wins, as a scan would find it.
      for (const pair of map.items as Pair[]) {
        const text = keyText(pair.key);
        if (!index.has(text)) index.set(text, pair);
      }
      indexes.set(map, index);
    }
    return index.get(key);
  };
}

function keyText(key: unknown): string {
  return key !== null && typeof key === 'object' && 'value' in key
    ? String((key as { value: unknown }).value)
    : String(key);
}

function isNodeWithRange(value: unknown): value is Node {
  return value !== null && typeof value === 'object' && 'range' in value;
}

function failed(file: string, message: string): { source: ModelSource; issues: ModelIssue[] } {
  return { source: objectSource(undefined, file), issues: [{ file, path: '', message }] };
}
