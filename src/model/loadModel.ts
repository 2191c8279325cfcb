import { ModelError, ParameterError, listNames } from '../errors.js';
import type { FittedLaw, Model, NamedSystem } from './Model.js';
import { resolveFits, type DataReader } from './resolveFits.js';
import { resolveModelLimits, type ModelLimits } from './ModelLimits.js';
import { buildComponents } from './buildComponents.js';
import { evaluateInteger, evaluateNonNegative } from './evaluateFields.js';
import { buildSystemFunctions, joinSystems, splitSystems } from './buildSystems.js';
import { buildSparePools } from './buildSpares.js';
import { buildFaultTree, type FaultTreeParts } from './buildFaultTree.js';
import {
  evaluateNumeric,
  evaluateParameters,
  rememberingCompiler,
  type ExpressionCompiler,
  type ParameterValues,
} from './parameters.js';
import { buildChain } from './buildChain.js';
import { MAX_SCHEDULED_EPOCHS } from './timeGrid.js';
import { expandBlockCommonCause } from './blockCommonCause.js';
import {
  DELAY_SHORTHANDS,
  FAILURE_SHORTHANDS,
  REPAIR_SHORTHANDS,
  checkModelSections,
  type CheckedSections,
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

/** Options of {@link parseModel}. */
export interface ParseModelOptions {
  /**
   * File name used in messages.
   * @defaultValue `'<input>'`
   */
  readonly file?: string;
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
  /**
   * Reads a data file named by a law fitted from data (`failure: { fit: data.csv, dist: weibull
   * }`), by its name as the model writes it; the CLI reads it beside the model file. Without it
   * such a law is an issue.
   */
  readonly readData?: DataReader;
}

/** Options of {@link loadModel}: those of {@link parseModel}, and parameter overrides. */
export interface LoadModelOptions extends ParseModelOptions {
  /**
   * Parameter values that replace the file's (what-if studies, sweeps); each must name a
   * parameter of the file.
   */
  readonly overrides?: Readonly<Record<string, number>>;
}

/**
 * A model file parsed and checked against the schema, with its expressions compiled on first
 * use: what {@link evaluateModel} turns into a {@link Model} for given parameter values. Opaque
 * apart from the fields below; immutable.
 */
export interface ModelTemplate {
  /** The file name used in messages. */
  readonly file: string;
  /** The names of the file's parameters, in file order. */
  readonly parameterNames: readonly string[];
  /**
   * The parameters the file writes as expressions (`mu: 1 / mttr`), in file order: their values
   * follow from the others, so a what-if study moves the others.
   */
  readonly expressionParameterNames: readonly string[];
}

/** What a template holds for {@link evaluateModel}; out of the caller's reach. */
interface ParsedModel {
  readonly source: ModelSource;
  readonly sections: CheckedSections;
  /** The laws fitted from data (already put in `sections` as their estimates). */
  readonly fits: readonly FittedLaw[];
  readonly limits: Required<ModelLimits>;
  readonly compile: ExpressionCompiler;
}

const parsedModels = new WeakMap<ModelTemplate, ParsedModel>();

/**
 * Parses a model once for many evaluations: the YAML/JSON text is read, its shape checked
 * against the schema, and its expressions compiled as {@link evaluateModel} first meets them.
 * A what-if study parses once and evaluates for each set of parameter values.
 *
 * @param input - model text (YAML or JSON) or a parsed object
 * @param options - file name for messages, limits, format
 * @returns an opaque, immutable {@link ModelTemplate}
 * @throws {@link ModelError} when the file does not parse or does not fit the schema, carrying
 * every issue found, those the evaluation would add included (as {@link loadModel})
 * @throws {@link ParameterError} when a limit in `options.limits` is not an integer >= 1
 *
 * @remarks
 * Problems that depend on parameter values (a negative rate, k above n, an unknown name) are
 * found by {@link evaluateModel}. Cost: one parse, O(text); each expression is compiled once,
 * on first use, and kept with the template.
 *
 * @example
 * ```ts
 * const template = parseModel('name: pair\nparameters: { m: 1000 }\ncomponents:\n  disk: { count: 2, failure: { mtbf: m } }\nsystem: { parallel: [disk] }');
 * template.parameterNames.length; // → 1
 * evaluateModel(template, { m: 500 }).components[0].failure.mean; // → 500
 * ```
 */
export function parseModel(input: string | object, options: ParseModelOptions = {}): ModelTemplate {
  return parseTemplate(input, options, {});
}

/**
 * {@link parseModel}; when the file does not fit the schema, the rest of the file is evaluated
 * with `overrides` so that the error lists every problem, as loading with them would.
 */
function parseTemplate(
  input: string | object,
  options: ParseModelOptions,
  overrides: Readonly<Record<string, number>>,
): ModelTemplate {
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
  return templateOf(source, limits, overrides, options.readData);
}

/**
 * Parses a model already read into a {@link ModelSource} by another reader (an Open-PSA MEF or
 * Galileo file), whose `locate` points issues back into that file: as {@link parseModel}.
 *
 * @param source - the document in relkit's model form, with its way back to the file's lines
 * @param options - limits (the file name and format are the source's)
 * @throws {@link ModelError} as {@link parseModel}
 */
export function parseModelSource(
  source: ModelSource,
  options: Pick<ParseModelOptions, 'limits'> = {},
): ModelTemplate {
  return templateOf(source, resolveModelLimits(options.limits), {});
}

function templateOf(
  source: ModelSource,
  limits: Required<ModelLimits>,
  overrides: Readonly<Record<string, number>>,
  readData?: DataReader,
): ModelTemplate {
  const file = source.file;
  const issues: PathIssue[] = [];
  const data = source.data;
  const checked =
    data === undefined || data === null
      ? (issues.push({ path: [], message: 'is empty; a model needs name, components and system' }),
        undefined)
      : checkModelSections(data, issues, limits);
  const fitted = checked && withFits(checked, readData, issues);
  const parsed = fitted && {
    source,
    sections: fitted.sections,
    fits: fitted.fits,
    limits,
    compile: rememberingCompiler(),
  };
  if (!parsed || issues.length > 0) {
    // The problems the schema cannot see (names, cycles, ranges) join the error, so that one
    // run reports every problem of the file.
    if (parsed) buildModel(parsed, overrides, issues);
    throw new ModelError(issues.map(source.locate));
  }
  const written = Object.entries(parsed.sections.raw.parameters ?? {});
  const template: ModelTemplate = Object.freeze({
    file,
    parameterNames: Object.freeze(written.map(([name]) => name)),
    expressionParameterNames: Object.freeze(
      written.filter(([, value]) => typeof value === 'string').map(([name]) => name),
    ),
  });
  parsedModels.set(template, parsed);
  return template;
}

/** The sections with every law fitted from data replaced by its estimates, and the fits. */
function withFits(
  sections: CheckedSections,
  readData: DataReader | undefined,
  issues: PathIssue[],
): { readonly sections: CheckedSections; readonly fits: readonly FittedLaw[] } {
  const { components, events } = sections.raw;
  const fromComponents = components && resolveFits(components, 'components', readData, issues);
  const fromEvents = events && resolveFits(events, 'events', readData, issues);
  const raw = {
    ...sections.raw,
    ...(fromComponents && { components: fromComponents.entries }),
    ...(fromEvents && { events: fromEvents.entries }),
  };
  const rejected = (names: ReadonlySet<string>, more: readonly string[] = []): Set<string> =>
    new Set([...names, ...more]);
  return {
    sections: {
      ...sections,
      raw,
      rejectedComponents: rejected(sections.rejectedComponents, fromComponents?.rejected),
      rejectedEvents: rejected(sections.rejectedEvents, fromEvents?.rejected),
    },
    fits: [...(fromComponents?.fits ?? []), ...(fromEvents?.fits ?? [])],
  };
}

/**
 * Evaluates a parsed model with parameter values: parameters evaluated (each override replacing
 * the file's value), names resolved, every distribution checked by its factory.
 *
 * @param template - from {@link parseModel}
 * @param overrides - values that replace the file's parameters; each must name one
 * @returns an immutable, plain-data {@link Model}
 * @throws {@link ModelError} when an override names no parameter, or the values make a field
 * invalid (a negative rate, k above n), carrying every issue with file, line and path
 * @throws {@link ParameterError} when `template` did not come from {@link parseModel}
 *
 * @remarks
 * Stages: parameters (expressions in a restricted evaluator, any order, cycles refused) →
 * components (counts, distributions, coverage) → structure (names resolved, k checked against
 * n). Each stage goes on with what passed before it, so every independent problem is reported
 * in one run. Cost O(text) with no parsing: a sweep of 25 values costs 25 evaluations.
 *
 * @example
 * ```ts
 * const template = parseModel('name: unit\nparameters: { m: 1000 }\ncomponents:\n  cpu: { failure: { mtbf: m } }\nsystem: cpu');
 * evaluateModel(template).components[0].failure.mean; // → 1000
 * evaluateModel(template, { m: 2000 }).components[0].failure.mean; // → 2000
 * ```
 */
export function evaluateModel(
  template: ModelTemplate,
  overrides: Readonly<Record<string, number>> = {},
): Model {
  const parsed = parsedModels.get(template);
  if (!parsed) {
    throw new ParameterError('evaluateModel', 'template', 'come from parseModel', template);
  }
  const issues: PathIssue[] = [];
  const model = buildModel(parsed, overrides, issues);
  if (!model) throw new ModelError(issues.map(parsed.source.locate));
  return model;
}

/**
 * Returns the evaluated model described by YAML/JSON text or by an already-parsed object:
 * {@link parseModel} then {@link evaluateModel} with `options.overrides`.
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
 * recursion is bounded (docs/security.md). To evaluate one file for many parameter values,
 * parse it once with {@link parseModel}.
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
  const overrides = options.overrides ?? {};
  return evaluateModel(parseTemplate(input, options, overrides), overrides);
}

function buildModel(
  parsed: ParsedModel,
  overrides: Readonly<Record<string, number>>,
  issues: PathIssue[],
): Model | undefined {
  const { sections, limits, compile, fits } = parsed;
  const { raw, rejectedParameters } = sections;
  const written = parsed.source.data as Record<string, unknown>;
  // A Map keyed by name: an override named "constructor" or "__proto__" is not a parameter
  // unless the file defines one.
  const rawParameters = new Map<string, Numeric>(Object.entries(raw.parameters ?? {}));
  const houseOverrides = new Map<string, number>();
  for (const [name, value] of Object.entries(overrides)) {
    if (raw.house_events && Object.hasOwn(raw.house_events, name)) {
      houseOverrides.set(name, value);
      continue;
    }
    if (!rawParameters.has(name) && !rejectedParameters.has(name)) {
      issues.push({ path: ['parameters'], message: `has no parameter "${name}" to override` });
    }
    rawParameters.set(name, value);
  }
  const parameters = evaluateParameters(rawParameters, rejectedParameters, issues, compile);
  const chain = raw.markov && buildChain(raw.markov, parameters, issues);
  let structure: Structure | undefined;
  let faultTree: FaultTreeParts | undefined;
  // common_cause belongs to block models too: beside components or system it is theirs.
  const blockKeys = ['components', 'system', 'systems', 'quorum'] as const;
  const block = blockKeys.some((key) => Object.hasOwn(written, key));
  const treeKeys = ['events', 'house_events', 'fault_tree', ...(block ? [] : ['common_cause'])];
  if (treeKeys.some((key) => Object.hasOwn(written, key))) {
    for (const key of ['events', 'fault_tree'] as const) {
      if (!Object.hasOwn(written, key))
        issues.push({ path: [], message: `must have the key "${key}" (a fault tree)` });
    }
    for (const key of [...blockKeys, 'markov'] as const) {
      if (Object.hasOwn(written, key)) {
        issues.push({
          path: [key],
          message:
            'is a block-diagram key; a fault-tree model (events, fault_tree) has its basic events under events',
          atKey: true,
        });
      }
    }
    if (Object.hasOwn(written, 'maintenance')) {
      // Crews and priorities are not applied to a fault tree's events: refuse, never ignore.
      issues.push({
        path: ['maintenance'],
        message:
          "applies to block models only; a fault tree's events are repaired independently (write the model as components and system to share crews)",
        atKey: true,
      });
    }
    faultTree = buildFaultTree(raw, {
      parameters,
      shorthands: {
        failure: FAILURE_SHORTHANDS,
        repair: REPAIR_SHORTHANDS,
        delay: DELAY_SHORTHANDS,
      },
      maxUnits: limits.maxUnits,
      rejectedEvents: sections.rejectedEvents,
      houseOverrides,
      issues,
    });
  } else if (block || !Object.hasOwn(written, 'markov')) {
    if (!Object.hasOwn(written, 'components'))
      issues.push({ path: [], message: 'must have the key "components"' });
    if (!['system', 'systems', 'quorum'].some((key) => Object.hasOwn(written, key)))
      issues.push({ path: [], message: 'must have the key "system"' });
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
  if (missionTime !== undefined) {
    for (const component of structure?.components ?? faultTree?.components ?? []) {
      const plans = [
        ['inspection', component.inspection?.interval],
        ['preventive', component.preventive?.policy === 'block' && component.preventive.interval],
      ] as const;
      for (const [field, interval] of plans) {
        if (typeof interval !== 'number' || missionTime / interval <= MAX_SCHEDULED_EPOCHS)
          continue;
        issues.push({
          path: ['components', component.name, field, 'interval'],
          message: `gives ${(missionTime / interval).toPrecision(2)} epochs in the mission_time ${missionTime}; at most 1e6 are solved`,
        });
      }
    }
  }
  if (issues.length > 0 || raw.name === undefined) return undefined;
  return deepFreeze({
    name: raw.name,
    description: raw.description ?? '',
    timeUnit: raw.time_unit ?? 'h',
    parameters: Object.fromEntries(parameters.values),
    components: structure?.components ?? faultTree?.components ?? [],
    units: structure?.units ?? faultTree?.units ?? [],
    ...(structure?.system && { system: structure.system }),
    ...(structure?.systems && { systems: structure.systems }),
    ...(structure?.quorum && { quorum: structure.quorum }),
    ...(faultTree?.system && { system: faultTree.system }),
    ...(chain && { chain }),
    maintenance: structure?.maintenance ?? { priority: [], idleWhileDown: false },
    ...(missionTime !== undefined && { missionTime }),
    ...(faultTree && { faultTree: faultTree.faultTree }),
    ...(fits.length > 0 && { fits }),
  });
}

type Structure = Pick<
  Model,
  'components' | 'units' | 'system' | 'systems' | 'quorum' | 'maintenance'
>;

/**
 * Components, the structure over their units, and maintenance, from the sections that passed the
 * schema, with the common-cause groups expanded: components rejected there or here are left out
 * silently wherever they are named.
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
  const { functions, named, quorum } = buildSystemFunctions(raw, {
    components,
    units,
    parameters,
    delayShorthands: DELAY_SHORTHANDS,
    rejected,
    written,
    issues,
  });
  const built =
    functions.length > 0 && functions.every((f) => f.node !== undefined)
      ? (functions as NamedSystem[])
      : undefined;
  // One node for the common-cause expansion, which rewrites every system alike.
  const system = built && (built.length === 1 ? built[0]!.node : joinSystems(built));
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
  const crewCost =
    maintenance?.crew_cost_per_hour === undefined
      ? undefined
      : evaluateNonNegative(
          maintenance.crew_cost_per_hour,
          parameters,
          ['maintenance', 'crew_cost_per_hour'],
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
  const spares =
    maintenance?.spares &&
    buildSparePools(maintenance.spares, {
      components,
      units,
      parameters,
      delayShorthands: DELAY_SHORTHANDS,
      commonCause: raw.common_cause ?? [],
      rejected,
      written,
      issues,
    });
  const expanded = expandBlockCommonCause(raw.common_cause ?? [], {
    components,
    units,
    system,
    priority,
    parameters,
    rejected,
    written,
    maxUnits: limits.maxUnits,
    limitedCrews: maintenance?.crews !== undefined,
    issues,
  });
  if (!expanded || !built) return undefined;
  const systems =
    built.length === 1
      ? [{ name: built[0]!.name, node: expanded.system }]
      : splitSystems(expanded.system, built);
  return {
    components: expanded.components,
    units: expanded.units,
    system: systems[0]!.node, // buildSystemFunctions found at least one (required above)
    ...(named && { systems }),
    ...(quorum && { quorum }),
    maintenance: {
      ...(crews !== undefined && { crews }),
      priority: expanded.priority,
      idleWhileDown: maintenance?.idle_while_down ?? false,
      ...(crewCost !== undefined && { crewCostPerHour: crewCost }),
      ...(spares !== undefined && spares.length > 0 && { spares }),
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
