/**
 * The work the explorer's worker does, as functions of plain data (so they are unit-tested in
 * Node): solve the live scenario and the pins, then the slower what-if charts. The text is parsed
 * once (web/compute/template.ts); each scenario evaluates the parsed model.
 */
import {
  componentImportance,
  type ComponentImportance,
  componentFacts,
  type Distribution,
  type DistributionSpec,
  type Model,
  type ModelTemplate,
  type ProgressCallback,
  quorumConsistency,
} from '../../src/index.js';
import type { Pin, Scenario } from '../state/pins.js';
import { parameterControl, type ParameterControl } from '../state/parameterScale.js';
import { modelDiagram, type Diagram } from './diagram.js';
import { parameterUses } from './diagramParameters.js';
import { availableMeasures, type MeasureKey } from './measures.js';
import { sweep, tornado, type Sweep, type TornadoRow } from './sensitivity.js';
import { solveModel, type Solution, type TextIssue } from './solve.js';
import { evaluateScenario, parseText } from './template.js';

// A sweep of 25 points costs 25 solves, about 50 ms for the examples (docs/explorer.md).
const SWEEP_POINTS = 25;
const DISTRIBUTION_POINTS = 201;

/** A model parameter as the controls show it. */
export interface ParameterInfo {
  readonly name: string;
  /** Value in this scenario (override or file). */
  readonly value: number;
  /** Value in the file (evaluated); the control's range is built around it. */
  readonly fileValue: number;
  /** An expression over other parameters: shown, not given a control. */
  readonly isExpression: boolean;
  readonly control: ParameterControl;
}

/** A component as the distribution chart offers it. */
export interface ComponentInfo {
  readonly name: string;
  readonly count: number;
  readonly failure: DistributionSpec;
  readonly repairable: boolean;
}

/** A house event of a fault tree as its checkbox shows it. */
export interface HouseEventInfo {
  readonly name: string;
  /** Its value in the file: true, the event occurs. */
  readonly fileValue: boolean;
}

/** The live scenario solved, with what the controls need. */
export interface Exploration {
  readonly name: string;
  readonly description: string;
  readonly timeUnit: string;
  /** A model with several systems: their names, and the one shown. */
  readonly systems?: readonly string[];
  readonly system?: string;
  /** A model with quorums: the consistency they guarantee, in plain words. */
  readonly consistency?: string;
  /** The file's mission time, when it gives one. */
  readonly fileMissionTime?: number;
  readonly parameters: readonly ParameterInfo[];
  readonly components: readonly ComponentInfo[];
  /** A fault tree's house events, in file order (none for other models). */
  readonly houseEvents: readonly HouseEventInfo[];
  readonly solution: Solution;
  readonly measures: readonly MeasureKey[];
  readonly pins: readonly { readonly id: string; readonly solution: Solution }[];
  /** The model's structure as a diagram (web/compute/diagram.ts). */
  readonly diagram?: Diagram;
}

/** The live scenario, or every issue of the text (with line numbers). */
export type ExploreOutcome =
  | { readonly ok: true; readonly exploration: Exploration }
  | { readonly ok: false; readonly issues: readonly TextIssue[] };

/** How {@link explore} solves: `skipExact`, the note shown instead of an exact solution. */
export interface ExploreOptions {
  /** Solve nothing exactly (the user cancelled a long solve of this model); the note says so. */
  readonly skipExact?: string;
  /** Hears the Markov engine's progress on a large chain. */
  readonly onProgress?: ProgressCallback;
  /**
   * Hears, once, before a long solve (a chain estimated over 20 000 states), the model's facts
   * with no solution yet, so the page shows the model while it waits.
   */
  readonly onSlowSolve?: (preview: Exploration) => void;
}

/**
 * Chains estimated up to this many states are solved without a preview (well under a second);
 * the estimate is an upper one, about 5 to 10 times the real size.
 */
const QUICK_STATE_LIMIT = 20_000;

/** The note of an exploration whose exact solve is still running. */
export const SOLVING_NOTE =
  'Solving exactly: the Markov chain of this model is large. Simulation estimates meanwhile; the exact numbers follow.';

