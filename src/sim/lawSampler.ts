import type { Distribution, Rng } from '../distributions/types.js';
import { nextExponential } from './exponentialZiggurat.js';
import { nextNormal } from './normalZiggurat.js';
import { streamRng } from './random.js';

// How a law is drawn (see LawSampler); 0, the arrays' initial value, for any other family.
const WEIBULL = 1;
const LOGNORMAL = 2;
const NORMAL = 3;

/**
 * Draws the simulator's times from a fixed list of laws, each from the replication's xoshiro128**
 * stream through the ziggurats: the families the simulator meets most as transforms of one
 * standard exponential or normal variate, with their constants computed once.
 *
 * | family (parameters)                 | draw                                              |
 * | ----------------------------------- | ------------------------------------------------- |
 * | exponential (mean m)                | m·E                                               |
 * | weibull (shape k, scale η, loc. γ)  | γ + η·E^{1/k}, computed as γ + η·exp(ln(E)·(1/k)) |
 * | lognormal (μ, σ)                    | exp(μ + σZ)                                       |
 * | normal, truncated at 0 (mean ≥ 0)   | mean + sd·Z, Z drawn again while the sum is < 0   |
 * | any other                           | the law's own `sample(rng)`, on the same stream   |
 *
 * E a standard exponential ({@link nextExponential}), Z a standard normal ({@link nextNormal}).
 *
 * @remarks
 * Each transform is exact in distribution: E^{1/k} is the Weibull's inverse cdf applied to
 * 1 − e^{−E}, uniform; exp(μ + σZ) is the lognormal's definition; a normal given that it is
 * ≥ 0 is the truncated normal, and with mean ≥ 0 at most 2 draws are needed on average.
 * E^{1/k} is exp(ln(E)/k) because V8's `Math.pow` costs about 60 ns against 40 ns for `log`
 * and `exp` (Node 20, 2026-12-06); the relative error is at most about (2 + |ln E|/k) ulp, far
 * below what any statistical test sees. The sampler reads the laws' canonical `parameters`
 * (src/distributions: weibull `{ shape, scale, location }`, lognormal `{ mu, sigma }`, normal
 * `{ mean, sd }`). A law drawn here gives different numbers than its `sample(rng)` (which
 * inverts a uniform) on the same stream: a results-format change, see
 * `SIMULATION_STATS_VERSION`. test/sim/lawSampler.stat.test.ts checks each draw against the
 * law's cdf. Cost O(1) expected per draw, no allocation.
 *
 * @see L. Devroye, Non-Uniform Random Variate Generation, Springer, 1986, §II.2 (transformations
 * of a variate) and §II.3 (rejection: a truncated law by redrawing),
 * http://luc.devroye.org/rnbookindex.html.
 */
export class LawSampler {
  /** Per law, the mean when it is exponential (drawn as mean · E), else 0. */
  readonly exponentialMean: Float64Array;
  private readonly kind: Uint8Array;
  /** Per law: weibull scale η, lognormal μ, normal mean. */
  private readonly first: Float64Array;
  /** Per law: weibull 1/k, lognormal σ, normal sd. */
  private readonly second: Float64Array;
  /** Per law: weibull location γ. */
  private readonly third: Float64Array;
  private readonly laws: readonly (Distribution | undefined)[];
  private readonly stream: Uint32Array;
  private readonly rng: Rng;
  /** Where {@link LawSampler.drawOther} leaves its draw (a double passed without boxing). */
  readonly drawn: Float64Array = new Float64Array(1);

  /**
   * @param laws - the laws, by index; `undefined` where an index has none (never drawn)
   * @param stream - the xoshiro128** state every draw reads (re-keyed by the simulator)
   */
  constructor(laws: readonly (Distribution | undefined)[], stream: Uint32Array) {
    const n = laws.length;
    this.laws = laws;
    this.stream = stream;
    this.rng = streamRng(stream);
    this.exponentialMean = new Float64Array(n);
    this.kind = new Uint8Array(n);
    this.first = new Float64Array(n);
    this.second = new Float64Array(n);
    this.third = new Float64Array(n);
    laws.forEach((law, i) => {
      if (law === undefined) return;
      const p = law.parameters;
      if (law.family === 'exponential') this.exponentialMean[i] = law.mean;
      else if (law.family === 'weibull') {
        this.kind[i] = WEIBULL;
        this.first[i] = p['scale']!;
        this.second[i] = 1 / p['shape']!;
        this.third[i] = p['location']!;
      } else if (law.family === 'lognormal') {
        this.kind[i] = LOGNORMAL;
        this.first[i] = p['mu']!;
        this.second[i] = p['sigma']!;
      } else if (law.family === 'normal' && p['mean']! >= 0) {
        this.kind[i] = NORMAL;
        this.first[i] = p['mean']!;
        this.second[i] = p['sd']!;
      }
    });
  }

  /** Returns a draw from law `law` (an index with a law). See {@link LawSampler}. */
  draw(law: number): number {
    const mean = this.exponentialMean[law]!;
    if (mean > 0) return mean * nextExponential(this.stream);
    this.drawOther(law);
    return this.drawn[0]!;
  }

  /**
   * Draws from law `law`, not exponential, into `drawn[0]`. The simulator's loop calls it
   * directly (as {@link LawSampler.draw} does): the JIT does not inline it there, and a call it
   * does not inline would box a double result, an allocation per draw.
   */
  drawOther(law: number): void {
    const stream = this.stream;
    const kind = this.kind[law];
    let t: number;
    if (kind === WEIBULL) {
      t =
        this.third[law]! +
        this.first[law]! * Math.exp(Math.log(nextExponential(stream)) * this.second[law]!);
    } else if (kind === LOGNORMAL || kind === NORMAL) {
      // One call site of the ziggurat, so that the JIT inlines it here once.
      const mean = this.first[law]!;
      const sd = this.second[law]!;
      do t = mean + sd * nextNormal(stream);
      while (kind === NORMAL && t < 0);
      if (kind === LOGNORMAL) t = Math.exp(t);
    } else t = this.laws[law]!.sample(this.rng);
    this.drawn[0] = t;
  }
}
