/**
 * A seeded generator of random, valid fault-tree documents in relkit's YAML/JSON form
 * (docs/model-format.md, "Fault trees"), for the differential tests of
 * test/fuzz/faultTrees.differential.test.ts and test/formats/roundTrip.test.ts: 2–14 basic events
 * with fixed probabilities or exponential failure (and sometimes repair) times, and/or/at-least
 * gates (and sometimes not, xor, nand, nor), named gates shared by several parents, repeated
 * events, inline gates, gates that only name another node, house events, common-cause groups
 * (beta-factor, MGL, alpha-factor, phi-factor) over alike events, parameters, a mission time,
 * and now and then names that are awkward for YAML, JavaScript or MEF (`null`, `__proto__`,
 * `Pump-A`, `a.b`). Every document it returns is meant to load; a rejection is a finding.
 */
import { stringify as stringifyYaml } from 'yaml';
import { element } from './element.js';
import { Draw } from './draw.js';
import { testRng } from './testRng.js';

/** A number, or the name of a parameter holding it. */
export type Amount = number | string;

/** An exponential time, in one of the forms the model format takes. */
export type TimeDocument =
  | { rate: Amount }
  | { mtbf: number }
  | { mttf: number }
  | { mttr: number }
  | { dist: 'exponential'; rate: number }
  | { dist: 'exponential'; mean: number };

/** A basic event: a fixed probability, or exponential failure (and repair) times. */
export type EventDocument =
  { probability: Amount } | { failure: TimeDocument; repair?: TimeDocument };

/** A gate as written: a name, or a mapping with one key. */
export type GateDocument =
  | string
  | { and: GateDocument[] }
  | { or: GateDocument[] }
  | { xor: GateDocument[] }
  | { nand: GateDocument[] }
  | { nor: GateDocument[] }
  | { not: GateDocument }
  | { atleast: { k: number; of: GateDocument[] } }
  | { vote: { k: number; of: GateDocument[] } };

/** The common-cause models of the format. */
export type CommonCauseKind = 'beta-factor' | 'MGL' | 'alpha-factor' | 'phi-factor';

/** One `common_cause` group. */
export interface CommonCauseDocument {
  name: string;
  members: string[];
  model: CommonCauseKind;
  factors: number[];
}

/** A fault-tree model document (the parsed YAML/JSON). */
export interface FaultTreeDocument {
  name: string;
  time_unit?: string;
  mission_time?: number;
  parameters?: Record<string, number>;
  events: Record<string, EventDocument>;
  house_events?: Record<string, boolean>;
  fault_tree: { top: string; gates: Record<string, GateDocument> };
  common_cause?: CommonCauseDocument[];
}

/** One generated tree. */
export interface RandomFaultTree {
  readonly seed: number;
  readonly document: FaultTreeDocument;
  /** The document as model text, YAML or JSON (see `file`). */
  readonly text: string;
  /** A file name for messages, `.json` when the text is JSON. */
  readonly file: string;
  /** Short tags of what was drawn (`ccf:MGL`, `not`, `shared-gate`, …), for triage. */
  readonly features: readonly string[];
}

/** Limits of the generator. */
export interface RandomFaultTreeOptions {
  /** Most basic events written. @defaultValue 14 */
  readonly maxEvents?: number;
  /** Most basic events after common-cause groups are expanded (2^n states are enumerated). @defaultValue 16 */
  readonly maxExpandedEvents?: number;
  /** Most expanded events of a tree with not/xor/nand/nor (its prime implicants cost 3^n). @defaultValue 12 */
  readonly maxNonCoherentEvents?: number;
  /**
   * Only what the Galileo format writes: and, or and at-least gates, all named, no house events,
   * no common-cause groups, no parameters, every event `probability` or `{ rate }` times.
   */
  readonly galileo?: boolean;
}

