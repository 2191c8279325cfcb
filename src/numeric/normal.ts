import { continuedFraction } from './continuedFraction.js';

// √(2π) and ½·ln(2π), from mpmath at 40 digits.
const SQRT_2PI = 2.5066282746310007;
const LOG_SQRT_2PI = 0.9189385332046728;
// Half the spacing of 53-bit uniforms, 2⁻⁵⁴: moves u = k·2⁻⁵³ to the midpoint of its cell.
const HALF_CELL = 2 ** -54;
// Gauss–Legendre nodes and weights on [−1, 1], 12 points, positive half (numpy leggauss(12)).
const GAUSS_NODES = [
  0.1252334085114689, 0.3678314989981802, 0.5873179542866175, 0.7699026741943047,
  0.9041172563704748, 0.9815606342467192,
];
const GAUSS_WEIGHTS = [
  0.2491470458134027, 0.2334925365383546, 0.20316742672306573, 0.16007832854334642,
  0.10693932599531907, 0.04717533638651141,
];
// Mills ratio M(z₀) = Φ̄(z₀)/φ(z₀) at z₀ = 0.5, 0.75, …, 5, from mpmath at 40 digits. Between
// 0.375 and 5.125 the continued fraction converges too slowly (160 terms at z = 1, error 30 ulp)
// and ½ − (Φ − ½) cancels, so M is expanded in Taylor series about the nearest z₀.
const MILLS_TABLE = [
  0.8763644564536923, 0.7525711790634081, 0.6556795424187984, 0.5784303460476311,
  0.5158156382179634, 0.4643069280394422, 0.4213692292880545, 0.3851482907984346,
  0.35426511132979366, 0.32767831469055203, 0.3045902987101033, 0.28438214674849294,
  0.26656776896822376, 0.250761111443965, 0.23665238291356067, 0.2239905946538288,
  0.21257058044203178, 0.20222323663305466, 0.19280810471531576,
];
// Wichura (1988) AS241 PPND16 coefficients from the paper's Fortran listing (20 digits), written
// here as the nearest doubles.
const A = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const B = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852854,
];
const C = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
];
const D = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008,
  0.015198666563616457, 0.0005475938084995345, 1.0507500716444169e-9,
];
const E = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487,
  0.026532189526576124, 0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
];
const F = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  0.000018463183175100548, 1.421511758316446e-7, 2.0442631033899397e-15,
];

/**
 * Returns the standard normal density φ(z).
 *
 * $$
 * \varphi(z) = \frac{e^{-z^2/2}}{\sqrt{2\pi}}
 * $$
 *
 * @param z - the standard score, any number
 * @returns a density in [0, 1/√(2π)]; NaN for NaN
 *
 * @remarks
 * z² is split as hi² + lo·(2hi + lo) with hi a 24-bit number, so hi² is exact and the
 * exponential loses no digits for large |z|: relative error ≤ 3e-16 while φ is normal.
 *
 * @see NIST DLMF eq. 7.2.1, https://dlmf.nist.gov/7.2; W. J. Cody, "Rational Chebyshev
 * approximations for the error function", Math. Comp. 23 (1969) 631–637,
 * https://doi.org/10.1090/S0025-5718-1969-0247736-4.
 *
 * @example
 * ```ts
 * normalPdf(0); // → ~0.3989422804014327
 * ```
 */
export function normalPdf(z: number): number {
  return expHalfSquare(z) / SQRT_2PI;
}

/**
 * Returns the standard normal upper tail Φ̄(z) = P(Z > z), computed directly (no 1 − Φ) down
 * to the smallest double.
 *
 * $$
 * \bar\Phi(z) = \int_z^\infty \varphi(s)\,ds = \tfrac12 \operatorname{erfc}(z/\sqrt2)
 * $$
 *
 * @param z - the standard score, any number
 * @returns a probability in [0, 1]; NaN for NaN
 *
 * @remarks
 * φ(z) times the Mills ratio M(z): for z ≥ 5.125 from the continued fraction of Q(½, z²/2)
 * (DLMF 8.9.2), for 0.375 ≤ z < 5.125 by Taylor series about tabulated M(z₀) using
 * M′ = zM − 1; for |z| < 0.375, ½ − φ(z)·Σ z²ⁿ⁺¹/(2n + 1)!! (positive terms); for z ≤ −0.375,
 * 1 − Φ̄(−z).
 * Measured against mpmath on z in [−40, 40]: relative error ≤ 1.1e-15 (the condition number of
 * Φ̄ in z is z², so the error relative to Φ̄ of the exact decimal z is larger).
 *
 * @see NIST DLMF §7.2, §7.6, https://dlmf.nist.gov/7.6; M. Abramowitz and I. A. Stegun,
 * Handbook of Mathematical Functions, 1964, eq. 26.2.11.
 *
 * @example
 * ```ts
 * normalSf(1.959963984540054); // → ~0.025
 * normalSf(30); // → ~4.906713927148187e-198
 * ```
 */
