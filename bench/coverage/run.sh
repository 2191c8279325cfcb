#!/usr/bin/env bash
# Coverage study (issue 13): compiles bench/coverage/run.ts with the zoo and the library to /tmp,
# then runs it on one thread. Usage: bench/coverage/run.sh [--seeds S] [--models a,b] [--out F]
#   bench/coverage/run.sh --report bench/results/coverage.json   the tables of a stored run
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out=/tmp/relkit-coverage-build
# Checksum of the simulator sources as compiled (others may edit src/ while the study runs).
sum="$(cd "$root" && cat $(ls src/sim/*.ts src/sim/system/*.ts src/solve/compareResults.ts src/solve/compareRuns.ts | sort) | sha256sum | cut -c1-16)"
rm -rf "$out"
(cd "$root" && npx tsc --outDir "$out" --rootDir . --module nodenext --moduleResolution nodenext \
  --target es2022 --skipLibCheck --types node bench/coverage/run.ts)
ln -s "$root/node_modules" "$out/node_modules"
echo '{ "type": "module" }' > "$out/package.json"
cd "$root"
RELKIT_ROOT="$root" RELKIT_SOURCE_CHECKSUM="$sum" node "$out/bench/coverage/run.js" "$@"
