import { ParameterError, checkNonNegative, formatValue } from '../errors.js';
import { exactSum } from '../numeric/sum.js';
import type { CommonCauseModelKind } from './Model.js';
import type { Path, PathIssue } from './source.js';

/**
 * Most members of a common-cause group under a model that fails subsets of every size (MGL,
 * alpha-factor, phi-factor): such a group expands into 2^n − 1 basic events, 65 535 at n = 16,
 * and larger groups are refused. The beta-factor model makes n + 1 events and has no limit.
 */
export const MAX_COMMON_CAUSE_MEMBERS = 16;

/**
 * How far the phi factors may sum from 1, absolutely: room for the rounding of factors written
 * as decimals (0.85 + 0.1 + 0.03 + 0.02 is 1 − 1.1e-16 in doubles), far below any typing slip.
 */
const PHI_SUM_TOLERANCE = 1e-9;

/** One event of an expanded group: the members it fails together, and its probability. */
export interface CommonCauseEvent {
  /** Indices into the group's members, increasing; one index for an independent failure. */
  readonly members: readonly number[];
  /** Q_k for k = `members.length`, in the unit of the group's total (probability or rate). */
  readonly probability: number;
}

/**
 * Returns the probability Q_k of one specific common-cause event that fails exactly k given
 * members of a group of n, for k = 1 … n (entry k − 1), from the total failure probability Q_t of
 * each member and the factors of the group's model, as the Open-PSA Model Exchange Format defines
 * them. Q_1 is the independent failure of one member.
 *
 * Beta-factor, factors [β] (only k = 1 and k = n occur):
 * $$
 * Q_1 = (1-\beta)\,Q_t, \qquad Q_n = \beta\,Q_t, \qquad Q_k = 0 \text{ otherwise}
 * $$
 * Multiple Greek letters (MGL), factors [ρ_2, …, ρ_n] = [β, γ, δ, …], with ρ_1 = 1, ρ_{n+1} = 0:
 * $$
 * Q_k = \frac{1}{\binom{n-1}{k-1}}\Bigl(\prod_{i=1}^{k}\rho_i\Bigr)(1-\rho_{k+1})\,Q_t
 * $$
 * Alpha-factor, factors [α_1, …, α_n], non-staggered testing:
 * $$
 * Q_k = \frac{k}{\binom{n-1}{k-1}}\,\frac{\alpha_k}{\alpha_t}\,Q_t, \qquad
 * \alpha_t = \sum_{k=1}^{n} k\,\alpha_k
 * $$
 * Phi-factor, factors [φ_1, …, φ_n] with Σ φ_k = 1 (each event's share of Q_t, given directly):
 * $$
 * Q_k = \phi_k\,Q_t
 * $$
 *
 * - n: `n`, members of the group
 * - Q_t: `total`, total failure probability of one member (the group's distribution)
 * - β, ρ_k, α_k, φ_k: `factors`, as listed above
 *
 * @param model - the common-cause model
 * @param n - number of members, integer ≥ 2; at most {@link MAX_COMMON_CAUSE_MEMBERS} unless
 * the model is beta-factor
 * @param factors - the model's factors, as {@link commonCauseFactorIssues} checks them
 * @param total - Q_t, a probability in [0, 1], or a failure rate λ_t ≥ 0 (see remarks)
 * @returns Q_1 … Q_n, each in [0, Q_t]
 *
 * @throws {@link ParameterError} when `n`, `factors` or `total` is refused: the first issue
 * {@link commonCauseFactorIssues} finds, or `total` not a finite number ≥ 0.
 *
 * @remarks
 * The member i fails when any event whose set contains it occurs: C(n − 1, k − 1) events of each
 * size k. For beta-factor, MGL and alpha-factor their levels add up to the total,
 * Σ_k C(n − 1, k − 1) Q_k = Q_t, so that under the rare-event approximation each member keeps
 * its probability Q_t. The phi-factor model as the MEF writes it (and SCRAM implements it) does
 * not: the sum is Σ_k C(n − 1, k − 1) φ_k Q_t, equal to Q_t for n = 2 only (φ = [0.9, 0.07,
 * 0.03] at n = 3 gives 1.07 Q_t); the factors are taken as the probabilities of single events.
 *
 * The expansion is linear in Q_t, so it applies unchanged to failure rates: for members whose
 * failure times are exponential with rate λ_t, the events are independent exponential events
 * with rates λ_k from the same formula with λ_t in place of Q_t, and then each member's failure
 * rate is exactly Σ_k C(n − 1, k − 1) λ_k (λ_t for the first three models, not only in the
 * rare-event sense).
 *
 * Alpha-factor: the MEF and SCRAM use the non-staggered-testing formula above; the
 * staggered-testing variant of NUREG/CR-5485 Q_k = α_k Q_t / C(n − 1, k − 1) is not offered. Only
 * the ratios α_k / α_t matter, so event counts n_k may be given in place of fractions. The
 * MEF 2.0d document printed the formula without the level k (in two places); the Open-PSA MEF
 * site and SCRAM corrected it in December 2016 (open-psa/mef issue 5, rakhimov/scram issue 146).
 *
 * Every Q_k is a product of at most n + 3 rounded factors: relative error below (n + 3)ε,
 * measured at most 2.2e-16 (1 ulp) against exact rational arithmetic
 * (test/reference/common_cause_reference.py). Cost O(n).
 *
 * @see Open-PSA Model Exchange Format, version 2.0d, §6.1 Common Cause Groups,
 * https://open-psa.github.io/mef/mef/meta_logical_layer.html (the formulas above; the phi-factor
 * formula is the MathType equation of the MEF 2.0d source document, which the web version lost);
 * SCRAM, src/ccf_group.cc, https://github.com/rakhimov/scram (the same four models, with the
 * same results on its three-train benchmarks); A. Mosleh, D. M. Rasmuson, F. M. Marshall,
 * Guidelines on Modeling Common-Cause Failures in Probabilistic Risk Assessment, NUREG/CR-5485,
 * U.S. NRC, 1998 (the models, their estimation and the staggered/non-staggered distinction).
 *
 * @example
 * ```ts
 * commonCauseLevels('beta-factor', 3, [0.5], 1e-3); // → [0.0005, 0, 0.0005]
 * commonCauseLevels('MGL', 4, [0.1, 0.2, 0.3], 1e-3)[3]; // → ~6e-6
 * commonCauseLevels('alpha-factor', 2, [0.95, 0.05], 1e-3)[1]; // → ~9.5238095e-5
 * commonCauseLevels('phi-factor', 2, [0.75, 0.25], 1e-3); // → [0.00075, 0.00025]
 * ```
 */
