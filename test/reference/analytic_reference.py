#!/usr/bin/env python3
"""Reference values for test/analytic/*.test.ts and test/numeric/integrate.test.ts.

Run: python3 test/reference/analytic_reference.py > /tmp/analytic_reference.txt
(scipy 1.17.1, mpmath 1.3.0; values pasted into the tests on 2026-11-26).

Every value is computed by a method other than the TypeScript closed form wherever one exists:
- Markov models (availability, standby, coverage, duplex): the transient probabilities as the
  matrix exponential of the generator (mpmath.expm at 50 digits) and steady states / mean times to
  absorption by solving the linear systems pi Q = 0 and -Q_T m = 1 (mpmath.lu_solve);
- MTTFs: mpmath.quad of the reliability function (tanh-sinh) at 40 digits, or the linear solve;
- k-out-of-n: exact rational binomial sums (fractions.Fraction) or the 60-digit expansion of
  prod(q_i + r_i z); hypoexponential: the classical alternating sum evaluated at 80 digits
  (its cancellation is harmless there) cross-checked with mpmath.expm;
- Erlang survival: mpmath.gammainc (regularized upper incomplete gamma);
- the repairable k-out-of-n chain with n = 1000: the birth-death product form at 60 digits (a
  linear solve of that size in mpmath is too slow); small n: lu_solve of pi Q = 0.
Inputs are the exact doubles the tests pass (mpf(float) is exact). Output: Python floats, i.e.
the double nearest each high-precision value, printed in shortest round-trip form.
"""
from fractions import Fraction
import math
import mpmath as mp
import scipy
import scipy.linalg
import numpy as np

mp.mp.dps = 50
print(f"// scipy {scipy.__version__}, mpmath {mp.__version__}")


def f(x):
    return float(x)


def out(name, rows):
    print(f"\n// {name}")
    for args, val in rows:
        a = ", ".join(repr(x) for x in args)
        print(f"  [[{a}], {f(val)!r}],")


def expm_row(Q, t, start=0):
    M = mp.expm(mp.matrix(Q) * mp.mpf(t))
    return [M[start, j] for j in range(M.cols)]


def solve_steady(Q):
    n = len(Q)
    A = mp.matrix(n, n)
    for i in range(n):
        for j in range(n):
            A[j, i] = Q[i][j]  # transpose: Q^T pi = 0
    for i in range(n):
        A[n - 1, i] = 1  # replace last equation with sum pi = 1
    b = mp.matrix([0] * (n - 1) + [1])
    return mp.lu_solve(A, b)


def mean_absorption(Q, transient):
    # -Q_TT m = 1
    k = len(transient)
    A = mp.matrix(k, k)
    for a, i in enumerate(transient):
        for b, j in enumerate(transient):
            A[a, b] = -Q[i][j]
    return mp.lu_solve(A, mp.matrix([1] * k))


M = mp.mpf

# ---- single component
rows = []
for mttf, mttr in [(1000.0, 10.0), (1e9, 1e-3), (1.0, 0.0), (1e-9, 1e3)]:
    rows.append(((mttf, mttr), M(mttf) / (M(mttf) + M(mttr))))
out("steadyAvailability", rows)
rows = [((a, b), M(b) / (M(a) + M(b))) for a, b in [(1000.0, 10.0), (1e9, 1e-3), (1.0, 0.0), (1e-9, 1e3)]]
out("steadyUnavailability", rows)

cases = [(1.0, 9.0, 0.0), (1e-3, 0.1, 1e6), (1e-6, 0.1, 1e-6), (1e-9, 1e3, 5.0), (1e3, 1e-9, 2.0), (0.5, 0.0, 3.0), (2.0, 3.0, 0.25)]
rowsA, rowsU = [], []
for lam, mu, t in cases:
    Q = [[-M(lam), M(lam)], [M(mu), -M(mu)]]
    p = expm_row(Q, t)
    rowsA.append(((lam, mu, t), p[0]))
    # 1 - A from the down-state probability itself (expm entry), not by subtraction
    rowsU.append(((lam, mu, t), p[1]))
