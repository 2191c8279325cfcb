#!/usr/bin/env bash
# A relkit simulation split into shards run side by side on one machine with GNU parallel,
# then merged. Useful to bound memory per process or to resume: a shard whose part exists is
# not run again.
#
#   deploy/parallel/run.sh models/raid6.yaml
#   SHARDS=8 REPLICATIONS=1000000 SEED=7 JOBS=4 deploy/parallel/run.sh models/raid6.yaml
#
# Settings by environment: REPLICATIONS (default 100000), SEED (1), SHARDS (4), JOBS (shards at
# once, default SHARDS), OUT_DIR (default results/<model name>), RELKIT (default relkit). The
# merged result equals one run of REPLICATIONS replications with SEED, bit for bit.
set -euo pipefail

MODEL=${1:?usage: run.sh MODEL}
REPLICATIONS=${REPLICATIONS:-100000}
SEED=${SEED:-1}
SHARDS=${SHARDS:-4}
JOBS=${JOBS:-$SHARDS}
OUT_DIR=${OUT_DIR:-results/$(basename "$MODEL" .yaml)}
RELKIT=${RELKIT:-relkit}
mkdir -p "$OUT_DIR"
export MODEL REPLICATIONS SEED SHARDS OUT_DIR RELKIT

# One worker thread per shard: JOBS shards use JOBS cores.
shard() {
  [[ -s "$OUT_DIR/part-$1.json" ]] && return 0
  $RELKIT simulate "$MODEL" --replications "$REPLICATIONS" --seed "$SEED" \
    --shard "$1/$SHARDS" --workers 1 --out "$OUT_DIR/part-$1.json"
}
export -f shard

if command -v parallel >/dev/null; then
  parallel --halt now,fail=1 --jobs "$JOBS" shard ::: $(seq 0 $((SHARDS - 1)))
else
  # Without GNU parallel, xargs -P runs the same commands.
  seq 0 $((SHARDS - 1)) | xargs -P "$JOBS" -I{} bash -c 'shard {}'
fi

parts=()
for ((i = 0; i < SHARDS; i++)); do parts+=("$OUT_DIR/part-$i.json"); done
$RELKIT merge "${parts[@]}" --json --out "$OUT_DIR/result.json"
echo "merged $SHARDS shards into $OUT_DIR/result.json"
