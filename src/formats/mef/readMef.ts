import { ModelError, checkPositive, type ModelIssue } from '../../errors.js';
import type { ModelSource } from '../../model/source.js';
import { issueAt } from './located.js';
import { buildDocument } from './mefDocument.js';
import { collectScope } from './mefScope.js';
import { parseXmlTree, type XmlElement } from './xmlTree.js';

/** SCRAM's default mission time, in hours (one year): `scram --mission-time`. */
const DEFAULT_MISSION_TIME = 8760;

/** One MEF file: its name (for messages) and its XML text. */
export interface MefFile {
  readonly name: string;
  readonly text: string;
}

/** Options of {@link readMef}. */
export interface ReadMefOptions {
  /**
   * The mission time, in hours: the time MEF's `<system-mission-time/>` stands for, and at
   * which relkit reports P(top).
   * @defaultValue 8760 (SCRAM's default)
   */
  readonly missionTime?: number;
}

/** What {@link readMef} returns. */
export interface ReadMefResult {
  /** The relkit model document; `locate` maps a document path to the MEF element it came from. */
  readonly source: ModelSource;
  /** What was read differently or left out (event trees, renamed names, several top gates). */
  readonly warnings: readonly string[];
}

/**
 * Returns the relkit fault-tree model (the YAML/JSON document form) of one or more Open-PSA
 * Model Exchange Format files read as one model: their fault trees (gates, basic events, house
 * events, parameters, CCF groups, components and the public/private scoping of names).
 *
 * The model is named after the `<opsa-mef name>` attribute, else the first fault tree; its
 * time unit is hours; every gate of every fault tree is kept, and the top is the gate no other
 * gate names (the first such gate of the first fault tree that has one, with a warning naming
 * the others). Events keep their MEF names (a private one its full name, `Tree.gate`); a name
 * relkit cannot take (a parameter with `-`, a name starting with a digit, a function name such
 * as `gamma`) gets a relkit name, with a warning listing every change. The mission time is a
 * number, or the parameter `system_mission_time` when an expression uses it.
 *
 * @param files - the MEF files; names resolve across them
 * @param options - the mission time
 * @returns the document as a {@link ModelSource} and the warnings, each `file:line:column: …`
 * @throws {@link ModelError} carrying every problem found, each at `file:line:column`: invalid
 * XML, an unknown element, a name defined twice or naming nothing, a malformed number, a
 * construct relkit cannot write (periodic-test, Boolean expressions, …), a basic event without
 * an expression, gates in a cycle
 * @throws {@link ParameterError} when `options.missionTime` is not a finite number > 0
 *
 * @remarks
 * Basic events: `exponential(λ, t)`, `GLM(0, λ, μ, t)` and `Weibull(α, β, t₀, t)` at the
 * mission time become failure (and repair) times; any other expression is a fixed
 * probability. Gates: `iff`, `imply`, `cardinality` and constants are rewritten with relkit's
 * gates and house events. CCF groups keep their model and factors in level order, their
 * distribution the probability of each member. Event-tree elements (event trees, initiating events, sequences, rules, alignments, phases,
 * substitutions) are skipped with a warning each: the model carries no trace of them.
 * Expressions become relkit expressions over the parameters, their constant parts computed;
 * random deviates become their means, as SCRAM's point estimates take them. Cost: linear in the
 * text, plus O(gates + references) for the cycle check.
 *
 * @see Open-PSA Model Exchange Format, version 2.0d, https://open-psa.github.io/mef/; SCRAM
 * 0.16.2 (O. Rakhimov), the reference reader of the format, https://scram-pra.org.
 *
 * @example
 * ```ts
 * const text = '<opsa-mef><define-fault-tree name="pump"><define-gate name="top"><or><basic-event name="a"/><basic-event name="b"/></or></define-gate><define-basic-event name="a"><float value="0.1"/></define-basic-event><define-basic-event name="b"><float value="0.2"/></define-basic-event></define-fault-tree></opsa-mef>';
 * const { source, warnings } = readMef([{ name: 'pump.xml', text }]);
 * source.data.fault_tree.top; // → top
 * source.data.events.b.probability; // → 0.2
 * source.locate({ path: ['events', 'b', 'probability'], message: 'must be <= 0.1' }).column; // → 234
 * warnings.length; // → 0
 * ```
 */
export function readMef(files: readonly MefFile[], options: ReadMefOptions = {}): ReadMefResult {
  const missionTime = checkPositive(
    'readMef',
    'missionTime',
    options.missionTime ?? DEFAULT_MISSION_TIME,
  );
  const issues: ModelIssue[] = [];
  const warnings: string[] = [];
  const roots: XmlElement[] = [];
  for (const file of files) {
    const parsed = parseXmlTree(file.text, file.name);
    if ('issue' in parsed) issues.push(parsed.issue);
    else if (parsed.root.name !== 'opsa-mef') {
      issues.push(
        issueAt(parsed.root.at, `the root element must be <opsa-mef>; got <${parsed.root.name}>`),
      );
    } else roots.push(parsed.root);
  }
  const [firstRoot] = roots;
  if (issues.length > 0 || !firstRoot) {
    throw new ModelError(
      issues.length > 0 ? issues : [{ file: '<input>', path: '', message: 'no MEF file to read' }],
    );
  }
  const scope = collectScope(roots, issues, warnings);
  const built = buildDocument(scope, firstRoot, missionTime, issues, warnings);
  if (issues.length > 0) throw new ModelError(sortedIssues(issues, files));
  return { source: built.positions.source(firstRoot.at.file, built.data, firstRoot.at), warnings };
}

/** Issues in file order, then by line and column. */
function sortedIssues(issues: readonly ModelIssue[], files: readonly MefFile[]): ModelIssue[] {
  const order = new Map(files.map((file, i) => [file.name, i]));
  return issues.toSorted(
    (a, b) =>
      (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}
