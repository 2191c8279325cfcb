import {
  Composer,
  Parser,
  isAlias,
  isCollection,
  isPair,
  isMap,
  isScalar,
  isSeq,
  type CST,
  type Document,
  type Node,
} from 'yaml';

/**
 * Deepest nesting of mappings and lists accepted. The YAML library builds documents by
 * recursion, and so do the later stages: 1000 levels (2 KB of `[`) overflowed the stack, and near
 * the stack's end V8 could abort the whole process. A model nests two levels per structure block,
 * so 100 leaves room for 50 blocks, far beyond any real system.
 */
export const MAX_NESTING = 100;

/**
 * Most aliases expanded when the document becomes data, counting an alias inside an anchored node
 * once for each time that node is expanded: no "billion laughs" (ten anchors of ten aliases each
 * to the one before would make 10^10 nodes of a few hundred bytes of text). The data then has at
 * most 101 times as many nodes as the text.
 */
export const MAX_ALIASES = 100;

/** A problem found while parsing, at a character offset of the text when it has one. */
export interface YamlProblem {
  readonly offset?: number;
  readonly message: string;
}

/** What {@link parseYaml} found: the document (for locating paths), its data, the problems. */
export interface ParsedYaml {
  /** Absent when the text is nested too deeply to build. */
  readonly document?: Document.Parsed;
  /** What `JSON.parse` would give for the same document; undefined when there are problems. */
  readonly data: unknown;
  readonly problems: readonly YamlProblem[];
}

/**
 * Parses YAML or JSON text (JSON is YAML) into one document and its data, in time linear in the
 * text and with bounded recursion: the nesting is measured on the token tree, which the parser
 * builds without recursion, before any recursive stage runs; duplicate keys are found with one
 * set per mapping, where the library's own check scans every earlier key (quadratic: 15 s for a
 * mapping of 40 000 keys).
 *
 * @param text - the model text
 * @param onNewLine - called with the offset of each line start (a yaml `LineCounter`)
 * @param label - how messages name the syntax: `invalid YAML/JSON: …`, or `invalid JSON: …` for
 * a file held to JSON
 * @returns the document, its data and the problems: syntax errors, nesting deeper than
 * {@link MAX_NESTING}, several documents, duplicate keys, aliases without an anchor, inside the
 * node they name (the data would contain itself), or expanded more than {@link MAX_ALIASES}
 * times (at the alias that goes over, naming the limit)
 *
 * @remarks Cost O(length of the text); recursion at most {@link MAX_NESTING} collections deep.
 */
export function parseYaml(
  text: string,
  onNewLine: (offset: number) => void,
  label = 'YAML/JSON',
): ParsedYaml {
  const invalid = (message: string): string => `invalid ${label}: ${firstLine(message)}`;
  const tokens = [...new Parser(onNewLine).parse(text)];
  const deep = tooDeep(tokens);
  if (deep !== undefined) {
    const message = `nests mappings and lists more than ${MAX_NESTING} levels deep`;
    return { data: undefined, problems: [{ offset: deep, message }] };
  }
  let document: Document.Parsed | undefined;
  const problems: YamlProblem[] = [];
  const composer = new Composer({ prettyErrors: false, uniqueKeys: false });
  for (const next of composer.compose(tokens, true, text.length)) {
    if (document) {
      const message = invalid('the text holds several documents; a model is one');
      problems.push({ offset: next.range[0], message });
      break;
    }
    document = next;
  }
  // compose(…, forceDoc = true) always yields a document, if only an empty one.
  const parsed = document!;
  for (const error of parsed.errors) {
    problems.push({ offset: error.pos[0], message: invalid(error.message) });
  }
  const aliases = checkKeysAndAnchors(parsed, (offset, message) =>
    problems.push({ offset, message: invalid(message) }),
  );
  if (problems.length === 0 && aliases > 0) {
    const problem = aliasProblem(parsed);
    if (problem) problems.push({ offset: problem.offset, message: invalid(problem.message) });
  }
  if (problems.length > 0) return { document: parsed, data: undefined, problems };
  // The aliases were counted above; the library's own count (a coarser bound) is not needed.
  return { document: parsed, data: parsed.toJS({ maxAliasCount: -1 }), problems };
}

