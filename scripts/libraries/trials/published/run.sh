#!/usr/bin/env bash
# Tunes published library methods nobody here wrote (targets.tsv), each with a provider of realistic calls
# (LibRows, ObjRows; instance methods' rows start with the receiver), and prints one line per target:
# decision and tune's decision line: the confirmed speedup [low, high], or why the original was kept.
#   scripts/libraries/trials/published/run.sh                 # every target, BUDGET (default 60s) each
#   ONLY="convolve operate" BUDGET=90s WORK=/tmp/published SKIP_BUILD=1 scripts/libraries/trials/published/run.sh
#   SET=scripts/libraries/trials/published2 scripts/libraries/trials/published/run.sh   # another set of targets
#   CACHE=/tmp/pub-cache scripts/libraries/trials/published/run.sh   # tune's --cache: one store for every target, so
#        the ranking model's examples of the whole set land in CACHE/rank-models (scripts/screening-replay.sh)
# A set is a directory with artifacts.txt (one groupId:artifactId:version a line), targets.tsv and the providers'
# .java files (one package for all; targets.tsv names providers inside it).
# Artifacts come from Maven (mvn dependency:copy). Measure alone: each tune forks JMH JVMs.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
cd "$HERE/../../../.."
SET=$(cd "${SET:-$HERE}" && pwd)
BUDGET=${BUDGET:-60s}
WORK=${WORK:-published-out}
ONLY=${ONLY:-}
CACHE=${CACHE:-}
JAR=optimizer/target/optimizer.jar
[[ -n "${SKIP_BUILD:-}" ]] || mvn -q -B -DskipTests -pl optimizer package
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
CP=$("$HERE/../set-classpath.sh" "$SET" "$WORK")   # "$WORK/classes:" + the artifacts' jars
PKG=$(sed -n 's/^package \([a-zA-Z0-9_.]*\);.*/\1/p' "$SET"/*.java | head -1)
printf '%-14s %-14s %s\n' target decision "tune's decision line (speedup [low, high], or why it kept the original)"
while IFS=$'\t' read -r name target rows fp || [[ -n "${name:-}" ]]; do
  [[ -z "${name:-}" || "$name" == \#* ]] && continue
  [[ -n "$ONLY" && " $ONLY " != *" $name "* ]] && continue
  out="$WORK/$name"
  rm -rf "$out"
  rc=0
  java -jar "$JAR" tune --classpath "$CP" --target "$target" --inputs "$PKG.$rows" \
      --budget "$BUDGET" ${CACHE:+--cache "$CACHE"} --out "$out" ${fp:+--allow-fp-reassociation "$fp"} > "$WORK/$name.log" 2>&1 || rc=$?
  if [[ $rc != 0 ]]; then
    printf '%-14s %-14s %-24s %s\n' "$name" "refused" "-" "$(grep -v '^\s*$' "$WORK/$name.log" | tail -1 | cut -c1-160)"
    continue
  fi
  # the console's "decision" line holds the verdict, the speedup and (for a keep) the reason
  line=$(grep -m1 '^decision' "$WORK/$name.log" | sed 's/^decision *//')
  decision=$(awk '/^  "decision": / { d = $2; gsub(/[",]/, "", d); print d; exit }' "$out/report.json")
  printf '%-14s %-14s %s\n' "$name" "$decision" "$(echo "$line" | cut -c1-200)"
done < "$SET/targets.tsv"
