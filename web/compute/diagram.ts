/**
 * The diagram of a model as plain data (it crosses from the worker to the page): a block diagram
 * of `system` (series left to right, parallel stacked, k-of-n, standby, networks as graphs) or the
 * fault tree's gates and events as a DAG (a gate or event used at several places is one node with
 * several edges). Nodes nest in groups; edges join nodes of the same group. The page lays it out
 * (web/views/diagramLayout.ts) and draws it (web/views/diagramSvg.ts). Pure, unit-tested.
 */
import type {
  BasicEventModel,
  ComponentModel,
  DistributionSpec,
  FaultNode,
  GateKind,
  Model,
  SystemNode,
} from '../../src/index.js';

/**
 * A basic or house event used at more places than this is drawn under each of them (marked ×n)
 * rather than once with that many edges, which would cross the whole tree.
 */
export const SHARED_EDGES = 3;

/** A k-of-n block or gate wider than this many units of one component is drawn as one stack. */
export const STACK_ABOVE = 8;

/** What a node draws. */
export type DiagramNodeKind =
  /** A unit (or a stack of units) of a block diagram, or a basic event of a fault tree. */
  | 'block'
  /** A fault-tree basic event. */
  | 'event'
  /** A fault-tree house event (a constant). */
  | 'house'
  /** A fault-tree gate. */
  | 'gate'
  /** A frame around the children of a series, parallel, k-of-n, standby or network block. */
  | 'group'
  /** A split or join point of parallel branches (`label` '' ) or a k-of-n voter (`k/n`). */
  | 'junction'
  /** The switch of a standby block. */
  | 'switch'
  /** A node of a network (its source and sink included). */
  | 'terminal';

/** One node of the diagram. */
export interface DiagramNode {
  readonly id: string;
  readonly kind: DiagramNodeKind;
  /** The id of the group it is drawn in; absent: the top level. */
  readonly parent?: string;
  /** The name drawn on it (a unit, event, gate, or a group's caption). */
  readonly label: string;
  /** A second line: `primary`, `spare 1`, `× 12 units`, a house event's value… */
  readonly note?: string;
  /** The component this node stands for (the distribution chart's choice), if any. */
  readonly component?: string;
  /** The names under which the result's `measures.importance` lists it (units or an event). */
  readonly importance?: readonly string[];
  /** What the tooltip says of it: its laws or probability, and more. */
  readonly details?: readonly string[];
  /** A fault-tree gate's kind. */
  readonly gate?: GateKind;
  /** A group's kind. */
  readonly group?: 'series' | 'parallel' | 'koon' | 'standby' | 'network';
  /** The common-cause group a node belongs to: a member, or a common-cause event or unit. */
  readonly commonCause?: string;
  /** True for a common-cause event or unit (it fails several members at once). */
  readonly isCommonCause?: boolean;
  /** How many places use it when more than one (a shared event or gate, a repeated unit). */
  readonly uses?: number;
  /** True for a network's source or sink. */
  readonly isEnd?: boolean;
  /** A folded gate: how many nodes under it are not drawn (web/compute/diagramCollapse.ts). */
  readonly hidden?: number;
}

/** An edge between two nodes of the same group (or both at the top level). */
export interface DiagramEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** Drawn dashed: a standby spare's line to its switch. */
  readonly dashed?: boolean;
}

/** A model's diagram, or why there is none. */
export interface Diagram {
  /** `blocks`: left to right; `faultTree`: top-down from the top event; `none`: nothing. */
  readonly kind: 'blocks' | 'faultTree' | 'none';
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
  /** A line under the diagram (why there is none, what a mark means). */
  readonly note?: string;
  /**
   * The plain parameters each component or fixed-probability event depends on, by its name
   * (web/compute/diagramParameters.ts): a selected block highlights their sliders.
   */
  readonly parameterUses?: Readonly<Record<string, readonly string[]>>;
}

/**
 * Returns the diagram of a model: its fault tree when it is written as one, else its block
 * structure, else (a hand-written Markov chain) none, with a note.
 */
export function modelDiagram(model: Model): Diagram {
  if (model.faultTree) return faultTreeDiagram(model);
  if (model.system) return blockDiagram(model, model.system);
  return {
    kind: 'none',
    nodes: [],
    edges: [],
    note: 'a hand-written Markov chain has no block structure to draw',
  };
}

