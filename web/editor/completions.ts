/**
 * The completion candidates at a cursor in a model text: the keys the schema allows in the
 * mapping there, the fixed values of the slot (distribution names, standby modes, booleans), and
 * the names the model defines where the structure refers to them (components in `system`, events
 * and gates in a fault tree, states in a Markov chain, parameters in a number or expression).
 */
import {
  alternativesAt,
  fixedValuesOf,
  keysOf,
  matchingMappings,
  takesExpression,
  type Alternative,
  type JsonSchema,
} from './schemaWalk.js';
import { outline, yamlContextAt, type PathSegment, type YamlContext } from './yamlContext.js';

/** What a candidate is; the editor shows an icon for each. */
export type CandidateKind =
  'key' | 'value' | 'component' | 'event' | 'gate' | 'state' | 'parameter';

/** One completion: the text inserted for it, its label, what it is and the schema's words on it. */
export interface Candidate {
  readonly label: string;
  readonly insert: string;
  readonly kind: CandidateKind;
  readonly detail?: string;
  readonly info?: string;
}

/** The candidates at a cursor, replacing the text from `from` to the cursor. */
export interface Completions {
  readonly from: number;
  readonly prefix: string;
  /** True right after `: `, `- ` or a flow bracket or comma: a list may open before a word. */
  readonly afterIndicator: boolean;
  readonly candidates: readonly Candidate[];
}

/** The names a model text defines, read from its block keys. */
export interface ModelNames {
  readonly components: readonly string[];
  readonly events: readonly string[];
  readonly houseEvents: readonly string[];
  readonly gates: readonly string[];
  readonly states: readonly string[];
  readonly parameters: readonly string[];
}

/** Returns the names a model text defines (components, events, gates, states, parameters). */
export function modelNames(text: string): ModelNames {
  const keys = outline(text);
  const namesUnder = (...parent: PathSegment[]) => [
    ...new Set(
      keys
        .filter(
          (k) => k.path.length === parent.length + 1 && parent.every((p, i) => k.path[i] === p),
        )
        .map((k) => String(k.path.at(-1))),
    ),
  ];
  // Markov states are sequence items: `- { name: up, up: true }` or `- name: up`.
  const states = new Set<string>();
  text.split('\n').forEach((line, index) => {
    const inStates = keys.findLast((k) => k.line <= index && k.path.length === 1);
    if (inStates?.path[0] !== 'markov') return;
    for (const match of line.matchAll(/(?:^|[\s{,])name:\s*["']?([^\s,}"'#]+)/g))
      states.add(match[1]!);
  });
  return {
    components: namesUnder('components'),
    events: namesUnder('events'),
    houseEvents: namesUnder('house_events'),
    gates: namesUnder('fault_tree', 'gates'),
    states: [...states],
    parameters: namesUnder('parameters'),
  };
}

const COMPONENT_SLOTS = new Set(['of', 'primary', 'spares', 'via']);
const STATE_SLOTS = new Set(['initial', 'from', 'to']);

/** Returns the names the slot at `path` refers to, by the structure of a relkit model. */
function referencedNames(
  path: readonly PathSegment[],
  alternatives: readonly Alternative[],
  names: ModelNames,
): Candidate[] {
  const slot = path.findLast((segment) => typeof segment === 'string');
  const stringVia = (def: string) =>
    alternatives.some((a) => a.def === def && a.schema.type === 'string');
  const named = (list: readonly string[], kind: CandidateKind, detail: string) =>
    list.map((name): Candidate => ({ label: name, insert: name, kind, detail }));
  const faultTreeNames = () => [
    ...named(names.events, 'event', 'basic event'),
    ...named(names.gates, 'gate', 'gate'),
    ...named(names.houseEvents, 'event', 'house event'),
  ];
  switch (path[0]) {
    case 'system':
      return stringVia('node') || COMPONENT_SLOTS.has(String(slot))
        ? named(names.components, 'component', 'component')
        : [];
    case 'fault_tree':
      if (slot === 'top') return named(names.gates, 'gate', 'gate');
      // A gate is not its own input.
      return stringVia('gate') ? faultTreeNames().filter(({ label }) => label !== path[2]) : [];
    case 'common_cause':
      return slot === 'members'
        ? [...faultTreeNames(), ...named(names.components, 'component', 'component')]
        : [];
    case 'markov':
      return STATE_SLOTS.has(String(slot)) ? named(names.states, 'state', 'state') : [];
    default:
      return [];
  }
}

/** The candidates for a value at the context's path. */
function valueCandidates(
  root: JsonSchema,
  path: readonly PathSegment[],
  names: ModelNames,
): Candidate[] {
  const alternatives = alternativesAt(root, path);
  const fixed = fixedValuesOf(alternatives).map((value): Candidate => ({
    label: value,
    insert: value,
    kind: 'value',
  }));
  const parameters = takesExpression(alternatives)
    ? names.parameters.map((name): Candidate => ({
        label: name,
        insert: name,
        kind: 'parameter',
        detail: 'parameter',
      }))
    : [];
  return [...fixed, ...referencedNames(path, alternatives, names), ...parameters];
}

/** The candidates for a key of the mapping at the context's path (keys it has are left out). */
function keyCandidates(root: JsonSchema, context: YamlContext): Candidate[] {
  const mappings = matchingMappings(alternativesAt(root, context.path), context.siblings);
  return keysOf(mappings)
    .filter(({ key }) => !context.siblings.has(key))
    .map(({ key, description }) => ({
      label: key,
      insert: `${key}: `,
      kind: 'key',
      ...(description !== undefined && { info: description }),
    }));
}

/**
 * Returns the completions at `offset` of a model text, or undefined where nothing applies (a
 * comment, a block scalar, a path outside the schema).
 */
export function completionsAt(
  root: JsonSchema,
  text: string,
  offset: number,
): Completions | undefined {
  const context = yamlContextAt(text, offset);
  if (!context) return undefined;
  const names = modelNames(text);
  const candidates =
    context.position === 'value'
      ? valueCandidates(root, context.path, names)
      : [
          // A sequence item is most often a name (`- cpu`), else a mapping (`- koon: …`).
          ...(context.itemStart ? valueCandidates(root, context.path, names) : []),
          ...keyCandidates(root, context),
        ];
  if (candidates.length === 0) return undefined;
  // In an expression (`rate: 2*la`) only the name at the cursor is replaced.
  const prefix = /[\w.-]*$/.exec(context.prefix)![0];
  const from = context.from + context.prefix.length - prefix.length;
  const afterIndicator = /(?:[:\-[{,])[ \t]*$/.test(text.slice(0, from));
  return { from, prefix, afterIndicator, candidates };
}
