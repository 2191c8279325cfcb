/**
 * Returns the Cholesky factor L (lower, row-major rows) of a symmetric matrix A = L·Lᵀ, or
 * undefined when A is not positive definite (a pivot ≤ 0 or not finite).
 *
 * $$
 * L_{jj} = \sqrt{A_{jj} - \textstyle\sum_{k<j} L_{jk}^2}, \qquad
 * L_{ij} = \bigl(A_{ij} - \textstyle\sum_{k<j} L_{ik} L_{jk}\bigr) / L_{jj}
 * $$
 *
 * @param a - a small symmetric matrix (the dimension of a fit: 1 to 3)
 * @returns L, or undefined when A is not positive definite
 *
 * @remarks Cost O(n³/6).
 *
 * @see G. H. Golub and C. F. Van Loan, Matrix Computations, 4th ed., 2013, §4.2.
 */
export function cholesky(a: readonly (readonly number[])[]): number[][] | undefined {
  const n = a.length;
  const l = a.map(() => new Array<number>(n).fill(0));
  // Indices are below n = a.length, and every row of a symmetric matrix has length n.
  for (let j = 0; j < n; j++) {
    let d = a[j]![j]!;
    for (let k = 0; k < j; k++) d -= l[j]![k]! * l[j]![k]!;
    if (!(d > 0) || !Number.isFinite(d)) return undefined;
    const pivot = Math.sqrt(d);
    l[j]![j] = pivot;
    for (let i = j + 1; i < n; i++) {
      let s = a[i]![j]!;
      for (let k = 0; k < j; k++) s -= l[i]![k]! * l[j]![k]!;
      l[i]![j] = s / pivot;
    }
  }
  return l;
}

/** Solves L·Lᵀ·x = b for x, given the Cholesky factor L of {@link cholesky}. */
export function choleskySolve(l: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = l.length;
  const y = [...b];
  // Indices below n: L is n × n and b has length n (the caller's system).
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < i; k++) y[i]! -= l[i]![k]! * y[k]!;
    y[i] = y[i]! / l[i]![i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let k = i + 1; k < n; k++) y[i]! -= l[k]![i]! * y[k]!;
    y[i] = y[i]! / l[i]![i]!;
  }
  return y;
}

/** Returns A⁻¹ from the Cholesky factor L of A, column by column. */
export function choleskyInverse(l: readonly (readonly number[])[]): number[][] {
  const n = l.length;
  const columns = l.map((_, j) =>
    choleskySolve(
      l,
      l.map((__, i) => (i === j ? 1 : 0)),
    ),
  );
  // A⁻¹ is symmetric: row i of the result is column i.
  return columns.map((_, i) => columns.map((column) => column[i]!).slice(0, n));
}
