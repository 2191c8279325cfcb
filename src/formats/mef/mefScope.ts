import type { ModelIssue } from '../../errors.js';
import { formatPosition, issueAt, tagOf, warningAt } from './located.js';
import type { XmlElement } from './xmlTree.js';

/** What a MEF definition defines; gates, basic events and house events share one namespace. */
export type DefinitionKind = 'gate' | 'basic-event' | 'house-event' | 'parameter';

/** One named definition of a MEF model, with the scope it was written in. */
export interface Definition {
  readonly kind: DefinitionKind;
  /** The name as written. */
  readonly name: string;
  /** The full name: the fault tree and components around it, then the name (`Tree.Pump.fails`). */
  readonly path: string;
  /** The fault tree and components it sits in (`Tree.Pump`), `''` at model level. */
  readonly basePath: string;
  /** Public names are seen everywhere by their name; private ones by their full name. */
  readonly isPublic: boolean;
  /** The `<define-…>` element, or a CCF group's `<basic-event>` member. */
  readonly element: XmlElement;
  /** The index of the fault tree it sits in, in file order; -1 at model level. */
  readonly tree: number;
}

/** A `<define-CCF-group>`, with its members (basic events it defines). */
export interface CcfGroupDefinition {
  readonly name: string;
  readonly path: string;
  readonly basePath: string;
  readonly isPublic: boolean;
  readonly element: XmlElement;
  readonly members: readonly Definition[];
}

/** Every definition of the files read as one model, and the lookup of a reference. */
export interface MefScope {
  /** In file order. */
  readonly definitions: readonly Definition[];
  readonly ccfGroups: readonly CcfGroupDefinition[];
  /** The `<define-fault-tree>` elements, in file order. */
  readonly faultTrees: readonly XmlElement[];
  /**
   * Finds what `reference` names from inside `basePath`, as MEF scoping says (SCRAM's reading):
   * a name of the same container first, then a public name, or a full name (`Tree.gate`) when
   * the reference has a dot.
   *
   * @returns the definition, or why there is none (reads after the reference, `is not …`)
   */
  resolve(
    reference: string,
    basePath: string,
    kinds: readonly DefinitionKind[],
  ): Definition | { readonly problem: string };
}

/** Top-level elements of the event-tree layer, skipped with a warning: relkit reads fault trees. */
const SKIPPED: ReadonlyMap<string, string> = new Map([
  ['define-event-tree', 'event tree'],
  ['define-initiating-event', 'initiating event'],
  ['define-sequence', 'sequence'],
  ['define-functional-event', 'functional event'],
  ['define-rule', 'rule'],
  ['define-alignment', 'alignment (its phases do not set house events here)'],
  ['define-phase', 'phase (it sets no house event here)'],
  ['define-substitution', 'substitution (it is not applied to the fault trees)'],
  ['define-extern-library', 'external library'],
  ['define-extern-function', 'external function'],
]);

/** Definitions a fault tree or component holds, and where model data may put them. */
const IN_CONTAINER = [
  'define-gate',
  'define-basic-event',
  'define-house-event',
  'define-parameter',
];
const IN_MODEL_DATA = ['define-basic-event', 'define-house-event', 'define-parameter'];

const KIND_OF: ReadonlyMap<string, DefinitionKind> = new Map([
  ['define-gate', 'gate'],
  ['define-basic-event', 'basic-event'],
  ['define-house-event', 'house-event'],
  ['define-parameter', 'parameter'],
]);

/**
 * Collects the definitions of MEF files read as one model: fault trees and their components,
 * model data, CCF groups. Event-tree elements are skipped with a warning each; an unknown
 * element, a missing or dotted name, a bad role and a name defined twice are issues.
 *
 * @param roots - the `<opsa-mef>` element of each file, in order
 * @remarks O(number of elements).
 */