export function normalSf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  if (z === Infinity) return 0;
  if (z >= 0.375) return normalPdf(z) * millsPositive(z);
  if (z > -0.375) return 0.5 - normalPdf(z) * centralSeries(z);
  return 1 - normalSf(-z);
}

/**
 * Returns the standard normal distribution function Φ(z) = P(Z ≤ z), computed directly in the
 * lower tail.
 *
 * $$
 * \Phi(z) = \bar\Phi(-z)
 * $$
 *
 * @param z - the standard score, any number
 * @returns a probability in [0, 1]; NaN for NaN
 *
 * @remarks
 * By symmetry from {@link normalSf}; same accuracy.
 *
 * @see NIST DLMF §7.2, https://dlmf.nist.gov/7.2.
 *
 * @example
 * ```ts
 * normalCdf(0); // → 0.5
 * ```
 */
export function normalCdf(z: number): number {
  return normalSf(-z);
}

/**
 * Returns ln Φ̄(z), finite for every finite z (Φ̄ itself underflows beyond z ≈ 38.5).
 *
 * $$
 * \ln\bar\Phi(z) = -\tfrac{z^2}{2} - \ln\sqrt{2\pi} + \ln M(z)
 * $$
 * where M is the Mills ratio {@link normalMillsRatio}.
 *
 * @param z - the standard score, any number
 * @returns a number ≤ 0; NaN for NaN
 *
 * @remarks
 * Absolute error ≤ 2e-16·max(1, z²) (measured to z = 1e6).
 *
 * @see NIST DLMF §7.12, https://dlmf.nist.gov/7.12.
 *
 * @example
 * ```ts
 * normalLogSf(100); // → ~-5005.524208694205
 * ```
 */
export function normalLogSf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  if (z === Infinity) return -Infinity;
  if (z >= 0.375) return -0.5 * z * z - LOG_SQRT_2PI + Math.log(millsPositive(z));
  if (z > -0.375) return Math.log(normalSf(z));
  return Math.log1p(-normalSf(-z));
}

/**
 * Returns the Mills ratio M(z) = Φ̄(z)/φ(z), the reciprocal of the standard normal hazard.
 *
 * $$
 * M(z) = \frac{\bar\Phi(z)}{\varphi(z)}
 * $$
 *
 * @param z - the standard score, any number
 * @returns a positive number (≈ 1/z for large z; Infinity once φ(z) underflows for z < −38.5)
 *
 * @remarks
 * Taylor series or continued fraction for z ≥ 0.375 (relative error ≤ 4e-16), the ratio
 * otherwise.
 *
 * @see NIST DLMF eq. 7.9.1, https://dlmf.nist.gov/7.9.
 *
 * @example
 * ```ts
 * normalMillsRatio(0); // → ~1.2533141373155
 * ```
 */
export function normalMillsRatio(z: number): number {
  if (Number.isNaN(z)) return NaN;
  if (z === Infinity) return 0;
  if (z >= 0.375) return millsPositive(z);
  return normalSf(z) / normalPdf(z);
}

/**
 * Returns the probability Φ(a + w) − Φ(a) that a standard normal lies in (a, a + w], without
 * cancellation when the width w is small (it is passed separately so it is never rounded into
 * a + w).
 *
 * $$
 * \Phi(a + w) - \Phi(a) = \int_a^{a + w} \varphi(s)\,ds
 * $$
 *
 * @param start - the lower standard score a, any number
 * @param width - the width w ≥ 0 of the interval, in standard scores
 * @returns a probability in [0, 1]; 0 if w ≤ 0; NaN for NaN
 *
 * @remarks
 * Short intervals, where ln φ varies by at most 1 (w·max(|a|, |a + w|, 1) ≤ 1), by 12-point
 * Gauss–Legendre quadrature (error below 1e-17 relative there); otherwise as a difference of
 * tails on the same side of 0, which then cancels by at most a factor 3. Relative error
 * ≤ 2e-15 (measured against mpmath).
 *
 * @see NIST DLMF §3.5(v), https://dlmf.nist.gov/3.5.
 *
 * @example
 * ```ts
 * normalIntervalProbability(-1, 2); // → ~0.6826894921370859
 * normalIntervalProbability(-5, 1e-20); // → ~1.4867195147343e-26
 * ```
 */
export function normalIntervalProbability(start: number, width: number): number {
  if (Number.isNaN(start) || Number.isNaN(width)) return NaN;
  if (!(width > 0)) return 0;
  const end = start + width;
  if (width * Math.max(Math.abs(start), Math.abs(end), 1) <= 1) {
    const half = width / 2;
    const middle = start + half;
    let sum = 0;
    for (let i = 0; i < GAUSS_NODES.length; i++) {
      const offset = half * GAUSS_NODES[i]!; // GAUSS_WEIGHTS has the same length
      sum += GAUSS_WEIGHTS[i]! * (normalPdf(middle - offset) + normalPdf(middle + offset));
    }
    return sum * half;
  }
  if (start >= 0) return normalSf(start) - normalSf(end);
  if (end <= 0) return normalSf(-end) - normalSf(-start);
  return 1 - normalSf(-start) - normalSf(end);
}

