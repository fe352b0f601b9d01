#!/usr/bin/env bash
# The main job: build selftune and the samples, tune every sample listed in samples/samples.tsv,
# and print a results table (sample, decision, speedup [low, high], variants generated / rejected /
# measured, seconds). Each sample gets BUDGET (default 50s); outputs land in OUT (default tune-out/).
# A sample whose run ended before any variant could be screened, because one fork costs more here than
# BUDGET allows for a decision, is run once more with the budget tune itself advised (at most 3 x
# BUDGET; RETRY=0 turns this off); the table's budget column shows what each sample got.
#   scripts/tune-samples.sh            # everything
#   ONLY=matmul scripts/tune-samples.sh  # one sample (name from the first column)
set -euo pipefail
cd "$(dirname "$0")/.."
BUDGET=${BUDGET:-50s}
RETRY=${RETRY:-1}
OUT=${OUT:-tune-out}
ONLY=${ONLY:-}
if [[ -z "${SKIP_BUILD:-}" ]]; then
  mvn -q -B -DskipTests package
fi
JAR=optimizer/target/optimizer.jar
CP=samples/target/samples.jar
mkdir -p "$OUT"
dirs=()
while IFS=$'\t' read -r name target opts || [[ -n "${name:-}" ]]; do
  [[ -z "${name:-}" || "$name" == \#* ]] && continue
  [[ -n "$ONLY" && "$name" != "$ONLY" ]] && continue
  echo "== $name: $target $opts (budget $BUDGET)" >&2
  rm -rf "${OUT:?}/$name"
  # shellcheck disable=SC2086
  if ! java -jar "$JAR" tune --classpath "$CP" --target "$target" $opts --budget "$BUDGET" --out "$OUT/$name"; then
    echo "== $name: tune failed" >&2
  fi
  # the budget tune advised when a fork here costs too much for BUDGET to reach any screening; empty otherwise
  advised=$(python3 - "$OUT/$name/report.json" "${BUDGET%s}" <<'PY' 2>/dev/null || true
import json, re, sys
r = json.load(open(sys.argv[1]))
m = re.search(r"before any variant could be screened.*give --budget (\d+)s or more", r.get("reason") or "")
if r.get("decision") == "keep-original" and m and int(sys.argv[2]) < int(m.group(1)) <= 3 * int(sys.argv[2]):
    print(m.group(1) + "s")
PY
)
  if [[ "$RETRY" == 1 && -n "$advised" ]]; then
    echo "== $name: a fork here costs more than $BUDGET allows for a decision; once more at the advised $advised" >&2
    rm -rf "${OUT:?}/$name"
    # shellcheck disable=SC2086
    java -jar "$JAR" tune --classpath "$CP" --target "$target" $opts --budget "$advised" --out "$OUT/$name" \
      || echo "== $name: tune failed" >&2
  fi
  dirs+=("$OUT/$name")
done < samples/samples.tsv
java -jar "$JAR" table "${dirs[@]}"
