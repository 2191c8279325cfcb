/** The bundled example models (models/*.yaml), by file stem. */

// Vite inlines every example's text at build time.
const files = import.meta.glob('../models/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

/** Example model texts by file stem (`tmr-voter`), in file-name order. */
export const EXAMPLES: ReadonlyMap<string, string> = new Map(
  Object.entries(files)
    .map(([path, text]): [string, string] => [path.replace(/^.*\/|\.yaml$/g, ''), text])
    .sort(([a], [b]) => a.localeCompare(b)),
);

/** The example a fresh page opens. */
export const DEFAULT_EXAMPLE = 'tmr-voter';
