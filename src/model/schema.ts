import { DISTRIBUTION_PARAMETERS } from '../distributions/registry.js';
import type { DistributionFamily } from '../distributions/types.js';
import { FIT_FAMILY_NAMES, type FitFamilyName } from '../fit/families.js';
import {
  definition,
  nameOrKind,
  fail,
  flag,
  isPlainObject,
  list,
  numeric,
  object,
  oneOf,
  record,
  text,
  unknownKey,
  didYouMean,
  type JsonSchema,
  type Numeric,
  type Property,
  type Schema,
  type SchemaLimits,
} from './schemaKit.js';
import type { Path, PathIssue } from './source.js';
import {
  faultTreeSchemas,
  gateSchema,
  type RawCommonCause,
  type RawEvent,
  type RawFaultTree,
  type RawGate,
} from './faultTreeSchema.js';

/** A model file as written, after its shape is checked and before anything is evaluated. */
export interface RawModel {
  readonly name: string;
  readonly description?: string;
  readonly time_unit?: string;
  readonly parameters?: Readonly<Record<string, Numeric>>;
  readonly components?: Readonly<Record<string, RawComponent>>;
  readonly system?: RawNode;
  /** Several system functions over the same components (read, write, durable, …). */
  readonly systems?: Readonly<Record<string, RawNode>>;
  /** A replicated store's read and write quorums: the systems `read` and `write`. */
  readonly quorum?: RawQuorum;
  readonly markov?: RawChain;
  readonly maintenance?: RawMaintenance;
  readonly mission_time?: Numeric;
  /** Basic events of a fault tree (the fault-tree form, beside `components`/`system`). */
  readonly events?: Readonly<Record<string, RawEvent<RawComponent>>>;
  readonly house_events?: Readonly<Record<string, boolean>>;
  readonly fault_tree?: RawFaultTree;
  readonly common_cause?: readonly RawCommonCause[];
}

export interface RawComponent {
  readonly count?: Numeric;
  readonly failure: RawDistribution;
  readonly repair?: RawDistribution;
  readonly coverage?: Numeric;
  readonly detection?: RawDistribution;
  readonly recovery?: RawDistribution;
  readonly inspection?: RawInspection;
  readonly preventive?: RawPreventive;
  readonly imperfect_repair?: RawImperfectRepair;
  readonly costs?: RawCosts;
}

/** Periodic proof tests: `inspection: { interval, duration?, coverage?, first? }`. */
export interface RawInspection {
  readonly interval: Numeric;
  readonly duration?: Numeric;
  readonly coverage?: Numeric;
  readonly first?: Numeric;
}

/** Preventive replacement: `preventive: { policy: age | block, interval, duration? }`. */
export interface RawPreventive {
  readonly policy: 'age' | 'block';
  readonly interval: Numeric;
  readonly duration?: Numeric;
}

/** Imperfect corrective repair: `imperfect_repair: { model: kijima-1 | kijima-2, factor }`. */
export interface RawImperfectRepair {
  readonly model: 'kijima-1' | 'kijima-2';
  readonly factor: Numeric;
}

/** Costs of one component's maintenance, in any one currency. */
export interface RawCosts {
  readonly corrective?: Numeric;
  readonly preventive?: Numeric;
  readonly inspection?: Numeric;
  readonly downtime_per_hour?: Numeric;
}

/** `quorum: { of: replica, read: R, write: W }`: R of the N replicas serve a read, W a write. */
export interface RawQuorum {
  readonly of: string;
  readonly read: Numeric;
  readonly write: Numeric;
}

/** A hand-written Markov chain: `markov: { states, initial, transitions }`. */
export interface RawChain {
  readonly states: readonly { readonly name: string; readonly up: boolean }[];
  readonly initial: string;
  readonly transitions: readonly {
    readonly from: string;
    readonly to: string;
    readonly rate: Numeric;
  }[];
}

/** `{ dist: weibull, shape: 1.3, scale: 2e5 }`, or a shorthand such as `{ mtbf: 1000 }`. */
export type RawDistribution = Readonly<Record<string, Numeric>> & { readonly dist?: string };

export interface RawMaintenance {
  readonly crews?: Numeric;
  readonly priority?: readonly string[];
  readonly idle_while_down?: boolean;
  readonly crew_cost_per_hour?: Numeric;
  readonly spares?: readonly RawSparePool[];
}

/** A pool of spare parts: `{ name?, components, stock, lead_time }`, restocked one for one. */
export interface RawSparePool {
  readonly name?: string;
  readonly components: readonly string[];
  readonly stock: Numeric;
  readonly lead_time: RawDistribution;
}

