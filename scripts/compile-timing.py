#!/usr/bin/env python3
"""Reads the JMH fork logs of a tune run made with -XX:+PrintCompilation in the forks and tells, for
every fork, in which iteration C2 (tier 4) last compiled the target's class and the benchmark harness
(GenericBenchmark::run). A tier-4 compile during a *measured* iteration means that iteration ran
partly in slower code: the warm-up was too short for that fork.

  JAVA_TOOL_OPTIONS=-XX:+PrintCompilation java -jar optimizer/target/optimizer.jar tune ... 
  scripts/compile-timing.py /tmp/selftune-*/jmh TargetClassSimpleName

Used by scripts/compile-timing.sh; see docs/measuring.md."""
import glob
import os
import re
import sys

MARK = re.compile(r"(# Warmup Iteration|Iteration)\s+(\d+):")
COMPILE = re.compile(r"^\s*(\d+)\s+\d+\s+[%sbn! ]*\s(\d)\s+(\S+)")


def phases(path, target):
    phase = "setup"
    last = {"target": None, "harness": None}
    for line in open(path, errors="replace"):
        m = MARK.search(line)
        before = line[:m.start()] if m else line
        after = line[m.end():] if m else ""
        for part, is_after in ((before, False), (after, True)):
            if is_after and m:
                phase = ("warmup " if m.group(1).startswith("#") else "measure ") + m.group(2)
            c = COMPILE.match(part.strip("\n")) if part.strip() else None
            if c and c.group(2) == "4" and "made not entrant" not in part:
                name = c.group(3)
                if "GenericBenchmark::run" in name:
                    last["harness"] = phase
                elif target in name:
                    last["target"] = phase
    return last


def main():
    d, target = sys.argv[1], sys.argv[2]
    late = 0
    logs = sorted(glob.glob(os.path.join(d, "*.log")))
    for f in logs:
        p = phases(f, target)
        bad = any(v and v.startswith("measure") for v in p.values())
        late += bad
        print(f"{os.path.basename(f):28s} target C2 last in {p['target'] or '-':10s} harness C2 last in "
              f"{p['harness'] or '-':10s}{'  <- compiled while measuring' if bad else ''}")
    print(f"{late} of {len(logs)} forks had a tier-4 compile of the target or the harness during measured iterations")


if __name__ == "__main__":
    main()
