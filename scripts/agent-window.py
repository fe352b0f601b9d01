#!/usr/bin/env python3
"""Host throughput *during* tuning: reads a timestamped app log with the agent (lines "EPOCH throughput N
records/s"), the agent's events file, and a timestamped log of the same work without the agent; takes the
windows in which a tuning child ran (each "tuning" event to that method's next kept/swapped/rejected/error
event, less paused intervals) and compares the throughput lines reported inside them with the lines the
run without the agent reported at the same offsets from its start.

  scripts/agent-window.py with.tlog events.jsonl without.tlog"""
import datetime
import json
import sys

END = {"kept", "swapped", "rejected", "error"}


def lines(path):
    out = []
    start = None
    for line in open(path):
        parts = line.split()
        if len(parts) < 2:
            continue
        t = float(parts[0])
        start = t if start is None else start
        if parts[1] == "throughput":
            out.append((t, float(parts[2])))
    return start, out


def epoch(iso):
    return datetime.datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp()


def windows(events_path):
    open_at = {}
    paused_at = {}
    out = []
    for raw in open(events_path):
        e = json.loads(raw)
        kind, target, t = e.get("event"), e.get("target"), epoch(e["time"])
        if kind == "tuning":
            open_at[target] = t
        elif kind == "paused" and target in open_at:
            out.append((open_at.pop(target), t))
            paused_at[target] = t
        elif kind == "resumed" and target in paused_at:
            paused_at.pop(target)
            open_at[target] = t
        elif kind in END and target in open_at:
            out.append((open_at.pop(target), t))
    return out


def main():
    w_start, with_lines = lines(sys.argv[1])
    o_start, without_lines = lines(sys.argv[3])
    wins = windows(sys.argv[2])
    # a throughput line covers the few seconds before it: count it when it falls inside a window
    during = [v for t, v in with_lines if any(a <= t <= b for a, b in wins)]
    offsets = [(a - w_start, b - w_start) for a, b in wins]
    base = [v for t, v in without_lines if any(a <= t - o_start <= b for a, b in offsets)]
    tuned = sum(b - a for a, b in wins)
    print(f"tuning windows: {len(wins)}, {tuned:.0f} s in all (paused time excluded)")
    if not during or not base:
        print("too few throughput lines inside the tuning windows to compare")
        return
    for a, b in wins:   # per window: the first is pure cost, later ones may already run a swapped winner
        dw = [v for t, v in with_lines if a <= t <= b]
        ow = [v for t, v in without_lines if a - w_start <= t - o_start <= b - w_start]
        if dw and ow:
            print(f"  window {a - w_start:.0f}-{b - w_start:.0f} s: {sum(dw) / len(dw):.0f} vs {sum(ow) / len(ow):.0f} "
                  f"records/s, ratio {sum(dw) / len(dw) / (sum(ow) / len(ow)):.2f}x")
    d = sum(during) / len(during)
    o = sum(base) / len(base)
    print(f"host throughput during tuning: {d:.0f} records/s ({len(during)} lines); "
          f"without the agent at the same offsets: {o:.0f} records/s ({len(base)} lines); ratio {d / o:.2f}x")


if __name__ == "__main__":
    main()
