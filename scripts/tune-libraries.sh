#!/usr/bin/env bash
# Tunes methods of published libraries nobody here wrote (scripts/libraries/libraries.tsv), then checks
# every winner three ways and prints one table:
#   target, decision, confirmed speedup [low, high]   from tune's own report.json
#   fresh inputs      the winner against the published class on new seeds (scripts/libraries/CheckWinner.java)
#   re-measured       a separate JMH harness, interleaved fork pairs, inputs tune never saw (remeasure/ReMeasure.java)
#   library tests     the library's own tests jar with the winner class first on the class path (JUnit console
#                     launcher); when the winner fails tests, the original's counts follow, to tell old failures from new
# Artifacts come from Maven (mvn dependency:copy); providers and checkers are compiled here with javac.
#   scripts/tune-libraries.sh                       # every library, BUDGET (default 90s) each
#   ONLY=ejml-mult BUDGET=60s scripts/tune-libraries.sh
#   PAIRS=5 SEEDS=11,12,13 TESTS=all WORK=libraries-out SKIP_BUILD=1 ...
# TESTS=swap (default) runs library tests for swaps only; TESTS=all also runs them on the original for keeps.
# TEST_SCOPE=package runs only the tests in the target's package (quick); default: the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
BUDGET=${BUDGET:-90s}
WORK=${WORK:-libraries-out}
ONLY=${ONLY:-}
PAIRS=${PAIRS:-5}
SEEDS=${SEEDS:-11,12,13}
TESTS=${TESTS:-swap}
TEST_SCOPE=${TEST_SCOPE:-all}
TEST_TIMEOUT=${TEST_TIMEOUT:-1800}
JAR=optimizer/target/optimizer.jar
LIST=scripts/libraries/libraries.tsv
if [[ -z "${SKIP_BUILD:-}" ]]; then
  mvn -q -B -DskipTests -pl optimizer package
fi
mkdir -p "$WORK/jars"
WORK=$(cd "$WORK" && pwd)
JARS=$WORK/jars

# fetch G:A:V[:type:classifier] -> prints the jar's path (one Maven call per artifact, skipped when present).
fetch() {
  IFS=: read -r g a v t c <<< "$1"
  local f="$JARS/$a-$v${c:+-$c}.jar"
  if [[ ! -f "$f" ]]; then
    mvn -q -B -Dstyle.color=never dependency:copy -Dartifact="$1" -DoutputDirectory="$JARS" > "$JARS/fetch.log" 2>&1 \
      || { cat "$JARS/fetch.log" >&2; echo "cannot fetch $1 with Maven (network, or a wrong coordinate in $LIST)" >&2; return 1; }
  fi
  echo "$f"
}
# fetch_all "a,b,c" -> ':'-joined paths ("-" -> empty)
fetch_all() {
  local out="" x
  [[ "$1" == "-" ]] && { echo ""; return; }
  IFS=, read -ra xs <<< "$1"
  for x in "${xs[@]}"; do out+="${out:+:}$(fetch "$x")"; done
  echo "$out"
}

# Tools: JMH for the re-measurement, the JUnit console launcher for the library tests.
JMH_CP=$(fetch_all "org.openjdk.jmh:jmh-core:1.37,net.sf.jopt-simple:jopt-simple:5.0.4,org.apache.commons:commons-math3:3.6.1")
JMH_AP=$(fetch org.openjdk.jmh:jmh-generator-annprocess:1.37)
LAUNCHER=$(fetch org.junit.platform:junit-platform-console-standalone:1.10.3)

