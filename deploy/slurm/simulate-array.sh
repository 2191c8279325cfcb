#!/usr/bin/env bash
# One shard of a relkit simulation per Slurm array task; the last step merges the parts.
#
#   sbatch --array=0-15 deploy/slurm/simulate-array.sh models/raid6.yaml
#   # when every task has finished (or chain it: sbatch --dependency=afterok:<jobid> ...):
#   MERGE=1 SHARDS=16 bash deploy/slurm/simulate-array.sh models/raid6.yaml
#
# Task i runs replications [i·N/n, (i+1)·N/n) with the streams of (SEED, replication), so the
# merged result equals one run of N replications bit for bit, whatever n. Settings by
# environment: REPLICATIONS (N, default 100000), SEED (1), SHARDS (n, default the array size),
# OUT_DIR (parts and result, default results/<model name>), RELKIT (the command, default relkit).
#SBATCH --job-name=relkit-simulate
#SBATCH --cpus-per-task=4
#SBATCH --time=01:00:00
#SBATCH --output=relkit-%A_%a.log
set -euo pipefail

MODEL=${1:?usage: simulate-array.sh MODEL}
REPLICATIONS=${REPLICATIONS:-100000}
SEED=${SEED:-1}
SHARDS=${SHARDS:-${SLURM_ARRAY_TASK_COUNT:?run under sbatch --array=0-(n-1), or set SHARDS}}
OUT_DIR=${OUT_DIR:-results/$(basename "$MODEL" .yaml)}
RELKIT=${RELKIT:-relkit}
mkdir -p "$OUT_DIR"

if [[ "${MERGE:-0}" == 1 ]]; then
  parts=()
  for ((i = 0; i < SHARDS; i++)); do parts+=("$OUT_DIR/part-$i.json"); done
  $RELKIT merge "${parts[@]}" --json --out "$OUT_DIR/result.json"
  exit 0
fi

# --array=0-(n-1): the 0-based task id is the shard index; one worker thread per CPU given.
$RELKIT simulate "$MODEL" --replications "$REPLICATIONS" --seed "$SEED" \
  --shard "$SLURM_ARRAY_TASK_ID/$SHARDS" --workers "${SLURM_CPUS_PER_TASK:-1}" \
  --out "$OUT_DIR/part-$SLURM_ARRAY_TASK_ID.json"