/** Names that are valid event names but awkward for YAML, JavaScript objects, expressions or MEF. */
const AWKWARD_NAMES = [
  'e',
  'pi',
  'gamma',
  'exp',
  'log',
  'null',
  'true',
  'on',
  'no',
  'constructor',
  'toString',
  '__proto__',
  'hasOwnProperty',
  'NaN',
  'Infinity',
  '_',
  'A',
  'a',
  'Pump-A',
  'Pump-B2',
  'train.pump',
  'a.b.c',
  'x-1',
  'x_1',
  'E1',
];

/** A number as written in the file: 3 significant digits, read back exactly. */
function num(x: number): number {
  return Number(x.toPrecision(3));
}

/** The number of basic events a group adds: one per subset of ≥ 2 members with a non-zero share. */
export function commonCauseEventCount(
  model: CommonCauseKind,
  factors: readonly number[],
  n: number,
): number {
  let count = 0;
  for (let k = 2; k <= n; k++) {
    if (shareIsPositive(model, factors, n, k)) count += binomial(n, k);
  }
  return count;
}

function shareIsPositive(
  model: CommonCauseKind,
  factors: readonly number[],
  n: number,
  k: number,
): boolean {
  switch (model) {
    case 'beta-factor':
      return k === n && element(factors, 0) > 0;
    case 'MGL': {
      // ρ_1 = 1, ρ_2.. = factors, ρ_{n+1} = 0: Q_k ∝ ρ_1⋯ρ_k (1 − ρ_{k+1}).
      const rho = [1, ...factors, 0];
      for (let i = 0; i < k; i++) if (element(rho, i) === 0) return false;
      return element(rho, k) !== 1;
    }
    case 'alpha-factor':
    case 'phi-factor':
      return element(factors, k - 1) > 0;
  }
}

/** C(n, k) for the small n here. */
export function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return Math.round(c);
}

/**
 * Returns a random valid fault-tree document for `seed`; the same seed always gives the same
 * document and text.
 *
 * @param seed - any 32-bit integer
 * @param options - size limits, or the Galileo subset
 */
