#!/usr/bin/env bash
# The picture of the Grafana dashboard in docs/monitoring.md, from a real
# Prometheus scrape (Grafana is not in Debian's archive):
#
#   bench/dashboard.sh [SECONDS] [OUT.png]     (defaults: 120, docs/img/dashboard.png)
#
# Runs a `fishd dev` cluster (3 back-ends, 2 view front-ends; release
# build), Debian 12's Prometheus (scripts/prometheus-tools, not installed)
# scraping every site every 2 s with the alert rules loaded, and `fishctl
# bench` through the front-ends (16 connections, put=1,get=9) for SECONDS;
# half-way it SIGKILLs the master. Then bench/dashboard.py asks Prometheus
# for each panel's query of packaging/monitoring/grafana-dashboard.json
# over the run (rate windows shortened to suit it) and draws the panels
# with matplotlib; each site is its own `instance` (back0, front1, ...).
# Everything it starts stops, and its scratch dir is removed, on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-120}
out=${2:-docs/img/dashboard.png}
http=${FISH_BENCH_PORT_BASE:-29300}
bench_name=dashboard bench_needs="python3 python3-matplotlib curl"
. bench/lib.sh
tools=$(scripts/prometheus-tools)

log "fishd dev on 127.0.0.1:$http..$((http + 4))"
"$bin/fishd" dev --dir "$dir/dev" --http-port "$http" --replication-port $((http + 100)) >"$dir/dev.out" 2>&1 &
pids[dev]=$!
for _ in $(seq 600); do grep -q '^Ctrl-C stops it' "$dir/dev.out" && break; sleep 0.1; done
grep -q '^Ctrl-C stops it' "$dir/dev.out" || { cat "$dir/dev.out" >&2; exit 1; }
token=$(sed -n 's/.*FISH_TOKEN=\([0-9a-f]*\).*/\1/p' "$dir/dev.out")
printf '%s\n' "$token" >"$dir/token"
export FISH_TOKEN=$token

cat >"$dir/prometheus.yml" <<YAML
global:
  scrape_interval: 2s
  evaluation_interval: 2s
rule_files:
  - $PWD/packaging/monitoring/fish-alerts.yml
scrape_configs:
  - job_name: fish
    authorization:
      credentials_file: $dir/token
    static_configs:
$(for site in front0:0 back0:1 back1:2 back2:3 front1:4; do
    printf '      - targets: [127.0.0.1:%s]\n        labels: { instance: %s }\n' $((http + ${site#*:})) "${site%%:*}"
  done)
YAML
prom=127.0.0.1:$((http + 90))
log "Prometheus on $prom"
"$tools/prometheus" --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/tsdb" \
  --web.listen-address="$prom" >"$dir/prometheus.log" 2>&1 &
pids[prometheus]=$!
wait_http "http://$prom/-/ready" 20 || { cat "$dir/prometheus.log" >&2; exit 1; }
sleep 6 # a few scrapes before the load

start=$(date +%s)
log "fishctl bench for $secs s; SIGKILL of the master at $((secs / 2)) s"
"$bin/fishctl" --url "http://127.0.0.1:$http,http://127.0.0.1:$((http + 4))" bench --quiet --preload \
  -c 16 -d "${secs}s" --mix put=1,get=9 --keys 10000 >"$dir/bench.txt" &
bench=$!
sleep $((secs / 2))
master=$("$bin/fishctl" --url "http://127.0.0.1:$http" status -o json | python3 -c 'import json,sys; print(json.load(sys.stdin)["master"]["name"])')
pkill -KILL -f -- "--config $dir/dev/$master.toml"
log "killed the master, $master"
wait "$bench" || true
cat "$dir/bench.txt" >&2
sleep 10 # the tail of the failover in the graphs
end=$(date +%s)

mkdir -p "$(dirname "$out")"
# Debian's python3, which has the python3-matplotlib installed above.
/usr/bin/python3 bench/dashboard.py "http://$prom" "$start" "$end" packaging/monitoring/grafana-dashboard.json "$out" \
  "killed the master ($master) at $((secs / 2)) s"
log "wrote $out"
