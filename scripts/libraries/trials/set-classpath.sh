#!/usr/bin/env bash
# Prints the class path of a published-library set: fetches its artifacts.txt with Maven into $2/jars and
# compiles its providers (*.java, one package) into $2/classes. Used by published/run.sh and self-improve.sh.
#   CP=$(scripts/libraries/trials/set-classpath.sh <set directory> <work directory>)
set -euo pipefail
SET=$(cd "$1" && pwd)
mkdir -p "$2/jars" "$2/classes"
WORK=$(cd "$2" && pwd)
CP=""
for a in $(grep -v '^\s*\(#\|$\)' "$SET/artifacts.txt"); do
  IFS=: read -r g n v <<< "$a"
  f="$WORK/jars/$n-$v.jar"
  [[ -f "$f" ]] || mvn -q -B -Dstyle.color=never dependency:copy -Dartifact="$a" -DoutputDirectory="$WORK/jars" -Dmdep.stripClassifier=true \
      > "$WORK/jars/fetch.log" 2>&1 || { cat "$WORK/jars/fetch.log" >&2; echo "cannot fetch $a with Maven" >&2; exit 1; }
  CP+="${CP:+:}$f"
done
javac -nowarn --release 17 -d "$WORK/classes" -cp "$CP" "$SET"/*.java >&2
echo "$WORK/classes:$CP"
