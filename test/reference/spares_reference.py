"""Reference values for spare-part pools (docs/semantics.md, "Spare parts"), by mpmath at 40
digits, independently of relkit's chain generator: every unit is tracked on its own (no lumping),
the queues are Python tuples, and the chain is found by breadth-first search from the all-new
state. Exponential failures, repairs and lead times; coverage 1; no detection delay.

Semantics: a failed unit of a served component takes a spare when one is on hand (on hand = stock
- orders outstanding + units awaiting), placing an order; else it awaits at the back of the
pool's queue (and an order is placed). Each outstanding order arrives at rate 1/lead; an arriving
spare goes to the unit that has awaited longest. A unit with its spare goes to the crews: with c
crews, first come, first served (the crew queue is a second tuple).

Cases (the models are in test/markov/spares.test.ts):
  a: one pump (lam 0.01, MTTR 5), pool stock 1, lead 50, unlimited crews
  b: 2-of-3 pumps (lam 1e-3, MTTR 10), pool stock 1, lead 200, one crew
  c: series of A (two units in parallel, lam 2e-3, MTTR 4) and B (one unit, lam 1e-3, MTTR 6),
     one pool for both, stock 1, lead 100, one crew
  d: c with stock 0
  e: two pools: 1-of-2 pumps p (lam 1e-3, MTTR 8, pool P stock 1 lead 300) in series with a
     1-of-2 bank of valves v (lam 5e-4, MTTR 2, pool V stock 0 lead 50), unlimited crews
Outputs: steady unavailability U, failure frequency w, MTTF, A(t) at t = 500.

Example models/pump-station-spares.yaml (one component, so its units are exchangeable and the
chain is written by counts: f failed, a of them awaiting a spare, O orders outstanding; the
failed units holding a spare are repaired by min(f - a, crews) crews): 6 pumps, 4 needed, MTBF
4000 h, MTTR 16 h, 2 crews, stock 2, lead time 720 h: U, w, MTTF, A(8760), R(8760).
Run: python3 test/reference/spares_reference.py
"""

from mpmath import mp, mpf, matrix, expm, lu_solve

mp.dps = 40


def explore(start, transitions):
    """The states reachable from start (breadth first) and the edges (i, j, rate)."""
    index, states, frontier, edges = {start: 0}, [start], [start], []
    while frontier:
        nxt = []
        for s in frontier:
            for rate, t in transitions(s):
                if t not in index:
                    index[t] = len(states)
                    states.append(t)
                    nxt.append(t)
                edges.append((index[s], index[t], rate))
        frontier = nxt
    return states, edges


def measures(m, edges, isup, t_point):
    """Steady U and w, the MTTF from state 0, A(t) and R(t) at t_point from state 0."""
    Q = matrix(m, m)
    for i, j, r in edges:
        Q[i, j] += r
        Q[i, i] -= r
    A = Q.T
    for j in range(m):
        A[m - 1, j] = mpf(1)
    b = matrix(m, 1)
    b[m - 1] = mpf(1)
    pi = lu_solve(A, b)
    U = sum(pi[i] for i in range(m) if not isup[i])
    w = sum(pi[i] * r for i, j, r in edges if isup[i] and not isup[j])
    # MTTF from the first state: solve Q_UU tau = -1 over the up states.
    ups = [i for i in range(m) if isup[i]]
    pos = {s: k for k, s in enumerate(ups)}
    QU = matrix(len(ups), len(ups))
    for i, j, r in edges:
        if isup[i]:
            QU[pos[i], pos[i]] -= r
            if isup[j]:
                QU[pos[i], pos[j]] += r
    tau = lu_solve(QU, matrix([[-1] for _ in ups]))
    P = expm(Q * t_point)
    At = sum(P[0, j] for j in range(m) if isup[j])
    R = sum(expm(QU * t_point)[pos[0], j] for j in range(len(ups)))
    return U, w, tau[pos[0]], At, R


