#!/usr/bin/env bash
# Single-site throughput and latency: one release fishd on loopback with a
# scratch data dir, driven by wrk (installed from Debian if missing).
#   bench/single-site.sh [SECONDS]   (default 10 per run)
# Prints one RESULT line per run: durable PUTs of 100-byte values at 1, 16
# and 64 connections, then GETs of 10,000 preloaded keys at 16 and 64.
# Stops fishd and removes its data when done, even on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
bench_name=single-site bench_needs="wrk curl python3"
. bench/lib.sh
export WRK_DIR=$PWD/bench/wrk
port=$(free_port)
url="http://127.0.0.1:$port"
cat > "$dir/bench.toml" <<CONF
role = "back"
data_dir = "$dir/data"
[http]
listen = "127.0.0.1:$port"
[replication]
listen = "127.0.0.1:$(free_port)"
[log]
level = "warn"
CONF
"$fishd" --config "$dir/bench.toml" 2>"$dir/fishd.log" &
pids[fishd]=$!
wait_http "$url/readyz" || { cat "$dir/fishd.log" >&2; exit 1; }

echo "fishd $("$fishd" --version | cut -d' ' -f2), $(nproc) cores, ${secs}s per run, wrk sharing the cores"
for c in 1 16 64; do
  t=$(( c < 2 ? 1 : 2 ))
  printf 'PUT  100 B  conns=%-3s ' "$c"
  wrk -t"$t" -c"$c" -d"${secs}s" -s bench/wrk/put.lua "$url" | grep RESULT
done
# Preload the keys GETs read.
seq 0 9999 | xargs -P 16 -I{} curl -sf -o /dev/null -X PUT --data-binary "$(printf 'v%.0s' $(seq 100))" "$url/v1/kv/bench/{}"
for c in 16 64; do
  printf 'GET  100 B  conns=%-3s ' "$c"
  wrk -t2 -c"$c" -d"${secs}s" -s bench/wrk/get.lua "$url" | grep RESULT
done
