/** A safety integrity level of IEC 61508 (low-demand mode); 0 means no SIL. */
export type SafetyIntegrityLevel = 0 | 1 | 2 | 3 | 4;

/**
 * Returns the safety integrity level (low-demand mode) whose PFDavg band holds `pfd`: 4 below
 * 1e-4, 3 in [1e-4, 1e-3), 2 in [1e-3, 1e-2), 1 in [1e-2, 1e-1), and 0 (no SIL) from 1e-1 on.
 * The one definition of the bands, shared by every solver.
 *
 * $$
 * \mathrm{SIL}(p) = \begin{cases} 4 & p < 10^{-4} \\ 5 + \lfloor \log_{10} p \rfloor & 10^{-4} \le p < 10^{-1} \\ 0 & p \ge 10^{-1} \end{cases}
 * $$
 *
 * @param pfd - an average probability of failure on demand (the caller checks it is one)
 * @returns the SIL, 0 to 4
 *
 * @remarks Compared against the band edges directly (no logarithm), so 1e-3 is SIL 2 exactly.
 * The band is the target failure measure only; a SIL claim also needs the architectural
 * constraints and systematic capability of IEC 61508-2.
 *
 * @see IEC 61508-1:2010, table 2 (safety integrity levels, low demand mode of operation).
 *
 * @example
 * ```ts
 * silBand(0.0027); // → 2
 * ```
 */
export function silBand(pfd: number): SafetyIntegrityLevel {
  if (pfd < 1e-4) return 4;
  if (pfd < 1e-3) return 3;
  if (pfd < 1e-2) return 2;
  if (pfd < 1e-1) return 1;
  return 0;
}
