/**
 * The standard normal distribution by Marsaglia and Tsang's ziggurat method, driven by the
 * xoshiro128** state of src/sim/random.ts: the simulator's normal draws (lognormal and normal
 * laws) without a quantile function or a logarithm on the usual path.
 */
import { nextUint32, nextUniform } from './random.js';

/**
 * r, the right end of the base strip for 128 layers under e^{−x²/2}, and v, the common area of
 * the layers (base strip with its tail included): the paper's 3.442619855899 and
 * 9.91256303526217e-3, recomputed to full precision by test/reference/normal_ziggurat_reference.py
 * (mpmath) so that the recursion below ends at x₀ = 0.
 */
const R = 3.442619855896652;
const V = 9.91256303533646e-3;
const LAYERS = 128;
const TWO_29 = 536870912;
const TWO_MINUS_53 = 2 ** -53;
const TWO_53 = 2 ** 53;

/**
 * The layer boundaries x₀ = 0 < x₁ < … < x₁₂₇ = r and the density there, f(xᵢ) = e^{−xᵢ²/2},
 * built once at module load from the top down:
 * $$ x_{i-1} = \sqrt{-2\ln\left(\frac{v}{x_i} + e^{-x_i^2/2}\right)}, \quad i = 127, \ldots, 2 $$
 * so that each layer i ≥ 1 (the box [0, xᵢ] × [f(xᵢ), f(xᵢ₋₁)]) has area v.
 */
const X = new Float64Array(LAYERS);
const F = new Float64Array(LAYERS);
/** Per layer: the width over 2⁵³ (x = p · WIDTH[i]) and the position below which x < xᵢ₋₁. */
const WIDTH = new Float64Array(LAYERS);
const INNER = new Float64Array(LAYERS);
/** Passes a double to and from the rare path of nextNormal without boxing it. */
const EDGE = new Float64Array(1);

X[LAYERS - 1] = R;
for (let i = LAYERS - 1; i > 1; i--) {
  X[i - 1] = Math.sqrt(-2 * Math.log(V / X[i]! + Math.exp(-0.5 * X[i]! * X[i]!)));
}
X[0] = 0;
for (let i = 0; i < LAYERS; i++) F[i] = i === 0 ? 1 : Math.exp(-0.5 * X[i]! * X[i]!);
// The base strip: the box [0, r] × [0, f(r)] and the tail beyond r, area v, drawn as a box of
// width q = v / f(r) whose part beyond r stands for the tail.
const Q = V / F[LAYERS - 1]!;
WIDTH[0] = Q * TWO_MINUS_53;
INNER[0] = (R / Q) * TWO_53;
for (let i = 1; i < LAYERS; i++) {
  WIDTH[i] = X[i]! * TWO_MINUS_53;
  INNER[i] = (X[i - 1]! / X[i]!) * TWO_53;
}

/**
 * The ziggurat's tables, read-only views for tests and documentation: layer boundaries `x`
 * (x₀ = 0, x₁₂₇ = r) and the unnormalised density at them, `f` = e^{−x²/2} (f(x₀) = 1), with
 * `r` and `v`.
 */
export const NORMAL_ZIGGURAT: {
  readonly r: number;
  readonly v: number;
  readonly x: Readonly<Float64Array>;
  readonly f: Readonly<Float64Array>;
} = { r: R, v: V, x: X, f: F };

