/**
 * A fault tree's minimal cut sets (or prime implicants, for a non-coherent tree) as the explorer
 * lists them: how many there are and the most probable ones, `not x` literals written ¬x. Pure
 * functions of a Result, unit-tested.
 */
import type { Result } from '../../src/index.js';

/** Cut sets shown at most: the result sorts them by probability, largest first. */
export const SHOWN_CUT_SETS = 10;

/** The cut sets of a result, as the panel lists them. */
export interface CutSetSummary {
  /** Minimal cut sets of a coherent tree, prime implicants of a non-coherent one. */
  readonly kind: 'minimal cut sets' | 'prime implicants';
  /** How many there are (exact, even when the result lists fewer). */
  readonly count: number;
  /** The most probable ones, largest first, each a list of literals (`¬x` for `not x`). */
  readonly sets: readonly (readonly string[])[];
}

/**
 * Returns the count and the `limit` most probable minimal cut sets (or prime implicants) of a
 * result, or undefined when it has neither.
 */
export function cutSetSummary(
  result: Result,
  limit: number = SHOWN_CUT_SETS,
): CutSetSummary | undefined {
  const { minimalCutSets, primeImplicants } = result.measures;
  const list = minimalCutSets ?? primeImplicants;
  if (list === undefined) return undefined;
  return {
    kind: minimalCutSets ? 'minimal cut sets' : 'prime implicants',
    count: list.count,
    sets: list.sets.slice(0, limit).map((set) => set.map(literalText)),
  };
}

/** Returns a literal as shown: `not x` (a prime implicant's negated event) as `¬x`. */
export function literalText(literal: string): string {
  return literal.startsWith('not ') ? `¬${literal.slice(4)}` : literal;
}
