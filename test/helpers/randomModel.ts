/**
 * A seeded generator of random, valid model texts (YAML) for differential testing of the exact
 * solvers (test/fuzz/differential.test.ts): structures up to depth 4 (series, parallel, koon,
 * standby, network), 1–12 components, exponential times with failure rates from 1e-9 to 1e3 per
 * hour, repair on none, some or all components, finite crews, coverage, detection and recovery
 * delays, mission times. Every text it returns is meant to be accepted by loadModel; a rejection
 * is a finding of its own.
 */
import { element } from './element.js';
import { Draw } from './draw.js';
import { testRng } from './testRng.js';

/** One generated model: its text and what it was drawn with. */
export interface RandomModel {
  readonly seed: number;
  /** The model file, YAML. */
  readonly text: string;
  /** Short tags of the features drawn (`standby:warm`, `crews`, `coverage`, …), for triage. */
  readonly features: readonly string[];
  /**
   * Time scales of the model (mean lives, mean repairs, delays), to place explicit horizons
   * where something happens.
   */
  readonly scales: readonly number[];
  /** An upper bound of the total event rate of any state: Σ over units of every rate. */
  readonly rateBound: number;
}

/** Limits of the generator. */
export interface RandomModelOptions {
  /** Most component types. @defaultValue 12 */
  readonly maxComponents?: number;
  /** Deepest level of a structure node (the root is level 0), so up to 4 levels. @defaultValue 3 */
  readonly maxDepth?: number;
  /**
   * Draw spare-part pools (`maintenance.spares`) over some repairable components, with
   * exponential lead times; default false, so that the models of other seeds stay as they were.
   */
  readonly spares?: boolean;
}

/** A number as it is written in the file: 3 significant digits, read back exactly. */
function num(x: number): number {
  return Number(x.toPrecision(3));
}

/** A probability below 1 as written in the file: 1 − 10^x with 3 significant digits of 10^x. */
function probability(draw: Draw): number {
  return 1 - num(draw.logUniform(-4, -0.31));
}

interface Component {
  readonly name: string;
  readonly count: number;
  /** Failure rate per hour, as written (rounded). */
  rate: number;
  repair?: number;
  coverage?: number;
  detection?: number;
  recovery?: number;
  /** Units in a standby block may appear nowhere else. */
  inStandby: boolean;
  used: boolean;
}

type Node =
  | { readonly kind: 'name'; readonly component: Component }
  | { readonly kind: 'series' | 'parallel'; readonly children: Node[] }
  | { readonly kind: 'koon'; k: number; readonly of: Node[] | Component }
  | {
      readonly kind: 'standby';
      readonly of?: Component;
      readonly primary?: Component;
      readonly spares?: readonly Component[];
      readonly sparesAsString: boolean;
      readonly mode: 'cold' | 'warm' | 'hot';
      readonly writeMode: boolean;
      readonly dormancy?: number;
      readonly success?: number;
      readonly delay?: number;
    }
  | {
      readonly kind: 'network';
      readonly source: string;
      readonly sink: string;
      readonly edges: readonly { from: string; to: string; via: Component }[];
    };

/** How many children a node stands for inside a list: a name stands for all its units. */
function width(node: Node): number {
  return node.kind === 'name' ? node.component.count : 1;
}

/**
 * Returns a random valid model for `seed`; the same seed always gives the same text.
 *
 * @param seed - any 32-bit integer
 * @param options - size limits
 */