export type RawNode =
  | string
  | { readonly series: readonly RawNode[] }
  | { readonly parallel: readonly RawNode[] }
  | { readonly koon: { readonly k: Numeric; readonly of: string | readonly RawNode[] } }
  | { readonly standby: RawStandby }
  | { readonly network: RawNetwork };

export interface RawStandby {
  readonly of?: string;
  readonly primary?: string;
  readonly spares?: string | readonly string[];
  readonly mode?: 'cold' | 'warm' | 'hot';
  readonly dormancy?: Numeric;
  readonly switch?: { readonly success?: Numeric; readonly delay?: RawDistribution };
}

export interface RawNetwork {
  readonly source: string;
  readonly sink: string;
  readonly edges: readonly { readonly from: string; readonly to: string; readonly via: string }[];
}

/** Shorthands for exponential times: the key names the mean or the rate. */
export const FAILURE_SHORTHANDS: Readonly<Record<string, 'mean' | 'rate'>> = {
  mtbf: 'mean',
  mttf: 'mean',
  rate: 'rate',
};
export const REPAIR_SHORTHANDS: Readonly<Record<string, 'mean' | 'rate'>> = {
  mttr: 'mean',
  rate: 'rate',
};
/** Shorthands for exponential delays (detection, recovery, switch-over). */
export const DELAY_SHORTHANDS: Readonly<Record<string, 'mean' | 'rate'>> = {
  mean: 'mean',
  rate: 'rate',
};

/** The structure node kinds, each written as a mapping with that single key. */
export const NODE_KINDS = ['series', 'parallel', 'koon', 'standby', 'network'] as const;

const definitions = new Map<string, () => JsonSchema>();

const name = (description: string): Schema<string> => text(description);

const failureSchema = distribution('failure', FAILURE_SHORTHANDS);
const repairSchema = distribution('repair', REPAIR_SHORTHANDS);
const delaySchema = (role: string): Schema<RawDistribution> => distribution(role, DELAY_SHORTHANDS);

const nodeSchema: Schema<RawNode> = definition('node', definitions, () => structureNode());

const componentSchema = object<RawComponent>(
  {
    count: { schema: numeric('number of identical units (integer >= 1); default 1') },
    failure: { schema: failureSchema, required: true },
    repair: { schema: repairSchema },
    coverage: {
      schema: numeric('probability a failure is detected and masked, in [0, 1]; default 1'),
    },
    detection: { schema: delaySchema('detection') },
    recovery: { schema: delaySchema('recovery') },
    inspection: {
      schema: object<RawInspection>(
        {
          interval: { schema: numeric('time between proof tests, > 0'), required: true },
          duration: {
            schema: numeric(
              'time a test takes the units out of service, in [0, interval); default 0',
            ),
          },
          coverage: {
            schema: numeric('probability a test finds a hidden failure, in [0, 1]; default 1'),
          },
          first: { schema: numeric('time of the first test, > 0; default interval') },
        },
        'periodic proof tests: failures stay hidden until a test finds them',
      ),
    },
    preventive: {
      schema: object<RawPreventive>(
        {
          policy: {
            schema: oneOf(
              ['age', 'block'],
              'age: replace a unit at age interval; block: every unit at each multiple of interval',
            ),
            required: true,
          },
          interval: { schema: numeric('replacement age or period, > 0'), required: true },
          duration: {
            schema: numeric('time a replacement takes the unit out of service, >= 0; default 0'),
          },
        },
        'preventive replacement: a working unit is renewed as good as new',
      ),
    },
    imperfect_repair: {
      schema: object<RawImperfectRepair>(
        {
          model: {
            schema: oneOf(['kijima-1', 'kijima-2'], 'Kijima virtual-age model of the repair'),
            required: true,
          },
          factor: {
            schema: numeric('restoration factor q in [0, 1]: 0 as good as new, 1 as bad as old'),
            required: true,
          },
        },
        'corrective repairs that leave the unit with a virtual age (simulation only)',
      ),
    },
    costs: {
      schema: object<RawCosts>(
        {
          corrective: { schema: numeric('cost of one corrective repair, >= 0; default 0') },
          preventive: { schema: numeric('cost of one preventive replacement, >= 0; default 0') },
          inspection: { schema: numeric('cost of testing one unit once, >= 0; default 0') },
          downtime_per_hour: {
            schema: numeric('cost per time unit a unit is out of service, >= 0; default 0'),
          },
        },
        'maintenance costs of one unit, in one currency of your choice',
      ),
    },
  },
  'a component type: its failure and repair times, number of units, coverage, tests, maintenance and costs',
);

