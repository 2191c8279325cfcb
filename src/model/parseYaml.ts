import { Composer, Parser, isScalar, visit, type CST, type Document } from 'yaml';

/**
 * Deepest nesting of mappings and lists accepted. The YAML library builds documents by
 * recursion, and so do the later stages: 1000 levels (2 KB of `[`) overflowed the stack, and near
 * the stack's end V8 could abort the whole process. A model nests two levels per structure block,
 * so 100 leaves room for 50 blocks, far beyond any real system.
 */
export const MAX_NESTING = 100;

/** Most aliases expanded when the document becomes data: no "billion laughs". */
const MAX_ALIASES = 100;

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
 * @returns the document, its data and the problems: syntax errors, nesting deeper than
 * {@link MAX_NESTING}, several documents, duplicate keys, aliases without an anchor or expanded
 * more than 100 times
 *
 * @remarks Cost O(length of the text); recursion at most {@link MAX_NESTING} collections deep.
 */
export function parseYaml(text: string, onNewLine: (offset: number) => void): ParsedYaml {
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
      const message = 'invalid YAML/JSON: the text holds several documents; a model is one';
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
  visit(parsed, {
    Map(_, map) {
      const keys = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key)) continue;
        if (keys.has(key.value) && key.range) {
          problems.push({
            offset: key.range[0],
            message: 'invalid YAML/JSON: Map keys must be unique',
          });
        }
        keys.add(key.value);
      }
    },
    Alias(_, alias) {
      if (alias.resolve(parsed) === undefined && alias.range) {
        problems.push({
          offset: alias.range[0],
          message: `invalid YAML/JSON: the alias *${alias.source} has no anchor &${alias.source} before it`,
        });
      }
    },
  });
  if (problems.length > 0) return { document: parsed, data: undefined, problems };
  try {
    return { document: parsed, data: parsed.toJS({ maxAliasCount: MAX_ALIASES }), problems };
  } catch (error) {
    // Alias problems surface only when the document is converted (unresolved or too many).
    return {
      document: parsed,
      data: undefined,
      problems: [{ message: invalid((error as Error).message) }],
    };
  }
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

/** `invalid YAML/JSON: ` and the parser's first line, without its own location or final period. */
function invalid(message: string): string {
  const first = (message.split('\n')[0] ?? '')
    .replace(/ at line \d+, column \d+:?$/, '')
    .replace(/\.$/, '');
  return `invalid YAML/JSON: ${first}`;
}
