/**
 * Returns a function of the parameters and its standard error by the delta method, the gradient
 * by central differences with steps of a thousandth of each coordinate's standard error.
 *
 * $$
 * \widehat{\mathrm{se}}\bigl(h(\hat u)\bigr) = \sqrt{\nabla h^\top\, \widehat{\mathrm{Cov}}(\hat u)\, \nabla h},
 * \qquad \frac{\partial h}{\partial u_i} \approx \frac{h(\hat u + s_i e_i) - h(\hat u - s_i e_i)}{2 s_i},
 * \quad s_i = 10^{-3} \sqrt{\mathrm{Cov}_{ii}}
 * $$
 *
 * @param h - the function, of the coordinates the covariance is in
 * @param u - the estimates in those coordinates
 * @param covariance - their covariance (the inverse observed information)
 * @returns h(û) and its standard error; the error is NaN when a variance is not finite
 *
 * @remarks Truncation error of the gradient about 1e-7 relative (h smooth on the scale of a
 * standard error). Cost 2·d evaluations of h.
 *
 * @see W. Q. Meeker and L. A. Escobar, Statistical Methods for Reliability Data, Wiley, 1998,
 * App. B.2 (the delta method).
 */
export function deltaMethod(
  h: (u: readonly number[]) => number,
  u: readonly number[],
  covariance: readonly (readonly number[])[],
): { value: number; se: number } {
  // covariance is d × d with d = u.length (the fit's coordinates).
  const gradient = u.map((_, i) => {
    const step = Math.sqrt(covariance[i]![i]!) / 1000;
    if (!(step > 0) || !Number.isFinite(step)) return NaN;
    const up = [...u];
    const down = [...u];
    up[i]! += step;
    down[i]! -= step;
    return (h(up) - h(down)) / (2 * step);
  });
  let variance = 0;
  gradient.forEach((gi, i) =>
    gradient.forEach((gj, j) => {
      variance += gi * covariance[i]![j]! * gj;
    }),
  );
  return { value: h(u), se: Math.sqrt(variance) };
}
