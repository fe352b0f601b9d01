#!/usr/bin/env bash
# The ranking model's reach (issue 7 §3): how many JMH forks tuning the samples needs with and
# without the model, and whether it finds the same winner. See docs/ranking-model.md.
#
#   off  every sample tuned with the default policy (model off) and a fresh measurement cache:
#        every variant the budget reaches is screened, and every screening result is kept as a
#        training example (this is the training pass).
#   in   every sample tuned again with {"rankModel": true}, the model learned in the off pass
#        (its examples include this sample's own variants: the re-tuning case), and a fresh
#        measurement cache, so every screening number is a new fork.
#   loo  as `in`, but each sample's model leaves out that sample's own examples (leave one out:
#        the model has never seen the method, as for a new method in the held-out set).
#
# Prints per sample and mode: the JMH forks spent (screening + confirmation), the decision, the
# variant it is about and its confirmed speedup [low, high], and the ratio of forks off / on.
#   scripts/rank-model.sh                       # all samples, modes in and loo
#   MODES=in ONLY=matrix-multiply scripts/rank-model.sh          # one sample, one mode
#   MODES=loo ONLY=dot-product,sort,variance scripts/rank-model.sh  # a subset: the model learns from the others in it
# BUDGET (default 120s per tuning) must let the off pass screen every variant: with 35s the off pass
# is cut by its budget, and the comparison would measure the budget, not the model. About an hour on
# 2 cores (the off pass uses its budgets; the ranked passes end sooner).
# HISTORY=<model files, comma-separated> adds other tunings' examples on this machine (e.g. a published-library
# set's CACHE/rank-models/<key>.json from scripts/libraries/trials/published/run.sh) to what the ranked passes learn
# from: a store that has seen more methods, as a user's cache grows (loo still leaves the sample's own method out).
# Knobs: BUDGET, SEED (1), OUT (rank-out/), OFF_FROM (an earlier OUT whose off pass to reuse), HISTORY, RANK_FRACTION, RANK_MIN, RANK_EXPLORE, RANK_ADAPT, RANK_EXTEND,
# RANK_FINALISTS (the policy's rankFraction, rankMinMeasured, rankExplore, rankAdapt, rankExtend, rankFinalists;
# defaults are the policy's).
set -euo pipefail
cd "$(dirname "$0")/.."
BUDGET=${BUDGET:-120s}
SEED=${SEED:-1}
OUT=${OUT:-rank-out}
ONLY=${ONLY:-}
MODES=${MODES:-in loo}
if [[ -z "${SKIP_BUILD:-}" ]]; then
  mvn -q -B -DskipTests package
fi
JAR=optimizer/target/optimizer.jar
CP=samples/target/samples.jar
if [[ -n "${OFF_FROM:-}" && "$(realpath -m "$OFF_FROM")" == "$(realpath -m "$OUT")" ]]; then
  echo "OFF_FROM must not be OUT (OUT is emptied first)" >&2; exit 2
fi
rm -rf "${OUT:?}"
mkdir -p "$OUT"

policy="$OUT/policy-on.json"
{
  printf '{"rankModel": true'
  [[ -n "${RANK_FRACTION:-}" ]] && printf ', "rankFraction": %s' "$RANK_FRACTION"
  [[ -n "${RANK_MIN:-}" ]] && printf ', "rankMinMeasured": %s' "$RANK_MIN"
  [[ -n "${RANK_EXPLORE:-}" ]] && printf ', "rankExplore": %s' "$RANK_EXPLORE"
  [[ -n "${RANK_ADAPT:-}" ]] && printf ', "rankAdapt": %s' "$RANK_ADAPT"
  [[ -n "${RANK_EXTEND:-}" ]] && printf ', "rankExtend": %s' "$RANK_EXTEND"
  [[ -n "${RANK_FINALISTS:-}" ]] && printf ', "rankFinalists": %s' "$RANK_FINALISTS"
  printf '}\n'
} > "$policy"

