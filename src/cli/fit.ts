import { parseCommandLine } from './commandLine.js';
import { formatValue, ParameterError } from '../errors.js';
import { FIT_FAMILY_NAMES, type FitFamilyName } from '../fit/families.js';
import {
  fitLifeData,
  rankLifeFits,
  type FitLifeDataOptions,
  type LifeFit,
} from '../fit/fitLifeData.js';
import { LifeDataError, parseLifeData, type LifeData } from '../fit/lifeData.js';
import { nonParametricEstimates, type NonParametricStep } from '../fit/nonParametric.js';
import { paperFor, PROBABILITY_PAPERS } from '../fit/probabilityPlot.js';
import { checkPaper, checkPlotFile, fitChart, writeChart } from './fitPlot.js';
import { formatNumber, parseNumberList } from './format.js';
import { EXIT, readText, UsageError } from './io.js';
import type { Output } from './io.js';
import { resultJson } from './json.js';

export const FIT_HELP: string = `relkit fit DATA.csv [--dist NAME|all] [--method M] [--lr] [--at t1,t2,…] [--json]
                  [--plot FILE.svg|FILE.png [--paper NAME]]
       relkit fit DATA.csv --nonparametric [--json] [--plot FILE.svg|FILE.png [--paper NAME]]

Fits lifetime distributions to field or test data by maximum likelihood, with Fisher-matrix
95 % bounds (log scale for positive parameters), log-likelihood, AICc, BIC and Anderson-Darling,
and prints each fit as a ready model-file failure: block (docs/fitting.md).

DATA.csv has a header naming its columns (any order, # comments allowed):
  time      failure or suspension time; with time_hi, the start of the interval (0: left-censored)
  status    F (failure) or S (suspension: still running at time, right-censored)
  time_hi   optional: the failure happened in (time, time_hi], e.g. found at an inspection
  count     optional: the row stands for this many units

  --dist NAME   one of ${FIT_FAMILY_NAMES.join(', ')};
                or all (default): every family, ranked by AICc
  --method M    maximum-likelihood (default) or rank-regression: the least-squares line of the
                failure times on their median ranks (regression on X) for weibull, lognormal,
                normal, loglogistic and gumbel, exact failures and suspensions only; estimates
                without bounds
  --at t1,t2,…  also R(t) at these times, with Fisher 95 % bounds (delta method, logit scale)
  --lr          also likelihood-ratio 95 % bounds (profile likelihood; families without a
                location), as lr95 in JSON
  --nonparametric  instead of a fit, the Kaplan-Meier reliability and Nelson-Aalen cumulative
                hazard at each failure time with 95 % bounds (Greenwood, log scale); exact
                failures and suspensions only
  --json        the fit (or the ranking: { rankedBy, fits, skipped }, or { nonParametric })
                as JSON
  --plot FILE   also draw the probability plot (median ranks, the fit with its Fisher 95 %
                band; the best by AICc with --dist all) and the Kaplan-Meier curve with
                Greenwood bounds, to FILE.svg or FILE.png
  --paper NAME  the plot's paper: ${PROBABILITY_PAPERS.join(', ')}
                (default: the fitted family's; weibull with --nonparametric)

Exit 0 on success (a fit that did not converge says so), 1 when the data cannot be read or
fitted (each bad row as file:line:column: what was expected), 64 for a usage error.`;

