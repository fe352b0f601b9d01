#!/usr/bin/env bash
# Independent re-measurement of every swap the main job made: for each sample whose
# OUT/<sample>/report.json says "swap", run its jmh-benchmarks class (original vs tuned winner vs
# hand-written) in fresh forks and print scores ± error (JMH's 99.9%) and the tuned/hand speedups
# over the original with a conservative interval from both errors. A tuned interval entirely
# below 1.0 is a swap the re-run shows slower.
#   scripts/check-winners.sh                  # after scripts/tune-samples.sh (OUT=tune-out)
#   FORKS=3 ITER=5 scripts/check-winners.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-tune-out}
FORKS=${FORKS:-3}
ITER=${ITER:-5}
BENCH=jmh-benchmarks/target/benchmarks.jar
[[ -f "$BENCH" ]] || mvn -q -B -DskipTests package
tmp=$(mktemp -d)
printf '%-24s %-22s %-22s %-22s %-22s %-22s\n' sample original tuned hand "tuned speedup" "hand speedup"
while IFS=$'\t' read -r name target opts || [[ -n "${name:-}" ]]; do
  [[ -z "${name:-}" || "$name" == \#* ]] && continue
  report="$OUT/$name/report.json"
  [[ -f "$report" ]] && grep -q '"decision": *"swap"' "$report" || continue
  cls=${target%%#*}; cls=${cls##*.}
  csv="$tmp/$name.csv"
  java -jar "$BENCH" "${cls}Benchmark\." -p tuned="$OUT/$name" -f "$FORKS" -wi 3 -i "$ITER" -w 500ms -r 500ms \
      -rf csv -rff "$csv" > "$tmp/$name.log" 2>&1 || { echo "$name: benchmark failed, see $tmp/$name.log"; continue; }
  # For samples with two tuned methods, keep the benchmark whose name matches this sample.
  awk -F, -v name="$name" '
    NR == 1 { next }
    { gsub(/"/, ""); split($1, p, "."); m = p[length(p)]; s[m] = $5; e[m] = $6; u = $7 }
    END {
      o = pick("original"); t = pick("tuned"); h = pick("hand")
      printf "%-24s %-22s %-22s %-22s %-22s %-22s\n", name,
        sprintf("%.4g±%.2g %s", s[o], e[o], u), sprintf("%.4g±%.2g", s[t], e[t]), sprintf("%.4g±%.2g", s[h], e[h]),
        ratio(s[o], e[o], s[t], e[t]), ratio(s[o], e[o], s[h], e[h])
    }
    # "tuned", or "tunedString" when the sample name (dashes removed) ends in that suffix.
    function pick(prefix,   k, suffix, flat) {
      flat = name; gsub(/-/, "", flat)
      for (k in s) if (index(k, prefix) == 1 && length(k) > length(prefix)) {
        suffix = tolower(substr(k, length(prefix) + 1))
        if (substr(flat, length(flat) - length(suffix) + 1) == suffix) return k
      }
      return prefix
    }
    function ratio(b, eb, v, ev,   lo, hi) {
      if (v == "" || v <= 0) return "-"
      lo = (b - eb) / (v + ev); hi = (v - ev > 0) ? (b + eb) / (v - ev) : 1e9
      return sprintf("%.2fx [%.2f, %.2f]", b / v, lo, hi)
    }' "$csv"
done < samples/samples.tsv
