#!/usr/bin/env python3
"""Write loop and lost-write check for the system tests (standard library only).

  writer.py write --fronts H:P,H:P --stop-file F --max-seconds N --out F.json
      One client that writes unique keys (PREFIX0000001, ...) as fast as the
      front-ends answer, one request at a time, keep-alive. Like a client
      behind a load balancer it moves to the next front-end when one fails
      (connection refused or reset, timeout, 5xx). Stops when the stop file
      appears or after N seconds, then writes every attempt's outcome and a
      summary (share of attempts that got 204, longest time without one).

  writer.py check --front H:P --results F.json [--min-acknowledged N]
                  [--min-availability F] [--max-gap-s S]
      Lists the prefix from the master (consistency=master) and checks that
      every write that got a 204 is there with the value it was given, and
      that the write loop did its part: at least N acknowledged writes, a
      share F of attempts acknowledged, no time longer than S seconds
      without a 204 (a loop that never got a 204 must not pass as "nothing
      lost"). Prints what is missing, changed or short; exit 1 if anything is.

Both send FISH_TOKEN (from the environment) as a bearer token when it is set,
and speak HTTPS verified with --cacert when it is given.
"""

import argparse
import http.client
import json
import os
import ssl
import sys
import time
import urllib.parse

PREFIX = "roll-"
AUTH = {"Authorization": "Bearer " + os.environ["FISH_TOKEN"]} if os.environ.get("FISH_TOKEN") else {}


def connection(host, port, timeout, cacert):
    if cacert:
        ctx = ssl.create_default_context(cafile=cacert)
        return http.client.HTTPSConnection(host, port, timeout=timeout, context=ctx)
    return http.client.HTTPConnection(host, port, timeout=timeout)


def hostport(s):
    host, port = s.rsplit(":", 1)
    return host, int(port)


def write(args):
    fronts = [hostport(f) for f in args.fronts.split(",")]
    conns = [None] * len(fronts)
    cur = 0
    acked = {}  # key -> value, for every 204
    attempts = []  # (t, front index, outcome)
    errors = {}
    start = time.monotonic()
    deadline = start + args.max_seconds
    n = 0
    while time.monotonic() < deadline and not os.path.exists(args.stop_file):
        n += 1
        key = f"{PREFIX}{n:07d}"
        value = f"v{n}"
        t = time.monotonic() - start
        outcome = None
        try:
            if conns[cur] is None:
                conns[cur] = connection(*fronts[cur], 5, args.cacert)
            c = conns[cur]
            c.request("PUT", f"/v1/kv/{key}", body=value.encode(), headers=AUTH)
            r = c.getresponse()
            body = r.read()
            if r.status == 204:
                outcome = "ok"
                acked[key] = value
            else:
                try:
                    kind = json.loads(body).get("error", "")
                except ValueError:
                    kind = ""
                outcome = f"http_{r.status}" + (f"_{kind}" if kind else "")
        except (OSError, http.client.HTTPException) as e:
            outcome = type(e).__name__
            if conns[cur] is not None:
                conns[cur].close()
            conns[cur] = None
        attempts.append((round(t, 4), cur, outcome))
        if outcome != "ok":
            errors[outcome] = errors.get(outcome, 0) + 1
            cur = (cur + 1) % len(fronts)
            time.sleep(0.02)
    elapsed = time.monotonic() - start
    oks = [t for t, _, o in attempts if o == "ok"]
    gap, gap_at, last = 0.0, 0.0, 0.0
    for t in oks + [elapsed]:
        if t - last > gap:
            gap, gap_at = t - last, last
        last = t
    summary = {
        "seconds": round(elapsed, 1),
        "attempts": len(attempts),
        "acknowledged": len(oks),
        "availability": round(len(oks) / len(attempts), 5) if attempts else 0.0,
        "longest_gap_s": round(gap, 3),
        "longest_gap_starts_at_s": round(gap_at, 3),
        "errors": errors,
        "writes_per_s": round(len(oks) / elapsed, 1) if elapsed else 0.0,
    }
    with open(args.out, "w") as f:
        json.dump({"summary": summary, "acked": acked, "attempts": attempts}, f)
    print(json.dumps(summary))


def check(args):
    with open(args.results) as f:
        results = json.load(f)
    acked, summary = results["acked"], results["summary"]
    short = []
    if summary["acknowledged"] < args.min_acknowledged:
        short.append(f"{summary['acknowledged']} acknowledged writes, fewer than {args.min_acknowledged}")
    if summary["availability"] < args.min_availability:
        short.append(f"availability {summary['availability']}, below {args.min_availability}")
    if summary["longest_gap_s"] > args.max_gap_s:
        short.append(f"{summary['longest_gap_s']} s without a 204 (from {summary['longest_gap_starts_at_s']} s), "
                     f"more than {args.max_gap_s} s")
    host, port = hostport(args.front)
    found = {}
    start_after = ""
    for _ in range(100000):
        q = {"prefix": PREFIX, "limit": "1000", "consistency": "master"}
        if start_after:
            q["start_after"] = start_after
        for attempt in range(30):
            try:
                c = connection(host, port, 10, args.cacert)
                c.request("GET", "/v1/kv?" + urllib.parse.urlencode(q), headers=AUTH)
                r = c.getresponse()
                body = r.read()
                c.close()
                if r.status == 200:
                    break
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(1)
        else:
            sys.exit(f"check: listing {PREFIX}* through {args.front} failed")
        page = json.loads(body)
        for item in page["items"]:
            found[item["key"]] = item["value"]
        start_after = page.get("next")
        if not start_after:
            break
    lost = sorted(k for k in acked if k not in found)
    changed = sorted(k for k in acked if k in found and found[k] != acked[k])
    print(json.dumps({
        "acknowledged": len(acked),
        "present": len(found),
        "lost": len(lost),
        "changed": len(changed),
        "first_lost": lost[:10],
        "first_changed": [(k, acked[k], found[k]) for k in changed[:10]],
        "availability": summary["availability"],
        "longest_gap_s": summary["longest_gap_s"],
        "short": short,
    }))
    if lost or changed or short:
        sys.exit(1)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("write")
    w.add_argument("--fronts", required=True)
    w.add_argument("--cacert")
    w.add_argument("--stop-file", required=True)
    w.add_argument("--max-seconds", type=float, required=True)
    w.add_argument("--out", required=True)
    c = sub.add_parser("check")
    c.add_argument("--front", required=True)
    c.add_argument("--cacert")
    c.add_argument("--results", required=True)
    c.add_argument("--min-acknowledged", type=int, default=1)
    c.add_argument("--min-availability", type=float, default=0.0)
    c.add_argument("--max-gap-s", type=float, default=float("inf"))
    args = p.parse_args()
    write(args) if args.cmd == "write" else check(args)


if __name__ == "__main__":
    main()
