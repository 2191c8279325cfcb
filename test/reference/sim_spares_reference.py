"""Reference values for the simulated spare-part pools (test/sim/spares.stat.test.ts), computed
independently of relkit from the continuous-time Markov chain of docs/semantics.md, "Spare parts",
with exponential failure, repair and lead times (each outstanding order arriving at rate theta).

The chain is generated here by exploring states from the all-new one. A state is
    (status of each unit, awaiting queue, crew queue, outstanding orders k)
with a unit's status U (working), A (awaiting a spare), Q (waiting for a crew) or R (in repair);
the two queues keep their units in arrival order. Transitions:
  - a working unit i fails (rate lam_i): it demands a spare and an order is placed (k + 1); with
    a spare on hand (S - k + #awaiting > 0 before the order) it takes it and joins the crews (R
    when a crew is free, else the end of the crew queue), otherwise it joins the end of the
    awaiting queue;
  - an outstanding order arrives (rate k theta): k - 1; the head of the awaiting queue takes the
    spare and joins the crews, or the spare goes on hand when none awaits;
  - a repair of unit i ends (rate mu_i): the unit works again; the crew takes the head of the
    crew queue.
The steady state pi solves pi Q = 0, sum pi = 1; the unavailability is the mass of the down
states, the failure frequency the sum over up states s of pi(s) times the rate out of s into down
states; A(t) = P(up at t) from the all-new state, by the matrix exponential. The one-unit chains
(at most 9 states) are solved by mpmath at 40 digits (LU; expm by Taylor series with scaling and
squaring), with A(t) checked against scipy's float expm to 1e-12; the shared pool's chain
(hundreds of states) in float64 (numpy LU, scipy expm), its steady state checked against expm(Q t)
at t = 1e5 to 1e-10. The tests need 4 digits.

The wrong variants (for the power checks of the tests) are the same chain with one rule changed:
  - "lifo": an arriving spare goes to the unit that has awaited least (the end of the queue);
  - "late": an awaiting unit's order is placed only when it takes a spare (so the demand that
    finds the pool empty orders nothing; an arrival given to an awaiting unit orders again);
  - "nopool": no pool (every repair has its part at once): the plain repairable chain;
  - stock S + 1.

A deterministic lead time has no Markov chain; for one unit with stock 1 it has a recursion. Let
D_n be the n-th demand (failure). Order n - 1 (placed at D_(n-1)) is the only one that can still
be outstanding at D_n, so the unit waits W_n = (D_(n-1) + L - D_n)^+ = (L - W_(n-1) - G_n)^+ with
G_n = R_(n-1) + U_n (a repair and the next life, independent of W_(n-1)), and W_1 = 0. Over the
cycle [D_n, D_(n+1)) the unit is down W_n + R_n of W_n + R_n + U_(n+1), so in the long run
    U = (E[W] + 1/mu) / (E[W] + 1/mu + 1/lam),   failure frequency = 1 / (E[W] + 1/mu + 1/lam),
E[W] under the stationary law of the Markov chain W: an atom p0 at 0 and a density f on (0, L],
    f(y) = p0 g(L - y) + int_0^(L-y) f(w) g(L - w - y) dw,
    p0 = p0 P(G > L) + int_0^L f(w) P(G > L - w) dw,
g the hypoexponential density of G. Solved by iterating this map on a grid of N intervals
(trapezoid rule, exact endpoints since L - y_i is a grid point; error O(h^2)) and Richardson
over N = 800, 1600 (the spread of two extrapolations is printed); a direct Monte Carlo of the
recursion (1e7 steps, numpy) gave E[W] = 5.8519 +- 0.002 against 5.852003.

Run: python3 test/reference/sim_spares_reference.py
(mpmath 1.3.0, numpy 2.4.6, scipy 1.17.1; 2026-12-06)
"""

from mpmath import mp, mpf, matrix, lu_solve, expm
import numpy as np
import scipy.linalg

mp.dps = 40