/** Returns a law as the tooltip writes it: `exponential rate 0.0001`. */
export function describeLaw(spec: DistributionSpec): string {
  const parameters = Object.entries(spec)
    .filter(([name]) => name !== 'dist')
    .map(([name, value]) => `${name} ${typeof value === 'number' ? formatShort(value) : value}`);
  return [spec.dist, ...parameters].join(' ');
}

/** Returns a component's laws and coverage, one line each, as the tooltip shows them. */
export function componentDetails(component: ComponentModel): string[] {
  return [
    `failure: ${describeLaw(component.failure)}`,
    component.repair ? `repair: ${describeLaw(component.repair)}` : 'not repaired',
    ...(component.coverage < 1 ? [`coverage ${formatShort(component.coverage)}`] : []),
    ...(component.detection ? [`detection: ${describeLaw(component.detection)}`] : []),
    ...(component.recovery ? [`recovery: ${describeLaw(component.recovery)}`] : []),
  ];
}

function formatShort(x: number): string {
  return String(Number(x.toPrecision(6)));
}

/** The members of a common-cause unit or event named `[a b …]`, or undefined for another name. */
export function commonCauseMembers(name: string): string[] | undefined {
  const match = /^\[(.+)\]$/.exec(name);
  return match ? match[1]!.split(' ') : undefined; // the group matched
}

/** Collects nodes and edges with fresh ids. */
class Builder {
  readonly nodes: DiagramNode[] = [];
  readonly edges: DiagramEdge[] = [];
  private count = 0;

  add(node: Omit<DiagramNode, 'id'>, parent: string | undefined): string {
    const id = `n${this.count++}`;
    this.nodes.push({ id, ...node, ...(parent !== undefined && { parent }) });
    return id;
  }

  link(from: string, to: string, dashed = false): void {
    this.edges.push({ id: `e${this.edges.length}`, from, to, ...(dashed && { dashed }) });
  }
}

function blockDiagram(model: Model, system: SystemNode): Diagram {
  const builder = new Builder();
  const uses = new Map<number, number>();
  countUnitUses(system, uses);
  const groupOf = blockCommonCauseGroups(model);
  const unitBlock = (unit: number, parent: string | undefined, note?: string): string => {
    const unitModel = model.units[unit]!; // structure units index model.units
    const component = model.components[unitModel.component]!;
    const members = commonCauseMembers(component.name);
    const shared = uses.get(unit) ?? 1;
    const group = groupOf.get(unitModel.name);
    return builder.add(
      {
        kind: 'block',
        label: unitModel.name,
        ...(note !== undefined && { note }),
        component: component.name,
        importance: [unitModel.name],
        details: componentDetails(component),
        ...(members && {
          isCommonCause: true,
          commonCause: `common cause of ${members.join(', ')}`,
        }),
        ...(group !== undefined && { commonCause: group }),
        ...(shared > 1 && { uses: shared }),
      },
      parent,
    );
  };
  /** A stack of units of one component: one block for many. */
  const stack = (units: readonly number[], parent: string): string => {
    const first = model.units[units[0]!]!; // a stack has units
    const component = model.components[first.component]!;
    return builder.add(
      {
        kind: 'block',
        label: component.name,
        note: `× ${units.length} units`,
        component: component.name,
        importance: units.map((unit) => model.units[unit]!.name),
        details: componentDetails(component),
      },
      parent,
    );
  };
  const draw = (node: SystemNode, parent: string | undefined): string => {
    switch (node.kind) {
      case 'unit':
        return unitBlock(node.unit, parent);
      case 'series': {
        const group = builder.add({ kind: 'group', group: 'series', label: '' }, parent);
        const children = node.children.map((child) => draw(child, group));
        children.slice(1).forEach((child, i) => builder.link(children[i]!, child));
        return group;
      }
      case 'parallel':
      case 'koon': {
        const n = node.children.length;
        const label = node.kind === 'koon' ? `${node.k}/${n}` : '';
        const group = builder.add(
          {
            kind: 'group',
            group: node.kind,
            label: node.kind === 'koon' ? `${label} working` : '',
          },
          parent,
        );
        const split = builder.add({ kind: 'junction', label: '' }, group);
        const join = builder.add({ kind: 'junction', label }, group);
        const units = stackedUnits(model, node.children);
        const children = units ? [stack(units, group)] : node.children.map((c) => draw(c, group));
        for (const child of children) {
          builder.link(split, child);
          builder.link(child, join);
        }
        return group;
      }
      case 'standby': {
        const group = builder.add(
          { kind: 'group', group: 'standby', label: `standby, ${node.mode}` },
          parent,
        );
        const split = builder.add({ kind: 'junction', label: '' }, group);
        const switchNote = [
          ...(node.switchSuccess < 1 ? [`p ${formatShort(node.switchSuccess)}`] : []),
          ...(node.switchDelay ? ['delay'] : []),
        ];
        const switchId = builder.add(
          {
            kind: 'switch',
            label: 'switch',
            ...(switchNote.length > 0 && { note: switchNote.join(', ') }),
            details: [
              `mode ${node.mode}${node.mode === 'warm' ? `, dormancy ${formatShort(node.dormancy)}` : ''}`,
              `switch-over succeeds with probability ${formatShort(node.switchSuccess)}`,
              node.switchDelay
                ? `switch-over delay: ${describeLaw(node.switchDelay)}`
                : 'instantaneous switch-over',
            ],
          },
          group,
        );
        node.units.forEach((unit, i) => {
          const block = unitBlock(unit, group, i === 0 ? 'primary' : `spare ${i}`);
          builder.link(split, block, i > 0);
          builder.link(block, switchId, i > 0);
        });
        return group;
      }
      case 'network': {
        const group = builder.add({ kind: 'group', group: 'network', label: 'network' }, parent);
        const terminals = new Map<string, string>();
        const terminal = (name: string): string => {
          let id = terminals.get(name);
          if (id === undefined) {
            const isEnd = name === node.source || name === node.sink;
            id = builder.add(
              {
                kind: 'terminal',
                label: name,
                ...(isEnd && { isEnd, note: name === node.source ? 'source' : 'sink' }),
              },
              group,
            );
            terminals.set(name, id);
          }
          return id;
        };
        terminal(node.source);
        for (const edge of node.edges) {
          const from = terminal(edge.from);
          const block = unitBlock(edge.unit, group);
          builder.link(from, block);
          builder.link(block, terminal(edge.to));
        }
        return group;
      }
    }
  };
  draw(system, undefined);
  const repeated = builder.nodes.some((node) => (node.uses ?? 1) > 1);
  const commonCause = builder.nodes.some((node) => node.isCommonCause);
  const notes = [
    ...(repeated ? ['a unit drawn at several places (×n) is one unit'] : []),
    ...(commonCause ? ['[a b …] is a common-cause unit that fails its members at once'] : []),
  ];
  return {
    kind: 'blocks',
    nodes: builder.nodes,
    edges: builder.edges,
    ...(notes.length > 0 && { note: notes.join('; ') }),
  };
}

