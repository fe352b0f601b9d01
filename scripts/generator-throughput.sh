#!/usr/bin/env bash
# selftune's own speed before and after self-tuning (issue 7 §4): GeneratorThroughputBenchmark (variants generated
# and verified per second on seven sample targets) on benchmarks.jar as built ("before") and with the self-tuning
# winners first on the class path ("after"), one JMH fork per run, the two alternating (before/after, then
# after/before, ...) so drift on the machine falls on both. Prints every fork's scores, each side's mean and the
# ratio after / before.
#   TUNED=self-improve-out/seed-1/self-tuned scripts/generator-throughput.sh      # PAIRS=3 WI=1 I=2 W=20s R=20s
#   TUNED=... PAIRS=1 WI=0 I=1 W=1s R=5s SKIP_BUILD=1 scripts/generator-throughput.sh   # only checks that it runs
# TUNED is the <out>/self-tuned directory of `self-improve --tune-self`: each confirmed winner's whole class file.
# They were tuned against optimizer.jar (libraries relocated under dev.selftune.shaded); SelfTunedClasses copies
# them with this jar's library names, and each "after" fork checks it loaded them from there.
# Measure alone on the machine. Time: 2 × PAIRS forks of (WI × W + I × R) plus JVM and set-up (~15 s each).
set -euo pipefail
cd "$(dirname "$0")/.."
TUNED=${TUNED:?set TUNED to the self-tuned directory of a self-improve --tune-self run, like self-improve-out/seed-1/self-tuned}
PAIRS=${PAIRS:-3}
WI=${WI:-1}
I=${I:-2}
W=${W:-20s}
R=${R:-20s}
JAR=jmh-benchmarks/target/benchmarks.jar
if [[ -z "${SKIP_BUILD:-}" ]]; then
  mvn -q -B -DskipTests package
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/generator-throughput.XXXXXX")
trap 'rm -rf "$work"' EXIT
echo "== self-tuned classes from $TUNED:" >&2
java -cp "$JAR" dev.selftune.bench.SelfTunedClasses "$TUNED" "$work/tuned" >&2
run() {   # run <side> <k>
  local side=$1 k=$2 cp=$JAR extra=()
  if [[ $side == after ]]; then
    cp="$work/tuned:$JAR"
    extra=(-jvmArgsAppend "-Dselftune.selfTuned=$work/tuned")
  fi
  echo "== pair $k: $side" >&2
  java -cp "$cp" org.openjdk.jmh.Main GeneratorThroughputBenchmark -f 1 -wi "$WI" -i "$I" -w "$W" -r "$R" \
    -rf json -rff "$work/$side-$k.json" ${extra[@]+"${extra[@]}"} >"$work/$side-$k.log" 2>&1 \
    || { cat "$work/$side-$k.log" >&2; echo "the $side fork of pair $k failed (log above)" >&2; exit 1; }
  grep -h '\[selftune-bench\]' "$work/$side-$k.log" >&2 || true
}
for ((k = 1; k <= PAIRS; k++)); do
  if (( k % 2 == 1 )); then run before "$k"; run after "$k"; else run after "$k"; run before "$k"; fi
done
python3 - "$work" "$PAIRS" <<'PY'
import json, math, sys
work, pairs = sys.argv[1], int(sys.argv[2])
def scores(side):
    out = []
    for k in range(1, pairs + 1):
        r = json.load(open(f"{work}/{side}-{k}.json"))[0]
        out.append((r["primaryMetric"]["score"], r["secondaryMetrics"]["variants"]["score"]))
    return out
b, a = scores("before"), scores("after")
gm = lambda xs: math.exp(sum(math.log(x) for x in xs) / len(xs))
print(f"{'fork':>4} {'before sets/s':>14} {'before variants/s':>18} {'after sets/s':>13} {'after variants/s':>17}")
for k, (x, y) in enumerate(zip(b, a), 1):
    print(f"{k:>4} {x[0]:>14.3f} {x[1]:>18.1f} {y[0]:>13.3f} {y[1]:>17.1f}")
vb, va = gm([x[1] for x in b]), gm([y[1] for y in a])
print(f"before: {vb:.1f} variants/s   after: {va:.1f} variants/s   ratio after/before: {va / vb:.3f}"
      f"   (per-pair ratios {', '.join(f'{y[1] / x[1]:.3f}' for x, y in zip(b, a))})")
PY
