"""Reference values for the quorum examples (models/quorum-store.yaml, models/raft-5.yaml), by
mpmath at 40 digits, independently of relkit.

quorum-store: 3 replicas, each failing at rate lam = 1/2000 per h and repaired at mu = 1/12
(unlimited crews: units independent); reads need 1 replica, writes all 3. A replica is down
with probability q = lam / (lam + mu); a k-of-3 quorum is down with
U = sum_{i < k} C(3, i) (1 - q)^i q^(3 - i), summed directly on the small side. Failure
frequency of k-of-n with independent units: w = C(n, k) (1 - q)^k q^(n - k) k lam (the states
with exactly k up, left when one of the k fails).

raft-5: 5 nodes (lam 1/4000, mu 1/24), one repair crew; the cluster commits while 3 of 5 are up.
Birth-death chain on the number failed j = 0..5: failure rate (5 - j) lam, repair rate mu (one
crew). Steady pi_j by the product form; U = sum_{j >= 3} pi_j; w = pi_2 * 3 lam; MTTF from all up
by the first-passage sums of the birth-death chain (solved as a linear system).
Run: python3 test/reference/quorum_reference.py
"""

from mpmath import mp, mpf, binomial, matrix, lu_solve

mp.dps = 40


def k_of_n(k, n, lam, mu):
    q = lam / (lam + mu)
    a = 1 - q
    down = sum(binomial(n, i) * a**i * q ** (n - i) for i in range(k))
    w = binomial(n, k) * a**k * q ** (n - k) * k * lam
    return down, w


def store():
    lam, mu = mpf(1) / 2000, mpf(1) / 12
    return {name: k_of_n(k, 3, lam, mu) for name, k in (("read", 1), ("write", 3))}


def raft():
    lam, mu, n, k = mpf(1) / 4000, mpf(1) / 24, 5, 3
    weights = [mpf(1)]
    for j in range(n):
        weights.append(weights[-1] * (n - j) * lam / mu)
    total = sum(weights)
    pi = [w / total for w in weights]
    U = sum(pi[j] for j in range(n - k + 1, n + 1))
    w = pi[n - k] * k * lam
    # MTTF from j = 0 to j = n - k + 1 (down): T_j = 1/r_j + (f_j T_{j+1} + m_j T_{j-1}) / r_j.
    m = n - k + 1
    A = matrix(m, m)
    rhs = matrix(m, 1)
    for j in range(m):
        f = (n - j) * lam
        r = f + (mu if j > 0 else 0)
        A[j, j] = r
        if j + 1 < m:
            A[j, j + 1] = -f
        if j > 0:
            A[j, j - 1] = -mu
        rhs[j] = 1
    T = lu_solve(A, rhs)
    return U, w, T[0]


if __name__ == "__main__":
    for name, (U, W) in store().items():
        print("store", name, "U", mp.nstr(U, 17), "w", mp.nstr(W, 17))
    U, w, mttf = raft()
    print("raft U", mp.nstr(U, 17), "w", mp.nstr(w, 17), "mttf", mp.nstr(mttf, 17))
