/**
 * Which parameters each component or basic event of a model depends on, found by moving each
 * plain parameter a little and seeing whose definition changes (the evaluated model keeps no
 * expressions). Done once per parsed text; the diagram highlights these parameters' sliders when
 * its block is selected.
 */
import type { Model, ModelTemplate } from '../../src/index.js';
import { evaluateScenario } from './template.js';

/** Beyond this many parameters the search is skipped (each costs one evaluation). */
const MAX_PARAMETERS = 60;

const cache = new WeakMap<ModelTemplate, Readonly<Record<string, readonly string[]>>>();

/**
 * Returns, for each component and fixed-probability event, the plain parameters (of `names`)
 * whose change changes its definition; `base` is the model at the file's values.
 */
export function parameterUses(
  template: ModelTemplate,
  base: Model,
  names: readonly string[],
): Readonly<Record<string, readonly string[]>> {
  const known = cache.get(template);
  if (known) return known;
  const uses: Record<string, string[]> = {};
  if (names.length <= MAX_PARAMETERS) {
    const before = definitions(base);
    for (const name of names) {
      const value = base.parameters[name] ?? 0;
      const moved = [value * 0.99 + (value === 0 ? 0.5 : 0), value + 1, value - 1]
        .map((trial) => evaluateScenario(template, { [name]: trial }))
        .find((loaded) => loaded.ok);
      if (!moved?.ok) continue;
      for (const [owner, definition] of definitions(moved.model)) {
        if (before.get(owner) !== definition) (uses[owner] ??= []).push(name);
      }
    }
  }
  cache.set(template, uses);
  return uses;
}

/** Each component's and fixed-probability event's definition, as JSON, by name. */
function definitions(model: Model): Map<string, string> {
  const found = new Map<string, string>();
  for (const component of model.components) found.set(component.name, JSON.stringify(component));
  for (const event of model.faultTree?.events ?? []) {
    if ('probability' in event) found.set(event.name, String(event.probability));
  }
  return found;
}