const gate: Schema<RawGate> = definition('gate', definitions, () => gateSchema(gate));
const faultTree = faultTreeSchemas(componentSchema, gate);

/** The parameters section: names to numbers or expressions. */
const parametersSchema = record(
  numeric('a number, or an expression over other parameters'),
  'named numbers used in expressions anywhere in the model',
);

/** The components section: component types by name. */
const componentsSchema = record(componentSchema, 'component types by name', 1);

/** The top-level keys of a model file and their schemas. */
const modelProperties: Record<keyof RawModel, Property> = {
  name: { schema: text('name of the system'), required: true },
  description: { schema: text('what the system is, its exact answers and their source') },
  time_unit: { schema: text('the one time unit of every time and rate, such as h; default h') },
  parameters: { schema: parametersSchema },
  components: { schema: componentsSchema },
  system: { schema: nodeSchema },
  systems: {
    schema: record(
      nodeSchema,
      'several system functions over the same components, by name (such as read and write): each a structure node',
      1,
    ),
  },
  quorum: {
    schema: object<RawQuorum>(
      {
        of: { schema: name('the replica component (its count is N)'), required: true },
        read: { schema: numeric('replicas a read needs, integer in [1, N]'), required: true },
        write: { schema: numeric('replicas a write needs, integer in [1, N]'), required: true },
      },
      'read and write quorums over replicas: gives the systems read and write, and states the consistency they guarantee',
    ),
  },
  markov: { schema: chainSchema() },
  maintenance: {
    schema: object<RawMaintenance>(
      {
        crews: { schema: numeric('number of repair crews (integer >= 1); default unlimited') },
        priority: {
          schema: list(name('a component name'), 'repair order when crews are short'),
        },
        idle_while_down: {
          schema: flag('surviving units stop ageing while the system is down; default false'),
        },
        crew_cost_per_hour: {
          schema: numeric('cost per time unit a crew spends repairing, >= 0; default 0'),
        },
        spares: {
          schema: list(
            object<RawSparePool>(
              {
                name: { schema: name('the pool name, for reports; default "pool N"') },
                components: {
                  schema: list(name('a component name'), 'the components it serves', 1),
                  required: true,
                },
                stock: {
                  schema: numeric('spares on hand at the start (integer >= 0)'),
                  required: true,
                },
                lead_time: { schema: delaySchema('restocking lead'), required: true },
              },
              'a pool of spare parts: each repair takes one, and each one taken is reordered at once',
            ),
            'spare-part pools; a failed unit waits for a spare when its pool is empty',
            1,
          ),
        },
      },
      'how failed units are repaired',
    ),
  },
  mission_time: { schema: numeric('mission time for reliability questions, > 0') },
  events: { schema: faultTree.events },
  house_events: { schema: faultTree.houseEvents },
  fault_tree: { schema: faultTree.faultTree },
  common_cause: { schema: faultTree.commonCause },
};

/** The whole model file. */
export const modelSchema: Schema<RawModel> = object<RawModel>(modelProperties, 'a relkit model');

/** A model file's sections after {@link checkModelSections}: each one that passed, on its own. */
export interface CheckedSections {
  /**
   * The sections that passed their checks; `parameters` and `components` hold the entries that
   * passed, even when others did not.
   */
  readonly raw: Partial<RawModel>;
  /** Parameters written in the file but rejected by the schema (already reported). */
  readonly rejectedParameters: ReadonlySet<string>;
  /** Components written in the file but rejected by the schema (already reported). */
  readonly rejectedComponents: ReadonlySet<string>;
  /** Basic events written in the file but rejected by the schema (already reported). */
  readonly rejectedEvents: ReadonlySet<string>;
}

/**
 * Checks a model file's top-level mapping section by section, and parameters and components
 * entry by entry, recording every issue: the same checks as {@link modelSchema}, but what passed
 * is kept, so the later stages can report their own problems in the same run instead of one
 * round of mistakes at a time.
 *
 * @returns the checked sections, or undefined (after an issue) when `data` is not a mapping
 */
