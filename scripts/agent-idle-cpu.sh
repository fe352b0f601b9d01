#!/usr/bin/env bash
# The agent's own CPU in an idle host: a JVM that only sleeps, IDLE seconds (default 60) without and
# with the agent (sampling, nothing to tune); prints each process's CPU time and the agent's share
# of one core.
#   scripts/agent-idle-cpu.sh
set -euo pipefail
cd "$(dirname "$0")/.."
IDLE=${IDLE:-60}
JAR=$PWD/optimizer/target/optimizer.jar
[[ -f "$JAR" ]] || mvn -q -B -DskipTests package
work=$(mktemp -d)
mkdir -p "$work/classes/idle"
cat > "$work/Idle.java" <<'JAVA'
package idle;
public class Idle {
    public static void main(String[] args) throws Exception {
        Thread.sleep(Long.parseLong(args[0]) * 1000);
    }
}
JAVA
javac -d "$work/classes" "$work/Idle.java"
run() { # prints the CPU seconds the JVM used after its first 10 s (start-up excluded)
  java "$@" -cp "$work/classes" idle.Idle "$((IDLE + 10))" > /dev/null 2>&1 &
  local pid=$! tck
  tck=$(getconf CLK_TCK)
  sleep 10
  local a b
  a=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  sleep "$IDLE"
  b=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  wait "$pid" || true
  awk -v a="$a" -v b="$b" -v t="$tck" 'BEGIN { printf "%.2f", (b - a) / t }'
}
without=$(run)
with=$(run "-javaagent:$JAR=include=idle.**,events=$work/events.jsonl")
echo "idle JVM, ${IDLE} s after start-up: CPU without agent ${without} s, with agent ${with} s"
awk -v a="$with" -v b="$without" -v s="$IDLE" 'BEGIN { printf "agent CPU while idle: %.2f%% of one core\n", (a - b) / s * 100 }'
