"""Reference values for the durability measures (src/durability), by mpmath at 60 digits and
exact rationals, independently of relkit.

Group (one stripe or one array): birth-death chain on the lost chunks i = 0..m, i -> i+1 at
(w - i) lam, i -> i-1 at min(i, c) mu, m -> loss at (w - m) lam. MTTDL by the first-passage sum
T_0 = 1/b_0, T_i = 1/b_i + (d_i / b_i) T_{i-1}, MTTDL = sum T_i (b_i the rate out of i upward,
loss included; d_i the rate down), checked against a linear solve of tau (-Q_TT) = e_0 and, for
RAID 5, against the textbook (2n - 1) lam + mu over n (n - 1) lam^2 (Patterson, Gibson, Katz
1988). Loss probability by the matrix exponential of the generator (mpmath expm).

Cluster (the combinatorial model): pi_s = P(Hypergeometric(D, w, s) >= m + 1) as an exact
fraction (math.comb), u_s = (1 - pi_s)^P, h_s = 1 - u_s / u_{s-1} at 60 digits; chain on the
disks failed at once j = 0..J: j -> j+1 at (D - j) lam (1 - h_{j+1}), j -> loss at
(D - j) lam h_{j+1}, j -> j-1 at min(j, c) mu. J: the first j with h_{j+1} = 1 to 40 digits or
with w_j up_j < 1e-45 of the loss flow (a longer chain than relkit's 1e-15 cut). MTTDL by a
linear solve; loss probability by expm (scipy's, in double precision, for the accelerated
chains of the simulation check, whose loss probabilities are not small).
Run: python3 test/reference/durability_reference.py (mpmath 1.3.0, scipy 1.17.1, Python 3.11).
"""

from fractions import Fraction
from math import comb

from mpmath import mp, mpf, matrix, lu_solve, expm, log1p, expm1

mp.dps = 60


def cover_probability(D, w, m, s):
    total = sum(comb(w, i) * comb(D - w, s - i) for i in range(m + 1, min(w, s) + 1))
    return Fraction(total, comb(D, s))


def solve_chain(up, down, loss, T, double_expm=False):
    n = len(up)
    Q = matrix(n + 1, n + 1)
    for j in range(n):
        if up[j] > 0:
            Q[j, j + 1] += up[j]
        if down[j] > 0:
            Q[j, j - 1] += down[j]
        if loss[j] > 0:
            Q[j, n] += loss[j]
        Q[j, j] = -(up[j] + down[j] + loss[j])
    # tau (-Q_TT) = e_0  <=>  (-Q_TT)^T tau^T = e_0
    A = matrix(n, n)
    for i in range(n):
        for j in range(n):
            A[j, i] = -Q[i, j]
    e0 = matrix(n, 1)
    e0[0] = 1
    tau = lu_solve(A, e0)
    mttdl = sum(tau[i] for i in range(n))
    if double_expm:  # scipy in float64: for the larger accelerated chains, loss probabilities ~0.1-1
        import numpy
        from scipy.linalg import expm as expm_double

        Qd = numpy.array([[float(Q[i, j]) for j in range(n + 1)] for i in range(n + 1)])
        return mttdl, mpf(expm_double(Qd * float(T))[0, n])
    P = expm(Q * T)
    return mttdl, P[0, n]


