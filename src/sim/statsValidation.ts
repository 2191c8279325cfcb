import { MAX_GRID_POINTS } from '../model/timeGrid.js';
import { ParameterError } from '../errors.js';
import { exactSum } from '../numeric/sum.js';
import {
  MAX_EXACT_PARTIALS,
  mergeExact,
  type ExactAccumulator,
} from '../numeric/exactAccumulator.js';
import {
  BATCH_COUNT,
  MSER_MAX_DELETION,
  SIMULATION_STATS_VERSION,
  type SimulationStats,
} from './stats.js';
import { CYCLE_SUMS } from './system/ReplicationRecorder.js';
import { SIMULATED_MEASURES } from './types.js';

const WHERE = 'validateSimulationStats';

/**
 * Relative slack of the bounds that compare an exact sum with a rounded product (Σx ≤ n·cap):
 * the sum is exact, n·cap is rounded once, so 1e-12 is ample and still refuses any tampering that
 * matters.
 */
const SLACK = 1 + 1e-12;

/** The accumulator-array fields of {@link SimulationStats} and their lengths (cycleSums: below). */
const BATCH_ARRAYS = ['batchDown', 'batchDownSquares', 'batchRateSquares', 'batchCross'] as const;
const SUFFIX_ARRAYS = ['suffixDownSquares', 'suffixRateSquares', 'suffixCross'] as const;

/**
 * Returns `value` as {@link SimulationStats} when it has the layout of version
 * {@link SIMULATION_STATS_VERSION} and every invariant a run guarantees; otherwise throws, naming
 * the first field that is wrong, what it must be and what it holds. For statistics from outside
 * the process (shard files of `relkit merge`), before they are merged or estimated from.
 *
 * Checked, with n = `replications`:
 * - header: `version` = {@link SIMULATION_STATS_VERSION}, `modelHash` and `generator` non-empty
 *   strings, `seed` finite, `horizon` finite > 0, `grid` an integer in [2, 100000], `mttfCap`
 *   finite ≥ 1, `measures` simulated measures, sorted, without repeats;
 * - counts: integers ≥ 0 (`replications`, `events`, `failures`, `cycles`, `criticality[i]`,
 *   `batchFailures[j]`), and at most n for `censored`, `downReplications`, `cyclesCensored`,
 *   `survivors[j]` (non-increasing in j) and `upAtGrid[j]`;
 * - `ranges`: pairs [a, b) of integers, 0 ≤ a < b ≤ 2^53 − 1, sorted and disjoint, of total n;
 * - arrays of their fixed length: `survivors` and `upAtGrid` `grid`, batch arrays
 *   {@link BATCH_COUNT}, suffix arrays {@link MSER_MAX_DELETION} + 1, `cycleSums` 0 or
 *   {@link CYCLE_SUMS};
 * - exact accumulators: `{ partials }` of at most {@link MAX_EXACT_PARTIALS} finite numbers with a
 *   finite sum ≥ 0 (every summed quantity is a time, a fraction, a count, a cost or a product of
 *   them);
 *   fractions of [0, T] (`intervalDown`, `batchDown`, `batchDownSquares`, `suffixDownSquares`)
 *   sum to at most n, and Σx² ≤ Σx for them; times to first failure to at most n·mttfCap·T;
 * - `elapsedSeconds` and `longestCycle` finite ≥ 0.
 *
 * @param value - the parsed statistics (JSON data, or an object built in process)
 * @param name - how messages name the statistics: `parts[2]` gives `parts[2].survivors[3]`; an
 * empty name gives `survivors[3]`
 * @returns `value`, typed; nothing is copied or changed
 * @throws {@link ParameterError} naming the field (`parameter`), the expectation and the value
 *
 * @remarks
 * Every check is one comparison per number, so a part costs O(grid + components + batches); it
 * guards the estimators against a tampered or truncated file (a negative MTTF sum, survivors above
 * n, a NaN partial that used to make the merge loop without end). It cannot tell a consistent
 * forgery from a run. Fields it does not know (a shard file's `model` and `shard`) are ignored.
 *
 * @example
 * ```ts
 * let message = '';
 * try { validateSimulationStats({ version: 5 }, 'part'); } catch (error) { message = error.message; }
 * message; // → validateSimulationStats: part.version must be 7, the layout of this relkit (write the parts again with it); got 5
 * ```
 */