names=()
targets=()
options=()
while IFS=$'\t' read -r name target opts || [[ -n "${name:-}" ]]; do
  [[ -z "${name:-}" || "$name" == \#* ]] && continue
  [[ -n "$ONLY" && ",$ONLY," != *",$name,"* ]] && continue
  names+=("$name"); targets+=("$target"); options+=("${opts:-}")
done < samples/samples.tsv

# tune <mode> <index> <cache dir> [policy args...]
tune() {
  local mode=$1 i=$2 cache=$3
  shift 3
  echo "== ${names[$i]} ($mode): ${targets[$i]} ${options[$i]} (budget $BUDGET)" >&2
  # shellcheck disable=SC2086
  if ! java -jar "$JAR" tune --classpath "$CP" --target "${targets[$i]}" ${options[$i]} --budget "$BUDGET" \
      --seed "$SEED" --cache "$cache" "$@" --out "$OUT/$mode/${names[$i]}" > "$OUT/$mode/${names[$i]}.log" 2>&1; then
    echo "== ${names[$i]} ($mode): tune failed, see $OUT/$mode/${names[$i]}.log" >&2
  fi
}

# The off pass is the training pass: one cache for all samples, so one model learns from all of them.
# OFF_FROM=<an earlier OUT> reuses that run's off pass (its reports and model) to compare ranked settings on
# the same training data; it must hold every sample asked for.
if [[ -n "${OFF_FROM:-}" ]]; then
  cp -r "$OFF_FROM/off" "$OFF_FROM/off-cache" "$OUT/"
  for n in "${names[@]}"; do
    [[ -f "$OUT/off/$n/report.json" ]] || { echo "OFF_FROM=$OFF_FROM has no off pass of $n" >&2; exit 2; }
  done
else
  mkdir -p "$OUT/off"
  for i in "${!names[@]}"; do
    tune off "$i" "$OUT/off-cache"
  done
fi

for mode in $MODES; do
  mkdir -p "$OUT/$mode"
  for i in "${!names[@]}"; do
    cache="$OUT/$mode-cache/${names[$i]}"   # fresh measurements; only the model is carried over
    mkdir -p "$cache"
    cp -r "$OUT/off-cache/rank-models" "$cache/" 2>/dev/null || true
    if [[ -n "${HISTORY:-}" ]]; then
      python3 - "$cache/rank-models" "$HISTORY" <<'PY'
import json, pathlib, sys
folder, history = pathlib.Path(sys.argv[1]), [pathlib.Path(h) for h in sys.argv[2].split(",")]
models = list(folder.glob("*.json"))
if len(models) != 1:
    sys.exit("HISTORY needs the off pass's one model under %s, found %d" % (folder, len(models)))
m = json.loads(models[0].read_text())
ids = {e["id"] for e in m["examples"]}
for h in history:
    o = json.loads(h.read_text())
    if o["environment"] != m["environment"]:
        sys.exit("HISTORY %s was measured on another JVM or CPU (%s) than the off pass (%s)" % (h, o["environment"], m["environment"]))
    for e in o["examples"]:
        if e["id"] not in ids:
            ids.add(e["id"])
            m["examples"].append(e)
models[0].write_text(json.dumps(m))
PY
    fi
    if [[ "$mode" == loo ]]; then
      python3 - "$cache/rank-models" "${targets[$i]}" <<'PY'
import json, pathlib, sys
folder, target = pathlib.Path(sys.argv[1]), sys.argv[2]
for f in folder.glob("*.json"):
    m = json.loads(f.read_text())
    m["examples"] = [e for e in m["examples"] if e["target"] != target and not e["target"].startswith(target + "(")]
    f.write_text(json.dumps(m))
PY
    fi
    tune "$mode" "$i" "$cache" --policy "$policy"
  done
done

python3 - "$OUT" "$MODES" "${names[@]}" <<'PY'
import json, math, pathlib, sys
out, modes, names = pathlib.Path(sys.argv[1]), sys.argv[2].split(), sys.argv[3:]

def read(mode, name):
    f = out / mode / name / "report.json"
    if not f.exists():
        return None
    r = json.loads(f.read_text())
    fs = r.get("forksSpent") or {}
    forks = fs.get("total")
    c = r.get("confirmed")
    about = "-" if c is None else c["id"] + " " + "+".join(t["name"] for t in c["transforms"])
    speed = "-" if c is None or c.get("speedup") is None else "%.2fx [%.2f, %.2f]" % (c["speedup"], c["speedupLow"], c["speedupHigh"])
    k = r.get("ranking") or {}
    return {"forks": forks, "screening": fs.get("screening"), "elapsed": r.get("elapsedSeconds"),
            "unexplored": r.get("unexplored"), "decision": r["decision"], "about": about, "speed": speed,
            "swap": r["decision"] == "swap", "winner": (r.get("winner") or {}).get("classSha256"),
            "speedup": (r.get("winner") or {}).get("speedup") or 1.0,
            "method": r["target"].split("(")[0], "steps": None if r["decision"] != "swap" or c is None else c["transforms"],
            "rankedOut": k.get("rankedOut"), "extended": k.get("extended") or 0, "examples": k.get("examples"), "fitted": k.get("fitted")}

# The off pass's own screening of a variant (its model file's examples, keyed as ReplayPriors.key does: the method
# and the steps' features), so that a winner can be judged by measurements of one session. A run with OFF_FROM
# confirms hours after the off pass, and confirmations of the very same bytes moved by 10-20% between sessions.
def steps_key(features):
    return ";".join("%s=%.9f" % (k, v) for k, v in sorted(features.items())
                    if (k == "steps" or k.startswith("transform.")) and v != 0)

def features(steps):
    f = {"steps": float(len(steps))}
    for s in steps:
        f["transform." + s["name"]] = f.get("transform." + s["name"], 0) + 1
        for k, v in s["params"].items():
            f["transform.%s.%s" % (s["name"], k)] = f.get("transform.%s.%s" % (s["name"], k), 0) + math.log1p(abs(v))
    return f

screened = {}
for mf in (out / "off-cache" / "rank-models").glob("*.json"):
    for e in json.loads(mf.read_text())["examples"]:
        screened.setdefault((e["target"].split("(")[0], steps_key(e["features"])), []).append(e["logSpeedup"])

def off_screening(run):
    """log speedup of a pass's winner (read()) as the off pass screened it (0 for a keep), or None when it never screened it."""
    if run["steps"] is None:
        return 0.0
    v = screened.get((run["method"], steps_key(features(run["steps"]))))
    return None if v is None else sum(v) / len(v)

print("%-24s %-4s %6s %6s %6s %-14s %-34s %-22s %s" % ("sample", "mode", "forks", "screen", "secs", "decision",
      "confirmed variant", "speedup", "off/on forks (screening), ranking"))
totals = {m: [0, 0, 0, 0, [], 0, 0, []] for m in modes}   # forks off, on, same winner, samples, speedup ratios, screening off, on, judged log ratios
for name in names:
    off = read("off", name)
    if off is None:
        print("%-24s off: no report" % name)
        continue
    print("%-24s %-4s %6s %6s %6.0f %-14s %-34s %-22s%s" % (name, "off", off["forks"], off["screening"], off["elapsed"],
          off["decision"], off["about"][:34], off["speed"],
          "" if not off["unexplored"] else "  (%d variants unexplored: raise BUDGET)" % off["unexplored"]))
    for m in modes:
        on = read(m, name)
        if on is None or not off["forks"] or not on["forks"]:
            print("%-24s %-4s no report" % ("", m))
            continue
        same = off["winner"] == on["winner"]
        t = totals[m]
        t[0] += off["forks"]; t[1] += on["forks"]; t[2] += same; t[3] += 1
        t[4].append(on["speedup"] / off["speedup"])
        t[5] += off["screening"]; t[6] += on["screening"]
        a, b = off_screening(on), off_screening(off)
        if a is not None and b is not None:
            t[7].append(a - b)
        print("%-24s %-4s %6s %6s %6.0f %-14s %-34s %-22s %.2fx fewer (%.2fx); %s ranked out, %s past the cut (%s examples%s)%s" % (
            "", m, on["forks"], on["screening"], on["elapsed"], on["decision"], on["about"][:34], on["speed"],
            off["forks"] / on["forks"], off["screening"] / max(1, on["screening"]),
            on["rankedOut"], on["extended"], on["examples"], "" if on["fitted"] else ", not fitted",
            "" if same else "; another winner (or a keep) than off"))
for m in modes:
    fo, fn, same, n, ratios, so, sn, judged = totals[m]
    if n:
        g = math.exp(sum(math.log(x) for x in ratios) / n)
        print("%s: %d samples, forks off %d / on %d = %.2fx fewer (screening %d / %d = %.2fx); same winner (or both keep) "
              "in %d of %d; geometric mean of on/off winner speedup %.3f" % (m, n, fo, fn, fo / fn, so, sn, so / max(1, sn), same, n, g))
        if judged:
            print("%s: both winners as the off pass screened them (one session's measurements; it picked its own by them, "
                  "which flatters off): geometric mean on/off %.3f over %d samples" % (m, math.exp(sum(judged) / len(judged)), len(judged)))
PY