/** Counts how often each unit appears in the structure. */
function countUnitUses(node: SystemNode, uses: Map<number, number>): void {
  const count = (unit: number) => uses.set(unit, (uses.get(unit) ?? 0) + 1);
  switch (node.kind) {
    case 'unit':
      count(node.unit);
      return;
    case 'standby':
      node.units.forEach(count);
      return;
    case 'network':
      for (const edge of node.edges) count(edge.unit);
      return;
    default:
      for (const child of node.children) countUnitUses(child, uses);
  }
}

/**
 * Returns the units of `children` when they are more than STACK_ABOVE plain units of one
 * component (drawn as one stack), else undefined.
 */
function stackedUnits(model: Model, children: readonly SystemNode[]): number[] | undefined {
  if (children.length <= STACK_ABOVE) return undefined;
  const units = children.map((child) => (child.kind === 'unit' ? child.unit : -1));
  const component = model.units[units[0]!]?.component;
  const alike = units.every((unit) => unit >= 0 && model.units[unit]?.component === component);
  return alike ? units : undefined;
}

/** Names each member unit of a block model's common-cause units after its group's members. */
function blockCommonCauseGroups(model: Model): Map<string, string> {
  const groups = new Map<string, string>();
  for (const component of model.components) {
    const members = commonCauseMembers(component.name);
    for (const member of members ?? []) {
      groups.set(member, `common-cause member with ${members!.join(', ')}`);
    }
  }
  return groups;
}