export function randomModel(seed: number, options: RandomModelOptions = {}): RandomModel {
  const draw = new Draw(testRng(seed));
  const maxComponents = options.maxComponents ?? 12;
  const maxDepth = options.maxDepth ?? 3;
  const features = new Set<string>();
  const scales: number[] = [];

  // Sizes skewed small: most models have a few components, some have many.
  const componentCount = Math.min(maxComponents, 1 + Math.floor(draw.u() ** 2 * maxComponents));
  // Failure rates: a centre anywhere in [1e-9, 1e3] and a spread from none (equal rates, which
  // the closed forms of warm and hot standby need) to the whole range (stiff chains).
  const centre = -9 + 12 * draw.u();
  const spread = draw.pick([0, 0, 0.5, 1, 3, 12]);
  const repairMode = draw.weighted({ none: 3, some: 3, all: 4 });
  features.add(`repair:${repairMode}`);
  const repairRatio = draw.chance(0.7);

  const components: Component[] = [];
  for (let i = 0; i < componentCount; i++) {
    const exponent = Math.min(3, Math.max(-9, centre + spread * (2 * draw.u() - 1)));
    const component: Component = {
      name: draw.chance(0.2)
        ? `${draw.pick(['pump', 'cpu', 'disk', 'psu', 'link', 'fan'])}_${i}`
        : `c${i}`,
      count: draw.chance(0.25) ? draw.int(2, 4) : 1,
      rate: num(10 ** exponent),
      inStandby: false,
      used: false,
    };
    if (component.count > 1) features.add('count');
    const repairable = repairMode === 'all' || (repairMode === 'some' && draw.chance(0.5));
    if (repairable) {
      // Mostly faster than failures, as in real systems; sometimes anything.
      const repair = repairRatio
        ? Math.min(1e4, component.rate * draw.logUniform(0, 8))
        : draw.logUniform(-3, 3);
      component.repair = num(repair);
      if (draw.chance(0.1)) {
        component.detection = num(draw.logUniform(-2, 2) * component.repair);
        features.add('detection');
      }
    }
    // Coverage makes repairable models Markov-only: rarer there, so analyze has work too.
    if (draw.chance(repairable ? 0.04 : 0.12)) {
      component.coverage = probability(draw);
      features.add('coverage');
      if (draw.chance(0.3)) {
        component.recovery = num(component.rate * draw.logUniform(1, 6));
        features.add('recovery');
      }
    }
    components.push(component);
  }
  if (repairMode === 'some' && !components.some((c) => c.repair !== undefined)) {
    const first = element(components, 0);
    first.repair = num(first.rate * draw.logUniform(0, 6));
  }

  // ---- structure ----
  const standbyBlocks: Node[] = [];
  /** The child lists of series, parallel and koon nodes, where a shared unit can be added. */
  const listNodes: Node[][] = [];

  const build = (group: Component[], depth: number): Node => {
    if (group.length === 1) {
      const only = element(group, 0);
      if (depth < maxDepth && only.count >= 2 && draw.chance(0.35)) {
        const kind = draw.weighted({ koon: 2, standby: 1.5, parallel: 1 });
        if (kind === 'koon') {
          only.used = true;
          return { kind: 'koon', k: drawK(draw, only.count), of: only };
        }
        if (kind === 'standby') return standby(draw, [only], true, features, standbyBlocks);
        only.used = true;
        const children: Node[] = [{ kind: 'name', component: only }];
        listNodes.push(children);
        return { kind: 'parallel', children };
      }
      if (depth < maxDepth && only.count === 1 && draw.chance(0.03)) {
        // A standby block with a primary and no spares.
        return standby(draw, [only], false, features, standbyBlocks);
      }
      only.used = true;
      return { kind: 'name', component: only };
    }
    if (depth >= maxDepth) {
      // Deepest level: one flat node over all the names.
      const kind = draw.weighted({ series: 1, parallel: 1, koon: 1 });
      const children: Node[] = group.map((component) => {
        component.used = true;
        return { kind: 'name', component };
      });
      listNodes.push(children);
      return kind === 'koon'
        ? {
            kind,
            k: drawK(
              draw,
              children.reduce((s, c) => s + width(c), 0),
            ),
            of: children,
          }
        : { kind, children };
    }
    const canStandby = group.length <= 4;
    const singles = group.filter((component) => component.count === 1);
    const canNetwork = singles.length === group.length && group.length >= 2 && group.length <= 7;
    const kind = draw.weighted({
      series: 3,
      parallel: 3,
      koon: 2.5,
      standby: canStandby ? 1.5 : 0,
      network: canNetwork ? 1.2 : 0,
    });
    if (kind === 'standby') return standby(draw, group, false, features, standbyBlocks);
    if (kind === 'network') return network(draw, group, features);
    // Split into 2–4 groups.
    const parts = draw.int(2, Math.min(4, group.length));
    const shuffled = draw.shuffle(group);
    const groups: Component[][] = Array.from({ length: parts }, () => []);
    shuffled.forEach((component, i) =>
      element(groups, i < parts ? i : draw.int(0, parts - 1)).push(component),
    );
    const children = groups.map((g) => build(g, depth + 1));
    listNodes.push(children);
    return kind === 'koon'
      ? {
          kind,
          k: drawK(
            draw,
            children.reduce((s, c) => s + width(c), 0),
          ),
          of: children,
        }
      : { kind, children };
  };

  let root = build(components, 0);
  features.add(`root:${root.kind}`);

  // Shared components, occasionally: one more reference to a used unit outside standby blocks.
  if (draw.chance(0.12)) {
    const sharable = components.filter((c) => c.used && !c.inStandby);
    if (sharable.length > 0) {
      const component = draw.pick(sharable);
      if (listNodes.length > 0 && draw.chance(0.7)) {
        draw.pick(listNodes).push({ kind: 'name', component });
      } else {
        root = {
          kind: draw.chance(0.5) ? 'series' : 'parallel',
          children: [root, { kind: 'name', component }],
        };
      }
      features.add('shared');
    }
  }

  // An unused component, rarely: valid, and it still counts for crews and repairability.
  let extra: Component | undefined;
  if (draw.chance(0.03)) {
    extra = {
      name: 'unused',
      count: draw.int(1, 2),
      rate: num(draw.logUniform(-6, 0)),
      ...(draw.chance(0.5) && { repair: num(draw.logUniform(-2, 1)) }),
      inStandby: false,
      used: false,
    };
    features.add('unused');
  }
  const allComponents = extra ? [...components, extra] : components;

  // ---- maintenance, mission ----
  const totalUnits = allComponents.reduce((s, c) => s + c.count, 0);
  const repairable = allComponents.filter((c) => c.repair !== undefined);
  const maintenance: string[] = [];
  if (repairable.length > 0 && draw.chance(0.25)) {
    maintenance.push(`crews: ${draw.int(1, totalUnits)}`);
    features.add('crews');
    if (draw.chance(0.3)) {
      const order = draw.shuffle(allComponents).slice(0, draw.int(0, allComponents.length));
      maintenance.push(`priority: [${order.map((c) => c.name).join(', ')}]`);
      features.add('priority');
    }
  }
  if (draw.chance(0.05)) {
    const idle = draw.chance(0.8);
    maintenance.push(`idle_while_down: ${idle}`);
    if (idle) features.add('idle_while_down');
  }

  // Pools are drawn last among the model's choices, so that without them nothing else changes.
  const pools: { components: Component[]; stock: number; lead: number }[] = [];
  if (options.spares === true && repairable.length > 0) {
    const served = draw.shuffle(repairable).slice(0, draw.int(1, repairable.length));
    const split = served.length > 1 && draw.chance(0.3) ? draw.int(1, served.length - 1) : 0;
    for (const part of split > 0 ? [served.slice(0, split), served.slice(split)] : [served]) {
      const scale = 1 / draw.pick(part).repair!; // served components are repairable
      const lead = scale * draw.logUniform(-1, 1.5);
      pools.push({ components: part, stock: draw.int(0, 3), lead });
      scales.push(lead);
    }
    const written = pools.map(
      (pool) =>
        `{ components: [${pool.components.map((c) => c.name).join(', ')}], stock: ${pool.stock}, lead_time: { mean: ${num(pool.lead)} } }`,
    );
    maintenance.push(`spares: [${written.join(', ')}]`);
    features.add('spares');
  }

  for (const c of allComponents) {
    scales.push(1 / c.rate);
    if (c.repair !== undefined) scales.push(1 / c.repair);
    if (c.detection !== undefined) scales.push(1 / c.detection);
    if (c.recovery !== undefined) scales.push(1 / c.recovery);
  }
  let missionTime: number | undefined;
  if (draw.chance(0.3)) {
    missionTime = num(draw.pick(scales) * draw.logUniform(-1.5, 1));
    features.add('mission_time');
  }

  // ---- text ----
  const useParameters = draw.chance(0.1);
  const parameters: string[] = [];
  const lines: string[] = [`name: random ${seed}`];
  const failureText = (c: Component): string => {
    if (useParameters) {
      parameters.push(`  lam_${c.name}: ${c.rate}`);
      return draw.chance(0.5) ? `{ rate: lam_${c.name} }` : `{ mtbf: 1 / lam_${c.name} }`;
    }
    switch (draw.int(0, 4)) {
      case 0:
        return `{ rate: ${c.rate} }`;
      case 1:
        return `{ mtbf: ${num(1 / c.rate)} }`;
      case 2:
        return `{ mttf: ${num(1 / c.rate)} }`;
      case 3:
        return `{ dist: exponential, rate: ${c.rate} }`;
      default:
        return `{ dist: exponential, mean: ${num(1 / c.rate)} }`;
    }
  };
  const repairText = (rate: number): string => {
    switch (draw.int(0, 2)) {
      case 0:
        return `{ mttr: ${num(1 / rate)} }`;
      case 1:
        return `{ rate: ${rate} }`;
      default:
        return `{ dist: exponential, mean: ${num(1 / rate)} }`;
    }
  };
  const delayText = (rate: number): string =>
    draw.chance(0.5) ? `{ mean: ${num(1 / rate)} }` : `{ rate: ${rate} }`;

  const componentLines: string[] = ['components:'];
  for (const c of allComponents) {
    const fields = [];
    if (c.count > 1) fields.push(`count: ${c.count}`);
    fields.push(`failure: ${failureText(c)}`);
    if (c.repair !== undefined) fields.push(`repair: ${repairText(c.repair)}`);
    if (c.coverage !== undefined) fields.push(`coverage: ${c.coverage}`);
    if (c.detection !== undefined) fields.push(`detection: ${delayText(c.detection)}`);
    if (c.recovery !== undefined) fields.push(`recovery: ${delayText(c.recovery)}`);
    componentLines.push(`  ${c.name}: { ${fields.join(', ')} }`);
  }
  if (parameters.length > 0) lines.push('parameters:', ...parameters);
  lines.push(...componentLines);
  lines.push('system:');
  lines.push(...nodeLines(root, '  '));
  if (maintenance.length > 0) lines.push(`maintenance: { ${maintenance.join(', ')} }`);
  if (missionTime !== undefined) lines.push(`mission_time: ${missionTime}`);

  let rateBound = 0;
  for (const c of allComponents) {
    const perUnit = c.rate + (c.repair ?? 0) + (c.detection ?? 0) + (c.recovery ?? 0);
    rateBound += c.count * perUnit;
  }
  for (const block of standbyBlocks) {
    if (block.kind === 'standby' && block.delay !== undefined) rateBound += block.delay;
  }
  for (const pool of pools) {
    // At most the stock plus every served unit's order is outstanding.
    const units = pool.components.reduce((sum, c) => sum + c.count, 0);
    rateBound += (pool.stock + units) / pool.lead;
  }
  if (standbyBlocks.length > 0) features.add('standby');
  return {
    seed,
    text: lines.join('\n') + '\n',
    features: [...features].sort(),
    scales,
    rateBound,
  };
}

