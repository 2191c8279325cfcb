import type { Model } from '../model/Model.js';
import type { MeasureUncertainty, ParameterUncertainty } from '../solve/uncertainty.js';
import { formatEstimate, parseIntegerOption } from './format.js';
import { EXIT, UsageError } from './io.js';

/** Fewest and most parameter draws of `--uncertainty`. */
const DRAWS: readonly [number, number] = [40, 1_000_000];

/**
 * Parses `--uncertainty N` for a model: N an integer in [40, 1e6], and the model must have laws
 * fitted from data.
 *
 * @throws {@link UsageError} (exit 1) for N out of range or a model without fitted laws
 */
export function parseUncertainty(text: string, model: Model): number {
  const draws = parseIntegerOption('--uncertainty', text, ...DRAWS);
  if ((model.fits ?? []).length === 0) {
    throw new UsageError(
      `--uncertainty: the model "${model.name}" has no laws fitted from data, so its parameters have no uncertainty to propagate; name a data file in a law (failure: { fit: FILE, dist: FAMILY }, docs/fitting.md)`,
      EXIT.failed,
    );
  }
  return draws;
}

/** The text section of a result with parameter uncertainty: one line per scalar measure. */
export function formatUncertainty(uncertainty: ParameterUncertainty): string {
  const lines = [
    `parameter uncertainty: ${uncertainty.draws} draws (seed ${uncertainty.seed}) of ${uncertainty.laws.join(', ')}`,
    '  Fisher-matrix normal draws; percentile 95 % intervals (curves with --json)',
  ];
  const scalars = Object.entries(uncertainty.measures).filter(
    (entry): entry is [string, MeasureUncertainty] => 'ci95' in entry[1],
  );
  const width = Math.max(...scalars.map(([name]) => name.length));
  for (const [name, summary] of scalars) {
    const shown = formatEstimate(summary.estimate, summary.ci95);
    const median = formatEstimate(summary.median, summary.ci95).mean;
    const noise =
      summary.innerHalfWidth === undefined
        ? ''
        : `, simulation noise ±${formatEstimate(summary.innerHalfWidth, [0, summary.innerHalfWidth * 2]).mean}`;
    lines.push(
      `  ${name.padEnd(width)}  ${shown.mean}  median ${median}  (${shown.lo} to ${shown.hi})${noise}`,
    );
  }
  for (const warning of uncertainty.warnings) lines.push(`  warning: ${warning}`);
  return `${lines.join('\n')}\n`;
}