out("pointAvailability", rowsA)
out("pointUnavailability", rowsU)

out("ninesFromUnavailability", [((u,), -mp.log10(M(u))) for u in [1e-5, 0.5, 1.0, 1e-300, 3e-4]])
out("ninesFromAvailability", [((a,), -mp.log10(1 - M(a))) for a in [0.999, 0.99999, 0.0, 0.5, 0.999999999999]])
out("downtimeHoursPerYear", [((u,), 8766 * M(u)) for u in [1e-5, 0.001, 1.0, 0.0, 1e-12]])

# ---- series / parallel (exact rationals)
def fr(x):
    return Fraction(x)

series_cases = [[0.9, 0.8], [0.999999, 0.9999999, 0.99999999], [1e-9] * 3, [0.5] * 1000, [0.9999] * 1000]
rows = []
for rs in series_cases:
    p = Fraction(1)
    for r in rs:
        p *= fr(r)
    rows.append(((rs,), p))
print("\n// seriesReliability (args: reliabilities)")
for (rs,), v in rows:
    print(f"  [{rs if len(rs) < 5 else f'{len(rs)} x {rs[0]}'}] -> {float(v)!r}")
uq_cases = [[1e-15, 2e-15], [0.5, 0.5], [1e-9] * 1000, [0.3, 0.2, 0.1], [1e-300, 1e-300]]
print("\n// seriesUnreliability")
for qs in uq_cases:
    p = Fraction(1)
    for q in qs:
        p *= 1 - fr(q)
    print(f"  [{qs if len(qs) < 5 else f'{len(qs)} x {qs[0]}'}] -> {float(1 - p)!r}")
print("\n// parallelReliability")
for rs in [[0.9, 0.8], [1e-9] * 3, [0.5] * 1000, [0.3, 0.2, 0.1], [1e-300, 2e-300]]:
    p = Fraction(1)
    for r in rs:
        p *= 1 - fr(r)
    print(f"  [{rs if len(rs) < 5 else f'{len(rs)} x {rs[0]}'}] -> {float(1 - p)!r}")
print("\n// parallelUnreliability")
for qs in [[1e-5, 1e-5, 1e-5], [0.5] * 1000, [0.3, 0.2, 0.1]]:
    p = Fraction(1)
    for q in qs:
        p *= fr(q)
    print(f"  [{qs if len(qs) < 5 else f'{len(qs)} x {qs[0]}'}] -> {float(p)!r}")

# ---- k-out-of-n identical: exact rational binomial sums
def binom_upper(k, n, r):
    r = fr(r)
    q = 1 - r
    return sum(math.comb(n, i) * r**i * q ** (n - i) for i in range(k, n + 1))


def binom_lower_q(k, n, q):
    q = fr(q)
    r = 1 - q
    return sum(math.comb(n, i) * r**i * q ** (n - i) for i in range(0, k))


kn = [(2, 3, 0.9), (1, 3, 0.9), (3, 3, 0.9), (0, 5, 0.1), (500, 1000, 0.5), (1, 1000, 0.001), (1000, 1000, 0.999),
      (990, 1000, 0.995), (10, 1000, 0.001), (700, 1000, 0.6), (2, 3, 1e-9), (5, 5, 1.0), (1, 2, 0.0)]
out("kOutOfNReliability", [((k, n, r), binom_upper(k, n, r)) for k, n, r in kn])
knq = [(2, 3, 1e-8), (3, 3, 0.5), (1, 3, 1e-9), (500, 1000, 0.5), (990, 1000, 0.001), (1, 1000, 0.999), (900, 1000, 0.05), (0, 4, 0.3)]
out("kOutOfNUnreliability", [((k, n, q), binom_lower_q(k, n, q)) for k, n, q in knq])


def to_mp(x):
    if isinstance(x, Fraction):
        return M(x.numerator) / x.denominator
    return M(x)


