#!/usr/bin/env bash
# Fish vs etcd, side by side on this machine (docs/performance.md).
#
#   bench/compare.sh [SECONDS] [FAILOVER_TRIALS]   (defaults: 10 s per run, 5 trials)
#
# Starts, all on loopback and all with the same durability (fsync on, a
# majority acknowledges each write):
#   - Fish: 3 back-ends + 1 front-end, the default configuration (a view
#     front-end with its own replica; release build, quorum acks);
#   - etcd: 3 members (Debian's etcd-server, default settings);
#   - nginx serving a 100-byte static file: the loopback HTTP ceiling.
# Drives each with wrk (Lua scripts in bench/wrk/), every run twice, and
# prints one table: throughput and p50/p99 of durable PUTs (100 B values,
# 100,000 keys) at 1, 16 and 64 connections, of linearizable reads of
# 10,000 preloaded keys at 1, 16 and 64, and of local and master reads at
# 16 and 64, with the ratio Fish/etcd of the medians.
# Fish's writes and reads go through its front-end; etcd's writes go to its
# leader (v3 JSON gateway, and v2: etcd's fastest write) and its reads to a
# follower. Then failover: SIGKILL (and SIGSTOP)
# the Fish master / etcd leader under a one-connection write loop
# (bench/failover.py) and time the first successful write after it.
# COMPARE_PARTS="writes reads failover" (the default) picks what to run;
# the part "tls" (COMPARE_PARTS=tls, or added to the others) starts a
# second Fish group whose sites replicate over mutual TLS (certificates
# from `fishctl cert`) and times durable PUTs at 1 and 64 connections
# through each group's front-end, interleaved, three rounds: the cost of
# TLS between sites, side by side.
# Installs etcd-server, nginx-light, wrk if missing. Everything it starts
# stops and its scratch dir is removed on exit, even on Ctrl-C (kept, for
# the sites' logs, with BENCH_KEEP=1).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
trials=${2:-5}
base=${FISH_BENCH_PORT_BASE:-29100}
bench_name=compare bench_needs="etcd-server nginx-light wrk curl python3"
. bench/lib.sh
export WRK_DIR=$PWD/bench/wrk
chmod 755 "$dir" # nginx workers run as nobody

