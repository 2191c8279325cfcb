/**
 * Opens a model file of any format relkit reads as model text for the editor: relkit YAML or
 * JSON as it is; an Open-PSA MEF file (`.xml`) or a Galileo fault tree (`.dft`, `.galileo`)
 * translated by the library's readers (readMef, readGalileo) into relkit YAML, headed by a
 * comment naming the source and the readers' warnings. The explorer then edits, solves and
 * shares the translation like any model.
 */
import { stringify } from 'yaml';
import { ModelError, readGalileo, readMef } from '../../src/index.js';

/** The text to put in the editor, or why the file cannot be opened. */
export type OpenedFile =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/** File-name endings and the format each means. */
const TRANSLATED: readonly { readonly endings: readonly string[]; readonly format: string }[] = [
  { endings: ['.xml'], format: 'Open-PSA MEF' },
  { endings: ['.dft', '.galileo'], format: 'Galileo' },
];

/** What the file input accepts: relkit's own formats and the translated ones. */
export const ACCEPTED_FILES: string = [
  '.yaml',
  '.yml',
  '.json',
  ...TRANSLATED.flatMap((t) => t.endings),
].join(',');

/**
 * Returns the editor text of a file named `name` with contents `text`: YAML and JSON unchanged,
 * MEF and Galileo translated to relkit YAML (numbers and names exactly as the reader gives
 * them: the YAML reads back to the same document), or the reader's problems, one per line as
 * `file:line:column: path message`.
 */
export function openModelFile(name: string, text: string): OpenedFile {
  const lower = name.toLowerCase();
  const translated = TRANSLATED.find((t) => t.endings.some((ending) => lower.endsWith(ending)));
  if (translated === undefined) return { ok: true, text };
  try {
    const { data, warnings } = translate(translated.format, name, text);
    const header = [
      `# Translated from ${name} (${translated.format}) by relkit's reader.`,
      ...warnings.map((warning) => `# warning: ${warning}`),
    ]
      .map((line) => line.replaceAll('\n', ' '))
      .join('\n');
    return { ok: true, text: `${header}\n${stringify(data, { lineWidth: 0 })}` };
  } catch (error) {
    if (error instanceof ModelError) return { ok: false, message: error.message };
    throw error;
  }
}

/** The relkit document of a MEF or Galileo file, and the reader's warnings. */
function translate(
  format: string,
  name: string,
  text: string,
): { readonly data: unknown; readonly warnings: readonly string[] } {
  if (format === 'Galileo') return { data: readGalileo({ name, text }).data, warnings: [] };
  const { source, warnings } = readMef([{ name, text }]);
  return { data: source.data, warnings };
}