/** A k for a k-out-of-n node: mostly between 1 and n − 1, sometimes 0 or n. */
function drawK(draw: Draw, n: number): number {
  if (draw.chance(0.1)) return draw.chance(0.5) ? 0 : n;
  if (n <= 2) return draw.int(1, n);
  return draw.int(1, n - 1);
}

function standby(
  draw: Draw,
  group: Component[],
  viaOf: boolean,
  features: Set<string>,
  blocks: Node[],
): Node {
  const mode = draw.weighted({ cold: 3, warm: 2, hot: 2 });
  features.add(`standby:${mode}`);
  for (const c of group) {
    c.inStandby = true;
    c.used = true;
  }
  // Warm and hot blocks have closed forms only with equal rates: make them equal often.
  if (draw.chance(0.5)) for (const c of group) c.rate = element(group, 0).rate;
  const success = draw.chance(0.3) ? probability(draw) : undefined;
  if (success !== undefined) features.add('switch:success');
  const delay = draw.chance(0.12) ? num(element(group, 0).rate * draw.logUniform(1, 5)) : undefined;
  if (delay !== undefined) features.add('switch:delay');
  const common = {
    kind: 'standby' as const,
    mode,
    writeMode: mode !== 'cold' || draw.chance(0.5),
    ...(mode === 'warm' && { dormancy: num(draw.logUniform(-2, -0.01)) }),
    ...(success !== undefined && { success }),
    ...(delay !== undefined && { delay }),
    sparesAsString: false,
  };
  let node: Node;
  if (viaOf) node = { ...common, of: element(group, 0) };
  else {
    // The primary must be a single unit; put a counted component among the spares.
    const ordered = draw
      .shuffle(group)
      .sort((a, b) => (a.count === 1 ? 0 : 1) - (b.count === 1 ? 0 : 1));
    const primary = element(ordered, 0);
    if (primary.count > 1) {
      node = { ...common, of: primary };
      // The other components of the group go in series around it; keep it simple: only `of`.
      if (ordered.length > 1) {
        const rest: Node[] = ordered.slice(1).map((component) => ({ kind: 'name', component }));
        for (const c of ordered.slice(1)) c.inStandby = false;
        blocks.push(node);
        return { kind: draw.chance(0.5) ? 'series' : 'parallel', children: [node, ...rest] };
      }
    } else {
      const spares = ordered.slice(1);
      node = {
        ...common,
        primary,
        spares,
        sparesAsString: spares.length === 1 && draw.chance(0.3),
      };
    }
  }
  blocks.push(node);
  return node;
}

