/**
 * XML text to a small element tree that remembers where each element starts.
 *
 * The parser is saxes (https://github.com/lddubeau/saxes): a pure-JavaScript, non-validating,
 * strictly well-formedness-checking SAX parser with no native code and one small dependency, so
 * it runs unchanged in Node and in the browser's worker; it reports line and column for every
 * error and the stream position for every tag. It does not expand entities declared in a DTD
 * (an undefined entity is an error), so a hostile file cannot blow up by entity expansion.
 */
import { SaxesParser } from 'saxes';
import type { ModelIssue } from '../../errors.js';

/**
 * Elements nested deeper than this are refused: the readers above recurse over formulas and
 * expressions, one stack frame or a few per level. MEF files nest a handful of levels; 500 is
 * the bound relkit's expressions take too (MAX_EXPRESSION_DEPTH).
 */
export const MAX_XML_DEPTH = 500;

/** Where something starts in a file: 1-based line and column (UTF-16 code units). */
export interface XmlPosition {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** One XML element: its tag, attributes, child elements (text is dropped) and position. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly XmlElement[];
  /** Where its start tag's `<` is. */
  readonly at: XmlPosition;
}

/**
 * Parses XML text into its root element, every element carrying the position of its start tag.
 *
 * @param file - the file name for positions and messages
 * @returns the root element, or the first syntax problem located at `file:line:column`
 *
 * @remarks
 * One pass over the text, O(length); positions come from a table of line starts, O(log lines)
 * each. Text, comments, processing instructions and the DOCTYPE are dropped.
 */
export function parseXmlTree(
  text: string,
  file: string,
): { readonly root: XmlElement } | { readonly issue: ModelIssue } {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const positionOf = (offset: number): XmlPosition => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      // middle is in [0, lineStarts.length) by the loop bounds.
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    // low indexes lineStarts, which holds at least the 0 of the first line.
    return { file, line: low + 1, column: offset - lineStarts[low]! + 1 };
  };

  const parser = new SaxesParser({ position: true });
  const open: { element: XmlElement; children: XmlElement[] }[] = [];
  let root: XmlElement | undefined;
  let start: XmlPosition = { file, line: 1, column: 1 };
  let problem: ModelIssue | undefined;
  const stop = (at: XmlPosition, message: string): never => {
    problem = { ...at, path: '', message };
    throw new StopParsing();
  };

  parser.on('opentagstart', () => {
    // The tag's `<` is the last one before the parser's position: a tag name holds no `<`.
    start = positionOf(text.lastIndexOf('<', parser.position - 1));
  });
  parser.on('opentag', (tag) => {
    if (open.length >= MAX_XML_DEPTH) {
      stop(start, `<${tag.name}> is nested more than ${MAX_XML_DEPTH} elements deep`);
    }
    const children: XmlElement[] = [];
    const element: XmlElement = {
      name: tag.name,
      attributes: new Map(Object.entries(tag.attributes as Record<string, string>)),
      children,
      at: start,
    };
    const parent = open.at(-1);
    if (parent) parent.children.push(element);
    else root = element;
    open.push({ element, children });
  });
  parser.on('closetag', () => {
    open.pop();
  });
  parser.on('error', (error) => {
    // saxes prefixes its message with `line:column: `, the column 0-based at the next character.
    const message = error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
    stop({ file, line: parser.line, column: parser.column + 1 }, `invalid XML: ${message}`);
  });

  try {
    parser.write(text).close();
  } catch (error) {
    if (!(error instanceof StopParsing)) throw error;
  }
  if (problem) return { issue: problem };
  // saxes refuses a document without a root element, so one was seen when nothing failed.
  return { root: root! };
}

/** Thrown from a parser handler to end parsing at the first problem. */
class StopParsing extends Error {}