# ---------------------------------------------------------------- Fish
# Group 0 is the default configuration; group 1 (the "tls" part) is the
# same with [replication.tls]. Its sites are named t-back0 ... t-front0.
fish_http() { echo $((base + 50 * ${2:-0} + $1)); } # INDEX [GROUP]; 0: front0, 1..3: back0..2
fish_rep() { echo $((base + 50 * ${2:-0} + 10 + $1)); }
fish_config() { # NAME PORT_INDEX ROLE EXTRA GROUP: helpers are the other back-ends
  local helpers="" i tls=""
  for i in 1 2 3; do if [[ $i -ne $2 ]]; then helpers+="\"127.0.0.1:$(fish_rep "$i" "$5")\", "; fi; done
  if [[ $5 -eq 1 ]]; then
    "$fishctl" cert site --ca "$dir/ca" --name "$1" --address "127.0.0.1:$(fish_rep "$2" "$5")" >/dev/null
    tls="[replication.tls]
ca = \"$dir/ca/ca.pem\"
cert = \"$dir/ca/$1.pem\"
key = \"$dir/ca/$1.key\""
  fi
  cat > "$dir/$1.toml" <<CONF
role = "$3"
name = "$1"
data_dir = "$dir/$1"
[http]
listen = "127.0.0.1:$(fish_http "$2" "$5")"
[replication]
listen = "127.0.0.1:$(fish_rep "$2" "$5")"
helpers = [${helpers%, }]
$4
$tls
[log]
level = "warn"
CONF
}
start_fish_site() { # NAME
  "$fishd" --config "$dir/$1.toml" 2>>"$dir/$1.log" &
  pids[$1]=$!
}
fish_back_index_of_master() {
  curl -sf "http://127.0.0.1:$(fish_http 0)/v1/status" | python3 -c '
import json, sys
m = json.load(sys.stdin).get("master") or {}
print(int(m["http"].rsplit(":", 1)[1]) - '"$base"' - 1 if m.get("http") else -1)'
}
start_fish_group() { # GROUP PREFIX
  local i n idx
  for i in 0 1 2; do
    fish_config "$2back$i" $((i + 1)) back "group_creator = $([[ $i -eq 0 ]] && echo true || echo false)
priority = $((100 - 10 * i))" "$1"
  done
  fish_config "$2front0" 0 front "" "$1"
  # Joining sites start one at a time (see src/dev.rs on why).
  for n in back0 back1 back2 front0; do
    start_fish_site "$2$n"
    idx=$([[ $n == front0 ]] && echo 0 || echo $((${n#back} + 1)))
    wait_http "http://127.0.0.1:$(fish_http "$idx" "$1")/readyz"
  done
}
parts=${COMPARE_PARTS:-writes reads failover}
start_fish_group 0 ""
fish_front=http://127.0.0.1:$(fish_http 0)
if [[ $parts == *tls* ]]; then
  "$fishctl" cert ca "$dir/ca" >/dev/null
  start_fish_group 1 t-
  fish_tls_front=http://127.0.0.1:$(fish_http 0 1)
fi

# ---------------------------------------------------------------- etcd
etcd_client() { echo $((base + 20 + $1)); }
etcd_peer() { echo $((base + 30 + $1)); }
cluster=""
for i in 0 1 2; do cluster+="e$i=http://127.0.0.1:$(etcd_peer "$i"),"; done
start_etcd() { # INDEX
  etcd --name "e$1" --data-dir "$dir/e$1" \
    --listen-client-urls "http://127.0.0.1:$(etcd_client "$1")" \
    --advertise-client-urls "http://127.0.0.1:$(etcd_client "$1")" \
    --listen-peer-urls "http://127.0.0.1:$(etcd_peer "$1")" \
    --initial-advertise-peer-urls "http://127.0.0.1:$(etcd_peer "$1")" \
    --initial-cluster "${cluster%,}" --initial-cluster-state new --initial-cluster-token fish-compare \
    --enable-v2=true --log-level warn >>"$dir/e$1.log" 2>&1 &
  pids[e$1]=$!
}
for i in 0 1 2; do start_etcd "$i"; done
for i in 0 1 2; do wait_http "http://127.0.0.1:$(etcd_client "$i")/health"; done
etcd_leader_index() {
  local i
  for i in 0 1 2; do
    curl -sf -m 2 -X POST -d '{}' "http://127.0.0.1:$(etcd_client "$i")/v3/maintenance/status" | python3 -c '
import json, sys
s = json.load(sys.stdin)
sys.exit(0 if s["header"]["member_id"] == s["leader"] else 1)' && { echo "$i"; return; }
  done
  echo -1
}
until [[ $(etcd_leader_index) -ge 0 ]]; do sleep 0.1; done

# ---------------------------------------------------------------- nginx
mkdir -p "$dir/nginx"
head -c 100 /dev/zero | tr '\0' v > "$dir/nginx/value"
cat > "$dir/nginx.conf" <<CONF
daemon off;
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/nginx.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $dir/nginx;
  server { listen 127.0.0.1:$((base + 40)); root $dir/nginx; keepalive_requests 1000000; }
}
CONF
nginx -c "$dir/nginx.conf" &
pids[nginx]=$!
wait_http "http://127.0.0.1:$((base + 40))/value"

# ---------------------------------------------------------------- load
results=$dir/results.tsv
run() { # ROW SYSTEM CONNS SCRIPT URL [ENV=VALUE...]
  local row=$1 system=$2 c=$3 script=$4 url=$5 out
  shift 5
  local t=$((c < 2 ? 1 : 2))
  out=$(env "$@" wrk -t"$t" -c"$c" -d"${secs}s" -s "bench/wrk/$script" "$url" | grep RESULT) ||
    { echo "compare.sh: wrk failed for $row $system" >&2; return 1; }
  log "$row $system c=$c: ${out#RESULT }"
  printf '%s\t%s\t%s\n' "$row" "$system" "${out#RESULT }" >>"$results"
}
etcd_leader=http://127.0.0.1:$(etcd_client "$(etcd_leader_index)")
etcd_follower=http://127.0.0.1:$(etcd_client $((($(etcd_leader_index) + 1) % 3)))
log "Fish $("$fishd" --version | cut -d' ' -f2) (master back$(fish_back_index_of_master)), etcd $(etcd --version | sed -n '1s/.* //p') (leader e$(etcd_leader_index)), ${secs}s per run"

[[ $parts == *tls* ]] && for _round in 1 2 3; do
  for c in 1 64; do
    run "TLS PUT c=$c" fish "$c" put.lua "$fish_front"
    run "TLS PUT c=$c" fish-tls "$c" put.lua "$fish_tls_front"
  done
done
[[ $parts == *writes* ]] && for _round in 1 2; do
  for c in 1 16 64; do
    run "PUT c=$c" fish "$c" put.lua "$fish_front"
    run "PUT c=$c" etcd "$c" etcd-put.lua "$etcd_leader"
    run "PUT c=$c" etcd-v2 "$c" etcd-v2-put.lua "$etcd_leader"
  done
done
if [[ $parts == *reads* ]]; then
# Preload the 10,000 keys the reads read (and their v2 copies for etcd).
log "preloading 10,000 keys"
"$fishctl" --url "$fish_front" bench --quiet --preload --keys 10000 --prefix bench/ --value-size 100 --ops 0 >/dev/null
python3 - "$etcd_leader" <<'PY'
import base64, concurrent.futures, http.client, json, sys, threading, urllib.parse
u = urllib.parse.urlsplit(sys.argv[1]); local = threading.local()
def put(i):
    c = getattr(local, "c", None) or http.client.HTTPConnection(u.hostname, u.port, timeout=10); local.c = c
    k = f"bench/{i}".encode(); v = b"v" * 100
    c.request("POST", "/v3/kv/put", json.dumps({"key": base64.b64encode(k).decode(), "value": base64.b64encode(v).decode()}))
    r = c.getresponse(); r.read(); assert r.status == 200, r.status
    c.request("PUT", f"/v2/keys/bench/{i}", "value=" + "v" * 100, {"Content-Type": "application/x-www-form-urlencoded"})
    r = c.getresponse(); r.read(); assert r.status in (200, 201), r.status
with concurrent.futures.ThreadPoolExecutor(16) as ex:
    list(ex.map(put, range(10000)))
PY
for _round in 1 2; do
  for c in 1 16 64; do
    # Linearizable: Fish's default read (a read barrier on the master) and
    # etcd's default v3 range (ReadIndex), both asked of a non-leader.
    run "read linearizable c=$c" fish "$c" get.lua "$fish_front"
    run "read linearizable c=$c" etcd "$c" etcd-get.lua "$etcd_follower" ETCD_READ=linearizable
    [[ $c -eq 1 ]] && continue
    run "read local c=$c" fish "$c" get.lua "$fish_front" CONSISTENCY=replica
    run "read local c=$c" etcd "$c" etcd-get.lua "$etcd_follower" ETCD_READ=serializable
    run "read local c=$c" etcd-v2 "$c" etcd-get.lua "$etcd_follower" ETCD_READ=v2
    run "read master c=$c" fish "$c" get.lua "$fish_front" CONSISTENCY=master
    run "static c=$c" nginx "$c" static.lua "http://127.0.0.1:$((base + 40))"
  done
done
fi

# ---------------------------------------------------------------- failover
failover() { # SYSTEM SIGNAL
  local system=$1 sig=$2 k i out
  for ((k = 1; k <= trials; k++)); do
    if [[ $system == fish ]]; then
      i=$(fish_back_index_of_master)
      out=$(python3 bench/failover.py --kind fish --url "$fish_front" --pid "${pids[back$i]}" --signal "$sig")
      kill -CONT "${pids[back$i]}" 2>/dev/null || true
      kill -KILL "${pids[back$i]}" 2>/dev/null || true
      wait "${pids[back$i]}" 2>/dev/null || true
      start_fish_site "back$i"
      wait_http "http://127.0.0.1:$(fish_http $((i + 1)))/readyz"
    else
      i=$(etcd_leader_index)
      out=$(python3 bench/failover.py --kind etcd --url "http://127.0.0.1:$(etcd_client $(((i + 1) % 3)))" \
        --pid "${pids[e$i]}" --signal "$sig")
      kill -CONT "${pids[e$i]}" 2>/dev/null || true
      kill -KILL "${pids[e$i]}" 2>/dev/null || true
      wait "${pids[e$i]}" 2>/dev/null || true
      start_etcd "$i"
      wait_http "http://127.0.0.1:$(etcd_client "$i")/health"
    fi
    log "failover $system SIG$sig trial $k: ${out#RESULT }"
    printf 'failover SIG%s\t%s\t%s\n' "$sig" "$system" "${out#RESULT }" >>"$results"
    sleep 1
  done
}
[[ $parts == *failover* ]] && for sig in KILL STOP; do
  failover fish "$sig"
  failover etcd "$sig"
done

python3 bench/table.py "$results" "$secs"
