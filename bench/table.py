#!/usr/bin/env python3
"""Prints bench/compare.sh's table from its results file.

Each line of the file: ROW <tab> SYSTEM <tab> key=value ... (wrk's RESULT
fields, or failover.py's). A row's figure for a system is the median of
its runs (two runs: their mean); ratios are Fish over the other system,
but for fish-tls (the "TLS" rows): Fish with TLS between sites over Fish
without.
"""
import collections
import statistics
import sys

path, secs = sys.argv[1], sys.argv[2]
runs = collections.defaultdict(list)
order = []
for line in open(path):
    row, system, fields = line.rstrip("\n").split("\t")
    if row not in order:
        order.append(row)
    runs[(row, system)].append({k: float(v) for k, v in (f.split("=") for f in fields.split())})


def med(row, system, key):
    vals = [r[key] for r in runs.get((row, system), [])]
    return statistics.median(vals) if vals else None


if any(not row.startswith("failover") for row in order):
    print(f"\nthroughput: ops/s, median of the runs of {secs} s (each run's figure under 'runs'); latency: ms")
    print(f"{'':18} {'system':8} {'ops/s':>8} {'runs':>15} {'p50':>7} {'p99':>7} {'errors':>6}   Fish/this")
for row in order:
    if row.startswith("failover"):
        continue
    for system in ("fish", "fish-tls", "etcd", "etcd-v2", "nginx"):
        rs = runs.get((row, system))
        if not rs:
            continue
        ops = med(row, system, "ops_per_s")
        each = "/".join(f"{r['ops_per_s']:.0f}" for r in rs)
        errs = sum(r["non2xx"] + r["errors"] for r in rs)
        ratio = ""
        fish = med(row, "fish", "ops_per_s")
        if system == "fish-tls" and fish:
            # The TLS rows: TLS between sites against the same without.
            delta = med(row, system, "p50_ms") - med(row, "fish", "p50_ms")
            ratio = f"TLS/plain {ops / fish:.2f}x ops, p50 {delta:+.3f} ms"
        elif system != "fish" and fish:
            ratio = f"{fish / ops:.2f}x ops"
            fp50 = med(row, "fish", "p50_ms")
            ratio += f", p50 {fp50 / med(row, system, 'p50_ms'):.2f}x"
        print(f"{row:18} {system:8} {ops:8.0f} {each:>15} {med(row, system, 'p50_ms'):7.3f} "
              f"{med(row, system, 'p99_ms'):7.3f} {errs:6.0f}   {ratio}")
for c in ("16", "64"):
    fish = med(f"read local c={c}", "fish", "ops_per_s")
    nginx = med(f"static c={c}", "nginx", "ops_per_s")
    if fish and nginx:
        print(f"Fish local reads at {c} connections are {100 * fish / nginx:.0f}% of the nginx ceiling")

if any(row.startswith("failover") for row in order):
    print("\nfailover: SIGNAL to the master/leader -> first successful write through a surviving site, ms")
    print(f"{'':18} {'system':8} {'median':>8} {'min':>7} {'max':>7}  trials")
for row in order:
    if not row.startswith("failover"):
        continue
    for system in ("fish", "etcd"):
        rs = runs.get((row, system))
        if not rs:
            continue
        ms = sorted(r["failover_ms"] for r in rs)
        print(f"{row:18} {system:8} {statistics.median(ms):8.0f} {ms[0]:7.0f} {ms[-1]:7.0f}  "
              + " ".join(f"{m:.0f}" for m in ms))
