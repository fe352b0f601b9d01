#!/usr/bin/env bash
# The main job: build selftune and the samples, tune every sample listed in samples/samples.tsv,
# and print a results table (sample, decision, speedup [low, high], variants generated / rejected /
# measured, seconds). Each sample gets BUDGET (default 35s); outputs land in OUT (default tune-out/).
#   scripts/tune-samples.sh            # everything
#   ONLY=matmul scripts/tune-samples.sh  # one sample (name from the first column)
set -euo pipefail
cd "$(dirname "$0")/.."
BUDGET=${BUDGET:-35s}
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
  dirs+=("$OUT/$name")
done < samples/samples.tsv
java -jar "$JAR" table "${dirs[@]}"