export function commonCauseLevels(
  model: CommonCauseModelKind,
  n: number,
  factors: readonly number[],
  total: number,
): Float64Array {
  const where = 'commonCauseLevels';
  const [problem] = factorProblems(model, n, factors);
  if (problem !== undefined) {
    throw new ParameterError(where, pathName(problem.path), problem.expectation, problem.value);
  }
  checkNonNegative(where, 'total', total);
  return levels(model, n, factors, total);
}

/**
 * Returns every event of a common-cause group: each set of members that one event fails,
 * with its probability Q_k from {@link commonCauseLevels}, ordered by size, then
 * lexicographically by member index. Member i of the fault tree becomes the OR of the events
 * whose `members` contain i.
 *
 * @param model - the common-cause model
 * @param n - number of members, integer ≥ 2; at most {@link MAX_COMMON_CAUSE_MEMBERS} unless
 * the model is beta-factor
 * @param factors - the model's factors, as {@link commonCauseFactorIssues} checks them
 * @param total - Q_t, a probability in [0, 1], or a failure rate ≥ 0
 * @returns the events: n independent ones, then the common-cause ones
 *
 * @throws {@link ParameterError} as {@link commonCauseLevels} does.
 *
 * @remarks
 * A size is left out when its factors give it no share (Q_k / Q_t = 0: beta-factor sizes 2 to
 * n − 1, MGL sizes above a zero ρ, alpha and phi sizes with a zero factor); which events exist
 * thus depends on the factors only, never on Q_t, and every member keeps at least one event.
 * At most 2^n − 1 events (65 535 at n = 16), n + 1 for beta-factor; cost O(n) an event.
 *
 * @see {@link commonCauseLevels} for the formulas and their sources.
 *
 * @example
 * ```ts
 * expandCommonCause('beta-factor', 3, [0.5], 1e-3).map((e) => e.members.join('')); // → [0, 1, 2, 012]
 * expandCommonCause('MGL', 3, [0.1, 0.3], 1e-3).length; // → 7
 * ```
 */
