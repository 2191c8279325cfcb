import { listNames } from '../errors.js';
import type { ChainModel } from './Model.js';
import { evaluateNumeric, type ParameterValues } from './parameters.js';
import type { RawChain } from './schema.js';
import type { PathIssue } from './source.js';

/**
 * Evaluates the `markov:` section: state names unique, the initial state and every transition
 * end named among the states, rates finite and > 0, no self-loops.
 */
export function buildChain(
  raw: RawChain,
  parameters: ParameterValues,
  issues: PathIssue[],
): ChainModel | undefined {
  const before = issues.length;
  const index = new Map<string, number>();
  raw.states.forEach((state, i) => {
    if (index.has(state.name)) {
      issues.push({
        path: ['markov', 'states', i, 'name'],
        message: `repeats the state "${state.name}"`,
      });
    }
    index.set(state.name, i);
  });
  const known = listNames(
    raw.states.map((state) => state.name),
    raw.states.length,
  );
  const stateOf = (name: string, path: (string | number)[]): number => {
    const found = index.get(name);
    if (found === undefined)
      issues.push({ path, message: `names the unknown state "${name}" (states: ${known})` });
    return found ?? -1;
  };
  const initial = stateOf(raw.initial, ['markov', 'initial']);
  const transitions = raw.transitions.map((transition, i) => {
    const path = ['markov', 'transitions', i];
    const from = stateOf(transition.from, [...path, 'from']);
    const to = stateOf(transition.to, [...path, 'to']);
    if (from >= 0 && from === to) {
      issues.push({
        path: [...path, 'to'],
        message: `must differ from "from"; a self-loop has no effect in a CTMC`,
      });
    }
    const rate = evaluateNumeric(transition.rate, parameters, [...path, 'rate'], issues);
    if (rate !== undefined && !(rate > 0)) {
      issues.push({ path: [...path, 'rate'], message: `must be > 0; got ${rate}` });
    }
    return { from, to, rate: rate ?? Number.NaN };
  });
  if (issues.length > before) return undefined;
  return { states: raw.states.map(({ name, up }) => ({ name, up })), initial, transitions };
}
