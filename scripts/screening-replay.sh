#!/usr/bin/env bash
# Replays the ranking model's screening offline over a model-off pass of scripts/rank-model.sh (docs/ranking-model.md,
# "Replaying screening offline"): every variant keeps the screening result it had there, its prior is the pass's
# model with the method's own examples left out (a method never seen), and the real Race and Ranking.adapt decide
# what is screened. Seconds instead of a 40-minute run: for comparing screening rules and knobs before a measured run.
#
#   scripts/screening-replay.sh <rank-model OUT>            # e.g. rank-out (needs its off/ and off-cache/)
#   REPS=40 NOISE=0.08 scripts/screening-replay.sh rank-out  # 40 replays, each fork's result scattered by 8% (log sd)
#   FRACTION=0.1 MIN=2 scripts/screening-replay.sh rank-out  # another cut (also EXPLORE, EXTEND, ADAPT, SEED)
#   SHOW=column-sums scripts/screening-replay.sh rank-out    # also print that sample's priors, best first
#   HISTORY=pub/off-cache/rank-models/<key>.json scripts/screening-replay.sh rank-out  # priors also learn from other
#        tunings on this machine (comma-separated model files of the same JVM and CPU; the method's own never)
#   METHODS=10 scripts/screening-replay.sh rank-out           # priors learn from 10 other methods, drawn per sample
#        and replay: with REPS, a learning curve (how screening does with less history)
#   FINALISTS=0 scripts/screening-replay.sh rank-out          # the policy's rankFinalists (halving after the cut)
#   KEEP=0.2 OFFKEEP=0.2 scripts/screening-replay.sh rank-out # keepFraction of the ranked / the model-off race
# OUT may be any directory with off/<name>/report.json and off-cache/rank-models/ (published/run.sh with
# WORK=<OUT>/off CACHE=<OUT>/off-cache makes one for a library set).
# Prints per sample (with REPS=1 or VERBOSE=true) the screening forks, the best screened and the race's pick (what
# would go to confirmation) against the best of all, and the order screened; then per replay the totals and the
# geometric means of best found / best of all and pick / best of all.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:?usage: scripts/screening-replay.sh <rank-model.sh OUT directory>}
[[ -d "$OUT/off" ]] || { echo "$OUT/off not found: run scripts/rank-model.sh first (its off pass screens every variant)" >&2; exit 2; }
models=("$OUT"/off-cache/rank-models/*.json)
[[ -f "${models[0]}" ]] || { echo "no ranking model under $OUT/off-cache/rank-models" >&2; exit 2; }
(( ${#models[@]} == 1 )) || { echo "more than one model under $OUT/off-cache/rank-models: one JVM and CPU per pass" >&2; exit 2; }
mvn -q -B -o test-compile -pl optimizer
cpfile=$(mktemp)
trap 'rm -f "$cpfile"' EXIT
mvn -q -B -o dependency:build-classpath -pl optimizer -Dmdep.outputFile="$cpfile" >/dev/null
props=()
for k in FRACTION MIN EXPLORE EXTEND FINALISTS ADAPT SEED REPS NOISE SHOW VERBOSE HISTORY METHODS KEEP OFFKEEP; do
  [[ -n "${!k:-}" ]] && props+=("-D${k,,}=${!k}")
done
java "${props[@]}" -cp "optimizer/target/classes:optimizer/target/test-classes:$(cat "$cpfile")" \
  dev.selftune.search.ScreeningReplay "$OUT/off" "${models[0]}"
