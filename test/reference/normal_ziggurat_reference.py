"""The constants r and v of the 128-layer normal ziggurat (src/sim/normalZiggurat.ts).

Marsaglia and Tsang, "The Ziggurat Method for Generating Random Variables", J. Stat. Softw.
5(8) (2000), give r = 3.442619855899 and v = 9.91256303526217e-3 for the density
f(x) = exp(-x^2/2) on x >= 0 with 128 layers. This script recomputes them to 30 digits: v is
the base strip's area, r f(r) plus the tail integral sqrt(pi/2) erfc(r/sqrt 2), and r is the
root for which the recursion x_{i-1} = f^{-1}(v/x_i + f(x_i)), i = 127, ..., 1, from
x_127 = r ends at x_0 = 0 (the top layer has area v exactly: v/x_1 + f(x_1) = 1).

Run: python3 test/reference/normal_ziggurat_reference.py (mpmath 1.3.0, 2026-12-06)
"""

import mpmath as mp

mp.mp.dps = 40
LAYERS = 128


def f(x):
    return mp.exp(-x * x / 2)


def base_area(r):
    return r * f(r) + mp.sqrt(mp.pi / 2) * mp.erfc(r / mp.sqrt(2))


def top_gap(r):
    """v/x_1 + f(x_1) - 1 after the recursion from x_127 = r down to x_1."""
    v = base_area(r)
    x = r
    for _ in range(LAYERS - 2):
        y = v / x + f(x)
        if y >= 1:
            return y  # the layers reached the top before x_1: r is too small
        x = mp.sqrt(-2 * mp.log(y))
    return v / x + f(x) - 1


r = mp.findroot(top_gap, (mp.mpf("3.44"), mp.mpf("3.45")), solver="anderson")
print("r =", mp.nstr(r, 25))
print("v =", mp.nstr(base_area(r), 25))