export function checkModelSections(
  data: unknown,
  issues: PathIssue[],
  limits: SchemaLimits,
): CheckedSections | undefined {
  if (!isPlainObject(data)) return fail(issues, [], 'must be a mapping (key: value)', data);
  const known = new Map(Object.entries(modelProperties));
  const raw: Record<string, unknown> = {};
  let rejectedParameters = new Set<string>();
  let rejectedComponents = new Set<string>();
  let rejectedEvents = new Set<string>();
  const entryWise = {
    parameters: parametersSchema,
    components: componentsSchema,
    events: faultTree.events,
  } as const;
  for (const key of Object.keys(data)) {
    const property = known.get(key);
    if (!property) {
      issues.push({ path: [key], message: unknownKey(key, [...known.keys()]), atKey: true });
    } else if (key === 'parameters' || key === 'components' || key === 'events') {
      const before = issues.length;
      const checked = entryWise[key].checkEntries(data[key], [key], issues, limits);
      if (!checked) continue;
      if (key === 'parameters') rejectedParameters = checked.rejected;
      else if (key === 'components') rejectedComponents = checked.rejected;
      else rejectedEvents = checked.rejected;
      // No entry passed (or there are none, which is an issue): nothing later can stand on it.
      if (checked.entries.size === 0 && issues.length > before) continue;
      raw[key] = Object.fromEntries(checked.entries);
    } else {
      const checked = property.schema.check(data[key], [key], issues, limits);
      if (checked !== undefined) raw[key] = checked;
    }
  }
  for (const [key, property] of known) {
    if (property.required === true && !Object.hasOwn(data, key)) {
      issues.push({ path: [], message: `must have the key "${key}"` });
    }
  }
  return { raw: raw as Partial<RawModel>, rejectedParameters, rejectedComponents, rejectedEvents };
}

/** The JSON Schema of model files, as written to models/schema.json. */
export function modelJsonSchema(): JsonSchema {
  const root = modelSchema.json;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://relkit.dev/schema/model.json',
    title: 'relkit model',
    ...root,
    // A model is a structure (components and system), a fault tree (events and fault_tree) or
    // a hand-written chain (markov).
    anyOf: [
      { required: ['components', 'system'] },
      { required: ['components', 'systems'] },
      { required: ['components', 'quorum'] },
      { required: ['events', 'fault_tree'] },
      { required: ['markov'] },
    ],
    $defs: Object.fromEntries([...definitions].map(([key, json]) => [key, json()])),
  };
}

function chainSchema(): Schema<RawChain> {
  return object<RawChain>(
    {
      states: {
        schema: list(
          object(
            {
              name: { schema: name('the state name'), required: true },
              up: { schema: flag('whether the system is up in this state'), required: true },
            },
            'a state of the chain',
          ),
          'the states',
          1,
        ),
        required: true,
      },
      initial: { schema: name('the state the system starts in'), required: true },
      transitions: {
        schema: list(
          object(
            {
              from: { schema: name('a state name'), required: true },
              to: { schema: name('a state name'), required: true },
              rate: { schema: numeric('transition rate per time unit, > 0'), required: true },
            },
            'a transition with its rate',
          ),
          'the transitions',
          1,
        ),
        required: true,
      },
    },
    'a hand-written continuous-time Markov chain',
  );
}

function structureNode(): Schema<RawNode> {
  const children = list(nodeSchema, 'nodes or component names', 0);
  const kinds: Record<(typeof NODE_KINDS)[number], Schema<unknown>> = {
    series: children,
    parallel: children,
    koon: object(
      {
        k: { schema: numeric('how many must work (integer in [0, n])'), required: true },
        of: { schema: nodeOrNames(children), required: true },
      },
      'k-out-of-n: works while at least k of its children work',
    ),
    standby: object(
      {
        of: { schema: name('a counted component: unit 1 active, the others spares') },
        primary: { schema: name('the component active first') },
        spares: { schema: nodeOrNames(list(name('a component name'), 'spares in order', 1)) },
        mode: { schema: oneOf(['cold', 'warm', 'hot'], 'how spares age; default cold') },
        dormancy: {
          schema: numeric('warm spares age at this fraction of the active rate, in (0, 1)'),
        },
        switch: {
          schema: object(
            {
              success: { schema: numeric('probability a switch-over succeeds; default 1') },
              delay: { schema: delaySchema('switch-over') },
            },
            'the switch-over to a spare',
          ),
        },
      },
      'standby redundancy: spares take over in order when the active unit fails',
    ),
    network: object(
      {
        source: { schema: name('the start node'), required: true },
        sink: { schema: name('the end node'), required: true },
        edges: {
          schema: list(
            object(
              {
                from: { schema: name('a node name'), required: true },
                to: { schema: name('a node name'), required: true },
                via: { schema: name('the component that makes this link work'), required: true },
              },
              'an undirected link that works while its component works',
            ),
            'the links',
            1,
          ),
          required: true,
        },
      },
      'a network: works while a path of working links joins source and sink',
    ),
  };
  return nameOrKind<RawNode>('a component name', kinds) as Schema<RawNode>;
}

