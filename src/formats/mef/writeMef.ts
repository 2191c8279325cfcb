import { distributionFromSpec } from '../../distributions/registry.js';
import { UnsupportedModelError, withArticle } from '../../errors.js';
import { refuseUnsupportedUpkeep } from '../../model/upkeepSupport.js';
import { sharedRepairReason } from '../../model/sharedRepairs.js';
import {
  unitComponent,
  type FaultNode,
  type FaultTreeModel,
  type Model,
  type SystemNode,
} from '../../model/Model.js';
import { compileStructure } from '../../structure/compileStructure.js';

const WHERE = 'mef';
const STATIC_EVENTS =
  'MEF basic events here are fixed probabilities, exponential failure times (GLM with an exponential repair) and Weibull failure times without repair';
const SOLVE_INSTEAD = 'solve the model with relkit analyze, markov or simulate instead';

// A MEF identifier, as SCRAM's schema (input.rng, `Identifier`) takes it, kept to ASCII: an
// NCName without dots whose hyphens stand alone between other characters.
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*$/;
// Characters XML 1.0 does not allow, even escaped.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Returns the Open-PSA Model Exchange Format (MEF) XML of a model whose structure is static: its
 * fault tree, or its block structure turned into failure logic, with one basic event per event
 * or unit.
 *
 * $$
 * P(e) = q \;\text{(fixed)},\quad 1 - e^{-\lambda t},\quad
 * \frac{\lambda}{\lambda+\mu}\big(1 - e^{-(\lambda+\mu)t}\big)\;(\mathrm{GLM}(0, \lambda, \mu, t)),
 * \quad 1 - e^{-((t - t_0)/\eta)^{k}}\;(\mathrm{Weibull}(\eta, k, t_0, t))
 * $$
 * - q: a fixed probability; λ, μ: exponential failure and repair rates per time unit;
 *   η, k, t₀: Weibull scale, shape and location; t: `<system-mission-time/>`
 *
 * Block structures become failure logic by duality: series → or, parallel → and, k of n working
 * → at least n − k + 1 of n failing (k = 0: the constant false), a network → the or of its
 * minimal cut sets (each an and), hot standby with perfect, instantaneous switching → and. Each
 * block is a gate named after its path in the model (`system.series[1].koon` →
 * `system_series_1_koon`).
 *
 * @param model - a loaded model with a `faultTree` (written as is) or a `system`
 * @returns the XML text: a comment with the mission time, the parameters and the naming rule,
 * then `<opsa-mef>` with one `<define-fault-tree>` (top gate first) and `<model-data>`
 * @throws {@link UnsupportedModelError} when the model has no static fault-tree form: a
 * hand-written Markov chain; a standby block that is not hot with perfect, instantaneous
 * switching; a unit with coverage < 1, or with a detection delay and repair; repairable units
 * sharing fewer crews than they are or a spare pool, or `idle_while_down` with repair; a failure law other than
 * exponential or Weibull, a repairable Weibull, or a repair law other than exponential (the
 * message names the event and what MEF expresses); more minimal cut sets in a network than
 * `compileStructure` lists
 *
 * @remarks
 * Numbers are the evaluated ones (the model holds no expressions), written in shortest
 * round-trip form. The mission time is not in the file: MEF tools take it from their command
 * line (`scram --mission-time`), so the header comment and the top `<label>` state it, and rates
 * are per the model's time unit. Names that are not MEF identifiers (ASCII letters, digits, `_`,
 * single inner `-`; not starting with a digit) are rewritten: each run of other characters
 * becomes `_`, a `_` left at the end is dropped, `_` goes before a leading digit or an empty
 * name, and `_2`, `_3`, … is appended while the name is taken (names that were valid are
 * reserved first, so they never change); the element's `<label>` keeps the original. Names are
 * case-sensitive, as in SCRAM. Common-cause groups are written expanded, as the evaluated model
 * holds them: each member with its independent share, each group event (`[a b]`) as a basic
 * event, and the or of a member's shares in place of the member; the groups as written (model,
 * members, factors) are listed in the header comment, not as `define-CCF-group`, because the
 * model keeps neither the members' total probabilities nor the tree before the expansion. An
 * unnamed gate used at several places is written at each. MEF's and, or and at-least take at
 * least two arguments and xor exactly two, so gates with fewer are reduced (a one-child and is
 * its child, nand of one child is not) and a wider xor is nested. Cost O(model size + network
 * cut sets).
 *
 * @see Open-PSA, Open-PSA Model Exchange Format, version 2.0d, 2008,
 * https://open-psa.github.io/mef/ (fault tree layer §4, built-ins §5.2.4: exponential, GLM,
 * Weibull).
 *
 * @example
 * ```ts
 * const pair = loadModel('name: pair\ncomponents:\n  disk: { count: 2, failure: { rate: 0.001 } }\nsystem: { parallel: [disk] }');
 * writeMef(pair).includes('<define-basic-event name="disk_1">'); // → true
 * writeMef(pair).includes('<and>'); // → true
 * ```
 */
