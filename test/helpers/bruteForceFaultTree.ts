/**
 * Brute force over a fault-tree document (test/helpers/randomFaultTree.ts), independent of src/:
 * the common-cause groups expanded by the Open-PSA MEF formulas written out again here, every
 * gate evaluated on all 2^n states of the expanded basic events, and from that truth table the
 * top-event probability, the minimal cut sets (a monotone tree) or prime implicants (any other),
 * the six importance factors by their definitions, and the cut-set approximations.
 *
 * A state is a bit set s of the events that occurred (bit i: event i). Probabilities are sums of
 * products of non-negative factors, summed with Neumaier's compensation, so each carries a
 * relative error of a few n·ε.
 */
import type {
  Amount,
  CommonCauseDocument,
  EventDocument,
  FaultTreeDocument,
  GateDocument,
  TimeDocument,
} from './randomFaultTree.js';
import { binomial } from './randomFaultTree.js';

/** One basic event after the groups are expanded. */
export interface OracleEvent {
  readonly name: string;
  /** P(occurred) at the time; undefined for timed events without a time. */
  readonly q: number | undefined;
  /** P(not occurred), computed directly where it can be. */
  readonly p: number | undefined;
  /** Exponential failure and repair rates of a timed event. */
  readonly rate?: number;
  readonly repairRate?: number;
}

/** A minimal cut set or prime implicant. */
export interface OracleSet {
  /** Event names, `not name` for a negated literal, sorted. */
  readonly literals: readonly string[];
  /** Its probability (each event at 0.5 when the events have no probabilities). */
  readonly probability: number;
  /** Bit set of its events that occur (cut sets: all of them). */
  readonly mask: number;
}

/** The six importance factors; a ratio without a value is null (as the result contract says). */
export interface OracleImportance {
  readonly birnbaum: number;
  readonly criticality: number | null;
  readonly diagnostic: number | null;
  readonly fussellVesely: number | null;
  readonly raw: number | null;
  readonly rrw: number | null;
  /** Q(q_i = 1) and Q(q_i = 0), for tolerances. */
  readonly failed: number;
  readonly perfect: number;
}

/** Everything brute force says about a document at one time. */
export interface BruteForce {
  readonly events: readonly OracleEvent[];
  /** The truth table of the top event over the 2^n states. */
  readonly top: Uint8Array;
  /** Whether the top event is monotone in every event (then it has minimal cut sets). */
  readonly coherent: boolean;
  /** P(top), undefined when some event has no probability. */
  readonly probability: number | undefined;
  /** Minimal cut sets (coherent) or prime implicants, most probable first. */
  readonly sets: readonly OracleSet[];
  /** Importance by event name, undefined when some event has no probability. */
  readonly importance: Readonly<Record<string, OracleImportance>> | undefined;
  /** Whether every event has failure times and the gates are and, or and at-least only. */
  readonly blockForm: boolean;
}

/** Options of {@link bruteForceFaultTree}. */
export interface BruteForceOptions {
  /** The time of the event probabilities. @defaultValue the document's mission time */
  readonly time?: number;
  /** House-event values replacing the document's (1 occurs, 0 not). */
  readonly houseOverrides?: Readonly<Record<string, number>>;
}

/** Most expanded events enumerated (2^n states; 3^n cubes for prime implicants). */
const MAX_EVENTS = 22;
const MAX_IMPLICANT_EVENTS = 15;

/**
 * Returns the brute-force answers for a fault-tree document.
 *
 * @param document - a valid document (bare parameter names allowed where numbers go)
 * @param options - time and house-event overrides
 */
