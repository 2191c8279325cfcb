import type { ModelIssue } from '../../errors.js';
import type { RawGate } from '../../model/faultTreeSchema.js';
import type { Path } from '../../model/source.js';
import { contentOf, issueAt, tagOf } from './located.js';
import type { Definition, DefinitionKind, MefScope } from './mefScope.js';
import type { PositionMap } from './positionMap.js';
import type { XmlElement } from './xmlTree.js';

/** What translating formulas needs: names, where to report, and what gates refer to. */
export interface FormulaContext {
  readonly scope: MefScope;
  /** The relkit name of every event definition. */
  readonly names: ReadonlyMap<Definition, string>;
  readonly issues: ModelIssue[];
  readonly positions: PositionMap;
  /** The relkit name of the house event that stands for the constant `value`. */
  constantEvent(value: boolean, at: XmlElement): string;
  /** Called for every gate a formula names. */
  referGate(gate: Definition): void;
}

/** The reference elements, and the kinds of definition each may name. */
const REFERENCES: ReadonlyMap<string, readonly DefinitionKind[]> = new Map([
  ['gate', ['gate']],
  ['basic-event', ['basic-event']],
  ['house-event', ['house-event']],
  ['event', ['gate', 'basic-event', 'house-event']],
]);

/** The operators over a list of children, shared by MEF and relkit. */
const LISTS: Readonly<Record<string, (of: readonly RawGate[]) => RawGate>> = {
  and: (of) => ({ and: of }),
  or: (of) => ({ or: of }),
  xor: (of) => ({ xor: of }),
  nand: (of) => ({ nand: of }),
  nor: (of) => ({ nor: of }),
};

/**
 * Translates the formula of a `<define-gate>` into a relkit gate. MEF's `and`, `or`, `xor`,
 * `nand`, `nor`, `not` and `atleast` are relkit's; the others are rewritten:
 * iff(a, b) = not xor(a, b); imply(a, b) = or(not a, b); cardinality(l, h) = atleast(l) and
 * not atleast(h + 1), a bound dropped when it always holds; a formula that is one event (or
 * `null`) is `or` of that event; a constant is a house event.
 *
 * @param path - where the gate goes, such as `['fault_tree', 'gates', 'top']`
 * @returns the formula, or undefined after pushing located issues
 */
export function translateGate(
  gate: XmlElement,
  basePath: string,
  path: Path,
  context: FormulaContext,
): RawGate | undefined {
  const content = contentOf(gate);
  const [formula] = content;
  if (!formula || content.length > 1) {
    context.issues.push(
      issueAt(
        gate.at,
        `${tagOf(gate)} must hold one formula; got ${content.length === 0 ? 'none' : content.length}`,
      ),
    );
    return undefined;
  }
  context.positions.record(path, formula.at, gate.at);
  const passThrough = formula.name === 'null' ? formula.children : [formula];
  const [only] = passThrough;
  if (passThrough.length === 1 && only && (REFERENCES.has(only.name) || only.name === 'constant')) {
    if (only !== formula) context.positions.record([...path, 'or'], formula.at);
    const child = translateFormula(only, basePath, [...path, 'or', 0], context);
    return child === undefined ? undefined : { or: [child] };
  }
  return translateFormula(formula, basePath, path, context);
}

function translateFormula(
  element: XmlElement,
  basePath: string,
  path: Path,
  context: FormulaContext,
): RawGate | undefined {
  const { name, children } = element;
  context.positions.record(path, element.at);
  const fail = (message: string): undefined => {
    context.issues.push(issueAt(element.at, `${tagOf(element)} ${message}`));
    return undefined;
  };
  const all = (at: Path, elements: readonly XmlElement[] = children) => {
    const formulas = elements.map((child, i) =>
      translateFormula(child, basePath, [...at, i], context),
    );
    return formulas.every((formula) => formula !== undefined) ? formulas : undefined;
  };
  const arity = (count: number): boolean =>
    children.length === count ||
    (fail(`takes ${count} argument${count === 1 ? '' : 's'}; got ${children.length}`) ?? false);

  const kinds = REFERENCES.get(name);
  if (kinds) return reference(element, basePath, kinds, context);
  if (name === 'constant') {
    const value = element.attributes.get('value')?.trim();
    if (value === 'true' || value === '1') return context.constantEvent(true, element);
    if (value === 'false' || value === '0') return context.constantEvent(false, element);
    return fail(`value must be true or false; got ${JSON.stringify(value ?? null)}`);
  }
  const list = Object.hasOwn(LISTS, name) ? LISTS[name] : undefined;
  if (list) {
    if (children.length === 0) return fail('takes at least 1 argument; got 0');
    const formulas = all([...path, name]);
    return formulas && list(formulas);
  }
  if (name === 'not' || name === 'null') {
    if (!arity(1)) return undefined;
    if (name === 'null') return translateFormula(children[0]!, basePath, path, context); // arity 1
    const operand = translateFormula(children[0]!, basePath, [...path, 'not'], context); // arity 1
    return operand === undefined ? undefined : { not: operand };
  }
  if (name === 'iff' || name === 'imply') {
    if (!arity(2)) return undefined;
    const [a, b] = children as [XmlElement, XmlElement]; // arity 2
    if (name === 'iff') {
      context.positions.record([...path, 'not'], element.at);
      const formulas = all([...path, 'not', 'xor'], [a, b]);
      return formulas && { not: { xor: formulas } };
    }
    context.positions.record([...path, 'or', 0], a.at);
    const negated = translateFormula(a, basePath, [...path, 'or', 0, 'not'], context);
    const consequent = translateFormula(b, basePath, [...path, 'or', 1], context);
    return negated === undefined || consequent === undefined
      ? undefined
      : { or: [{ not: negated }, consequent] };
  }
  if (name === 'atleast') {
    const k = count(element, 'min', context);
    if (children.length === 0) return fail('takes at least 1 argument; got 0');
    context.positions.record([...path, 'atleast', 'k'], element.at);
    const formulas = all([...path, 'atleast', 'of']);
    return k === undefined || !formulas ? undefined : { atleast: { k, of: formulas } };
  }
  if (name === 'cardinality') return cardinality(element, basePath, path, context);
  return fail(
    'is not a MEF formula element (and, or, xor, iff, nand, nor, not, atleast, cardinality, imply, null, an event or a constant)',
  );
}