export function writeMef(model: Model): string {
  if (model.systems !== undefined) {
    throw new UnsupportedModelError(
      WHERE,
      `the model has several systems (${model.systems.map((s) => s.name).join(', ')}), and a MEF file here holds one top event`,
      'export one system: relkit export --system NAME (systemView in the library)',
    );
  }
  checkIndependentUnits(model);
  let logic: Logic;
  if (model.faultTree) logic = faultTreeLogic(model, model.faultTree);
  else if (model.system) logic = blockLogic(model, model.system);
  else {
    throw new UnsupportedModelError(
      WHERE,
      'the model is a hand-written Markov chain, which has no fault-tree form',
      'export a model with a system or fault_tree section',
    );
  }
  return serialize(model, logic);
}

/** A formula of MEF's fault-tree layer over numbered definitions. */
type Formula =
  | { readonly op: 'basic-event' | 'house-event' | 'gate'; readonly id: number }
  | { readonly op: 'constant'; readonly value: boolean }
  | {
      readonly op: 'and' | 'or' | 'xor' | 'nand' | 'nor' | 'not';
      readonly args: readonly Formula[];
    }
  | { readonly op: 'atleast'; readonly min: number; readonly args: readonly Formula[] };

/** The definitions of one file; ids index `names`, one namespace as in relkit and SCRAM. */
interface Logic {
  /** Original names by id: event, house event and gate names, or a block's path. */
  readonly names: string[];
  /** Gates, the top first. */
  readonly gates: { readonly id: number; readonly formula: Formula }[];
  readonly houses: { readonly id: number; readonly value: boolean }[];
  /** Basic events with their probability expression (XML lines). */
  readonly events: { readonly id: number; readonly expression: readonly string[] }[];
}

const FALSE: Formula = { op: 'constant', value: false };
const TRUE: Formula = { op: 'constant', value: true };

function faultTreeLogic(model: Model, tree: FaultTreeModel): Logic {
  const logic: Logic = { names: [], gates: [], houses: [], events: [] };
  const define = (name: string): number => logic.names.push(name) - 1;
  const events = tree.events.map((event) => {
    const id = define(event.name);
    const expression =
      'probability' in event ? [float(event.probability)] : unitExpression(model, event.unit);
    logic.events.push({ id, expression });
    return id;
  });
  const houses = new Map<string, number>();
  const house = (name: string, value: boolean): number => {
    let id = houses.get(name);
    if (id === undefined) {
      id = define(name);
      houses.set(name, id);
      logic.houses.push({ id, value });
    }
    return id;
  };
  for (const [name, value] of Object.entries(tree.houseEvents)) house(name, value);
  const gates = new Map<FaultNode, number>();
  const queue: { readonly node: FaultNode; readonly id: number }[] = [];
  const gate = (node: FaultNode, name: string): number => {
    let id = gates.get(node);
    if (id === undefined) {
      id = define(name);
      gates.set(node, id);
      queue.push({ node, id });
    }
    return id;
  };
  const reference = (node: FaultNode): Formula => {
    if (node.kind === 'event') {
      const id = events[node.event];
      if (id === undefined) throw new Error(`internal: fault tree names event ${node.event}`);
      return { op: 'basic-event', id };
    }
    if (node.kind === 'house') return { op: 'house-event', id: house(node.name, node.value) };
    return node.name === undefined ? body(node) : { op: 'gate', id: gate(node, node.name) };
  };
  const body = (node: FaultNode): Formula => {
    const args = 'children' in node ? node.children.map(reference) : [];
    if (node.kind === 'atleast') return atleast(node.k, args);
    if (node.kind === 'event' || node.kind === 'house') return reference(node);
    return connective(node.kind, args);
  };
  gate(tree.root, tree.top);
  // Breadth first from the top; the queue grows while it is read.
  for (const { node, id } of queue) logic.gates.push({ id, formula: body(node) });
  return logic;
}