/** Returns the model's parameters, controls and exact solution of the scenario and of each pin. */
export function explore(
  text: string,
  scenario: Scenario,
  pins: readonly Pin[],
  options: ExploreOptions = {},
): ExploreOutcome {
  const parsed = parseText(text);
  if (!parsed.ok) return parsed;
  const { template, file: base } = parsed;
  if (!base.ok) return base;
  const loaded = evaluateScenario(template, scenario.overrides, scenario.system);
  if (!loaded.ok) return loaded;
  const model = loaded.model;
  const systems = base.model.systems?.map((entry) => entry.name);
  const facts = {
    // The file's name: the system shown is said by the page's system choice beside it.
    name: base.model.name,
    ...(systems && {
      systems,
      system: systems.includes(scenario.system ?? '') ? scenario.system! : systems[0]!,
    }),
    ...(base.model.quorum && { consistency: quorumConsistency(base.model.quorum).statement }),
    description: model.description,
    timeUnit: model.timeUnit,
    ...(model.missionTime !== undefined && { fileMissionTime: model.missionTime }),
    parameters: parameterInfo(template, base.model, model),
    components: model.components.map((component) => ({
      name: component.name,
      count: component.count,
      failure: component.failure,
      repairable: component.repair !== undefined,
    })),
    houseEvents: Object.entries(base.model.faultTree?.houseEvents ?? {}).map(
      ([name, fileValue]) => ({ name, fileValue }),
    ),
  };
  const solve = (scenarioModel: Model, missionTime: number | undefined): Solution => {
    if (options.skipExact !== undefined) return { ok: false, message: options.skipExact };
    // A chain estimated small is solved at once, silently; a larger one shows the model's facts
    // first, then its progress.
    const quick = solveModel(scenarioModel, missionTime, undefined, {
      maxStates: QUICK_STATE_LIMIT,
    });
    if (quick.ok || quick.chainStates === undefined) return quick;
    if (!previewed && options.onSlowSolve) {
      previewed = true;
      options.onSlowSolve({
        ...facts,
        solution: { ok: false, message: SOLVING_NOTE },
        measures: [],
        pins: [],
      });
    }
    return solveModel(scenarioModel, missionTime, undefined, {
      ...(options.onProgress && { onProgress: options.onProgress }),
    });
  };
  let previewed = false;
  const solution = solve(model, scenario.missionTime);
  const plain = template.parameterNames.filter(
    (name) => !template.expressionParameterNames.includes(name),
  );
  return {
    ok: true,
    exploration: {
      ...facts,
      solution,
      measures: solution.ok ? availableMeasures(solution.result) : [],
      pins: pins.map((pin) => {
        const pinned = evaluateScenario(template, pin.overrides, pin.system);
        return {
          id: pin.id,
          solution: pinned.ok
            ? solve(pinned.model, pin.missionTime)
            : { ok: false, message: pinned.issues.map((i) => i.message).join('; ') },
        };
      }),
      diagram: {
        ...modelDiagram(model),
        parameterUses: parameterUses(template, base.model, plain),
      },
    },
  };
}

/** Options of the what-if charts. */
export interface ExtrasRequest {
  readonly measure: MeasureKey;
  readonly component?: string;
  readonly sweep?: string;
  readonly tornadoPercent: number;
  /**
   * Why the tornado and sweep are left out (no exact solution, or a chain so large that their
   * dozens of solves would take minutes); the distribution and importance come without solving,
   * at `horizon`.
   */
  readonly skipSolves?: string;
  /** The horizon of the live scenario (exact or simulated), for `skipSolves`. */
  readonly horizon?: number;
}

/** The what-if charts of the live scenario. */
export interface Extras {
  readonly measure: MeasureKey;
  /**
   * The Birnbaum importance of each component as the group of its units, for a model whose result has no
   * `importance` of its own (dependent units, standby blocks: the result says why).
   */
  readonly importance?: ComponentImportance;
  readonly tornado: readonly TornadoRow[];
  readonly sweep?: Sweep;
  /** Why the tornado and sweep are left out (the request's `skipSolves`). */
  readonly skipped?: string;
  readonly distribution?: {
    readonly component: string;
    readonly t: readonly number[];
    readonly pdf: readonly (number | null)[];
    readonly hazard: readonly (number | null)[];
  };
}

