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
Racks (R of d = D/R disks, shocks at lamR per rack losing all its disks' data, restores at
muR): pi(a, s) = sum_x P(X = x) P(Hyp(D - a d, w - x, s) >= m + 1 - x), X ~ Hyp(R, w, a)
(rack-aware placement) or Hyp(D, w, a d) (distinct disks only), exact fractions; the chain on
(a, j) with fixed bounds a <= amax, j <= jmax (beyond: loss), shocks to (a + 1, j - k) with
k ~ Hyp((R - a) d, d, j), restores to (a - 1, j), each transition losing data with probability
max(0, 1 - u_new / u_old). The rack-aware group: chain on (i, k), chunks
lost with their disk and with their rack.
Run: python3 test/reference/durability_reference.py (about 12 minutes: the 549-state chains) (mpmath 1.3.0, scipy 1.17.1, Python 3.11).
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


def hyp(N, K, n, i):
    """P(i of K marked among n drawn from N), an exact fraction."""
    if i < 0 or i > K or i > n or K - i > N - n:
        return Fraction(0)
    return Fraction(comb(K, i) * comb(N - K, n - i), comb(N, n))


def domain_cover(D, w, m, R, placement, a, s):
    d = D // R
    total = Fraction(0)
    for x in range(w + 1):
        px = hyp(R, w, a, x) if placement == "rack" else hyp(D, w, a * d, x)
        if px == 0:
            continue
        if x > m:
            total += px
            continue
        total += px * sum(hyp(D - a * d, w - x, s, y) for y in range(m + 1 - x, min(w - x, s) + 1))
    return total


def solve_graph(n, trans, loss, T, double_expm):
    """Chain with transient states 0..n-1 (start 0) and loss state n."""
    Q = matrix(n + 1, n + 1)
    for (i, j), r in trans.items():
        Q[i, j] += r
    for i in range(n):
        Q[i, n] += loss[i]
    for i in range(n):
        Q[i, i] = -sum(Q[i, j] for j in range(n + 1) if j != i)
    A = matrix(n, n)
    for i in range(n):
        for j in range(n):
            A[j, i] = -Q[i, j]
    e0 = matrix(n, 1)
    e0[0] = 1
    tau = lu_solve(A, e0)
    mttdl = sum(tau[i] for i in range(n))
    if double_expm:
        import numpy
        from scipy.linalg import expm as expm_double

        Qd = numpy.array([[float(Q[i, j]) for j in range(n + 1)] for i in range(n + 1)])
        return mttdl, mpf(expm_double(Qd * float(T))[0, n])
    return mttdl, expm(Q * T)[0, n]


def rack_cluster(D, P, w, m, lam, Tr, R, placement, lamR, TR, T, amax, jmax, double_expm=False):
    """The (a, j) chain with fixed generous bounds a <= amax, j <= jmax (beyond: loss)."""
    d = D // R
    mu, muR = 1 / mpf(Tr), 1 / mpf(TR)
    cache = {}

    def log_u(a, s):
        if (a, s) not in cache:
            pi = domain_cover(D, w, m, R, placement, a, s) if a > 0 else cover_probability(D, w, m, s)
            cache[(a, s)] = None if pi >= 1 else P * log1p(-mpf(pi.numerator) / pi.denominator)
        return cache[(a, s)]

    def h(a, s, a2, s2):
        nxt = log_u(a2, s2)
        # clamped at 0: a shock can gather failed disks into a lost rack that holds fewer chunks
        # of one group than the same disks scattered (docs/data-systems.md)
        return mpf(1) if nxt is None else max(mpf(0), -expm1(nxt - log_u(a, s)))

    states = [(a, j) for a in range(amax + 1) for j in range(jmax + 1) if log_u(a, j) is not None]
    idx = {st: i for i, st in enumerate(states)}
    trans, loss = {}, [mpf(0)] * len(states)

    def move(i, target, rate, hz):
        if rate == 0:
            return
        if target not in idx or hz >= 1:
            loss[i] += rate
            return
        loss[i] += rate * hz
        trans[(i, idx[target])] = trans.get((i, idx[target]), 0) + rate * (1 - hz)

    for (a, j), i in idx.items():
        upd = D - a * d
        move(i, (a, j + 1), (upd - j) * lam, h(a, j, a, j + 1) if (a, j + 1) in idx else 1)
        if j > 0:
            trans[(i, idx[(a, j - 1)])] = j * mu
        if a > 0:
            move(i, (a - 1, j), a * muR, 0)
        shocks = (R - a) * lamR
        for k in range(0, min(j, d) + 1):
            share = hyp(upd, d, j, k)
            if share == 0:
                continue
            tgt = (a + 1, j - k)
            rate = shocks * mpf(share.numerator) / share.denominator
            move(i, tgt, rate, h(a, j, a + 1, j - k) if tgt in idx else 1)
    return solve_graph(len(states), trans, loss, T, double_expm) + (len(states),)