/**
 * The first alias that names a node containing it, or that brings the aliases expanded in the
 * whole document over {@link MAX_ALIASES}, with a message naming it (and the limit).
 *
 * @remarks An anchored node comes before every alias to it, so counting in document order finds
 * each anchored node's count complete when an alias refers to it: O(nodes). Counts stop at the
 * limit, so they stay small. Recursion follows the nesting, bounded by {@link MAX_NESTING}.
 */
function aliasProblem(document: Document.Parsed): { offset: number; message: string } | undefined {
  // Aliases expanded within each node counted so far; nodes still being counted are open.
  const expanded = new Map<unknown, number>();
  const open = new Set<unknown>();
  let problem: { offset: number; message: string } | undefined;
  const count = (node: unknown): number => {
    if (problem || node === null || typeof node !== 'object') return 0;
    if (isAlias(node)) {
      const target = node.resolve(document);
      const offset = node.range?.[0] ?? 0;
      if (target === undefined) return 0;
      if (open.has(target)) {
        problem = {
          offset,
          message: `the alias *${node.source} is inside the node &${node.source} it names`,
        };
        return 0;
      }
      return 1 + (expanded.get(target) ?? 0);
    }
    let total = 0;
    if (isPair(node)) {
      total = count(node.key) + count(node.value);
    } else if (isCollection(node)) {
      open.add(node);
      for (const item of node.items) {
        total += count(item);
        if (total > MAX_ALIASES && !problem) {
          const at = isPair(item) ? (item.value ?? item.key) : item;
          const offset = (at as Node | null)?.range?.[0] ?? node.range?.[0] ?? 0;
          problem = {
            offset,
            message: `aliases are expanded more than ${MAX_ALIASES} times; the limit is ${MAX_ALIASES} (against "billion laughs" documents; it cannot be raised)`,
          };
        }
        if (problem) break;
      }
      open.delete(node);
    }
    total = Math.min(total, MAX_ALIASES + 1);
    expanded.set(node, total);
    return total;
  };
  count(document.contents);
  return problem;
}

/**
 * Reports, in document order, each key repeated in its mapping (one set per mapping, where the
 * library's own check scans every earlier key) and each alias without an anchor before it.
 *
 * @returns how many aliases the document holds
 * @remarks O(nodes) apart from resolving aliases; recursion follows the nesting, bounded by
 * {@link MAX_NESTING}.
 */
function checkKeysAndAnchors(
  document: Document.Parsed,
  report: (offset: number, message: string) => void,
): number {
  let aliases = 0;
  const walk = (node: unknown): void => {
    if (isAlias(node)) {
      aliases++;
      if (node.resolve(document) === undefined && node.range) {
        report(node.range[0], `the alias *${node.source} has no anchor &${node.source} before it`);
      }
    } else if (isMap(node)) {
      const keys = new Set<unknown>();
      for (const { key } of node.items) {
        if (!isScalar(key)) continue;
        if (keys.has(key.value) && key.range) report(key.range[0], 'Map keys must be unique');
        keys.add(key.value);
      }
      for (const { key, value } of node.items) {
        walk(key);
        walk(value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(item);
    }
  };
  walk(document.contents);
  return aliases;
}

/** The offset of the first collection nested deeper than {@link MAX_NESTING}, found without recursion. */
function tooDeep(tokens: readonly CST.Token[]): number | undefined {
  const stack: [CST.Token | null | undefined, number][] = tokens.map((token) => [token, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (!token) continue;
    if (token.type === 'document') {
      stack.push([token.value, depth]);
    } else if ('items' in token) {
      if (depth >= MAX_NESTING) return token.offset;
      for (const item of token.items) stack.push([item.key, depth + 1], [item.value, depth + 1]);
    }
  }
  return undefined;
}

/** The parser's first line, without its own location or final period. */
function firstLine(message: string): string {
  return (message.split('\n')[0] ?? '')
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/\.$/, '');
}
