#!/usr/bin/env python3
"""Replays screening orders over tunings in which every variant was screened (docs/budget-and-confirmation.md).

Takes report.json files (or directories holding <name>/report.json) of `tune` runs whose `unexplored` is 0,
so every variant has a screening speedup, and asks: had screening stopped after the first N variants, how
good was the best one found, in each order? Prints per N the geometric mean over the tunings of
best found / best of all (speedups under 1 count as 1, as a keep):

  generator   the generator's order (variant ids v1, v2, ...), lineageOrder false
  promote     a variant's key is its nearest screened ancestor's speedup (1.0 with none), best first
  demote      lineageOrder true (search/LineageOrder): a variant whose nearest screened ancestor ran behind
              the best screened so far by more than BEHIND goes last; the rest keep the generator's order

To get such runs, tune with a budget large enough to screen everything and the lineage order off, e.g.
  echo '{"lineageOrder": false}' > plain.json
  java -jar optimizer/target/optimizer.jar tune --classpath samples/target/samples.jar \\
       --target dev.selftune.samples.ColumnStats#columnSums \\
       --inputs dev.selftune.samples.inputs.ColumnStatsInputs#rows --budget 130s --policy plain.json --out full/column-sums
  scripts/screening-order-replay.py full rank-out/off
The screening speedups are single screening measurements: differences of a few percent are noise.
"""
import json
import math
import pathlib
import sys

BEHIND = 1.25
NS = (4, 6, 8, 10, 13)


def reports(args):
    for a in args:
        p = pathlib.Path(a)
        if p.is_dir():
            yield from sorted(p.glob("*/report.json"))
            if (p / "report.json").exists():
                yield p / "report.json"
        else:
            yield p


def ancestor(parent, seen, vid):
    p = parent.get(vid)
    while p and p != "original" and p not in seen:
        p = parent.get(p)
    return p if p in seen else None


def generation(vid):
    head = vid[1:].split("-")[0]
    return int(head) if head.isdigit() else 10 ** 6


def best_of_first(variants, n, order):
    speed = {v["id"]: v["speedup"] for v in variants}
    parent = {v["id"]: v["parent"] for v in variants}
    queue = sorted(speed, key=generation)
    seen = {}
    while queue and len(seen) < n:
        vid = queue.pop(0)
        seen[vid] = speed[vid]
        place = {q: i for i, q in enumerate(queue)}
        best = max(seen.values())

        def key(q):
            a = ancestor(parent, seen, q)
            if order == "promote":
                return -(seen[a] if a else 1.0)
            if order == "demote":
                return 1 if a and seen[a] < best / BEHIND else 0
            return 0
        queue.sort(key=lambda q: (key(q), place[q]))
    return max(seen.values())


def main(args):
    if not args:
        print(__doc__)
        return 2
    runs = []
    for f in reports(args):
        r = json.loads(f.read_text())
        screened = [v for v in r.get("variants", []) if v.get("speedup")]
        if r.get("unexplored") or not screened:
            print(f"skipped {f}: {r.get('unexplored')} variants unexplored" if r.get("unexplored") else f"skipped {f}: nothing screened",
                  file=sys.stderr)
            continue
        runs.append((f.parent.name, screened))
    print(f"{len(runs)} tunings with every variant screened")
    print(f"{'N':>3} {'tunings':>7} {'generator':>9} {'promote':>8} {'demote':>7}")
    for n in NS:
        use = [(name, vs) for name, vs in runs if len(vs) >= n + 2]
        if not use:
            continue
        row = []
        for order in ("generator", "promote", "demote"):
            logs = [math.log(max(1, best_of_first(vs, n, order)) / max(1, max(v["speedup"] for v in vs))) for _, vs in use]
            row.append(math.exp(sum(logs) / len(logs)))
        print(f"{n:>3} {len(use):>7} {row[0]:>9.3f} {row[1]:>8.3f} {row[2]:>7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