/** A component name (all its units) or a list of children. */
function nodeOrNames<T>(listSchema: Schema<T>): Schema<string | T> {
  return {
    json: { anyOf: [{ type: 'string', minLength: 1 }, listSchema.json] },
    check: (value, path, issues, limits) =>
      typeof value === 'string' && value.length > 0
        ? value
        : listSchema.check(value, path, issues, limits),
  };
}

/** A distribution: `dist` names the family, the other keys its parameters; or a shorthand. */
/** Checks a law fitted from data: `{ fit: FILE, dist: FAMILY }`, nothing else. */
function checkFitted(
  raw: Record<string, unknown>,
  path: Path,
  issues: PathIssue[],
): RawDistribution | undefined {
  const before = issues.length;
  const { fit, dist, ...rest } = raw;
  if (typeof fit !== 'string' || fit === '') {
    fail(issues, [...path, 'fit'], 'must be the name of a data file (CSV: time,status,…)', fit);
  }
  if (!FIT_FAMILY_NAMES.includes(dist as FitFamilyName)) {
    const hint = typeof dist === 'string' ? didYouMean(dist, FIT_FAMILY_NAMES) : undefined;
    fail(issues, [...path, 'dist'], `must be one of ${FIT_FAMILY_NAMES.join(', ')}`, dist, hint);
  }
  for (const key of Object.keys(rest)) {
    issues.push({ path: [...path, key], message: unknownKey(key, ['fit', 'dist']), atKey: true });
  }
  return issues.length === before ? (raw as RawDistribution) : undefined;
}

function distribution(
  role: string,
  shorthands: Readonly<Record<string, string>>,
): Schema<RawDistribution> {
  const families = Object.keys(DISTRIBUTION_PARAMETERS) as DistributionFamily[];
  const value = numeric('a number or an expression');
  const json = {
    description: `${role} time: a distribution, or a shorthand (${Object.keys(shorthands).join(', ')}) for an exponential`,
    oneOf: [
      ...families.map((family) => ({
        type: 'object',
        properties: {
          dist: { const: family },
          ...Object.fromEntries(DISTRIBUTION_PARAMETERS[family].map((p) => [p, value.json])),
        },
        required: ['dist'],
        additionalProperties: false,
      })),
      ...Object.keys(shorthands).map((key) => ({
        type: 'object',
        properties: { [key]: value.json },
        required: [key],
        additionalProperties: false,
      })),
      {
        type: 'object',
        description:
          'fitted by maximum likelihood to the life data of a CSV file (docs/fitting.md)',
        properties: {
          fit: { type: 'string', description: 'the data file, relative to the model file' },
          // Not an enum: editors would offer the fit-only families (gumbel, …) as laws of their own.
          dist: {
            type: 'string',
            description: `the family fitted: ${FIT_FAMILY_NAMES.join(', ')}`,
          },
        },
        required: ['fit', 'dist'],
        additionalProperties: false,
      },
    ],
  };
  const check = (
    raw: unknown,
    path: Path,
    issues: PathIssue[],
    limits: SchemaLimits,
  ): RawDistribution | undefined => {
    if (!isPlainObject(raw)) {
      return fail(
        issues,
        path,
        `must be a distribution such as { dist: exponential, rate: 1e-4 }`,
        raw,
      );
    }
    if (Object.hasOwn(raw, 'fit')) return checkFitted(raw, path, issues);
    const before = issues.length;
    const { dist, ...parameters } = raw;
    let allowed: readonly string[];
    if (dist === undefined) {
      allowed = Object.keys(shorthands);
      if (Object.keys(parameters).length !== 1) {
        return fail(
          issues,
          path,
          `must name a family with dist (${families.join(', ')}) or use one shorthand (${allowed.join(', ')})`,
          raw,
        );
      }
    } else if (families.includes(dist as DistributionFamily)) {
      allowed = DISTRIBUTION_PARAMETERS[dist as DistributionFamily];
    } else {
      const hint = didYouMean(dist, families);
      return fail(issues, [...path, 'dist'], `must be one of ${families.join(', ')}`, dist, hint);
    }
    for (const [key, entry] of Object.entries(parameters)) {
      if (allowed.includes(key)) value.check(entry, [...path, key], issues, limits);
      else issues.push({ path: [...path, key], message: unknownKey(key, allowed), atKey: true });
    }
    return issues.length === before ? (raw as RawDistribution) : undefined;
  };
  return { json, check };
}