def poly_tails(k, rs, qs):
    mp.mp.dps = 60
    coeffs = [M(1)]
    for r, q in zip(rs, qs):
        r, q = to_mp(r), to_mp(q)
        new = [M(0)] * (len(coeffs) + 1)
        for i, c in enumerate(coeffs):
            new[i] += c * q
            new[i + 1] += c * r
        coeffs = new
    up = mp.fsum(coeffs[k:])
    low = mp.fsum(coeffs[:k])
    mp.mp.dps = 50
    return up, low


rs1000 = [0.5 + 0.49 * ((i * 7919) % 1000) / 1000 for i in range(1000)]
print("\n// rs1000 = i => 0.5 + 0.49 * ((i * 7919) % 1000) / 1000, i in [0, 1000)")
ni = [(2, [0.9, 0.8, 0.7]), (1, [0.9, 0.8, 0.7]), (3, [0.9, 0.8, 0.7]), (700, rs1000), (1, rs1000), (1000, rs1000), (600, rs1000)]
rows = []
for k, rs in ni:
    rows.append(((k, rs if len(rs) < 10 else 'rs1000'), poly_tails(k, rs, [1 - fr(r) for r in rs])[0]))
out("kOutOfNNonIdenticalReliability", rows)
qs1000 = [1e-6 * (1 + ((i * 7919) % 1000)) for i in range(1000)]
print("\n// qs1000 = i => 1e-6 * (1 + ((i * 7919) % 1000)), i in [0, 1000)")
niq = [(2, [1e-9, 2e-9, 3e-9]), (3, [0.1, 0.2, 0.3]), (998, qs1000), (1000, qs1000), (500, qs1000)]
rows = []
for k, qs in niq:
    rows.append(((k, qs if len(qs) < 10 else 'qs1000'), poly_tails(k, [1 - fr(q) for q in qs], qs)[1]))
out("kOutOfNNonIdenticalUnreliability", rows)