/**
 * Returns the standard normal quantile Φ⁻¹(p): the z with Φ(z) = p.
 *
 * $$
 * z = \Phi^{-1}(p)
 * $$
 *
 * @param p - a probability in [0, 1]
 * @returns the standard score; −Infinity at 0, Infinity at 1; NaN outside [0, 1] or NaN
 *
 * @remarks
 * Wichura's AS241 PPND16 rational approximations (three regions in √(−ln min(p, 1 − p))),
 * quoted accurate to about 1e-16. Measured against mpmath for p in [1e-300, 1): relative
 * error ≤ 6e-16. For p near 1, 1 − p is rounded: pass the tail to `-normalQuantile(q)` instead.
 *
 * @see M. J. Wichura, "Algorithm AS 241: The percentage points of the normal distribution",
 * Applied Statistics 37 (1988) 477–484, https://doi.org/10.2307/2347330 (paywalled).
 *
 * @example
 * ```ts
 * normalQuantile(0.975); // → ~1.959963984540054
 * ```
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(A, r)) / polynomial(B, r);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z = polynomial(C, r) / polynomial(D, r);
  } else {
    r -= 5;
    z = polynomial(E, r) / polynomial(F, r);
  }
  return q < 0 ? -z : z;
}

/**
 * Returns a standard normal variate from one uniform u in [0, 1) by inversion, symmetric in u and
 * finite for u = 0.
 *
 * $$
 * z = \Phi^{-1}(u + 2^{-54}) \text{ for } u < \tfrac12, \qquad
 * z = -\Phi^{-1}(1 - u - 2^{-54}) \text{ otherwise}
 * $$
 *
 * @param u - a uniform variate with 53 random bits, 0 ≤ u < 1
 * @returns a standard score in about [−8.3, 8.3]
 *
 * @remarks
 * Maps each of the 2⁵³ possible u to the midpoint of its cell, so both tails are treated alike
 * and u = 0 gives −8.3 rather than −Infinity. Every operation is exact before the quantile.
 *
 * @see L. Devroye, Non-Uniform Random Variate Generation, Springer, 1986, §II.2
 * (inversion), http://luc.devroye.org/rnbookindex.html.
 *
 * @example
 * ```ts
 * standardNormalFromUniform(0.5); // → ~1.39146e-16
 * ```
 */
export function standardNormalFromUniform(u: number): number {
  return u < 0.5 ? normalQuantile(u + HALF_CELL) : -normalQuantile(1 - u - HALF_CELL);
}

/** e^{−z²/2} with z split as hi + lo (hi a float32, so hi² is exact). */
function expHalfSquare(z: number): number {
  const x = Math.abs(z);
  if (x > 40) return 0;
  const hi = Math.fround(x);
  const lo = x - hi;
  return Math.exp(-0.5 * hi * hi) * Math.exp(-lo * (hi + 0.5 * lo));
}

/** M(z) for z ≥ 0.375: Taylor series about a tabulated point below 5.125, else the fraction. */
function millsPositive(z: number): number {
  if (z >= 5.125) return millsFraction(z);
  const index = Math.round(z * 4) - 2;
  const z0 = (index + 2) / 4;
  const h = z - z0;
  // Derivatives from M' = z₀M − 1 and M⁽ⁿ⁺¹⁾ = z₀M⁽ⁿ⁾ + nM⁽ⁿ⁻¹⁾ (differentiate M' = zM − 1).
  let previous = MILLS_TABLE[index];
  if (previous === undefined) throw new Error(`internal: millsPositive(${z}) is outside its table`);
  let current = z0 * previous - 1;
  let sum = previous + current * h;
  let power = h;
  for (let n = 1; n < 40; n++) {
    const next = z0 * current + n * previous;
    power *= h / (n + 1);
    const term = next * power;
    sum += term;
    if (Math.abs(term) <= 1e-17 * sum) break;
    previous = current;
    current = next;
  }
  return sum;
}

/** M(z) for z ≥ 1 as z·C(½, z²/2)/2, C the incomplete gamma fraction (DLMF 8.9.2). */
function millsFraction(z: number): number {
  const x = 0.5 * z * z;
  const fraction = continuedFraction(
    x + 0.5,
    (i) => -i * (i - 0.5),
    (i) => x + 2 * i + 0.5,
    'normalSf',
  );
  return (0.5 * z) / fraction;
}

/** Σ z²ⁿ⁺¹/(1·3·…·(2n + 1)) = (Φ(z) − ½)/φ(z), for |z| < 1. */
function centralSeries(z: number): number {
  const z2 = z * z;
  let term = z;
  let sum = z;
  for (let k = 3; k < 100; k += 2) {
    term *= z2 / k;
    sum += term;
    if (Math.abs(term) <= Math.abs(sum) * 1e-17) break;
  }
  return sum;
}

/** c₀ + c₁r + … by Horner's rule. */
function polynomial(coefficients: readonly number[], r: number): number {
  let value = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) value = value * r + coefficients[i]!;
  return value;
}
