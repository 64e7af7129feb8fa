#!/usr/bin/env python3
"""Failover as a client sees it: writes one at a time over one keep-alive
connection, sends SIGKILL or SIGSTOP to the master/leader's process, and
prints how long it took from the signal to the first write that was sent
after the signal and succeeded.

  failover.py --kind fish|etcd --url URL --pid PID --signal KILL|STOP

URL is a site that stays up (Fish's front-end, an etcd follower). Each
request has a 0.1 s timeout (--timeout) and is retried at once on any
failure (a write that hangs on a dead leader would otherwise count the
client's timeout, not the store's failover); the
whole trial gives up after --limit seconds. Prints one line:
  RESULT failover_ms=... failed_writes=... writes_before=...
"""
import argparse
import base64
import http.client
import json
import os
import signal
import sys
import time
import urllib.parse


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--kind", choices=["fish", "etcd"], required=True)
    p.add_argument("--url", required=True)
    p.add_argument("--pid", type=int, required=True)
    p.add_argument("--signal", choices=["KILL", "STOP"], default="KILL")
    p.add_argument("--warmup", type=float, default=1.0, help="seconds of writes before the signal")
    p.add_argument("--limit", type=float, default=30.0)
    p.add_argument("--timeout", type=float, default=0.1, help="seconds one write may take before it counts as failed and is retried")
    a = p.parse_args()
    u = urllib.parse.urlsplit(a.url)
    conn = None
    n = 0
    value = b"v" * 100

    def write():
        nonlocal conn, n
        n += 1
        key = f"failover/{os.getpid()}/{n}"
        if conn is None:
            conn = http.client.HTTPConnection(u.hostname, u.port, timeout=a.timeout)
        try:
            if a.kind == "fish":
                conn.request("PUT", "/v1/kv/" + key, body=value)
            else:
                body = json.dumps({"key": base64.b64encode(key.encode()).decode(),
                                   "value": base64.b64encode(value).decode()})
                conn.request("POST", "/v3/kv/put", body=body, headers={"Content-Type": "application/json"})
            r = conn.getresponse()
            r.read()
            return 200 <= r.status < 300
        except (OSError, http.client.HTTPException):
            conn.close()
            conn = None
            return False

    start = time.monotonic()
    before = 0
    while time.monotonic() - start < a.warmup:
        before += write()
    if before == 0:
        sys.exit(f"failover.py: no write succeeded in {a.warmup} s before the signal; is {a.url} up?")
    signalled = time.monotonic()
    os.kill(a.pid, getattr(signal, "SIG" + a.signal))
    failed = 0
    while time.monotonic() - signalled < a.limit:
        if write():
            ms = (time.monotonic() - signalled) * 1000
            print(f"RESULT failover_ms={ms:.0f} failed_writes={failed} writes_before={before}")
            return
        failed += 1
    sys.exit(f"failover.py: no write succeeded within {a.limit} s of SIG{a.signal}")


if __name__ == "__main__":
    main()
