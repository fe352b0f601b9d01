#!/usr/bin/env bash
# The meta loop on the samples (issue 7 §2 numbers): self-improve once per seed, training on
# scripts/self-improve/train.txt and checking every adopted generation on holdout.txt, then one line
# per generation and seed: training and held-out utility (geomean speedup [low, high], JMH forks).
#   scripts/self-improve.sh                          # SEEDS=1,2,3 GENERATIONS=2 CANDIDATES=2 PER_TUNING=120
#   SEEDS=1 GENERATIONS=1 SKIP_BUILD=1 scripts/self-improve.sh
#   TUNE_SELF=1 scripts/self-improve.sh              # also --tune-self: 3 own methods × TUNE_SELF_BUDGET (120 s) added to each generation
#   SET=scripts/libraries/trials/published scripts/self-improve.sh   # on a published-library set instead of the samples:
#       trains on <set>/self-improve/train.txt, vetoes on <set>/self-improve/holdout.txt (the set's artifacts are
#       fetched and its providers compiled into $OUT/lib, as published/run.sh does); TRAIN= and HOLDOUT= override either
# Time: per seed, (train + holdout) tunings for generation 0, then per generation
# (CANDIDATES × train + train + holdout) tunings, each PER_TUNING seconds: ~14 minutes a seed at the defaults
# (tunings that decide early end early). PER_TUNING below ~40 s leaves tune too little for a decision once a
# fork costs ~2 s (every tuning keeps). At 50 s generation 0 itself screens only ~10 variants a target and the
# 12 confirmation forks are fixed, so no policy can be 30% cheaper there: the comparison the issue asks for
# ("the same speedup with fewer measurements") needs a budget at which the default policy screens fully.
# Measure alone on the machine: every tuning's decision rests on JMH forks.
set -euo pipefail
cd "$(dirname "$0")/.."
SEEDS=${SEEDS:-1,2,3}
GENERATIONS=${GENERATIONS:-2}
CANDIDATES=${CANDIDATES:-2}
PER_TUNING=${PER_TUNING:-120}
OUT=${OUT:-self-improve-out}
if [[ -z "${SKIP_BUILD:-}" ]]; then
  mvn -q -B -DskipTests package
fi
if [[ -n "${SET:-}" ]]; then
  TRAIN=${TRAIN:-$SET/self-improve/train.txt}
  HOLDOUT=${HOLDOUT:-$SET/self-improve/holdout.txt}
  mkdir -p "$OUT"
  CP=$(scripts/libraries/trials/set-classpath.sh "$SET" "$OUT/lib")
else
  TRAIN=${TRAIN:-scripts/self-improve/train.txt}
  HOLDOUT=${HOLDOUT:-scripts/self-improve/holdout.txt}
  CP=samples/target/samples.jar
fi
count() { grep -cv '^\s*\(#\|$\)' "$1"; }
tunings=$(( CANDIDATES * $(count "$TRAIN") + $(count "$TRAIN") + $(count "$HOLDOUT") ))
budget=$(( tunings * PER_TUNING ))
tune_self=()
if [[ "${TUNE_SELF:-}" == 1 ]]; then
  # 120 s each: at ~2 s a fork, 30 s (the CLI's default) ended before any variant was screened here, and selftune's
  # own ValueGenerator#array forks cost 3.4 s (screening) and 3.7 s (confirmation): at 60 s it ended with "give
  # --budget 80s or more"
  TUNE_SELF_BUDGET=${TUNE_SELF_BUDGET:-120}
  tune_self=(--tune-self --tune-self-budget "${TUNE_SELF_BUDGET}s")
  budget=$(( budget + 3 * TUNE_SELF_BUDGET ))   # self-tuning's share (3 methods), so PER_TUNING is unchanged
fi
IFS=, read -ra seeds <<< "$SEEDS"
for seed in "${seeds[@]}"; do
  echo "== seed $seed: $GENERATIONS generation(s), $CANDIDATES candidate(s), budget ${budget}s per generation" >&2
  rm -rf "${OUT:?}/seed-$seed"
  java -jar optimizer/target/optimizer.jar self-improve --classpath "$CP" \
    --train "$TRAIN" --holdout "$HOLDOUT" --generations "$GENERATIONS" --candidates "$CANDIDATES" \
    --budget "${budget}s" --seed "$seed" --cache "$OUT/cache" --out "$OUT/seed-$seed" ${tune_self[@]+"${tune_self[@]}"}
done
python3 - "$OUT" "${seeds[@]}" <<'PY'
import json, sys
out, seeds = sys.argv[1], sys.argv[2:]
def u(x):
    return "-" if not x else f"{x['speedup']:.2f}x [{x['low']:.2f}, {x['high']:.2f}] {x['measurements']:>4} forks"
print(f"{'seed':>4} {'gen':>3} {'adopted':<7} {'train':<32} {'held-out':<32} reason")
for s in seeds:
    r = json.load(open(f"{out}/seed-{s}/report.json"))
    for g in r["generations"]:
        print(f"{s:>4} {g['generation']:>3} {str(g['adopted']):<7} {u(g.get('trainUtility')):<32} "
              f"{u(g.get('holdoutUtility')):<32} {g.get('reason') or ''}")
        for t in g.get("selfTuning") or []:
            sp = "-" if not t.get("speedup") else f"{t['ratio']:.2f}x [{t['speedup'][0]:.2f}, {t['speedup'][1]:.2f}]"
            print(f"{'':>4} {'':>3} self-tuning {t['method']} ({t['samples']} samples): {t['decision']} {sp}"
                  f"{' swapped' if t['swapped'] else ''}: {t['reason']}")
    print(f"{s:>4} verdict: {r.get('verdict')}")
PY