export function randomFaultTree(
  seed: number,
  options: RandomFaultTreeOptions = {},
): RandomFaultTree {
  const draw = new Draw(testRng(seed));
  const galileo = options.galileo ?? false;
  const maxEvents = Math.max(2, options.maxEvents ?? 14);
  const maxExpanded = options.maxExpandedEvents ?? 16;
  const nonCoherent = !galileo && draw.chance(0.3);
  const cap = Math.min(
    maxExpanded,
    nonCoherent ? (options.maxNonCoherentEvents ?? 12) : maxExpanded,
  );
  const features = new Set<string>();
  if (nonCoherent) features.add('non-coherent-gates');

  // ---- names: one namespace for events, house events and gates ----
  const used = new Set<string>();
  const awkward = !galileo && draw.chance(0.15);
  const style = galileo ? draw.pick(['plain', 'mef']) : draw.pick(['plain', 'plain', 'mef']);
  const fresh = (prefix: string, index: number): string => {
    let name = '';
    if (awkward && draw.chance(0.25)) name = draw.pick(AWKWARD_NAMES);
    if (name === '' || used.has(name)) {
      name = style === 'mef' ? `${prefix === 'e' ? 'Ev' : prefix}-${index}` : `${prefix}${index}`;
      if (style === 'mef' && draw.chance(0.3)) name = `${prefix}.${index}`;
    }
    for (let extra = 2; used.has(name); extra++) name = `${prefix}${index}_${extra}`;
    used.add(name);
    if (AWKWARD_NAMES.includes(name)) features.add('awkward-names');
    return name;
  };

  // ---- events ----
  const eventCount = Math.min(cap, maxEvents, 2 + Math.floor(draw.u() ** 1.3 * 13));
  const kindMode = draw.weighted({ fixed: 3, timed: 4, mixed: 3 });
  const missionTime = num(draw.logUniform(0, 4));
  const parameters = new Map<string, number>();
  const useParameters = !galileo && draw.chance(0.12);
  const amount = (value: number): Amount => {
    if (!useParameters || !draw.chance(0.5)) return value;
    const name = `par_${parameters.size + 1}`;
    parameters.set(name, value);
    features.add('parameters');
    return name;
  };
  const eventNames: string[] = [];
  const events = new Map<string, EventDocument>();
  for (let i = 1; i <= eventCount; i++) {
    const name = fresh('e', i);
    eventNames.push(name);
    const timed = kindMode === 'timed' || (kindMode === 'mixed' && draw.chance(0.5));
    events.set(
      name,
      timed ? timedEvent(draw, missionTime, amount, galileo) : fixedEvent(draw, amount),
    );
  }
  const timedCount = (): number => [...events.values()].filter((e) => 'failure' in e).length;
  features.add(`events:${kindMode}`);

  // ---- common-cause groups over alike events ----
  const groups: CommonCauseDocument[] = [];
  let expanded = eventCount;
  const grouped = new Set<string>();
  const groupCount = galileo ? 0 : draw.weighted({ 0: 7, 1: 2.5, 2: 0.5 });
  for (let g = 0; g < Number(groupCount); g++) {
    const free = eventNames.filter((name) => !grouped.has(name));
    if (free.length < 2) break;
    const size = draw.int(2, Math.min(4, free.length));
    const model = draw.pick(['beta-factor', 'MGL', 'alpha-factor', 'phi-factor'] as const);
    const factors = commonCauseFactors(draw, model, size);
    const added = commonCauseEventCount(model, factors, size);
    if (expanded + added > cap) continue;
    expanded += added;
    const members = draw.shuffle(free).slice(0, size);
    // Alike: every member takes the first one's law, written the same way.
    const law = events.get(element(members, 0))!; // a member is an event
    // Members with failure times need an independent share (a rate of 0 is no exponential
    // law): β < 1, α₁ > 0 (φ₁ ≥ 1/2 here). Only zero-share edge draws change, sizes ≥ 2 keep
    // their events.
    if ('failure' in law && (model === 'beta-factor' || model === 'MGL') && factors[0] === 1) {
      factors[0] = 0.5;
    }
    if ('failure' in law && model === 'alpha-factor' && factors[0] === 0) factors[0] = 0.9;
    for (const member of members) {
      events.set(member, structuredClone(law));
      grouped.add(member);
    }
    groups.push({ name: `ccf_${g + 1}`, members, model, factors });
    features.add(`ccf:${model}`);
    features.add('failure' in law ? 'ccf-timed' : 'ccf-fixed');
  }

  // ---- house events ----
  const houses = new Map<string, boolean>();
  if (!galileo && draw.chance(0.25)) {
    const count = draw.int(1, 2);
    for (let i = 1; i <= count; i++) houses.set(fresh('h', i), draw.chance(0.5));
    features.add('house');
  }
  const houseNames = [...houses.keys()];

  // ---- gates, top down: a named gate names only gates defined after it, so there is no cycle ----
  const gateBudget = 1 + Math.floor(draw.u() ** 1.5 * 8);
  const gateNames: string[] = [];
  const gates = new Map<string, GateDocument>();
  const pending: string[] = [];
  const newGate = (): string => {
    const name = fresh('g', gateNames.length + 1);
    gateNames.push(name);
    pending.push(name);
    return name;
  };
  const top = newGate();
  const unused = new Set(eventNames);
  type Kind = 'and' | 'or' | 'atleast' | 'not' | 'xor' | 'nand' | 'nor';
  const kinds: Partial<Record<Kind, number>> = nonCoherent
    ? { and: 3, or: 3.5, atleast: 2, not: 1, xor: 0.8, nand: 0.6, nor: 0.6 }
    : { and: 3, or: 3.5, atleast: 2 };

  const child = (owner: number, depth: number): GateDocument => {
    const later = gateNames.slice(owner + 1);
    const roll = draw.u();
    if (roll < 0.2 && gateNames.length < gateBudget) return newGate();
    if (roll < 0.3 && later.length > 0) {
      features.add('shared-gate');
      return draw.pick(later);
    }
    if (!galileo && roll < 0.42 && depth < 2) return gate(owner, depth + 1);
    if (roll < 0.47 && houseNames.length > 0) return draw.pick(houseNames);
    const fromUnused = [...unused];
    const name =
      fromUnused.length > 0 && draw.chance(0.75) ? draw.pick(fromUnused) : draw.pick(eventNames);
    if (!unused.delete(name)) features.add('repeated-event');
    return name;
  };
  const gate = (owner: number, depth: number): GateDocument => {
    const kind = draw.weighted(kinds as Record<Kind, number>);
    features.add(kind);
    if (kind === 'not') return { not: child(owner, depth) };
    const width = draw.chance(0.08) ? 1 : draw.int(2, draw.chance(0.8) ? 3 : 5);
    const children = Array.from({ length: width }, () => child(owner, depth));
    if (!galileo && draw.chance(0.03)) {
      children.push(draw.pick(children));
      features.add('duplicate-child');
    }
    if (kind === 'atleast') {
      const vote = { k: draw.int(1, children.length), of: children };
      if (!galileo && draw.chance(0.15)) {
        features.add('vote');
        return { vote };
      }
      return { atleast: vote };
    }
    return { [kind]: children } as GateDocument;
  };
  for (let next = pending.shift(); next !== undefined; next = pending.shift()) {
    const index = gateNames.indexOf(next);
    // Now and then a gate that only names another node (rarely the top: the tree is then one
    // event, a house event or another gate).
    if (!galileo && draw.chance(index > 0 ? 0.04 : 0.02)) {
      gates.set(next, child(index, 2));
      features.add(index > 0 ? 'alias-gate' : 'alias-top');
    } else gates.set(next, gate(index, 0));
  }
  // Events no gate drew join a gate with a list of children, most of the time.
  if (unused.size > 0 && !draw.chance(0.05)) {
    const lists = [...gates.values()].flatMap(childLists);
    for (const name of unused) {
      if (lists.length === 0) break;
      const list = draw.pick(lists);
      list.push(name);
    }
  } else if (unused.size > 0) features.add('unused-event');

  // ---- the document ----
  const hasTimed = timedCount() > 0;
  const withMission = hasTimed ? galileo || !draw.chance(0.04) : draw.chance(0.3);
  if (hasTimed && !withMission) features.add('no-mission-time');
  if (houses.size > 0 && !gatesMention(gates, houseNames)) houses.clear();
  // Object.fromEntries defines own properties, so a name such as __proto__ stays a plain key.
  const document: FaultTreeDocument = {
    name: `random fault tree ${seed}`,
    ...(galileo || draw.chance(0.5) ? { time_unit: 'h' } : {}),
    ...(withMission ? { mission_time: missionTime } : {}),
    ...(parameters.size > 0 ? { parameters: Object.fromEntries(parameters) } : {}),
    events: Object.fromEntries(events),
    ...(houses.size > 0 ? { house_events: Object.fromEntries(houses) } : {}),
    fault_tree: { top, gates: Object.fromEntries(gates) },
    ...(groups.length > 0 ? { common_cause: groups } : {}),
  };
  const json = draw.chance(0.4);
  return {
    seed,
    document,
    text: documentText(document, json ? 'json' : 'yaml'),
    file: `random-fault-tree-${seed}.${json ? 'json' : 'yaml'}`,
    features: [...features].sort(),
  };
}

