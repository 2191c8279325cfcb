"""Reference values for the Markov engine's proof tests and costs
(src/markov/measures/piecewiseTransient.ts, upkeepMeasures.ts, generation/fromModelCosts.ts), by
mpmath at 40 digits, independently of relkit's chain generator and uniformization.

Each case is written here as a small chain by hand: the states of its units, a generator per
phase (normal, or a component's test in progress), and the deterministic maps at the test
epochs (docs/semantics.md, "Hidden failures and proof tests"). Between events the distribution
moves by p e^{Q tau} and rewards accumulate as p * integral_0^tau e^{Q s} ds * r, both from one
matrix exponential of the block matrix [[Q, I], [0, 0]] tau (Van Loan, IEEE TAC 23(3), 1978):
its top-right block is the integral. No uniformization, no Poisson weights.

Cases (the models are in test/markov/upkeep.test.ts):
  d: one unit, lam 2e-5, exponential repair MTTR 8, tests every 4380 taking 4, coverage 0.9,
     mission 43800; costs corrective 1000, inspection 200, downtime 50/h, crew 80/h
  e: units a, b in parallel, lam 1e-4, MTTR 200, one crew (first come, first served), tests of
     b at 4380 k, of a at 2190 + 4380 k, taking no time; mission 43800
  e2: e with tests taking 24 h, coverage 0.8, MTTR 100
  f: x (lam 1e-3, MTTR 8, corrective 500, downtime 100/h) and y (lam 2e-3, MTTR 24,
     corrective 300, downtime 10/h) in series, crew 50/h, unlimited crews, mission 1000:
     missionCost by the closed form of one repairable unit, U(t) = lam/(lam+mu)(1 - e^{-(lam+mu)t})
Run: python3 test/reference/markov_upkeep_reference.py
"""

from mpmath import mp, mpf, matrix, expm, exp

mp.dps = 40


def piecewise(states, generator, up, events, times, ends, rate_cost=None):
    """states: list; generator(phase) -> dict {(i, j): rate}; events: sorted list of
    (time, phase_after, map dict state->state, impulse dict state->cost, fixed cost).
    Returns A at times, and (int U, cost) at ends."""
    n = len(states)
    idx = {s: i for i, s in enumerate(states)}
    p = [mpf(0)] * n
    p[0] = mpf(1)
    stops = sorted(set([e[0] for e in events] + list(times) + list(ends)))
    now, phase = mpf(0), "normal"
    int_down, cost = mpf(0), mpf(0)
    out_a, out_end = {}, {}
    ev = 0
    cache = {}
    for stop in stops:
        tau = mpf(stop) - now
        if tau > 0:
            key = (phase, tau)
            if key not in cache:
                Q = matrix(2 * n, 2 * n)
                for (i, j), r in generator(phase).items():
                    Q[idx[i], idx[j]] += r
                    Q[idx[i], idx[i]] -= r
                for i in range(n):
                    Q[i, n + i] = 1
                cache[key] = expm(Q * tau)
            E = cache[key]
            newp = [sum(p[i] * E[i, j] for i in range(n)) for j in range(n)]
            occ = [sum(p[i] * E[i, n + j] for i in range(n)) for j in range(n)]
            int_down += sum(occ[j] for j in range(n) if not up(states[j], phase))
            if rate_cost:
                cost += sum(occ[j] * rate_cost(states[j], phase) for j in range(n))
            p = newp
        now = mpf(stop)
        while ev < len(events) and events[ev][0] == stop:
            _, phase_after, mapping, impulse, fixed = events[ev]
            cost += fixed + sum(p[idx[s]] * impulse.get(s, 0) for s in states)
            q = [mpf(0)] * n
            for s in states:
                q[idx[mapping.get(s, s)]] += p[idx[s]]
            p, phase = q, phase_after
            ev += 1
        out_a[stop] = sum(p[j] for j in range(n) if up(states[j], phase))
        out_end[stop] = (int_down, cost)
    return [out_a[t] for t in times], [out_end[t] for t in ends]


def case_d():
    lam, mu, c, T, d, M = mpf("2e-5"), 1 / mpf(8), mpf("0.9"), 4380, 4, 43800
    # W working, S back from repair during a test (in service), H hidden revealable,
    # N never revealed, R in repair. During a test W is the unit under test.
    states = ["W", "H", "N", "R", "S"]

    def generator(phase):
        g = {("R", "W" if phase == "normal" else "S"): mu}
        if phase == "normal":
            g[("W", "H")] = lam * c
            g[("W", "N")] = lam * (1 - c)
        else:
            g[("S", "H")] = lam * c
            g[("S", "N")] = lam * (1 - c)
        return g

    def up(s, phase):
        return s == "S" or (s == "W" and phase == "normal")

    def rate_cost(s, phase):
        downtime = 50 if (s in "HNR" or (s == "W" and phase == "test")) else 0
        return downtime + (80 if s == "R" else 0)

    events = []
    for k in range(1, 11):
        events.append((k * T, "test", {}, {}, 200))
        if k * T + d <= M:
            events.append((k * T + d, "normal", {"S": "W", "H": "R"}, {"H": 1000}, 0))
    times = [T - mpf(1) / 1000, T, T + 2, T + d, 5 * T + 1]
    a, ends = piecewise(states, generator, up, events, times, [M], rate_cost)
    (down, cost), = ends
    return {"A": a, "times": times, "pfdAvg": down / M, "missionCost": cost}


