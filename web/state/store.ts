/**
 * The explorer's application state in one object, and the one way to change it: `dispatch` an
 * action; `reduce` (pure, unit-tested) returns the next state and what kind of change it was, and
 * every listener hears it. No framework: web/main.ts routes each kind of change to the panels.
 */
import type { Result } from '../../src/index.js';
import type { CurveScale } from '../charts/curveTraces.js';
import type { Exploration, Extras } from '../compute/explore.js';
import type { ImportanceKey, ImportanceLevel } from '../compute/importance.js';
import type { MeasureKey } from '../compute/measures.js';
import { plainProgress } from '../compute/plainWords.js';
import type { TextIssue } from '../compute/solve.js';
import {
  addPin,
  forgetSimulations,
  removePin,
  renamePin,
  type Pin,
  type Scenario,
} from './pins.js';
import { pinSimulation } from './pinnedSimulation.js';
import { DEFAULT_VIEW, type ExplorerState, type ViewState } from './urlState.js';

/** Everything the page knows. */
export interface AppState extends Scenario {
  /** File stem of the example the model came from; '' for an opened file. */
  readonly example: string;
  /** The model text in the editor (valid or not). */
  readonly text: string;
  readonly pins: readonly Pin[];
  readonly view: ViewState;
  /** Problems of the text as last solved; empty when it loaded. */
  readonly issues: readonly TextIssue[];
  /** The text `issues` were found in (the user may have typed on since). */
  readonly issuesText?: string;
  /** The last valid model, solved; the plots keep showing it while the text has problems. */
  readonly exploration?: Exploration;
  /** Time the worker took to solve `exploration`, ms. */
  readonly solveMs: number;
  /** The what-if charts of the last request (they follow `exploration`). */
  readonly extras?: Extras;
  /** The simulated curves of the current scenario, cleared when the scenario changes. */
  readonly simulated?: Result;
  /** `performance.now()` of the last scenario change: the redraw time is measured from it. */
  readonly changedAt: number;
  /** A note above the page (a refused link) until another example is chosen. */
  readonly banner?: string;
  /** The simulation run of the current scenario, the source of `simulated`; none before one. */
  readonly simulation?: SimulationRun;
  /** The progress of a long exact solve (a large Markov chain), until its answer comes. */
  readonly solving?: SolveProgress;
  /** Set when the user cancelled the exact solve of this model text: the note shown instead. */
  readonly exactSkipped?: string;
  /**
   * The fault-tree event without failure times picked in the diagram (a component is picked as
   * `view.component`, the distribution chart's choice); cleared with the model.
   */
  readonly selected?: string;
}

/** A simulation run as the page shows it. */
export interface SimulationRun {
  readonly id: number;
  /** Started by the page because no exact method applies (else by the Simulate button). */
  readonly auto: boolean;
  readonly done: number;
  readonly total: number;
  readonly phase: 'running' | 'finished' | 'cancelled' | 'budget' | 'error';
  /** The error of a failed run. */
  readonly message?: string;
}

/** How far a long exact solve is, in plain words (web/compute/plainWords.ts). */
export interface SolveProgress {
  readonly text: string;
  readonly fraction?: number;
  /** The chain's number of states, once the engine has said it. */
  readonly states?: number;
}

/** The note shown in place of the exact numbers once the user cancelled their solve. */
export const EXACT_CANCELLED =
  'The exact solution was cancelled: the numbers are simulation estimates. Edit the model or open it again to solve it exactly.';

/** The settings of the what-if charts that the worker computes with. */
export interface WhatIfSettings {
  readonly measure?: MeasureKey;
  readonly component?: string;
  readonly sweep?: string;
  readonly tornadoPercent?: number;
}

/** Every way the state changes. */
export type Action =
  | { readonly type: 'loadExample'; readonly name: string; readonly text: string }
  | { readonly type: 'openFile'; readonly text: string }
  | { readonly type: 'edit'; readonly text: string }
  | { readonly type: 'setParameter'; readonly name: string; readonly value: number | undefined }
  | { readonly type: 'setMissionTime'; readonly value: number | undefined }
  | { readonly type: 'setSystem'; readonly value: string | undefined }
  | { readonly type: 'resetAll' }
  | { readonly type: 'pin' }
  | { readonly type: 'renamePin'; readonly id: string; readonly name: string }
  | { readonly type: 'removePin'; readonly id: string }
  | { readonly type: 'setCurveScale'; readonly scale: CurveScale }
  | { readonly type: 'setWhatIf'; readonly settings: WhatIfSettings }
  | { readonly type: 'setImportanceFactor'; readonly factor: ImportanceKey }
  | { readonly type: 'setImportanceLevel'; readonly level: ImportanceLevel }
  | { readonly type: 'select'; readonly name: string | undefined }
  | {
      readonly type: 'explored';
      readonly exploration: Exploration;
      readonly solveMs: number;
      /** The model's facts while its long exact solve goes on (its progress stays shown). */
      readonly preview?: boolean;
    }
  | {
      readonly type: 'invalid';
      readonly issues: readonly TextIssue[];
      /** The text solved: the editor places the issues in it. */
      readonly text?: string;
    }
  | { readonly type: 'extras'; readonly extras: Extras | undefined }
  | {
      readonly type: 'simulated';
      readonly result: Result;
      /** The run it belongs to: an answer of an older run is ignored. */
      readonly id?: number;
      readonly done?: number;
      readonly total?: number;
      readonly finished?: boolean;
      readonly stopped?: 'cancelled' | 'budget';
    }
  | {
      readonly type: 'simulationStarted';
      readonly id: number;
      readonly auto: boolean;
      readonly total: number;
    }
  | { readonly type: 'simulationFailed'; readonly id: number; readonly message: string }
  | { readonly type: 'solveProgress'; readonly note: string; readonly fraction?: number }
  | { readonly type: 'cancelExact' }
  | { readonly type: 'refuseLinkValues'; readonly message: string };