# Every library's jars, so that the providers compile in one javac call.
# (only the selected libraries' providers: with ONLY=x the others' jars are not fetched)
ALL_LIB=""
PROVIDERS=()
while IFS=$'\t' read -r name arts tests deps target provider options || [[ -n "${name:-}" ]]; do
  [[ -z "${name:-}" || "$name" == \#* ]] && continue
  [[ -n "$ONLY" && "$name" != "$ONLY" ]] && continue
  ALL_LIB+="${ALL_LIB:+:}$(fetch_all "$arts")"
  PROVIDERS+=("scripts/libraries/$provider.java")
done < "$LIST"
[[ ${#PROVIDERS[@]} -gt 0 ]] || { echo "no library named '$ONLY' in $LIST" >&2; exit 2; }
rm -rf "$WORK/inputs" "$WORK/tools"
mkdir -p "$WORK/inputs" "$WORK/tools"
javac -nowarn -d "$WORK/inputs" -cp "$ALL_LIB" "${PROVIDERS[@]}"
javac -nowarn -d "$WORK/tools" -cp "$JMH_CP" -processorpath "$JMH_AP:$JMH_CP" \
  scripts/libraries/CheckWinner.java scripts/libraries/remeasure/ReMeasure.java

# report_field <report.json> -> "decision<TAB>speedup [low, high]<TAB>pairs" (confirmed variant; "-" when none)
report_fields() {
  awk '
    /^  "decision": / { d = $2; gsub(/[",]/, "", d) }
    /^  "confirmed": \{/ { c = 1; next }
    c && /^  }/ { c = 0 }
    c && /^    "speedup": / { s = $2; gsub(/,/, "", s) }
    c && /^    "speedupLow": / { l = $2; gsub(/,/, "", l) }
    c && /^    "speedupHigh": / { h = $2; gsub(/,/, "", h) }
    c && /^    "pairs": / { p = $2; gsub(/,/, "", p) }
    END {
      printf "%s\t%s\t%s\n", d, (s == "" || s == "null") ? "-" : sprintf("%.2fx [%.2f, %.2f]", s, l, h), (p == "" ? "-" : p)
    }' "$1"
}

# run_tests <class path, winner first when any> <tests dir> <package or ""> <log> -> "P passed / F failed"
# The tests run from a directory that holds the tests jar unpacked twice over: as the class path root (so
# resources are files, as under Maven) and as src/test/resources (tests that open files by their source path).
run_tests() {
  local sel=(--scan-class-path "$2")
  [[ -n "$3" ]] && sel=(--select-package "$3")
  (cd "$2/.." && timeout "$TEST_TIMEOUT" java -jar "$LAUNCHER" --disable-banner --details=summary \
      --disable-ansi-colors -cp "$1:$2" "${sel[@]}") > "$4" 2>&1 || true
  awk '/tests successful/ { p = $2 } /tests failed/ { f = $2 }
       END { if (p == "") print "did not run (see log)"; else printf "%d passed / %d failed\n", p, f }' "$4"
}

# unpack_tests <tests jar> <run dir> -> prints the class path root of the unpacked tests
unpack_tests() {
  rm -rf "$2"
  mkdir -p "$2/test-classes" "$2/src/test/resources"
  (cd "$2/test-classes" && jar xf "$1")
  (cd "$2/src/test/resources" && jar xf "$1")
  echo "$2/test-classes"
}

rows=()
while IFS=$'\t' read -r name arts tests deps target provider options || [[ -n "${name:-}" ]]; do
  [[ -z "${name:-}" || "$name" == \#* ]] && continue
  [[ -n "$ONLY" && "$name" != "$ONLY" ]] && continue
  out="$WORK/$name"
  rm -rf "$out"
  mkdir -p "$out"
  lib=$(fetch_all "$arts")
  echo "== $name: $target (budget $BUDGET)" >&2
  decision=failed speedup=- fresh=- remeasured=- libtests=-
  # the optional seventh column: fp=<relative tolerance> opts in to reassociating floating-point sums
  # (tune's --allow-fp-reassociation); the fresh-input check then compares doubles within it too
  fp=""
  [[ "${options:-}" == fp=* ]] && fp=${options#fp=}
  rc=0
  java -jar "$JAR" tune --classpath "$lib:$WORK/inputs" --target "$target" --inputs "$provider#rows" \
      --budget "$BUDGET" --out "$out" ${fp:+--allow-fp-reassociation "$fp"} > "$out/tune.log" 2>&1 || rc=$?
  if [[ $rc == 0 ]]; then
    IFS=$'\t' read -r decision speedup pairs < <(report_fields "$out/report.json")
    [[ "$pairs" != "-" ]] && speedup+=" $pairs pairs"
  else
    # tune exits 2 for an ineligible target or bad input, 1 for an internal error, with one line saying why.
    why=$(grep -v '^\s*$' "$out/tune.log" | tail -1 | sed 's/^selftune: error: //' | cut -c1-200)
    decision="$([[ $rc == 2 ]] && echo refused || echo "tune failed"): $why"
  fi
  winner=""
  if [[ "$decision" == swap ]]; then
    winner="$out/winner"
    fresh=$(java -cp "$WORK/tools" CheckWinner "$lib:$WORK/inputs" "$winner" "$target" "$provider" "$SEEDS" $fp 2>&1 | tail -1) || true
    echo "   fresh inputs: $fresh" >&2
    # the forks' JVM flags exactly as tune's forks ran (report.json's forkJvmArgs: the fixed heap included)
    fork_flags=$(awk '/^  "forkJvmArgs": \[$/ { f = 1; next } f && /^  \]/ { f = 0 } f { gsub(/[ ",]/, ""); printf "%s ", $0 }' "$out/report.json")
    remeasured=$(java -cp "$WORK/tools:$JMH_CP" remeasure.ReMeasure "$lib:$WORK/inputs" "$winner" "$target" "$provider" "$PAIRS" \
        "$fork_flags" 2> "$out/remeasure.log" | tail -1) || remeasured="failed (see $out/remeasure.log)"
    echo "   re-measured: $remeasured" >&2
  fi
  if [[ "$tests" != "-" && ( -n "$winner" || "$TESTS" == all ) ]]; then
    testdir=$(unpack_tests "$(fetch "$tests")" "$out/testrun")
    testdeps=$(fetch_all "$deps")
    pkg=""
    if [[ "$TEST_SCOPE" == package ]]; then cls=${target%%#*}; pkg=${cls%.*}; fi
    cp="$lib${testdeps:+:$testdeps}"
    if [[ -n "$winner" ]]; then
      libtests="winner: $(run_tests "$winner:$cp" "$testdir" "$pkg" "$out/tests-winner.log")"
      if [[ "$libtests" != *" 0 failed" ]]; then
        libtests+="; original: $(run_tests "$cp" "$testdir" "$pkg" "$out/tests-original.log")"
      fi
    else
      libtests="original: $(run_tests "$cp" "$testdir" "$pkg" "$out/tests-original.log")"
    fi
    echo "   library tests: $libtests" >&2
  fi
  rows+=("$name"$'\t'"$decision"$'\t'"$speedup"$'\t'"$fresh"$'\t'"$remeasured"$'\t'"$libtests")
done < "$LIST"

printf '%-12s %-16s %-32s %-14s %-32s %s\n' target decision "speedup [low, high]" "fresh inputs" "re-measured" "library tests"
notes=()
for r in "${rows[@]}"; do
  IFS=$'\t' read -r n d s f m t <<< "$r"
  if [[ "$d" == refused:* || "$d" == "tune failed"* ]]; then
    notes+=("$n: ${d#*: }")
    d=${d%%:*}
  fi
  printf '%-12s %-16s %-32s %-14s %-32s %s\n' "$n" "$d" "$s" "$f" "$m" "$t"
done
for x in ${notes[@]+"${notes[@]}"}; do echo "  $x"; done
