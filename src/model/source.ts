import { LineCounter, isMap, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import type { ModelIssue } from '../errors.js';

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

/** Largest model text accepted, in characters: bounds parse time and memory for hostile input. */
export const MAX_MODEL_TEXT_LENGTH = 5_000_000;

/**
 * Parses YAML or JSON model text (JSON is YAML) keeping node positions, so every later issue
 * can be reported as `file:line:column`.
 *
 * @returns the source, or the syntax issues found (each with line and column)
 */
export function parseModelText(
  text: string,
  file: string,
): { source: ModelSource; issues: readonly ModelIssue[] } {
  const lineCounter = new LineCounter();
  if (text.length > MAX_MODEL_TEXT_LENGTH) {
    return failed(file, `is ${text.length} characters; the limit is ${MAX_MODEL_TEXT_LENGTH}`);
  }
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const position = (offset: number): { line: number; column: number } => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const issues: ModelIssue[] = document.errors.map((error) => ({
    file,
    ...position(error.pos[0]),
    path: '',
    message: `invalid YAML/JSON: ${firstLine(error.message)}`,
  }));
  visit(document, {
    Alias(_, alias) {
      if (alias.resolve(document) === undefined && alias.range) {
        issues.push({
          file,
          ...position(alias.range[0]),
          path: '',
          message: `invalid YAML/JSON: the alias *${alias.source} has no anchor &${alias.source} before it`,
        });
      }
    },
  });
  let data: unknown;
  if (issues.length === 0) {
    try {
      data = document.toJS({ maxAliasCount: 100 });
    } catch (error) {
      // Alias problems surface only when the document is converted (unresolved or too many).
      issues.push({
        file,
        path: '',
        message: `invalid YAML/JSON: ${firstLine((error as Error).message)}`,
      });
    }
  }
  const source: ModelSource = {
    file,
    data,
    locate: (issue) => ({
      file,
      ...locatePath(document, issue.path, issue.atKey === true, position),
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
): { line?: number; column?: number } {
  let node: unknown = document.contents;
  let found: Node | undefined = isNodeWithRange(node) ? node : undefined;
  for (const [index, part] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((item) => keyText(item.key) === String(part));
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

/** The parser's first line, without its own `at line L, column C` (the location is prefixed). */
function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}