/**
 * Returns the tornado, sweep and failure-distribution curves of a scenario, and the importance
 * bars of `componentImportance` when the result has no `importance` of its own.
 */
export function exploreExtras(
  text: string,
  scenario: Scenario,
  request: ExtrasRequest,
): Extras | undefined {
  const parsed = parseText(text);
  if (!parsed.ok || !parsed.file.ok) return undefined;
  const { template, file: base } = parsed;
  const loaded = evaluateScenario(template, scenario.overrides, scenario.system);
  if (!loaded.ok) return undefined;
  const model = loaded.model;
  if (request.skipSolves !== undefined) {
    return unsolvedExtras(model, scenario, { ...request, skipSolves: request.skipSolves });
  }
  const solution = solveModel(model, scenario.missionTime, 2);
  if (!solution.ok) {
    return unsolvedExtras(model, scenario, { ...request, skipSolves: solution.message });
  }
  const mission = solution.numbers.missionTime;
  const controls = parameterInfo(template, base.model, model).filter((p) => !p.isExpression);
  const swept = controls.find((p) => p.name === request.sweep) ?? controls[0];
  const distribution = chosenDistribution(model, request.component, mission);
  // The result's own factors (web/panels/importance.ts) are exact per event, unit or component;
  // the library's group Birnbaum per component (standby blocks as parallel) is only a fallback.
  const importance =
    solution.result.measures.importance === undefined
      ? componentImportance(model, mission)
      : undefined;
  return {
    measure: request.measure,
    ...(importance && { importance }),
    tornado: tornado(template, scenario, request.measure, controls, request.tornadoPercent),
    ...(swept && {
      sweep: sweep(template, scenario, request.measure, swept.control, SWEEP_POINTS),
    }),
    ...(distribution && { distribution }),
  };
}

/**
 * Returns what the what-if panel can show without an exact solve: the failure distribution of
 * the chosen component and the components' Birnbaum importance at the scenario's horizon, with the
 * reason the tornado and sweep are left out.
 */
function unsolvedExtras(
  model: Model,
  scenario: Scenario,
  request: ExtrasRequest & { readonly skipSolves: string },
): Extras {
  const mission = scenario.missionTime ?? model.missionTime ?? request.horizon;
  const importance = mission === undefined ? undefined : componentImportance(model, mission);
  const distribution = chosenDistribution(model, request.component, mission ?? 0);
  return {
    measure: request.measure,
    tornado: [],
    skipped: request.skipSolves,
    ...(importance && { importance }),
    ...(distribution && { distribution }),
  };
}

/** Returns the failure-distribution curves of the named component (else the first), if any. */
function chosenDistribution(
  model: Model,
  name: string | undefined,
  horizon: number,
): Extras['distribution'] {
  const chosen = Math.max(
    0,
    model.components.findIndex((c) => c.name === name),
  );
  const component = model.components[chosen];
  const law = componentFacts(model).components[chosen]?.failure;
  return component && law ? distributionCurves(component.name, law, horizon) : undefined;
}

function distributionCurves(
  name: string,
  law: Distribution,
  horizon: number,
): NonNullable<Extras['distribution']> {
  // Show at least the bulk of the law (its 99 % quantile) even when the mission is short.
  const end = Math.max(horizon, Number.isFinite(law.quantile(0.99)) ? law.quantile(0.99) : 0);
  const t = Array.from(
    { length: DISTRIBUTION_POINTS },
    (_, i) => (end * i) / (DISTRIBUTION_POINTS - 1),
  );
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    component: name,
    t,
    pdf: t.map((x) => finite(law.pdf(x))),
    hazard: t.map((x) => finite(law.hazard(x))),
  };
}

/** Returns each parameter with its control; derived (expression) parameters are marked. */
function parameterInfo(template: ModelTemplate, base: Model, model: Model): ParameterInfo[] {
  const derived = new Set(template.expressionParameterNames);
  return Object.entries(model.parameters).map(([name, value]) => {
    const fileValue = base.parameters[name] ?? value;
    return {
      name,
      value,
      fileValue,
      isExpression: derived.has(name),
      control: parameterControl(name, fileValue),
    };
  });
}
