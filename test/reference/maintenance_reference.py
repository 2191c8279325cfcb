"""Reference values for the proof-test and age-replacement formulas
(src/analytic/formulas/proofTestedPfd.ts, ageReplacement.ts), by mpmath at 40 digits, independently
of relkit's quadrature and minimiser.

Proof tests: a group of n identical channels, k of which must work, each failing dangerously
(undetected) at rate lam, a fraction beta of that rate as a common cause failing all channels at
once; perfect, instantaneous proof tests every T restore every channel. Within a test interval
(tau in [0, T)):
    PFD(tau) = qc + (1 - qc) * sum_{i<k} C(n,i) (1-q)^i q^(n-i),
    qc = 1 - exp(-beta lam tau), q = 1 - exp(-(1-beta) lam tau),
and PFDavg = (1/T) * integral_0^T PFD(tau) dtau, integrated in closed form here by expanding
every power of q = 1 - e^{-a tau} binomially (exact with 40 digits, no quadrature).

Age replacement (Barlow and Proschan): replace at age T (cost cp) or at failure (cost cu),
    C(T) = (cp R(T) + cu F(T)) / integral_0^T R(t) dt,
for a Weibull life R(t) = exp(-(t/alpha)^beta); the optimum solves dC/dT = 0 (findroot on the
derivative, 40 digits).
Run: python3 test/reference/maintenance_reference.py
"""

from mpmath import mp, mpf, exp, binomial, quad, findroot, diff, gammainc, gamma

mp.dps = 40


def pfd_avg(k, n, lam, beta, T):
    lam, beta, T = mpf(lam), mpf(beta), mpf(T)
    a_i = (1 - beta) * lam  # independent rate per channel
    a_c = beta * lam
    # PFD = 1 - e^{-a_c t} * P(at least k of n up), P = sum_{j>=k} C(n,j) r^j (1-r)^(n-j),
    # r = e^{-a_i t}. Expand (1-r)^(n-j) = sum_m C(n-j,m) (-1)^m r^m: a sum of exponentials.
    total = mpf(0)  # integral of e^{-a_c t} * P(at least k up)
    for j in range(k, n + 1):
        for m in range(0, n - j + 1):
            coef = binomial(n, j) * binomial(n - j, m) * (-1) ** m
            rate = a_c + (j + m) * a_i
            total += coef * (T if rate == 0 else (1 - exp(-rate * T)) / rate)
    return 1 - total / T


def pfd_at(k, n, lam, beta, T, t):
    lam, beta, tau = mpf(lam), mpf(beta), mpf(t) % mpf(T)
    qc = 1 - exp(-beta * lam * tau)
    q = 1 - exp(-(1 - beta) * lam * tau)
    fail = sum(binomial(n, i) * (1 - q) ** i * q ** (n - i) for i in range(0, k))
    return qc + (1 - qc) * fail


def age_cost(alpha, beta, cp, cu):
    alpha, beta, cp, cu = mpf(alpha), mpf(beta), mpf(cp), mpf(cu)
    R = lambda t: exp(-((t / alpha) ** beta))
    # integral_0^T R = alpha/beta * lower incomplete gamma(1/beta, (T/alpha)^beta)
    I = lambda T: alpha / beta * gammainc(1 / beta, 0, (T / alpha) ** beta)
    C = lambda T: (cp * R(T) + cu * (1 - R(T))) / I(T)
    return C


if __name__ == "__main__":
    cases = [
        (1, 1, 1e-6, 0, 8760),
        (1, 1, 2e-6, 0, 4380),
        (1, 2, 5e-6, 0.1, 8760),
        (1, 2, 5e-6, 0, 8760),
        (2, 3, 5e-6, 0.05, 8760),
        (2, 3, 1e-4, 0.1, 8760),
        (1, 3, 1e-7, 0.02, 17520),
        (2, 2, 1e-6, 0, 8760),
        (3, 5, 3e-5, 0.1, 2000),
    ]
    print("pfdAvg (k, n, rate, beta, T) -> value")
    for k, n, lam, beta, T in cases:
        print(f"  [{k}, {n}, {lam}, {beta}, {T}, {mp.nstr(pfd_avg(k, n, lam, beta, T), 20)}],")
    print("pfd(t) of (2, 3, 1e-4, 0.1, 8760) at t")
    for t in [0, 1, 100, 4380, 8759, 8760, 13140]:
        print(f"  [{t}, {mp.nstr(pfd_at(2, 3, 1e-4, 0.1, 8760, t), 20)}],")
    # Cross-check the closed-form average against quadrature of pfd_at.
    for k, n, lam, beta, T in cases:
        q = quad(lambda t: pfd_at(k, n, lam, beta, T, t), [0, T]) / T
        assert abs(q / pfd_avg(k, n, lam, beta, T) - 1) < mpf(10) ** -30
    print("age replacement: Weibull(alpha, beta), cp, cu -> T*, C(T*), C at T")
    for alpha, beta, cp, cu in [(1000, 2.5, 1, 5), (500, 3.5, 2, 30), (1000, 1.8, 1, 3)]:
        C = age_cost(alpha, beta, cp, cu)
        Tstar = findroot(lambda T: diff(C, T), mpf(alpha) / 2)
        print(f"  [{alpha}, {beta}, {cp}, {cu}, {mp.nstr(Tstar, 20)}, {mp.nstr(C(Tstar), 20)}],")
        for T in [100, 493, 2000]:
            print(f"    C({T}) = {mp.nstr(C(T), 20)}")
    print("run to failure cu/mean for Weibull(1000, 2.5), cu=5:", mp.nstr(5 / (1000 * gamma(1 + 1 / mpf(2.5))), 20))
