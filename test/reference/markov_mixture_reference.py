"""Exact answers for chains with several closed classes and for seed 117207's MTTF (issue 12).

Everything here is exact rational arithmetic (fractions.Fraction), printed to 17 digits:

- closed forms for the long-run measures of differential-test seeds 10684 and 17443, whose
  standby blocks of units that are never repaired end down in one of several closed classes
  (which one depends on where a switch-over fails), so that the long run is that of the
  repairable units alone;
- the coverage pair (a repairable unit beside a non-repaired unit with coverage c), whose long
  run is a mix: the covered class with probability c, the lost system with 1 - c; checked
  against the chain solved by the fundamental matrix below;
- a hand chain whose absorption probabilities depend on the rates: h = alpha N R with the
  fundamental matrix N = (-Q_TT)^-1 by Gauss-Jordan on fractions, and each closed class's
  stationary vector from a rational solve of pi Q = 0;
- seed 117207's MTTF: R(t) expanded into a sum of exponentials c_k e^{-s_k t} (the separable
  coverage method; every unit exponential), MTTF = sum c_k / s_k.

Run: python3 test/reference/markov_mixture_reference.py  (python 3, standard library only;
2026-12-05). The values are pasted into test/markov/steadyMixture.test.ts and
test/analytic/solver/regressions.test.ts.
"""
from fractions import Fraction as F
import math


def show(name, value):
    print(f"{name} = {float(value)!r}" if isinstance(value, F) else f"{name} = {value!r}")


def measures(prefix, A, U, w):
    show(f"{prefix}_A", A)
    show(f"{prefix}_U", U)
    show(f"{prefix}_frequency", w)
    show(f"{prefix}_mtbf", 1 / w)
    show(f"{prefix}_mut", A / w)
    show(f"{prefix}_mdt", U / w)
    # nines = -log10 U from the exact fraction (numerator and denominator as integers).
    show(f"{prefix}_nines", -(math.log10(U.numerator) - math.log10(U.denominator)))


# Seed 10684: koon 1 of [standby of 4 cold c1 (never repaired), c0 (mttf 10600, mttr 3320)].
# The standby block ends down for good in every closed class, so A = MTTF/(MTTF + MTTR) of c0.
measures("seed10684", F(10600, 13920), F(3320, 13920), F(1, 13920))

# Seed 17443: parallel [2-of-2 c1 (rate 0.633, mttr 1e-4, own crews), series [standby of 2 c0
# never repaired, c2]]. The second branch ends down for good: A = a^2, a = mu/(l + mu);
# failure frequency by Birnbaum: 2 a (l mu/(l + mu)) = 2 l a^2.
l, mu = F("0.633"), 1 / F("0.0001")
a = mu / (l + mu)
measures("seed17443", a * a, 1 - a * a, 2 * l * a * a)


# ---- exact rational chain solver ----
def solve(matrix, rhs):
    """Gauss-Jordan on fractions: x with x M = rhs (row vector), M square."""
    n = len(matrix)
    # Solve M^T x^T = rhs^T.
    aug = [[matrix[j][i] for j in range(n)] + [rhs[i]] for i in range(n)]
    for c in range(n):
        p = next(r for r in range(c, n) if aug[r][c] != 0)
        aug[c], aug[p] = aug[p], aug[c]
        piv = aug[c][c]
        aug[c] = [v / piv for v in aug[c]]
        for r in range(n):
            if r != c and aug[r][c] != 0:
                f = aug[r][c]
                aug[r] = [x - f * y for x, y in zip(aug[r], aug[c])]
    return [aug[i][n] for i in range(n)]


def long_run(n, transitions, initial, up, classes):
    """The long-run distribution from `initial`: sum_c h_c pi_c, and A, U, frequency."""
    q = [[F(0)] * n for _ in range(n)]
    for i, j, r in transitions:
        q[i][j] += r
    closed = {s for c in classes for s in c}
    transient = [s for s in range(n) if s not in closed]
    # tau (-Q_TT) = alpha_T, then h_c = alpha(C_c) + sum_k tau_k q(k, C_c).
    m = [[(sum(q[i]) if i == j else -q[i][j]) for j in transient] for i in transient]
    tau = solve(m, [initial[i] for i in transient]) if transient else []
    h = [sum(initial[s] for s in c) + sum(t * sum(q[k][s] for s in c) for k, t in zip(transient, tau)) for c in classes]
    pi = [F(0)] * n
    for weight, c in zip(h, classes):
        # pi_c Q_cc = 0, sum = 1: replace the last equation by the normalisation.
        size = len(c)
        mat = [[(-sum(q[i]) if i == j else q[i][j]) for j in c] for i in c]
        for row in mat:
            row[-1] = F(1)
        x = solve(mat, [F(0)] * (size - 1) + [F(1)])
        for s, v in zip(c, x):
            pi[s] = weight * v
    A = sum(pi[i] for i in range(n) if up[i])
    U = sum(pi[i] for i in range(n) if not up[i])
    w = sum(pi[i] * q[i][j] for i in range(n) for j in range(n) if up[i] and not up[j])
    return h, A, U, w


