import { listNames, type ModelIssue } from '../../errors.js';
import { gateCycles } from './gateCycles.js';
import { issueAt, warningAt } from './located.js';
import type { RawGate } from '../../model/faultTreeSchema.js';
import { translateGate, type FormulaContext } from './mefFormula.js';
import type { Definition, MefScope } from './mefScope.js';
import type { PositionMap } from './positionMap.js';
import type { XmlElement } from './xmlTree.js';

/** What {@link buildFaultTree} needs besides the scope. */
export interface FaultTreeContext {
  readonly names: ReadonlyMap<Definition, string>;
  /** Gives a relkit event name (for the house events that stand for constants). */
  readonly allocate: (wanted: string) => string;
  readonly positions: PositionMap;
  readonly issues: ModelIssue[];
  readonly warnings: string[];
}

/**
 * Returns the relkit fault tree of every `<define-gate>` of the model: the gates by relkit name,
 * the top gate, and the house events that stand for constants in formulas. The top is the gate
 * no other gate names; when several are, the first of the first fault tree that has one, with
 * a warning naming the others. Gates that name each other in a cycle are issues.
 *
 * @param firstRoot - the first file's `<opsa-mef>`, where a model without gates is reported
 * @remarks O(gates + references).
 */
export function buildFaultTree(
  scope: MefScope,
  firstRoot: XmlElement,
  { names, allocate, positions, issues, warnings }: FaultTreeContext,
): { top: string; gates: Map<string, RawGate>; constants: Map<string, boolean> } {
  const nameOf = (definition: Definition): string => names.get(definition) ?? definition.name;
  const gates = scope.definitions.filter((definition) => definition.kind === 'gate');
  const children = new Map<Definition, Definition[]>(gates.map((gate) => [gate, []]));
  const constants = new Map<string, boolean>();
  const constantNames = new Map<boolean, string>();
  let current: Definition | undefined;
  const context: FormulaContext = {
    scope,
    names,
    issues,
    positions,
    constantEvent(value, at) {
      let name = constantNames.get(value);
      if (name === undefined) {
        name = allocate(`constant_${value}`);
        constantNames.set(value, name);
        constants.set(name, value);
        positions.record(['house_events', name], at.at);
      }
      return name;
    },
    referGate(gate) {
      if (current) children.get(current)?.push(gate);
    },
  };
  const formulas = new Map<string, RawGate>();
  for (const gate of gates) {
    current = gate;
    const formula = translateGate(
      gate.element,
      gate.basePath,
      ['fault_tree', 'gates', nameOf(gate)],
      context,
    );
    if (formula !== undefined) formulas.set(nameOf(gate), formula);
  }
  for (const cycle of gateCycles(gates, children)) {
    const [first] = cycle;
    // Gates as MEF names them: public by name, private by full name.
    const written = cycle.map((gate) => (gate.isPublic ? gate.name : gate.path));
    if (first)
      issues.push(
        issueAt(
          first.element.at,
          `gate "${written[0]}" is part of a cycle: ${written.join(' → ')}`,
        ),
      );
  }

  const referenced = new Set([...children.values()].flat());
  // The first fault tree's gates come first, model-level gates (tree -1) last.
  const rank = (gate: Definition): number => (gate.tree < 0 ? Number.POSITIVE_INFINITY : gate.tree);
  const candidates = gates.filter((gate) => !referenced.has(gate));
  const top = candidates.reduce<Definition | undefined>(
    (best, gate) => (best === undefined || rank(gate) < rank(best) ? gate : best),
    undefined,
  );
  if (gates.length === 0) {
    issues.push(
      issueAt(
        firstRoot.at,
        'holds no gate: relkit reads the fault trees of a MEF model, and there is none',
      ),
    );
  }
  if (!top) return { top: '', gates: formulas, constants };
  positions.record(['fault_tree', 'top'], top.element.at);
  positions.record(
    ['fault_tree', 'gates'],
    (scope.faultTrees[Math.max(top.tree, 0)] ?? top.element).at,
  );
  const others = candidates.filter((gate) => gate !== top).map(nameOf);
  if (others.length > 0) {
    warnings.push(
      warningAt(
        top.element.at,
        `${others.length + 1} gates are named by no other gate; the top is "${nameOf(top)}", the first of the first fault tree that has one, and these are not under it: ${listNames(others, others.length)}`,
      ),
    );
  }
  return { top: nameOf(top), gates: formulas, constants };
}
