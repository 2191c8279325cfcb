/**
 * The data panel's work in the worker: CSV text → checked life data → every family fitted and
 * ranked by AICc (the library's parseLifeData and rankLifeFits, as `relkit fit --dist all`).
 */
import {
  LifeDataError,
  parseLifeData,
  rankLifeFits,
  type LifeData,
  type LifeDataIssue,
  type LifeFitRanking,
} from '../../src/index.js';

/** The fits of the data, or each problem of the text located by line and column. */
export type LifeFitsOutcome =
  | { readonly ok: true; readonly data: LifeData; readonly ranking: LifeFitRanking }
  | { readonly ok: false; readonly issues: readonly LifeDataIssue[]; readonly message?: string };

/** Reads `text` as life data (named `file` in the issues) and fits every family to it. */
export function fitLifeText(text: string, file: string): LifeFitsOutcome {
  let data: LifeData;
  try {
    data = parseLifeData(text, file);
  } catch (error) {
    if (error instanceof LifeDataError) return { ok: false, issues: error.issues };
    throw error;
  }
  return { ok: true, data, ranking: rankLifeFits(data) };
}
