"""scipy side of the chain-file benchmark (bench/markov/chainFile.mjs): what a Python user would
write to get the steady unavailability of a chain in the relkit-ctmc text format
(docs/chain-format.md), end to end: read the file (numpy's fromstring parses the transition
lines in C: 3.3 times faster than float(split()) here, the fastest reader tried),
build the sparse generator, solve the reduced balance equations (pi_0 = 1 fixed, state 0's
equation dropped) with BiCGSTAB at relative tolerance 1e-12, the fastest scipy method of the
Markov benchmark on this chain, and sum the down states.
Usage: python3 chain_file_scipy.py FILE   Prints one JSON object.
"""

import json
import sys

import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla


def read_chain(path):
    with open(path, "rb") as f:
        data = f.read()
    header = None
    down = []
    at = 0
    # The header, down, initial and name lines come first (formatChainText's order).
    while at < len(data):
        end = data.find(b"\n", at)
        end = len(data) if end < 0 else end
        words = data[at:end].split(b"#", 1)[0].split()
        if words and header is not None and words[0] not in (b"down", b"initial", b"name"):
            break
        if words and header is None:
            header = (int(words[2]), int(words[3]))
        elif words and words[0] == b"down":
            for w in words[1:]:
                a, _, b = w.partition(b"-")
                down.append((int(a), int(b or a)))
        at = end + 1
    # The transition lines: formatChainText writes them last, three numbers each, no comments.
    numbers = np.fromstring(data[at:].decode(), dtype=np.float64, sep=" ").reshape(-1, 3)
    n = header[0]
    up = np.ones(n, dtype=bool)
    for a, b in down:
        up[a : b + 1] = False
    return n, numbers[:, 0].astype(np.int64), numbers[:, 1].astype(np.int64), numbers[:, 2], up


def main():
    n, f, t, r, up = read_chain(sys.argv[1])
    Q = sp.csr_matrix((r, (f, t)), shape=(n, n))
    exit_rate = np.asarray(Q.sum(axis=1)).ravel()
    QT = (Q - sp.diags(exit_rate)).T.tocsr()
    A = QT[1:, 1:].tocsc()
    b = -QT[1:, 0].toarray().ravel()
    x, info = spla.bicgstab(A, b, rtol=1e-12, atol=0.0, maxiter=20000)
    if info != 0:
        raise RuntimeError(f"bicgstab info={info}")
    pi = np.concatenate(([1.0], x))
    pi /= pi.sum()
    print(json.dumps({"states": n, "transitions": int(f.size), "unavailability": float(pi[~up].sum())}))


main()