out("nmrReliability", [((n, r, v), fr(v) * binom_upper((n + 1) // 2, n, r)) for n, r, v in
                       [(5, 0.9, 1.0), (3, 0.9, 0.99), (1, 0.7, 0.5), (1001, 0.6, 0.999), (7, 1e-3, 1.0)]])
out("tmrReliability", [((r, v), fr(v) * binom_upper(2, 3, r)) for r, v in [(0.9, 1.0), (1.0, 0.99), (0.999999, 1.0), (1e-9, 1.0), (0.5, 0.5)]])

mp.mp.dps = 40
rows = []
for lam, lv in [(1.0, 0.0), (1e-4, 1e-6), (1e-9, 0.0), (1e3, 1e3), (2.0, 0.5)]:
    lam_, lv_ = M(lam), M(lv)
    R = lambda t: mp.exp(-lv_ * t) * (3 * mp.exp(-2 * lam_ * t) - 2 * mp.exp(-3 * lam_ * t))
    rows.append(((lam, lv), mp.quad(R, [0, 1 / lam_, 10 / lam_, mp.inf])))
out("tmrMttf (mpmath.quad of R)", rows)

rows = []
for k, n, lam in [(2, 3, 1.0), (1, 2, 0.5), (3, 3, 1e-9), (1, 1, 1e3)]:
    lam_ = M(lam)
    R = lambda t: mp.fsum(mp.binomial(n, i) * mp.exp(-lam_ * t * i) * (-mp.expm1(-lam_ * t)) ** (n - i) for i in range(k, n + 1))
    rows.append(((k, n, lam), mp.quad(R, [0, 1 / lam_, 10 / lam_, mp.inf])))
for k, n, lam in [(1, 1000, 1e-3), (500, 1000, 2.0), (1000, 1000, 1.0)]:
    rows.append(((k, n, lam), mp.fsum(M(1) / i for i in range(k, n + 1)) / M(lam)))
out("kOutOfNMttf (quad of R for small n; 40-digit harmonic sum for n = 1000)", rows)
mp.mp.dps = 50

# ---- standby
rows = []
for lam, n, t in [(1.0, 1, 1.0), (1.0, 0, 2.0), (1e-9, 3, 1e6), (1e3, 2, 1e-3), (1.0, 1000, 1000.0), (1.0, 10, 0.0), (1.0, 5, 200.0), (2.5, 4, 1e-8)]:
    rows.append(((lam, n, t), mp.gammainc(n + 1, M(lam) * M(t), mp.inf, regularized=True)))
out("coldStandbyReliability p = 1 (mpmath.gammainc)", rows)


def chain_Q(rates, p):
    n = len(rates)
    Q = [[M(0)] * (n + 1) for _ in range(n + 1)]
    for j, lam in enumerate(rates):
        lam = M(lam)
        Q[j][j] = -lam
        if j < n - 1:
            Q[j][j + 1] = M(p) * lam
            Q[j][n] = (1 - M(p)) * lam
        else:
            Q[j][n] = lam
    return Q


rows = []
for lam, n, t, p in [(1.0, 1, 1.0, 0.5), (1.0, 3, 2.0, 0.9), (1e-3, 2, 100.0, 0.99), (2.0, 2, 0.0, 0.3), (1.0, 4, 30.0, 0.95)]:
    pr = expm_row(chain_Q([lam] * (n + 1), p), t)
    rows.append(((lam, n, t, p), mp.fsum(pr[:-1])))
out("coldStandbyReliability with switch (mpmath.expm)", rows)
rows = []
for lam, n, p in [(0.5, 2, 1.0), (1.0, 2, 0.5), (1e-9, 0, 0.3), (1e3, 999, 0.999)]:
    Q = chain_Q([lam] * (n + 1), p) if n < 20 else None
    if Q is not None:
        m = mean_absorption(Q, list(range(n + 1)))[0]
    else:
        m = mp.fsum(M(p) ** i for i in range(n + 1)) / M(lam)
    rows.append(((lam, n, p), m))
out("coldStandbyMttf (absorption solve; n = 999 by 50-digit sum)", rows)


def hypo_classical(rates, t):
    mp.mp.dps = 80
    t = M(t)
    total = M(0)
    for i, li in enumerate(rates):
        prod = M(1)
        for j, lj in enumerate(rates):
            if j != i:
                prod *= M(lj) / (M(lj) - M(li))
        total += prod * mp.exp(-M(li) * t)
    mp.mp.dps = 50
    return total


def chain_survival(rates, t, p=1.0):
    mp.mp.dps = 60
    pr = expm_row(chain_Q(rates, p), t)
    s, q = mp.fsum(pr[:-1]), pr[-1]
    mp.mp.dps = 50
    return s, q


rows = []
hypo = [([1.0, 2.0], 1.0), ([1.0, 1.0], 1.0), ([1.0, 1.0 + 1e-9], 1.0), ([1.0, 1.0 + 1e-9, 1.0 - 1e-9], 2.0),
        ([1e-9, 1e3], 1e9), ([1e-9, 1e3], 1e-3), ([0.5, 1.5, 2.5, 3.5], 3.0), ([1.0, 1.0, 1.0, 1.0, 1.0], 4.0),
        ([3.0, 1.0, 2.0], 0.0), ([1e-3, 2e-3, 1e-3, 5e-4], 1e4)]
for rates, t in hypo:
    s, q = chain_survival(rates, t)
    distinct = len(set(rates)) == len(rates)
    if distinct and t > 0:
        c = hypo_classical(rates, t)
        assert abs(c - s) <= mp.mpf(10) ** -30 * max(abs(s), mp.mpf(10) ** -300), (rates, t, c, s)
    rows.append(((rates, t), s))
out("coldStandbyNonIdenticalReliability p = 1 (expm at 60 digits; classical sum at 80 agrees)", rows)
rows = []
for rates, t, p in [([1e-3, 1e-3], 1e-3, 1.0), ([1.0, 2.0, 3.0], 0.5, 0.9), ([1e-6, 2e-6, 3e-6], 10.0, 1.0), ([1.0, 1.0 + 1e-9], 1e-4, 1.0)]:
    rows.append(((rates, t, p), chain_survival(rates, t, p)[1]))
out("coldStandbyNonIdenticalUnreliability (expm)", rows)
rows = []
for rates, t, p in [([1.0, 2.0, 3.0], 0.5, 0.9), ([2.0, 1.0], 3.0, 0.5), ([1e-9, 1e3, 1.0], 1e8, 0.99)]:
    rows.append(((rates, t, p), chain_survival(rates, t, p)[0]))
out("coldStandbyNonIdenticalReliability with switch (expm)", rows)
rows = []
for rates, p in [([1.0, 2.0, 4.0], 1.0), ([1.0, 2.0, 4.0], 0.5), ([1e-9, 1e3], 0.9)]:
    rows.append(((rates, p), mean_absorption(chain_Q(rates, p), list(range(len(rates))))[0]))
out("coldStandbyNonIdenticalMttf (absorption solve)", rows)


def warm_Q(lam, ld, n):
    # state j = spares left (n..0), then down
    size = n + 2
    Q = [[M(0)] * size for _ in range(size)]
    for idx in range(n + 1):
        j = n - idx
        active = M(lam)
        dormant = j * M(ld)
        Q[idx][idx] = -(active + dormant)
        nxt = idx + 1 if j > 0 else n + 1
        Q[idx][nxt] += active + dormant
    return Q


rows = []
for lam, ld, n, t in [(1.0, 0.5, 1, 1.0), (1.0, 0.0, 1, 1.0), (1.0, 1.0, 3, 1.0), (1e-3, 1e-4, 5, 2000.0), (2.0, 0.1, 10, 0.0),
                      (1.0, 1e-9, 2, 5.0), (1e3, 1.0, 3, 1e-2), (1.0, 0.3, 4, 60.0)]:
    pr = expm_row(warm_Q(lam, ld, n), t)
    rows.append(((lam, ld, n, t), mp.fsum(pr[:-1])))
out("warmStandbyReliability (mpmath.expm)", rows)
rows = []
for lam, ld, n in [(1.0, 0.5, 1), (1.0, 1.0, 1), (1e-3, 1e-4, 5), (1.0, 0.0, 3)]:
    rows.append(((lam, ld, n), mean_absorption(warm_Q(lam, ld, n), list(range(n + 1)))[0]))
out("warmStandbyMttf (absorption solve)", rows)

# ---- repairable
def duplex_Q(lam, mu, crews):
    lam, mu = M(lam), M(mu)
    # states: 0 failed, 1 failed, 2 failed
    return [[-2 * lam, 2 * lam, 0], [mu, -(mu + lam), lam], [0, crews * mu, -crews * mu]]


rowsA, rowsU = [], []
for lam, mu, c in [(1.0, 9.0, 1), (1.0, 9.0, 2), (1e-6, 1.0, 1), (1e-3, 0.1, 2), (1e3, 1e-3, 1), (1e-9, 1e3, 2)]:
    pi = solve_steady(duplex_Q(lam, mu, c))
    rowsA.append(((lam, mu, c), pi[0] + pi[1]))
    rowsU.append(((lam, mu, c), pi[2]))
out("duplexSteadyAvailability (solve pi Q = 0)", rowsA)
out("duplexSteadyUnavailability (solve pi Q = 0)", rowsU)
rows = []
for lam, mu in [(1.0, 0.0), (1e-3, 0.1), (1e-9, 1e3), (2.0, 5.0)]:
    rows.append(((lam, mu), mean_absorption(duplex_Q(lam, mu, 1), [0, 1])[0]))
out("duplexMttf (absorption solve)", rows)


def koon_Q(n, lam, mu, crews):
    Q = [[M(0)] * (n + 1) for _ in range(n + 1)]
    for j in range(n + 1):
        if j < n:
            Q[j][j + 1] = (n - j) * M(lam)
        if j > 0:
            Q[j][j - 1] = min(j, crews) * M(mu)
        Q[j][j] = -mp.fsum(Q[j][i] for i in range(n + 1) if i != j)
    return Q


def koon_measures(k, n, lam, mu, crews):
    if n <= 12:
        Q = koon_Q(n, lam, mu, crews)
        pi = solve_steady(Q)
        A = mp.fsum(pi[j] for j in range(n - k + 1))
        U = mp.fsum(pi[j] for j in range(n - k + 1, n + 1))
        ff = pi[n - k] * k * M(lam)
        mttf = mean_absorption(Q, list(range(n - k + 1)))[0]
    else:
        mp.mp.dps = 60
        w = [M(1)]
        for j in range(n):
            w.append(w[-1] * (n - j) * M(lam) / (min(j + 1, crews) * M(mu)))
        tot = mp.fsum(w)
        A = mp.fsum(w[: n - k + 1]) / tot
        U = mp.fsum(w[n - k + 1:]) / tot
        ff = w[n - k] / tot * k * M(lam)
        # mean first passage 0 -> n-k+1 via sum_j (sum_{i<=j} w_i) / (w_j lambda_j)
        acc, mttf = M(0), M(0)
        for j in range(n - k + 1):
            acc += w[j]
            mttf += acc / (w[j] * (n - j) * M(lam))
        mp.mp.dps = 50
    return A, U, ff, mttf


print("\n// repairableKOutOfN [k, n, rate, repairRate, crews] -> [A, U, failureFrequency, mttf]")
for k, n, lam, mu, c in [(1, 2, 1.0, 9.0, 1), (2, 3, 1e-3, 0.1, 1), (2, 3, 1e-3, 0.1, 3), (3, 5, 0.01, 1.0, 2), (1, 4, 1e-4, 1.0, 1),
                         (900, 1000, 1e-3, 0.1, 10), (1, 1000, 1.0, 1e-3, 1000), (1000, 1000, 1e-6, 1.0, 1), (5, 10, 1e3, 1e-3, 3)]:
    vals = koon_measures(k, n, lam, mu, c)
    print(f"  [[{k}, {n}, {lam!r}, {mu!r}, {c}], [{', '.join(repr(f(v)) for v in vals)}]],")

# ---- coverage
def dup_cov_Q(lam, c):
    lam, c = M(lam), M(c)
    return [[-2 * lam, 2 * lam * c, 2 * lam * (1 - c)], [0, -lam, lam], [0, 0, 0]]


def tmr_cov_Q(lam, c):
    lam, c = M(lam), M(c)
    return [[-3 * lam, 3 * lam * c, 3 * lam * (1 - c)], [0, -2 * lam, 2 * lam], [0, 0, 0]]


for name, Qf, cases in [("duplexCoverage", dup_cov_Q, [(1.0, 1.0, 1.0), (1.0, 0.9, 1.0), (1e-6, 0.999, 1.0), (1e-9, 1.0, 1.0), (1e3, 0.5, 1.0), (1.0, 0.0, 0.0), (1e-4, 0.99, 1e4)]),
                        ("tmrCoverage", tmr_cov_Q, [(1.0, 1.0, 1.0), (1.0, 0.5, 0.0), (1e-9, 1.0, 1.0), (1e-5, 0.999, 10.0), (1e3, 0.9, 1e-3), (0.1, 0.0, 50.0)])]:
    rR, rQ = [], []
    mp.mp.dps = 60
    for lam, c, t in cases:
        pr = expm_row(Qf(lam, c), t)
        rR.append(((lam, c, t), pr[0] + pr[1]))
        rQ.append(((lam, c, t), pr[2]))
    mp.mp.dps = 50
    out(name + "Reliability (mpmath.expm)", rR)
    out(name + "Unreliability (mpmath.expm)", rQ)
    rows = []
    for lam, c in [(1.0, 1.0), (1e-3, 0.9), (1e-9, 0.0), (1e3, 0.999)]:
        rows.append(((lam, c), mean_absorption(Qf(lam, c), [0, 1])[0]))
    out(name + "Mttf (absorption solve)", rows)

print("\n// repairableDuplexCoverage [rate, coverage, repairRate, restoreRate] -> [A, U, ff, mttf]")
for lam, c, mu, mu2 in [(1e-3, 1.0, 0.1, 0.1), (1e-3, 0.99, 0.1, 0.5), (1.0, 0.0, 1.0, 1.0), (1e-9, 0.999999, 1.0, 0.1), (1e3, 0.5, 1e-3, 1e3)]:
    lam_, c_, mu_, mu2_ = M(lam), M(c), M(mu), M(mu2)
    # states both, one, down
    Q = [[-2 * lam_, 2 * lam_ * c_, 2 * lam_ * (1 - c_)], [mu_, -(mu_ + lam_), lam_], [mu2_, 0, -mu2_]]
    pi = solve_steady(Q)
    Qa = [[-2 * lam_, 2 * lam_ * c_, 2 * lam_ * (1 - c_)], [mu_, -(mu_ + lam_), lam_], [0, 0, 0]]
    mttf = mean_absorption(Qa, [0, 1])[0]
    vals = [pi[0] + pi[1], pi[2], pi[2] * mu2_, mttf]
    print(f"  [[{lam!r}, {c!r}, {mu!r}, {mu2!r}], [{', '.join(repr(f(v)) for v in vals)}]],")

# ---- quadrature
mp.mp.dps = 40
print("\n// integrate / mttfFromReliability (mpmath.quad, 40 digits, or exact closed forms)")
print("  exp(-x) on [0, inf):", f(mp.quad(lambda x: mp.exp(-x), [0, mp.inf])))
print("  sin on [0, pi]: 2")
print("  1/sqrt(x) on [0, 1]:", f(mp.quad(lambda x: 1 / mp.sqrt(x), [0, 1])))
print("  exp(-x^2) on (-inf, inf): sqrt(pi) =", f(mp.sqrt(mp.pi)))
print("  1/(1+x^2) on (-inf, 0]: pi/2 =", f(mp.pi / 2))
print("  |x - 1/3| on [0, 1]:", f(mp.quad(lambda x: abs(x - M(1) / 3), [0, M(1) / 3, 1])))
print("  x^3 on [2, -1] (reversed):", f(mp.quad(lambda x: x**3, [2, -1])))
print("  weibull shape 0.5 scale 2: 2*Gamma(3) =", f(2 * mp.gamma(1 + 1 / M(0.5))), f(mp.quad(lambda t: mp.exp(-mp.sqrt(t / 2)), [0, 1, 100, mp.inf])))
print("  weibull shape 3 scale 1000: 1000*Gamma(4/3) =", f(1000 * mp.gamma(1 + 1 / M(3))), f(mp.quad(lambda t: mp.exp(-(t / 1000) ** 3), [0, 1000, 3000, mp.inf])))
s = M(1.5)
R_ln = lambda t: mp.ncdf(-(mp.log(t)) / s) if t > 0 else 1
print("  lognormal mu 0 sigma 1.5 sf: exp(s^2/2) =", f(mp.exp(s**2 / 2)), f(mp.quad(R_ln, [0, 1, 10, 100, 1e4, mp.inf])))
print("  exponential rate 1e-6:", 1e6, " rate 1e3:", f(1 / M(1e3)))
print("  TMR rate 1e-4: 5/(6e-4) =", f(M(5) / (6 * M(1e-4))))
R_kink = lambda t: (1 - t / 4) if t < 2 else mp.exp(-(t - 2)) / 2
print("  kink R = 1 - t/4 (t<2), exp(-(t-2))/2 after: 1.5 + 0.5 =", f(mp.quad(R_kink, [0, 2, mp.inf])))
print("  scale hint exp rate 1e-6 weibull shape 2 scale 1e6: 1e6*Gamma(1.5) =", f(M(10) ** 6 * mp.gamma(M(1.5))))
