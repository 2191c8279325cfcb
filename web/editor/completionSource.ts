/**
 * The CodeMirror completion source of the model editor: the schema's keys, fixed values and the
 * model's names at the cursor (web/editor/completions.ts), as CodeMirror options.
 */
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { completionsAt, type CandidateKind } from './completions.js';
import { MODEL_SCHEMA } from './modelSchema.js';

// CodeMirror's option types pick the icon shown before each option.
const OPTION_TYPE: Record<CandidateKind, string> = {
  key: 'property',
  value: 'enum',
  component: 'class',
  event: 'variable',
  gate: 'function',
  state: 'variable',
  parameter: 'constant',
};

/**
 * Returns the options at the cursor. While typing, a list opens on a word, after `: `, `- ` and
 * inside `[ ]`; on an empty line only when asked (Ctrl-Space).
 */
export function modelCompletions(context: CompletionContext): CompletionResult | null {
  const found = completionsAt(MODEL_SCHEMA, context.state.doc.toString(), context.pos);
  if (!found) return null;
  if (!context.explicit && found.prefix === '' && !found.afterIndicator) return null;
  const options = found.candidates.map((candidate, rank): Completion => ({
    label: candidate.label,
    apply: candidate.insert,
    type: OPTION_TYPE[candidate.kind],
    // Keep the schema's order (and values before names) among equally good matches.
    boost: -rank / found.candidates.length,
    ...(candidate.detail !== undefined && { detail: candidate.detail }),
    ...(candidate.info !== undefined && { info: candidate.info }),
  }));
  return { from: found.from, options, validFor: /^[\w.-]*$/ };
}