function blockLogic(model: Model, system: SystemNode): Logic {
  const logic: Logic = { names: [], gates: [], houses: [], events: [] };
  model.units.forEach((unit, index) => {
    logic.names.push(unit.name);
    logic.events.push({ id: index, expression: unitExpression(model, index) });
  });
  const queue: { readonly node: SystemNode; readonly id: number }[] = [];
  const unit = (index: number): Formula => ({ op: 'basic-event', id: index });
  const reference = (node: SystemNode): Formula => {
    if (node.kind === 'unit') return unit(node.unit);
    const id = logic.names.push(node.path) - 1;
    queue.push({ node, id });
    return { op: 'gate', id };
  };
  const body = (node: SystemNode): Formula => {
    switch (node.kind) {
      case 'unit':
        return unit(node.unit);
      case 'series':
        return connective('or', node.children.map(reference));
      case 'parallel':
        return connective('and', node.children.map(reference));
      case 'koon':
        return atleast(node.children.length - node.k + 1, node.children.map(reference));
      case 'standby':
        if (node.mode !== 'hot' || node.switchSuccess !== 1 || node.switchDelay) {
          const switching = node.switchSuccess !== 1 ? 'imperfect' : 'delayed';
          throw new UnsupportedModelError(
            WHERE,
            `the standby block at ${node.path} is ${node.mode === 'hot' ? `hot with ${switching} switching` : node.mode}: a dynamic block has no static fault-tree form`,
            `only hot standby with perfect, instantaneous switching (an and gate) is written; ${SOLVE_INSTEAD}`,
          );
        }
        return connective('and', node.units.map(unit));
      case 'network': {
        const edges = node.edges.map(({ from, to, unit }) => ({ from, to, component: unit }));
        const network = { kind: 'network', source: node.source, sink: node.sink, edges } as const;
        const cuts = compileStructure(network, model.units.length).minimalCutSets();
        return connective(
          'or',
          cuts.map((cut) => connective('and', cut.map(unit))),
        );
      }
    }
  };
  queue.push({ node: system, id: logic.names.push(system.path) - 1 });
  // Breadth first from the top; the queue grows while it is read.
  for (const { node, id } of queue) logic.gates.push({ id, formula: body(node) });
  return logic;
}

/**
 * Refuses what makes units dependent, which independent basic events cannot express; the same
 * conditions as the analytic solver's (checkAnalyticSupport), and coverage < 1 even without
 * repair (an uncovered failure downs the system whatever the other units do).
 */
function checkIndependentUnits(model: Model): void {
  const refuse = (reason: string): never => {
    throw new UnsupportedModelError(WHERE, reason, SOLVE_INSTEAD);
  };
  refuseUnsupportedUpkeep(model, WHERE, [], SOLVE_INSTEAD);
  for (const component of model.components) {
    if (component.coverage < 1) {
      refuse(
        `component ${component.name} has coverage ${component.coverage} < 1: an uncovered failure downs the system, a dependency a static fault tree cannot express`,
      );
    }
    if (component.repair && component.detection) {
      refuse(
        `component ${component.name} has a detection delay before its repair, which MEF's GLM (exponential failure and repair) cannot express`,
      );
    }
  }
  const shared = sharedRepairReason(model);
  if (shared !== undefined) refuse(shared);
}

