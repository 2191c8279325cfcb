"""Reference values for test/markov/squaring.test.ts: transient measures of stiff chains at long times.

Run: python3 test/reference/transient_reference.py
Every chain is written out here exactly as the TypeScript test builds it (same rates, same state
order, initial state 0). For each one, in mpmath at 100 significant digits:
  - A(t), U(t): pi(0) expm(Q t) summed over the up / down states;
  - R(t), F(t) = 1 - R(t): the up block only, R(t) = pi_U(0) expm(Q_UU t) 1 (F from the same
    spectral sum, not as 1 - R), so that R = 1e-200 keeps its digits;
  - interval availability (1/T) int_0^T A(t) dt and its down counterpart;
all by the spectral decomposition expm(Q t) = V diag(exp(lambda t)) V^-1 (mp.eig, integrals with
(exp(lambda T) - 1)/lambda, T for lambda = 0). Cross-checks, printed as comments: the same at 130
digits (agreement to 1e-60 relative asserted), and mp.expm (Pade/Taylor with scaling) at 60 digits
where ||Q t|| <= 1e4 and the value is above 1e-30 (agreement to 1e-25 asserted).
Values are printed with repr(float(x)): the double nearest the exact value (0.0 below 1e-308).
"""

import sys

import mpmath as mp

DPS = 100


def kofn(k, n, rate, repair, crews):
    """k-out-of-n identical units, state j = failed units (test/markov/chains.ts kOutOfNChain)."""
    transitions = []
    for j in range(n + 1):
        if j < n:
            transitions.append((j, j + 1, (n - j) * rate))
        if j > 0:
            transitions.append((j, j - 1, min(j, crews) * repair))
    up = [1 if n - j >= k else 0 for j in range(n + 1)]
    return n + 1, transitions, up


def shared_crew(rate_a, repair_a, rate_b, repair_b):
    """Two units in parallel, one crew that repairs A first: 0 both up, 1 A down, 2 B down, 3 both."""
    transitions = [
        (0, 1, rate_a), (0, 2, rate_b),
        (1, 0, repair_a), (1, 3, rate_b),
        (2, 0, repair_b), (2, 3, rate_a),
        (3, 2, repair_a),
    ]
    return 4, transitions, [1, 1, 1, 0]


