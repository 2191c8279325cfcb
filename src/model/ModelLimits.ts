import { checkInteger } from '../errors.js';

/**
 * Limits on what {@link loadModel} accepts, against hostile or broken input: each bounds the
 * time and memory of one stage, and each can be raised, by this option or by the command-line
 * flag that every message about it names.
 */
export interface ModelLimits {
  /**
   * Longest model text, in characters (UTF-16 code units): bounds the time and memory of parsing.
   * On the command line: `--max-model-size`.
   * @defaultValue 5 000 000
   */
  readonly maxModelSize?: number;
  /**
   * Longest expression (`2*lambda*(1-c)`), in characters: bounds the time to parse and evaluate
   * it (docs/security.md states the bound). On the command line: `--max-expression-length`.
   * @defaultValue 1000
   */
  readonly maxExpressionLength?: number;
  /**
   * Most units in all, the sum of the components' counts: bounds memory and solver time.
   * On the command line: `--max-units`.
   * @defaultValue 100 000
   */
  readonly maxUnits?: number;
}

/**
 * The limits {@link loadModel} applies when not told otherwise. Loading takes time linear in the
 * text: 5 000 000 characters of 88 000 components loaded in 7.7 s (Node 20, one core of a 2-core
 * AMD EPYC). No real expression comes near 1000 characters. 100 000 units is far beyond what the
 * exact solvers handle and keeps a simulation's state in a few megabytes.
 */
export const DEFAULT_MODEL_LIMITS: Readonly<Required<ModelLimits>> = Object.freeze({
  maxModelSize: 5_000_000,
  maxExpressionLength: 1000,
  maxUnits: 100_000,
});

/** The command-line flag that raises each limit, named in every message about it. */
const FLAGS: Readonly<Record<keyof ModelLimits, string>> = {
  maxModelSize: '--max-model-size',
  maxExpressionLength: '--max-expression-length',
  maxUnits: '--max-units',
};

/**
 * Returns every limit, the defaults filling what `limits` leaves out.
 *
 * @throws {@link ParameterError} when a limit is not an integer >= 1
 */
export function resolveModelLimits(limits: ModelLimits = {}): Required<ModelLimits> {
  const resolved = { ...DEFAULT_MODEL_LIMITS, ...limits };
  for (const name of Object.keys(FLAGS) as (keyof ModelLimits)[]) {
    checkInteger('loadModel', `limits.${name}`, resolved[name], 1);
  }
  return resolved;
}

/**
 * The end of a message about a limit reached, the same for every limit: `the limit is 1000
 * (--max-expression-length or limits.maxExpressionLength raises it)`.
 */
export function limitReached(name: keyof ModelLimits, limit: number): string {
  return `the limit is ${limit} (${FLAGS[name]} or limits.${name} raises it)`;
}
