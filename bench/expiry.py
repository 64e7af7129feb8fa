#!/usr/bin/env python3
"""Writes while 100,000 leased keys expire at once (docs/performance.md).

    bench/expiry.py --url URL --fishctl PATH [--keys 100000] [--leases 10]
                    [--ttl 60] [--connections 16] [--window 8]

Grants LEASES leases of TTL seconds at once and attaches KEYS keys to
them (txns of 100 puts), then lets them all expire together while
`fishctl bench` writes other keys at CONNECTIONS connections: one run of
WINDOW seconds well before the expiry (baseline) and one of WINDOW seconds
with the expiry in its middle. Prints one line: RESULT keys=... leases=...
baseline_p99_ms=... expiry_p99_ms=... baseline_ops_per_s=...
expiry_ops_per_s=... expired_within_s=... (from the deadline until the last
lease is gone). Everything stops by itself.
"""
import argparse
import http.client
import json
import os
import subprocess
import sys
import time
import urllib.parse


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--url", required=True)
    p.add_argument("--fishctl", required=True)
    p.add_argument("--keys", type=int, default=100_000)
    p.add_argument("--leases", type=int, default=10)
    p.add_argument("--ttl", type=int, default=60)
    p.add_argument("--connections", type=int, default=16)
    p.add_argument("--window", type=float, default=8)
    return p.parse_args()


class Api:
    def __init__(self, url):
        u = urllib.parse.urlsplit(url)
        self.conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
        token = os.environ.get("FISH_TOKEN")
        self.auth = {"Authorization": f"Bearer {token}"} if token else {}

    def call(self, method, path, body=None):
        headers = dict(self.auth)
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        self.conn.request(method, path, data, headers)
        resp = self.conn.getresponse()
        text = resp.read()
        return resp.status, (json.loads(text) if text else None)


def bench(a, seconds):
    out = subprocess.run(
        [a.fishctl, "--url", a.url, "bench", "--quiet", "--json", "-c", str(a.connections),
         "-d", f"{seconds}s", "--mix", "put", "--prefix", "load/"],
        stdout=subprocess.PIPE, check=True, timeout=seconds + 60,
    ).stdout
    return json.loads(out)["total"]


def main():
    a = parse_args()
    api = Api(a.url)
    granted_at = time.monotonic()
    leases = []
    for _ in range(a.leases):
        status, body = api.call("POST", "/v1/leases", {"ttl_s": a.ttl})
        if status != 200:
            raise SystemExit(f"expiry.py: grant answered {status}: {body}")
        leases.append(body["id"])
    per_lease = a.keys // a.leases
    for i, lease in enumerate(leases):
        for start in range(0, per_lease, 100):
            ops = [{"op": "put", "key": f"leased/{i}/{n:06}", "value": "v" * 100, "lease": lease}
                   for n in range(start, min(start + 100, per_lease))]
            status, body = api.call("POST", "/v1/txn", {"ops": ops})
            if status != 200:
                raise SystemExit(f"expiry.py: loading keys answered {status}: {body}")
    loaded = time.monotonic() - granted_at
    deadline = granted_at + a.ttl
    if loaded + 2 * a.window + 5 > a.ttl:
        raise SystemExit(f"expiry.py: loading took {loaded:.0f} s; give a --ttl above {loaded + 2 * a.window + 5:.0f}")
    baseline = bench(a, a.window)
    time.sleep(max(0.0, deadline - a.window / 2 - time.monotonic()))
    window = subprocess.Popen(
        [a.fishctl, "--url", a.url, "bench", "--quiet", "--json", "-c", str(a.connections),
         "-d", f"{a.window}s", "--mix", "put", "--prefix", "load/"],
        stdout=subprocess.PIPE,
    )
    gone_at = None
    watcher = Api(a.url)
    while time.monotonic() < deadline + a.window + 30:
        status, body = watcher.call("GET", "/v1/leases?limit=1000")
        if status == 200 and not any(l["id"] in leases for l in body["leases"]):
            gone_at = time.monotonic()
            break
        time.sleep(0.05)
    out, _ = window.communicate(timeout=a.window + 60)
    during = json.loads(out)["total"]
    expired = f"{gone_at - deadline:.2f}" if gone_at else "never"
    print(
        f"RESULT keys={per_lease * a.leases} leases={a.leases} load_s={loaded:.1f} "
        f"baseline_ops_per_s={baseline['ops_per_s']:.0f} baseline_p50_ms={baseline['p50_ms']:.2f} "
        f"baseline_p99_ms={baseline['p99_ms']:.2f} baseline_max_ms={baseline['max_ms']:.2f} "
        f"expiry_ops_per_s={during['ops_per_s']:.0f} expiry_p50_ms={during['p50_ms']:.2f} "
        f"expiry_p99_ms={during['p99_ms']:.2f} expiry_max_ms={during['max_ms']:.2f} expired_within_s={expired}"
    )


if __name__ == "__main__":
    sys.exit(main())