/** The MEF expression of a unit's probability of being failed at the mission time. */
function unitExpression(model: Model, unit: number): string[] {
  const component = unitComponent(model, unit);
  const name = model.units[unit]?.name ?? component.name;
  const failure = distributionFromSpec(component.failure);
  const refuse = (what: string): never => {
    throw new UnsupportedModelError(WHERE, `event ${name} has ${what}`, `${STATIC_EVENTS}`);
  };
  const time = '<system-mission-time/>';
  if (component.repair) {
    const repair = distributionFromSpec(component.repair);
    if (failure.family !== 'exponential') refuse(`a repairable ${failure.family} lifetime`);
    if (repair.family !== 'exponential') refuse(`${withArticle(repair.family)} repair time`);
    const { rate } = failure.parameters;
    return builtIn('GLM', [float(0), float(rate), float(repair.parameters.rate), time]);
  }
  if (failure.family === 'exponential') {
    return builtIn('exponential', [float(failure.parameters.rate), time]);
  }
  if (failure.family === 'weibull') {
    const { scale, shape, location } = failure.parameters;
    return builtIn('Weibull', [float(scale), float(shape), float(location ?? 0), time]);
  }
  return refuse(`${withArticle(failure.family)} lifetime`);
}

function builtIn(tag: string, args: readonly string[]): string[] {
  return [`<${tag}>`, ...args.map((arg) => `  ${arg}`), `</${tag}>`];
}

function float(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) {
    throw new Error(`internal: a MEF number must be finite; got ${value}`);
  }
  return `<float value="${value}"/>`;
}

/** A gate of `op` over `args`, reduced to what MEF accepts for fewer than two arguments. */
function connective(
  op: Exclude<FaultNode['kind'], 'event' | 'house' | 'atleast'>,
  args: readonly Formula[],
): Formula {
  const [first, second, ...rest] = args;
  if (op === 'not') {
    if (first === undefined || second !== undefined) {
      throw new Error(`internal: a not gate takes one child; got ${args.length}`);
    }
    return { op, args };
  }
  if (first === undefined) return op === 'and' || op === 'nor' ? TRUE : FALSE;
  if (second === undefined) {
    return op === 'nand' || op === 'nor' ? { op: 'not', args: [first] } : first;
  }
  if (op === 'xor') {
    // MEF's xor takes exactly two arguments; parity is associative.
    return rest.reduce<Formula>((sum, arg) => ({ op, args: [sum, arg] }), {
      op,
      args: [first, second],
    });
  }
  return { op, args };
}

/** At least `min` of `args` occur, reduced to and/or/constants where MEF needs it. */
function atleast(min: number, args: readonly Formula[]): Formula {
  if (min <= 0) return TRUE;
  if (min > args.length) return FALSE;
  if (min === 1) return connective('or', args);
  if (min === args.length) return connective('and', args);
  return { op: 'atleast', min, args };
}

