/**
 * The model text parsed once, each scenario evaluated from it: the worker keeps the template of
 * the last text it saw (`parseModel`), so a slider move, a pin, a tornado or a sweep evaluates
 * the template (`evaluateModel`) and never parses the YAML again.
 */
import {
  evaluateModel,
  ModelError,
  parseModel,
  type Model,
  type ModelTemplate,
} from '../../src/index.js';
import type { TextIssue } from './solve.js';

/** A loaded model, or every issue found in its text. */
export type Loaded =
  | { readonly ok: true; readonly model: Model }
  | { readonly ok: false; readonly issues: readonly TextIssue[] };

/** A text parsed once: its template and the model at the file's values, or the parse's issues. */
export type ParsedText =
  | { readonly ok: true; readonly template: ModelTemplate; readonly file: Loaded }
  | { readonly ok: false; readonly issues: readonly TextIssue[] };

/** The last text parsed, and what it gave. */
let last: { readonly text: string; readonly parsed: ParsedText } | undefined;

/**
 * Returns the text parsed: the template of the last text when the text is the same (a slider
 * moved, a pin added), else the new text parsed once and remembered in its place.
 */
export function parseText(text: string): ParsedText {
  if (last?.text === text) return last.parsed;
  let parsed: ParsedText;
  try {
    const template = parseModel(text, { file: 'model' });
    parsed = { ok: true, template, file: evaluateScenario(template, {}) };
  } catch (error) {
    parsed = { ok: false, issues: textIssues(error) };
  }
  last = { text, parsed };
  return parsed;
}

/** Returns the model of a parsed text with a scenario's overrides, or its issues with their lines. */
export function evaluateScenario(
  template: ModelTemplate,
  overrides: Readonly<Record<string, number>>,
): Loaded {
  try {
    return { ok: true, model: evaluateModel(template, overrides) };
  } catch (error) {
    return { ok: false, issues: textIssues(error) };
  }
}

/** Returns the model of a text with the scenario's overrides, or its issues with their lines. */
export function loadScenario(text: string, overrides: Readonly<Record<string, number>>): Loaded {
  const parsed = parseText(text);
  return parsed.ok ? evaluateScenario(parsed.template, overrides) : parsed;
}

/** Per template: the parameters whose value follows from others, found once. */
const derivedOf = new WeakMap<ModelTemplate, ReadonlySet<string>>();

/**
 * Returns the derived parameters of a model: those whose value changes when another parameter
 * changes (expressions such as `mu: 1 / mttr`), which the explorer lists rather than giving a
 * control. Each parameter is nudged in turn and the values of the others compared with `file`,
 * the model at the file's values.
 *
 * @remarks The template does not say which parameters the file wrote as expressions, so they are
 * found from their values: one to three evaluations of the template per parameter, once per
 * text. An expression over no parameter (`2 * 3`) counts as a plain number. A nudge that makes the
 * model invalid is tried another way (a count moved by 1, a probability down), else skipped.
 */
export function derivedParameters(template: ModelTemplate, file: Model): ReadonlySet<string> {
  let derived = derivedOf.get(template);
  if (derived) return derived;
  const found = new Set<string>();
  for (const name of template.parameterNames) {
    const nudged = nudge(template, name, file.parameters[name]!);
    if (!nudged) continue;
    for (const other of template.parameterNames) {
      if (other !== name && !Object.is(nudged.parameters[other], file.parameters[other])) {
        found.add(other);
      }
    }
  }
  derived = found;
  derivedOf.set(template, derived);
  return derived;
}

/** Smallest relative nudge that every parameter survives as a different double. */
const NUDGE = 2 ** -20;

/** The model with one parameter nudged off its file value, or undefined when every nudge fails. */
function nudge(template: ModelTemplate, name: string, value: number): Model | undefined {
  const small = value === 0 ? NUDGE : value * (1 - NUDGE);
  const tries = Number.isInteger(value) ? [value + 1, value - 1, small] : [small];
  for (const tried of tries) {
    try {
      return evaluateModel(template, { [name]: tried });
    } catch (error) {
      if (!(error instanceof ModelError)) throw error;
    }
  }
  return undefined;
}

/** Returns the issues of an error thrown while loading a model, with their lines when known. */
function textIssues(error: unknown): TextIssue[] {
  if (error instanceof ModelError) {
    return error.issues.map((issue) => ({
      ...(issue.line !== undefined && { line: issue.line }),
      ...(issue.column !== undefined && { column: issue.column }),
      path: issue.path,
      message: issue.message,
    }));
  }
  return [{ path: '', message: String(error) }];
}