/**
 * Returns a standard normal variate (mean 0, variance 1) from the xoshiro128** stream with state
 * `state`, by the ziggurat method; `mu + sigma · nextNormal(state)` is normal (mu, sigma²).
 *
 * $$
 * P(Z \le z) = \Phi(z) = \int_{-\infty}^{z} \frac{e^{-x^2/2}}{\sqrt{2\pi}}\,dx
 * $$
 *
 * @param state - the xoshiro128** state of src/sim/random.ts, a `Uint32Array(4)` not all zero;
 * changed in place (two steps per attempt)
 * @returns a variate, symmetric about 0: within ±3.44 a multiple of xᵢ·2⁻⁵³ for its layer i,
 * beyond that from the exact tail
 *
 * @remarks
 * Method (Marsaglia and Tsang, 128 layers): the area under e^{−x²/2}, x ≥ 0, is covered by 128
 * boxes of equal area v (the lowest with the tail beyond r). Two 32-bit outputs a, b give the
 * layer i = a mod 128 (7 bits), the sign (bit 7) and a 53-bit position p = ⌊a/2⁸⌋·2²⁹ + ⌊b/2³⌋
 * (disjoint bits: layer, sign and position are independent); x = p·xᵢ/2⁵³. When x < xᵢ₋₁ the
 * point lies under the curve and ±x is returned: a multiply, a compare and two table reads.
 * Otherwise (2.8 % of attempts) layer 0 returns r + ξ from the tail by Marsaglia's method
 * (ξ = −ln(u₁)/r, η = −ln u₂ until 2η > ξ², with u = 1 − a 53-bit uniform in (0, 1]), and a
 * wedge accepts x iff f(xᵢ) + u·(f(xᵢ₋₁) − f(xᵢ)) < e^{−x²/2}, else a new attempt starts with a
 * new layer and sign. Both are exact, so the sampler is exact up to the 53-bit resolution of its
 * positions and the rounding of the tables (every layer's area is v to within 1e-12 relative,
 * checked in test/sim/normalZiggurat.stat.test.ts with the distribution: Kolmogorov–Smirnov on
 * 10⁶ draws, tail frequencies beyond 2, 3, 4 and 5, and the first two moments). O(1) expected;
 * no allocation.
 *
 * @see G. Marsaglia and W. W. Tsang, "The Ziggurat Method for Generating Random Variables",
 * Journal of Statistical Software 5(8) (2000) 1–7, https://doi.org/10.18637/jss.v005.i08
 * (the normal tables and `RNOR`/`nfix`, p. 5–6); G. Marsaglia, "Generating a variable from the
 * tail of the normal distribution", Technometrics 6(1) (1964) 101–102.
 *
 * @example
 * ```ts
 * Math.abs(nextNormal(Uint32Array.of(1, 2, 3, 4))) < 10; // → true
 * ```
 */
export function nextNormal(state: Uint32Array): number {
  // Two xoshiro128** steps with the state in constants, written as in nextExponential (the
  // products by 5 and 9 as shifts and adds) for a small bytecode.
  const s0 = state[0]!;
  const s1 = state[1]!;
  const s2 = state[2]! ^ s0;
  const s3 = state[3]! ^ s1;
  const x0 = (s1 + (s1 << 2)) | 0;
  const r0 = (x0 << 7) | (x0 >>> 25);
  const a = (r0 + (r0 << 3)) | 0;
  const t0 = s0 ^ s3;
  const t1 = s1 ^ s2;
  const t2 = s2 ^ (s1 << 9) ^ t0;
  const t3 = ((s3 << 11) | (s3 >>> 21)) ^ t1;
  const x1 = (t1 + (t1 << 2)) | 0;
  const r1 = (x1 << 7) | (x1 >>> 25);
  const b = (r1 + (r1 << 3)) | 0;
  state[0] = t0 ^ t3;
  state[1] = t1 ^ t2;
  state[2] = t2 ^ (t1 << 9);
  state[3] = (t3 << 11) | (t3 >>> 21);
  const layer = a & 127;
  const position = (a >>> 8) * 536870912 + (b >>> 3);
  if (position < INNER[layer]!) {
    const x = position * WIDTH[layer]!;
    return (a & 128) === 0 ? x : -x;
  }
  // The rare path gets and returns its double through EDGE (a call the JIT does not inline
  // would box it), and the layer with its sign bit as an integer.
  EDGE[0] = position;
  normalEdge(state, a & 255);
  return EDGE[0]!;
}

/**
 * The rare path of {@link nextNormal}: the attempt at position `EDGE[0]` with layer and sign
 * `word` (bits 0–6 and 7) fell outside the layer's inner box; leaves the signed variate in
 * `EDGE[0]`.
 */
function normalEdge(state: Uint32Array, word: number): void {
  let w = word;
  let p = EDGE[0]!;
  let x: number;
  for (;;) {
    const i = w & 127;
    if (i === 0) {
      // Layer 0 past r: the tail beyond r (Marsaglia 1964).
      let xi: number;
      let eta: number;
      do {
        xi = -Math.log(1 - nextUniform(state)) / R;
        eta = -Math.log(1 - nextUniform(state));
      } while (eta + eta <= xi * xi);
      x = R + xi;
      break;
    }
    x = p * WIDTH[i]!;
    if (F[i]! + nextUniform(state) * (F[i - 1]! - F[i]!) < Math.exp(-0.5 * x * x)) break;
    // Rejected: a new attempt, from a new layer and sign.
    const a = nextUint32(state);
    const b = nextUint32(state);
    w = a & 255;
    p = (a >>> 8) * TWO_29 + (b >>> 3);
    if (p < INNER[w & 127]!) {
      x = p * WIDTH[w & 127]!;
      break;
    }
  }
  EDGE[0] = (w & 128) === 0 ? x : -x;
}
