#!/usr/bin/env bash
# How cost grows with data (docs/performance.md):
#
#   bench/growth.sh [KEYS...]   (default: 1000000 10000000)
#
# For each size: a fresh back-end (a group of one, release build, fsync)
# gets KEYS keys of 100 bytes (`fishctl bench --preload`, transactions of
# 100 puts); then it is restarted (startup time with that data dir; the
# cache is sized from the data on start), its RSS is read, PUT and GET
# throughput at 64 connections over the whole key space are measured with
# `fishctl bench`, and a second back-end joins with an empty data dir
# (catch-up time: until its /readyz answers 200). Prints one line per size.
# PAGE_SIZE_KB=N sets [storage] page_size_kb (default: Fish's, 32).
# Everything stops and the scratch dir is removed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
((${#sizes[@]})) || sizes=(1000000 10000000)
base=${FISH_BENCH_PORT_BASE:-29200}
bench_name=growth bench_needs=
. bench/lib.sh
now() { date +%s.%N; }
since() { awk -v a="$(now)" -v b="$1" 'BEGIN { print a - b }'; }
ready() { wait_http "$1/readyz" 1800; } # URL: catching up 10M keys can take long
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
site() { # NAME INDEX EXTRA
  cat > "$dir/$1.toml" <<CONF
role = "back"
name = "$1"
data_dir = "$dir/$1"
[http]
listen = "127.0.0.1:$((base + $2))"
[replication]
listen = "127.0.0.1:$((base + 10 + $2))"
$3
[storage]
${PAGE_SIZE_KB:+page_size_kb = $PAGE_SIZE_KB}
[log]
level = "info"
CONF
  "$fishd" --config "$dir/$1.toml" 2>>"$dir/$1.log" &
  pids[$1]=$!
}
stop() { kill "${pids[$1]}"; wait "${pids[$1]}" || true; unset "pids[$1]"; }
ops() { python3 -c 'import json,sys; r=json.load(sys.stdin); print("%.0f/s p50 %.2f ms" % (r["total"]["ops_per_s"], r["total"]["p50_ms"]))'; }

printf '%-10s %-9s %-10s %-10s %-8s %-8s %-22s %-22s %s\n' keys load_s data_mb startup_s rss_mb cache "put c=64" "get c=64" catchup_s
for n in "${sizes[@]}"; do
  rm -rf "$dir"/back*
  url=http://127.0.0.1:$base
  site back0 0 'group_creator = true'
  ready "$url"
  t0=$(now)
  "$fishctl" --url "$url" bench --quiet --preload --keys "$n" --value-size 100 --ops 0 -c 16 >/dev/null
  load=$(since "$t0")
  stop back0
  data=$(du -sm "$dir/back0" | cut -f1)
  t0=$(now)
  site back0 0 'group_creator = true'
  ready "$url"
  startup=$(since "$t0")
  cache=$(grep -o 'cache_mb=[0-9]*' "$dir/back0.log" | tail -1 | cut -d= -f2)
  put=$("$fishctl" --url "$url" bench --quiet --json -c 64 -d 5s --keys "$n" --mix put | ops)
  get=$("$fishctl" --url "$url" bench --quiet --json -c 64 -d 5s --keys "$n" --mix get | ops)
  rss=$(rss_mb "${pids[back0]}")
  t0=$(now)
  site back1 1 "helpers = [\"127.0.0.1:$((base + 10))\"]
priority = 50"
  ready "http://127.0.0.1:$((base + 1))"
  catchup=$(since "$t0")
  printf '%-10s %-9.1f %-10s %-10.2f %-8s %-8s %-22s %-22s %.1f\n' "$n" "$load" "$data" "$startup" "$rss" "${cache:-?}" "$put" "$get" "$catchup"
  stop back1
  stop back0
done
