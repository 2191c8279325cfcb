/**
 * A seeded generator of random models whose steady measures the closed forms give exactly for
 * any laws, for the differential test of the simulator (test/fuzz/simulate.differential.test.ts):
 * independent repairable units (each its own repair, unlimited crews, no standby, coverage,
 * detection, shared components or spare pools) under a structure of series, parallel and
 * k-of-n nodes nested up to depth 3 over 1–8 units. Each unit is an alternating renewal process,
 * so its long-run unavailability E[R]/(E[X] + E[R]) depends on its laws only through their means,
 * and the units are independent: `analyze` is exact for the steady measures.
 *
 * Lives are exponential, Weibull (shape 0.4–4), lognormal (σ 0.2–2.8), gamma (shape 0.3–5) or
 * uniform; repairs any of these or deterministic. Mean lives spread over two decades around a
 * scale anywhere in [0.1, 10⁵] h, mean repairs 0.3 % to 50 % of the life.
 */
import { logGamma } from '../../src/numeric/gamma.js';
import { Draw } from './draw.js';
import { element } from './element.js';
import { testRng } from './testRng.js';

/** One generated model. */
export interface RandomRenewalModel {
  readonly seed: number;
  /** The model file, YAML. */
  readonly text: string;
  /** The law families drawn (`life:weibull`, `repair:deterministic`, `root:koon`, …), for triage. */
  readonly features: readonly string[];
  /** Every unit's mean life and mean repair, as written (after rounding of the parameters). */
  readonly units: readonly { readonly life: number; readonly repair: number }[];
  /** Whether every life is exponential (the simulator then estimates over regeneration cycles). */
  readonly regenerative: boolean;
  /** The largest coefficient of variation of the model's laws (1 for exponential ones). */
  readonly largestCv: number;
  /**
   * The structure function, evaluated on the generator's own tree (not relkit's): whether the
   * system is up when unit i is up exactly when `up[i]` (units in the order of {@link units}).
   */
  readonly isUp: (up: readonly boolean[]) => boolean;
}

/** The largest number of units (a component of count c is c units). */
export const MAX_UNITS = 8;
/** The deepest level of a structure node; the root is level 0. */
const MAX_DEPTH = 3;

/** A number as written in the file: 4 significant digits. */
function num(x: number): number {
  return Number(x.toPrecision(4));
}

type Family = 'exponential' | 'weibull' | 'lognormal' | 'gamma' | 'uniform' | 'deterministic';

/** A law of the given mean as model text, and its mean and coefficient of variation as written. */
function law(draw: Draw, family: Family, mean: number): { text: string; mean: number; cv: number } {
  switch (family) {
    case 'exponential': {
      const m = num(mean);
      return { text: `{ dist: exponential, mean: ${m} }`, mean: m, cv: 1 };
    }
    case 'weibull': {
      const shape = num(0.4 + 3.6 * draw.u());
      const scale = num(mean / Math.exp(logGamma(1 + 1 / shape)));
      const g1 = logGamma(1 + 1 / shape);
      return {
        text: `{ dist: weibull, shape: ${shape}, scale: ${scale} }`,
        mean: scale * Math.exp(g1),
        cv: Math.sqrt(Math.expm1(logGamma(1 + 2 / shape) - 2 * g1)),
      };
    }
    case 'lognormal': {
      const sigma = num(0.2 + 2.6 * draw.u());
      const mu = num(Math.log(mean) - (sigma * sigma) / 2);
      return {
        text: `{ dist: lognormal, mu: ${mu}, sigma: ${sigma} }`,
        mean: Math.exp(mu + (sigma * sigma) / 2),
        cv: Math.sqrt(Math.expm1(sigma * sigma)),
      };
    }
    case 'gamma': {
      const shape = num(0.3 + 4.7 * draw.u());
      const scale = num(mean / shape);
      return {
        text: `{ dist: gamma, shape: ${shape}, scale: ${scale} }`,
        mean: shape * scale,
        cv: 1 / Math.sqrt(shape),
      };
    }
    case 'uniform': {
      // Half-width from 5 % to 100 % of the mean.
      const w = 0.05 + 0.95 * draw.u();
      const min = num(mean * (1 - w));
      const max = num(mean * (1 + w));
      return {
        text: `{ dist: uniform, min: ${min}, max: ${max} }`,
        mean: (min + max) / 2,
        cv: (max - min) / ((max + min) * Math.sqrt(3)),
      };
    }
    case 'deterministic': {
      const m = num(mean);
      return { text: `{ dist: deterministic, value: ${m} }`, mean: m, cv: 0 };
    }
  }
}

interface Component {
  readonly name: string;
  readonly count: number;
  /** Index of its first unit in {@link RandomRenewalModel.units}. */
  readonly first: number;
  readonly failure: string;
  readonly repair: string;
}

type Node =
  | { readonly kind: 'name'; readonly component: Component }
  | { readonly kind: 'series' | 'parallel'; readonly children: readonly Node[] }
  | { readonly kind: 'koon'; readonly k: number; readonly of: readonly Node[] | Component };

/** How many children a node stands for inside a list: a name stands for all its units. */
function width(node: Node): number {
  return node.kind === 'name' ? node.component.count : 1;
}