def chain(lam, mu, up, S, theta, crews, variant="fifo"):
    """States, generator (dict of dicts) and up flags. lam, mu: per-unit rates; up(status) -> bool."""
    n = len(lam)
    start = (("U",) * n, (), (), 0)
    index = {start: 0}
    states = [start]
    rates = []
    todo = [start]
    pool = variant != "nopool"

    def join_crews(status, crew_q, i):
        busy = sum(1 for s in status if s == "R")
        status = list(status)
        if crews == 0 or busy < crews:
            status[i] = "R"
        else:
            status[i] = "Q"
            crew_q = crew_q + (i,)
        return tuple(status), crew_q

    while todo:
        s = todo.pop()
        status, await_q, crew_q, k = s
        out = {}

        def add(t, r):
            if t not in index:
                index[t] = len(states)
                states.append(t)
                todo.append(t)
            out[index[t]] = out.get(index[t], mpf(0)) + r

        for i in range(n):
            if status[i] == "U":
                if not pool:
                    st, cq = join_crews(status, crew_q, i)
                    add((st, await_q, cq, 0), lam[i])
                    continue
                on_hand = S - k + len(await_q) if variant != "late" else S - k
                if on_hand > 0:
                    st, cq = join_crews(status, crew_q, i)
                    add((st, await_q, cq, k + 1), lam[i])
                else:
                    st = list(status)
                    st[i] = "A"
                    add((tuple(st), await_q + (i,), crew_q, k if variant == "late" else k + 1), lam[i])
            elif status[i] == "R":
                st = list(status)
                st[i] = "U"
                st = tuple(st)
                cq = crew_q
                if cq:
                    j = cq[0]
                    cq = cq[1:]
                    st = list(st)
                    st[j] = "R"
                    st = tuple(st)
                add((st, await_q, cq, k), mu[i])
        if pool and k > 0:
            if await_q:
                if variant == "lifo":
                    j, rest = await_q[-1], await_q[:-1]
                else:
                    j, rest = await_q[0], await_q[1:]
                st, cq = join_crews(status, crew_q, j)
                # "late": the unit taking the arriving spare orders its replacement now.
                add((st, rest, cq, k if variant == "late" else k - 1), k * theta)
            else:
                add((status, await_q, crew_q, k - 1), k * theta)
        rates.append((index[s], out))
    m = len(states)
    Q = matrix(m, m)
    for i, out in rates:
        for j, r in out.items():
            if j != i:
                Q[i, j] += r
                Q[i, i] -= r
    ups = [up(st[0]) for st in states]
    return states, Q, ups


def measures(lam, mu, up, S, theta, crews, times, variant="fifo", digits=True):
    """Unavailability, failure frequency and A(t) at `times`: mpmath (40 digits) when `digits`,
    else float64 (numpy LU, scipy expm), whose steady state is checked against the last row of
    expm(Q t) at a large t to 1e-10."""
    states, Q, ups = chain(lam, mu, up, S, theta, crews, variant)
    m = len(states)
    down = [i for i in range(m) if not ups[i]]
    if digits:
        # pi Q = 0 with sum pi = 1: the last equation of Q^T pi = 0 replaced by the normalisation.
        A = Q.T.copy()
        for j in range(m):
            A[m - 1, j] = mpf(1)
        b = matrix(m, 1)
        b[m - 1] = mpf(1)
        pi = lu_solve(A, b)
        Qd = Q
    else:
        Qd = np.array(Q.tolist(), dtype=float)
        A = Qd.T.copy()
        A[-1, :] = 1
        b = np.zeros(m)
        b[-1] = 1
        pi = np.linalg.solve(A, b)
        far = scipy.linalg.expm(Qd * 1e5)[0]
        assert np.max(np.abs(far - pi)) < 1e-10
    unavailability = sum(pi[i] for i in down)
    frequency = sum(pi[i] * Qd[i, j] for i in range(m) if ups[i] for j in down)
    availability = []
    Qf = np.array(Q.tolist(), dtype=float)
    for t in times:
        check = scipy.linalg.expm(Qf * t)[0] @ np.array(ups, dtype=float)
        if digits:
            P = expm(Q * t)
            a = sum(P[0, j] for j in range(m) if ups[j])
            assert abs(float(a) - check) < 1e-12, (a, check)
        else:
            a = check
        availability.append(a)
    return m, unavailability, frequency, availability


