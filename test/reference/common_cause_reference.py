"""Reference values for test/model/commonCause.test.ts: the common-cause-failure expansion of
src/model/commonCause.ts, computed in exact rational arithmetic (fractions.Fraction) from the very
doubles the test passes, each result then rounded once to a double (repr), so the references
measure the code's arithmetic, not the rounding of the inputs.

Each model is derived here from its definition, not from the closed forms the code uses:

- beta-factor: Q_1 = (1 - beta) Q_t, Q_n = beta Q_t.
- MGL: rho_k is the conditional probability that a failure of a given member involves at least
  k members given that it involves at least k - 1 (NUREG/CR-5485, the MEF). The member's share at
  level k is f_k = C(n-1, k-1) Q_k / Q_t; its tails T_k = f_k + ... + f_n obey T_1 = 1,
  T_k = rho_k T_(k-1), T_(n+1) = 0, so f_k = T_k - T_(k+1) and Q_k = f_k Q_t / C(n-1, k-1).
- alpha-factor, non-staggered testing (NUREG/CR-5485; the Open-PSA MEF formula): alpha_k
  is the fraction of failure events of the group that fail exactly k members, so
  C(n, k) Q_k = c alpha_k for some c, fixed by the member's total
  sum_k C(n-1, k-1) Q_k = Q_t, which gives c = n Q_t / sum_k k alpha_k.
- phi-factor (Open-PSA MEF 2.0d §VI.1, as SCRAM implements it): Q_k = phi_k Q_t.

For each case it prints Q_1..Q_n and the member sum S = sum_k C(n-1, k-1) Q_k (the rare-event
probability that a given member fails through some event of its group). The last part rebuilds
the three-train benchmarks of SCRAM (github.com/rakhimov/scram at b85b7894, 2019-07-03:
tests/bench_core_tests.cc, inputs tests/input/core/*_ccf.xml): top = AND over trains i of
(valve_i OR pump_i), pumps and valves each a group of 3 with Q_t = 0.1, and prints the exact top
probability (every state of the 14 group events enumerated) and the rare-event sum over the
minimal cut sets, with their count.

Run: python3 test/reference/common_cause_reference.py (python 3.11.7, standard library only),
about 3 s.
"""

from fractions import Fraction
from itertools import combinations, product
from math import comb


def beta_factor(n, factors, total):
    (beta,) = factors
    levels = [Fraction(0)] * n
    levels[0] = (1 - beta) * total
    levels[n - 1] = beta * total
    return levels


def mgl(n, factors, total):
    rho = [None, Fraction(1)] + list(factors) + [Fraction(0)]  # rho[1] = 1, rho[n + 1] = 0
    tails = [None, Fraction(1)]
    for k in range(2, n + 2):
        tails.append(rho[k] * tails[k - 1])
    return [(tails[k] - tails[k + 1]) * total / comb(n - 1, k - 1) for k in range(1, n + 1)]


def alpha_factor(n, factors, total):
    alpha_t = sum(k * a for k, a in enumerate(factors, start=1))
    c = n * total / alpha_t
    return [c * a / comb(n, k) for k, a in enumerate(factors, start=1)]


def phi_factor(n, factors, total):
    return [phi * total for phi in factors]


MODELS = {"beta-factor": beta_factor, "MGL": mgl, "alpha-factor": alpha_factor, "phi-factor": phi_factor}


def exact(values):
    return [Fraction(v) for v in values]


def show(label, values):
    print(f"{label}: [{', '.join(repr(float(v)) for v in values)}]")


def member_sum(levels):
    n = len(levels)
    return sum(comb(n - 1, k - 1) * q for k, q in enumerate(levels, start=1))


CASES = [
    ("beta-factor", 2, [0.1], 1e-3),
    ("beta-factor", 3, [0.1], 1e-3),
    ("beta-factor", 4, [0.05], 2.5e-4),
    ("MGL", 2, [0.1], 1e-3),
    ("MGL", 3, [0.1, 0.3], 1e-3),
    ("MGL", 4, [0.1, 0.2, 0.3], 1e-3),
    ("MGL", 4, [0.12, 0.0, 0.5], 3e-5),
    ("MGL", 8, [0.1, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8], 1e-3),
    ("alpha-factor", 2, [0.95, 0.05], 1e-3),
    ("alpha-factor", 3, [0.95, 0.03, 0.02], 1e-3),
    ("alpha-factor", 4, [0.9, 0.05, 0.03, 0.02], 2.5e-4),
    ("alpha-factor", 4, [90, 5, 3, 2], 2.5e-4),
    ("alpha-factor", 8, [0.9, 0.03, 0.02, 0.015, 0.01, 0.01, 0.01, 0.005], 1e-3),
    ("phi-factor", 2, [0.9, 0.1], 1e-3),
    ("phi-factor", 3, [0.9, 0.07, 0.03], 1e-3),
    ("phi-factor", 4, [0.85, 0.1, 0.03, 0.02], 2.5e-4),
]

print("# levels Q_1..Q_n, then S = sum_k C(n-1, k-1) Q_k")
for model, n, factors, total in CASES:
    levels = MODELS[model](n, exact(factors), Fraction(total))
    show(f"{model} n={n} factors={factors} Q_t={total}", levels)
    print(f"  S = {float(member_sum(levels))!r}  (S / Q_t = {float(member_sum(levels) / Fraction(total))!r})")


def expand(levels):
    """Every event of a group of n members: (subset, probability), subsets of size k with Q_k > 0."""
    n = len(levels)
    return [(set(s), levels[len(s) - 1]) for k in range(1, n + 1) for s in combinations(range(n), k) if levels[k - 1] > 0]


def three_trains(pumps, valves):
    events = [("p", s, q) for s, q in expand(pumps)] + [("v", s, q) for s, q in expand(valves)]

    def top(occurring):
        failed = {("p", i) for kind, s, _ in occurring if kind == "p" for i in s}
        failed |= {("v", i) for kind, s, _ in occurring if kind == "v" for i in s}
        return all(("p", i) in failed or ("v", i) in failed for i in range(3))

    total = Fraction(0)
    cuts = []
    for state in product((False, True), repeat=len(events)):
        occurring = [e for e, on in zip(events, state) if on]
        p = Fraction(1)
        for e, on in zip(events, state):
            p *= e[2] if on else 1 - e[2]
        if top(occurring):
            total += p
            if all(not top([x for x in occurring if x is not e]) for e in occurring):
                cuts.append(occurring)
    rare = Fraction(0)
    for cut in cuts:
        p = Fraction(1)
        for e in cut:
            p *= e[2]
        rare += p
    return total, rare, len(cuts)


print("# SCRAM three-train benchmarks: exact P(top), rare-event sum, number of minimal cut sets")
BENCHMARKS = [
    ("beta-factor", [0.2]),
    ("MGL", [0.2, 0.1]),
    ("alpha-factor", [0.7, 0.2, 0.1]),
    ("phi-factor", [0.7, 0.2, 0.1]),
]
for model, factors in BENCHMARKS:
    levels = MODELS[model](3, exact(factors), Fraction(0.1))
    total, rare, count = three_trains(levels, levels)
    print(f"{model} {factors}: exact {float(total)!r}, rare-event {float(rare)!r}, cut sets {count}")
