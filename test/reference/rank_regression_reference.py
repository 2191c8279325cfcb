"""Reference rank-regression (RRX) fits for test/fit/rankRegression.test.ts.

Run: python3 test/reference/rank_regression_reference.py
Median ranks with Johnson's adjustment for suspensions come from plotting_positions_reference.py
(exact fractions, unit by unit). The line is fitted by numpy's least squares of X on Y: the failure
time (log time for weibull, lognormal, loglogistic) on the standard law's quantile of its median
rank (scipy.stats: smallest extreme value, normal, logistic), each failure one point. Parameters:
weibull and loglogistic shape 1/b, scale e^a; lognormal mu = a, sigma = b; normal and gumbel
mu = a, sigma = b. Prints a TypeScript object (17 significant digits).
"""

import math
import sys
from pathlib import Path

import numpy as np
from scipy import stats

sys.argv = sys.argv[:1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
import contextlib
import io

with contextlib.redirect_stdout(io.StringIO()):
    import plotting_positions_reference as pp  # noqa: E402

QUANTILE = {
    "weibull": lambda p: math.log(-math.log1p(-p)),
    "gumbel": lambda p: math.log(-math.log1p(-p)),
    "lognormal": stats.norm.ppf,
    "normal": stats.norm.ppf,
    "loglogistic": stats.logistic.ppf,
}
LOG_TIME = {"weibull", "lognormal", "loglogistic"}


def fit(name, points):
    x = np.array([math.log(t) if name in LOG_TIME else t for t, _ in points])
    y = np.array([QUANTILE[name](f) for _, f in points])
    b, a = np.polyfit(y, x, 1)
    if name in ("weibull", "loglogistic"):
        return {"shape": 1 / b, "scale": math.exp(a)}
    return {"mu": a, "sigma": b} if name != "normal" else {"mean": a, "sd": b}


print("export const RANK_REGRESSION = {")
for data in ["shock-absorbers.csv", "bearings.csv"]:
    points = pp.positions(pp.read(data))
    print(f"  '{data[:-4]}': {{")
    for name in QUANTILE:
        params = ", ".join(f"{k}: {v:.17g}" for k, v in fit(name, points).items())
        print(f"    {name}: {{ {params} }},")
    print("  },")
print("} as const;")
