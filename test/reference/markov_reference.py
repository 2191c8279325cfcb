"""Reference values for test/markov/*.test.ts: small random CTMCs solved by scipy.

Run: python3 test/reference/markov_reference.py
Generates three random chains from a fixed seed (numpy default_rng(20261126)), each with n states,
a random sparse set of transitions with rates in [0.01, 2), up flags and initial state 0, and
prints, as TypeScript literals to paste into the tests:
  - the transitions (from, to, rate), up flags;
  - the steady state pi from the null space of Q^T (scipy.linalg.null_space), normalised;
  - the transient vectors pi(t) = pi(0) expm(Q t) (scipy.linalg.expm) at t = 0.5, 3 and 20;
  - the MTTF with the down states absorbing (numpy.linalg.solve on -Q_TT, cross-checked
    with mpmath at 40 digits).
"""

import sys

import mpmath
import numpy as np
import scipy
from scipy.linalg import expm, null_space

TIMES = [0.5, 3.0, 20.0]


def random_chain(rng, n):
    transitions = []
    for i in range(n):
        # A ring i -> i+1 keeps the chain irreducible; extra random transitions on top.
        transitions.append((i, (i + 1) % n, float(rng.uniform(0.01, 2))))
        for j in range(n):
            if j != i and j != (i + 1) % n and rng.random() < 0.35:
                transitions.append((i, j, float(rng.uniform(0.01, 2))))
    up = [1] * n
    for i in rng.choice(np.arange(1, n), size=max(1, n // 3), replace=False):
        up[int(i)] = 0
    return transitions, up


def generator(n, transitions):
    Q = np.zeros((n, n))
    for i, j, r in transitions:
        Q[i, j] += r
    Q -= np.diag(Q.sum(axis=1))
    return Q


def mttf(n, transitions, up):
    keep = [i for i in range(n) if up[i]]
    Q = generator(n, transitions)
    M = -Q[np.ix_(keep, keep)]
    alpha = np.zeros(len(keep))
    alpha[0] = 1.0
    tau = np.linalg.solve(M.T, alpha)
    mpmath.mp.dps = 40
    Mm = mpmath.matrix([[mpmath.mpf(x) for x in row] for row in M.T.tolist()])
    taum = mpmath.lu_solve(Mm, mpmath.matrix(alpha.tolist()))
    exact = float(sum(taum))
    assert abs(tau.sum() - exact) <= 1e-12 * exact
    return exact


def main():
    rng = np.random.default_rng(20261126)
    print(f"// python {sys.version.split()[0]}, numpy {np.__version__}, scipy {scipy.__version__}, "
          f"mpmath {mpmath.__version__}")
    for index, n in enumerate([4, 6, 8]):
        transitions, up = random_chain(rng, n)
        Q = generator(n, transitions)
        pi = null_space(Q.T)[:, 0]
        pi = pi / pi.sum()
        p0 = np.zeros(n)
        p0[0] = 1.0
        print(f"// chain {index}: {n} states")
        print("{")
        print(f"  n: {n},")
        print("  transitions: [" + ", ".join(f"[{i}, {j}, {r!r}]" for i, j, r in transitions) + "],")
        print(f"  up: {up},")
        print("  steady: [" + ", ".join(repr(float(x)) for x in pi) + "],")
        print("  transient: [")
        for t in TIMES:
            pt = p0 @ expm(Q * t)
            print("    [" + ", ".join(repr(float(x)) for x in pt) + "],")
        print("  ],")
        print(f"  mttf: {mttf(n, transitions, up)!r},")
        print("},")


if __name__ == "__main__":
    main()
