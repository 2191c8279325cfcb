"""Python side of the Markov benchmark (bench/markov/run.sh): scipy and numpy on the same chain.

Generates the chain of bench/markov/generateChain.ts from the same model (passed as JSON), prints
its checksum so the runner can check both sides built the same chain, then times:
  steady state: scipy.sparse.linalg.spsolve (SuperLU), gmres and bicgstab without and with an
    spilu preconditioner (spsolve and spilu only where feasible: on the 10^5-state chain spilu
    alone took 100-130 s and spsolve over 5 minutes), on the reduced system (pi_0 = 1 fixed,
    state 0's balance equation dropped), relative tolerance as relkit's;
  transient at the requested times: scipy.sparse.linalg.expm_multiply and a plain numpy
    uniformization (same algorithm as relkit: P = I + Q/q, Poisson weights, one pass).
Usage: python3 reference.py '<json>'  with keys model, times, runs, methods, tolerance.
Prints one JSON object on stdout.
"""

import json
import resource
import sys
import time

import numpy as np
import scipy
import scipy.sparse as sp
import scipy.sparse.linalg as spla
from scipy.stats import poisson


def generate_chain(model):
    """Mirror of generateChain() in generateChain.ts: mixed radix, f_0 most significant."""
    classes = model["classes"]
    crews = model["crews"]
    k = len(classes)
    sizes = [c["count"] + 1 for c in classes]
    n = int(np.prod(sizes))
    strides = [int(np.prod(sizes[c + 1 :])) for c in range(k)]
    s = np.arange(n, dtype=np.int64)
    failed = [(s // strides[c]) % sizes[c] for c in range(k)]
    up = np.ones(n, dtype=bool)
    for c in range(k):
        up &= (classes[c]["count"] - failed[c]) >= classes[c]["needed"]
    froms, tos, rates = [], [], []
    free = np.full(n, crews, dtype=np.int64)
    for c in range(k):  # priority order: one crew per class with failed units
        busy = (failed[c] > 0) & (free > 0)
        free -= busy
        froms.append(s[busy])
        tos.append(s[busy] - strides[c])
        rates.append(np.full(busy.sum(), classes[c]["repairRate"]))
    for c in range(k):
        working = classes[c]["count"] - failed[c]
        mask = working > 0
        froms.append(s[mask])
        tos.append(s[mask] + strides[c])
        rates.append(working[mask] * classes[c]["rate"])
    return n, np.concatenate(froms), np.concatenate(tos), np.concatenate(rates), up


def checksum(n, f, t, r, up):
    return {
        "states": n,
        "transitions": int(f.size),
        "sumFrom": int(f.sum()),
        "sumTo": int(t.sum()),
        "weightedRate": float(np.sum(r * (f + 1))),
        "upStates": int(up.sum()),
    }


def relative_residual(QT, exit_rate, pi):
    return float(np.abs(QT @ pi).sum() / (exit_rate.max() * pi.sum()))


def timed(fn, runs):
    times, value = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - t0)
    return float(np.median(times)), times, value


def main():
    cfg = json.loads(sys.argv[1])
    runs = cfg["runs"]
    tol = cfg["tolerance"]
    t0 = time.perf_counter()
    n, f, t, r, up = generate_chain(cfg["model"])
    Q = sp.csr_matrix((r, (f, t)), shape=(n, n))
    exit_rate = np.asarray(Q.sum(axis=1)).ravel()
    Q = (Q - sp.diags(exit_rate)).tocsr()
    QT = Q.T.tocsr()
    out = {
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__},
        "checksum": checksum(n, f, t, r, up),
        "buildSeconds": time.perf_counter() - t0,
        "steady": {},
        "transient": {},
    }
    # The sparse kernel alone: one product with the transposed uniformized matrix, median of 21.
    PT = (sp.identity(n, format="csr") + QT / exit_rate.max()).tocsr()
    v = np.full(n, 1.0 / n)
    product_times = []
    for _ in range(21):
        t1 = time.perf_counter()
        PT @ v
        product_times.append(time.perf_counter() - t1)
    out["productMilliseconds"] = float(np.median(product_times)) * 1000
    del PT
    # Reduced system: unknowns pi_1..pi_{n-1} with pi_0 = 1, equations 1..n-1 of Q^T pi = 0.
    A = QT[1:, 1:].tocsc()
    b = -QT[1:, 0].toarray().ravel()

    def finish(x):
        pi = np.concatenate(([1.0], x))
        return pi / pi.sum()

    def record(name, fn):
        try:
            median, all_times, pi = timed(fn, runs)
            out["steady"][name] = {
                "seconds": median,
                "runs": all_times,
                "residual": relative_residual(QT, exit_rate, pi),
                "unavailability": float(pi[~up].sum()),
                "peakRssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        except Exception as error:  # report, do not abort the other methods
            out["steady"][name] = {"error": f"{type(error).__name__}: {error}"}

    methods = cfg["methods"]
    if "spsolve" in methods:
        record("spsolve", lambda: finish(spla.spsolve(A, b)))

    def krylov(solver, preconditioned):
        def run():
            M = None
            if preconditioned:
                ilu = spla.spilu(A, drop_tol=1e-6, fill_factor=5)
                M = spla.LinearOperator(A.shape, ilu.solve)
            x, info = solver(A, b, rtol=tol, atol=0.0, M=M, maxiter=20000)
            if info != 0:
                raise RuntimeError(f"{solver.__name__} info={info}")
            return finish(x)

        return run

    for name, solver in (("gmres", spla.gmres), ("bicgstab", spla.bicgstab)):
        if name in methods:
            record(name, krylov(solver, False))
        if f"{name}+ilu" in methods:
            record(f"{name}+ilu", krylov(solver, True))

    times = np.array(cfg["times"], dtype=float)
    pi0 = np.zeros(n)
    pi0[0] = 1.0

    def expm():
        # The requested times are equally spaced from times[0]: start, stop, num.
        return spla.expm_multiply(QT, pi0, start=0.0, stop=times[-1], num=len(times) + 1, endpoint=True)[1:]

    def uniformization():
        q = exit_rate.max()
        PT = (sp.identity(n, format="csr") + QT / q).tocsr()
        eps = cfg["transientTolerance"]
        windows = []
        for tt in times:
            lam = q * tt
            left = int(poisson.ppf(eps / 2, lam))
            right = int(poisson.isf(eps / 2, lam)) + 1
            ks = np.arange(left, right + 1)
            w = poisson.pmf(ks, lam)
            windows.append((left, right, w / w.sum()))
        last = max(w[1] for w in windows)
        acc = np.zeros((len(times), n))
        v = pi0.copy()
        for k in range(last + 1):
            for j, (left, right, w) in enumerate(windows):
                if left <= k <= right:
                    acc[j] += w[k - left] * v
            if k < last:
                v = PT @ v
        return acc

    for name, fn in (("expm_multiply", expm), ("numpy uniformization", uniformization)):
        if name not in cfg["transientMethods"]:
            continue
        median, all_times, values = timed(fn, cfg["transientRuns"])
        out["transient"][name] = {
            "seconds": median,
            "runs": all_times,
            "unavailability": [float(x[~up].sum()) for x in values],
            "peakRssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
