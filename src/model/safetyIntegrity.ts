/** A safety integrity level of IEC 61508 (low-demand mode); 0 means no SIL. */
export type SafetyIntegrityLevel = 0 | 1 | 2 | 3 | 4;

/**
 * Returns the safety integrity level (low-demand mode) whose PFDavg band holds `pfd`: 4 below
 * 1e-4, 3 in [1e-4, 1e-3), 2 in [1e-3, 1e-2), 1 in [1e-2, 1e-1), and 0 (no SIL) from 1e-1 on.
 * The one definition of the bands, shared by the closed forms and the simulator.
 *
 * $$
 * \mathrm{SIL}(p) = \min\big(4,\ \max(0,\ \lceil -\log_{10} p \rceil - 1)\big)
 * \quad\text{(read as the table below; no logarithm is taken)}
 * $$
 *
 * @param pfd - an average probability of failure on demand; not checked (callers check)
 * @returns the SIL, 0 to 4 (NaN gives 0)
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
