#!/usr/bin/env bash
# The agent on the sample application, measured the way issue 3 asks:
#  1. calibrate: how many batches the app does in RUN seconds without the agent;
#  2. run that exact work without the agent, then with the agent (include=dev.selftune.samples.**);
#     print the steady-state throughput of each (mean of the last quarter of its throughput lines),
#     their ratio, both checksums (same work, so they must match) and when the first swap happened,
#     then the host's throughput *during* tuning (the windows in which a tuning child ran, paused
#     time excluded) against the run without the agent at the same offsets (scripts/agent-window.py);
#  3. overhead: the winners applied from wisdom at start (nothing left to tune) vs the same winner
#     classes on the class path without the agent, PAIRS alternating pairs of OVERHEAD_RUN seconds
#     (steady state = mean of the second half of the throughput lines).
#   scripts/agent-throughput.sh              # RUN=360 BUDGET=120s OVERHEAD_RUN=70 PAIRS=3
set -euo pipefail
cd "$(dirname "$0")/.."
RUN=${RUN:-360}
BUDGET=${BUDGET:-120s}
OVERHEAD_RUN=${OVERHEAD_RUN:-70}
PAIRS=${PAIRS:-3}
WORK=${WORK:-$(mktemp -d)}
JAR=$PWD/optimizer/target/optimizer.jar
CP=$PWD/samples/target/samples.jar
APP=dev.selftune.samples.app.AnalyticsApp
[[ -f "$JAR" && -f "$CP" ]] || mvn -q -B -DskipTests package
echo "work dir: $WORK" >&2

steady() { # mean of the last quarter of the "throughput N records/s" lines
  grep '^throughput ' "$1" | awk '{ v[NR] = $2 } END { n = NR; k = int(n * 3 / 4) + 1; s = 0; c = 0;
    for (i = k; i <= n; i++) { s += v[i]; c++ } if (c) printf "%.0f", s / c; else print 0 }'
}
half() { # mean of the second half of the throughput lines
  grep '^throughput ' "$1" | awk '{ v[NR] = $2 } END { n = NR; k = int(n / 2) + 1; s = 0; c = 0;
    for (i = k; i <= n; i++) { s += v[i]; c++ } if (c) printf "%.0f", s / c; else print 0 }'
}
checksum() { grep '^checksum ' "$1" | awk '{ print $2 }'; }

java -cp "$CP" $APP --seconds 20 > "$WORK/calibrate.log"
per_sec=$(grep '^processed ' "$WORK/calibrate.log" | awk '{ printf "%.3f", $2 / $(NF - 1) }')
BATCHES=$(awk -v r="$per_sec" -v s="$RUN" 'BEGIN { printf "%d", r * s }')
echo "calibrated: $per_sec batches/s -> $BATCHES batches (~${RUN}s without the agent)" >&2

stamp() { # each line prefixed with the epoch time it arrived at
  while IFS= read -r line; do printf '%s %s\n' "$(date +%s.%N)" "$line"; done
}
java -cp "$CP" $APP --batches "$BATCHES" --checksum-batches "$BATCHES" | stamp > "$WORK/without.tlog"
cut -d' ' -f2- "$WORK/without.tlog" > "$WORK/without.log"
start=$(date +%s.%N)
java "-javaagent:$JAR=include=dev.selftune.samples.**,budget=$BUDGET,max-methods=2,events=$WORK/events.jsonl,wisdom=$WORK/wisdom.json" \
    -cp "$CP" $APP --batches "$BATCHES" --checksum-batches "$BATCHES" 2> "$WORK/with.err" | stamp > "$WORK/with.tlog"
cut -d' ' -f2- "$WORK/with.tlog" > "$WORK/with.log"
first_swap=$(grep -m1 '"event":"swapped"' "$WORK/events.jsonl" 2>/dev/null | sed 's/.*"time":"\([^"]*\)".*/\1/' || true)
swap_after="none"
if [[ -n "$first_swap" ]]; then
  swap_after=$(awk -v a="$(date -d "$first_swap" +%s.%N)" -v b="$start" 'BEGIN { printf "%.0f s", a - b }')
fi
w=$(steady "$WORK/without.log"); a=$(steady "$WORK/with.log")
echo "== agent on AnalyticsApp ($BATCHES batches each, budget $BUDGET per method)"
echo "steady-state throughput without agent: $w records/s"
echo "steady-state throughput with agent:    $a records/s"
awk -v a="$a" -v w="$w" 'BEGIN { printf "throughput ratio (with / without):    %.2fx\n", a / w }'
echo "checksum without agent: $(checksum "$WORK/without.log")"
echo "checksum with agent:    $(checksum "$WORK/with.log")"
echo "first swap after:       $swap_after"
python3 scripts/agent-window.py "$WORK/with.tlog" "$WORK/events.jsonl" "$WORK/without.tlog"
grep -c '"event":"paused"' "$WORK/events.jsonl" | sed 's/^/paused events: /' || true
grep -o '"event":"[a-z-]*","target":"[^"]*"' "$WORK/events.jsonl" | sort | uniq -c || true

# Overhead: wisdom applied at start vs the same winners loaded without the agent.
winners=$WORK/winners; mkdir -p "$winners"
includes=""
for report in $(grep '"event":"swapped"' "$WORK/events.jsonl" | sed 's/.*"report":"\([^"]*\)".*/\1/'); do
  cp -r "$(dirname "$report")/winner/." "$winners/"
done
for cls in $(cd "$winners" && find . -name '*.class' | sed 's|^\./||; s|\.class$||; s|/|.|g'); do
  includes="${includes:+$includes;}$cls"
done
if [[ -z "$includes" ]]; then
  echo "no swap was made, so there is no wisdom overhead to measure"
  exit 0
fi
echo "== overhead: winners from wisdom with the agent vs the same winners on the class path ($PAIRS pairs of ${OVERHEAD_RUN}s)"
for i in $(seq 1 "$PAIRS"); do
  java "-javaagent:$JAR=include=$includes,wisdom=$WORK/wisdom.json,events=$WORK/events-wisdom.jsonl" \
      -cp "$CP" $APP --seconds "$OVERHEAD_RUN" > "$WORK/wisdom-$i.log" 2> "$WORK/wisdom-$i.err"
  java -cp "$winners:$CP" $APP --seconds "$OVERHEAD_RUN" > "$WORK/winners-$i.log"
  x=$(half "$WORK/wisdom-$i.log"); y=$(half "$WORK/winners-$i.log")
  echo "pair $i: with agent (wisdom-applied) $x records/s, without agent $y records/s"
  echo "$x $y" >> "$WORK/overhead.txt"
done
awk '{ x += $1; y += $2 } END { printf "agent overhead (mean over pairs): %+.1f%%\n", (y - x) / y * 100 }' "$WORK/overhead.txt"
grep -c '"event":"wisdom-applied"' "$WORK/events-wisdom.jsonl" | sed 's/^/wisdom-applied events: /'