def report(name, lam, mu, up, S, theta, crews, times, variants, digits=True):
    print(f"# {name}")
    for v, s in variants:
        m, u, w, a = measures(lam, mu, up, s, theta, crews, times, v, digits)
        print(f"{v} S={s} ({m} states): steadyUnavailability {float(u)!r}")
        print(f"  failureFrequency {float(w)!r}")
        for t, x in zip(times, a):
            print(f"  A({t}) {float(x)!r}")


# 1. One unit: failure rate 0.1/h, repair mean 2 h, lead time mean 20 h, stock 0, 1, 2.
# By hand for stock 0: states up, awaiting, repairing with sojourns 10, 20, 2 h in turn, so the
# unavailability is 22/32 and the failure frequency 1/32.
one = lambda status: status[0] == "U"
for S in (0, 1, 2):
    report(
        f"one unit, stock {S}",
        [mpf("0.1")],
        [mpf("0.5")],
        one,
        S,
        mpf("0.05"),
        1,
        [5, 20, 50],
        [("fifo", S), ("nopool", S), ("late", S), ("fifo", S + 1)],
    )

# 2. A critical unit a (rate 0.1/h, repair mean 5 h) in series with a 1-of-3 bank of b (rate
# 0.3/h each, repair mean 1 h); one crew; one pool of stock 1 serving a and b, lead time mean
# 20 h. Units: 0 = a, 1..3 = b[1..3]. A stressed pool, chosen so that the order in which
# awaiting units get their spares matters (LIFO changes the failure frequency by 14 %).
series = lambda status: status[0] == "U" and any(s == "U" for s in status[1:])
report(
    "a + 1oo3 b, shared pool",
    [mpf("0.1")] + [mpf("0.3")] * 3,
    [mpf("0.2")] + [mpf(1)] * 3,
    series,
    1,
    mpf("0.05"),
    1,
    [10, 40],
    [("fifo", 1), ("lifo", 1), ("nopool", 1), ("late", 1), ("fifo", 2)],
    digits=False,
)


# 3. One unit (rate 0.1/h, repair mean 2 h), stock 1, deterministic lead time 20 h.
def deterministic_wait(lam, mu, L, N):
    """E[W] of the stationary waiting time (see the docstring), on a grid of N intervals."""
    g = lambda x: lam * mu / (mu - lam) * (np.exp(-lam * x) - np.exp(-mu * x))
    survival = lambda x: (mu * np.exp(-lam * x) - lam * np.exp(-mu * x)) / (mu - lam)
    h = L / N
    y = np.arange(N + 1) * h
    w, yy = np.meshgrid(y, y)
    arg = L - w - yy
    kernel = np.where(arg >= -1e-12, g(np.maximum(arg, 0)), 0.0)
    weights = np.zeros((N + 1, N + 1))
    for i in range(N):
        m = N - i
        weights[i, : m + 1] = h
        weights[i, 0] = weights[i, m] = h / 2
    step = kernel * weights
    trapezoid = np.full(N + 1, h)
    trapezoid[0] = trapezoid[-1] = h / 2
    atom = survival(L - y)
    p0, f = 1.0, np.zeros(N + 1)
    for _ in range(10000):
        f_next = p0 * g(L - y) + step @ f
        p0_next = p0 * survival(L) + (trapezoid * f) @ atom
        total = p0_next + trapezoid @ f_next
        f_next, p0_next = f_next / total, p0_next / total
        done = np.max(np.abs(f_next - f)) < 1e-15 and abs(p0_next - p0) < 1e-15
        f, p0 = f_next, p0_next
        if done:
            break
    return trapezoid @ (y * f)


print("# one unit, stock 1, deterministic lead time 20 h")
lam, mu, L = 0.1, 0.5, 20.0
waits = {N: deterministic_wait(lam, mu, L, N) for N in (400, 800, 1600)}
extrapolated = [(4 * waits[N] - waits[N // 2]) / 3 for N in (800, 1600)]
wait = extrapolated[-1]
cycle = wait + 1 / mu + 1 / lam
print(f"E[W] {float(wait)!r} (Richardson spread {abs(extrapolated[1] - extrapolated[0]):.1e})")
print(f"steadyUnavailability {float((wait + 1 / mu) / cycle)!r}")
print(f"failureFrequency {float(1 / cycle)!r}")
