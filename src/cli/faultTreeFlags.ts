import type { FaultTreeOptions } from '../analytic/faultTree/faultTreeMeasures.js';
import { parseIntegerOption, parseNumberOption } from './format.js';
import { UsageError } from './io.js';

/** The parseArgs options of fault-tree analysis. */
export const FAULT_TREE_FLAGS = {
  approximation: { type: 'string' },
  'limit-order': { type: 'string' },
  'cut-off': { type: 'string' },
  'max-cut-sets': { type: 'string' },
  house: { type: 'string', multiple: true },
  'mission-time': { type: 'string' },
} as const;

/** The help lines of {@link FAULT_TREE_FLAGS}. */
export const FAULT_TREE_HELP = `Fault trees (relkit YAML with events and fault_tree, Open-PSA MEF, Galileo):
  topEventProbability (exact, by BDD), minimalCutSets (primeImplicants when the tree has NOT,
  XOR, NAND or NOR gates) sorted by probability, and the importance of every basic event.
  --approximation A   rare-event or mcub: topEventProbability from the minimal cut sets
  --limit-order N     leave out cut sets of more than N events
  --cut-off P         leave out cut sets of probability below P
  --max-cut-sets N    list at most the N most probable cut sets (default 1000; the count is exact)
  --house NAME=V      set house event NAME to true or false for this run (repeatable)
  --mission-time T    mission time of a MEF or Galileo file (default 8760)`;

/** The parsed fault-tree flags: what loading takes and what the analysis takes. */
export interface FaultTreeFlags {
  readonly load: { readonly overrides?: Record<string, number>; readonly missionTime?: number };
  readonly analysis: Omit<FaultTreeOptions, 'maxNodes' | 'time'>;
}

/** Checks the fault-tree flags (a malformed value is a usage error, exit 64). */
export function parseFaultTreeFlags(values: {
  readonly approximation?: string;
  readonly 'limit-order'?: string;
  readonly 'cut-off'?: string;
  readonly 'max-cut-sets'?: string;
  readonly house?: string[];
  readonly 'mission-time'?: string;
}): FaultTreeFlags {
  const { approximation } = values;
  if (approximation !== undefined && approximation !== 'rare-event' && approximation !== 'mcub') {
    throw new UsageError(
      `--approximation must be rare-event or mcub; got ${JSON.stringify(approximation)}`,
    );
  }
  const overrides: Record<string, number> = {};
  for (const setting of values.house ?? []) {
    const match = /^([^=]+)=(true|false)$/.exec(setting);
    if (!match) {
      throw new UsageError(
        `--house must be NAME=true or NAME=false; got ${JSON.stringify(setting)}`,
      );
    }
    overrides[match[1]!] = match[2] === 'true' ? 1 : 0; // both groups matched
  }
  const missionTime =
    values['mission-time'] === undefined
      ? undefined
      : parseNumberOption('--mission-time', values['mission-time']);
  if (missionTime !== undefined && !(missionTime > 0)) {
    throw new UsageError(`--mission-time must be > 0; got ${values['mission-time']}`);
  }
  const cutOff =
    values['cut-off'] === undefined ? undefined : parseNumberOption('--cut-off', values['cut-off']);
  if (cutOff !== undefined && !(cutOff >= 0 && cutOff <= 1)) {
    throw new UsageError(`--cut-off must be a probability in [0, 1]; got ${values['cut-off']}`);
  }
  return {
    load: {
      ...(values.house !== undefined && { overrides }),
      ...(missionTime !== undefined && { missionTime }),
    },
    analysis: {
      ...(approximation !== undefined && { approximation }),
      ...(values['limit-order'] !== undefined && {
        limitOrder: parseIntegerOption('--limit-order', values['limit-order'], 1),
      }),
      ...(cutOff !== undefined && { cutOff }),
      ...(values['max-cut-sets'] !== undefined && {
        maxCutSets: parseIntegerOption('--max-cut-sets', values['max-cut-sets'], 0),
      }),
    },
  };
}