def group(w, m, lam, Tr, T, c=None):
    mu = 1 / mpf(Tr)
    up, down, loss = [], [], []
    for i in range(m + 1):
        up.append((w - i) * lam if i < m else mpf(0))
        loss.append((w - i) * lam if i == m else mpf(0))
        down.append(min(i, c if c else i) * mu)
    # first-passage sums
    t_prev, total = mpf(0), mpf(0)
    for i in range(m + 1):
        b = up[i] + loss[i]
        t_i = 1 / b + (down[i] / b) * t_prev
        total += t_i
        t_prev = t_i
    mttdl, p = solve_chain(up, down, loss, T)
    assert abs(mttdl / total - 1) < mpf(10) ** -(mp.dps // 2)
    return total, p


def cluster(D, P, w, m, lam, Tr, T, c=None, double_expm=False):
    mu = 1 / mpf(Tr)
    up, down, loss = [], [], []
    log_u = mpf(0)
    weight, flow = mpf(1), mpf(0)
    for j in range(D):
        pi = cover_probability(D, w, m, j + 1)
        next_log_u = P * log1p(-mpf(pi.numerator) / pi.denominator) if pi < 1 else None
        h = mpf(1) if next_log_u is None else -expm1(next_log_u - log_u)
        f = (D - j) * lam
        down.append(min(j, c if c else j) * mu)
        flow += weight * f * h
        if h >= 1 - mpf(10) ** -40 or (j > m and weight * f * (1 - h) < mpf(10) ** -45 * flow):
            up.append(mpf(0))
            loss.append(f)
            break
        up.append(f * (1 - h))
        loss.append(f * h)
        weight *= f * (1 - h) / (min(j + 1, c if c else j + 1) * mu)
        log_u = next_log_u
    mttdl, p = solve_chain(up, down, loss, T, double_expm)
    return mttdl, p, len(up)


def show(label, value):
    print(f"{label} = {mp.nstr(value, 17)}")


if __name__ == "__main__":
    for D, w, m, s in [(10, 3, 2, 3), (10000, 11, 3, 4), (10000, 3, 2, 30), (10000, 11, 3, 60)]:
        pi = cover_probability(D, w, m, s)
        show(f"coverProbability({D}, {w}, {m}, {s})", mpf(pi.numerator) / pi.denominator)
    lam, mu = mpf("1e-5"), mpf("0.1")
    textbook = ((2 * 4 - 1) * lam + mu) / (4 * 3 * lam**2)
    mttdl, p = group(4, 1, lam, 10, 8760)
    assert abs(mttdl / textbook - 1) < mpf(10) ** -30
    show("raid5 group mttdl", mttdl)
    show("raid5 group loss(8760)", p)
    for c in (None, 1):
        mttdl, p = group(8, 2, mpf("2e-6"), 24, 8760, c)
        show(f"raid6 c={c} group mttdl", mttdl)
        show(f"raid6 c={c} group loss(8760)", p)
    mttdl, p, n = cluster(20, 50, 3, 1, mpf("0.01"), 1, 10)
    show(f"small cluster (20 disks, 50 groups of 3, m=1) states={n} mttdl", mttdl)
    show("small cluster loss(10)", p)
    mttdl, p, n = cluster(20, 50, 3, 1, mpf("0.01"), 1, 10, 2)
    show(f"small cluster c=2 states={n} mttdl", mttdl)
    show("small cluster c=2 loss(10)", p)
    for w, m in [(3, 2), (11, 3)]:
        mttdl, p = group(w, m, mpf("1e-6"), 1, 8760)
        show(f"w={w} m={m} lam=1e-6 Tr=1 group mttdl", mttdl)
        show(f"w={w} m={m} lam=1e-6 Tr=1 group loss(8760) x 1e6", p * 10**6)
        mttdl, p, n = cluster(10000, 10**6, w, m, mpf("1e-6"), 1, 8760)
        show(f"w={w} m={m} lam=1e-6 Tr=1 cluster states={n} mttdl", mttdl)
        show(f"w={w} m={m} lam=1e-6 Tr=1 cluster loss(8760)", p)
    # models/durability examples: 10 000 disks, 10^6 groups, disk mttf 10^6 h, rebuild
    # 16 TB x 0.75 / (0.18 TB/h x 100) = 2/3 h, mission 8760 h
    for w, m in [(3, 2), (11, 3)]:
        lam, Tr = 1 / mpf(10**6), mpf(2) / 3
        mttdl, p = group(w, m, lam, Tr, 8760)
        show(f"example w={w} m={m} group mttdl", mttdl)
        show(f"example w={w} m={m} group loss(8760)", p)
        show(f"example w={w} m={m} expected groups lost(8760)", p * 10**6)
        mttdl, p, n = cluster(10000, 10**6, w, m, lam, Tr, 8760)
        show(f"example w={w} m={m} cluster states={n} mttdl", mttdl)
        show(f"example w={w} m={m} cluster loss(8760)", p)
    # accelerated clusters of the simulation check (test/durability/simulateCluster.test.ts)
    for w, m, lam in [(3, 2, "3e-3"), (11, 3, "2e-3")]:
        mttdl, p, n = cluster(10000, 10**6, w, m, mpf(lam), 1, 20, None, True)
        gm, gp = group(w, m, mpf(lam), 1, 20)
        show(f"accelerated w={w} m={m} lam={lam} cluster states={n} mttdl", mttdl)
        show(f"accelerated w={w} m={m} lam={lam} cluster loss(20)", p)
        show(f"accelerated w={w} m={m} lam={lam} expected groups lost(20)", gp * 10**6)