/**
 * cardinality(l, h) of n arguments: between l and h of them occur, i.e. atleast(l) and not
 * atleast(h + 1); atleast(0) always holds and atleast(n + 1) never does, so those are dropped.
 * Refused when nothing is left (always true) or l > min(h, n) (never true).
 */
function cardinality(
  element: XmlElement,
  basePath: string,
  path: Path,
  context: FormulaContext,
): RawGate | undefined {
  const low = count(element, 'min', context);
  const high = count(element, 'max', context);
  if (low === undefined || high === undefined) return undefined;
  const n = element.children.length;
  if (low > Math.min(high, n) || (low === 0 && high >= n)) {
    const always = low === 0 && high >= n ? 'always' : 'never';
    context.issues.push(
      issueAt(
        element.at,
        `${tagOf(element)} with min ${low} and max ${high} of ${n} arguments is ${always} true; relkit has no constant gate (use a house event)`,
      ),
    );
    return undefined;
  }
  const parts: RawGate[] = [];
  const part = (k: number, at: Path): RawGate | undefined => {
    context.positions.record(at, element.at);
    const of = element.children.map((child, i) =>
      translateFormula(child, basePath, [...at, 'atleast', 'of', i], context),
    );
    return of.every((formula) => formula !== undefined) ? { atleast: { k, of } } : undefined;
  };
  const both = low > 0 && high < n;
  const prefix: Path = both ? [...path, 'and'] : path;
  if (low > 0) {
    const lower = part(low, both ? [...prefix, 0] : prefix);
    if (!lower) return undefined;
    parts.push(lower);
  }
  if (high < n) {
    const at: Path = both ? [...prefix, 1] : prefix;
    const upper = part(high + 1, [...at, 'not']);
    if (!upper) return undefined;
    parts.push({ not: upper });
  }
  return both ? { and: parts } : parts[0];
}

function reference(
  element: XmlElement,
  basePath: string,
  kinds: readonly DefinitionKind[],
  context: FormulaContext,
): string | undefined {
  const name = element.attributes.get('name');
  const type = element.name === 'event' ? element.attributes.get('type') : undefined;
  const wanted = type === undefined ? kinds : REFERENCES.get(type);
  if (name === undefined || !wanted) {
    const why =
      name === undefined
        ? 'must have a name'
        : `type must be gate, basic-event or house-event; got ${JSON.stringify(type)}`;
    context.issues.push(issueAt(element.at, `${tagOf(element)} ${why}`));
    return undefined;
  }
  const found = context.scope.resolve(name, basePath, wanted);
  if (!('kind' in found)) {
    context.issues.push(issueAt(element.at, `${tagOf(element)}: "${name}" ${found.problem}`));
    return undefined;
  }
  if (found.kind === 'gate') context.referGate(found);
  return context.names.get(found) ?? found.name;
}

/** A count attribute (`min`, `max`): a whole number >= 0. */
function count(
  element: XmlElement,
  attribute: string,
  context: FormulaContext,
): number | undefined {
  const text = element.attributes.get(attribute)?.trim();
  if (text !== undefined && /^\+?\d+$/.test(text) && Number.isSafeInteger(Number(text))) {
    return Number(text);
  }
  context.issues.push(
    issueAt(
      element.at,
      `${tagOf(element)}: ${attribute} must be a whole number >= 0; got ${JSON.stringify(text ?? null)}`,
    ),
  );
  return undefined;
}
