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
  checkModelSections,
  type RawModel,
} from './schema.js';
import type { Numeric } from './schemaKit.js';
import {
  objectSource,
  parseModelText,
  type ModelFormat,
  type ModelSource,
  type PathIssue,
} from './source.js';

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
  /**
   * How the text is written: `yaml` (which reads JSON too) or `json`, held to JSON's syntax (a
   * trailing comma or a comment is an error). Ignored for an object.
   * @defaultValue `json` when `file` ends with `.json` (any case), else `yaml`
   */
  readonly format?: ModelFormat;
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
 * coverage) → structure (names resolved, k checked against n). The schema is checked section by
 * section and parameters and components entry by entry, and each stage goes on with what passed
 * before it: what uses a rejected parameter or component is not reported again, so every
 * independent problem is reported in one run, and one mistake once (only a syntax error, or a
 * file that is not a mapping, stops at once). Every stage takes time linear in the text, and
 * recursion is bounded (docs/security.md).
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
    const format = options.format ?? (/\.json$/i.test(file) ? 'json' : 'yaml');
    const parsed = parseModelText(input, file, limits.maxModelSize, format);
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
  const sections = checkModelSections(data, issues, limits);
  if (!sections) return undefined;
  const { raw, rejectedParameters } = sections;
  const written = data as Record<string, unknown>;
  // A Map keyed by name: an override named "constructor" or "__proto__" is not a parameter
  // unless the file defines one.
  const rawParameters = new Map<string, Numeric>(Object.entries(raw.parameters ?? {}));
  for (const [name, value] of Object.entries(overrides)) {
    if (!rawParameters.has(name) && !rejectedParameters.has(name)) {
      issues.push({ path: ['parameters'], message: `has no parameter "${name}" to override` });
    }
    rawParameters.set(name, value);
  }
  const parameters = evaluateParameters(rawParameters, rejectedParameters, issues);
  const chain = raw.markov && buildChain(raw.markov, parameters, issues);
  let structure: Structure | undefined;
  if (
    Object.hasOwn(written, 'components') ||
    Object.hasOwn(written, 'system') ||
    !Object.hasOwn(written, 'markov')
  ) {
    for (const key of ['components', 'system'] as const) {
      if (!Object.hasOwn(written, key))
        issues.push({ path: [], message: `must have the key "${key}"` });
    }
    if (raw.components !== undefined) {
      const file = { components: written.components as object };
      structure = buildStructure(
        raw,
        file,
        sections.rejectedComponents,
        parameters,
        limits,
        issues,
      );
    }
  }
  let missionTime: number | undefined;
  if (raw.mission_time !== undefined) {
    missionTime = evaluateNumeric(raw.mission_time, parameters, ['mission_time'], issues);
    if (missionTime !== undefined && !(missionTime > 0)) {
      issues.push({ path: ['mission_time'], message: `must be > 0; got ${missionTime}` });
    }
  }
  if (issues.length > 0 || raw.name === undefined) return undefined;
  return deepFreeze({
    name: raw.name,
    description: raw.description ?? '',
    timeUnit: raw.time_unit ?? 'h',
    parameters: Object.fromEntries(parameters.values),
    components: structure?.components ?? [],
    units: structure?.units ?? [],
    ...(structure?.system && { system: structure.system }),
    ...(chain && { chain }),
    maintenance: structure?.maintenance ?? { priority: [], idleWhileDown: false },
    ...(missionTime !== undefined && { missionTime }),
  });
}

type Structure = Pick<Model, 'components' | 'units' | 'system' | 'maintenance'>;

/**
 * Components, the structure over their units, and maintenance, from the sections that passed the
 * schema: components rejected there or here are left out silently wherever they are named.
 */
function buildStructure(
  raw: Partial<RawModel>,
  file: { readonly components: object },
  rejectedComponents: ReadonlySet<string>,
  parameters: ParameterValues,
  limits: Required<ModelLimits>,
  issues: PathIssue[],
): Structure | undefined {
  const { components, units } = buildComponents(
    new Map(Object.entries(raw.components ?? {})),
    parameters,
    { failure: FAILURE_SHORTHANDS, repair: REPAIR_SHORTHANDS, delay: DELAY_SHORTHANDS },
    limits.maxUnits,
    issues,
  );
  const index = new Map(components.map((component, i) => [component.name, i]));
  const rejected = new Set(rejectedComponents);
  for (const name of Object.keys(raw.components ?? {})) if (!index.has(name)) rejected.add(name);
  // For messages: every component the file defines, passed or not, in file order.
  const written = Object.keys(file.components);
  const system =
    raw.system &&
    buildSystem(raw.system, {
      components,
      units,
      parameters,
      delayShorthands: DELAY_SHORTHANDS,
      rejected,
      written,
      issues,
    });
  const { maintenance } = raw;
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
        message: `names the unknown component "${name}" (components: ${listNames(written, written.length)})`,
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
