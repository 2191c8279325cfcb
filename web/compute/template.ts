/**
 * The model text parsed once, each scenario evaluated from it: the worker keeps the template of
 * the last text it saw (`parseModel`), so a slider move, a pin, a tornado or a sweep evaluates
 * the template (`evaluateModel`) and never parses the YAML again.
 */
import {
  evaluateModel,
  ModelError,
  parseModel,
  systemView,
  type Model,
  type ModelTemplate,
} from '../../src/index.js';
import type { TextIssue } from './solve.js';

/** A loaded model, or every issue found in its text. */
export type Loaded =
  | { readonly ok: true; readonly model: Model }
  | { readonly ok: false; readonly issues: readonly TextIssue[] };

/**
 * A text parsed once: its template and the model at the file's values (every system of it), or
 * the parse's issues.
 */
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
    parsed = { ok: true, template, file: evaluateTemplate(template, {}) };
  } catch (error) {
    parsed = { ok: false, issues: textIssues(error) };
  }
  last = { text, parsed };
  return parsed;
}

/**
 * Returns the model of a parsed text with a scenario's overrides, or its issues with their lines;
 * for a model with several systems, the model of the one `system` names (the first when it names
 * none of them, as after an edit that renamed it).
 */
export function evaluateScenario(
  template: ModelTemplate,
  overrides: Readonly<Record<string, number>>,
  system?: string,
): Loaded {
  const loaded = evaluateTemplate(template, overrides);
  return loaded.ok ? { ok: true, model: shownSystem(loaded.model, system) } : loaded;
}

/** Returns the whole model of a parsed text with overrides (every system), or its issues. */
function evaluateTemplate(
  template: ModelTemplate,
  overrides: Readonly<Record<string, number>>,
): Loaded {
  try {
    return { ok: true, model: evaluateModel(template, overrides) };
  } catch (error) {
    return { ok: false, issues: textIssues(error) };
  }
}

/** The model of the system shown: `system` when the model has it, else its first; else itself. */
export function shownSystem(model: Model, system: string | undefined): Model {
  const systems = model.systems;
  if (systems === undefined) return model;
  const shown = systems.find((entry) => entry.name === system) ?? systems[0]!; // never empty
  return systemView(model, shown.name);
}

/** Returns the model of a text with the scenario's overrides, or its issues with their lines. */
export function loadScenario(
  text: string,
  overrides: Readonly<Record<string, number>>,
  system?: string,
): Loaded {
  const parsed = parseText(text);
  return parsed.ok ? evaluateScenario(parsed.template, overrides, system) : parsed;
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
