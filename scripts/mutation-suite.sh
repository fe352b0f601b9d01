#!/usr/bin/env bash
# The mutation suite (docs/mutation.md): every mutant of every sample method (samples/samples.tsv and
# the other public static methods of those classes) and of every test specimen method goes through
# the verifier exactly as tune does; each survivor then gets a long independent differential run
# (>= 100x the verifier's rows, another seed, bigger sizes). Prints, per method: mutants, non-viable,
# killed, likely equivalent, surviving non-equivalent, kill rate; then every survivor with why.
# Exit status 0 when the kill rate is >= 99%. Single-threaded, at nice 19.
#   scripts/mutation-suite.sh                       # everything (tens of minutes)
#   ONLY=Sorting scripts/mutation-suite.sh          # methods whose label contains "Sorting"
#   EQUIV_SECONDS=120 MVN_ARGS=-o scripts/mutation-suite.sh
set -uo pipefail
cd "$(dirname "$0")/.."
REPORT=${REPORT:-$PWD/optimizer/target/mutation/report.txt}
EQUIV_SECONDS=${EQUIV_SECONDS:-60}
ONLY=${ONLY:-}
MVN_ARGS=${MVN_ARGS:-}
mkdir -p "$(dirname "$REPORT")"
rm -f "$REPORT"
mvn -q -B $MVN_ARGS -pl samples compile || { echo "mutation-suite: compiling samples failed" >&2; exit 2; }
nice -n 19 mvn -q -B $MVN_ARGS -pl optimizer test -Dtest=MutationFullSuiteTest \
    -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true \
    -Dselftune.mutation.report="$REPORT" -Dselftune.mutation.samples="$PWD/samples" \
    -Dselftune.mutation.only="$ONLY" -Dselftune.mutation.equivalenceSeconds="$EQUIV_SECONDS" > "$REPORT.mvn" 2>&1
status=$?
if [[ -s "$REPORT" ]]; then
    cat "$REPORT"
    echo "(per-method timings: $REPORT.log; maven output: $REPORT.mvn)"
else
    echo "mutation-suite: no report was written; the last lines of maven's output:" >&2
    tail -40 "$REPORT.mvn" >&2
    [[ $status -ne 0 ]] || status=2
fi
exit $status
