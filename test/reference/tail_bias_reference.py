#!/usr/bin/env python3
"""Reference values for test/sim/tailBias.test.ts: the first-order bias that a law's tail gives a
time average over [t0, T] from an all-new start (src/sim/tailBias.ts), and the exact renewal
density it approximates.

Run: python3 test/reference/tail_bias_reference.py (mpmath, scipy, numpy).

- Delay laws: b = (1/W) int_{t0}^{T} E[(X - t)^+]/E[X] dt, with E[(X - t)^+] = int_t^inf R(u) du.
  Computed as the double integral (1/W) int_{t0}^{T} int_t^inf R(u) du dt = (1/(W E[X]))
  [J(t0) - J(T)], J(t) = int_t^inf (u - t) R(u) du, by mpmath.quad at 30 digits: a different route
  from the module's (mean residual life times survival, integrated by Gauss-Kronrod).
- Life laws: b = (1/W) int (R_e - 2R) dt + E[X] (F(T) - F(t0)) / W, with R_e(t) = int_t^inf R/E[X],
  by mpmath.quad.
- Exact: the renewal density m(t) of a Weibull life from an all-new start, by the renewal equation
  M = F + F * M discretised on n cells (dM_k = dF_k + sum_j dF_j dM_{k-1-j}), n = 16000 and 32000
  (the two agree to the digits printed); the window mean of E[X] m(t) - 1 over [t0, T].
"""
import math
import mpmath as mp
import numpy as np
from scipy import stats

mp.mp.dps = 30


def lognormal_sf(mu, sigma):
    return lambda u: mp.ncdf(-(mp.log(u) - mu) / sigma) if u > 0 else mp.mpf(1)


def weibull_sf(shape, scale):
    return lambda u: mp.exp(-((u / scale) ** shape)) if u > 0 else mp.mpf(1)


def delay_bias(sf, mean, t0, T):
    J = lambda t: mp.quad(lambda u: (u - t) * sf(u), [t, 10 * t + 1, 1e3 * (t + 1), mp.inf])
    return (J(t0) - J(T)) / (mean * (T - t0))


def life_bias(sf, cdf, mean, t0, T):
    Re = lambda t: mp.quad(sf, [t, 10 * t + 1, 1e3 * (t + 1), mp.inf]) / mean
    inner = mp.quad(lambda t: Re(t) - 2 * sf(t), [t0, (t0 + T) / 2, T])
    return (inner + mean * (cdf(T) - cdf(t0))) / (T - t0)


def renewal_window(dist, t0, T, n):
    h = T / n
    F = dist.cdf(np.arange(n + 1) * h)
    dF = np.diff(F)
    dM = np.zeros(n)
    for k in range(n):
        dM[k] = dF[k] + (np.dot(dF[:k][::-1], dM[:k]) if k > 0 else 0.0)
    rel = dM / h * dist.mean() - 1
    return rel[int(round(t0 / T * n)):].mean()


# The heavy repair: lognormal mu = 2, sigma = 2.5, over [0.15 T, T] of T = 45137.2646475 h
mu, sigma = mp.mpf(2), mp.mpf('2.5')
mean = mp.exp(mu + sigma**2 / 2)
T = mp.mpf('45137.26464750797')
print('lognormal(2, 2.5) delay over [0.15T, T]:', float(delay_bias(lognormal_sf(mu, sigma), mean, 0.15 * T, T)))
print('lognormal(2, 2.5) delay over [0, T]:', float(delay_bias(lognormal_sf(mu, sigma), mean, 0, T)))
print('lognormal(2, 1) delay over [0.15T, T]:', float(delay_bias(lognormal_sf(mu, 1), mp.exp(mu + 0.5), 0.15 * T, T)))

for shape in ('0.5', '0.7'):
    k = mp.mpf(shape)
    scale = mp.mpf(2500)
    m = scale * mp.gamma(1 + 1 / k)
    Tw = 10 * m
    sf = weibull_sf(k, scale)
    cdf = lambda u, sf=sf: 1 - sf(u)
    b = life_bias(sf, cdf, m, 0.15 * Tw, Tw)
    d = stats.weibull_min(float(shape), scale=2500)
    exact = [renewal_window(d, 0.15 * float(Tw), float(Tw), n) for n in (16000, 32000)]
    print(f'weibull({shape}, 2500) life over [0.15T, T], T = {float(Tw)}: first order {float(b)}, renewal equation n=16000 {exact[0]:.4f}, n=32000 {exact[1]:.4f}')