export function validateSimulationStats(value: unknown, name = 'stats'): SimulationStats {
  const at = (field: string): string => (name === '' ? field : `${name}.${field}`);
  const fail = (field: string, expectation: string, got: unknown): never => {
    throw new ParameterError(WHERE, at(field), expectation, got);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ParameterError(WHERE, name || 'stats', 'be an object (SimulationStats)', value);
  }
  const stats = value as Record<string, unknown>;
  const field = (key: string): unknown => {
    if (!(key in stats)) fail(key, 'be present (SimulationStats layout)', undefined);
    return stats[key];
  };

  const version = field('version');
  if (version !== SIMULATION_STATS_VERSION) {
    fail(
      'version',
      `be ${SIMULATION_STATS_VERSION}, the layout of this relkit (write the parts again with it)`,
      version,
    );
  }
  for (const key of ['modelHash', 'generator']) {
    const text = field(key);
    if (typeof text !== 'string' || text === '') fail(key, 'be a non-empty string', text);
  }
  const finite = (key: string, min: number, strict = false): number => {
    const x = field(key);
    const ok = typeof x === 'number' && Number.isFinite(x) && (strict ? x > min : x >= min);
    if (!ok) fail(key, `be a finite number ${strict ? '>' : '>='} ${min}`, x);
    return x as number;
  };
  finite('seed', -Infinity);
  const horizon = finite('horizon', 0, true);
  const mttfCap = finite('mttfCap', 1);
  const grid = integerIn(field('grid'), 2, MAX_GRID_POINTS, at('grid'));
  checkMeasures(field('measures'), at('measures'));

  const replications = integerIn(
    field('replications'),
    0,
    Number.MAX_SAFE_INTEGER,
    at('replications'),
  );
  checkRanges(field('ranges'), replications, at('ranges'), at('replications'));
  for (const key of ['events', 'failures', 'cycles']) {
    integerIn(field(key), 0, Number.MAX_SAFE_INTEGER, at(key));
  }
  for (const key of ['censored', 'downReplications', 'cyclesCensored']) {
    integerIn(field(key), 0, replications, at(key), `${replications} (replications)`);
  }
  finite('elapsedSeconds', 0);
  finite('longestCycle', 0);

  const survivors = counts(field('survivors'), grid, replications, at('survivors'));
  for (let j = 1; j < grid; j++) {
    if (survivors[j]! > survivors[j - 1]!) {
      fail(
        `survivors[${j}]`,
        `be at most survivors[${j - 1}] (${survivors[j - 1]}): survivors never increase with t`,
        survivors[j],
      );
    }
  }
  counts(field('upAtGrid'), grid, replications, at('upAtGrid'));
  counts(field('criticality'), undefined, Number.MAX_SAFE_INTEGER, at('criticality'));
  counts(field('batchFailures'), BATCH_COUNT, Number.MAX_SAFE_INTEGER, at('batchFailures'));

  const cap = mttfCap * horizon;
  const firstFailure = moments(field('firstFailure'), at('firstFailure'));
  atMost(
    firstFailure.sum,
    replications * cap,
    `${replications} x ${cap} (replications x mttfCap x horizon)`,
    at('firstFailure.sum'),
  );
  atMost(
    firstFailure.sumSquares,
    replications * cap * cap,
    `replications x (mttfCap x horizon)^2`,
    at('firstFailure.sumSquares'),
  );
  const intervalDown = moments(field('intervalDown'), at('intervalDown'));
  fraction(
    intervalDown.sum,
    intervalDown.sumSquares,
    replications,
    at('intervalDown.sum'),
    at('intervalDown.sumSquares'),
  );

  moments(field('missionCost'), at('missionCost'));

  const lists: Record<string, number[]> = {};
  for (const key of [...BATCH_ARRAYS, ...SUFFIX_ARRAYS]) {
    const length = (BATCH_ARRAYS as readonly string[]).includes(key)
      ? BATCH_COUNT
      : MSER_MAX_DELETION + 1;
    lists[key] = accumulators(field(key), [length], at(key));
  }
  for (let j = 0; j < BATCH_COUNT; j++) {
    fraction(
      lists.batchDown![j]!,
      lists.batchDownSquares![j]!,
      replications,
      at(`batchDown[${j}]`),
      at(`batchDownSquares[${j}]`),
    );
  }
  for (let d = 0; d <= MSER_MAX_DELETION; d++) {
    atMost(
      lists.suffixDownSquares![d]!,
      replications,
      `${replications} (replications)`,
      at(`suffixDownSquares[${d}]`),
    );
  }
  accumulators(field('cycleSums'), [0, CYCLE_SUMS], at('cycleSums'));
  return value as SimulationStats;
}

