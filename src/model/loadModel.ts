import { ModelError, listNames } from '../errors.js';
import type { Model } from './Model.js';
import { resolveModelLimits, type ModelLimits } from './ModelLimits.js';
import { buildComponents, evaluateInteger } from './buildComponents.js';
import { buildSystem } from './buildSystem.js';
import { evaluateNumeric, evaluateParameters, type ParameterValues } from './parameters.js';
import { buildChain } from './buildChain.js';
import {
  DELAY_SHORTHANDS,
  FAILURE_SHORTHANDS,
  REPAIR_SHORTHANDS,
  modelSchema,
  type RawModel,
} from './schema.js';
import { objectSource, parseModelText, type ModelSource, type PathIssue } from './source.js';

/** Options of {@link loadModel}. */
export interface LoadModelOptions {
  /**
   * File name used in messages.
   * @defaultValue `'<input>'`
   */
  readonly file?: string;
  /**
   * Parameter values that replace the file's (what-if studies, sweeps); each must name a
   * parameter of the file.
   */
  readonly overrides?: Readonly<Record<string, number>>;
  /**
   * Limits on the text's size, an expression's length and the number of units, against hostile
   * input; each field left out keeps its default (see {@link ModelLimits}).
   * @defaultValue `DEFAULT_MODEL_LIMITS`
   */
  readonly limits?: ModelLimits;
}

/**
 * Returns the evaluated model described by YAML/JSON text or by an already-parsed object:
 * shape checked against the schema, parameters evaluated, names resolved, every distribution
 * checked by its factory.
 *
 * @param input - model text (YAML or JSON) or a parsed object
 * @param options - file name for messages, parameter overrides, limits
 * @returns an immutable, plain-data {@link Model}
 * @throws {@link ModelError} carrying every issue found, each with file, line, column and path;
 * a limit reached is one such issue, naming the limit, the option and the CLI flag that raise it
 * @throws {@link ParameterError} when a limit in `options.limits` is not an integer >= 1
 *
 * @remarks
 * Stages: parse (syntax errors with line and column) → schema (shape) → parameters (expressions
 * in a restricted evaluator, any order, cycles refused) → components (counts, distributions,
 * coverage) → structure (names resolved, k checked against n). A stage runs only when the
 * stages it needs passed, so one mistake is reported once. Every stage takes time linear in the
 * text, and recursion is bounded (docs/security.md).
 *
 * @example
 * ```ts
 * const model = loadModel('name: pair\ncomponents:\n  disk: { count: 2, failure: { mtbf: 1000 } }\nsystem: { parallel: [disk] }');
 * model.units.length; // → 2
 * model.components[0].failure.mean; // → 1000
 * loadModel('name: big\ncomponents:\n  disk: { count: 200, failure: { mtbf: 1000 } }\nsystem: disk', { limits: { maxUnits: 500 } }).units.length; // → 200
 * ```
 */
export function loadModel(input: string | object, options: LoadModelOptions = {}): Model {
  const file = options.file ?? '<input>';
  const limits = resolveModelLimits(options.limits);
  let source: ModelSource;
  if (typeof input === 'string') {
    const parsed = parseModelText(input, file, limits.maxModelSize);
    if (parsed.issues.length > 0) throw new ModelError(parsed.issues);
    source = parsed.source;
  } else {
    source = objectSource(input, file);
  }
  const issues: PathIssue[] = [];
  const model = buildModel(source.data, options.overrides ?? {}, limits, issues);
  if (!model) throw new ModelError(issues.map(source.locate));
  return model;
}

function buildModel(
  data: unknown,
  overrides: Readonly<Record<string, number>>,
  limits: Required<ModelLimits>,
  issues: PathIssue[],
): Model | undefined {
  if (data === undefined || data === null) {
    issues.push({ path: [], message: 'is empty; a model needs name, components and system' });
    return undefined;
  }
  const raw = modelSchema.check(data, [], issues, limits);
  if (!raw) return undefined;
  const rawParameters = { ...raw.parameters };
  for (const [name, value] of Object.entries(overrides)) {
    if (!(name in rawParameters)) {
      issues.push({ path: ['parameters'], message: `has no parameter "${name}" to override` });
    }
    rawParameters[name] = value;
  }
  const parameters = evaluateParameters(rawParameters, issues);
  if (issues.length > 0) return undefined;
  const chain = raw.markov && buildChain(raw.markov, parameters, issues);
  let structure: Structure | undefined;
  if (raw.components !== undefined || raw.system !== undefined || raw.markov === undefined) {
    for (const key of ['components', 'system'] as const) {
      if (raw[key] === undefined) issues.push({ path: [], message: `must have the key "${key}"` });
    }
    if (raw.components !== undefined && raw.system !== undefined) {
      const { components, system, maintenance } = raw;
      structure = buildStructure(components, system, maintenance, parameters, limits, issues);
    }
  }
  let missionTime: number | undefined;
  if (raw.mission_time !== undefined) {
    missionTime = evaluateNumeric(raw.mission_time, parameters, ['mission_time'], issues);
    if (missionTime !== undefined && !(missionTime > 0)) {
      issues.push({ path: ['mission_time'], message: `must be > 0; got ${missionTime}` });
    }
  }
  if (issues.length > 0) return undefined;
  return deepFreeze({
    name: raw.name,
    description: raw.description ?? '',
    timeUnit: raw.time_unit ?? 'h',
    parameters: Object.fromEntries(parameters),
    components: structure?.components ?? [],
    units: structure?.units ?? [],
    ...(structure?.system && { system: structure.system }),
    ...(chain && { chain }),
    maintenance: structure?.maintenance ?? { priority: [], idleWhileDown: false },
    ...(missionTime !== undefined && { missionTime }),
  });
}

type Structure = Pick<Model, 'components' | 'units' | 'system' | 'maintenance'>;

/** Components, the structure over their units, and maintenance. */
function buildStructure(
  rawComponents: NonNullable<RawModel['components']>,
  rawSystem: NonNullable<RawModel['system']>,
  maintenance: RawModel['maintenance'],
  parameters: ParameterValues,
  limits: Required<ModelLimits>,
  issues: PathIssue[],
): Structure | undefined {
  const { components, units } = buildComponents(
    rawComponents,
    parameters,
    { failure: FAILURE_SHORTHANDS, repair: REPAIR_SHORTHANDS, delay: DELAY_SHORTHANDS },
    limits.maxUnits,
    issues,
  );
  const index = new Map(components.map((component, i) => [component.name, i]));
  const rejected = new Set(Object.keys(rawComponents).filter((name) => !index.has(name)));
  const system = buildSystem(rawSystem, {
    components,
    units,
    parameters,
    delayShorthands: DELAY_SHORTHANDS,
    rejected,
    issues,
  });
  const crews =
    maintenance?.crews === undefined
      ? undefined
      : evaluateInteger(
          maintenance.crews,
          parameters,
          ['maintenance', 'crews'],
          1,
          units.length || 1,
          issues,
        );
  const priority = (maintenance?.priority ?? []).map((name, position) => {
    const component = index.get(name) ?? -1;
    if (component < 0 && !rejected.has(name)) {
      issues.push({
        path: ['maintenance', 'priority', position],
        message: `names the unknown component "${name}" (components: ${listNames(index.keys(), index.size)})`,
      });
    }
    return component;
  });
  if (!system) return undefined;
  return {
    components,
    units,
    system,
    maintenance: {
      ...(crews !== undefined && { crews }),
      priority,
      idleWhileDown: maintenance?.idle_while_down ?? false,
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const entry of Object.values(value)) deepFreeze(entry);
  }
  return value;
}
