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

/** Returns the model's parameters, controls and exact solution of the scenario and of each pin. */
export function explore(text: string, scenario: Scenario, pins: readonly Pin[]): ExploreOutcome {
  const parsed = parseText(text);
  if (!parsed.ok) return parsed;
  const { template, file: base } = parsed;
  if (!base.ok) return base;
  const loaded = evaluateScenario(template, scenario.overrides);
  if (!loaded.ok) return loaded;
  const model = loaded.model;
  const solution = solveModel(model, scenario.missionTime);
  const plain = template.parameterNames.filter(
    (name) => !template.expressionParameterNames.includes(name),
  );
  return {
    ok: true,
    exploration: {
      name: model.name,
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
      solution,
      measures: solution.ok ? availableMeasures(solution.result) : [],
      pins: pins.map((pin) => {
        const pinned = evaluateScenario(template, pin.overrides);
        return {
          id: pin.id,
          solution: pinned.ok
            ? solveModel(pinned.model, pin.missionTime)
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
}

/** The what-if charts of the live scenario. */
export interface Extras {
  readonly measure: MeasureKey;
  /**
   * Birnbaum importance summed over each component's units, for a model whose result has no
   * `importance` of its own (dependent units, standby blocks: the result says why).
   */
  readonly importance?: ComponentImportance;
  readonly tornado: readonly TornadoRow[];
  readonly sweep?: Sweep;
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
  const loaded = evaluateScenario(template, scenario.overrides);
  if (!loaded.ok) return undefined;
  const model = loaded.model;
  const solution = solveModel(model, scenario.missionTime, 2);
  if (!solution.ok) return { measure: request.measure, tornado: [] };
  const mission = solution.numbers.missionTime;
  const controls = parameterInfo(template, base.model, model).filter((p) => !p.isExpression);
  const swept = controls.find((p) => p.name === request.sweep) ?? controls[0];
  const chosen = Math.max(
    0,
    model.components.findIndex((c) => c.name === request.component),
  );
  const component = model.components[chosen];
  const law = componentFacts(model).components[chosen]?.failure;
  // The result's own factors (web/panels/importance.ts) are exact per event or unit; the sum of
  // Birnbaum over a component's units (which can exceed 1) is only a fallback.
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
    ...(component &&
      law && {
        distribution: distributionCurves(component.name, law, mission),
      }),
  };
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
