import { listNames, type ModelIssue } from '../../errors.js';
import { RESERVED_NAMES } from '../../model/expression.js';
import { EVENT_NAME_PATTERN } from '../../model/faultTreeSchema.js';
import { NAME_PATTERN, type Numeric } from '../../model/schemaKit.js';
import { contentOf, issueAt, tagOf } from './located.js';
import { translateBasicEvent, type EventDocument } from './mefBasicEvent.js';
import { translateCcfGroup, type CommonCauseDocument } from './mefCcfGroup.js';
import {
  MISSION_TIME_PARAMETER,
  translateExpression,
  type ExpressionContext,
} from './mefExpression.js';
import { buildFaultTree } from './mefFaultTree.js';
import type { Definition, MefScope } from './mefScope.js';
import { nameAllocator } from './nameAllocator.js';
import { positionMap, type PositionMap } from './positionMap.js';
import { toNumeric } from './term.js';
import type { XmlElement } from './xmlTree.js';

/**
 * Returns the relkit document of a MEF model (see readMef) and where each of its parts came
 * from: relkit names for every definition, then parameters, house events, CCF groups (whose
 * members' events they give), basic events and the fault tree, each translated in file order.
 *
 * @param firstRoot - the first file's `<opsa-mef>`: the model's name, and where the document is
 * when nothing nearer is
 * @param missionTime - what `<system-mission-time/>` stands for, in hours
 * @remarks O(elements).
 */
export function buildDocument(
  scope: MefScope,
  firstRoot: XmlElement,
  missionTime: number,
  issues: ModelIssue[],
  warnings: string[],
): { data: object; positions: PositionMap } {
  const positions = positionMap();
  // Event names keep MEF's `-` and `.` (relkit takes them); parameters are named in expressions.
  const eventNames = nameAllocator(EVENT_NAME_PATTERN);
  const parameterNames = nameAllocator(NAME_PATTERN, [...RESERVED_NAMES, MISSION_TIME_PARAMETER]);
  const groupNames = nameAllocator(EVENT_NAME_PATTERN);
  const names = new Map<Definition, string>();
  for (const definition of scope.definitions) {
    const allocator = definition.kind === 'parameter' ? parameterNames : eventNames;
    names.set(
      definition,
      allocator.allocate(definition.isPublic ? definition.name : definition.path),
    );
  }
  const nameOf = (definition: Definition): string => names.get(definition) ?? definition.name;
  const expression: ExpressionContext = { scope, names, issues, missionTimeUsed: false };
  const of = (kind: Definition['kind']) => scope.definitions.filter((d) => d.kind === kind);

  const parameters = new Map<string, Numeric>();
  for (const definition of of('parameter')) {
    const content = contentOf(definition.element);
    const [value] = content;
    if (!value || content.length > 1) {
      issues.push(
        issueAt(
          definition.element.at,
          `${tagOf(definition.element)} must hold one expression; got ${content.length}`,
        ),
      );
      continue;
    }
    const term = translateExpression(value, definition.basePath, expression);
    if (!term) continue;
    parameters.set(nameOf(definition), toNumeric(term));
    positions.record(['parameters', nameOf(definition)], value.at, definition.element.at);
  }

  const houseEvents = new Map<string, boolean>();
  for (const definition of of('house-event')) {
    const value = houseEventValue(definition.element, issues);
    if (value === undefined) continue;
    houseEvents.set(nameOf(definition), value.value);
    positions.record(['house_events', nameOf(definition)], value.at.at, definition.element.at);
  }

  const commonCause: CommonCauseDocument[] = [];
  const memberEvents = new Map<Definition, EventDocument>();
  for (const group of scope.ccfGroups) {
    const name = groupNames.allocate(group.isPublic ? group.name : group.path);
    const path = ['common_cause', commonCause.length];
    const translated = translateCcfGroup(group, name, path, { expression, positions, names });
    if (!translated) continue;
    commonCause.push(translated.group);
    for (const [member, event] of translated.events) memberEvents.set(member, event);
    positions.record([...path, 'name'], group.element.at);
  }

  const events = new Map<string, EventDocument>();
  for (const definition of of('basic-event')) {
    const path = ['events', nameOf(definition)];
    const event =
      memberEvents.get(definition) ??
      (definition.element.name === 'define-basic-event'
        ? translateBasicEvent(definition.element, definition.basePath, expression, (at, position) =>
            positions.record([...path, ...at], position),
          )
        : undefined);
    if (!event) continue;
    events.set(nameOf(definition), event);
    positions.record(path, definition.element.at);
  }

  const faultTree = buildFaultTree(scope, firstRoot, {
    names,
    allocate: eventNames.allocate,
    positions,
    issues,
    warnings,
  });
  for (const [name, value] of faultTree.constants) houseEvents.set(name, value);

  const renamed = [...eventNames.renamed, ...parameterNames.renamed, ...groupNames.renamed];
  if (renamed.length > 0) {
    const pairs = renamed.map(([from, to]) => `${JSON.stringify(from)} → ${to}`);
    warnings.push(
      `${firstRoot.at.file}: ${renamed.length} MEF name${renamed.length === 1 ? '' : 's'} changed to fit relkit names (parameters: letters, digits and _, not a function name; events: also - and . between parts; not starting with a digit; unique): ${listNames(pairs, pairs.length)}`,
    );
  }

  const [firstTree] = scope.faultTrees;
  const modelName = firstRoot.attributes.get('name');
  const named = modelName === undefined ? firstTree : firstRoot;
  if (named) positions.record(['name'], named.at);
  if (firstTree) positions.record(['fault_tree'], firstTree.at);
  if (expression.missionTimeUsed) parameters.set(MISSION_TIME_PARAMETER, missionTime);
  const parameterList = [...parameters].sort(
    ([a], [b]) => Number(b === MISSION_TIME_PARAMETER) - Number(a === MISSION_TIME_PARAMETER),
  );
  const data = {
    name: modelName ?? firstTree?.attributes.get('name') ?? firstRoot.at.file,
    time_unit: 'h',
    mission_time: expression.missionTimeUsed ? MISSION_TIME_PARAMETER : missionTime,
    ...(parameters.size > 0 && { parameters: Object.fromEntries(parameterList) }),
    ...(events.size > 0 && { events: Object.fromEntries(events) }),
    ...(houseEvents.size > 0 && { house_events: Object.fromEntries(houseEvents) }),
    fault_tree: { top: faultTree.top, gates: Object.fromEntries(faultTree.gates) },
    ...(commonCause.length > 0 && { common_cause: commonCause }),
  };
  return { data, positions };
}

/** A house event's value: its `<constant value>`, false when it has none. */
function houseEventValue(
  element: XmlElement,
  issues: ModelIssue[],
): { value: boolean; at: XmlElement } | undefined {
  const content = contentOf(element);
  const [constant] = content;
  if (!constant) return { value: false, at: element };
  const value = constant.attributes.get('value')?.trim();
  if (
    content.length > 1 ||
    constant.name !== 'constant' ||
    value === undefined ||
    !['true', 'false', '1', '0'].includes(value)
  ) {
    issues.push(
      issueAt(
        element.at,
        `${tagOf(element)} must hold nothing or one <constant value="true|false"/>`,
      ),
    );
    return undefined;
  }
  return { value: value === 'true' || value === '1', at: constant };
}
