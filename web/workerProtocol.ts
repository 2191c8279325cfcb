/** Messages between the page and web/worker.ts; all plain, structured-cloneable data. */
import type { Result } from '../src/index.js';
import type { Exploration, ExploreOutcome, Extras, ExtrasRequest } from './compute/explore.js';
import type { LifeFitsOutcome } from './compute/lifeFits.js';
import type { MeasureKey } from './compute/measures.js';
import type { OptimizeOutcome, OptimizeRequest } from './compute/optimize.js';
import type { SimulatedSweep } from './compute/simulatedSweep.js';
import type { Pin, Scenario } from './state/pins.js';

/** A message to the worker. */
export type WorkerRequest =
  | {
      readonly type: 'explore';
      readonly id: number;
      readonly text: string;
      readonly scenario: Scenario;
      readonly pins: readonly Pin[];
      /** Solve nothing exactly: the note to show instead (the user cancelled a long solve). */
      readonly skipExact?: string;
    }
  | {
      readonly type: 'extras';
      readonly id: number;
      readonly text: string;
      readonly scenario: Scenario;
      readonly request: ExtrasRequest;
    }
  | {
      readonly type: 'simulate';
      readonly id: number;
      readonly text: string;
      readonly scenario: Scenario;
      readonly replications: number;
      readonly seed: number;
      /** Stop after the chunk that passes this wall time, ms (none: run every replication). */
      readonly budgetMs?: number;
    }
  | {
      readonly type: 'optimize';
      readonly id: number;
      readonly text: string;
      readonly scenario: Scenario;
      readonly request: OptimizeRequest;
    }
  | {
      /** The sweep of a model without an exact solution, by simulation (compute/simulatedSweep.ts). */
      readonly type: 'simulateSweep';
      readonly id: number;
      readonly text: string;
      readonly scenario: Scenario;
      readonly parameter: string;
      readonly values: readonly number[];
      readonly measure: MeasureKey;
      /** Replications at every point, and their seed (the same at every point). */
      readonly replications: number;
      readonly seed: number;
      /** The live simulation's horizon, for a model without a mission time. */
      readonly horizon?: number;
      /** Stop after the round that passes this wall time, ms. */
      readonly budgetMs: number;
    }
  | {
      /** Life data to read and fit with every family (the data panel, compute/lifeFits.ts). */
      readonly type: 'fitLifeData';
      readonly id: number;
      readonly text: string;
      /** The name the issues give the text (a file's name, or "pasted"). */
      readonly file: string;
    }
  | { readonly type: 'cancel'; readonly id: number }
  | { readonly type: 'cancelSweep'; readonly id: number }
  | { readonly type: 'hello' };

/** A message from the worker. */
export type WorkerResponse =
  | { readonly type: 'hello'; readonly canSimulate: boolean }
  | {
      readonly type: 'explored';
      readonly id: number;
      readonly outcome: ExploreOutcome;
      /** Time spent in the worker, ms. */
      readonly elapsed: number;
    }
  | {
      readonly type: 'extras';
      readonly id: number;
      readonly extras: Extras | undefined;
      readonly elapsed: number;
    }
  | {
      readonly type: 'simulation';
      readonly id: number;
      readonly done: number;
      readonly total: number;
      readonly result: Result;
      readonly finished: boolean;
      /** Why a finished run has fewer replications than asked: cancelled, or out of time. */
      readonly stopped?: 'cancelled' | 'budget';
    }
  | {
      /** A long exact solve has begun: the model's facts, without a solution yet. */
      readonly type: 'preview';
      readonly id: number;
      readonly exploration: Exploration;
    }
  | {
      /** The Markov engine's progress on a large chain (web/compute/plainWords.ts). */
      readonly type: 'progress';
      readonly id: number;
      /** Fraction of the current phase done, when the engine can tell. */
      readonly fraction?: number;
      readonly note: string;
    }
  | {
      readonly type: 'optimized';
      readonly id: number;
      readonly outcome: OptimizeOutcome;
      readonly elapsed: number;
    }
  | {
      /** A round of a simulated sweep done: the estimates so far, or why it failed. */
      readonly type: 'sweepSimulation';
      readonly id: number;
      readonly sweep?: SimulatedSweep;
      readonly total: number;
      readonly finished: boolean;
      readonly stopped?: 'cancelled' | 'budget';
      readonly error?: string;
    }
  | {
      readonly type: 'lifeFits';
      readonly id: number;
      readonly outcome: LifeFitsOutcome;
      readonly elapsed: number;
    }
  | { readonly type: 'error'; readonly id: number; readonly message: string };
