"""Reference values for test/distributions/*.test.ts and test/numeric/*.test.ts.

Computes every lifetime-distribution quantity relkit tests against, at 60 significant digits with
mpmath, independently of relkit's algorithms (direct definitions, high-precision cancellation,
root finding on the defining equation), and prints them as TypeScript literals to paste into the
tests. scipy is used only for starting points of the root finder.

Run:  python3 test/reference/dist_reference.py > /tmp/reference.ts
Made with: Python 3, scipy 1.17.1, mpmath 1.3.0, on 2026-11-26.
"""

import mpmath as mp
import scipy

mp.mp.dps = 60


def num(x):
    """A double as TypeScript prints it (17 significant digits, round-trip exact)."""
    x = mp.mpf(x)
    if mp.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if mp.isnan(x):
        return "NaN"
    return repr(float(x))


def quantile(fam, p, guess):
    """Root of ln F(t) = ln p (p <= 1/2) or ln R(t) = ln(1 - p) in u = ln(t - lower), 60 digits."""
    p = mp.mpf(p)
    lower = fam.get("lower", 0)
    t = lambda u: lower + mp.exp(u)
    if p <= mp.mpf(1) / 2:
        f = lambda u: mp.log(fam["cdf"](t(u))) - mp.log(p)
    else:
        f = lambda u: mp.log(fam["sf"](t(u))) - mp.log(1 - p)
    u = mp.findroot(f, mp.log(mp.mpf(guess) - lower), tol=mp.mpf(10) ** -50)
    return mp.re(t(u))


# ---------------------------------------------------------------- families (exact definitions)
def exponential(rate):
    rate = mp.mpf(rate)
    return dict(
        sf=lambda t: mp.exp(-rate * t),
        cdf=lambda t: -mp.expm1(-rate * t),
        pdf=lambda t: rate * mp.exp(-rate * t),
        mrl=lambda t: 1 / rate,
        mean=1 / rate,
        variance=1 / rate**2,
    )


def weibull(shape, scale, location=0):
    k, s, g = mp.mpf(shape), mp.mpf(scale), mp.mpf(location)
    z = lambda t: ((t - g) / s) ** k
    return dict(
        sf=lambda t: mp.exp(-z(t)),
        cdf=lambda t: -mp.expm1(-z(t)),
        pdf=lambda t: k / s * ((t - g) / s) ** (k - 1) * mp.exp(-z(t)),
        # ∫_t^∞ R(u) du / R(t) with the substitution v = ((u - γ)/η)^k: (η/k) e^z Γ(1/k, z)
        mrl=lambda t: s / k * mp.exp(z(t)) * mp.gammainc(1 / k, z(t), mp.inf),
        mean=g + s * mp.gamma(1 + 1 / k),
        lower=g,
        variance=s**2 * (mp.gamma(1 + 2 / k) - mp.gamma(1 + 1 / k) ** 2),
    )


def lognormal(mu, sigma):
    mu, sg = mp.mpf(mu), mp.mpf(sigma)
    w = lambda t: (mp.log(t) - mu) / sg
    m = mp.exp(mu + sg**2 / 2)
    return dict(
        sf=lambda t: mp.ncdf(-w(t)),
        cdf=lambda t: mp.ncdf(w(t)),
        pdf=lambda t: mp.npdf(w(t)) / (sg * t),
        mrl=lambda t: m * mp.ncdf(sg - w(t)) / mp.ncdf(-w(t)) - t,
        mean=m,
        variance=mp.expm1(sg**2) * mp.exp(2 * mu + sg**2),
    )


def gamma(shape, rate):
    a, r = mp.mpf(shape), mp.mpf(rate)
    Q = lambda a_, x: mp.gammainc(a_, x, mp.inf, regularized=True)
    return dict(
        sf=lambda t: Q(a, r * t),
        cdf=lambda t: mp.gammainc(a, 0, r * t, regularized=True),
        pdf=lambda t: r * (r * t) ** (a - 1) * mp.exp(-r * t) / mp.gamma(a),
        mrl=lambda t: a / r * Q(a + 1, r * t) / Q(a, r * t) - t,
        mean=a / r,
        variance=a / r**2,
    )


