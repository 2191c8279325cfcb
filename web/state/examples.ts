/** The bundled example models by name, and the text a name stands for (Vite-only: models.ts). */
import { DEFAULT_EXAMPLE, EXAMPLES } from '../models.js';

export { DEFAULT_EXAMPLE, EXAMPLES };

/** Returns the text of example `name`, or of the default example when there is no such one. */
export function exampleText(name: string): string {
  return EXAMPLES.get(name) ?? EXAMPLES.get(DEFAULT_EXAMPLE)!;
}
