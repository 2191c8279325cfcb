"""Exact answers for models that need the Markov engine, computed independently of relkit.

Method: each chain is built here from scratch by breadth-first search over explicit Python
states that track every unit individually, with the repair queue as a plain tuple in arrival
order (relkit lumps exchangeable units and keeps the queue sorted by priority; neither trick is
used here). Steady state by a dense linear solve of pi Q = 0, sum(pi) = 1 (numpy); MTTF by
solving the first-passage system on the up states; A(t) = p0 expm(Q t) 1_up (scipy.linalg.expm).
Run: python3 test/reference/markov_models_reference.py   (python 3, numpy 2.4.6, scipy 1.17.1;
2026-11-26). Prints `case: key = value` lines; the values are pasted into
test/markov/solveMarkov.test.ts and into the headers of models/cooling-loop.yaml and
models/standby-power.yaml.
"""
import numpy as np
from scipy.linalg import expm


def build(initial, events, is_up):
    """BFS from `initial`; events(s) yields (rate, next_state). Returns Q, up, index."""
    index = {initial: 0}
    order = [initial]
    rows = []
    k = 0
    while k < len(order):
        s = order[k]
        row = {}
        for rate, t in events(s):
            if rate <= 0 or t == s:
                continue
            if t not in index:
                index[t] = len(order)
                order.append(t)
            row[index[t]] = row.get(index[t], 0.0) + rate
        rows.append(row)
        k += 1
    n = len(order)
    Q = np.zeros((n, n))
    for i, row in enumerate(rows):
        for j, r in row.items():
            Q[i, j] += r
        Q[i, i] = -sum(row.values())
    up = np.array([1.0 if is_up(s) else 0.0 for s in order])
    return Q, up, order


def measures(Q, up, times):
    n = Q.shape[0]
    A = np.vstack([Q.T, np.ones(n)])
    b = np.zeros(n + 1)
    b[-1] = 1
    pi = np.linalg.lstsq(A, b, rcond=None)[0]
    avail = float(pi @ up)
    unavail = float(pi @ (1 - up))
    # failure frequency: flow from up states into down states
    freq = 0.0
    for i in range(n):
        if up[i]:
            for j in range(n):
                if j != i and not up[j]:
                    freq += pi[i] * Q[i, j]
    # MTTF: -Q_UU m = 1 on up states, from state 0 (initially up)
    U = [i for i in range(n) if up[i]]
    m = np.linalg.solve(-Q[np.ix_(U, U)], np.ones(len(U)))
    mttf = float(m[U.index(0)])
    p0 = np.zeros(n)
    p0[0] = 1
    at = {t: float(p0 @ expm(Q * t) @ up) for t in times}
    out = {
        "states": n,
        "steadyAvailability": avail,
        "steadyUnavailability": unavail,
        "failureFrequency": freq,
        "mtbf": 1 / freq,
        "mut": avail / freq,
        "mdt": unavail / freq,
        "mttf": mttf,
    }
    for t, v in at.items():
        out[f"availability({t})"] = v
    return out


def cooling_loop(fcfs):
    """Two pumps in parallel, in series with a valve; one crew. Priority: valve first, or FCFS."""
    lp, mp_, lv, mv = 0.01, 0.1, 0.005, 0.2
    # state: (pump1 ok, pump2 ok, valve ok, queue) ; queue[0] is in repair
    rank = {"p1": 1, "p2": 1, "v": 0}

    def enqueue(queue, unit):
        if fcfs or not queue:
            return queue + (unit,)
        # non-preemptive: the head stays; the rest are served by rank, then arrival
        head, rest = queue[0], list(queue[1:]) + [unit]
        rest.sort(key=lambda u: rank[u])  # stable: arrival order within a rank
        return (head,) + tuple(rest)

    def events(s):
        p1, p2, v, q = s
        if p1:
            yield lp, (0, p2, v, enqueue(q, "p1"))
        if p2:
            yield lp, (p1, 0, v, enqueue(q, "p2"))
        if v:
            yield lv, (p1, p2, 0, enqueue(q, "v"))
        if q:
            head, rest = q[0], q[1:]
            rate = mv if head == "v" else mp_
            t = {"p1": (1, p2, v), "p2": (p1, 1, v), "v": (p1, p2, 1)}[head]
            yield rate, t + (rest,)

    Q, up, order = build((1, 1, 1, ()), events, lambda s: (s[0] or s[1]) and s[2])
    return measures(Q, up, [10, 100])


