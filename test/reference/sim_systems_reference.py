"""Exact values for test/sim/systems.stat.test.ts: several systems over shared units.

1. models/quorum-store.yaml: 3 replicas, failure rate 1/2000, repair rate 1/12, unlimited crews
   (independent units); read = 1 of 3, write = 3 of 3; the wrong model for the power check
   writes with 2 of 3.
2. models/raft-5.yaml: 5 nodes, rate 1/4000, repair rate 1/24, one crew: the birth-death chain of
   the number failed; read = write = 3 of 5; wrong: 4 of 5.
3. A pump station with a beta-factor common-cause group over 3 pumps (rate 1e-3, beta 0.1, so
   each pump keeps 0.9e-3 and one common-cause unit fails at 1e-4, repaired like a pump, mean
   20 h) and a valve (rate 5e-4, repair mean 10 h), unlimited crews (independent units):
   flow = valve and 2 of 3 pumps; backup = 1 of 3 pumps; a pump is up when its own unit and the
   common-cause unit are. Wrong: backup as 2 of 3 pumps.

Steady unavailability U = 1 - sum_x P(x) phi(x); failure frequency
w = sum_x P(x) phi(x) sum_{i up, phi(x - i) = 0} lambda_i; MTTF from all-up by the absorbing chain.
Exact rational arithmetic (fractions), printed as doubles. Python 3, standard library only.
"""
from fractions import Fraction as F
from itertools import product


def independent(rates, repairs, phi):
    n = len(rates)
    avail = [mu / (lam + mu) for lam, mu in zip(rates, repairs)]
    u = F(0)
    w = F(0)
    for x in product([0, 1], repeat=n):
        p = F(1)
        for i in range(n):
            p *= avail[i] if x[i] else 1 - avail[i]
        if phi(x):
            for i in range(n):
                if x[i]:
                    y = list(x)
                    y[i] = 0
                    if not phi(tuple(y)):
                        w += p * rates[i]
        else:
            u += p
    return u, w


def birth_death(n, lam, mu, k):
    """One crew; state j = units failed. Returns U, w and MTTF of k-of-n from all up."""
    pi = [F(1)]
    for j in range(n):
        pi.append(pi[-1] * (n - j) * lam / mu)
    total = sum(pi)
    pi = [p / total for p in pi]
    worst = n - k  # most failed while up
    u = sum(pi[worst + 1:])
    w = pi[worst] * (n - worst) * lam
    # MTTF: expected time to reach worst + 1 from 0; m_j time from j to j + 1.
    m = []
    for j in range(worst + 1):
        down = (n - j) * lam
        back = mu if j > 0 else 0
        prev = m[j - 1] if j > 0 else 0
        m.append((1 + back * prev) / down)
    return u, w, sum(m)


def show(label, value):
    print(f"{label} = {float(value)!r}")


lam, mu = F(1, 2000), F(1, 12)
for name, k in [("store read", 1), ("store write", 3), ("store write wrong 2oo3", 2)]:
    u, w = independent([lam] * 3, [mu] * 3, lambda x, k=k: sum(x) >= k)
    show(f"{name} U", u)
    show(f"{name} w", w)

for name, k in [("raft 3oo5", 3), ("raft wrong 4oo5", 4)]:
    u, w, mttf = birth_death(5, F(1, 4000), F(1, 24), k)
    show(f"{name} U", u)
    show(f"{name} w", w)
    show(f"{name} mttf", mttf)

# Units: pump own x3, common cause, valve.
rates = [F(9, 10000)] * 3 + [F(1, 10000), F(5, 10000)]
repairs = [F(1, 20)] * 4 + [F(1, 10)]


def pumps_up(x):
    return sum(x[i] and x[3] for i in range(3))


systems = {
    "pumps flow": lambda x: x[4] and pumps_up(x) >= 2,
    "pumps backup": lambda x: pumps_up(x) >= 1,
    "pumps backup wrong 2oo3": lambda x: pumps_up(x) >= 2,
}
for name, phi in systems.items():
    u, w = independent(rates, repairs, phi)
    show(f"{name} U", u)
    show(f"{name} w", w)