export function expandCommonCause(
  model: CommonCauseModelKind,
  n: number,
  factors: readonly number[],
  total: number,
): CommonCauseEvent[] {
  const probabilities = commonCauseLevels(model, n, factors, total);
  const shares = levels(model, n, factors, 1);
  const events: CommonCauseEvent[] = [];
  for (let k = 1; k <= n; k++) {
    // Both arrays have n entries and 1 ≤ k ≤ n.
    if (!(shares[k - 1]! > 0)) continue;
    const probability = probabilities[k - 1]!;
    for (const members of combinations(n, k)) events.push({ members, probability });
  }
  return events;
}

/**
 * Returns what is wrong with a common-cause group's size and factors, each issue with its path
 * relative to the group (`members`, `factors` or `factors[i]`) for the caller to prefix with the
 * group's own path; empty when the group can be expanded.
 *
 * @param model - the common-cause model
 * @param n - number of members
 * @param factors - the factors as evaluated
 * @returns the issues, messages in the form `must …; got …`
 *
 * @remarks
 * The checks, in order (a failed size or count stops them):
 * - n an integer ≥ 2, and at most {@link MAX_COMMON_CAUSE_MEMBERS} unless beta-factor;
 * - the count: 1 factor [β] for beta-factor, n − 1 [β, γ, …] for MGL (sizes 2 … n), n for
 *   alpha-factor and phi-factor (sizes 1 … n). A missing factor is not taken as 0 (SCRAM
 *   accepts fewer factors than sizes; write the zeros here);
 * - each factor: β and the MGL factors probabilities in [0, 1]; α_k finite and ≥ 0; φ_k in
 *   [0, 1];
 * - alpha-factor: not every α_k is 0 (α_t divides); phi-factor: the φ_k sum to 1 within 1e-9.
 */
export function commonCauseFactorIssues(
  model: CommonCauseModelKind,
  n: number,
  factors: readonly number[],
): PathIssue[] {
  return factorProblems(model, n, factors).map(({ path, expectation, value }) => ({
    path,
    message: `must ${expectation}; got ${formatValue(value)}`,
  }));
}

/** One refusal: where (relative to the group), what was expected, what was found. */
interface Problem {
  readonly path: Path;
  readonly expectation: string;
  readonly value: unknown;
}

function factorProblems(
  model: CommonCauseModelKind,
  n: number,
  factors: readonly number[],
): Problem[] {
  if (!(Number.isInteger(n) && n >= 2)) {
    return [{ path: ['members'], expectation: 'have at least 2 members', value: n }];
  }
  if (model !== 'beta-factor' && n > MAX_COMMON_CAUSE_MEMBERS) {
    const expectation = `have at most ${MAX_COMMON_CAUSE_MEMBERS} members under the ${model} model, which makes an event for each of the 2^n - 1 sets of members (beta-factor has no limit)`;
    return [{ path: ['members'], expectation, value: n }];
  }
  const expected = factorCount(model, n);
  if (factors.length !== expected.count) {
    return [{ path: ['factors'], expectation: expected.text, value: factors }];
  }
  const problems: Problem[] = [];
  factors.forEach((value, index) => {
    const ok =
      model === 'alpha-factor' ? Number.isFinite(value) && value >= 0 : value >= 0 && value <= 1;
    if (!ok) {
      const expectation =
        model === 'alpha-factor' ? 'be a finite number >= 0' : 'be a probability in [0, 1]';
      problems.push({ path: ['factors', index], expectation, value });
    }
  });
  if (problems.length > 0) return problems;
  if (model === 'alpha-factor' && factors.every((alpha) => alpha === 0)) {
    problems.push({
      path: ['factors'],
      expectation: 'not all be 0 (the alpha-factor model divides by the sum of k·α_k)',
      value: factors,
    });
  }
  if (model === 'phi-factor') {
    const sum = exactSum(factors);
    if (!(Math.abs(sum - 1) <= PHI_SUM_TOLERANCE)) {
      problems.push({
        path: ['factors'],
        // Twelve digits: the sum of 0.9, 0.03 and 0.02 shows as 0.95, not 0.9500000000000001.
        expectation: `sum to 1 (within ${PHI_SUM_TOLERANCE}), but they sum to ${Number(sum.toPrecision(12))}`,
        value: factors,
      });
    }
  }
  return problems;
}

