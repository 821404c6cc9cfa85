#!/usr/bin/env python3
"""Fits WorkRate (Sources/PaibanSolver/Search/WorkClock.swift): the work seconds a reproducible solve
(`paiban solve --work-limit`) counts per simplex iteration, so that a work second is about a wall second.

Runs `paiban solve` on the wall clock with PAIBAN_DEBUG_WORK=1, which traces every GLPK solve's wall time,
iterations and size (rows + columns + entries), and fits wall = iterations x size / rate by least squares,
separately for LPs on their own and for branch-and-cut trees.

    swift build -c release && python3 Benchmarks/work-rates/fit.py
"""
import os, subprocess, sys

SCENARIOS = ["Examples/callcenter/scenario.yaml", "Examples/callcenter-lunch/scenario.yaml",
             "../shared/benchmarks/curtois/Instance7.txt", "../shared/benchmarks/curtois/Instance12.txt",
             "../shared/benchmarks/curtois/Instance20.txt"]

def traces(path):
    env = dict(os.environ, PAIBAN_DEBUG="1", PAIBAN_DEBUG_WORK="1")
    run = subprocess.run([".build/release/paiban", "solve", path, "--time-limit", "10", "--threads", "1",
                          "--gap", "0", "--out", "/tmp/paiban-work-rates"], env=env, capture_output=True, text=True)
    for line in run.stderr.splitlines():
        words = line.split()
        if len(words) >= 10 and words[1] in ("lp", "mip") and words[2] == "wall":
            yield words[1], float(words[3]), float(words[5]), float(words[9])

def main():
    rows = [t for path in SCENARIOS if os.path.exists(path) for t in traces(path)]
    for kind in ("lp", "mip"):
        chosen = [(wall, its * size) for k, wall, its, size in rows if k == kind and its > 0]
        if not chosen:
            continue
        # Least squares through the origin: wall = work / rate.
        rate = sum(w * w for _, w in chosen) / sum(wall * w for wall, w in chosen)
        print(f"{kind}: {len(chosen)} solves, {sum(c[0] for c in chosen):.1f} s wall, rate {rate:.2e} (rows+columns+entries) x iterations per second")

if __name__ == "__main__":
    sys.exit(main())