/** `relkit fit DATA.csv`: one family's fit, or every family ranked by AICc. */
export function fitCommand(args: readonly string[], output: Output): number {
  const { values, positionals } = parseCommandLine({
    args: [...args],
    allowPositionals: true,
    options: {
      dist: { type: 'string', default: 'all' },
      json: { type: 'boolean', default: false },
      nonparametric: { type: 'boolean', default: false },
      lr: { type: 'boolean', default: false },
      at: { type: 'string' },
      plot: { type: 'string' },
      paper: { type: 'string' },
      method: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError(`fit takes one data file\n\n${FIT_HELP}`);
  const dist = values.dist;
  if (dist !== 'all' && !(FIT_FAMILY_NAMES as readonly string[]).includes(dist)) {
    throw new UsageError(
      `--dist must be all or one of ${FIT_FAMILY_NAMES.join(', ')}; got "${dist}"`,
    );
  }
  if (values.plot !== undefined) checkPlotFile(values.plot);
  if (values.paper !== undefined && values.plot === undefined)
    throw new UsageError('--paper chooses the paper of --plot: give --plot FILE too');
  const paper = values.paper === undefined ? undefined : checkPaper(values.paper);
  const path = positionals[0]!; // one positional, checked above
  const data = readLifeData(path);
  const method = values.method ?? 'maximum-likelihood';
  if (method !== 'maximum-likelihood' && method !== 'rank-regression') {
    throw new UsageError(
      `--method must be maximum-likelihood or rank-regression; got ${JSON.stringify(method)}`,
    );
  }
  const options: FitLifeDataOptions = {
    method,
    likelihoodRatio: values.lr,
    ...(values.at === undefined ? {} : { at: parseNumberList('--at', values.at) }),
  };
  if (values.nonparametric) {
    const fitFlags = ['--dist', '--lr', '--at', '--method'];
    if (args.some((arg) => fitFlags.some((flag) => arg === flag || arg.startsWith(`${flag}=`))))
      throw new UsageError(
        '--nonparametric fits no family: --dist, --method, --lr and --at do not apply',
      );
    const steps = nonParametricEstimates(data);
    if (values.plot !== undefined)
      writeChart(values.plot, fitChart(path, data, paper ?? 'weibull', undefined));
    output.stdout(
      values.json ? resultJson({ nonParametric: steps }) : formatNonParametric(path, data, steps),
    );
  } else if (dist === 'all') {
    const ranking = withFlagNames(path, () => rankLifeFits(data, undefined, options));
    const best = ranking.fits[0];
    if (values.plot !== undefined) {
      const chosen = paper ?? (best === undefined ? 'weibull' : paperFor(best.dist));
      writeChart(values.plot, fitChart(path, data, chosen, best));
    }
    output.stdout(values.json ? resultJson(ranking) : formatRanking(path, data, ranking));
  } else {
    const fit = withFlagNames(path, () => fitLifeData(data, dist as FitFamilyName, options));
    if (values.plot !== undefined)
      writeChart(values.plot, fitChart(path, data, paper ?? paperFor(fit.dist), fit));
    output.stdout(values.json ? resultJson(fit) : `${header(path, data)}\n${formatFit(fit)}`);
  }
  return EXIT.ok;
}

/** Runs a fit, its refusals said in the command's words (the flag, or the data file). */
function withFlagNames<T>(path: string, fit: () => T): T {
  try {
    return fit();
  } catch (error) {
    if (!(error instanceof ParameterError)) throw error;
    const flag = ['at', 'dist', 'method'].includes(error.parameter);
    const what = flag ? `--${error.parameter}` : `${path}: ${error.parameter}`;
    throw new UsageError(
      `${what} must ${error.expectation}; got ${formatValue(error.value)}`,
      EXIT.failed,
    );
  }
}

function readLifeData(path: string): LifeData {
  const text = readText(path);
  try {
    return parseLifeData(text, path);
  } catch (error) {
    if (error instanceof LifeDataError) throw new UsageError(error.message, EXIT.failed);
    throw error;
  }
}

function header(path: string, data: LifeData): string {
  const { failures, suspensions, intervals } = data.n;
  const units = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;
  return `${path}: ${units(failures, 'failure')}, ${units(suspensions, 'suspension')}, ${intervals} in intervals\n`;
}

/** One fit: parameters with bounds, fit figures, convergence, the model block and the notes. */
function formatFit(fit: LifeFit): string {
  const lines = [
    fit.method === 'rank-regression'
      ? `${fit.dist} (rank regression on median ranks; no bounds)`
      : `${fit.dist} (maximum likelihood; Fisher 95 % bounds)`,
  ];
  if (!fit.convergence.converged) lines.push(`  NOT CONVERGED: ${fit.convergence.message}`);
  const width = Math.max(...Object.keys(fit.parameters).map((name) => name.length));
  for (const [name, value] of Object.entries(fit.parameters)) {
    const bound = fit.ci95[name];
    const range = bound
      ? `  (${formatNumber(bound[0])} to ${formatNumber(bound[1])})`
      : '  (no bound)';
    const ratio = fit.lr95?.[name];
    const lr =
      fit.lr95 === undefined
        ? ''
        : ratio
          ? `  LR (${formatNumber(ratio[0])} to ${formatNumber(ratio[1])})`
          : '  LR (no bound)';
    lines.push(`  ${name.padEnd(width)}  ${formatNumber(value)}${range}${lr}`);
  }
  const figure = (value: number | null): string => (value === null ? 'none' : formatNumber(value));
  if (fit.convergence.converged)
    lines.push(
      `  log-likelihood ${formatNumber(fit.logLikelihood)}, AICc ${figure(fit.aicc)}, BIC ${formatNumber(fit.bic)}, AD ${figure(fit.ad)}`,
    );
  const withBounds = (bound: readonly [number, number] | null): string =>
    bound ? ` (${formatNumber(bound[0])} to ${formatNumber(bound[1])})` : ' (no bound)';
  lines.push(`  B10 life ${formatNumber(fit.b10.value)}${withBounds(fit.b10.ci95)}`);
  if (fit.mean)
    lines.push(`  mean life ${formatNumber(fit.mean.value)}${withBounds(fit.mean.ci95)}`);
  for (const { t, value, ci95 } of fit.reliability ?? []) {
    lines.push(`  R(${formatNumber(t)}) ${formatNumber(value)}${withBounds(ci95)}`);
  }
  if (fit.convergence.converged && fit.method === 'maximum-likelihood') {
    lines.push(
      `  converged in ${fit.convergence.iterations} iterations (${fit.convergence.message})`,
    );
  }
  if (fit.failure) {
    const fields = Object.entries(fit.failure).map(([key, value]) => `${key}: ${value}`);
    lines.push(`  failure: { ${fields.join(', ')} }`);
  }
  for (const note of fit.notes) lines.push(`  note: ${note}`);
  return `${lines.join('\n')}\n`;
}

function formatRanking(
  path: string,
  data: LifeData,
  ranking: ReturnType<typeof rankLifeFits>,
): string {
  const rows = ranking.fits.map((fit, i) => [
    String(i + 1),
    fit.dist,
    // A fit that did not converge has no maximum: its figures are not what their names say.
    ...(fit.convergence.converged
      ? [
          formatNumber(fit.logLikelihood),
          fit.aicc === null ? 'none' : formatNumber(fit.aicc),
          formatNumber(fit.bic),
          fit.ad === null ? 'none' : formatNumber(fit.ad),
        ]
      : ['NOT CONVERGED', '-', '-', '-']),
  ]);
  const table = [['rank', 'dist', 'log-likelihood', 'AICc', 'BIC', 'AD'], ...rows];
  const text = alignColumns(table);
  const skipped = [
    ...ranking.skipped.map(({ dist, reason }) => `skipped ${dist}: ${reason}`),
    ...ranking.notes.map((note) => `note: ${note}`),
  ];
  const details = ranking.fits.map(formatFit);
  return [header(path, data), ...text, ...skipped, '', details.join('\n')].join('\n');
}

function formatNonParametric(
  path: string,
  data: LifeData,
  steps: readonly NonParametricStep[],
): string {
  const bounds = (bound: readonly [number, number] | null): string =>
    bound === null ? 'none' : `${formatNumber(bound[0])} to ${formatNumber(bound[1])}`;
  const table = [
    [
      'time',
      'at risk',
      'failed',
      'R (Kaplan-Meier)',
      '95 % bounds',
      'H (Nelson-Aalen)',
      '95 % bounds',
    ],
    ...steps.map((step) => [
      formatNumber(step.time),
      formatNumber(step.atRisk),
      formatNumber(step.failures),
      formatNumber(step.reliability),
      bounds(step.reliabilityCi95),
      formatNumber(step.cumulativeHazard),
      bounds(step.cumulativeHazardCi95),
    ]),
  ];
  const text = alignColumns(table);
  return `${[header(path, data), ...text].join('\n')}\n`;
}

/** The rows of a table as lines, each column padded to its widest cell, two spaces apart. */
function alignColumns(table: readonly (readonly string[])[]): string[] {
  // `!`: every row has the header's cells (the callers build them so).
  const widths = table[0]!.map((_, j) => Math.max(...table.map((row) => row[j]!.length)));
  return table.map((row) =>
    row
      .map((cell, j) => cell.padEnd(widths[j]!))
      .join('  ')
      .trimEnd(),
  );
}
