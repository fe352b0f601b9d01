#!/usr/bin/env bash
# Are the fork plans' warm-ups long enough? Tunes TARGET (default: the dot product sample) with
# -XX:+PrintCompilation in every JMH fork and reports, per fork, in which iteration C2 (tier 4) last
# compiled the target and the benchmark harness; a compile during a measured iteration is flagged.
#   scripts/compile-timing.sh
#   TARGET=dev.selftune.samples.MatrixMultiply#multiply OPTS="--sizes 65536" scripts/compile-timing.sh
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=${TARGET:-dev.selftune.samples.DotProduct#dot}
OPTS=${OPTS:---inputs dev.selftune.samples.inputs.DotProductInputs#rows --allow-fp-reassociation 1e-9}
BUDGET=${BUDGET:-35s}
[[ -f optimizer/target/optimizer.jar && -f samples/target/samples.jar ]] || mvn -q -B -DskipTests package
work=$(mktemp -d)
# shellcheck disable=SC2086
JAVA_TOOL_OPTIONS="-XX:+PrintCompilation -Djava.io.tmpdir=$work" java -jar optimizer/target/optimizer.jar tune \
    --classpath samples/target/samples.jar --target "$TARGET" $OPTS --budget "$BUDGET" --out "$work/out" \
    2>/dev/null | grep -E '^(decision|variants)' || true
simple=${TARGET%%#*}
simple=${simple##*.}
python3 scripts/compile-timing.py "$(ls -d "$work"/selftune-*/jmh | head -1)" "$simple"
rm -rf "$work"