/**
 * What a change calls for:
 * - `scenario`: the model, a parameter, the mission time or the pins changed: solve again and
 *   update the link;
 * - `whatIf`: a setting of the what-if charts changed: recompute them and update the link;
 * - `curve`: the curve axis changed: redraw the curves and update the link;
 * - `importance`: the factor or the level (per unit, per component) of the importance views
 *   changed: redraw the chart, the table and the diagram's colours, and update the link;
 * - `selection`: the diagram's selected event changed: show it;
 * - `explored`, `invalid`, `extras`, `simulated`: an answer arrived: show it;
 * - `simulation`: a simulation run started, failed or was ignored: show its status;
 * - `progress`: the exact solve of a large chain moved on: show how far.
 */
export type Change =
  | 'scenario'
  | 'whatIf'
  | 'curve'
  | 'importance'
  | 'selection'
  | 'explored'
  | 'invalid'
  | 'extras'
  | 'simulated'
  | 'simulation'
  | 'progress';

/**
 * Returns the state of a page that opens a link (or none): its scenario, pins and view, with
 * `text` the model text to show.
 */
export function initialState(
  link: ExplorerState | undefined,
  text: string,
  example: string,
  now: number,
  banner?: string,
): AppState {
  return {
    example: link?.example ?? example,
    text,
    overrides: { ...link?.overrides },
    ...(link?.missionTime !== undefined && { missionTime: link.missionTime }),
    ...(link?.system !== undefined && { system: link.system }),
    pins: [...(link?.pins ?? [])],
    view: { ...(link?.view ?? DEFAULT_VIEW) },
    issues: [],
    solveMs: 0,
    changedAt: now,
    ...(banner !== undefined && { banner }),
  };
}

/** Returns the live scenario of a state. */
export function scenarioOf(state: AppState): Scenario {
  return {
    overrides: state.overrides,
    ...(state.missionTime !== undefined && { missionTime: state.missionTime }),
    ...(state.system !== undefined && { system: state.system }),
  };
}

