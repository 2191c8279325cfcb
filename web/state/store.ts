/**
 * The explorer's application state in one object, and the one way to change it: `dispatch` an
 * action; `reduce` (pure, unit-tested) returns the next state and what kind of change it was, and
 * every listener hears it. No framework: web/main.ts routes each kind of change to the panels.
 */
import type { Result } from '../../src/index.js';
import type { CurveScale } from '../charts/curveTraces.js';
import type { Exploration, Extras } from '../compute/explore.js';
import type { ImportanceKey } from '../compute/importance.js';
import type { MeasureKey } from '../compute/measures.js';
import type { TextIssue } from '../compute/solve.js';
import { addPin, removePin, renamePin, type Pin, type Scenario } from './pins.js';
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
  /**
   * The fault-tree event without failure times picked in the diagram (a component is picked as
   * `view.component`, the distribution chart's choice); cleared with the model.
   */
  readonly selected?: string;
}

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
  | { readonly type: 'resetAll' }
  | { readonly type: 'pin' }
  | { readonly type: 'renamePin'; readonly id: string; readonly name: string }
  | { readonly type: 'removePin'; readonly id: string }
  | { readonly type: 'setCurveScale'; readonly scale: CurveScale }
  | { readonly type: 'setWhatIf'; readonly settings: WhatIfSettings }
  | { readonly type: 'setImportanceFactor'; readonly factor: ImportanceKey }
  | { readonly type: 'select'; readonly name: string | undefined }
  | { readonly type: 'explored'; readonly exploration: Exploration; readonly solveMs: number }
  | { readonly type: 'invalid'; readonly issues: readonly TextIssue[] }
  | { readonly type: 'extras'; readonly extras: Extras | undefined }
  | { readonly type: 'simulated'; readonly result: Result };

/**
 * What a change calls for:
 * - `scenario`: the model, a parameter, the mission time or the pins changed: solve again and
 *   update the link;
 * - `whatIf`: a setting of the what-if charts changed: recompute them and update the link;
 * - `curve`: the curve axis changed: redraw the curves and update the link;
 * - `importance`: the factor of the importance chart changed: redraw it and update the link;
 * - `selection`: the diagram's selected event changed: show it;
 * - `explored`, `invalid`, `extras`, `simulated`: an answer arrived: show it.
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
  | 'simulated';

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
  };
}

/** Returns the next state after `action`, `now` being the time of a scenario change. */
export function reduce(state: AppState, action: Action, now: number): [AppState, Change] {
  // A new scenario: the simulated curves no longer match it, and the redraw timing restarts.
  const scenario = (next: AppState): [AppState, Change] => [
    { ...without(next, 'simulated'), changedAt: now },
    'scenario',
  ];
  switch (action.type) {
    case 'loadExample': {
      // The note about a damaged link no longer applies to the new model; the chart choices
      // that name its measures, components or parameters do not either.
      const { curve, tornadoPercent, importance } = state.view;
      return scenario({
        ...without(state, 'missionTime', 'banner', 'selected'),
        example: action.name,
        text: action.text,
        overrides: {},
        pins: [],
        view: { curve, tornadoPercent, ...(importance !== undefined && { importance }) },
      });
    }
    case 'openFile': {
      return scenario({
        ...without(state, 'missionTime', 'selected'),
        example: '',
        text: action.text,
        overrides: {},
        pins: [],
      });
    }
    case 'edit':
      return scenario({ ...state, text: action.text });
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
    case 'resetAll':
      return scenario({ ...without(state, 'missionTime'), overrides: {} });
    case 'pin':
      return scenario({ ...state, pins: addPin(state.pins, scenarioOf(state)) });
    case 'renamePin':
      return scenario({ ...state, pins: renamePin(state.pins, action.id, action.name) });
    case 'removePin':
      return scenario({ ...state, pins: removePin(state.pins, action.id) });
    case 'setCurveScale':
      return [{ ...state, view: { ...state.view, curve: action.scale } }, 'curve'];
    case 'setWhatIf':
      return [{ ...state, view: { ...state.view, ...action.settings } }, 'whatIf'];
    case 'setImportanceFactor':
      return [{ ...state, view: { ...state.view, importance: action.factor } }, 'importance'];
    case 'select':
      return [
        action.name === undefined
          ? without(state, 'selected')
          : { ...state, selected: action.name },
        'selection',
      ];
    case 'explored':
      return [
        { ...state, exploration: action.exploration, solveMs: action.solveMs, issues: [] },
        'explored',
      ];
    case 'invalid':
      return [{ ...state, issues: action.issues }, 'invalid'];
    case 'extras':
      return [
        action.extras ? { ...state, extras: action.extras } : without(state, 'extras'),
        'extras',
      ];
    case 'simulated':
      return [{ ...state, simulated: action.result }, 'simulated'];
  }
}

/** Returns a copy of the state without the optional fields `keys`. */
function without(
  state: AppState,
  ...keys: ('missionTime' | 'extras' | 'simulated' | 'banner' | 'selected')[]
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
