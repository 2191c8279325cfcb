"""Reference values for latent sector errors found by scrubbing (src/durability), independently
of relkit. Run: python3 test/reference/durability_latent_reference.py (Python 3.11, mpmath 1.3.0;
about a minute).

p_bar(x) = 1 - (1 - exp(-x)) / x, x = lam_c * T: the long-run probability that a chunk with
latent errors at lam_c holds one not yet found by a deterministic scrub every T, read at a
uniformly random phase (the age since the last scrub uniform on [0, T)): checked here against the
direct average (1/T) int_0^T (1 - exp(-lam_c a)) da by mpmath quadrature. A disk's errors (lam_L)
fall on its chunks alike: lam_c = lam_L / (1 + X), X ~ Binomial(P - 1, w / D) the other chunks on
the disk, and the chunk's probability is the average of p_bar over X.
q = 1 - (1 - that average)^(w - m).

Group: the birth-death chain of the lost chunks with the rebuild out of m split, m -> m - 1 at
min(m, c) mu (1 - q), m -> loss at min(m, c) mu q + (w - m) lam; MTTDL by the first-passage sum
and an LU solve at 40 digits, loss probability by mpmath's expm.

Cluster: the chain on the disks failed at once of durability_reference.py, its rebuild j -> j - 1
losing data with probability 1 - (1 - q Hyp(D - 1, w - 1, j - 1, m - 1))^(P w / D) (exact
fractions for the hypergeometric terms), solved at 40 digits with a generous fixed bound (200 disks failed at once; about 30 are, on average).
"""

from fractions import Fraction
from math import comb

from mpmath import mp, mpf, matrix, lu_solve, expm, exp, quad, log1p, expm1

import durability_reference as base

mp.dps = 40


def p_bar(lam_c, T):
    x = lam_c * T
    closed = 1 - (1 - exp(-x)) / x
    direct = quad(lambda a: 1 - exp(-lam_c * a), [0, T]) / T
    assert abs(closed / direct - 1) < mpf(10) ** -25
    return closed


def p_bar_closed(lam_c, T):
    x = lam_c * T
    return 1 - (1 - exp(-x)) / x


def p_bar_placed(D, P, w, lamL, T):
    """A chunk sharing its disk with X other chunks gets lamL / (1 + X) of the disk's errors;
    X ~ Binomial(P - 1, w / D) (each other group puts a chunk on the disk with probability w/D).
    The pmf from mpmath's binomial coefficients, over the whole support when it is small, else
    over the mean +- 60 standard deviations (the rest below 1e-700)."""
    n = P - 1
    pi = mpf(w) / D
    if n == 0:
        return p_bar(lamL, T)
    mean = n * pi
    sd = mp.sqrt(n * pi * (1 - pi))
    lo = 0 if n <= 5000 else max(0, int(mean - 60 * sd))
    hi = n if n <= 5000 else min(n, int(mean + 60 * sd) + 1)
    total = mpf(0)
    mass = mpf(0)
    for k in range(lo, hi + 1):
        pmf = mp.binomial(n, k) * pi**k * (1 - pi) ** (n - k)
        mass += pmf
        total += pmf * p_bar_closed(lamL / (1 + k), T)
    assert abs(mass - 1) < mpf(10) ** -30
    return total


def q_of(D, P, w, m, lamL, T):
    return 1 - (1 - p_bar_placed(D, P, w, lamL, T)) ** (w - m)


def solve(up, down, loss, T):
    n = len(up)
    Q = matrix(n + 1, n + 1)
    for j in range(n):
        if up[j]:
            Q[j, j + 1] += up[j]
        if down[j]:
            Q[j, j - 1] += down[j]
        Q[j, n] += loss[j]
        Q[j, j] = -(up[j] + down[j] + loss[j])
    A = matrix(n, n)
    for i in range(n):
        for j in range(n):
            A[j, i] = -Q[i, j]
    e0 = matrix(n, 1)
    e0[0] = 1
    tau = lu_solve(A, e0)
    return sum(tau), expm(Q * T)[0, n]


def group(w, m, lam, Tr, q, T):
    mu = 1 / mpf(Tr)
    up = [(w - i) * lam if i < m else 0 for i in range(m + 1)]
    down = [i * mu * ((1 - q) if i == m else 1) for i in range(m + 1)]
    loss = [((w - m) * lam + m * mu * q) if i == m else 0 for i in range(m + 1)]
    # first passage: T_i = 1/b_i + (d_i/b_i) T_{i-1}, b_i all rates out of i but down
    t_prev, total = mpf(0), mpf(0)
    for i in range(m + 1):
        b = up[i] + loss[i]
        t_i = 1 / b + (down[i] / b) * t_prev
        total += t_i
        t_prev = t_i
    mttdl, p = solve(up, down, loss, T)
    assert abs(mttdl / total - 1) < mpf(10) ** -25
    return mttdl, p


