#!/usr/bin/env python3
"""Reference values for test/structure/compileStructure.test.ts.

Independent of the TypeScript BDD: every structure is evaluated as a Boolean function on all 2^n
component states (vectorised with numpy, networks by breadth-first relaxation on each concrete
state), then P(system works) = sum over working states of prod p_i^x_i q_i^(1-x_i) is folded one
variable at a time in exact rational arithmetic (Python integers over a power-of-two denominator:
every double is such a fraction, so the inputs are taken exactly as the doubles the tests pass).
Birnbaum importance is folded the same way from phi(x with x_i=1) - phi(x with x_i=0); minimal
path/cut sets are found by brute force (a working state whose every one-component removal fails).
Each result is printed correctly rounded to a double (17 significant digits).

Run: python3 test/reference/structure_reference.py   (about 30 s; prints TypeScript literals)
"""

import json
import random
import sys
from fractions import Fraction

import numpy as np


def c(i):
    return {"kind": "component", "component": i}


def series(*ch):
    return {"kind": "series", "children": list(ch)}


def parallel(*ch):
    return {"kind": "parallel", "children": list(ch)}


def koon(k, *ch):
    return {"kind": "koon", "k": k, "children": list(ch)}


def network(source, sink, edges):
    return {"kind": "network", "source": source, "sink": sink,
            "edges": [{"from": a, "to": b, "component": x} for a, b, x in edges]}


BRIDGE = network("s", "t", [("s", "a", 0), ("s", "b", 1), ("a", "b", 2), ("a", "t", 3), ("b", "t", 4)])
SHARED = parallel(series(c(0), c(1)), series(c(0), c(2)))
TWO_OF_THREE = koon(2, c(0), c(1), c(2))
THREE_OF_FIVE = koon(3, c(0), c(1), c(2), c(3), c(4))
NESTED = series(
    parallel(c(0), koon(2, c(1), c(2), c(3))),
    koon(2, series(c(4), c(5)), c(6), parallel(c(7), c(0))),
    parallel(c(8), series(c(9), c(3))),
)
HIGH = parallel(series(c(0), c(1)), series(c(2), c(3)), koon(2, c(4), c(5), c(6)))


def phi(node, x):
    """Boolean structure function on a batch of states; x[i] is a bool array per component."""
    kind = node["kind"]
    if kind == "component":
        return x[node["component"]]
    if kind in ("series", "parallel", "koon"):
        values = [phi(ch, x) for ch in node["children"]]
        count = sum((v.astype(np.int32) for v in values), np.zeros(x[0].shape, np.int32))
        k = {"series": len(values), "parallel": 1}.get(kind, node.get("k"))
        return count >= k
    # network: relax "reached" along working edges until nothing changes (BFS per state)
    names = {e["from"] for e in node["edges"]} | {e["to"] for e in node["edges"]}
    reached = {v: np.zeros(x[0].shape, bool) for v in names}
    reached[node["source"]] = np.ones(x[0].shape, bool)
    changed = True
    while changed:
        changed = False
        for e in node["edges"]:
            works = x[e["component"]]
            for a, b in [(e["from"], e["to"]), (e["to"], e["from"])]:
                new = reached[b] | (reached[a] & works)
                if (new != reached[b]).any():
                    reached[b] = new
                    changed = True
    return reached[node["sink"]]


def truth_table(node, n):
    states = np.arange(2**n, dtype=np.int64)
    x = [((states >> i) & 1).astype(bool) for i in range(n)]
    return phi(node, x)


def fold(table, p, q):
    """Exact sum over states of table[s] * prod(p_i or q_i); index bit i is component i."""
    n = len(p)
    p = [Fraction(v) for v in p]
    q = [Fraction(v) for v in q]
    den = 1
    for v in p + q:
        den = max(den, v.denominator)  # all powers of two: the largest is a common denominator
    a = [int(v * den) for v in p]
    b = [int(v * den) for v in q]
    v = np.array([int(t) for t in table], dtype=object)
    for i in reversed(range(n)):
        v = v.reshape(2, -1)
        v = a[i] * v[1] + b[i] * v[0]
    return Fraction(int(v[0]), den**n)


def exact_q(p, q):
    """The tests pass p only (q = 1 - p in exact arithmetic) or q with p = 1 - q rounded."""
    if q is None:
        return [Fraction(v) for v in p], [1 - Fraction(v) for v in p]
    return [1 - Fraction(v) for v in q], [Fraction(v) for v in q]


def probability(node, p, q=None):
    n = len(p)
    table = truth_table(node, n)
    ep, eq = exact_q(p, q)
    works = fold(table, ep, eq)
    return works, 1 - works


