"""Reference values for proof-tested models and renewal-reward maintenance measures solved by the
analytic solver (src/analytic/formulas/hiddenFailureUnavailability.ts,
src/analytic/solver/proofTestedMeasures.ts, renewalCycle.ts), by mpmath at 30 digits,
independently of relkit's formulas: every unit is a small Markov chain whose state vector is
carried across the proof tests by matrix exponentials, and the system's PFD(t) is integrated by
mp.quad piece by piece.

Per unit (docs/semantics.md, "Hidden failures and proof tests", instantaneous repair): states
U (up), H (failed, a test reveals it), N (failed, no test reveals it). In service U -> H at
lam*c, U -> N at lam*(1-c); during a test [s, s+d) the unit is down and nothing changes; at the
test's end H -> U (renewed) when the unit is repaired, else H stays. Units are independent
(a common-cause unit of a beta-factor group is one more unit with rate beta*lam and the same
tests); the system's unavailability is the structure function of the units' unavailabilities.

Renewal reward (age replacement at age T or at failure; repair mean m, replacement duration d):
up = int_0^T R, down = F(T) m + R(T) d, cost = cu F + cp R + crew F m + cdown * down.

Run: python3 test/reference/proof_test_reference.py
"""

from mpmath import mp, mpf, matrix, expm, quad, exp, gamma, log

mp.dps = 30


def unit_curve(lam, interval, duration, coverage, first, repaired):
    """Returns q(t), the unit's unavailability at t, from its chain (not the product formula)."""
    lam, interval, duration, coverage, first = map(mpf, (lam, interval, duration, coverage, first))
    Q = matrix([[-lam, lam * coverage, lam * (1 - coverage)], [0, 0, 0], [0, 0, 0]])
    cache = {}

    def state_after_tests(k):
        # The state vector right after the k-th test ends (k >= 1), by stepping the chain.
        if k in cache:
            return cache[k]
        v = matrix([[1, 0, 0]])
        for j in range(1, k + 1):
            length = first if j == 1 else interval - duration
            v = v * expm(Q * length)
            if repaired:
                v = matrix([[v[0] + v[1], 0, v[2]]])
            cache[j] = v
        return cache[k]

    def q(t):
        t = mpf(t)
        if t < first:
            return 1 - (matrix([[1, 0, 0]]) * expm(Q * t))[0]
        k = int(mp.floor((t - first) / interval))
        since = t - (first + k * interval)
        if since < duration:
            return mpf(1)
        v = state_after_tests(k + 1) * expm(Q * (since - duration))
        return 1 - v[0]

    return q


def edges(plans, horizon):
    cuts = {mpf(0), mpf(horizon)}
    for interval, duration, first in plans:
        s = mpf(first)
        while s < horizon:
            cuts.add(s)
            if duration > 0 and s + duration < horizon:
                cuts.add(s + duration)
            s += interval
    return sorted(cuts)


def pfd_avg(system_q, plans, horizon):
    cuts = edges(plans, horizon)
    total = mpf(0)
    for a, b in zip(cuts, cuts[1:]):
        total += quad(system_q, [a, b])
    return total / horizon


def case(name, value):
    print(f"{name}: {mp.nstr(value, 17)}")


# B: 1oo1, partial coverage, test duration, first test off the grid, mission not a multiple.
qB = unit_curve(2e-5, 4380, 8, 0.7, 2000, True)
case("B 1oo1 c=0.7 d=8 first=2000 mission 30000 pfdAvg", pfd_avg(qB, [(4380, 8, 2000)], 30000))
case("B q(2000+4380*3+8+100)", qB(2000 + 4380 * 3 + 8 + 100))

# C: staggered 1oo2 (two components), d = 4, c = 0.9.
qC1 = unit_curve(1e-5, 8760, 4, 0.9, 8760, True)
qC2 = unit_curve(1e-5, 8760, 4, 0.9, 4380, True)
case(
    "C staggered 1oo2 pfdAvg over 87600",
    pfd_avg(lambda t: qC1(t) * qC2(t), [(8760, 4, 8760), (8760, 4, 4380)], 87600),
)

# D: 2oo3 with beta = 0.05, mission 10 T + 1000.
lam, beta = mpf(3e-6), mpf("0.05")
qi = unit_curve((1 - beta) * lam, 8760, 0, 1, 8760, True)
qc = unit_curve(beta * lam, 8760, 0, 1, 8760, True)


def two_of_three(t):
    q, c = qi(t), qc(t)
    fail = 3 * q**2 * (1 - q) + q**3
    return c + (1 - c) * fail


case("D 2oo3 beta=0.05 pfdAvg over 88600", pfd_avg(two_of_three, [(8760, 0, 8760)], 88600))

# E: no repair: a test finds the failure but cannot mend it; d = 10.
qE = unit_curve(1e-4, 1000, 10, 1, 1000, False)
case("E 1oo1 unrepaired d=10 pfdAvg over 5000", pfd_avg(qE, [(1000, 10, 1000)], 5000))

# F: exponential life, exponential repair (mean 10), age replacement at 500 taking 2, costs.
lamF, T, m, d = mpf("1e-3"), mpf(500), mpf(10), mpf(2)
R = exp(-lamF * T)
F = 1 - R
up = (1 - R) / lamF
down = F * m + R * d
cost = 100 * F + 20 * R + 50 * F * m + 30 * down
case("F steadyAvailability", up / (up + down))
case("F steadyUnavailability", down / (up + down))
case("F failureFrequency", (F + R) / (up + down))
case("F costRate", cost / (up + down))

# G: Weibull (2.5, 1000) life, repair mean 20, age replacement at 600 taking 5, downtime cost 7.
Rg = lambda t: exp(-((mpf(t) / 1000) ** mpf("2.5")))
Tg = mpf(600)
upG = quad(Rg, [0, Tg])
downG = (1 - Rg(Tg)) * 20 + Rg(Tg) * 5
case("G steadyAvailability", upG / (upG + downG))
case("G costRate", (7 * downG) / (upG + downG))

# models/sif-proof-test.yaml: 1oo2 transmitters (5e-6, beta 0.1), logic solver (5e-7), valve
# (2e-6, a test finds 90 %, takes 2 h), all tested every 8760 h, instantaneous repair; 10 years.
q_tx = unit_curve(mpf("4.5e-6"), 8760, 0, 1, 8760, True)
q_ccf = unit_curve(mpf("5e-7"), 8760, 0, 1, 8760, True)
q_logic = unit_curve(mpf("5e-7"), 8760, 0, 1, 8760, True)
q_valve = unit_curve(mpf("2e-6"), 8760, 2, mpf("0.9"), 8760, True)


def sif(t):
    up = (1 - q_ccf(t)) * (1 - q_tx(t) ** 2) * (1 - q_logic(t)) * (1 - q_valve(t))
    return 1 - up


sif_avg = pfd_avg(sif, [(8760, 0, 8760), (8760, 2, 8760)], 87600)
case("SIF pfdAvg over 87600", sif_avg)
case("SIF intervalAvailability", 1 - sif_avg)
case("SIF availability(40000)", 1 - sif(40000))
case("SIF availability(87599)", 1 - sif(87599))

# models/bearing-age-replacement.yaml: Weibull (2.5, 1000), replaced at age 493 or at failure,
# instantaneously; preventive cost 1, corrective 5.
Rb = lambda t: exp(-((mpf(t) / 1000) ** mpf("2.5")))
upB = quad(Rb, [0, 493])
case("bearing costRate", (1 * Rb(493) + 5 * (1 - Rb(493))) / upB)
case("bearing failureFrequency", (1 - Rb(493)) / upB)
