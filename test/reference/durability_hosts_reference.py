"""Reference values for hosts in racks as failure domains (src/durability), independently of
relkit. Run: python3 test/reference/durability_hosts_reference.py (Python 3.11, mpmath 1.3.0,
scipy 1.17.1, numpy 2.4; a few minutes).

1. pi(a, b, s), the probability that a lost racks, b lost hosts (in the other racks) and s failed
   disks (in the other hosts) hold more than m chunks of a group, by brute-force enumeration of
   every placement of the group and every lost configuration on a small hierarchy (exact
   fractions): this checks the formula of docs/data-systems.md itself, not a second coding of it.
2. One group whose w chunks are in distinct hosts and racks: the full product chain of the w
   chunks (each chunk up, lost with its disk, unreadable or lost on its host, lost with its rack;
   not lumped by counts as relkit's chain is), absorbing at more than m chunks lost; MTTDL by an
   mpmath LU solve at 30 digits, loss probability by mpmath's expm. Unavailability at t and in
   the long run: each chunk's own chain (expm, and its stationary vector), then the binomial tail
   of independent chunks.
3. The cluster's chain on (a racks lost, b hosts lost, j disks failed), from the formulas of
   docs/data-systems.md, with fixed generous bounds (beyond: loss), pi by exact fractions and
   the hazards at 30 digits, the hypergeometric shares by scipy; MTTDL by a sparse LU solve in
   double precision, loss probability by scipy's expm_multiply.
"""

from fractions import Fraction
from itertools import combinations, product
from math import comb

import numpy
from mpmath import mp, mpf, matrix, lu_solve, expm, log1p, expm1
from scipy.sparse import lil_matrix, csc_matrix
from scipy.sparse.linalg import spsolve, expm_multiply
from scipy.stats import hypergeom

mp.dps = 30


def show(label, value):
    print(f"{label} = {mp.nstr(mpf(value), 17)}")


# 1. pi(a, b, s) by brute force -------------------------------------------------------------