export function bruteForceFaultTree(
  document: FaultTreeDocument,
  options: BruteForceOptions = {},
): BruteForce {
  const time = options.time ?? document.mission_time;
  const value = (amount: Amount): number => {
    if (typeof amount === 'number') return amount;
    const found = document.parameters?.[amount];
    if (found === undefined) throw new Error(`oracle: no parameter ${amount}`);
    return found;
  };
  const expansion = expandEvents(document, time, value);
  const { events, variablesOf } = expansion;
  const n = events.length;
  if (n > MAX_EVENTS) throw new Error(`oracle: ${n} events are too many to enumerate`);
  const size = 2 ** n;
  const houses = new Map<string, boolean>(Object.entries(document.house_events ?? {}));
  for (const [name, v] of Object.entries(options.houseOverrides ?? {})) {
    if (houses.has(name)) houses.set(name, v === 1);
  }
  const gates = new Map<string, GateDocument>(Object.entries(document.fault_tree.gates));

  // ---- truth tables ----
  const variableTable = (i: number): Uint8Array => {
    const table = new Uint8Array(size);
    for (let s = 0; s < size; s++) table[s] = (s >>> i) & 1;
    return table;
  };
  const named = new Map<string, Uint8Array>();
  // What the top reaches: the block form needs every event reached to have failure times and
  // every gate reached to be and, or or at-least (unreached ones do not matter).
  // A top that reaches no event (house events only) is a constant, which has no block form.
  let blockForm = true;
  let reachesEvent = false;
  const nameTable = (name: string): Uint8Array => {
    const known = named.get(name);
    if (known) return known;
    let table: Uint8Array;
    const gate = gates.get(name);
    const variables = variablesOf.get(name);
    if (gate !== undefined) table = gateTable(gate);
    else if (variables !== undefined) {
      reachesEvent = true;
      if ('probability' in (document.events[name] ?? {})) blockForm = false;
      table = new Uint8Array(size);
      for (const i of variables) {
        const v = variableTable(i);
        for (let s = 0; s < size; s++) table[s] = table[s]! | v[s]!;
      }
    } else if (houses.has(name)) table = new Uint8Array(size).fill(houses.get(name) ? 1 : 0);
    else throw new Error(`oracle: unknown name ${name}`);
    named.set(name, table);
    return table;
  };
  const gateTable = (gate: GateDocument): Uint8Array => {
    if (typeof gate === 'string') return nameTable(gate);
    if ('not' in gate) {
      blockForm = false;
      return gateTable(gate.not).map((x) => 1 - x);
    }
    const [kind, body] = Object.entries(gate)[0] as [string, unknown];
    if (kind === 'xor' || kind === 'nand' || kind === 'nor') blockForm = false;
    const vote = kind === 'atleast' || kind === 'vote';
    const list = (vote ? (body as { of: GateDocument[] }).of : body) as GateDocument[];
    const counts = new Uint8Array(size);
    for (const child of list) {
      const t = gateTable(child);
      for (let s = 0; s < size; s++) counts[s] = counts[s]! + t[s]!;
    }
    const m = list.length;
    const k = vote ? value((body as { k: Amount }).k) : 0;
    const rule: (c: number) => boolean =
      kind === 'and'
        ? (c) => c === m
        : kind === 'or'
          ? (c) => c > 0
          : kind === 'nand'
            ? (c) => c !== m
            : kind === 'nor'
              ? (c) => c === 0
              : kind === 'xor'
                ? (c) => c % 2 === 1
                : (c) => c >= k;
    return counts.map((c) => (rule(c) ? 1 : 0));
  };
  const top = gateTable(document.fault_tree.top);

  let coherent = true;
  for (let i = 0; i < n && coherent; i++) {
    const bit = 1 << i;
    for (let s = 0; s < size; s++) {
      if ((s & bit) === 0 && top[s]! > top[s | bit]!) {
        coherent = false;
        break;
      }
    }
  }

  const known = events.every((event) => event.q !== undefined);
  // Without every probability the sets are ranked as if every event had probability 1/2, as
  // faultTreeMeasures lists them (by size).
  const q = events.map((event) => (known ? event.q! : 0.5));
  const p = events.map((event) => (known ? event.p! : 0.5));
  const names = events.map((event) => event.name);
  const sets = coherent ? minimalCutSets(top, n, q, names) : primeImplicants(top, n, q, names);
  sets.sort((a, b) => b.probability - a.probability);
  if (!known) {
    return {
      events,
      top,
      coherent,
      probability: undefined,
      sets,
      importance: undefined,
      blockForm: blockForm && reachesEvent,
    };
  }
  const weights = stateWeights(p, q);
  const probability = sumWhere(size, (s) => top[s] === 1, weights);
  const importance = importanceOf(
    top,
    n,
    p,
    q,
    probability,
    names,
    coherent ? sets : undefined,
    weights,
  );
  return {
    events,
    top,
    coherent,
    probability,
    sets,
    importance,
    blockForm: blockForm && reachesEvent,
  };
}

