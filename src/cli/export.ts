import { parseCommandLine } from './commandLine.js';
import { writeMef } from '../formats/mef/writeMef.js';
import { FAULT_TREE_FLAGS, parseFaultTreeFlags } from './faultTreeFlags.js';
import { EXIT, UsageError, writeTextAtomically } from './io.js';
import { SYSTEM_FLAG, oneSystemToSolve } from './systems.js';
import type { Output } from './io.js';
import {
  loadModelFiles,
  MODEL_LIMIT_FLAGS,
  MODEL_LIMITS_HELP,
  parseModelLimits,
} from './loadModelFile.js';

export const EXPORT_HELP: string = `relkit export MODEL --to mef [--out FILE] [--house NAME=true|false] [--system NAME]
relkit export A.xml [B.xml ...] --to mef [--out FILE]

Writes a model as Open-PSA MEF XML (the Model Exchange Format that SCRAM, XFTA and other
fault-tree tools read): a fault tree as it is, a block diagram as the fault tree of its failure
logic (series → OR, parallel → AND, k of n working → n − k + 1 failing, a network → its minimal
cut sets). Numbers are written evaluated; events with exponential failure times as
exponential (no repair) or GLM (repair) of the mission time. A standby block other than hot
spares with perfect switching, or a time law MEF cannot write, is refused with the reason.

  --to mef        the format (mef is the one there is)
  --out FILE      write to FILE (atomically) instead of standard output
  --system NAME   the system function to write, for a model with several (systems:, quorum:)
${MODEL_LIMITS_HELP}

Exit 0 on success, 1 for an invalid model, 2 when the model has no MEF form.`;

/** `relkit export`: a model in another tool's format. */
export function exportCommand(args: readonly string[], output: Output): number {
  const { values, positionals } = parseCommandLine({
    args: [...args],
    allowPositionals: true,
    options: {
      to: { type: 'string' },
      out: { type: 'string' },
      ...SYSTEM_FLAG,
      house: FAULT_TREE_FLAGS.house,
      'mission-time': FAULT_TREE_FLAGS['mission-time'],
      ...MODEL_LIMIT_FLAGS,
    },
  });
  if (values.to !== 'mef') {
    throw new UsageError(
      `export needs --to mef${values.to === undefined ? '' : `; got ${JSON.stringify(values.to)}`}\n\n${EXPORT_HELP}`,
    );
  }
  const flags = parseFaultTreeFlags(values);
  const { model } = loadModelFiles(positionals, {
    limits: parseModelLimits(values),
    ...flags.load,
  });
  const text = writeMef(oneSystemToSolve(model, values.system, 'export'));
  if (values.out === undefined) output.stdout(text);
  else writeTextAtomically(values.out, text);
  return EXIT.ok;
}