def brute_pi(D, R, H, w, m, placement, a, b, s):
    dH, hR = D // H, H // R
    host_of = lambda d: d // dH
    rack_of = lambda d: d // dH // hR
    disks = range(D)
    # every placement of a group: w distinct disks in distinct units
    unit = {"rack": rack_of, "host": host_of, "disk": lambda d: d}[placement]
    placements = [g for g in combinations(disks, w) if len({unit(d) for d in g}) == w]
    hits = Fraction(0)
    configs = 0
    for lost_racks in combinations(range(R), a):
        up_hosts = [h for h in range(H) if h // hR not in lost_racks]
        for lost_hosts in combinations(up_hosts, b):
            up_disks = [d for d in disks if host_of(d) in up_hosts and host_of(d) not in lost_hosts]
            for failed in combinations(up_disks, s):
                configs += 1
                fs = set(failed)
                for g in placements:
                    lost = sum(
                        1
                        for d in g
                        if rack_of(d) in lost_racks or host_of(d) in lost_hosts or d in fs
                    )
                    if lost > m:
                        hits += 1
    return hits / (configs * len(placements))


# 2. one group, full product chain ----------------------------------------------------------


def chunk_chain(lam, Tr, lamH=0, TH=1, host="none", lamR=0, TR=1):
    """States and moves of one chunk: (name, lost, readable), moves (from, to, rate)."""
    mu, muH, muR = 1 / mpf(Tr), 1 / mpf(TH), 1 / mpf(TR)
    names = ["U", "L"]
    moves = [("U", "L", lam), ("L", "U", mu)]
    if host == "out":
        names += ["A", "LA"]
        moves += [("U", "A", lamH), ("A", "U", muH), ("A", "LA", lam), ("LA", "A", mu),
                  ("L", "LA", lamH), ("LA", "L", muH)]
    if host == "loss":
        names += ["H"]
        moves += [("U", "H", lamH), ("L", "H", lamH), ("H", "U", muH)]
    if lamR:
        moves += [(n, "R", lamR) for n in names] + [("R", "U", muR)]
        names += ["R"]
    lost = {"U": False, "A": False, "L": True, "LA": True, "H": True, "R": True}
    readable = {n: n == "U" for n in names}
    return names, moves, lost, readable


def product_group(w, m, chunk, T):
    names, moves, lost, _ = chunk
    states = [st for st in product(names, repeat=w) if sum(lost[c] for c in st) <= m]
    idx = {st: i for i, st in enumerate(states)}
    n = len(states)
    Q = matrix(n + 1, n + 1)
    for st, i in idx.items():
        for pos in range(w):
            for a, b, r in moves:
                if st[pos] != a or r == 0:
                    continue
                nxt = st[:pos] + (b,) + st[pos + 1:]
                Q[i, idx.get(nxt, n)] += r
        Q[i, i] = -sum(Q[i, j] for j in range(n + 1) if j != i)
    A = matrix(n, n)
    for i in range(n):
        for j in range(n):
            A[j, i] = -Q[i, j]
    e0 = matrix(n, 1)
    e0[idx[("U",) * w]] = 1
    tau = lu_solve(A, e0)
    mttdl = sum(tau[i] for i in range(n))
    P = expm(Q * T)
    return mttdl, P[idx[("U",) * w], n], n


def chunk_unreadable(chunk, T):
    names, moves, _, readable = chunk
    k = len(names)
    Q = matrix(k, k)
    for a, b, r in moves:
        Q[names.index(a), names.index(b)] += r
    for i in range(k):
        Q[i, i] = -sum(Q[i, j] for j in range(k) if j != i)
    P = expm(Q * T)
    at_t = 1 - P[0, names.index("U")]
    # stationary: pi Q = 0, sum pi = 1
    A = matrix(k, k)
    for i in range(k):
        for j in range(k):
            A[j, i] = Q[i, j]
    for i in range(k):
        A[k - 1, i] = 1
    rhs = matrix(k, 1)
    rhs[k - 1] = 1
    pi = lu_solve(A, rhs)
    return at_t, 1 - pi[names.index("U")]


def binomial_tail(w, m, q):
    return sum(comb(w, i) * q**i * (1 - q) ** (w - i) for i in range(m + 1, w + 1))


# 3. the cluster chain on (a, b, j) ---------------------------------------------------------


def hyp_frac(N, K, n, i):
    if i < 0 or i > K or i > n or K - i > N - n:
        return Fraction(0)
    return Fraction(comb(K, i) * comb(N - K, n - i), comb(N, n))


def pi_formula(D, R, H, w, m, placement, a, b, s):
    dR, dH, hR = D // R, D // H, H // R
    Hup, Dup = (R - a) * hR, (R - a) * dR
    N = Dup - b * dH
    total = Fraction(0)
    for x in range(w + 1):
        px = {"rack": hyp_frac(R, w, a, x), "host": hyp_frac(H, w, a * hR, x),
              "disk": hyp_frac(D, w, a * dR, x)}[placement]
        if px == 0:
            continue
        for y in range(w - x + 1):
            py = hyp_frac(Dup, w - x, b * dH, y) if placement == "disk" else hyp_frac(Hup, w - x, b, y)
            if py == 0:
                continue
            tail = sum(hyp_frac(N, w - x - y, s, z) for z in range(m + 1 - x - y, w - x - y + 1))
            total += px * py * tail
    return total


def cluster(D, P, w, m, lam, Tr, R, H, placement, lamR, TR, lamH, TH, T, amax, bmax, jmax):
    dR, dH, hR = D // R, D // H, H // R
    mu, muR, muH = 1 / Tr, 1 / TR, 1 / TH
    cache = {}

    def log_u(a, b, s):
        key = (a, b, s)
        if key not in cache:
            pi = pi_formula(D, R, H, w, m, placement, a, b, s)
            cache[key] = None if pi >= 1 else P * log1p(-mpf(pi.numerator) / pi.denominator)
        return cache[key]

    def hz(src, dst):
        nxt = log_u(*dst)
        if nxt is None:
            return 1.0
        return float(max(mpf(0), -expm1(nxt - log_u(*src))))

    states = [(a, b, j) for a in range(amax + 1) for b in range(bmax + 1) for j in range(jmax + 1)
              if (R - a) * hR - b > 0 and j <= ((R - a) * hR - b) * dH and log_u(a, b, j) is not None]
    idx = {st: i for i, st in enumerate(states)}
    n = len(states)
    Q = lil_matrix((n + 1, n + 1))

    def move(i, src, dst, rate, h):
        if rate == 0:
            return
        if dst not in idx or h >= 1:
            Q[i, n] += rate
            return
        Q[i, n] += rate * h
        Q[i, idx[dst]] += rate * (1 - h)

    for (a, b, j), i in idx.items():
        Hup = (R - a) * hR
        N = (Hup - b) * dH
        src = (a, b, j)
        move(i, src, (a, b, j + 1), (N - j) * lam, hz(src, (a, b, j + 1)) if (a, b, j + 1) in idx else 1)
        if j > 0:
            Q[i, idx[(a, b, j - 1)]] += j * mu
        if a > 0:
            move(i, src, (a - 1, b, j), a * muR, 0)
        if b > 0:
            move(i, src, (a, b - 1, j), b * muH, 0)
        if lamH:
            for k in range(0, min(j, dH) + 1):
                share = hypergeom.pmf(k, N, dH, j)
                dst = (a, b + 1, j - k)
                move(i, src, dst, (Hup - b) * lamH * share, hz(src, dst) if dst in idx else 1)
        if lamR:
            for y in range(0, min(b, hR) + 1):
                ly = hypergeom.pmf(y, Hup, hR, b)
                if ly == 0:
                    continue
                K = (hR - y) * dH
                for k in range(0, min(j, K) + 1):
                    share = ly * hypergeom.pmf(k, N, K, j)
                    dst = (a + 1, b - y, j - k)
                    move(i, src, dst, (R - a) * lamR * share, hz(src, dst) if dst in idx else 1)
    Q = Q.tocsr()
    diag = numpy.asarray(Q.sum(axis=1)).ravel()
    Q = lil_matrix(Q)
    for i in range(n):
        Q[i, i] = -diag[i]
    Q = csc_matrix(Q)
    QTT = Q[:n, :n]
    e0 = numpy.zeros(n)
    e0[idx[(0, 0, 0)]] = 1
    tau = spsolve(csc_matrix(-QTT.T), e0)
    p0 = numpy.zeros(n + 1)
    p0[idx[(0, 0, 0)]] = 1
    pt = expm_multiply(Q.T * T, p0)
    return tau.sum(), pt[n], n


if __name__ == "__main__":
    # 1. 12 disks in 3 racks of 2 hosts of 2 disks; groups of 3 tolerating 1
    for placement, a, b, s in [("rack", 1, 1, 1), ("host", 1, 1, 1), ("host", 0, 2, 1),
                               ("disk", 1, 1, 1), ("disk", 0, 1, 2)]:
        brute = brute_pi(12, 3, 6, 3, 1, placement, a, b, s)
        formula = pi_formula(12, 3, 6, 3, 1, placement, a, b, s)
        assert brute == formula, (placement, a, b, s, brute, formula)
        print(f"pi(D=12, R=3, H=6, w=3, m=1, {placement}, a={a}, b={b}, s={s}) = {brute} = {float(brute)!r}")

    # 2. one group of 3 (tolerating 2) and of 4 (tolerating 1), accelerated rates
    lam, Tr, lamH, TH, lamR, TR, T = mpf("1e-3"), mpf("0.5"), mpf("1e-3"), 2, mpf("1e-3"), 2, 20
    for w, m in [(3, 2), (4, 1)]:
        mttdl, p, n = product_group(w, m, chunk_chain(lam, Tr, lamH, TH, "loss", lamR, TR), T)
        show(f"group w={w} m={m} hosts lose data, racks shocks: product states={n} mttdl", mttdl)
        show(f"group w={w} m={m} hosts lose data, racks shocks: loss(20)", p)
    # outages: loss figures as without hosts; unavailability
    lamH, TH = mpf("0.05"), mpf("0.5")
    out = chunk_chain(lam, Tr, lamH, TH, "out", lamR, TR)
    plain = chunk_chain(lam, Tr, 0, 1, "none", lamR, TR)
    for w, m in [(3, 2), (4, 1)]:
        mttdl, p, n = product_group(w, m, out, T)
        mttdl0, p0, _ = product_group(w, m, plain, T)
        assert abs(mttdl / mttdl0 - 1) < mpf(10) ** -20 and abs(p / p0 - 1) < mpf(10) ** -20
        show(f"group w={w} m={m} host outages, rack shocks: product states={n} mttdl", mttdl)
        show(f"group w={w} m={m} host outages, rack shocks: loss(20)", p)
        q_t, q_inf = chunk_unreadable(out, T)
        show(f"group w={w} m={m} host outages, rack shocks: unavailability(20)", binomial_tail(w, m, q_t))
        show(f"group w={w} m={m} host outages, rack shocks: steady unavailability", binomial_tail(w, m, q_inf))
    # the outage study of the simulation check: no rack shocks
    out = chunk_chain(lam, Tr, lamH, TH, "out")
    q_t, q_inf = chunk_unreadable(out, T)
    show("group w=3 m=2 host outages only: unavailability(20) x 1e6", binomial_tail(3, 2, q_t) * 10**6)
    show("group w=3 m=2 host outages only: steady unavailability", binomial_tail(3, 2, q_inf))

    # 3. cluster chains of the simulation check: 10^4 disks, 50 racks, 500 hosts, 10^6 groups
    D, P, R, H = 10000, 10**6, 50, 500
    for label, w, m, lam_, placement, lamR_, lamH_, bmax, jmax in [
        ("3-way rack-aware, hosts lose data", 3, 2, 1e-3, "rack", 0, 1e-3, 12, 40),
        ("3-way rack-aware, hosts lose data, rack shocks", 3, 2, 1e-3, "rack", 1e-3, 1e-3, 12, 40),
        ("3-way on disks, hosts lose data", 3, 2, 1e-3, "disk", 0, 2e-4, 8, 30),
    ]:
        amax = 5 if lamR_ else 0
        mttdl, p, n = cluster(D, P, w, m, lam_, 0.5, R, H, placement, lamR_, 2, lamH_, 2, 20,
                              amax, bmax, jmax)
        print(f"cluster {label}: states={n} mttdl = {mttdl!r}, loss(20) = {p!r}")

    # models/durability examples -------------------------------------------------------------
    # accelerated-hosts-3way.yaml: the first cluster above; its group (no rack shocks)
    mttdl, p, n = product_group(3, 2, chunk_chain(mpf("1e-3"), mpf("0.5"), mpf("1e-3"), 2, "loss"), 20)
    show("accelerated-hosts-3way group mttdl", mttdl)
    show("accelerated-hosts-3way expected groups lost(20)", p * 10**6)
    # hosts-racks-3way.yaml: replication-3way.yaml with 500 hosts of 20 disks losing their data
    # once in 5e4 h, re-created in 20 x 2/3 h
    lam, Tr, TR, TH = 1 / mpf(10**6), mpf(2) / 3, mpf(400) / 3, mpf(40) / 3
    chunk = chunk_chain(lam, Tr, 1 / mpf(5 * 10**4), TH, "loss", 1 / mpf(10**5), TR)
    mttdl, p, n = product_group(3, 2, chunk, 8760)
    show("hosts-racks-3way group mttdl", mttdl)
    show("hosts-racks-3way group loss(8760)", p)
    show("hosts-racks-3way expected groups lost(8760)", p * 10**6)
    mttdl, p, n = cluster(10000, 10**6, 3, 2, 1e-6, 2 / 3, 50, 500, "rack", 1e-5, 400 / 3, 2e-5,
                          40 / 3, 8760, 6, 10, 18)
    print(f"hosts-racks-3way cluster: states={n} mttdl = {mttdl!r}, loss(8760) = {p!r}")
    # host-outages-8-3.yaml: 8+3 on the disks of erasure-8-3.yaml in 500 hosts of 50 racks (no
    # rack shocks), host outages once in 2000 h per host, back in 0.5 h: unavailability of
    # independent chunks; loss figures of the group without outages (they lose nothing), by the
    # first-passage sum of durability_reference.py
    chunk = chunk_chain(lam, Tr, 1 / mpf(2000), mpf("0.5"), "out")
    q_t, q_inf = chunk_unreadable(chunk, 8760)
    show("host-outages-8-3 group unavailability(8760)", binomial_tail(11, 3, q_t))
    show("host-outages-8-3 group steady unavailability", binomial_tail(11, 3, q_inf))
    show("host-outages-8-3 expected groups unavailable(8760)", binomial_tail(11, 3, q_t) * 10**6)
    import durability_reference

    mttdl, p = durability_reference.group(11, 3, lam, Tr, 8760)
    show("host-outages-8-3 group mttdl", mttdl)
    show("host-outages-8-3 group loss(8760)", p)
