"""Reference plotting positions for test/fit/probabilityPlot.test.ts.

Run: python3 test/reference/plotting_positions_reference.py
Johnson's adjusted ranks computed unit by unit with exact fractions, in the reverse-rank form of
Abernethy (The New Weibull Handbook, 5th ed., 2006, §5):
    adjusted rank = (reverse rank x previous adjusted rank + (N + 1)) / (reverse rank + 1),
where the reverse rank of a unit is the number of units from it to the last (inclusive), units
sorted by time with failures before suspensions at equal times. A grouped row of c failures is
plotted at the mean of its c ranks; interval rows at their midpoint. Median ranks by Benard's
approximation (r - 0.3) / (N + 0.4). Prints a TypeScript object (times and F to 17 digits).
"""

import csv
from fractions import Fraction
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "fit" / "data"


def read(name):
    lines = [l for l in (DATA / name).read_text().splitlines() if l.strip() and not l.startswith("#")]
    rows = []
    for row in csv.DictReader(lines):
        lo = Fraction(row["time"])
        hi = Fraction(row["time_hi"]) if row.get("time_hi") else lo
        rows.append((row["status"] == "F", (lo + hi) / 2, hi != lo, int(row.get("count") or 1)))
    return rows


def positions(rows):
    units = sorted(rows, key=lambda r: (r[1], not r[0]))
    n = sum(r[3] for r in units)
    previous = Fraction(0)
    reverse = n
    out = []
    for failed, time, interval, count in units:
        ranks = []
        for _ in range(count):
            if failed:
                previous = (reverse * previous + (n + 1)) / (reverse + 1)
                ranks.append(previous)
            reverse -= 1
        if failed:
            r = sum(ranks) / len(ranks)
            out.append((float(time), float((r - Fraction(3, 10)) / (n + Fraction(2, 5)))))
    return out


print("export const PLOTTING_POSITIONS = {")
for name in ["shock-absorbers.csv", "inspection.csv"]:
    print(f"  '{name[:-4]}': [")
    for time, f in positions(read(name)):
        print(f"    [{time!r}, {f!r}],")
    print("  ],")
print("} as const;")