/**
 * Validates every part with {@link validateSimulationStats} (named `parts[i]`, or by `names[i]`)
 * and checks what the parts must share beyond the header that `mergeSimulationStats` compares:
 * the lengths of `criticality` and `cycleSums`, and exact sums over the parts that stay finite.
 *
 * @param parts - the parsed statistics, at least one
 * @param names - how messages name each part (file names); default `parts[i]`
 * @returns the parts, typed
 * @throws {@link ParameterError} naming the part and the field
 *
 * @example
 * ```ts
 * let message = '';
 * try { validateStatsParts([]); } catch (error) { message = error.message; }
 * message; // → validateSimulationStats: parts must hold at least one part; got []
 * ```
 */
export function validateStatsParts(
  parts: readonly unknown[],
  names: readonly string[] = parts.map((_, i) => `parts[${i}]`),
): SimulationStats[] {
  if (parts.length === 0) throw new ParameterError(WHERE, 'parts', 'hold at least one part', parts);
  const checked = parts.map((part, i) => validateSimulationStats(part, names[i] ?? `parts[${i}]`));
  const first = checked[0]!;
  checked.forEach((part, i) => {
    for (const key of ['criticality', 'cycleSums'] as const) {
      if (part[key].length !== first[key].length) {
        throw new ParameterError(
          WHERE,
          `${names[i] ?? `parts[${i}]`}.${key}`,
          `have the length of ${names[0] ?? 'parts[0]'}.${key} (${first[key].length}): parts of different models do not merge`,
          part[key].length,
        );
      }
    }
  });
  // Sums that are finite in each part can overflow together; say which field before merging.
  const sums = (
    key: string,
    list: (part: SimulationStats) => readonly ExactAccumulator[],
  ): void => {
    list(first).forEach((_, j) => {
      try {
        mergeExact(checked.map((part) => list(part)[j]!));
      } catch (error) {
        if (!(error instanceof ParameterError)) throw error;
        throw new ParameterError(
          WHERE,
          `the sum over the parts of ${key}[${j}]`,
          'be finite (below 1.8e308)',
          Infinity,
        );
      }
    });
  };
  sums('firstFailure.sum', (part) => [part.firstFailure.sum]);
  sums('firstFailure.sumSquares', (part) => [part.firstFailure.sumSquares]);
  sums('missionCost.sum', (part) => [part.missionCost.sum]);
  sums('missionCost.sumSquares', (part) => [part.missionCost.sumSquares]);
  for (const key of [...BATCH_ARRAYS, ...SUFFIX_ARRAYS, 'cycleSums'] as const) {
    sums(key, (part) => part[key]);
  }
  return checked;
}