/**
 * Returns a random model for `seed`; the same seed always gives the same text.
 *
 * @param seed - any 32-bit integer
 */
export function randomRenewalModel(seed: number): RandomRenewalModel {
  const draw = new Draw(testRng(seed));
  const features = new Set<string>();
  const unitCount = draw.int(1, MAX_UNITS);
  const scale = draw.logUniform(-1, 5);
  const lives: Family[] = ['exponential', 'weibull', 'lognormal', 'gamma', 'uniform'];
  const repairs: Family[] = [...lives, 'deterministic'];
  // Now and then every life exponential: the regenerative estimators.
  const allExponential = draw.chance(0.25);

  const components: Component[] = [];
  const units: { life: number; repair: number }[] = [];
  let largestCv = 0;
  for (let left = unitCount; left > 0;) {
    const count = left >= 2 && draw.chance(0.25) ? draw.int(2, Math.min(3, left)) : 1;
    left -= count;
    const lifeFamily = allExponential ? 'exponential' : draw.pick(lives);
    const repairFamily = draw.pick(repairs);
    features.add(`life:${lifeFamily}`);
    features.add(`repair:${repairFamily}`);
    const life = law(draw, lifeFamily, scale * draw.logUniform(0, 2));
    const repair = law(draw, repairFamily, life.mean * draw.logUniform(-2.5, -0.3));
    largestCv = Math.max(largestCv, life.cv, repair.cv);
    const name = `c${components.length}`;
    components.push({ name, count, first: units.length, failure: life.text, repair: repair.text });
    for (let i = 0; i < count; i++) units.push({ life: life.mean, repair: repair.mean });
  }

  const build = (group: readonly Component[], depth: number): Node => {
    if (group.length === 1 && element(group, 0).count === 1) {
      return { kind: 'name', component: element(group, 0) };
    }
    const kind = draw.weighted({ series: 1, parallel: 1, koon: 1.2 });
    let children: Node[];
    if (group.length === 1 || depth === MAX_DEPTH - 1) {
      // The last level below: names only (a counted component stands for all its units).
      if (group.length === 1 && kind === 'koon') {
        const only = element(group, 0);
        return { kind, k: draw.int(1, only.count), of: only };
      }
      children = group.map((component) => ({ kind: 'name', component }));
    } else {
      const parts = draw.int(2, Math.min(4, group.length));
      const shuffled = draw.shuffle(group);
      const groups: Component[][] = Array.from({ length: parts }, () => []);
      shuffled.forEach((component, i) =>
        element(groups, i < parts ? i : draw.int(0, parts - 1)).push(component),
      );
      children = groups.map((g) => build(g, depth + 1));
    }
    if (kind !== 'koon') return { kind, children };
    const n = children.reduce((sum, child) => sum + width(child), 0);
    return { kind, k: draw.int(1, n), of: children };
  };
  const root = build(components, 0);
  features.add(`root:${root.kind}`);
  const allExponentialLives = components.every((c) => c.failure.includes('exponential'));

  const lines = [`name: renewal ${seed}`, 'components:'];
  for (const c of components) {
    const count = c.count > 1 ? `count: ${c.count}, ` : '';
    lines.push(`  ${c.name}: { ${count}failure: ${c.failure}, repair: ${c.repair} }`);
  }
  lines.push('system:', ...nodeLines(root, '  '));
  return {
    seed,
    text: lines.join('\n') + '\n',
    features: [...features].sort(),
    units,
    regenerative: allExponentialLives,
    largestCv,
    isUp: (up) => upUnits(root, up) === width(root),
  };
}

/**
 * How many of the children a node stands for are up: for a name, its units that are up; for
 * any other node, 1 when it is up, else 0 (so a node is up when this equals its width).
 */
function upUnits(node: Node, up: readonly boolean[]): number {
  const isUp = (child: Node): number => upUnits(child, up);
  switch (node.kind) {
    case 'name': {
      const { first, count } = node.component;
      return up.slice(first, first + count).filter(Boolean).length;
    }
    case 'series':
      return node.children.every((c) => isUp(c) === width(c)) ? 1 : 0;
    case 'parallel':
      return node.children.some((c) => isUp(c) > 0) ? 1 : 0;
    case 'koon': {
      const upCount = Array.isArray(node.of)
        ? (node.of as readonly Node[]).reduce((sum, c) => sum + isUp(c), 0)
        : upUnits({ kind: 'name', component: node.of as Component }, up);
      return upCount >= node.k ? 1 : 0;
    }
  }
}

/** The YAML lines of a node, in block style, indented by `indent`. */
function nodeLines(node: Node, indent: string): string[] {
  switch (node.kind) {
    case 'name':
      return [`${indent}${node.component.name}`];
    case 'series':
    case 'parallel':
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
  }
}

/** A node as an item of a YAML list: `- name`, or `- ` followed by the node's mapping. */
function itemLines(node: Node, indent: string): string[] {
  const lines = nodeLines(node, indent + '  ');
  return [`${indent}- ${element(lines, 0).slice(indent.length + 2)}`, ...lines.slice(1)];
}