def birnbaum(node, p, q=None):
    n = len(p)
    table = truth_table(node, n)
    ep, eq = exact_q(p, q)
    states = np.arange(2**n, dtype=np.int64)
    result = []
    for i in range(n):
        low = states[((states >> i) & 1) == 0]
        diff = table[low | (1 << i)].astype(np.int64) - table[low].astype(np.int64)
        others = [j for j in range(n) if j != i]
        result.append(fold(diff, [ep[j] for j in others], [eq[j] for j in others]))
    return result


def minimal_sets(node, n, cut):
    table = truth_table(node, n)
    states = np.arange(2**n, dtype=np.int64)
    # A path set is a working state; a cut set is the failed components of a failed state.
    member = table if not cut else ~table
    minimal = member.copy()
    for i in range(n):
        has = ((states >> i) & 1) == (0 if cut else 1)
        minimal &= ~(has & member[states ^ (1 << i)])
    sets = []
    for s in states[minimal]:
        sets.append([i for i in range(n) if ((int(s) >> i) & 1) == (0 if cut else 1)])
    return sorted(sets, key=lambda t: (len(t), t))


def random_structure(rng, n):
    """A seeded random tree over n components, some shared, with one small network."""
    unused = list(range(n))
    rng.shuffle(unused)

    def leaf():
        if unused and rng.random() < 0.8:
            return c(unused.pop())
        return c(rng.randrange(n))

    def tree(depth):
        if depth == 0 or rng.random() < 0.25:
            return leaf()
        kind = rng.choice(["series", "parallel", "koon", "koon"])
        children = [tree(depth - 1) for _ in range(rng.randint(2, 4))]
        if kind == "koon":
            return koon(rng.randint(1, len(children)), *children)
        return {"kind": kind, "children": children}

    net = network("s", "t", [("s", "u", leaf()["component"]), ("s", "v", leaf()["component"]),
                             ("u", "v", leaf()["component"]), ("u", "w", leaf()["component"]),
                             ("v", "w", leaf()["component"]), ("w", "t", leaf()["component"])])
    children = [series(tree(3), net), tree(3)]
    while unused or len(children) < 3:
        children.append(leaf())
    return koon(2, *children)


def show(x):
    return repr(float(x))


def main():
    print(f"// python {sys.version.split()[0]}, numpy {np.__version__}, exact fractions")
    out = {}
    for p in [0.5, 0.9, 0.99]:
        works, fails = probability(BRIDGE, [p] * 5)
        out[f"bridge p={p}"] = (show(works), show(fails))
    unequal = [0.9, 0.85, 0.7, 0.95, 0.8]
    out["bridge unequal"] = [show(v) for v in probability(BRIDGE, unequal)]
    out["bridge unequal birnbaum"] = [show(v) for v in birnbaum(BRIDGE, unequal)]
    q_small = [1e-6, 2e-6, 3e-6, 4e-6, 5e-6]
    out["bridge small q: fails"] = show(probability(BRIDGE, [1 - v for v in q_small], q_small)[1])
    out["shared"] = [show(v) for v in probability(SHARED, [0.95, 0.8, 0.7])]
    out["2-of-3"] = [show(v) for v in probability(TWO_OF_THREE, [0.9, 0.8, 0.7])]
    five = [0.95, 0.9, 0.85, 0.8, 0.75]
    out["3-of-5"] = [show(v) for v in probability(THREE_OF_FIVE, five)]
    nested_p = [0.6 + 0.037 * i for i in range(10)]
    out["nested"] = [show(v) for v in probability(NESTED, nested_p)]
    out["nested birnbaum"] = [show(v) for v in birnbaum(NESTED, nested_p)]
    out["nested paths"] = minimal_sets(NESTED, 10, False)
    out["nested cuts"] = minimal_sets(NESTED, 10, True)
    high_q = [1e-4, 2e-4, 3e-4, 4e-4, 5e-4, 6e-4, 7e-4]
    out["high: fails"] = show(probability(HIGH, [1 - v for v in high_q], high_q)[1])
    rng = random.Random(20261126)
    rand = random_structure(rng, 20)
    rand_p = [round(0.5 + 0.49 * rng.random(), 6) for _ in range(20)]
    out["random structure"] = rand
    out["random p"] = rand_p
    out["random"] = [show(v) for v in probability(rand, rand_p)]
    out["random birnbaum"] = [show(v) for v in birnbaum(rand, rand_p)]
    out["random paths"] = minimal_sets(rand, 20, False)
    out["random cuts"] = minimal_sets(rand, 20, True)
    for key, value in out.items():
        print(f"// {key}")
        print(json.dumps(value))


if __name__ == "__main__":
    main()
