#!/usr/bin/env python3
"""Watch latency under load (docs/performance.md).

    bench/watch.py --watch-url URL --write-url URL [--watchers 1000]
                   [--seconds 10] [--probes 20] [--fishctl PATH --load-connections 16]

Opens WATCHERS watches of the prefix probe/ on --watch-url, runs
`fishctl bench` (puts of bench/ keys at --load-connections) against
--write-url as background load, and writes --probes keys a second under
probe/ to --write-url. For each probe, the time from its 204 to its event
at every watcher; prints one line: RESULT watchers=... writes_per_s=...
p50_ms=... p99_ms=... max_ms=... samples=... missing=...
Everything it starts stops by itself after --seconds (plus a few to drain).
"""
import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.parse


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--watch-url", required=True)
    p.add_argument("--write-url", required=True)
    p.add_argument("--watchers", type=int, default=1000)
    p.add_argument("--seconds", type=float, default=10)
    p.add_argument("--probes", type=float, default=20, help="probe writes per second")
    p.add_argument("--fishctl")
    p.add_argument("--load-connections", type=int, default=16)
    return p.parse_args()


def host_port(url):
    u = urllib.parse.urlsplit(url)
    return u.hostname, u.port


async def read_head(reader):
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    return status, head.decode("latin-1").lower()


async def watcher(url, token, acked, latencies, ready):
    host, port = host_port(url)
    reader, writer = await asyncio.open_connection(host, port, limit=1 << 20)
    auth = f"Authorization: Bearer {token}\r\n" if token else ""
    writer.write(f"GET /v1/watch?prefix=probe/ HTTP/1.1\r\nHost: {host}\r\n{auth}\r\n".encode())
    await writer.drain()
    status, _ = await read_head(reader)
    if status != 200:
        raise SystemExit(f"watch.py: the watch answered {status}")
    ready.set_result(None) if not ready.done() else None
    pending = b""
    try:
        while True:
            size_line = await reader.readuntil(b"\r\n")
            size = int(size_line.strip(), 16)
            if size == 0:
                return
            chunk = await reader.readexactly(size + 2)
            now = time.monotonic()
            pending += chunk[:-2]
            *lines, pending = pending.split(b"\n")
            for line in lines:
                event = json.loads(line)
                if event.get("type") == "put":
                    n = int(event["value"])
                    latencies.append((n, now))
    except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
        return
    finally:
        writer.close()


async def prober(url, token, rate, seconds, acked):
    host, port = host_port(url)
    reader, writer = await asyncio.open_connection(host, port)
    auth = f"Authorization: Bearer {token}\r\n" if token else ""
    n = 0
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        n += 1
        body = str(n).encode()
        writer.write(
            f"PUT /v1/kv/probe/{n} HTTP/1.1\r\nHost: {host}\r\n{auth}Content-Length: {len(body)}\r\n\r\n".encode() + body
        )
        await writer.drain()
        status, head = await read_head(reader)
        length = 0
        for line in head.split("\r\n"):
            if line.startswith("content-length:"):
                length = int(line.split(":")[1])
        if length:
            await reader.readexactly(length)
        if status == 204:
            acked[n] = time.monotonic()
        await asyncio.sleep(max(0, start + n / rate - time.monotonic()))
    writer.close()
    return n


async def main():
    a = parse_args()
    token = os.environ.get("FISH_TOKEN")
    acked, latencies = {}, []
    loop = asyncio.get_running_loop()
    readies = [loop.create_future() for _ in range(a.watchers)]
    tasks = [asyncio.create_task(watcher(a.watch_url, token, acked, latencies, r)) for r in readies]
    await asyncio.wait_for(asyncio.gather(*readies), 60)
    load = None
    if a.fishctl:
        load = subprocess.Popen(
            [a.fishctl, "--url", a.write_url, "bench", "--quiet", "--json", "-c", str(a.load_connections),
             "-d", f"{a.seconds}s", "--mix", "put"],
            stdout=subprocess.PIPE,
        )
    probes = await prober(a.write_url, token, a.probes, a.seconds, acked)
    await asyncio.sleep(3)  # the last probes' events
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    writes_per_s = 0.0
    if load:
        out, _ = load.communicate(timeout=60)
        report = json.loads(out)
        writes_per_s = report["total"]["ops_per_s"] if "total" in report else 0.0
    ms = sorted(max(0.0, (seen - acked[n]) * 1000) for n, seen in latencies if n in acked)
    early = sum(1 for n, seen in latencies if n in acked and seen < acked[n])
    expected = len(acked) * a.watchers
    if not ms:
        raise SystemExit("watch.py: no probe event arrived")
    pct = lambda q: ms[min(len(ms) - 1, int(q * len(ms)))]
    print(
        f"RESULT watchers={a.watchers} probes={probes} writes_per_s={writes_per_s:.0f} "
        f"p50_ms={pct(0.5):.2f} p99_ms={pct(0.99):.2f} max_ms={ms[-1]:.2f} samples={len(ms)} "
        f"missing={expected - len(ms)} before_204={early}"
    )


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
