#!/usr/bin/env bash
# Replicated throughput: `fishd dev` (3 back-ends + front0, quorum acks,
# synchronous commits, release build) on loopback, driven by wrk on the
# same cores. Prints RESULT lines for durable PUTs (100 B) through front0
# and directly at the master, and for GETs through front0 at `replica`
# consistency (local replica) and default `master` consistency (forwarded).
#   bench/cluster.sh [SECONDS]   (default 10 per run)
# Stops the cluster and removes its data when done, even on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
. bench/lib.sh
./target/release/fishd dev --dir "$dir" --http-port 28080 --replication-port 27000 >"$dir/dev.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 600); do grep -q "cluster is up" "$dir/dev.log" && break; sleep 0.1; done
front=http://127.0.0.1:28080
master=$(curl -s "$front/v1/status" | python3 -c 'import json,sys; print("http://" + json.load(sys.stdin)["master"]["http"])')
echo "fishd dev: 3 back-ends + 1 member front-end, quorum, master $master; $(nproc) cores, ${secs}s per run"
for c in 1 16 64; do
  t=$(( c < 2 ? 1 : 2 ))
  printf 'PUT via front0   conns=%-3s ' "$c"; wrk -t"$t" -c"$c" -d"${secs}s" -s bench/put.lua "$front" | grep RESULT
done
printf 'PUT at master    conns=%-3s ' 16; wrk -t2 -c16 -d"${secs}s" -s bench/put.lua "$master" | grep RESULT
seq 0 9999 | xargs -P 16 -I{} curl -sf -o /dev/null -X PUT --data-binary "$(printf 'v%.0s' $(seq 100))" "$front/v1/kv/pre/{}"
sleep 1
for c in 16 64; do
  printf 'GET replica      conns=%-3s ' "$c"; CONSISTENCY=replica wrk -t2 -c"$c" -d"${secs}s" -s bench/get.lua "$front" | grep RESULT
  printf 'GET master (fwd) conns=%-3s ' "$c"; wrk -t2 -c"$c" -d"${secs}s" -s bench/get.lua "$front" | grep RESULT
done