function serialize(model: Model, logic: Logic): string {
  const names = mefNames(logic.names);
  const nameOf = (id: number): string => {
    const name = names[id];
    if (name === undefined) throw new Error(`internal: no MEF name for definition ${id}`);
    return name;
  };
  const labelled = (tag: string, id: number, body: readonly string[]): string[] => {
    const original = logic.names[id] ?? '';
    const label = nameOf(id) === original ? [] : [`  <label>${text(original)}</label>`];
    return [
      `<${tag} name="${attribute(nameOf(id))}">`,
      ...label,
      ...body.map((line) => `  ${line}`),
      `</${tag}>`,
    ];
  };
  const formula = (f: Formula): string[] => {
    switch (f.op) {
      case 'basic-event':
      case 'house-event':
      case 'gate':
        return [`<${f.op} name="${attribute(nameOf(f.id))}"/>`];
      case 'constant':
        return [`<constant value="${f.value}"/>`];
      default: {
        const open = f.op === 'atleast' ? `<atleast min="${f.min}">` : `<${f.op}>`;
        return [open, ...f.args.flatMap(formula).map((line) => `  ${line}`), `</${f.op}>`];
      }
    }
  };
  const time =
    model.missionTime === undefined ? undefined : `${model.missionTime} ${model.timeUnit}`;
  const indent = (lines: readonly string[], depth: number): string[] =>
    lines.map((line) => `${'  '.repeat(depth)}${line}`);
  const data = [
    ...logic.houses.flatMap(({ id, value }) =>
      labelled('define-house-event', id, [`<constant value="${value}"/>`]),
    ),
    ...logic.events.flatMap(({ id, expression }) => labelled('define-basic-event', id, expression)),
  ];
  const description = model.description.trim();
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    ...header(model, time),
    '<opsa-mef>',
    `  <label>${text(`${model.name}; ${time ? `mission time ${time}` : 'no mission time given'}`)}</label>`,
    `  <define-fault-tree name="${attribute(mefNames([model.name])[0] ?? '_')}">`,
    ...(description === '' ? [] : [`    <label>${text(description)}</label>`]),
    ...indent(
      logic.gates.flatMap(({ id, formula: f }) => labelled('define-gate', id, formula(f))),
      2,
    ),
    '  </define-fault-tree>',
    ...(data.length === 0 ? [] : ['  <model-data>', ...indent(data, 2), '  </model-data>']),
    '</opsa-mef>',
    '',
  ].join('\n');
}

function header(model: Model, time: string | undefined): string[] {
  const parameters = Object.entries(model.parameters);
  const groups = model.faultTree?.commonCause ?? [];
  const lines = [
    `Open-PSA MEF written by relkit from the model ${JSON.stringify(model.name)}.`,
    time
      ? `Mission time: ${time}. MEF tools take it from their command line (SCRAM: option mission-time ${model.missionTime}); rates here are per ${model.timeUnit}.`
      : `The model gives no mission time: give one on the MEF tool's command line (SCRAM: option mission-time), in ${model.timeUnit}, the unit of the rates here.`,
    ...(parameters.length === 0
      ? []
      : [
          `Parameters (written as their values): ${parameters.map(([name, value]) => `${name} = ${value}`).join(', ')}.`,
        ]),
    'Names that are not MEF identifiers are rewritten (runs of other characters become _, a final _ is dropped, _ goes before a leading digit, _2, _3, ... makes them unique); each such element keeps its original name in <label>.',
    ...(groups.length === 0
      ? []
      : [
          'Common-cause groups, written expanded (members with their independent share, one basic event per group of failing members, a member standing for the or of its shares), because the evaluated model keeps neither the total probabilities nor the tree before the expansion:',
          ...groups.map(
            (group) =>
              `  ${group.name}: ${group.model} over ${group.members.join(', ')}; factors ${group.factors.join(', ')}`,
          ),
        ]),
  ];
  return ['<!--', ...lines.map((line) => `  ${comment(line)}`), '-->'];
}

/**
 * The MEF name of each original name, in order: valid identifiers kept (reserved first), the
 * others rewritten and made unique (see {@link writeMef}).
 */
function mefNames(originals: readonly string[]): string[] {
  const taken = new Set(originals.filter((name) => IDENTIFIER.test(name)));
  const seen = new Set<string>();
  return originals.map((name) => {
    if (IDENTIFIER.test(name) && !seen.has(name)) {
      seen.add(name);
      return name;
    }
    let base = name.replace(/[^A-Za-z0-9_]+/g, '_').replace(/_$/, '');
    if (!/^[A-Za-z_]/.test(base)) base = `_${base}`;
    let given = base;
    for (let suffix = 2; taken.has(given); suffix++) given = `${base}_${suffix}`;
    taken.add(given);
    return given;
  });
}

function text(value: string): string {
  return value
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;');
}

/** Text safe inside an XML comment: no `--`, no final `-`. */
function comment(value: string): string {
  return value
    .replace(NOT_XML, '\uFFFD')
    .replace(/-(?=-)/g, '- ')
    .replace(/-$/, '- ');
}