def cluster(D, P, w, m, lam, Tr, q, T, jmax):
    mu = 1 / mpf(Tr)
    up, down, loss = [], [], []
    log_u = mpf(0)
    for j in range(jmax + 1):
        pi = base.cover_probability(D, w, m, j + 1)
        nxt = P * log1p(-mpf(pi.numerator) / pi.denominator)
        h = -expm1(nxt - log_u)
        f = (D - j) * lam
        crit = Fraction(comb(w - 1, m - 1) * comb(D - w, j - 1 - (m - 1)), comb(D - 1, j - 1)) if j >= 1 and j - 1 >= m - 1 else Fraction(0)
        hl = -expm1(mpf(P * w) / D * log1p(-q * mpf(crit.numerator) / crit.denominator))
        rebuild = j * mu
        up.append(f * (1 - h) if j < jmax else 0)
        down.append(rebuild * (1 - hl))
        loss.append(f * h + rebuild * hl if j < jmax else f + rebuild * hl)
        log_u = nxt
    return solve(up, down, loss, T)


if __name__ == "__main__":
    # RAID 5 of 5 disks (one group): lam 0.002/h, rebuild 2 h, latent errors 0.05/h per disk,
    # a scrub every 10 h, mission 50 h
    q = q_of(5, 1, 5, 1, mpf("0.05"), 10)
    mttdl, p = group(5, 1, mpf("0.002"), 2, q, 50)
    print(f"raid5 latent q = {mp.nstr(q, 17)}")
    print(f"raid5 latent group mttdl = {mp.nstr(mttdl, 17)}, loss(50) = {mp.nstr(p, 17)}")
    # models/durability/raid5-latent-errors.yaml: RAID 5 of 8 disks, disk mttf 10^6 h, rebuild
    # 24 h, latent errors 1e-5/h per disk, a scrub every 336 h, mission 8760 h
    q = q_of(8, 1, 8, 1, mpf("1e-5"), 336)
    mttdl, p = group(8, 1, 1 / mpf(10**6), 24, q, 8760)
    print(f"raid5-latent-errors q = {mp.nstr(q, 17)}")
    print(f"raid5-latent-errors group mttdl = {mp.nstr(mttdl, 17)}, loss(8760) = {mp.nstr(p, 17)}")
    mttdl, p = group(8, 1, 1 / mpf(10**6), 24, 0, 8760)
    print(f"raid5-latent-errors without latent errors: mttdl = {mp.nstr(mttdl, 17)}, loss(8760) = {mp.nstr(p, 17)}")
    # the accelerated 3-way cluster: 10^4 disks, 10^6 groups, lam 3e-3/h, rebuild 1 h, latent
    # errors 0.2/h per disk, a scrub every 10 h, mission 20 h
    q = q_of(10000, 10**6, 3, 2, mpf("0.2"), 10)
    mttdl, p = group(3, 2, mpf("3e-3"), 1, q, 20)
    print(f"accelerated 3-way latent q = {mp.nstr(q, 17)}")
    print(f"accelerated 3-way latent group mttdl = {mp.nstr(mttdl, 17)}, expected groups lost(20) = {mp.nstr(p * 10**6, 17)}")
    # one mirror group on 20 disks (its chunks have their disks to themselves): the figures of
    # the same group on 2 disks; lam 1e-4/h, rebuild 10 h, latent errors 1e-3/h, scrub 100 h
    for D in (2, 20):
        q1 = q_of(D, 1, 2, 1, mpf("1e-3"), 100)
        mttdl1, p1 = group(2, 1, mpf("1e-4"), 10, q1, 1000)
        print(f"mirror on {D} disks q = {mp.nstr(q1, 17)}, mttdl = {mp.nstr(mttdl1, 17)}, loss(1000) = {mp.nstr(p1, 17)}")
    # 100 mirror groups on 1000 disks (about 0.2 other chunks per disk): lam 1e-3, latent 2e-3/h,
    # scrub 200 h
    print(f"100 mirrors on 1000 disks q = {mp.nstr(q_of(1000, 100, 2, 1, mpf('2e-3'), 200), 17)}")
    mp.dps = 30
    mttdl, p = cluster(10000, 10**6, 3, 2, mpf("3e-3"), 1, q, 20, 200)
    print(f"accelerated 3-way latent cluster mttdl = {mp.nstr(mttdl, 17)}, loss(20) = {mp.nstr(p, 17)}")
