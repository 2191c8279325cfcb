"""Exact values for test/analytic/solver/regressions.test.ts, by closed forms in mpmath (50 digits).

Each case is a model a new user wrote that once got a wrong number from analyze (issue: exact
solvers that never mislead). Run: python3 test/reference/analyze_regressions_reference.py
"""
import mpmath as mp

mp.mp.dps = 50


def show(name, value):
    print(f"{name} = {mp.nstr(value, 17)}")


# 1. Series of a 250 h part and a 1e8 h part: MTTF = 1/(1/250 + 1/1e8).
show("series_mttf", 1 / (mp.mpf(1) / 250 + mp.mpf(1) / 10**8))

# 2. Two identical repairable units in parallel (MTBF 2000, MTTR 4, unlimited crews), T = 20000:
#    u(t) = l/s (1 - e^{-s t}), s = l + m; interval U = (1/T) int_0^T u^2 dt.
l, m, T = mp.mpf(1) / 2000, mp.mpf(1) / 4, mp.mpf(20000)
s = l + m
integral = (l / s) ** 2 * (T - 2 * (1 - mp.e ** (-s * T)) / s + (1 - mp.e ** (-2 * s * T)) / (2 * s))
show("pair_interval_availability", 1 - integral / T)
show("pair_interval_unavailability", integral / T)

# 6. Weibull shape 0.05, scale 1: mean = Gamma(1 + 1/0.05) = 20!; two in parallel:
#    int (2R - R^2) = 2 Gamma(21) - Gamma(21)/2^20.
show("weibull_mttf", mp.gamma(21))
show("weibull_pair_mttf", 2 * mp.gamma(21) - mp.gamma(21) / 2**20)

# 9. Repairable c0 (l 7.3e-5, m 0.04727) beside a standby block of non-repairable units: the block
#    is down in the long run, so U = l/(l+m), A = m/(l+m), failure frequency = l m/(l+m).
l0, m0 = mp.mpf("7.3e-5"), mp.mpf("0.04727")
show("standby_beside_repairable_U", l0 / (l0 + m0))
show("standby_beside_repairable_A", m0 / (l0 + m0))
show("standby_beside_repairable_frequency", l0 * m0 / (l0 + m0))

# 11. parallel [c0, c1], l0 = 1e-7, l1 = 0.1 with coverage 0.5:
#     MTTF = (1 + l0/l1 + c l1/l0)/(l0 + l1).
l0, l1, c = mp.mpf("1e-7"), mp.mpf("0.1"), mp.mpf("0.5")
show("coverage_mttf", (1 + l0 / l1 + c * l1 / l0) / (l0 + l1))

# 12. One repairable unit, l 0.09, m 0.04, T = 739000:
#     interval A = m/s + l (1 - e^{-s T})/(s^2 T).
l, m, T = mp.mpf("0.09"), mp.mpf("0.04"), mp.mpf(739000)
s = l + m
show("unit_interval_availability", m / s + l * (1 - mp.e ** (-s * T)) / (s**2 * T))
