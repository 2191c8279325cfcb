"""Exact answers for the example systems in models/, computed independently of relkit.

Method: every structure is evaluated by brute-force enumeration of all unit states (no BDD,
no series-parallel reduction); failure frequency as the probability flow from up states to
down states (not Birnbaum importance); MTTF by mpmath.quad of R(t), or in closed form.
Run: python3 test/reference/models_reference.py   (mpmath 1.3.0; 2026-11-26)
Prints `key = value` lines; the values are pasted into the models' header comments, which
test/models/models.test.ts checks against `relkit analyze`.
"""
import itertools
import mpmath as mp

mp.mp.dps = 30


def enumerate_states(n, probs, structure):
    """P(system up) summed over all 2^n states; probs[i] = P(unit i up)."""
    total = mp.mpf(0)
    for state in itertools.product((0, 1), repeat=n):
        if structure(state):
            p = mp.mpf(1)
            for up, pi in zip(state, probs):
                p *= pi if up else 1 - pi
            total += p
    return total


def failure_frequency(n, avail, rates, structure):
    """Σ over up states x, units i up in x whose failure downs the system: P(x)·λ_i."""
    total = mp.mpf(0)
    for state in itertools.product((0, 1), repeat=n):
        if not structure(state):
            continue
        p = mp.mpf(1)
        for up, a in zip(state, avail):
            p *= a if up else 1 - a
        for i in range(n):
            if state[i]:
                down = list(state)
                down[i] = 0
                if not structure(down):
                    total += p * rates[i]
    return total


def repairable(name, n, mttf, mttr, structure, times=()):
    mttf = [mp.mpf(x) for x in mttf]
    mttr = [mp.mpf(x) for x in mttr]
    a = [f / (f + r) for f, r in zip(mttf, mttr)]
    A = enumerate_states(n, a, structure)
    U = 1 - A
    w = failure_frequency(n, a, [1 / f for f in mttf], structure)
    out = {'A': A, 'U': U, 'w': w, 'mtbf': 1 / w, 'mut': A / w, 'mdt': U / w, 'nines': -mp.log10(U)}
    for t in times:
        pa = [mu / (lam + mu) + lam / (lam + mu) * mp.exp(-(lam + mu) * t)
              for lam, mu in ((1 / f, 1 / r) for f, r in zip(mttf, mttr))]
        out[f'a{t}'] = enumerate_states(n, pa, structure)
    return {f'{name}.{k}': v for k, v in out.items()}


def koon(k):
    return lambda s: sum(s) >= k


def connected(edges, source, sink):
    def structure(state):
        reach, changed = {source}, True
        while changed:
            changed = False
            for (u, v), up in zip(edges, state):
                if up and (u in reach) != (v in reach):
                    reach |= {u, v}
                    changed = True
        return sink in reach
    return structure


values = {}

# TMR with Weibull voter
lam = mp.mpf('1e-4')
def r_tmr(t):
    r = mp.exp(-lam * t)
    return (3 * r**2 - 2 * r**3) * mp.exp(-(t / mp.mpf('2e5'))**mp.mpf('1.3'))
values.update({'tmr.r1000': r_tmr(1000), 'tmr.r5000': r_tmr(5000), 'tmr.mttf': mp.quad(r_tmr, [0, 1e4, 1e5, mp.inf])})

# Duplex with coverage: closed form from the 3-state Markov chain
lam, c = mp.mpf('2e-4'), mp.mpf('0.95')
def r_duplex(t):
    return mp.exp(-2 * lam * t) + 2 * c * (mp.exp(-lam * t) - mp.exp(-2 * lam * t))
values.update({'duplex.r1000': r_duplex(1000), 'duplex.r10000': r_duplex(10000), 'duplex.mttf': (mp.mpf(1) / 2 + c) / lam})

values.update(repairable('raid5', 5, [500000] * 5, [24] * 5, koon(4), times=(24,)))
values.update(repairable('raid6', 8, [500000] * 8, [48] * 8, koon(6)))

# 2N power: cold standby utility → generator with switch success p, then 1-of-2 UPS
l1, l2, lu, p = 1 / mp.mpf(2000), 1 / mp.mpf(1500), 1 / mp.mpf(50000), mp.mpf('0.98')
def r_power(t):
    sb = mp.exp(-l1 * t) + p * l1 / (l2 - l1) * (mp.exp(-l1 * t) - mp.exp(-l2 * t))
    return sb * (1 - (1 - mp.exp(-lu * t))**2)
values.update({'power.r720': r_power(720), 'power.r4000': r_power(4000), 'power.mttf': mp.quad(r_power, [0, 2000, 1e4, mp.inf])})

bridge_edges = [('s', 'a'), ('s', 'b'), ('a', 'b'), ('a', 't'), ('b', 't')]
values.update(repairable('bridge', 5, [1000, 2000, 3000, 1500, 2500], [10, 20, 5, 15, 12],
                         connected(bridge_edges, 's', 't'), times=(10, 100)))

def web(s):
    return (s[0] or s[1]) and sum(s[2:7]) >= 3 and (s[7] or s[8])
values.update(repairable('web', 9, [50000] * 2 + [8000] * 5 + [20000] * 2, [4] * 2 + [2] * 5 + [8] * 2, web, times=(1, 8)))

def r_pump(t):
    rv = mp.exp(-mp.mpf('1e-5') * t)
    rp = mp.exp(-(t / mp.mpf(20000))**mp.mpf('1.8'))
    rc = mp.exp(-mp.mpf('2e-5') * t)
    return rv**2 * (1 - (1 - rp * rc)**2)
values.update({'pump.r8760': r_pump(8760), 'pump.r20000': r_pump(20000), 'pump.mttf': mp.quad(r_pump, [0, 2e4, 1e5, mp.inf])})

lp, la, lb = mp.mpf('5e-5'), mp.mpf('2e-4'), mp.mpf('3e-4')
def r_psu(t):
    return mp.exp(-lp * t) * (1 - (1 - mp.exp(-la * t)) * (1 - mp.exp(-lb * t)))
# ∫ e^{-lp t}(e^{-la t} + e^{-lb t} - e^{-(la+lb) t}) dt in closed form
values.update({'psu.r1000': r_psu(1000), 'psu.r10000': r_psu(10000),
               'psu.mttf': 1 / (lp + la) + 1 / (lp + lb) - 1 / (lp + la + lb)})

for key, value in values.items():
    print(f'{key} = {mp.nstr(value, 17)}')