function network(draw: Draw, group: Component[], features: Set<string>): Node {
  for (const c of group) c.used = true;
  const vias = draw.shuffle(group);
  if (vias.length === 5 || (vias.length > 5 && draw.chance(0.5))) {
    features.add('network:bridge');
    const [sa, sb, ab, at, bt] = vias as [Component, Component, Component, Component, Component];
    const edges = [
      { from: 's', to: 'a', via: sa },
      { from: 's', to: 'b', via: sb },
      { from: 'a', to: 'b', via: ab },
      { from: 'a', to: 't', via: at },
      { from: 'b', to: 't', via: bt },
      ...vias.slice(5).map((via) => ({ from: draw.pick(['s', 'a', 'b']), to: 't', via })),
    ];
    return { kind: 'network', source: 's', sink: 't', edges };
  }
  features.add('network');
  // A random graph: a path from s to t through some inner nodes, then random extra links.
  const inner = Array.from(
    { length: draw.int(0, Math.min(3, vias.length - 1)) },
    (_, i) => `n${i}`,
  );
  const path = ['s', ...inner, 't'];
  const edges: { from: string; to: string; via: Component }[] = [];
  let v = 0;
  for (let i = 0; i + 1 < path.length && v < vias.length; i++) {
    edges.push({ from: element(path, i), to: element(path, i + 1), via: element(vias, v++) });
  }
  const nodes = ['s', 't', ...inner];
  while (v < vias.length) {
    const from = draw.pick(nodes);
    let to = draw.pick(nodes);
    if (to === from) to = from === 't' ? 's' : 't';
    edges.push({ from, to, via: element(vias, v++) });
  }
  // The sink must end some edge even when there were too few links for the whole path.
  if (!edges.some((e) => e.from === 't' || e.to === 't')) element(edges, edges.length - 1).to = 't';
  return { kind: 'network', source: 's', sink: 't', edges: draw.shuffle(edges) };
}