def solve(units, structure, pools, crews, t_point):
    """units: list of (lam, mu, pool index or None); structure(up tuple) -> bool;
    pools: list of (stock, lead mean); crews: int or None (unlimited)."""
    n = len(units)
    # state: (status tuple per unit: 'u' up, 'a' awaiting spare, 'q' waiting crew, 'r' repairing;
    #         orders per pool; awaiting queue per pool; crew queue)
    start = (("u",) * n, (0,) * len(pools), ((),) * len(pools), ())

    def busy(status):
        return sum(1 for s in status if s == "r")

    def to_crews(status, crew_q, i):
        status = list(status)
        if crews is None or busy(status) < crews:
            status[i] = "r"
        else:
            status[i] = "q"
            crew_q = crew_q + (i,)
        return tuple(status), crew_q

    def transitions(state):
        status, orders, await_q, crew_q = state
        out = []
        for i, (lam, mu, p) in enumerate(units):
            if status[i] == "u":
                st, od, aq, cq = list(status), list(orders), list(await_q), crew_q
                if p is None:
                    st2, cq2 = to_crews(tuple(st), cq, i)
                    out.append((mpf(lam), (st2, tuple(od), tuple(aq), cq2)))
                else:
                    stock = pools[p][0]
                    on_hand = stock - od[p] + len(aq[p])
                    od[p] += 1
                    if on_hand > 0:
                        st2, cq2 = to_crews(tuple(st), cq, i)
                    else:
                        st[i] = "a"
                        aq[p] = aq[p] + (i,)
                        st2, cq2 = tuple(st), cq
                    out.append((mpf(lam), (st2, tuple(od), tuple(aq), cq2)))
            elif status[i] == "r":
                st = list(status)
                st[i] = "u"
                cq = crew_q
                if cq:
                    j, cq = cq[0], cq[1:]
                    st[j] = "r"
                out.append((mpf(mu), (tuple(st), orders, await_q, cq)))
        for p, (stock, lead) in enumerate(pools):
            if orders[p] == 0:
                continue
            od, aq = list(orders), list(await_q)
            od[p] -= 1
            st, cq = status, crew_q
            if aq[p]:
                j, aq[p] = aq[p][0], aq[p][1:]
                st, cq = to_crews(st, cq, j)
            out.append((orders[p] / mpf(lead), (st, tuple(od), tuple(aq), cq)))
        return out

    def up(state):
        return structure(tuple(s == "u" for s in state[0]))

    states, edges = explore(start, transitions)
    U, w, mttf, At, _ = measures(len(states), edges, [up(s) for s in states], t_point)
    return len(states), U, w, mttf, At


def koon(k):
    return lambda x: sum(x) >= k


CASES = {
    "a": ([(0.01, 1 / mpf(5), 0)], koon(1), [(1, 50)], None),
    "b": ([(1e-3, 1 / mpf(10), 0)] * 3, koon(2), [(1, 200)], 1),
    "c": (
        [(2e-3, 1 / mpf(4), 0)] * 2 + [(1e-3, 1 / mpf(6), 0)],
        lambda x: (x[0] or x[1]) and x[2],
        [(1, 100)],
        1,
    ),
    "d": (
        [(2e-3, 1 / mpf(4), 0)] * 2 + [(1e-3, 1 / mpf(6), 0)],
        lambda x: (x[0] or x[1]) and x[2],
        [(0, 100)],
        1,
    ),
    "e": (
        [(1e-3, 1 / mpf(8), 0)] * 2 + [(5e-4, 1 / mpf(2), 1)] * 2,
        lambda x: (x[0] or x[1]) and (x[2] or x[3]),
        [(1, 300), (0, 50)],
        None,
    ),
}

def fleet(n, k, lam, mu, crews, stock, lead, t_point):
    """The fleet example by counts: states (f, a, O)."""
    lam, mu, theta = mpf(1) / lam, mpf(1) / mu, mpf(1) / lead
    start = (0, 0, 0)

    def transitions(state):
        f, a, o = state
        out = []
        if f < n:
            on_hand = stock - o + a
            out.append(((n - f) * lam, (f + 1, a + (0 if on_hand > 0 else 1), o + 1)))
        if f - a > 0:
            out.append((min(f - a, crews) * mu, (f - 1, a, o)))
        if o > 0:
            out.append((o * theta, (f, max(a - 1, 0), o - 1)))
        return out

    states, edges = explore(start, transitions)
    isup = [n - s[0] >= k for s in states]
    return (len(states), *measures(len(states), edges, isup, t_point))


if __name__ == "__main__":
    m, U, w, mttf, At, R = fleet(6, 4, 4000, 16, 2, 2, 720, 8760)
    print("fleet", m, "U", mp.nstr(U, 17), "w", mp.nstr(w, 17), "mttf", mp.nstr(mttf, 17))
    print("  A(8760)", mp.nstr(At, 17), "R(8760)", mp.nstr(R, 17))
    for name, (units, structure, pools, crews) in CASES.items():
        m, U, w, mttf, At = solve(units, structure, pools, crews, 500)
        print(
            name,
            m,
            "U",
            mp.nstr(U, 17),
            "w",
            mp.nstr(w, 17),
            "mttf",
            mp.nstr(mttf, 17),
            "A(500)",
            mp.nstr(At, 17),
        )
