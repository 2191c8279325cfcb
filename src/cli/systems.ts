import type { Model } from '../model/Model.js';
import { quorumConsistency, systemView } from '../model/systemView.js';
import { UsageError } from './io.js';
import { resultJsonBytes } from './json.js';

/** The `--system` flag of the commands that solve a model. */
export const SYSTEM_FLAG = { system: { type: 'string' } } as const;

export const SYSTEM_HELP = `  --system NAME   only this system function of a model with several (systems:, quorum:);
                  default every one, each solved as the model with that structure
                  (markov: all from one chain of the plant)`;

/** One system function to solve: its name (undefined for a model with one system) and model. */
export interface SystemToSolve {
  readonly name?: string;
  readonly model: Model;
}

/**
 * The system functions a command solves: the one `--system` names, or every one of a model
 * with several, or the model itself.
 *
 * @throws {@link UsageError} for `--system` naming no system of the model
 */
export function systemsToSolve(model: Model, name: string | undefined): SystemToSolve[] {
  const names = model.systems?.map((entry) => entry.name);
  if (name !== undefined) {
    if (names === undefined || !names.includes(name)) {
      throw new UsageError(
        names === undefined
          ? `--system ${name}: the model has one system (write systems: to give several)`
          : `--system ${name}: the model has no such system (systems: ${names.join(', ')})`,
      );
    }
    return [{ name, model: systemView(model, name) }];
  }
  if (names === undefined) return [{ model }];
  return names.map((entry) => ({ name: entry, model: systemView(model, entry) }));
}

/**
 * Writes the results of the systems solved: one system's result as it is, several as one
 * document (JSON `{ model, systems: { name: result }, consistency? }`; text sections headed by
 * each system's name, then the quorum's consistency). JSON comes as its UTF-8 bytes
 * ({@link resultJsonBytes}), text as a string.
 */
export function systemsOutput<R>(
  model: Model,
  solved: readonly { readonly name?: string; readonly result: R }[],
  json: boolean,
  format: (result: R) => string,
): string | Uint8Array {
  const [first] = solved;
  if (solved.length === 1 && first !== undefined && first.name === undefined) {
    return json ? resultJsonBytes(first.result) : format(first.result);
  }
  const consistency = model.quorum && quorumConsistency(model.quorum);
  if (json) {
    return resultJsonBytes({
      model: { name: model.name },
      systems: Object.fromEntries(solved.map(({ name, result }) => [name, result])),
      ...(consistency && { consistency }),
    });
  }
  const sections = solved.map(({ name, result }) => `system ${name}\n${format(result)}`);
  if (consistency) sections.push(`consistency\n  ${consistency.statement}\n`);
  return sections.join('\n');
}

/**
 * The one system function a command that runs one at a time (simulate, sweep, optimize) solves:
 * the model itself, or the system `--system` names.
 *
 * @throws {@link UsageError} for a model with several systems and no `--system`, naming them
 */
export function oneSystemToSolve(model: Model, name: string | undefined, command: string): Model {
  const [first, ...more] = systemsToSolve(model, name);
  if (more.length > 0 || first === undefined) {
    const names = model.systems?.map((entry) => entry.name).join(', ');
    throw new UsageError(
      `the model has several systems (${names}); ${command} takes one at a time: choose it with --system NAME`,
    );
  }
  return first.model;
}

/**
 * Refuses a model with several system functions in a command that studies one (sweep,
 * optimize), naming them.
 *
 * @throws {@link UsageError} when the model has `systems`
 */
export function refuseSeveralSystems(model: Model, command: string): void {
  const names = model.systems?.map((entry) => entry.name);
  if (names === undefined) return;
  throw new UsageError(
    `${command} studies a model with one system; this one has several (${names.join(', ')}): write the system to study as the model's only system`,
  );
}