def case_e():
    lam, mu, T, M = mpf("1e-4"), 1 / mpf(200), 4380, 43800
    # per unit: W, H (hidden), R (repair), Q (waiting for the one crew)
    states = [(x, y) for x in "WHRQ" for y in "WHRQ"
              if not (x in "RQ" and y in "RQ" and (x == y or "R" not in (x, y)))]
    states.sort(key=lambda s: s != ("W", "W"))

    def generator(phase):
        g = {}
        for s in states:
            for u in (0, 1):
                if s[u] == "W":
                    t = list(s); t[u] = "H"; g[(s, tuple(t))] = lam
                if s[u] == "R":
                    t = list(s); t[u] = "W"
                    if t[1 - u] == "Q":
                        t[1 - u] = "R"
                    g[(s, tuple(t))] = mu
        return g

    def up(s, phase):
        return "W" in s

    def reveal(u):
        m = {}
        for s in states:
            if s[u] == "H":
                t = list(s); t[u] = "Q" if s[1 - u] == "R" else "R"
                m[s] = tuple(t)
        return m

    events = sorted([(2190 + 4380 * k, "normal", reveal(0), {}, 0) for k in range(10)]
                    + [(4380 * k, "normal", reveal(1), {}, 0) for k in range(1, 11)])
    times = [2190, 4380, 6570, 43800]
    a, ends = piecewise(states, generator, up, events, times, [M])
    (down, _), = ends
    return {"A": a, "times": times, "pfdAvg": down / M}


def case_e2():
    """Case e with tests taking 24 h, coverage 0.8 and MTTR 100: a unit whose repair ends during
    its component's test is back in service (S); revealed failures queue for the one crew."""
    lam, mu, c, T, d, M = mpf("1e-4"), 1 / mpf(100), mpf("0.8"), 4380, 24, 43800
    units = "WHNRQS"
    states = [(x, y) for x in units for y in units
              if not (x in "RQ" and y in "RQ" and (x == y or "R" not in (x, y)))]
    states.sort(key=lambda s: s != ("W", "W"))

    def generator(phase):
        g = {}
        for s in states:
            for u in (0, 1):
                in_service = s[u] == "S" or (s[u] == "W" and phase != u)
                if in_service:
                    for to, r in (("H", lam * c), ("N", lam * (1 - c))):
                        t = list(s); t[u] = to; g[(s, tuple(t))] = r
                if s[u] == "R":
                    t = list(s); t[u] = "S" if phase == u else "W"
                    if t[1 - u] == "Q":
                        t[1 - u] = "R"
                    g[(s, tuple(t))] = mu
        return g

    def up(s, phase):
        return any(s[u] == "S" or (s[u] == "W" and phase != u) for u in (0, 1))

    def end(u):
        m = {}
        for s in states:
            t = list(s)
            if s[u] == "S":
                t[u] = "W"
            if s[u] == "H":
                t[u] = "Q" if s[1 - u] == "R" else "R"
            m[s] = tuple(t)
        return m

    events = []
    for k in range(10):
        events.append((2190 + 4380 * k, 0, {}, {}, 0))
        events.append((2190 + 4380 * k + d, "normal", end(0), {}, 0))
        events.append((4380 * (k + 1), 1, {}, {}, 0))
        if 4380 * (k + 1) + d <= M:
            events.append((4380 * (k + 1) + d, "normal", end(1), {}, 0))
    events.sort(key=lambda e: e[0])
    times = [2190, 2200, 2214, 4380, 4404, 43800]
    a, ends = piecewise(states, generator, up, events, times, [M])
    (down, _), = ends
    return {"A": a, "times": times, "pfdAvg": down / M}


def case_f():
    M = mpf(1000)
    total = mpf(0)
    for lam, mttr, corrective, downtime in [("1e-3", 8, 500, 100), ("2e-3", 24, 300, 10)]:
        lam, mu = mpf(lam), 1 / mpf(mttr)
        s = lam + mu
        int_u = lam / s * (M - (1 - exp(-s * M)) / s)
        # repairs start at failures (unlimited crews): rate lam A(t), A = 1 - U
        total += (downtime + 50) * int_u + corrective * lam * (M - int_u)
    return {"missionCost": total}


if __name__ == "__main__":
    for name, case in [("d", case_d), ("e", case_e), ("e2", case_e2), ("f", case_f)]:
        result = case()
        for key, value in result.items():
            if isinstance(value, list):
                print(name, key, [mp.nstr(v, 16) for v in value])
            else:
                print(name, key, mp.nstr(value, 16))