# Coverage pair: parallel [a (rate 0.01, repair rate 1), b (rate 0.001, coverage 0.9, never
# repaired)]. States: 0 both up, 1 a down b up, 2 b lost covered a up, 3 b covered a down,
# 4 system lost (uncovered failure of b).
la, ma, lb, c = F("0.01"), F(1), F("0.001"), F("0.9")
pair = [
    (0, 1, la), (1, 0, ma), (0, 2, c * lb), (1, 3, c * lb), (0, 4, (1 - c) * lb),
    (1, 4, (1 - c) * lb), (2, 3, la), (3, 2, ma),
]
h, A, U, w = long_run(5, pair, [1, 0, 0, 0, 0], [1, 1, 1, 0, 0], [[2, 3], [4]])
assert h == [c, 1 - c]
assert A == c * ma / (la + ma) and w == c * la * ma / (la + ma) and U == 1 - A
show("coverage_pair_h_covered", h[0])
measures("coverage_pair", A, U, w)

# Hand chain: from 0 (up) to 1 (up) at 2, to 2 at 1 (class {2, 3}), to 4 at 3 (class {4, 5});
# from 1 back to 0 at 5 and to 4 at 0.5. Class {2 up, 3 down}: 2 -> 3 at 0.25, 3 -> 2 at 4.
# Class {4 up, 5 down}: 4 -> 5 at 0.5, 5 -> 4 at 2.
hand = [
    (0, 1, F(2)), (0, 2, F(1)), (0, 4, F(3)), (1, 0, F(5)), (1, 4, F(1, 2)),
    (2, 3, F(1, 4)), (3, 2, F(4)), (4, 5, F(1, 2)), (5, 4, F(2)),
]
h, A, U, w = long_run(6, hand, [1, 0, 0, 0, 0, 0], [1, 1, 1, 0, 1, 0], [[2, 3], [4, 5]])
show("hand_h_first", h[0])
show("hand_h_second", h[1])
measures("hand", A, U, w)
print("hand exact:", h, A, U, w)


# ---- seed 117207: MTTF of a non-repairable exponential system with coverage ----
def mul(p, q):
    out = {}
    for s1, c1 in p.items():
        for s2, c2 in q.items():
            out[s1 + s2] = out.get(s1 + s2, 0) + c1 * c2
    return {s: v for s, v in out.items() if v != 0}


def add(p, q, sign=1):
    out = dict(p)
    for s, v in q.items():
        out[s] = out.get(s, 0) + sign * v
    return {s: v for s, v in out.items() if v != 0}


def r(rate):  # e^{-rate t}
    return {rate: F(1)}


def f(rate):  # 1 - e^{-rate t}
    return {F(0): F(1), rate: F(-1)}


def covered(rate, cov):  # r + c f
    return add(r(rate), {k: cov * v for k, v in f(rate).items()})


l0, l1, l2, l3 = F("2.99e-8"), 1 / F(543000), 1 / F(10**9), F("1.03e-8")
l4, l5, l6, l7 = F("5.45e-7"), 1 / F(10**9), 1 / F(10**9), F("1.12e-7")
c1, c2 = F("0.9881"), F("0.99785")
# parallel [parallel [c4, c1], c0]: no uncovered failure, and not all failed.
par = add(covered(l1, c1), mul(mul(f(l4), {k: c1 * v for k, v in f(l1).items()}), f(l0)), -1)
# koon 1 of [c2, c5]
koon = add(covered(l2, c2), mul({k: c2 * v for k, v in f(l2).items()}, f(l5)), -1)
reliability = mul(mul(mul(r(l7), mul(r(l3), r(l6))), par), koon)
assert F(0) not in reliability
mttf = sum(v / s for s, v in reliability.items())
show("seed117207_mttf", mttf)


# ---- seed 139: the unavailability of a 2304-state chain solved iteratively ----
# Independent units, U_i = MDT_i/(MTTF_i + MDT_i) with MDT the detection mean plus the repair
# mean; the system is parallel [series [c7, c3], c2 x3, series [c4, parallel [c1, c8, c7]],
# series [c0, parallel [c5, c6]]], conditioned on the shared c7.
def u(mttf, mdt):
    return F(mdt) / (F(mttf) + F(mdt))


m = F(15600)
u0, u1, u2 = u(m, 1 / F("0.0783")), u(1 / F("0.0000639"), F("0.000226")), u(m, F("24.5"))
u3, u4, u5 = u(1 / F("0.0000639"), F(433) + F(130)), u(m, 1 / F("0.166")), u(m, F("0.00833"))
u6, u7 = u(m, F("0.00602")), u(m, F("0.0758"))
u8 = u(1 / F("0.0000639"), 1 / F("0.0017") + 1 / F("0.168"))
p4 = u0 + (1 - u0) * u5 * u6
U139 = u2**3 * p4 * (u7 * (u4 + (1 - u4) * u1 * u8) + (1 - u7) * u3 * u4)
show("seed139_U", U139)


# ---- seed 1795: MTTF of one cold standby block with a perfect switch = the sum of the means ----
# primary c0 (mttf 1e9), spares fan_3 (rate 1000), c1 x4 (rate 1.37e-5), c2 x4 (mean 350).
show("seed1795_mttf", F(10**9) + 1 / F(1000) + 4 / F("0.0000137") + 4 * F(350))
