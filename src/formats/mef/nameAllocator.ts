import { NAME_PATTERN } from '../../model/schemaKit.js';

/** Hands out relkit names, unique within one namespace, for names written in another format. */
export interface NameAllocator {
  /**
   * Returns the relkit name for `wanted`: itself when it fits the namespace's pattern and is
   * free, else its characters outside letters, digits and `_` replaced by `_` (and `_` put
   * before a leading digit), then `_2`, `_3`, … appended until free.
   */
  allocate(wanted: string): string;
  /** Every name that changed, as `[wanted, given]`, in allocation order. */
  readonly renamed: readonly (readonly [string, string])[];
}

/**
 * Returns a {@link NameAllocator} for names that fit `pattern`, whose namespace already holds
 * `taken` (names it must not give, such as the functions and constants of expressions).
 *
 * @param pattern - the names the namespace takes as they are; it must accept every name of
 * letters, digits and `_` that does not start with a digit
 *
 * @remarks
 * O(1) expected per name, plus the suffixes tried when names collide after the replacement.
 */
export function nameAllocator(pattern: RegExp, taken: Iterable<string> = []): NameAllocator {
  const used = new Set(taken);
  const renamed: [string, string][] = [];
  return {
    renamed,
    allocate(wanted) {
      if (pattern.test(wanted) && !used.has(wanted)) {
        used.add(wanted);
        return wanted;
      }
      let base = wanted.replace(/[^A-Za-z0-9_]/g, '_');
      if (!NAME_PATTERN.test(base)) base = `_${base}`;
      let given = base;
      for (let suffix = 2; used.has(given); suffix++) given = `${base}_${suffix}`;
      used.add(given);
      if (given !== wanted) renamed.push([wanted, given]);
      return given;
    },
  };
}
