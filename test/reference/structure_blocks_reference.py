"""Reference values for test/structure/blocks.test.ts: collapsed series and k-out-of-n
blocks of 100 000 components, computed with mpmath at 40 significant digits from the very doubles
the test passes (q_i as JavaScript computes it, p_i = 1 - q_i rounded to a double), so the
references measure the algorithm, not the rounding of the inputs.

Series: P = prod p_i, F = 1 - prod (1 - q_i) (from q, as the code does), I_B(i) = prod_{j != i} p_j.
k-out-of-n: P = sum over sets S of failed members with |S| <= n - k of prod_S q_i prod_rest p_i,
F the same over |S| >= n - k + 1, by the recurrence on the number failed (every term kept);
I_B(i) = P(exactly n - k of the others fail).
Equal p: binomial sums, terms by their ratio from j = k, all in mpmath.

Run: python3 test/reference/structure_blocks_reference.py (python 3.11.7, mpmath 1.3.0), about 40 s.
"""

import mpmath
from mpmath import mp, mpf

mp.dps = 40
N = 100_000


def show(name, x):
    print(f"{name} = {mpmath.nstr(x, 17, min_fixed=0, max_fixed=0)}")


def failures(ps, qs, cap, absorbing):
    """Distribution of the number failed, 0..cap; the last state absorbs when `absorbing`."""
    d = [mpf(0)] * (cap + 1)
    d[0] = mpf(1)
    for p, q in zip(ps, qs):
        top = d[cap] + d[cap - 1] * q if absorbing else d[cap] * p + d[cap - 1] * q
        for c in range(cap - 1, 0, -1):
            d[c] = d[c] * p + d[c - 1] * q
        d[0] *= p
        d[cap] = top
    return d


# Series of N, q_i = 1e-9 (1 + (i mod 5)/5) in double arithmetic, p_i = 1 - q_i rounded.
q_double = [1e-9 * (1 + (i % 5) / 5) for i in range(N)]
ps = [mpf(1.0 - q) for q in q_double]
qs = [mpf(q) for q in q_double]
P = mpmath.fprod(ps)
show("series P", P)
show("series F", 1 - mpmath.fprod(1 - q for q in qs))
for i in (0, 4, 99_999):
    show(f"series I_B({i})", P / ps[i])

# 99 990-out-of-100 000, q_i = 1e-5 (1 + (i mod 7)/7).
K = 99_990
q_double = [1e-5 * (1 + (i % 7) / 7) for i in range(N)]
ps = [mpf(1.0 - q) for q in q_double]
qs = [mpf(q) for q in q_double]
d = failures(ps, qs, N - K + 1, True)
show("koon P", mpmath.fsum(d[: N - K + 1]))
show("koon F", d[N - K + 1])
for i in (0, 3, 99_999):
    show(f"koon I_B({i})", failures(ps[:i] + ps[i + 1 :], qs[:i] + qs[i + 1 :], N - K, False)[N - K])

# Equal p: 50 000-out-of-100 000 at p = 0.5 and 60 000-out-of-100 000 at p = 0.6 (q = 1 - p,
# exact in doubles for both).
for k, p_double in ((50_000, 0.5), (60_000, 0.6)):
    p = mpf(p_double)
    q = mpf(1.0 - p_double)
    pmf = lambda n, j: mpmath.binomial(n, j) * p**j * q ** (n - j)
    upper = mpf(0)
    term = pmf(N, k)
    for j in range(k, N + 1):
        upper += term
        term = term * (N - j) / (j + 1) * p / q
    lower = mpf(0)
    term = pmf(N, k - 1)
    for j in range(k - 1, -1, -1):
        lower += term
        term = term * j / (N - j + 1) * q / p
    show(f"equal k={k} P", upper)
    show(f"equal k={k} F", lower)
    show(f"equal k={k} I_B", pmf(N - 1, k - 1))

# Equal q = 1e-5: 99 990-out-of-100 000 by the binomial, failures F ~ Bin(N, q), with p = 1 - q
# exactly: the code's binomial path divides its terms by their total, which makes p + q = 1 whatever
# the rounding of the p passed (1 - 1e-5 in doubles is 4.5e-17 off, n times that is 4.5e-12).
# P = P(F <= 10), F = P(F >= 11), I_B = P(exactly 10 of the 99 999 others fail).
q_double = 1e-5
q = mpf(q_double)
p = 1 - q
fails = lambda n, j: mpmath.binomial(n, j) * q**j * p ** (n - j)
show("equal koon P", mpmath.fsum(fails(N, j) for j in range(N - K + 1)))
show("equal koon F", mpmath.fsum(fails(N, j) for j in range(N - K + 1, 60)))
show("equal koon I_B", fails(N - 1, N - K))