/** The model text of a document: YAML (block style) or JSON. */
export function documentText(document: FaultTreeDocument, format: 'yaml' | 'json'): string {
  return format === 'json' ? JSON.stringify(document, null, 1) : stringifyYaml(document);
}

/** The lists of children of a gate and its inline gates (not `not`, which has one child). */
export function childLists(gate: GateDocument): GateDocument[][] {
  if (typeof gate === 'string') return [];
  if ('not' in gate) return childLists(gate.not);
  const list =
    'atleast' in gate ? gate.atleast.of : 'vote' in gate ? gate.vote.of : Object.values(gate)[0];
  return [list as GateDocument[], ...(list as GateDocument[]).flatMap(childLists)];
}

function gatesMention(gates: ReadonlyMap<string, GateDocument>, names: readonly string[]): boolean {
  const text = JSON.stringify([...gates.values()]);
  return names.some((name) => text.includes(JSON.stringify(name)));
}

function fixedEvent(draw: Draw, amount: (value: number) => Amount): EventDocument {
  const roll = draw.u();
  let q: number;
  if (roll < 0.02) q = 0;
  else if (roll < 0.04) q = 1;
  else if (roll < 0.14) q = num(1 - draw.logUniform(-3, -0.31));
  else q = num(draw.logUniform(-6, -0.31));
  return { probability: amount(q) };
}

