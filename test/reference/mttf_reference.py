"""Reference MTTFs for test/markov/meanTimeToAbsorption.test.ts: long birth-death k-out-of-n chains.

Run: python3 test/reference/mttf_reference.py
Chain: n identical units, state j = failed units, failures at (n - j) * rate, repairs at
min(j, crews) * repair_rate, down when fewer than k work (the chain of kOutOfNChain in
test/markov/chains.ts). The mean first passage time from 0 to n - k + 1 is the sum over levels of
m_j, the mean time to go from j to j + 1:
    m_0 = 1 / lambda_0,   m_j = (1 + mu_j * m_{j-1}) / lambda_j
a recursion without subtraction, evaluated with mpmath at 60 significant digits from the exact
binary values of the doubles the test passes (mpmath.mpf(float)). Prints TypeScript literals, the
MTTF rounded to the nearest double.
"""

import sys

import mpmath

mpmath.mp.dps = 60

CASES = [
    # k, n, rate, repair_rate, crews
    (1, 10000, 1e-3, 1e-3, 20),
    (1, 10000, 1e-3, 1e-3, 25),
]


def mttf(k, n, rate, repair_rate, crews):
    lam = mpmath.mpf(rate)
    mu = mpmath.mpf(repair_rate)
    total = mpmath.mpf(0)
    m = mpmath.mpf(0)
    for j in range(0, n - k + 1):
        up_rate = (n - j) * lam
        down_rate = min(j, crews) * mu
        m = (1 + down_rate * m) / up_rate
        total += m
    return total


def main():
    print(f"// python {sys.version.split()[0]}, mpmath {mpmath.__version__}, 60 digits")
    for k, n, rate, repair_rate, crews in CASES:
        value = mttf(k, n, rate, repair_rate, crews)
        print(f"  [{k}, {n}, {rate}, {repair_rate}, {crews}, {float(value)!r}],")


if __name__ == "__main__":
    main()