/** Sets within an order limit and a probability cut-off (kept: P ≥ cutOff). */
export function setsWithin(
  sets: readonly OracleSet[],
  limits: { readonly maxOrder?: number | undefined; readonly cutOff?: number | undefined },
): OracleSet[] {
  return sets.filter(
    (set) =>
      set.literals.length <= (limits.maxOrder ?? Infinity) &&
      set.probability >= (limits.cutOff ?? 0),
  );
}

/** Σ_C ∏ q over the cut sets, and 1 − ∏_C (1 − ∏ q), the latter as −expm1(Σ log1p(−P_C)). */
export function cutSetApproximations(sets: readonly OracleSet[]): { rare: number; mcub: number } {
  const rare = compensatedSum(sets.map((set) => set.probability));
  // A set of probability 1 makes the product 0 (log1p(−1) = −∞, which the sum cannot carry).
  if (sets.some((set) => set.probability === 1)) return { rare, mcub: 1 };
  const logs = compensatedSum(sets.map((set) => Math.log1p(-set.probability)));
  return { rare, mcub: -Math.expm1(logs) };
}

/** Neumaier's compensated sum. */
export function compensatedSum(values: Iterable<number>): number {
  let sum = 0;
  let compensation = 0;
  for (const x of values) {
    const t = sum + x;
    compensation += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return sum + compensation;
}

// ---------------------------------------------------------------------------------------------

interface Expansion {
  readonly events: OracleEvent[];
  /** The variables a written event name stands for: itself, or a member's own part and groups. */
  readonly variablesOf: ReadonlyMap<string, readonly number[]>;
}

/** The rate of an exponential time as written. */
function rateOf(time: TimeDocument, value: (amount: Amount) => number): number {
  if ('rate' in time) return value(time.rate);
  if ('mean' in time) return 1 / time.mean;
  if ('mtbf' in time) return 1 / time.mtbf;
  if ('mttf' in time) return 1 / time.mttf;
  return 1 / time.mttr;
}

/** q and p of an exponential event at t: F(t), or λ/(λ+μ)(1 − e^{−(λ+μ)t}) with repair. */
function timedProbability(
  rate: number,
  repairRate: number | undefined,
  t: number | undefined,
): { q: number | undefined; p: number | undefined } {
  if (t === undefined) return { q: undefined, p: undefined };
  if (repairRate === undefined) return { q: -Math.expm1(-rate * t), p: Math.exp(-rate * t) };
  const total = rate + repairRate;
  const q = (rate / total) * -Math.expm1(-total * t);
  return { q, p: 1 - q };
}

/** The events in file order, then each group's events `[a b …]` of non-zero share. */
function expandEvents(
  document: FaultTreeDocument,
  t: number | undefined,
  value: (amount: Amount) => number,
): Expansion {
  const written = Object.entries(document.events);
  const index = new Map(written.map(([name], i) => [name, i]));
  const laws = written.map(([, event]) => lawOf(event, value));
  const events: OracleEvent[] = written.map(([name], i) => eventAt(name, laws[i]!, t));
  const variablesOf = new Map<string, number[]>(written.map(([name], i) => [name, [i]]));
  for (const group of document.common_cause ?? []) {
    const members = group.members.map((name) => index.get(name)!);
    const law = laws[members[0]!]!;
    const total = 'probability' in law ? law.probability : law.rate;
    const shares = levels(group, total);
    // Which events exist depends on the factors only (Q_k / Q_t > 0), never on Q_t: a group of
    // events of probability 0 still has its common-cause events, of probability 0, and a size
    // whose factors give it no share has none (src/model/commonCause.ts, expandCommonCause).
    // Size 1 included: a member whose independent share is 0 (β = 1, α_1 = 0, …) is the or of
    // its common-cause events alone; its own event stays, irrelevant, with probability Q_1 = 0.
    const exists = levels(group, 1).map((share) => share > 0);
    members.forEach((i) => {
      const own = 'probability' in law ? { probability: shares[0]! } : { ...law, rate: shares[0]! };
      events[i] = eventAt(events[i]!.name, own, t);
      if (!exists[0]) variablesOf.set(events[i]!.name, []);
    });
    for (let k = 2; k <= members.length; k++) {
      const share = shares[k - 1]!;
      if (!exists[k - 1]) continue;
      for (const subset of subsets(members.length, k)) {
        const name = `[${subset.map((m) => group.members[m]).join(' ')}]`;
        const law2 = 'probability' in law ? { probability: share } : { ...law, rate: share };
        events.push(eventAt(name, law2, t));
        for (const m of subset) variablesOf.get(group.members[m]!)!.push(events.length - 1);
      }
    }
  }
  return { events, variablesOf };
}

type Law = { probability: number } | { rate: number; repairRate: number | undefined };

function lawOf(event: EventDocument, value: (amount: Amount) => number): Law {
  if ('probability' in event) return { probability: value(event.probability) };
  return {
    rate: rateOf(event.failure, value),
    repairRate: event.repair === undefined ? undefined : rateOf(event.repair, value),
  };
}

function eventAt(name: string, law: Law, t: number | undefined): OracleEvent {
  if ('probability' in law) return { name, q: law.probability, p: 1 - law.probability };
  return {
    name,
    ...timedProbability(law.rate, law.repairRate, t),
    rate: law.rate,
    ...(law.repairRate !== undefined && { repairRate: law.repairRate }),
  };
}

/**
 * Q_1 … Q_n of one specific event failing exactly k members (MEF §6.1, written out again):
 * beta Q_1 = (1−β)Q, Q_n = βQ; MGL Q_k = ρ_1⋯ρ_k(1−ρ_{k+1})Q / C(n−1,k−1) with ρ_1 = 1,
 * ρ_{n+1} = 0; alpha Q_k = k α_k Q / (C(n−1,k−1) Σ_j j α_j); phi Q_k = φ_k Q.
 */
function levels(group: CommonCauseDocument, total: number): number[] {
  const n = group.members.length;
  const f = group.factors;
  const out = new Array<number>(n).fill(0);
  switch (group.model) {
    case 'beta-factor':
      out[0] = (1 - f[0]!) * total;
      out[n - 1] = f[0]! * total;
      return out;
    case 'MGL': {
      const rho = [1, ...f, 0];
      let product = 1;
      for (let k = 1; k <= n; k++) {
        product *= rho[k - 1]!;
        out[k - 1] = (product * (1 - rho[k]!) * total) / binomial(n - 1, k - 1);
      }
      return out;
    }
    case 'alpha-factor': {
      const alphaTotal = f.reduce((s, a, j) => s + (j + 1) * a, 0);
      for (let k = 1; k <= n; k++) {
        out[k - 1] = (k * f[k - 1]! * total) / (binomial(n - 1, k - 1) * alphaTotal);
      }
      return out;
    }
    case 'phi-factor':
      return f.map((phi) => phi * total);
  }
}

/** The k-subsets of {0 … n−1}, increasing, in lexicographic order. */
function subsets(n: number, k: number): number[][] {
  const all: number[][] = [];
  const walk = (start: number, chosen: number[]): void => {
    if (chosen.length === k) {
      all.push([...chosen]);
      return;
    }
    for (let i = start; i < n; i++) walk(i + 1, [...chosen, i]);
  };
  walk(0, []);
  return all;
}

/** w[s] = ∏_i (s_i ? q_i : p_i), each a product in the order of the events. */
function stateWeights(p: readonly number[], q: readonly number[]): Float64Array {
  const w = new Float64Array(2 ** p.length);
  w[0] = 1;
  for (let i = 0; i < p.length; i++) {
    const half = 2 ** i;
    for (let s = 0; s < half; s++) {
      w[s + half] = w[s]! * q[i]!;
      w[s] = w[s]! * p[i]!;
    }
  }
  return w;
}

function sumWhere(size: number, keep: (s: number) => boolean, weights: Float64Array): number {
  let sum = 0;
  let compensation = 0;
  for (let s = 0; s < size; s++) {
    if (!keep(s)) continue;
    const x = weights[s]!;
    const t = sum + x;
    compensation += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  return sum + compensation;
}

function setOf(literals: string[], probability: number, mask: number): OracleSet {
  return { literals: literals.sort(), probability, mask };
}

/** Minimal cut sets of a monotone table: states that occur while no state one event smaller does. */
function minimalCutSets(
  top: Uint8Array,
  n: number,
  q: readonly number[],
  names: readonly string[],
): OracleSet[] {
  const sets: OracleSet[] = [];
  for (let s = 0; s < top.length; s++) {
    if (top[s] !== 1) continue;
    let minimal = true;
    for (let i = 0; i < n && minimal; i++) {
      if ((s >>> i) & 1 && top[s ^ (1 << i)] === 1) minimal = false;
    }
    if (!minimal) continue;
    const literals: string[] = [];
    let probability = 1;
    for (let i = 0; i < n; i++) {
      if ((s >>> i) & 1) {
        literals.push(names[i]!);
        probability *= q[i]!;
      }
    }
    sets.push(setOf(literals, probability, s));
  }
  return sets;
}

/**
 * Prime implicants of the top event: cubes (each event occurred, not occurred or free, digit 1,
 * 0 or 2 of a base-3 index) all of whose states occur, none of whose one-literal-shorter cubes
 * does. A cube with a free event is an implicant when both its halves are.
 */
function primeImplicants(
  top: Uint8Array,
  n: number,
  q: readonly number[],
  names: readonly string[],
): OracleSet[] {
  if (n > MAX_IMPLICANT_EVENTS) throw new Error(`oracle: ${n} events are too many for 3^n cubes`);
  const pow3 = Array.from({ length: n + 1 }, (_, j) => 3 ** j);
  const cubes = pow3[n]!;
  const implicant = new Uint8Array(cubes);
  const digits = new Uint8Array(n);
  for (let c = 0; c < cubes; c++) {
    if (c > 0) {
      // Count in base 3.
      for (let j = 0; ; j++) {
        if (digits[j]! < 2) {
          digits[j]!++;
          break;
        }
        digits[j] = 0;
      }
    }
    let free = -1;
    let state = 0;
    for (let j = 0; j < n; j++) {
      if (digits[j] === 2) {
        if (free < 0) free = j;
      } else if (digits[j] === 1) state |= 1 << j;
    }
    implicant[c] =
      free < 0 ? top[state]! : implicant[c - 2 * pow3[free]!]! & implicant[c - pow3[free]!]!;
  }
  const sets: OracleSet[] = [];
  digits.fill(0);
  for (let c = 0; c < cubes; c++) {
    if (c > 0) {
      for (let j = 0; ; j++) {
        if (digits[j]! < 2) {
          digits[j]!++;
          break;
        }
        digits[j] = 0;
      }
    }
    if (implicant[c] !== 1) continue;
    let prime = true;
    for (let j = 0; j < n && prime; j++) {
      const d = digits[j]!;
      if (d !== 2 && implicant[c + (2 - d) * pow3[j]!] === 1) prime = false;
    }
    if (!prime) continue;
    const literals: string[] = [];
    let probability = 1;
    let mask = 0;
    for (let j = 0; j < n; j++) {
      if (digits[j] === 1) {
        literals.push(names[j]!);
        probability *= q[j]!;
        mask |= 1 << j;
      } else if (digits[j] === 0) {
        literals.push(`not ${names[j]!}`);
        probability *= 1 - q[j]!;
      }
    }
    sets.push(setOf(literals, probability, mask));
  }
  return sets;
}

/**
 * The six factors by their definitions (docs/concepts.md): Q(q_i = 1) and Q(q_i = 0) summed over
 * the states of the other events, I_B = Σ (φ(1, s) − φ(0, s)) w(s) (its positive and negative
 * parts apart), CIF = q_i I_B/Q, DIF = q_i Q(q_i = 1)/Q, RAW = Q(q_i = 1)/Q, RRW = Q/Q(q_i = 0),
 * FV = P(some minimal cut set holding i has occurred)/Q, the union summed over the states.
 */
function importanceOf(
  top: Uint8Array,
  n: number,
  p: readonly number[],
  q: readonly number[],
  total: number,
  names: readonly string[],
  cutSets: readonly OracleSet[] | undefined,
  weights: Float64Array,
): Record<string, OracleImportance> {
  const size = top.length;
  // covered[s]: the events of the minimal cut sets that have occurred in state s.
  let covered: Uint32Array | undefined;
  if (cutSets) {
    covered = new Uint32Array(size);
    for (const set of cutSets) covered[set.mask] = set.mask;
    for (let s = 1; s < size; s++) {
      for (let i = 0; i < n; i++) {
        if ((s >>> i) & 1) covered[s] = covered[s]! | covered[s ^ (1 << i)]!;
      }
    }
  }
  const result: [string, OracleImportance][] = [];
  const ratio = (a: number, b: number): number | null => {
    const x = a / b;
    return Number.isFinite(x) ? x : null;
  };
  for (let i = 0; i < n; i++) {
    const others = stateWeights(
      p.filter((_, j) => j !== i),
      q.filter((_, j) => j !== i),
    );
    const low = (1 << i) - 1;
    let failed = 0;
    let perfect = 0;
    let up = 0;
    let down = 0;
    const terms = {
      failed: [] as number[],
      perfect: [] as number[],
      up: [] as number[],
      down: [] as number[],
    };
    for (let r = 0; r < others.length; r++) {
      const s0 = ((r & ~low) << 1) | (r & low);
      const t0 = top[s0]!;
      const t1 = top[s0 | (1 << i)]!;
      const w = others[r]!;
      if (t1) terms.failed.push(w);
      if (t0) terms.perfect.push(w);
      if (t1 > t0) terms.up.push(w);
      if (t1 < t0) terms.down.push(w);
    }
    failed = compensatedSum(terms.failed);
    perfect = compensatedSum(terms.perfect);
    up = compensatedSum(terms.up);
    down = compensatedSum(terms.down);
    const birnbaum = up - down;
    let fussellVesely: number | null = null;
    if (covered && total > 0) {
      const mask = 1 << i;
      fussellVesely = sumWhere(size, (s) => (covered[s]! & mask) !== 0, weights) / total;
    }
    result.push([
      names[i]!,
      {
        birnbaum,
        criticality: total > 0 ? ratio(q[i]! * birnbaum, total) : null,
        diagnostic: total > 0 ? ratio(q[i]! * failed, total) : null,
        fussellVesely,
        raw: total > 0 ? ratio(failed, total) : null,
        rrw: total > 0 ? ratio(total, perfect) : null,
        failed,
        perfect,
      },
    ]);
  }
  // Object.fromEntries defines own properties, so an event named __proto__ stays a plain key.
  return Object.fromEntries(result);
}