def truncated_normal(mean, sd):
    mu, sg = mp.mpf(mean), mp.mpf(sd)
    alpha = -mu / sg
    tail0 = mp.ncdf(-alpha)
    z = lambda t: (t - mu) / sg
    lam = mp.npdf(alpha) / tail0
    return dict(
        sf=lambda t: mp.ncdf(-z(t)) / tail0,
        cdf=lambda t: (mp.ncdf(z(t)) - mp.ncdf(alpha)) / tail0,
        pdf=lambda t: mp.npdf(z(t)) / (sg * tail0),
        mrl=lambda t: sg * (mp.npdf(z(t)) / mp.ncdf(-z(t)) - z(t)),
        mean=mu + sg * lam,
        variance=sg**2 * (1 + alpha * lam - lam**2),
    )


def uniform(lo, hi):
    a, b = mp.mpf(lo), mp.mpf(hi)
    return dict(
        sf=lambda t: (b - t) / (b - a),
        cdf=lambda t: (t - a) / (b - a),
        pdf=lambda t: 1 / (b - a),
        mrl=lambda t: (b - t) / 2,
        mean=(a + b) / 2,
        lower=a,
        variance=(b - a) ** 2 / 12,
    )


# name, TypeScript factory call, mpmath family, times, probabilities, (x, t) pairs, quantile guess
CASES = [
    ("exponential rate 1e-9", "exponential({ rate: 1e-9 })", exponential(1e-9),
     [0, 1e-7, 1e9, 6.7e11], [1e-16, 0.5, 1 - 1e-10], [(1e9, 1e9), (1e-3, 6.7e11)],
     lambda p: -mp.log1p(-p) * 1e9),
    ("exponential rate 1e3", "exponential({ rate: 1000 })", exponential(1000),
     [0, 1e-19, 2e-3, 0.68], [1e-300, 0.25, 0.999999], [(1e-3, 0.5), (1e-18, 0.1)],
     lambda p: -mp.log1p(-p) / 1000),
    ("weibull shape 0.5 scale 1e4", "weibull({ shape: 0.5, scale: 1e4 })", weibull(0.5, 1e4),
     [1e-28, 1, 1e4, 4.7e9], [1e-14, 0.5, 1 - 1e-12], [(100, 1e4), (1, 4.7e9)],
     lambda p: 1e4 * (-mp.log1p(-p)) ** 2),
    ("weibull shape 2 scale 100 location 10", "weibull({ shape: 2, scale: 100, location: 10 })",
     weibull(2, 100, 10), [10, 10.000001, 60, 2638], [1e-16, 0.5, 0.999], [(1e-6, 100), (5, 2600)],
     lambda p: 10 + 100 * mp.sqrt(-mp.log1p(-p))),
    ("weibull shape 3.5 scale 1e-3", "weibull({ shape: 3.5, scale: 1e-3 })", weibull(3.5, 1e-3),
     [3e-8, 1e-3, 6.5e-3], [1e-16, 0.9, 1 - 1e-15], [(1e-4, 1e-3), (1e-6, 6.5e-3)],
     lambda p: 1e-3 * (-mp.log1p(-p)) ** (1 / mp.mpf(3.5))),
    ("lognormal mu 0 sigma 1", "lognormal({ mu: 0, sigma: 1 })", lognormal(0, 1),
     [0.0003, 1, 10, 1e16], [1e-16, 0.5, 1 - 1e-12], [(1, 1), (100, 1e16)],
     lambda p: mp.exp(scipy.stats.norm.ppf(float(p)))),
    ("lognormal mu 5 sigma 0.25", "lognormal({ mu: 5, sigma: 0.25 })", lognormal(5, 0.25),
     [50, 148, 1500, 1.5e6], [1e-300, 0.3, 0.99], [(10, 148), (1, 1.5e6)],
     lambda p: mp.exp(5 + 0.25 * scipy.stats.norm.ppf(float(p)) if float(p) > 1e-290 else 5 - 0.25 * 37)),
    ("lognormal mu -7 sigma 2", "lognormal({ mu: -7, sigma: 2 })", lognormal(-7, 2),
     [1e-10, 1e-3, 5], [1e-10, 0.5, 0.9999], [(1e-3, 1e-3), (1, 5)],
     lambda p: mp.exp(-7 + 2 * scipy.stats.norm.ppf(float(p)))),
    ("gamma shape 0.5 rate 1e3", "gamma({ shape: 0.5, rate: 1000 })", gamma(0.5, 1000),
     [1e-35, 1e-3, 0.1, 0.68], [1e-16, 0.5, 1 - 1e-12], [(1e-3, 1e-3), (1e-3, 0.68)],
     lambda p: scipy.stats.gamma.ppf(float(p), 0.5, scale=1e-3) if float(p) < 0.9 else scipy.stats.gamma.isf(float(1 - p), 0.5, scale=1e-3)),
    ("gamma shape 2.5 rate 1e-9", "gamma({ shape: 2.5, rate: 1e-9 })", gamma(2.5, 1e-9),
     [1e-4, 2.5e9, 7.1e11], [1e-20, 0.5, 1 - 1e-14], [(1e9, 2.5e9), (1e6, 7.1e11)],
     lambda p: 1e9 * (scipy.stats.gamma.ppf(float(p), 2.5) if float(p) < 0.9 else scipy.stats.gamma.isf(float(1 - p), 2.5))),
    ("gamma shape 150 rate 1", "gamma({ shape: 150, rate: 1 })", gamma(150, 1),
     [40, 150, 250, 1100], [1e-100, 0.5, 0.999999], [(1, 150), (0.01, 1100)],
     lambda p: scipy.stats.gamma.ppf(float(p), 150) if float(p) < 0.9 else scipy.stats.gamma.isf(float(1 - p), 150)),
    ("gamma shape 1000 rate 2", "gamma({ shape: 1000, rate: 2 })", gamma(1000, 2),
     [300, 500, 560, 1000], [1e-15, 0.5, 1 - 1e-10], [(1, 500), (1, 560)],
     lambda p: 0.5 * (scipy.stats.gamma.ppf(float(p), 1000) if float(p) < 0.9 else scipy.stats.gamma.isf(float(1 - p), 1000))),
    ("erlang k 3 rate 0.01", "erlang({ k: 3, rate: 0.01 })", gamma(3, 0.01),
     [1e-3, 300, 70000], [1e-15, 0.5, 1 - 1e-9], [(10, 300), (100, 70000)],
     lambda p: 100 * (scipy.stats.gamma.ppf(float(p), 3) if float(p) < 0.9 else scipy.stats.gamma.isf(float(1 - p), 3))),
    ("normal mean 10 sd 2", "truncatedNormal({ mean: 10, sd: 2 })", truncated_normal(10, 2),
     [0, 1e-9, 10, 45, 84], [1e-16, 0.5, 1 - 1e-12], [(1, 10), (1e-3, 84)],
     lambda p: 10 + 2 * scipy.stats.norm.ppf(float(p)) if float(p) > 1e-14 else 1e-9),
    ("normal mean 0 sd 1", "truncatedNormal({ mean: 0, sd: 1 })", truncated_normal(0, 1),
     [0, 1e-16, 1, 37], [1e-16, 0.5, 1 - 1e-12], [(0.5, 1), (0.01, 37)],
     lambda p: 1.25 * p if p < 1e-8 else scipy.stats.halfnorm.ppf(float(p)) if float(p) < 0.9 else scipy.stats.halfnorm.isf(float(1 - p))),
    ("normal mean -3 sd 1", "truncatedNormal({ mean: -3, sd: 1 })", truncated_normal(-3, 1),
     [0, 1e-12, 0.3, 30], [1e-16, 0.5, 0.999999], [(0.1, 0.3), (0.01, 30)],
     lambda p: -mp.log1p(-p) / 3),
    ("uniform min 10 max 20", "uniform({ min: 10, max: 20 })", uniform(10, 20),
     [10, 10.000001, 15, 19.999999], [1e-16, 0.5, 1 - 1e-12], [(1, 15), (1e-7, 19.9999)],
     lambda p: 10 + 10 * p),
]