function integerIn(
  value: unknown,
  min: number,
  max: number,
  path: string,
  maxText: string = String(max),
): number {
  if (!(typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max)) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in [${min}, ${maxText}]`;
    throw new ParameterError(WHERE, path, `be an integer ${range}`, value);
  }
  return value;
}

function checkMeasures(value: unknown, path: string): void {
  if (!Array.isArray(value) || value.length === 0) {
    throw new ParameterError(WHERE, path, 'be a non-empty list of measure names', value);
  }
  const known = new Set<unknown>(SIMULATED_MEASURES);
  value.forEach((measure: unknown, i) => {
    if (!known.has(measure)) {
      throw new ParameterError(
        WHERE,
        `${path}[${i}]`,
        `be one of ${SIMULATED_MEASURES.join(', ')}`,
        measure,
      );
    }
    if (i > 0 && !((measure as string) > (value[i - 1] as string))) {
      throw new ParameterError(
        WHERE,
        `${path}[${i}]`,
        `come after ${JSON.stringify(value[i - 1])}: measures are sorted, without repeats`,
        measure,
      );
    }
  });
}

function checkRanges(
  value: unknown,
  replications: number,
  path: string,
  replicationsPath: string,
): void {
  if (!Array.isArray(value))
    throw new ParameterError(WHERE, path, 'be a list of [first, end) pairs', value);
  let covered = 0;
  let previousEnd = 0;
  value.forEach((range: unknown, i) => {
    const where = `${path}[${i}]`;
    if (!Array.isArray(range) || range.length !== 2) {
      throw new ParameterError(
        WHERE,
        where,
        'be a pair [first, end) of replication indices',
        range,
      );
    }
    const [a, b] = range as unknown[];
    integerIn(a, i === 0 ? 0 : previousEnd, Number.MAX_SAFE_INTEGER - 1, `${where}[0]`);
    integerIn(b, (a as number) + 1, Number.MAX_SAFE_INTEGER, `${where}[1]`);
    covered += (b as number) - (a as number);
    previousEnd = b as number;
  });
  if (covered !== replications) {
    throw new ParameterError(
      WHERE,
      replicationsPath,
      `equal the replications its ranges cover (${covered})`,
      replications,
    );
  }
}

/** An array of `length` (any when undefined) integers in [0, max]. */
function counts(value: unknown, length: number | undefined, max: number, path: string): number[] {
  const list = array(value, length === undefined ? undefined : [length], path);
  const maxText = max === Number.MAX_SAFE_INTEGER ? String(max) : `${max} (replications)`;
  list.forEach((x, i) => integerIn(x, 0, max, `${path}[${i}]`, maxText));
  return list as number[];
}

function array(value: unknown, lengths: readonly number[] | undefined, path: string): unknown[] {
  if (!Array.isArray(value)) {
    const what = lengths === undefined ? 'a list' : `a list of ${lengths.join(' or ')}`;
    throw new ParameterError(WHERE, path, `be ${what}`, value);
  }
  if (lengths !== undefined && !lengths.includes(value.length)) {
    throw new ParameterError(WHERE, `${path}.length`, `be ${lengths.join(' or ')}`, value.length);
  }
  return value;
}

/** A list of exact accumulators of one of `lengths`; returns their values. */
function accumulators(value: unknown, lengths: readonly number[], path: string): number[] {
  return array(value, lengths, path).map((item, i) => accumulator(item, `${path}[${i}]`));
}

/** `{ sum, sumSquares }` of exact accumulators; returns their values. */
function moments(value: unknown, path: string): { sum: number; sumSquares: number } {
  if (typeof value !== 'object' || value === null) {
    throw new ParameterError(WHERE, path, 'be { sum, sumSquares } of exact sums', value);
  }
  const { sum, sumSquares } = value as Record<string, unknown>;
  return {
    sum: accumulator(sum, `${path}.sum`),
    sumSquares: accumulator(sumSquares, `${path}.sumSquares`),
  };
}

/** An exact accumulator `{ partials }` with a finite sum ≥ 0; returns the sum, rounded. */
function accumulator(value: unknown, path: string): number {
  if (
    typeof value !== 'object' ||
    value === null ||
    !Array.isArray((value as { partials?: unknown }).partials)
  ) {
    throw new ParameterError(WHERE, path, 'be an exact sum { partials: [numbers] }', value);
  }
  const partials = (value as { partials: unknown[] }).partials;
  if (partials.length > MAX_EXACT_PARTIALS) {
    throw new ParameterError(
      WHERE,
      `${path}.partials.length`,
      `be at most ${MAX_EXACT_PARTIALS}`,
      partials.length,
    );
  }
  partials.forEach((x, i) => {
    if (!(typeof x === 'number' && Number.isFinite(x))) {
      throw new ParameterError(WHERE, `${path}.partials[${i}]`, 'be a finite number', x);
    }
  });
  const sum = exactSum(partials as number[]);
  if (!Number.isFinite(sum)) {
    throw new ParameterError(
      WHERE,
      `${path}.partials`,
      'add up to a finite sum (below 1.8e308)',
      partials,
    );
  }
  if (sum < 0) {
    throw new ParameterError(
      WHERE,
      `${path}.partials`,
      'add up to a sum >= 0 (a sum of times, fractions or counts)',
      sum,
    );
  }
  return sum;
}

function atMost(sum: number, bound: number, boundText: string, path: string): void {
  if (sum > bound * SLACK) {
    throw new ParameterError(WHERE, `${path}.partials`, `add up to at most ${boundText}`, sum);
  }
}

/** Σx and Σx² of n fractions of [0, T] (x ≤ 1 up to rounding): Σx ≤ n and Σx² ≤ Σx. */
function fraction(
  sum: number,
  sumSquares: number,
  replications: number,
  sumPath: string,
  squaresPath: string,
): void {
  atMost(sum, replications, `${replications} (replications): it sums fractions of [0, T]`, sumPath);
  atMost(sumSquares, sum, `the sum of the fractions, ${sum} (x^2 <= x on [0, 1])`, squaresPath);
}
