import {
  flag,
  isPlainObject,
  list,
  nameOrKind,
  numeric,
  object,
  oneOf,
  record,
  text,
  type Numeric,
  type Schema,
} from './schemaKit.js';

/** A basic event of a fault tree: a fixed probability, or failure (and repair) times. */
export type RawEvent<Component> = { readonly probability: Numeric } | Component;

/**
 * A gate of a fault tree as written: a name (gate, basic event or house event), or a mapping
 * with one key naming the gate kind.
 */
export type RawGate =
  | string
  | { readonly and: readonly RawGate[] }
  | { readonly or: readonly RawGate[] }
  | { readonly xor: readonly RawGate[] }
  | { readonly nand: readonly RawGate[] }
  | { readonly nor: readonly RawGate[] }
  | { readonly not: RawGate }
  | { readonly atleast: RawVote }
  | { readonly vote: RawVote };

/** `atleast: { k: 2, of: [a, b, c] }`: occurs when at least k children occur. */
export interface RawVote {
  readonly k: Numeric;
  readonly of: readonly RawGate[];
}

/** The `fault_tree` section: the top gate and the named gates. */
export interface RawFaultTree {
  readonly top: string;
  readonly gates: Readonly<Record<string, RawGate>>;
}

/** One `common_cause` group. */
export interface RawCommonCause {
  readonly name?: string;
  readonly members: readonly string[];
  readonly model: 'beta-factor' | 'MGL' | 'alpha-factor' | 'phi-factor';
  /** The factors of the model; a beta-factor group may give `beta` instead. */
  readonly factors?: readonly Numeric[];
  /** β of a beta-factor group: the same as `factors: [β]`. */
  readonly beta?: Numeric;
}

/** The gate kinds, each written as a mapping with that single key. */
export const GATE_KINDS = ['and', 'or', 'atleast', 'vote', 'not', 'xor', 'nand', 'nor'] as const;

/**
 * Names of basic events, house events and gates: as parameter names, and also `-` and `.`
 * between parts (`Isolation-valve-A`, `Train.pump`), as Open-PSA files write them.
 */
export const EVENT_NAME_PATTERN: RegExp = /^[A-Za-z_][A-Za-z0-9_]*(?:[-.][A-Za-z0-9_]+)*$/;

/** The schemas of the fault-tree sections, given the component schema events share. */
export interface FaultTreeSchemas<Component> {
  readonly events: ReturnType<typeof record<RawEvent<Component>>>;
  readonly houseEvents: Schema<Record<string, boolean>>;
  readonly faultTree: Schema<RawFaultTree>;
  readonly commonCause: Schema<RawCommonCause[]>;
}

/**
 * Builds the schemas of `events`, `house_events`, `fault_tree` and `common_cause`.
 *
 * @param component - the schema of a component (an event with failure times is one unit of it)
 * @param gate - the recursive gate schema, as registered under `$defs`
 */
export function faultTreeSchemas<Component extends object>(
  component: Schema<Component>,
  gate: Schema<RawGate>,
): FaultTreeSchemas<Component> {
  const fixed = object<{ probability: Numeric }>(
    {
      probability: {
        schema: numeric('probability that the event has occurred, in [0, 1]'),
        required: true,
      },
    },
    'a basic event with a fixed probability',
  );
  const event: Schema<RawEvent<Component>> = {
    json: {
      description: 'a basic event: a fixed probability, or failure (and repair) times',
      oneOf: [fixed.json, component.json],
    },
    check: (value, path, issues, limits) => {
      if (isPlainObject(value) && Object.hasOwn(value, 'probability')) {
        return fixed.check(value, path, issues, limits);
      }
      if (isPlainObject(value) && Object.hasOwn(value, 'count')) {
        issues.push({
          path: [...path, 'count'],
          message: 'is not a key of a basic event: an event is one unit (count is for components)',
          atKey: true,
        });
        return undefined;
      }
      return component.check(value, path, issues, limits);
    },
  };
  return {
    events: record(event, 'basic events by name', 1, EVENT_NAME_PATTERN),
    houseEvents: record(
      flag('true: the house event occurs'),
      'house events: constants of the tree, overridable per run',
      0,
      EVENT_NAME_PATTERN,
    ),
    faultTree: object<RawFaultTree>(
      {
        top: { schema: text('the top gate'), required: true },
        gates: {
          schema: record(gate, 'gates by name', 1, EVENT_NAME_PATTERN),
          required: true,
        },
      },
      'a fault tree: the top event in failure logic over basic and house events',
    ),
    commonCause: list(
      object<RawCommonCause>(
        {
          name: { schema: text('the name of the group (default: its place in the list)') },
          members: {
            schema: list(
              text('a basic event; in a block model a component (all its units) or a unit'),
              'the members of the group: basic events, or components and units of a block model',
              1,
            ),
            required: true,
          },
          model: {
            schema: oneOf(
              ['beta-factor', 'MGL', 'alpha-factor', 'phi-factor'],
              'the common-cause model',
            ),
            required: true,
          },
          factors: {
            schema: list(
              numeric('a factor'),
              'beta-factor: [β]; MGL: [β, γ, δ, …] for 2, 3, … members; alpha-factor: [α1 … αn]; phi-factor: [φ1 … φn]',
              1,
            ),
          },
          beta: {
            schema: numeric(
              'β of a beta-factor group, the share of each failure that is common cause: the same as factors: [β]',
            ),
          },
        },
        'a common-cause group: its members fail together with the shares its model gives',
      ),
      'common-cause failure groups',
      1,
    ),
  };
}

/** The recursive gate schema (registered by the caller under `$defs`). */
export function gateSchema(self: Schema<RawGate>): Schema<RawGate> {
  const children = list(self, 'gates or event names', 1);
  const vote = object<RawVote>(
    {
      k: { schema: numeric('how many children must occur (integer in [1, n])'), required: true },
      of: { schema: children, required: true },
    },
    'occurs when at least k of its children occur',
  );
  const kinds: Record<(typeof GATE_KINDS)[number], Schema<unknown>> = {
    and: children,
    or: children,
    atleast: vote,
    vote,
    not: self,
    xor: children,
    nand: children,
    nor: children,
  };
  return nameOrKind<RawGate>('an event name', kinds) as Schema<RawGate>;
}