def main():
    print("// Generated by test/reference/dist_reference.py (scipy %s, mpmath %s, 60 digits)."
          % (scipy.__version__, mp.__version__))
    print("// Rows: [t, pdf, cdf, sf, hazard, cumulativeHazard, meanResidualLife];")
    print("// quantiles [p, t]; conditional [x, t, R(x | t)].")
    print("export const CASES: readonly ReferenceCase[] = [")
    for name, call, fam, times, probs, pairs, guess in CASES:
        rows = []
        for t in times:
            t = mp.mpf(t)
            sf, cdf, pdf = fam["sf"](t), fam["cdf"](t), fam["pdf"](t)
            # −ln R as −log1p(−F) while F is small: ln of 1 − 1e-123 is 0 even at 60 digits.
            hazard_sum = -mp.log1p(-cdf) if cdf < 0.5 else -mp.log(sf)
            rows.append("[%s]" % ", ".join(num(v) for v in
                        [t, pdf, cdf, sf, pdf / sf, hazard_sum, fam["mrl"](t)]))
        quants = []
        for p in probs:
            p = mp.mpf(p)
            q = quantile(fam, p, guess(p))
            quants.append("[%s, %s]" % (num(p), num(q)))
        conds = []
        for x, t in pairs:
            x, t = mp.mpf(x), mp.mpf(t)
            conds.append("[%s, %s, %s]" % (num(x), num(t), num(fam["sf"](t + x) / fam["sf"](t))))
        print("  {")
        print("    name: %r," % name)
        print("    make: () => %s," % call)
        print("    mean: %s," % num(fam["mean"]))
        print("    variance: %s," % num(fam["variance"]))
        print("    points: [\n      %s,\n    ]," % ",\n      ".join(rows))
        print("    quantiles: [%s]," % ", ".join(quants))
        print("    conditional: [%s]," % ", ".join(conds))
        print("  },")
    print("];")
    # Special functions for test/numeric.
    print("\n// [a, x, P(a, x), Q(a, x), ln Q(a, x)]")
    print("export const GAMMA_INCOMPLETE = [")
    for a, x in [(0.001, 1e-5), (0.001, 2), (0.5, 0.3), (0.5, 1.05), (0.5, 700), (1, 1e-17), (2.5, 0.01),
                 (2.5, 3), (2.5, 690), (10, 9.5), (30, 1e-3), (150, 100), (150, 150), (150, 1000), (1000, 900),
                 (1000, 1000), (1000, 1100), (1000, 1650), (1e4, 1e4), (3, 5000)]:
        a_, x_ = mp.mpf(a), mp.mpf(x)
        P = mp.gammainc(a_, 0, x_, regularized=True)
        Q = mp.gammainc(a_, x_, mp.inf, regularized=True)
        logQ = mp.log1p(-P) if P < 0.5 else mp.log(Q)
        print("  [%s, %s, %s, %s, %s]," % (num(a), num(x), num(P), num(Q), num(logQ)))
    print("];")
    print("\n// [x, ln Γ(x)]")
    print("export const LOG_GAMMA = [")
    for x in [1e-300, 1e-8, 0.5, 0.999, 1, 1.0000001, 1.5, 2, 2.0001, 2.5, 3.7, 9.99, 10, 123.4, 1e6, 1e300]:
        print("  [%s, %s]," % (num(x), num(mp.loggamma(mp.mpf(x)))))
    print("];")
    print("\n// [z, Φ̄(z), ln Φ̄(z)]")
    print("export const NORMAL_SF = [")
    for z in [-40, -8, -1, -0.3, 0, 1e-10, 0.3, 0.5, 1, 1.7, 2.5, 4.9, 5.2, 8, 20, 37.5, 100, 1e4]:
        z_ = mp.mpf(z)
        s = mp.ncdf(-z_)
        print("  [%s, %s, %s]," % (num(z), num(s), num(mp.log(s))))
    print("];")
    print("\n// [p, Φ⁻¹(p)]")
    print("export const NORMAL_QUANTILE = [")
    for p in [1e-300, 1e-100, 1e-20, 1e-5, 0.02, 0.3, 0.5, 0.7, 0.975, 0.99999]:
        p_ = mp.mpf(p)
        z = mp.findroot(lambda z: mp.log(mp.ncdf(z)) - mp.log(p_), mp.mpf(scipy.special.ndtri(p)),
                        tol=mp.mpf(10) ** -50)
        print("  [%s, %s]," % (num(p), num(z)))
    print("];")


if __name__ == "__main__":
    main()