/** How many factors a model takes for n members, and the words that say so. */
function factorCount(model: CommonCauseModelKind, n: number): { count: number; text: string } {
  switch (model) {
    case 'beta-factor':
      return { count: 1, text: 'hold 1 factor [β] under the beta-factor model' };
    case 'MGL': {
      const letters = ['β', 'γ', 'δ'].slice(0, n - 1).join(', ') + (n > 4 ? ', …' : '');
      return {
        count: n - 1,
        text: `hold ${n - 1} factor${n === 2 ? '' : 's'} [${letters}] (for failures of 2 to ${n} members) under the MGL model of ${n} members`,
      };
    }
    case 'alpha-factor':
    case 'phi-factor': {
      const letter = model === 'alpha-factor' ? 'α' : 'φ';
      return {
        count: n,
        text: `hold ${n} factors [${letter}1 … ${letter}${n}] (for failures of 1 to ${n} members) under the ${model} model of ${n} members`,
      };
    }
  }
}

/** Q_1 … Q_n for checked inputs (the formulas of {@link commonCauseLevels}). */
function levels(
  model: CommonCauseModelKind,
  n: number,
  factors: readonly number[],
  total: number,
): Float64Array {
  const q = new Float64Array(n);
  // The count of `factors` was checked: 1 for beta-factor, n − 1 for MGL, n otherwise.
  switch (model) {
    case 'beta-factor': {
      const beta = factors[0]!;
      q[0] = (1 - beta) * total;
      q[n - 1] = beta * total;
      return q;
    }
    case 'MGL': {
      const binomials = binomialRow(n - 1);
      let product = 1; // ρ_1 ⋯ ρ_k
      for (let k = 1; k <= n; k++) {
        const next = k < n ? factors[k - 1]! : 0; // ρ_{k+1}
        q[k - 1] = (product * (1 - next) * total) / binomials[k - 1]!;
        product *= next;
      }
      return q;
    }
    case 'alpha-factor': {
      const binomials = binomialRow(n - 1);
      const alphaTotal = exactSum(factors.map((alpha, i) => (i + 1) * alpha));
      factors.forEach((alpha, i) => {
        q[i] = ((((i + 1) * alpha) / alphaTotal) * total) / binomials[i]!;
      });
      return q;
    }
    case 'phi-factor':
      factors.forEach((phi, i) => {
        q[i] = phi * total;
      });
      return q;
  }
}

/** C(m, j) for j = 0 … m: exact integers in doubles for the m ≤ 15 used here. */
function binomialRow(m: number): Float64Array {
  const row = new Float64Array(m + 1);
  row[0] = 1;
  // Each entry is the previous one times (m − j + 1) / j: an integer again, computed exactly.
  for (let j = 1; j <= m; j++) row[j] = (row[j - 1]! * (m - j + 1)) / j;
  return row;
}

/** The k-element subsets of {0 … n − 1}, each increasing, in lexicographic order. */
function combinations(n: number, k: number): number[][] {
  const all: number[][] = [];
  const subset = Array.from({ length: k }, (_, i) => i);
  for (;;) {
    all.push(subset.slice());
    // The rightmost index that can still move right; `subset` has k entries, 0 ≤ i < k.
    let i = k - 1;
    while (i >= 0 && subset[i]! === n - k + i) i--;
    if (i < 0) return all;
    subset[i] = subset[i]! + 1;
    for (let j = i + 1; j < k; j++) subset[j] = subset[j - 1]! + 1;
  }
}

/** `members`, `factors`, `factors[2]`: a relative path as a parameter name. */
function pathName(path: Path): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}