def standby_power():
    """Utility with a cold-standby generator, both repaired by one crew (FCFS); switch-over
    succeeds with probability 0.98 and takes an exponential time of mean 0.05 h."""
    lu, mu_u, lg, mu_g, p, sigma = 1 / 2000, 1 / 4, 1 / 1500, 1 / 24, 0.98, 1 / 0.05

    # state: (u ok, g ok, active in {'u','g',None}, switching, queue)
    def events(s):
        u, g, active, switching, q = s
        ok = {"u": u, "g": g}
        rate_of = {"u": lu, "g": lg}
        if active is not None and not switching:
            x = active
            y = "g" if x == "u" else "u"
            nu, ng = (0, g) if x == "u" else (u, 0)
            nq = q + (x,)
            if ok[y]:
                yield rate_of[x] * p, (nu, ng, y, True, nq)
                yield rate_of[x] * (1 - p), (nu, ng, None, False, nq)
            else:
                yield rate_of[x], (nu, ng, None, False, nq)
        if switching:
            yield sigma, (u, g, active, False, q)
        if q:
            head = q[0]
            nu, ng = (1, g) if head == "u" else (u, 1)
            nactive, nsw = (active, switching) if active is not None else (head, False)
            yield (mu_u if head == "u" else mu_g), (nu, ng, nactive, nsw, q[1:])

    Q, up, order = build(
        (1, 1, "u", False, ()), events, lambda s: s[2] is not None and not s[3]
    )
    return measures(Q, up, [1, 24])


def duplex_detection():
    """Two CPUs in parallel, one crew: rate 1e-3, coverage 0.9, detection mean 0.5, repair
    mean 4; an uncovered failure is an outage until that CPU is repaired (no recovery)."""
    lam, c, delta, mu = 1e-3, 0.9, 2.0, 0.25

    # unit state: 'ok', ('det', flag), ('wait', flag), ('rep', flag); queue of unit ids
    def events(s):
        units, q = s
        for i, st in enumerate(units):
            if st == "ok":
                for flag, prob in ((0, c), (1, 1 - c)):
                    nu = list(units)
                    nu[i] = ("det", flag)
                    yield lam * prob, (tuple(nu), q)
            elif st[0] == "det":
                nu = list(units)
                busy = any(x != "ok" and x[0] == "rep" for x in units)
                nu[i] = ("wait", st[1]) if busy else ("rep", st[1])
                yield delta, (tuple(nu), q + (i,) if busy else q)
            elif st[0] == "rep":
                nu = list(units)
                nu[i] = "ok"
                nq = q
                if q:
                    j = q[0]
                    nu[j] = ("rep", nu[j][1])
                    nq = q[1:]
                yield mu, (tuple(nu), nq)

    def is_up(s):
        units, _ = s
        if any(x != "ok" and x[1] == 1 for x in units):
            return False
        return any(x == "ok" for x in units)

    Q, up, order = build((("ok", "ok"), ()), events, is_up)
    return measures(Q, up, [10])


def duplex_recovery():
    """Two CPUs in parallel, unlimited crews, idle while down: rate 1e-3, coverage 0.9,
    recovery mean 0.1 (the outage of an uncovered failure), repair mean 4."""
    lam, c, rho, mu = 1e-3, 0.9, 10.0, 0.25

    # state: (units ok tuple, pending recoveries)
    def events(s):
        units, r = s
        down = r > 0 or not any(units)
        for i, ok in enumerate(units):
            nu = list(units)
            if ok and not down:
                nu[i] = 0
                yield lam * c, (tuple(nu), r)
                yield lam * (1 - c), (tuple(nu), r + 1)
            elif not ok:
                nu[i] = 1
                yield mu, (tuple(nu), r)
        if r > 0:
            yield r * rho, (units, r - 1)

    Q, up, order = build(((1, 1), 0), events, lambda s: s[1] == 0 and any(s[0]))
    return measures(Q, up, [10])


if __name__ == "__main__":
    cases = {
        "cooling-priority": cooling_loop(fcfs=False),
        "cooling-fcfs": cooling_loop(fcfs=True),
        "standby-power": standby_power(),
        "duplex-detection": duplex_detection(),
        "duplex-recovery": duplex_recovery(),
    }
    for name, values in cases.items():
        for key, value in values.items():
            print(f"{name}: {key} = {float(value)!r}")