export function collectScope(
  roots: readonly XmlElement[],
  issues: ModelIssue[],
  warnings: string[],
): MefScope {
  const definitions: Definition[] = [];
  const ccfGroups: CcfGroupDefinition[] = [];
  const faultTrees: XmlElement[] = [];
  const eventPaths = new Map<string, Definition>();
  const eventNames = new Map<string, Definition>();
  const parameterPaths = new Map<string, Definition>();
  const parameterNames = new Map<string, Definition>();
  const containerPaths = new Map<string, { element: XmlElement }>();
  const groupPaths = new Map<string, { element: XmlElement }>();

  const nameOf = (element: XmlElement): string | undefined => {
    const name = element.attributes.get('name');
    if (name === undefined || name.trim() === '') {
      issues.push(issueAt(element.at, `<${element.name}> must have a name`));
      return undefined;
    }
    if (name.includes('.')) {
      issues.push(issueAt(element.at, `${tagOf(element)}: a name must not contain "."`));
      return undefined;
    }
    return name;
  };
  const roleOf = (element: XmlElement, inherited: boolean): boolean => {
    const role = element.attributes.get('role');
    if (role === undefined) return inherited;
    if (role !== 'public' && role !== 'private') {
      issues.push(
        issueAt(
          element.at,
          `${tagOf(element)}: role must be public or private; got ${JSON.stringify(role)}`,
        ),
      );
      return inherited;
    }
    return role === 'public';
  };
  /** Enters `value` under `key`, or reports it at the second definition, naming it as written. */
  const claim = <T extends { element: XmlElement }>(
    table: Map<string, T>,
    key: string,
    value: T,
    what: string,
  ): boolean => {
    const first = table.get(key);
    if (first) {
      const name = value.element.attributes.get('name') ?? key;
      issues.push(
        issueAt(
          value.element.at,
          `${what} "${name}" is defined twice; first at ${formatPosition(first.element.at)}`,
        ),
      );
      return false;
    }
    table.set(key, value);
    return true;
  };
  const define = (definition: Definition): void => {
    const isParameter = definition.kind === 'parameter';
    const what = isParameter ? 'the parameter' : 'the event';
    if (!claim(isParameter ? parameterPaths : eventPaths, definition.path, definition, what))
      return;
    if (definition.isPublic) {
      claim(isParameter ? parameterNames : eventNames, definition.name, definition, what);
    }
    definitions.push(definition);
  };
  const scoped = (element: XmlElement, basePath: string, isPublic: boolean, tree: number) => {
    const name = nameOf(element);
    if (name === undefined) return undefined;
    return {
      name,
      path: basePath === '' ? name : `${basePath}.${name}`,
      basePath,
      isPublic: roleOf(element, isPublic),
      element,
      tree,
    };
  };
  const defineGroup = (element: XmlElement, basePath: string, isPublic: boolean, tree: number) => {
    const group = scoped(element, basePath, isPublic, tree);
    if (!group || !claim(groupPaths, group.path, group, 'the CCF group')) return;
    const members: Definition[] = [];
    for (const list of element.children.filter((child) => child.name === 'members')) {
      for (const member of list.children) {
        if (member.name !== 'basic-event') {
          issues.push(
            issueAt(
              member.at,
              `${tagOf(member)}: CCF group members must be <basic-event> elements`,
            ),
          );
          continue;
        }
        // A member lives beside its group (in the group's container), as SCRAM registers it.
        const defined = scoped(member, group.basePath, group.isPublic, tree);
        if (!defined) continue;
        const definition: Definition = { ...defined, kind: 'basic-event' };
        const before = definitions.length;
        define(definition);
        if (definitions.length > before) members.push(definition);
      }
    }
    ccfGroups.push({ ...group, members });
  };
  const defineAll = (
    parent: XmlElement,
    allowed: readonly string[],
    basePath: string,
    isPublic: boolean,
    tree: number,
  ): void => {
    for (const child of parent.children) {
      const kind = KIND_OF.get(child.name);
      if (kind && allowed.includes(child.name)) {
        const defined = scoped(child, basePath, isPublic, tree);
        if (defined) define({ ...defined, kind });
      } else if (child.name === 'define-CCF-group' && allowed === IN_CONTAINER) {
        defineGroup(child, basePath, isPublic, tree);
      } else if (child.name === 'define-component' && allowed === IN_CONTAINER) {
        const component = scoped(child, basePath, isPublic, tree);
        if (component && claim(containerPaths, component.path, component, 'the component')) {
          defineAll(child, IN_CONTAINER, component.path, component.isPublic, tree);
        }
      } else if (child.name !== 'label' && child.name !== 'attributes') {
        issues.push(
          unknownElement(
            child,
            parent,
            allowed === IN_CONTAINER
              ? [...allowed, 'define-CCF-group', 'define-component']
              : allowed,
          ),
        );
      }
    }
  };

  for (const root of roots) {
    for (const child of root.children) {
      const skipped = SKIPPED.get(child.name);
      if (child.name === 'define-fault-tree') {
        const name = nameOf(child);
        if (name === undefined) continue;
        if (!claim(containerPaths, name, { element: child }, 'the fault tree')) continue;
        faultTrees.push(child);
        defineAll(child, IN_CONTAINER, name, true, faultTrees.length - 1);
      } else if (child.name === 'model-data') {
        defineAll(child, IN_MODEL_DATA, '', true, -1);
      } else if (child.name === 'define-CCF-group') {
        defineGroup(child, '', true, -1);
      } else if (KIND_OF.has(child.name)) {
        // Lenient: definitions straight under <opsa-mef> are read as model data.
        defineAll({ ...root, children: [child] }, IN_CONTAINER, '', true, -1);
      } else if (skipped) {
        warnings.push(
          warningAt(
            child.at,
            `${tagOf(child)} skipped: relkit reads only the fault trees of a MEF model, not this ${skipped}`,
          ),
        );
      } else if (child.name !== 'label' && child.name !== 'attributes') {
        issues.push(
          unknownElement(child, root, [
            'define-fault-tree',
            'model-data',
            'define-CCF-group',
            ...SKIPPED.keys(),
          ]),
        );
      }
    }
  }

  // For messages only: a private definition of each name, indexed once on the first miss.
  const privates = new Map<boolean, Map<string, Definition>>();
  const privateNamed = (isParameter: boolean): Map<string, Definition> => {
    let index = privates.get(isParameter);
    if (!index) {
      index = new Map();
      for (const definition of (isParameter ? parameterPaths : eventPaths).values()) {
        if (!definition.isPublic && !index.has(definition.name)) {
          index.set(definition.name, definition);
        }
      }
      privates.set(isParameter, index);
    }
    return index;
  };
  const resolve: MefScope['resolve'] = (reference, basePath, kinds) => {
    const isParameter = kinds.includes('parameter');
    const paths = isParameter ? parameterPaths : eventPaths;
    const names = isParameter ? parameterNames : eventNames;
    const find = (wanted: readonly DefinitionKind[]): Definition | undefined => {
      const pick = (definition: Definition | undefined) =>
        definition && wanted.includes(definition.kind) ? definition : undefined;
      return (
        (basePath === '' ? undefined : pick(paths.get(`${basePath}.${reference}`))) ??
        (reference.includes('.') ? pick(paths.get(reference)) : pick(names.get(reference)))
      );
    };
    const found = find(kinds);
    if (found) return found;
    const other = find(['gate', 'basic-event', 'house-event']);
    const wanted = kinds.map((kind) => kind.replace('-', ' ')).join(' or ');
    if (other) return { problem: `is a ${other.kind.replace('-', ' ')}, not a ${wanted}` };
    const hidden = privateNamed(isParameter).get(reference);
    const hint =
      hidden && kinds.includes(hidden.kind)
        ? ` here (the private ${hidden.path} is reached by that full name)`
        : '';
    return { problem: `names no defined ${wanted}${hint}` };
  };

  return { definitions, ccfGroups, faultTrees, resolve };
}

function unknownElement(
  element: XmlElement,
  parent: XmlElement,
  allowed: readonly string[],
): ModelIssue {
  return issueAt(
    element.at,
    `unknown element <${element.name}> in <${parent.name}>; expected ${allowed.map((name) => `<${name}>`).join(', ')}`,
  );
}
