import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io.js';

/**
 * Returns a command's flags and positionals as `node:util` parseArgs reads them, refusing a
 * single-valued flag given more than once: `--seed 1 … --seed 2` would otherwise keep the last
 * silently, and a batch script that appends a flag to a base command line would run with a
 * setting its author did not see. A flag declared `multiple` may repeat; a boolean flag given
 * twice means the same and is accepted.
 *
 * @param config - the parseArgs configuration (args, options, allowPositionals)
 * @returns what parseArgs returns for that configuration
 * @throws UsageError naming the flag and the values it was given
 */
export function parseCommandLine<T extends ParseArgsConfig>(
  config: T,
): ReturnType<typeof parseArgs<T>> {
  const parsed = parseArgs({ ...config, tokens: true });
  const seen = new Map<string, string[]>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    const option = config.options?.[token.name];
    if (option === undefined || option.multiple === true) continue;
    const values = seen.get(token.name) ?? [];
    values.push(token.value);
    seen.set(token.name, values);
    if (values.length > 1) {
      throw new UsageError(
        `--${token.name} is given more than once (${values.join(', ')}); give it once`,
      );
    }
  }
  return parsed as ReturnType<typeof parseArgs<T>>;
}