def rack_group(w, m, lam, Tr, lamR, TR, T):
    """One rack-aware group: (i, k) chunks lost with their disk, with their rack."""
    mu, muR = 1 / mpf(Tr), 1 / mpf(TR)
    states = [(i, k) for i in range(m + 1) for k in range(m + 1) if i + k <= m]
    idx = {st: n for n, st in enumerate(states)}
    trans, loss = {}, [mpf(0)] * len(states)
    for (i, k), n in idx.items():
        u = w - i - k
        for tgt, rate in [((i + 1, k), u * lam), ((i, k + 1), u * lamR), ((i - 1, k + 1), i * lamR),
                          ((i - 1, k), i * mu), ((i, k - 1), k * muR)]:
            if rate == 0:
                continue
            if tgt in idx:
                trans[(n, idx[tgt])] = trans.get((n, idx[tgt]), 0) + rate
            else:
                loss[n] += rate
    return solve_graph(len(states), trans, loss, T, False)


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
    # racks (test/durability/durability.test.ts): 50 racks of 200 disks, rack shocks at 0.004/h,
    # restores in 2 h, disks as above at 1e-3/h with rebuilds of 0.5 h, mission 20 h
    mp.dps = 30
    for placement, jmax in [("rack", 60), ("disk", 60)]:
        mttdl, p, n = rack_cluster(10000, 10**6, 3, 2, mpf("1e-3"), mpf("0.5"), 50, placement,
                                   mpf("0.004"), 2, 20, 8, jmax, True)
        show(f"racks {placement} w=3 m=2 accelerated cluster states={n} mttdl", mttdl)
        show(f"racks {placement} w=3 m=2 accelerated cluster loss(20)", p)
    gm, gp = rack_group(3, 2, mpf("1e-3"), mpf("0.5"), mpf("0.004"), 2, 20)
    show("racks rack w=3 m=2 accelerated group mttdl", gm)
    show("racks rack w=3 m=2 accelerated expected groups lost(20)", gp * 10**6)
    # models/durability examples with racks: 50 racks of 200 disks, rack-aware placement, shocks
    # losing a rack's data every 10^5 h per rack, restore 200 x 2/3 h; chain bounds a <= 5, j <= 12
    for w, m in [(3, 2), (11, 3)]:
        lam, Tr, TR = 1 / mpf(10**6), mpf(2) / 3, mpf(400) / 3
        gm, gp = rack_group(w, m, lam, Tr, 1 / mpf(10**5), TR, 8760)
        show(f"rack example w={w} m={m} group mttdl", gm)
        show(f"rack example w={w} m={m} group loss(8760)", gp)
        show(f"rack example w={w} m={m} expected groups lost(8760)", gp * 10**6)
        mttdl, p, n = rack_cluster(10000, 10**6, w, m, lam, Tr, 50, "rack", 1 / mpf(10**5), TR, 8760, 5, 12)
        show(f"rack example w={w} m={m} cluster states={n} mttdl", mttdl)
        show(f"rack example w={w} m={m} cluster loss(8760)", p)