function timedEvent(
  draw: Draw,
  missionTime: number,
  amount: (value: number) => Amount,
  galileo: boolean,
): EventDocument {
  // λ·t from 1e-5 to 5; μ·t from 1e-2 to 1e3.
  const rate = num(draw.logUniform(-5, 0.7) / missionTime);
  const failure: TimeDocument = galileo
    ? { rate }
    : draw.pick<() => TimeDocument>([
        () => ({ rate: amount(rate) }),
        () => ({ mtbf: num(1 / rate) }),
        () => ({ mttf: num(1 / rate) }),
        () => ({ dist: 'exponential', rate }),
        () => ({ dist: 'exponential', mean: num(1 / rate) }),
      ])();
  if (!draw.chance(0.4)) return { failure };
  const repairRate = num(draw.logUniform(-2, 3) / missionTime);
  const repair: TimeDocument = galileo
    ? { rate: repairRate }
    : draw.pick<() => TimeDocument>([
        () => ({ rate: amount(repairRate) }),
        () => ({ mttr: num(1 / repairRate) }),
        () => ({ dist: 'exponential', mean: num(1 / repairRate) }),
      ])();
  return { failure, repair };
}

/** Valid factors of a group of n: mostly ordinary values, now and then 0 or 1. */
function commonCauseFactors(draw: Draw, model: CommonCauseKind, n: number): number[] {
  const edge = (): number | undefined => (draw.chance(0.06) ? draw.pick([0, 1]) : undefined);
  switch (model) {
    case 'beta-factor':
      return [edge() ?? num(draw.logUniform(-3, -0.3))];
    case 'MGL':
      return Array.from({ length: n - 1 }, () => edge() ?? num(draw.u() * 0.9 + 0.05));
    case 'alpha-factor': {
      const alphas: number[] = Array.from({ length: n }, (_, k) =>
        draw.chance(0.08) ? 0 : num(k === 0 ? 0.9 + 0.09 * draw.u() : draw.logUniform(-3, -1)),
      );
      if (!alphas.some((a) => a > 0)) alphas[0] = 1;
      return alphas;
    }
    case 'phi-factor': {
      // Three decimals each, the last one 1 − the others: the sum is 1 in decimals.
      const raw = Array.from({ length: n }, (_, k) =>
        k === 0 ? 5 + 5 * draw.u() : draw.chance(0.1) ? 0 : draw.u(),
      );
      const total = raw.reduce((s, x) => s + x, 0);
      const phis = raw.map((x) => Math.round((1000 * x) / total));
      phis[0] = 1000 - phis.slice(1).reduce((s, x) => s + x, 0);
      return phis.map((x) => x / 1000);
    }
  }
}
