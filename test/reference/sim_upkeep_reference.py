"""Reference values for the simulator's maintenance tests (test/sim/upkeep.stat.test.ts), computed
independently of relkit: mpmath at 30 digits for closed forms, numpy for the renewal function.

1. One proof-tested unit (1oo1) with test coverage c < 1 and test duration d > 0
   (docs/semantics.md, "Hidden failures and proof tests"): failure rate lam, tests at T, 2T, ...,
   instantaneous repair of a revealed failure at the end of the test. At the start of period k
   (period 0 = [0, T), period k >= 1 = [kT + d, (k+1)T), of length L_k = T - d) the unit works with
   probability W_k, else it has a failure the tests can never reveal (a revealable one was repaired
   at the last test). Within period k the unavailability at s is 1 - W_k e^{-lam s}; during a test
   the unit is down for sure (tested, or failed). So
       W_0 = 1,  W_{k+1} = W_k (e^{-lam L_k} + c (1 - e^{-lam L_k})),
       downtime = sum_k [L_k - W_k (1 - e^{-lam L_k}) / lam] + (tests in the mission) * d,
   and pfdAvg = downtime / T_M for a mission T_M = m T (the test at m T starts at the mission's end).

2. The renewal function M(t) of a Weibull life (shape 2.5, scale 1000), the expected number of
   failures in [0, t] with perfect, instantaneous repair: M(t) = F(t) + int_0^t F(t - x) dM(x),
   solved on a grid by the Riemann-Stieltjes midpoint rule (error O(h^2)),
       M_n (1 - F(h/2)) = F(t_n) + sum_{i<n} F(t_n - t_{i-1/2}) (M_i - M_{i-1}) - F(h/2) M_{n-1},
   with Richardson extrapolation over h and h/2 (error O(h^4)); the spread of two extrapolations
   is printed. Block replacement every tb with preventive cost cp and corrective cost cu (every
   failure renewed at once): cost rate (cp + cu M(tb)) / tb (Barlow and Proschan, Mathematical
   Theory of Reliability, 1965, ch. 4).

3. Age replacement at ta with repair time r (mean) and replacement time d (renewal-reward over
   one renewal cycle, Barlow and Proschan ch. 4): with m = int_0^ta R(t) dt,
       steady availability = m / (m + F(ta) r + R(ta) d),
       cost rate = (cp R(ta) + cu F(ta) + (w + k) F(ta) r + w R(ta) d) / (m + F(ta) r + R(ta) d),
   w the downtime cost per hour, k the crew cost per hour (a crew only repairs).

4. Kijima repair with q = 1 (as bad as old, minimal repair) and instantaneous repair: failures
   form a non-homogeneous Poisson process with the life's cumulative hazard, E[N(t)] = (t/eta)^beta.
   q = 0 is perfect repair: E[N(t)] = M(t).

Run: python3 test/reference/sim_upkeep_reference.py
(numpy 2.4.6, mpmath 1.3.0; 2026-12-06)
"""

import numpy as np
from mpmath import mp, mpf, exp

mp.dps = 30


def pfd_1oo1(lam, T, d, c, m):
    lam, T, d, c = mpf(lam), mpf(T), mpf(d), mpf(c)
    w = mpf(1)
    down = mpf(0)
    for k in range(m):
        length = T if k == 0 else T - d
        survive = exp(-lam * length)
        down += length - w * (1 - survive) / lam
        if k >= 1:
            down += d  # the test at kT, inside the mission
        w = w * (survive + c * (1 - survive))
    return down / (m * T)


def weibull_cdf(t, shape, scale):
    return -np.expm1(-((np.maximum(t, 0) / scale) ** shape))


def renewal_rs(t_end, h, shape, scale):
    n = int(round(t_end / h))
    t = np.arange(n + 1) * h
    F = weibull_cdf(t, shape, scale)
    half = weibull_cdf(h / 2, shape, scale)
    # F(t_n - t_{i-1/2}) = F((n - i + 1/2) h): a vector over the lag.
    lagged = weibull_cdf((np.arange(n + 1) + 0.5) * h, shape, scale)
    M = np.zeros(n + 1)
    for j in range(1, n + 1):
        dM = M[1:j] - M[0 : j - 1]  # i = 1 .. j-1
        s = np.dot(lagged[j - 1 : 0 : -1][: j - 1], dM) if j > 1 else 0.0
        M[j] = (F[j] + s - half * M[j - 1]) / (1 - half)
    return M[-1]


def renewal(t_end, shape=2.5, scale=1000.0, h=0.5):
    coarse = renewal_rs(t_end, h, shape, scale)
    fine = renewal_rs(t_end, h / 2, shape, scale)
    finer = renewal_rs(t_end, h / 4, shape, scale)
    first = (4 * fine - coarse) / 3
    second = (4 * finer - fine) / 3
    return second, abs(second - first)


if __name__ == "__main__":
    print("1oo1, lam 1e-3, T 100, d 5, c 0.8, mission 10 T: pfdAvg =", pfd_1oo1(1e-3, 100, 5, 0.8, 10))
    print("1oo1, lam 1e-3, T 100, d 5, c 0.85, mission 10 T: pfdAvg =", pfd_1oo1(1e-3, 100, 5, 0.85, 10))
    print("1oo1, lam 1e-3, T 100, d 0, c 1, mission 10 T: pfdAvg =", pfd_1oo1(1e-3, 100, 0, 1, 10))
    m500, spread = renewal(500.0)
    print("Weibull(2.5, 1000) M(500) =", repr(m500), "spread", spread)
    print("block replacement every 500, cp 1, cu 5: cost rate =", repr((1 + 5 * m500) / 500))
    m2000, spread = renewal(2000.0)
    print("Weibull(2.5, 1000) M(2000) =", repr(m2000), "spread", spread)
    from mpmath import quad

    ta = mpf(493)
    R = lambda t: exp(-((t / 1000) ** mpf(2.5)))
    m = quad(R, [0, ta])
    print("Weibull(2.5, 1000), age 493: int_0^493 R =", m, " R(493) =", R(ta))
    for r, d, w, k in [(20, 5, 3, 2)]:
        cycle = m + (1 - R(ta)) * r + R(ta) * d
        print(f"  repair {r}, replacement {d}: availability =", m / cycle)
        cost = 1 * R(ta) + 5 * (1 - R(ta)) + (w + k) * (1 - R(ta)) * r + w * R(ta) * d
        print(f"  downtime {w}/h, crew {k}/h, cp 1, cu 5: cost rate =", cost / cycle)
    print("minimal repair E[N(2000)] = (2000/1000)^2.5 =", mpf(2) ** mpf(2.5))
