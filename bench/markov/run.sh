#!/usr/bin/env bash
# Markov engine benchmark (docs/benchmarks.md, section "Markov engine").
# Usage: bench/markov/run.sh [--skip-large]   (about 12 minutes with the 10^6-state chain)
# Compiles the runner and the library to /tmp, then runs relkit (node) and scipy (python3) on the
# same chains; writes bench/results/markov.json.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out=/tmp/relkit-bench-markov
rm -rf "$out"
(cd "$root" && npx tsc --outDir "$out" --rootDir . --module nodenext --moduleResolution nodenext \
  --target es2022 --skipLibCheck --types node bench/markov/run.ts)
RELKIT_ROOT="$root" /usr/bin/time -v node "$out/bench/markov/run.js" "$@" 2> >(grep -E "Maximum resident|Elapsed|^(small|medium|large):" >&2)
