import type { Model, QuorumModel } from './Model.js';

/**
 * Returns the model seen as one of its system functions: the same components, units and
 * maintenance, with `system` set to the named function's structure (and no `systems` list), so
 * every solver solves it as a model with one system; its name is the model's with the system's
 * in parentheses, so every result says which system it is of.
 *
 * @param model - a loaded model with `systems` (from `systems:` or `quorum:`)
 * @param name - one of its system names
 * @returns the model of that system (frozen, as loaded models are)
 * @throws Error when the model has no system of that name (list the names with `model.systems`)
 *
 * @example
 * ```ts
 * const store = loadModel('name: s\ncomponents: { r: { count: 3, failure: { mtbf: 1000 }, repair: { mttr: 10 } } }\nquorum: { of: r, read: 1, write: 3 }');
 * systemView(store, 'write').system?.kind; // → koon
 * ```
 */
export function systemView(model: Model, name: string): Model {
  const found = model.systems?.find((entry) => entry.name === name);
  if (found === undefined) {
    const names = model.systems?.map((entry) => entry.name).join(', ');
    throw new Error(
      names === undefined
        ? `the model has one system; it has no system named "${name}"`
        : `the model has no system named "${name}" (systems: ${names})`,
    );
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- left out of the view
  const { systems, quorum, ...rest } = model;
  return Object.freeze({ ...rest, name: `${model.name} (${name})`, system: found.node });
}

/** What a quorum guarantees, as {@link quorumConsistency} states it. */
export interface QuorumConsistency {
  /** R + W > N: every read quorum meets every write quorum. */
  readonly readsSeeLatestWrite: boolean;
  /** W > N/2: any two write quorums meet, so concurrent writes cannot both succeed apart. */
  readonly writesOrdered: boolean;
  /** The guarantee in plain words. */
  readonly statement: string;
}

/**
 * States the consistency a read quorum R and a write quorum W over N replicas guarantee (the
 * static check of quorum systems): R + W > N makes every read quorum intersect every write
 * quorum, so a read reaches a replica that has the latest acknowledged write; W > N/2 makes any
 * two write quorums intersect, so two conflicting writes cannot both be acknowledged.
 *
 * @see D. K. Gifford, "Weighted voting for replicated data", SOSP 1979, pp. 150–162.
 *
 * @example
 * ```ts
 * quorumConsistency({ component: 0, replicas: 3, read: 2, write: 2 }).readsSeeLatestWrite; // → true
 * ```
 */
export function quorumConsistency(quorum: QuorumModel): QuorumConsistency {
  const { replicas: n, read: r, write: w } = quorum;
  const readsSeeLatestWrite = r + w > n;
  const writesOrdered = 2 * w > n;
  const reads = readsSeeLatestWrite
    ? `R + W = ${r + w} > N = ${n}: every read quorum meets every write quorum, so a read sees the latest acknowledged write`
    : `R + W = ${r + w} <= N = ${n}: a read quorum can miss every replica of the latest write, so reads can be stale (eventual consistency at best)`;
  const writes = writesOrdered
    ? `W = ${w} > N/2 = ${n / 2}: any two write quorums meet, so conflicting writes cannot both be acknowledged`
    : `W = ${w} <= N/2 = ${n / 2}: two write quorums can be disjoint, so conflicting writes can both be acknowledged`;
  return { readsSeeLatestWrite, writesOrdered, statement: `${reads}; ${writes}.` };
}