function faultTreeDiagram(model: Model): Diagram {
  const tree = model.faultTree!; // the caller checked
  const builder = new Builder();
  const ids = new Map<FaultNode | number | string, string>();
  const uses = new Map<string, number>();
  const memberOf = new Map<string, string>();
  for (const group of tree.commonCause) {
    for (const member of group.members) {
      memberOf.set(member, `common-cause group ${group.name} (${group.model})`);
    }
  }
  const eventNode = (index: number): Omit<DiagramNode, 'id'> => {
    const event = tree.events[index]!; // FaultNode events index tree.events
    const members = commonCauseMembers(event.name);
    const group = memberOf.get(event.name);
    return {
      kind: 'event',
      label: event.name,
      importance: [event.name],
      ...eventLaw(model, event),
      ...(members && { isCommonCause: true, commonCause: `common cause of ${members.join(', ')}` }),
      ...(group !== undefined && { commonCause: group }),
    };
  };
  const leafUses = countLeafUses(tree.root);
  const visit = (node: FaultNode): string => {
    const key = node.kind === 'event' ? node.event : node.kind === 'house' ? node.name : node;
    const copies = typeof key !== 'object' && (leafUses.get(key) ?? 0) > SHARED_EDGES;
    const known = copies ? undefined : ids.get(key);
    if (known !== undefined) {
      uses.set(known, (uses.get(known) ?? 1) + 1);
      return known;
    }
    let id: string;
    if (node.kind === 'event') id = builder.add(eventNode(node.event), undefined);
    else if (node.kind === 'house') {
      id = builder.add(
        {
          kind: 'house',
          label: node.name,
          note: node.value ? 'true' : 'false',
          details: [node.value ? 'house event: occurs' : 'house event: does not occur'],
        },
        undefined,
      );
    } else {
      const n = node.children.length;
      id = builder.add(
        {
          kind: 'gate',
          label: node.name ?? '',
          gate: node.kind,
          note: node.kind === 'atleast' ? `${node.k}/${n}` : GATE_WORDS[node.kind],
          details: [gateDescription(node)],
        },
        undefined,
      );
    }
    ids.set(key, id);
    if (copies && typeof key !== 'object') uses.set(id, leafUses.get(key)!); // counted above
    if (node.kind !== 'event' && node.kind !== 'house') {
      for (const child of node.children) builder.link(id, visit(child));
    }
    return id;
  };
  visit(tree.root);
  const nodes = builder.nodes.map((node) => {
    const used = uses.get(node.id);
    return used === undefined ? node : { ...node, uses: used };
  });
  const notes = [
    ...(uses.size > 0
      ? [
          `a gate or event with ×n is used at n places (drawn once; an event used at more than ${SHARED_EDGES} is drawn at each)`,
        ]
      : []),
    ...(tree.commonCause.length > 0
      ? ['[a b …] is a common-cause event that fails its members at once']
      : []),
  ];
  return {
    kind: 'faultTree',
    nodes,
    edges: builder.edges,
    ...(notes.length > 0 && { note: notes.join('; ') }),
  };
}

/**
 * Returns how many places use each basic event (by index) and house event (by name), each gate
 * counted once however often it is used: its children are drawn once.
 */
function countLeafUses(root: FaultNode): Map<number | string, number> {
  const counts = new Map<number | string, number>();
  const seen = new Set<FaultNode>();
  const visit = (node: FaultNode): void => {
    if (node.kind === 'event' || node.kind === 'house') {
      const key = node.kind === 'event' ? node.event : node.name;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      return;
    }
    if (seen.has(node)) return;
    seen.add(node);
    node.children.forEach(visit);
  };
  visit(root);
  return counts;
}

const GATE_WORDS: Readonly<Record<Exclude<GateKind, 'atleast'>, string>> = {
  and: 'AND',
  or: 'OR',
  not: 'NOT',
  xor: 'XOR',
  nand: 'NAND',
  nor: 'NOR',
};

function gateDescription(node: Extract<FaultNode, { children: unknown }>): string {
  const n = node.children.length;
  switch (node.kind) {
    case 'and':
      return `AND: occurs when all ${n} inputs occur`;
    case 'or':
      return `OR: occurs when any of ${n} inputs occurs`;
    case 'atleast':
      return `vote: occurs when at least ${node.k} of ${n} inputs occur`;
    case 'not':
      return 'NOT: occurs when its input does not';
    case 'xor':
      return `XOR: occurs when an odd number of ${n} inputs occur`;
    case 'nand':
      return `NAND: occurs unless all ${n} inputs occur`;
    case 'nor':
      return `NOR: occurs when none of ${n} inputs occurs`;
  }
}

/** The tooltip lines of a basic event, and its component when it has failure times. */
function eventLaw(
  model: Model,
  event: BasicEventModel,
): Pick<DiagramNode, 'details' | 'component'> {
  if ('probability' in event) {
    return { details: [`probability ${formatShort(event.probability)}`] };
  }
  const unit = model.units[event.unit]!; // an event with failure times is a unit
  const component = model.components[unit.component]!;
  return { component: component.name, details: componentDetails(component) };
}