/** Returns the next state after `action`, `now` being the time of a scenario change. */
export function reduce(state: AppState, action: Action, now: number): [AppState, Change] {
  // A new scenario: the simulated curves no longer match it, and the redraw timing restarts.
  const scenario = (next: AppState): [AppState, Change] => [
    { ...without(next, 'simulated', 'simulation'), changedAt: now },
    'scenario',
  ];
  switch (action.type) {
    case 'loadExample': {
      // The note about a damaged link no longer applies to the new model; the chart choices
      // that name its measures, components or parameters do not either.
      const { curve, curveChosen, tornadoPercent, importance, importanceLevel } = state.view;
      return scenario({
        ...without(state, 'missionTime', 'system', 'banner', 'exactSkipped', 'selected'),
        example: action.name,
        text: action.text,
        overrides: {},
        pins: [],
        view: {
          curve,
          ...(curveChosen !== undefined && { curveChosen }),
          tornadoPercent,
          ...(importance !== undefined && { importance }),
          ...(importanceLevel !== undefined && { importanceLevel }),
        },
      });
    }
    case 'openFile': {
      // An opened file is no example: the menu says so, and a link carries its text.
      return scenario({
        ...without(state, 'missionTime', 'system', 'exactSkipped', 'selected'),
        example: '',
        text: action.text,
        overrides: {},
        pins: [],
      });
    }
    case 'edit':
      return scenario({
        ...without(state, 'exactSkipped'),
        text: action.text,
        pins: action.text === state.text ? state.pins : forgetSimulations(state.pins),
      });
    case 'setParameter': {
      const overrides: Record<string, number> = { ...state.overrides };
      if (action.value === undefined) delete overrides[action.name];
      else overrides[action.name] = action.value;
      return scenario({ ...state, overrides });
    }
    case 'setMissionTime':
      return scenario(
        action.value === undefined
          ? without(state, 'missionTime')
          : { ...state, missionTime: action.value },
      );
    case 'setSystem':
      return scenario(
        action.value === undefined ? without(state, 'system') : { ...state, system: action.value },
      );
    case 'resetAll':
      return scenario({ ...without(state, 'missionTime'), overrides: {} });
    case 'pin':
      // The pin keeps what is shown: the exact results (solved again from its scenario) and the
      // simulated ones of this scenario, as far as the run has gone.
      return scenario({
        ...state,
        pins: addPin(
          state.pins,
          scenarioOf(state),
          undefined,
          state.simulated && pinSimulation(state.simulated),
        ),
      });
    case 'renamePin':
      return scenario({ ...state, pins: renamePin(state.pins, action.id, action.name) });
    case 'removePin':
      return scenario({ ...state, pins: removePin(state.pins, action.id) });
    case 'setCurveScale':
      return [
        { ...state, view: { ...state.view, curve: action.scale, curveChosen: true } },
        'curve',
      ];
    case 'setWhatIf':
      return [{ ...state, view: { ...state.view, ...action.settings } }, 'whatIf'];
    case 'setImportanceFactor':
      return [{ ...state, view: { ...state.view, importance: action.factor } }, 'importance'];
    case 'setImportanceLevel':
      return [{ ...state, view: { ...state.view, importanceLevel: action.level } }, 'importance'];
    case 'select':
      return [
        action.name === undefined
          ? without(state, 'selected')
          : { ...state, selected: action.name },
        'selection',
      ];
    case 'explored':
      return [
        {
          // A preview comes as a long solve starts: its progress shows from then on.
          ...(action.preview
            ? { ...state, solving: state.solving ?? { text: 'solving the Markov chain' } }
            : without(state, 'solving')),
          exploration: action.exploration,
          solveMs: action.solveMs,
          issues: [],
        },
        'explored',
      ];
    case 'invalid':
      return [
        {
          ...without(state, 'solving', 'issuesText'),
          issues: action.issues,
          ...(action.text !== undefined && { issuesText: action.text }),
        },
        'invalid',
      ];
    case 'extras':
      return [
        action.extras ? { ...state, extras: action.extras } : without(state, 'extras'),
        'extras',
      ];
    case 'simulated':
      return simulated(state, action);
    case 'simulationStarted':
      return [
        {
          ...without(state, 'simulated'),
          simulation: {
            id: action.id,
            auto: action.auto,
            done: 0,
            total: action.total,
            phase: 'running',
          },
        },
        'simulation',
      ];
    case 'simulationFailed':
      if (state.simulation?.id !== action.id) return [state, 'simulation'];
      return [
        { ...state, simulation: { ...state.simulation, phase: 'error', message: action.message } },
        'simulation',
      ];
    case 'solveProgress': {
      const progress = plainProgress(action.note);
      const states = progress.states ?? state.solving?.states;
      return [
        {
          ...state,
          solving: {
            text: progress.text,
            ...(action.fraction !== undefined && { fraction: action.fraction }),
            ...(states !== undefined && { states }),
          },
        },
        'progress',
      ];
    }
    case 'cancelExact':
      return scenario({ ...without(state, 'solving'), exactSkipped: EXACT_CANCELLED });
    case 'refuseLinkValues':
      // The link's values do not fit its model: the file's values, and a banner saying so.
      return scenario({
        ...without(state, 'missionTime'),
        overrides: {},
        pins: [],
        banner: action.message,
      });
  }
}

/** A chunk of a simulation merged: the current run's curves and progress; older runs ignored. */
function simulated(
  state: AppState,
  action: Extract<Action, { type: 'simulated' }>,
): [AppState, Change] {
  const run = state.simulation;
  if (action.id === undefined) return [{ ...state, simulated: action.result }, 'simulated'];
  // A run of a scenario since changed (or of a model since closed) is not shown.
  if (run?.id !== action.id) return [state, 'simulation'];
  const phase = action.finished ? (action.stopped ?? 'finished') : 'running';
  return [
    {
      ...state,
      simulated: action.result,
      simulation: {
        ...run,
        done: action.done ?? run.done,
        total: action.total ?? run.total,
        phase,
      },
    },
    'simulated',
  ];
}

/** Returns a copy of the state without the optional fields `keys`. */
function without(
  state: AppState,
  ...keys: (
    | 'missionTime'
    | 'system'
    | 'extras'
    | 'simulated'
    | 'banner'
    | 'simulation'
    | 'solving'
    | 'exactSkipped'
    | 'selected'
    | 'issuesText'
  )[]
): AppState {
  const next: { -readonly [K in keyof AppState]: AppState[K] } = { ...state };
  for (const key of keys) delete next[key];
  return next;
}

/** The state's holder: read it, change it, hear the changes. */
export interface Store {
  readonly get: () => AppState;
  readonly dispatch: (action: Action) => void;
  /** Calls `listener` after every change, in the order listeners were added. */
  readonly subscribe: (listener: (change: Change, state: AppState) => void) => void;
}

/** Returns a store holding `initial`; `now` gives the time of a scenario change. */
export function createStore(initial: AppState, now: () => number = () => performance.now()): Store {
  let state = initial;
  const listeners: ((change: Change, state: AppState) => void)[] = [];
  return {
    get: () => state,
    dispatch: (action) => {
      const [next, change] = reduce(state, action, now());
      state = next;
      for (const listener of listeners) listener(change, state);
    },
    subscribe: (listener) => {
      listeners.push(listener);
    },
  };
}
