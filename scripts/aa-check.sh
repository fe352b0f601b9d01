#!/usr/bin/env bash
# False-improvement check: runs tune's exact decision (same confirmation forks, sequential looks and
# thresholds) on COMPARISONS (default 20) A/A pairs -- a sample method against a byte-identical copy --
# each allowed to grow to MAX_PAIRS (default 15) fork pairs, and prints how many were wrongly decided
# swap. Exit 0 when at most 1 was.
#   scripts/aa-check.sh                                   # dot product, 20 comparisons
#   TARGET=dev.selftune.samples.Sorting#sort scripts/aa-check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=${TARGET:-dev.selftune.samples.DotProduct#dot}
COMPARISONS=${COMPARISONS:-20}
MAX_PAIRS=${MAX_PAIRS:-15}
[[ -f optimizer/target/optimizer.jar && -f samples/target/samples.jar ]] || mvn -q -B -DskipTests package
exec java -jar optimizer/target/optimizer.jar aa --classpath samples/target/samples.jar \
    --target "$TARGET" --comparisons "$COMPARISONS" --max-pairs "$MAX_PAIRS" "$@"