/** The YAML lines of a node, in block style, indented by `indent`. */
function nodeLines(node: Node, indent: string): string[] {
  switch (node.kind) {
    case 'name':
      return [`${indent}${node.component.name}`];
    case 'series':
    case 'parallel':
      if (node.children.length === 0) return [`${indent}${node.kind}: []`];
      return [
        `${indent}${node.kind}:`,
        ...node.children.flatMap((c) => itemLines(c, indent + '  ')),
      ];
    case 'koon':
      if (!Array.isArray(node.of)) {
        return [`${indent}koon: { k: ${node.k}, of: ${(node.of as Component).name} }`];
      }
      return [
        `${indent}koon:`,
        `${indent}  k: ${node.k}`,
        `${indent}  of:`,
        ...node.of.flatMap((c) => itemLines(c, indent + '    ')),
      ];
    case 'standby': {
      const fields: string[] = [];
      if (node.of) fields.push(`of: ${node.of.name}`);
      if (node.primary) fields.push(`primary: ${node.primary.name}`);
      if (node.spares && node.spares.length > 0) {
        fields.push(
          node.sparesAsString
            ? `spares: ${element(node.spares, 0).name}`
            : `spares: [${node.spares.map((s) => s.name).join(', ')}]`,
        );
      }
      if (node.writeMode) fields.push(`mode: ${node.mode}`);
      if (node.dormancy !== undefined) fields.push(`dormancy: ${node.dormancy}`);
      const sw: string[] = [];
      if (node.success !== undefined) sw.push(`success: ${node.success}`);
      if (node.delay !== undefined) sw.push(`delay: { mean: ${num(1 / node.delay)} }`);
      if (sw.length > 0) fields.push(`switch: { ${sw.join(', ')} }`);
      return [`${indent}standby: { ${fields.join(', ')} }`];
    }
    case 'network':
      return [
        `${indent}network:`,
        `${indent}  source: ${node.source}`,
        `${indent}  sink: ${node.sink}`,
        `${indent}  edges:`,
        ...node.edges.map(
          (e) => `${indent}    - { from: ${e.from}, to: ${e.to}, via: ${e.via.name} }`,
        ),
      ];
  }
}

/** A node as an item of a YAML list: `- name`, or `- ` followed by the node's mapping. */
function itemLines(node: Node, indent: string): string[] {
  const lines = nodeLines(node, indent + '  ');
  return [`${indent}- ${element(lines, 0).slice(indent.length + 2)}`, ...lines.slice(1)];
}
