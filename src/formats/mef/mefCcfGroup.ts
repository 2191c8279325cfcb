import type { Path } from '../../model/source.js';
import type { Numeric } from '../../model/schemaKit.js';
import { contentOf, issueAt, tagOf } from './located.js';
import { translateBasicEvent, type EventDocument } from './mefBasicEvent.js';
import { translateExpression, type ExpressionContext } from './mefExpression.js';
import type { CcfGroupDefinition, Definition } from './mefScope.js';
import type { PositionMap } from './positionMap.js';
import { toNumeric } from './term.js';
import type { XmlElement, XmlPosition } from './xmlTree.js';

/** A common-cause group as the relkit model writes it. */
export interface CommonCauseDocument {
  readonly name: string;
  readonly members: readonly string[];
  readonly model: CcfModel;
  /** beta-factor: [β]; MGL: [β, γ, δ, …] (levels 2, 3, …); alpha-factor: [α₁, …]; phi-factor: [φ₁, …]. */
  readonly factors: readonly Numeric[];
}

type CcfModel = 'beta-factor' | 'MGL' | 'alpha-factor' | 'phi-factor';

/** What one group needs besides its definition. */
export interface CcfGroupContext {
  readonly expression: ExpressionContext;
  readonly positions: PositionMap;
  /** The relkit name of every event definition. */
  readonly names: ReadonlyMap<Definition, string>;
}

/**
 * Translates a `<define-CCF-group>`: its members become basic events whose probability (or
 * failure times) is the group's `<distribution>`, the total probability of each member, and
 * the group lists its factors in level order. Levels are numbered as MEF and SCRAM number them
 * (src/ccf_group.cc): a factor's `level` attribute, or one above the previous factor's, starting
 * at the model's first level: the number of members for beta-factor (its single factor is the
 * probability that all fail together), 2 for MGL (β, γ, δ, …), 1 for alpha- and phi-factor.
 *
 * @param path - where the group goes, `['common_cause', i]`
 * @returns the group, and the event of each member; or undefined after pushing located issues
 */
export function translateCcfGroup(
  group: CcfGroupDefinition,
  name: string,
  path: Path,
  context: CcfGroupContext,
): { group: CommonCauseDocument; events: Map<Definition, EventDocument> } | undefined {
  const { issues } = context.expression;
  const { element } = group;
  const { positions } = context;
  const fail = (at: XmlElement, message: string): undefined => {
    issues.push(issueAt(at.at, `${tagOf(at)}: ${message}`));
    return undefined;
  };
  const model = element.attributes.get('model');
  if (
    model !== 'beta-factor' &&
    model !== 'MGL' &&
    model !== 'alpha-factor' &&
    model !== 'phi-factor'
  ) {
    return fail(
      element,
      `model must be beta-factor, MGL, alpha-factor or phi-factor; got ${JSON.stringify(model ?? null)}`,
    );
  }
  const n = group.members.length;
  if (n < 2) return fail(element, `a CCF group must have at least 2 members; got ${n}`);
  const content = contentOf(element);
  const distributions = content.filter((child) => child.name === 'distribution');
  const [distribution] = distributions;
  if (!distribution || distributions.length > 1) {
    return fail(element, `must hold one <distribution>; got ${distributions.length}`);
  }
  const parts: [Path, XmlPosition][] = [];
  const event = translateBasicEvent(
    distribution,
    group.basePath,
    context.expression,
    (at, position) => parts.push([at, position]),
  );
  const factors = levelFactors(element, content, model, n, group.basePath, context.expression);
  if (!event || !factors) return undefined;

  const events = new Map<Definition, EventDocument>();
  for (const member of group.members) {
    const memberPath = ['events', context.names.get(member) ?? member.name];
    positions.record(memberPath, distribution.at, member.element.at);
    for (const [at, position] of parts) positions.record([...memberPath, ...at], position);
    // A copy each, so the document is plain data as JSON.parse would give (no shared objects).
    events.set(member, structuredClone(event));
  }
  positions.record(path, element.at);
  positions.record([...path, 'model'], element.at);
  const list = content.find((child) => child.name === 'members') ?? element;
  positions.record([...path, 'members'], list.at);
  group.members.forEach((member, i) =>
    positions.record([...path, 'members', i], member.element.at),
  );
  const [first] = factors;
  positions.record(
    [...path, 'factors'],
    (content.find((child) => child.name === 'factors') ?? first?.element ?? element).at,
  );
  factors.forEach((factor, i) => positions.record([...path, 'factors', i], factor.element.at));
  return {
    group: {
      name,
      members: group.members.map((member) => context.names.get(member) ?? member.name),
      model,
      factors: factors.map((factor) => factor.value),
    },
    events,
  };
}

/** The group's factors in level order, checked: no level twice, none missing, none out of range. */
function levelFactors(
  element: XmlElement,
  content: readonly XmlElement[],
  model: CcfModel,
  n: number,
  basePath: string,
  context: ExpressionContext,
): { element: XmlElement; value: Numeric }[] | undefined {
  const { issues } = context;
  const fail = (at: XmlElement, message: string): undefined => {
    issues.push(issueAt(at.at, `${tagOf(at)}: ${message}`));
    return undefined;
  };
  const first = model === 'beta-factor' ? n : model === 'MGL' ? 2 : 1;
  const elements = content.flatMap((child) =>
    child.name === 'factors' ? child.children : child.name === 'factor' ? [child] : [],
  );
  for (const child of content) {
    if (!['members', 'distribution', 'factor', 'factors'].includes(child.name)) {
      return fail(child, 'is not part of a CCF group (members, distribution, factor, factors)');
    }
  }
  if (model === 'beta-factor' && elements.length !== 1) {
    return fail(element, `a beta-factor group takes one factor; got ${elements.length}`);
  }
  const byLevel = new Map<number, { element: XmlElement; value: Numeric }>();
  let previous = first - 1;
  let failed = false;
  for (const factor of elements) {
    const written = factor.attributes.get('level')?.trim();
    const level =
      written === undefined
        ? previous + 1
        : /^\+?\d+$/.test(written)
          ? Number(written)
          : Number.NaN;
    const [expression, ...extra] = factor.children;
    if (factor.name !== 'factor' || !expression || extra.length > 0) {
      failed = fail(factor, 'a factor is a <factor> element holding one expression') ?? true;
    } else if (!(Number.isSafeInteger(level) && level >= first && level <= n)) {
      failed =
        fail(
          factor,
          `level must be a whole number in [${first}, ${n}] for a ${model} group of ${n} members; got ${written}`,
        ) ?? true;
    } else if (byLevel.has(level)) {
      failed = fail(factor, `level ${level} has a factor already`) ?? true;
    } else {
      const value = translateExpression(expression, basePath, context);
      if (value) byLevel.set(level, { element: factor, value: toNumeric(value) });
      else failed = true;
      previous = level;
    }
  }
  if (failed) return undefined;
  const last = Math.max(first - 1, ...byLevel.keys());
  const factors = [];
  for (let level = first; level <= last; level++) {
    const factor = byLevel.get(level);
    if (!factor)
      return fail(
        element,
        `has no factor for level ${level} (levels ${first} to ${last} are needed)`,
      );
    factors.push(factor);
  }
  if (factors.length === 0) return fail(element, 'has no factor');
  return factors;
}
