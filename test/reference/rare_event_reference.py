"""Reference values for test/sim/rareEvent.stat.test.ts (importance sampling over cycles).

Run: python3 test/reference/rare_event_reference.py   (mpmath 1.3.0, scipy 1.17.1)

Closed forms, evaluated with mpmath at 40 digits:

A. 2-out-of-3, exponential lives (rate lam), any repair law of mean r, a crew per unit: the
   units are independent alternating renewal processes, so each is down with probability
   q = r / (1/lam + r) whatever the repair law (insensitivity), and
       U = 3 q^2 (1 - q) + q^3,
       f = sum over units of P(unit up) * lam * P(exactly one other down) = 6 lam q (1 - q)^2.
B. 1-of-2 parallel pair, exponential lives (lam) and repairs (mu), one crew: birth-death chain
   0 -2lam-> 1 -lam-> 2, repairs at mu; pi ~ (1, 2 rho, 2 rho^2), rho = lam/mu, so
       U = 2 rho^2 / (1 + 2 rho + 2 rho^2),  f = lam pi_1,  MTTF = (3 lam + mu) / (2 lam^2)
   (first passage 0 -> 2: T0 = 1/(2 lam) + T1, T1 = 1/(lam + mu) + mu/(lam + mu) T0).
C. 1-of-2 parallel pair, exponential lives (lam), deterministic repair r, a crew per unit: a
   cycle fails when the other unit fails during the first repair: P(I = 1) = 1 - exp(-lam r);
   U = q^2 with q = r / (1/lam + r).

The coverage assertion's false-failure rate: covers ~ Binomial(200, 0.95) under a correct
estimator; the test fails outside [180, 199].
"""

import mpmath
from scipy.stats import binom

mpmath.mp.dps = 40


def model_a(lam, r):
    lam, r = mpmath.mpf(lam), mpmath.mpf(r)
    q = r / (1 / lam + r)
    return 3 * q**2 * (1 - q) + q**3, 6 * lam * q * (1 - q) ** 2


def model_b(lam, mu):
    lam, mu = mpmath.mpf(lam), mpmath.mpf(mu)
    rho = lam / mu
    z = 1 + 2 * rho + 2 * rho**2
    return 2 * rho**2 / z, lam * 2 * rho / z, (3 * lam + mu) / (2 * lam**2)


def model_c(lam, r):
    lam, r = mpmath.mpf(lam), mpmath.mpf(r)
    q = r / (1 / lam + r)
    return 1 - mpmath.exp(-lam * r), q**2


def show(name, values):
    print(name, ", ".join(mpmath.nstr(v, 17) for v in values))


show("A (lam 1e-3, r 10): U, f =", model_a(1e-3, 10))
show("B (lam 1e-3, mu 0.1): U, f, MTTF =", model_b(1e-3, 0.1))
show("C (lam 1e-3, r 10): P(I), U =", model_c(1e-3, 10))
low = binom.cdf(179, 200, 0.95)
high = binom.pmf(200, 200, 0.95)
print(f"P(covers <= 179) = {low:.3g}, P(covers = 200) = {high:.3g}, sum = {low + high:.3g}")
