/** How the explorer writes numbers: the same function in the page, the CSV and the tests. */

/**
 * Returns a number with 6 significant digits, in exponent form below 1e-3 and from 1e7 up:
 * `8228.2`, `2.30356e-8`, `5.20958e+8`.
 */
export function formatNumber(x: number | undefined): string {
  if (x === undefined || Number.isNaN(x)) return '—';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const magnitude = Math.abs(x);
  if (magnitude >= 1e-3 && magnitude < 1e7) return String(Number(x.toPrecision(6)));
  return x.toExponential(5).replace(/\.?0+e/, 'e');
}

/**
 * Returns a probability so that its distance from 1 shows: 4 significant digits of 1 − p
 * (`0.999999976964`), plain 6 digits otherwise.
 */
export function formatProbability(p: number | undefined, complement?: number): string {
  if (p === undefined || Number.isNaN(p)) return '—';
  const q = complement ?? 1 - p;
  if (p > 0.999 && q > 0) {
    const digits = Math.min(16, Math.ceil(-Math.log10(q)) + 4);
    return p.toFixed(digits);
  }
  return formatNumber(p);
}

/**
 * Returns a duration in hours per year as hours, minutes or seconds, whichever reads best, to 3
 * significant digits (it comes from an unavailability whose inputs are rarely known better):
 * `2.02 h/yr`, `12.1 min/yr`, `0.726 s/yr`.
 */
export function formatDowntime(hours: number | undefined): string {
  if (hours === undefined || Number.isNaN(hours)) return '—';
  if (hours >= 1) return `${formatSignificant(hours, 3)} h/yr`;
  if (hours * 60 >= 1) return `${formatSignificant(hours * 60, 3)} min/yr`;
  return `${formatSignificant(hours * 3600, 3)} s/yr`;
}

/**
 * Returns the number of nines (−log10 of the unavailability) to 2 decimals, the resolution a
 * headline needs: `7.64`.
 */
export function formatNines(nines: number | undefined): string {
  if (nines === undefined || Number.isNaN(nines)) return '—';
  if (!Number.isFinite(nines)) return nines > 0 ? '∞' : '−∞';
  return nines.toFixed(2);
}

/** Returns `x` with `digits` significant digits, as formatNumber writes it otherwise. */
function formatSignificant(x: number, digits: number): string {
  if (!Number.isFinite(x) || x === 0) return formatNumber(x);
  return formatNumber(Number(x.toPrecision(digits)));
}

/** A safety integrity level band: `SIL 2`, `none` below SIL 1, `—` when absent. */
export function formatSil(sil: number | undefined): string {
  if (sil === undefined) return '—';
  return sil === 0 ? 'none' : `SIL ${sil}`;
}