def birth_death(n, rate, repair):
    """State j = failed units of n - 1; failures at rate (1 + j % 3), repairs at `repair`."""
    transitions = []
    for j in range(n):
        if j < n - 1:
            transitions.append((j, j + 1, rate * (1 + j % 3)))
        if j > 0:
            transitions.append((j, j - 1, repair))
    up = [1 if j < n // 2 else 0 for j in range(n)]
    return n, transitions, up


def generator(n, transitions, keep=None):
    keep = list(range(n)) if keep is None else keep
    index = {s: i for i, s in enumerate(keep)}
    Q = mp.zeros(len(keep), len(keep))
    exit_rate = [mp.mpf(0)] * n
    for i, j, r in transitions:
        exit_rate[i] += mp.mpf(r)
        if i in index and j in index:
            Q[index[i], index[j]] += mp.mpf(r)
    for s in keep:
        Q[index[s], index[s]] = -exit_rate[s]
    return Q


def spectral(Q):
    E, V = mp.eig(Q)
    W = mp.inverse(V)
    return E, V, W


def row_exp(spec, start, t):
    """start . expm(Q t) as a list."""
    E, V, W = spec
    m = len(E)
    coef = [sum(start[i] * V[i, l] for i in range(m)) * mp.exp(E[l] * t) for l in range(m)]
    return [mp.re(sum(coef[l] * W[l, j] for l in range(m))) for j in range(m)]


def row_integral(spec, start, T):
    """start . int_0^T expm(Q s) ds."""
    E, V, W = spec
    m = len(E)
    coef = []
    for l in range(m):
        lam = E[l]
        factor = mp.mpf(T) if abs(lam) < mp.mpf(10) ** (-DPS // 2) else mp.expm1(lam * T) / lam
        coef.append(sum(start[i] * V[i, l] for i in range(m)) * factor)
    return [mp.re(sum(coef[l] * W[l, j] for l in range(m))) for j in range(m)]


def measures(chain, times, horizons):
    n, transitions, up = chain
    Q = generator(n, transitions)
    spec = spectral(Q)
    start = [mp.mpf(1) if i == 0 else mp.mpf(0) for i in range(n)]
    upset = [i for i in range(n) if up[i]]
    result = {"availability": [], "unavailability": [], "reliability": [], "unreliability": [],
              "intervalUp": [], "intervalDown": []}
    for t in times:
        p = row_exp(spec, start, mp.mpf(t))
        result["availability"].append(sum(p[i] for i in upset))
        result["unavailability"].append(sum(p[i] for i in range(n) if not up[i]))
    # Reliability: the up block alone; F(t) = integral of the exit flow, from the same spectrum.
    QU = generator(n, transitions, upset)
    specU = spectral(QU)
    startU = [mp.mpf(1) if s == 0 else mp.mpf(0) for s in upset]
    exitU = [sum(mp.mpf(r) for i, j, r in transitions if i == s and not up[j]) for s in upset]
    for t in times:
        p = row_exp(specU, startU, mp.mpf(t))
        result["reliability"].append(sum(p))
        flow = row_integral(specU, startU, mp.mpf(t))
        result["unreliability"].append(sum(flow[i] * exitU[i] for i in range(len(upset))))
    for T in horizons:
        occupation = row_integral(spec, start, mp.mpf(T))
        result["intervalUp"].append(sum(occupation[i] for i in upset) / T)
        result["intervalDown"].append(sum(occupation[i] for i in range(n) if not up[i]) / T)
    return Q, result


def group_modes(chain):
    """A(t) and R(t) of one group as lists of (coefficient, exponent) pairs."""
    n, transitions, up = chain
    E, V, W = spectral(generator(n, transitions))
    upset = [i for i in range(n) if up[i]]
    avail = [(V[0, l] * sum(W[l, j] for j in upset), E[l]) for l in range(n)]
    EU, VU, WU = spectral(generator(n, transitions, upset))
    rel = [(VU[0, l] * sum(WU[l, j] for j in range(len(upset))), EU[l]) for l in range(len(upset))]
    return avail, rel


def product_modes(groups):
    """The product of sums of exponentials, expanded."""
    terms = [(mp.mpf(1), mp.mpf(0))]
    for modes in groups:
        terms = [(c * d, a + b) for c, a in terms for d, b in modes]
    return terms


def evaluate(terms, t):
    return mp.re(sum(c * mp.exp(a * t) for c, a in terms))


def integrate(terms, T):
    total = 0
    for c, a in terms:
        total += c * (mp.mpf(T) if abs(a) < mp.mpf(10) ** (-DPS // 2) else mp.expm1(a * T) / a)
    return mp.re(total)


def independent_groups(groups, times, horizons):
    """Series of independent k-of-n groups (unlimited crews): every measure is a product."""
    modes = [group_modes(g) for g in groups]
    avail = product_modes([m[0] for m in modes])
    rel = product_modes([m[1] for m in modes])
    result = {"availability": [], "unavailability": [], "reliability": [], "unreliability": [],
              "intervalUp": [], "intervalDown": []}
    for t in times:
        a = evaluate(avail, mp.mpf(t))
        r = evaluate(rel, mp.mpf(t))
        result["availability"].append(a)
        result["unavailability"].append(1 - a)
        result["reliability"].append(r)
        result["unreliability"].append(1 - r)
    for T in horizons:
        up = integrate(avail, mp.mpf(T)) / T
        result["intervalUp"].append(up)
        result["intervalDown"].append(1 - up)
    return result


def cooling_chain():
    """models/cooling-loop.yaml built unit by unit with an explicit repair queue (the same BFS as
    markov_models_reference.py cooling_loop(fcfs=False), not relkit's lumped chain)."""
    lp, mu_p, lv, mu_v = 0.01, 0.1, 0.005, 0.2
    rank = {"p1": 1, "p2": 1, "v": 0}

    def enqueue(queue, unit):
        if not queue:
            return queue + (unit,)
        head, rest = queue[0], list(queue[1:]) + [unit]
        rest.sort(key=lambda u: rank[u])
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
            rate = mu_v if head == "v" else mu_p
            t = {"p1": (1, p2, v), "p2": (p1, 1, v), "v": (p1, p2, 1)}[head]
            yield rate, t + (rest,)

    initial = (1, 1, 1, ())
    index, order, transitions = {initial: 0}, [initial], []
    k = 0
    while k < len(order):
        for rate, t in events(order[k]):
            if t not in index:
                index[t] = len(order)
                order.append(t)
            transitions.append((k, index[t], rate))
        k += 1
    up = [1 if (s[0] or s[1]) and s[2] else 0 for s in order]
    return len(order), transitions, up


def cooling_measures(times, horizons, long_time):
    """expm for the finite times, the limit for long_time: pi(0) e^{QT} = pi there (to far below
    1e-300), and int_0^T e^{Qt} dt = T 1pi + D (I - e^{QT}) with the deviation matrix
    D = (1pi - Q)^-1 - 1pi, so the interval fraction is A_inf + pi(0) D 1_up / T."""
    n, transitions, up = cooling_chain()
    Q = generator(n, transitions)
    A = Q.T.copy()
    for j in range(n):
        A[0, j] = 1
    b = mp.zeros(n, 1)
    b[0] = 1
    pi = mp.lu_solve(A, b)
    Pi = mp.matrix([[pi[j] for j in range(n)] for _ in range(n)])
    D = mp.inverse(Pi - Q) - Pi
    start = mp.matrix([[1 if i == 0 else 0 for i in range(n)]])
    upset = [i for i in range(n) if up[i]]
    downset = [i for i in range(n) if not up[i]]
    QU = generator(n, transitions, upset)
    result = {"availability": [], "unavailability": [], "reliability": [], "unreliability": [],
              "intervalUp": [], "intervalDown": []}
    for t in times:
        if t == long_time:
            row = [pi[j] for j in range(n)]
            r = mp.mpf(0)
        else:
            M = start * mp.expm(Q * t)
            row = [M[0, j] for j in range(n)]
            MU = mp.expm(QU * t)
            r = sum(MU[0, j] for j in range(len(upset)))
        result["availability"].append(sum(row[i] for i in upset))
        result["unavailability"].append(sum(row[i] for i in downset))
        result["reliability"].append(r)
        result["unreliability"].append(1 - r)
    for T in horizons:
        E = Pi if T == long_time else mp.expm(Q * T)
        occupation = start * (T * Pi + D * (mp.eye(n) - E))
        result["intervalUp"].append(sum(occupation[0, i] for i in upset) / T)
        result["intervalDown"].append(sum(occupation[0, i] for i in downset) / T)
    return result


COOLING_TIMES = [10, 100, 1000, 1e15]
COOLING_HORIZONS = [1000, 1e15]


# models/-style four groups in series, unlimited crews (test/markov/squaring.test.ts builds the
# 320-state chain from the model text and checks it against these products).
FOUR_GROUPS = [
    kofn(2, 3, 1 / 2000, 1 / 0.05, 3),
    kofn(2, 3, 1 / 5000, 1 / 2, 3),
    kofn(2, 3, 1 / 1e4, 1 / 10, 3),
    kofn(3, 4, 1 / 1e5, 1 / 24, 4),
]
FOUR_TIMES = [1, 1e3, 1e5, 1e6, 1e8]
FOUR_HORIZONS = [1e3, 1e6]


def expm_check(Q, start, t):
    mp.mp.dps = 60
    M = mp.expm(Q * mp.mpf(t))
    row = [sum(start[i] * M[i, j] for i in range(Q.rows)) for j in range(Q.cols)]
    mp.mp.dps = DPS
    return row


CASES = [
    # name, chain, times, horizons
    ("stiff7", kofn(4, 6, 0.05, 60, 1),
     [0.01, 1, 100, 1e4, 1e5, 1e6, 1e7, 1.1145e8, 2e8],
     [1, 1000, 1e6, 1e9]),
    ("wideRates", shared_crew(1e-12, 1e6, 1e-3, 0.1),
     [1e-3, 1, 1e3, 1e6, 1e9, 1e12, 1e15],
     [1e-3, 1e3, 1e9, 1e15]),
    ("threeUnits", kofn(2, 3, 1e-6, 1, 1),
     [0.5, 10, 1e4, 1e8, 1e11, 1e13, 1e14, 1e15],
     [10, 1e6, 1e15]),
    ("birthDeath24", birth_death(24, 0.5, 1),
     [0.1, 10, 1e3, 1e6],
     [10, 1e6]),
]


def main():
    mp.mp.dps = DPS
    print(f"// python {sys.version.split()[0]}, mpmath {mp.__version__}; {DPS} digits")
    for name, chain, times, horizons in CASES:
        Q, result = measures(chain, times, horizons)
        mp.mp.dps = 130
        _, check = measures(chain, times, horizons)
        mp.mp.dps = DPS
        worst = mp.mpf(0)
        for key in result:
            for a, b in zip(result[key], check[key]):
                if b != 0:
                    worst = max(worst, abs(a - b) / abs(b))
        assert worst < mp.mpf(10) ** -60, (name, worst)
        n = chain[0]
        start = [mp.mpf(1) if i == 0 else mp.mpf(0) for i in range(n)]
        expm_worst = mp.mpf(0)
        for j, t in enumerate(times):
            if mp.mnorm(Q, 1) * t > 1e4:
                continue
            row = expm_check(Q, start, t)
            a = sum(row[i] for i in range(n) if chain[2][i])
            u = sum(row[i] for i in range(n) if not chain[2][i])
            for x, y in ((a, result["availability"][j]), (u, result["unavailability"][j])):
                if abs(y) > 1e-30:
                    expm_worst = max(expm_worst, abs(x - y) / abs(y))
        assert expm_worst < mp.mpf(10) ** -25, (name, expm_worst)
        print(f"// {name}: 130 digits agree to {mp.nstr(worst, 2)}, mp.expm to {mp.nstr(expm_worst, 2)}")
        print(f"{name}: {{")
        print(f"  times: [{', '.join(repr(float(t)) for t in times)}],")
        print(f"  horizons: [{', '.join(repr(float(t)) for t in horizons)}],")
        for key, values in result.items():
            print(f"  {key}: [{', '.join(repr(float(x)) for x in values)}],")
        print("},")
    emit("coolingLoop", lambda: cooling_measures(COOLING_TIMES, COOLING_HORIZONS, 1e15),
         COOLING_TIMES, COOLING_HORIZONS,
         f"unlumped chain, {cooling_chain()[0]} states; the limits at 1e15")
    emit("fourGroups", lambda: independent_groups(FOUR_GROUPS, FOUR_TIMES, FOUR_HORIZONS),
         FOUR_TIMES, FOUR_HORIZONS, "products of the four group chains")


def emit(name, compute, times, horizons, note):
    """Computes at 100 and 130 digits, asserts agreement, prints the TypeScript literal."""
    result = compute()
    mp.mp.dps = 130
    check = compute()
    mp.mp.dps = DPS
    worst = max(abs(a - b) / abs(b) for key in result for a, b in zip(result[key], check[key]) if b != 0)
    assert worst < mp.mpf(10) ** -60, (name, worst)
    print(f"// {name} ({note}): 130 digits agree to {mp.nstr(worst, 2)}")
    print(f"{name}: {{")
    print(f"  times: [{', '.join(repr(float(t)) for t in times)}],")
    print(f"  horizons: [{', '.join(repr(float(t)) for t in horizons)}],")
    for key, values in result.items():
        print(f"  {key}: [{', '.join(repr(float(x)) for x in values)}],")
    print("},")

if __name__ == "__main__":
    main()
