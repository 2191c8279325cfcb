/**
 * The standard exponential distribution by Marsaglia and Tsang's ziggurat method, driven by the
 * xoshiro128** state of src/sim/random.ts: the simulator's exponential draws without a logarithm
 * on the usual path.
 */
import { nextUint32, nextUniform } from './random.js';

/** r, the right end of the ziggurat's base strip: Marsaglia and Tsang's constant for 256 layers. */
const R = 7.697117470131487;
/** v, the common area of the 256 layers, base strip with its tail included (ibid.). */
const V = 3.949659822581572e-3;
const LAYERS = 256;
// 2^29 and 2^-53: a 53-bit position p = (a >>> 8) · 2^29 + (b >>> 3) from two 32-bit outputs a, b.
const TWO_29 = 536870912;
const TWO_MINUS_53 = 2 ** -53;
const TWO_53 = 2 ** 53;

/**
 * The layer boundaries x₀ = 0 < x₁ < … < x₂₅₅ = r and the density there, f(xᵢ) = e^{−xᵢ}, built
 * once at module load by the paper's recursion from the top down:
 * $$ x_{i-1} = -\ln\left(\frac{v}{x_i} + e^{-x_i}\right), \quad i = 255, \ldots, 2 $$
 * so that each layer i ≥ 1 (the box [0, xᵢ] × [f(xᵢ), f(xᵢ₋₁)]) has area v.
 */
const X = new Float64Array(LAYERS);
const F = new Float64Array(LAYERS);
/** Per layer: the width over 2⁵³ (x = p · WIDTH[i]) and the position below which x < xᵢ₋₁. */
const WIDTH = new Float64Array(LAYERS);
const INNER = new Float64Array(LAYERS);
/** Passes a double to and from the rare path of nextExponential without boxing it. */
const EDGE = new Float64Array(1);

X[LAYERS - 1] = R;
for (let i = LAYERS - 1; i > 1; i--) X[i - 1] = -Math.log(V / X[i]! + Math.exp(-X[i]!));
// x₀ = 0 (the recursion gives it to within 5e-14; the paper also sets f(x₀) = 1 exactly).
X[0] = 0;
for (let i = 0; i < LAYERS; i++) F[i] = i === 0 ? 1 : Math.exp(-X[i]!);
// The base strip: the box [0, r] × [0, f(r)] and the tail beyond r, area v = f(r)·(r + 1),
// drawn as a box of width q = v / f(r) whose part beyond r stands for the tail.
const Q = V / F[LAYERS - 1]!;
WIDTH[0] = Q * TWO_MINUS_53;
INNER[0] = (R / Q) * TWO_53;
for (let i = 1; i < LAYERS; i++) {
  WIDTH[i] = X[i]! * TWO_MINUS_53;
  INNER[i] = (X[i - 1]! / X[i]!) * TWO_53;
}

/**
 * The ziggurat's tables, read-only views for tests and documentation: layer boundaries `x`
 * (x₀ = 0, x₂₅₅ = r) and the density at them, `f` (f(x₀) = 1), with the paper's `r` and `v`.
 */
export const EXPONENTIAL_ZIGGURAT: {
  readonly r: number;
  readonly v: number;
  readonly x: Readonly<Float64Array>;
  readonly f: Readonly<Float64Array>;
} = { r: R, v: V, x: X, f: F };

