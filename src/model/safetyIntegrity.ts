/**
 * Returns the safety integrity level (low-demand mode) whose PFDavg band holds `pfd`: 4 below
 * 1e-4, 3 below 1e-3, 2 below 1e-2, 1 below 1e-1, else 0 (IEC 61508-1:2010, table 2). The one
 * definition of the bands, shared by every solver and the library's `safetyIntegrityLevel`.
 *
 * @param pfd - an average probability of failure on demand, in [0, 1] (not checked)
 * @returns the SIL, 0 to 4
 */
export function silBand(pfd: number): 0 | 1 | 2 | 3 | 4 {
  if (pfd < 1e-4) return 4;
  if (pfd < 1e-3) return 3;
  if (pfd < 1e-2) return 2;
  if (pfd < 1e-1) return 1;
  return 0;
}