/**
 * Returns a standard exponential variate (mean 1) from the xoshiro128** stream with state
 * `state`, by the ziggurat method; `mean · nextExponential(state)` has mean `mean`.
 *
 * $$
 * P(X > x) = e^{-x}, \quad x \ge 0
 * $$
 *
 * @param state - the xoshiro128** state of src/sim/random.ts, a `Uint32Array(4)` not all zero;
 * changed in place (two steps per attempt)
 * @returns a variate in [0, ∞): below 7.70 a multiple of xᵢ·2⁻⁵³ for its layer i, up to about
 * r + 36.7 ≈ 44.4 in the tail
 *
 * @remarks
 * Method (Marsaglia and Tsang, 256 layers, their r and v): the area under e^{−x} is covered by
 * 256 boxes of equal area v (the lowest one with the tail beyond r). Two 32-bit outputs a, b give
 * the layer i = a mod 256 (8 bits) and a 53-bit position p = ⌊a/2⁸⌋·2²⁹ + ⌊b/2³⌋ (disjoint bits,
 * so the layer and the position are independent, unlike the paper's shared word); x = p·xᵢ/2⁵³.
 * When x < xᵢ₋₁ the point lies under the curve and x is returned: a multiply, a compare and two
 * table reads, no logarithm. Otherwise (2.2 % of attempts), layer 0 returns r − ln(1 − u) (the
 * tail beyond r is exponential again, u a 53-bit uniform, so 1 − u is in (0, 1] and exact) and a
 * wedge (layers 1–255) accepts x iff f(xᵢ) + u·(f(xᵢ₋₁) − f(xᵢ)) < e^{−x}, else a new attempt
 * starts (1.1 % of the area is rejected: 256·v = 1.0111). Both are exact, so the sampler is
 * exact up to the 53-bit resolution of its uniforms and the rounding of the tables (the paper's
 * r and v have 16 digits: the recursion ends at x₀ within 5e-14 of 0, and every layer's area is
 * v to within 8e-13 relative); test/sim/exponentialZiggurat.stat.test.ts checks the
 * distribution (Kolmogorov–Smirnov on 10⁶ draws; tail frequencies beyond 5, 10 and 15 and the
 * mean on 4·10⁷), and that a 1 % scale error fails it. Cost: 2.07 xoshiro128** steps per draw
 * on average and an `exp` or `log` in 2.2 % of attempts: 5.8 ns a draw against 23 ns for
 * −ln(1 − u) with V8's `Math.log` (5·10⁷ draws through a closure, Node 20, 2026-11-26). O(1)
 * expected; no allocation.
 *
 * @see G. Marsaglia and W. W. Tsang, "The Ziggurat Method for Generating Random Variables",
 * Journal of Statistical Software 5(8) (2000) 1–7, https://doi.org/10.18637/jss.v005.i08
 * (open; the exponential tables `zigset` and the sampler `REXP`/`efix`, p. 5–6).
 *
 * @example
 * ```ts
 * nextExponential(Uint32Array.of(1, 2, 3, 4)); // → 0.000023327486881975524
 * ```
 */
export function nextExponential(state: Uint32Array): number {
  // Two xoshiro128** steps with the state in constants, as in nextUniform, and the products by
  // 5 and 9 as shifts and adds (exact: the sums stay below 2^53 before `| 0` takes them mod
  // 2^32): the smallest bytecode, so that this fits the JIT's inlining budget in the
  // simulator's loop next to the queue and the structure (with Math.imul it did not, at times).
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
  const layer = a & 255;
  // 2^29 as a literal: a module constant costs a context load and a hole check in bytecode.
  const position = (a >>> 8) * 536870912 + (b >>> 3);
  if (position < INNER[layer]!) return position * WIDTH[layer]!;
  // The rare path gets its double through EDGE rather than as an argument and a result, which
  // the JIT would box (an allocation) since it does not inline that call.
  EDGE[0] = position;
  exponentialEdge(state, layer);
  return EDGE[0]!;
}

/**
 * The rare path of {@link nextExponential}: the attempt at position `EDGE[0]` in `layer` fell
 * outside the layer's inner box; leaves the variate in `EDGE[0]`. A function of its own, so the
 * usual path stays small.
 */
function exponentialEdge(state: Uint32Array, layer: number): void {
  let i = layer;
  let p = EDGE[0]!;
  let x: number;
  for (;;) {
    if (i === 0) {
      // Layer 0 past r: the tail, r plus a standard exponential (memorylessness).
      x = R - Math.log(1 - nextUniform(state));
      break;
    }
    x = p * WIDTH[i]!;
    if (F[i]! + nextUniform(state) * (F[i - 1]! - F[i]!) < Math.exp(-x)) break;
    // Rejected: a new attempt, from a new layer.
    const a = nextUint32(state);
    const b = nextUint32(state);
    i = a & 255;
    p = (a >>> 8) * TWO_29 + (b >>> 3);
    if (p < INNER[i]!) {
      x = p * WIDTH[i]!;
      break;
    }
  }
  EDGE[0] = x;
}
