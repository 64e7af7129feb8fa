# shellcheck shell=bash disable=SC2034
# Sourced by every bench script, from the repository's root, once it has
# set `bench_name` (the scratch dir's name) and `bench_needs` (Debian
# packages it needs, may be empty). Installs those, builds the release
# binaries, and gives the script:
#   $bin, $fishd, $fishctl  the binaries just built;
#   $dir                    a scratch dir, /tmp/fish-$bench_name-XXXXXX;
#   pids                    an associative array: each process the script
#                           starts in the background, under a name;
#   log, free_port, wait_http URL [SECONDS] (until URL answers 2xx;
#   default 60 s, then fails).
# On exit, even on Ctrl-C: every process in `pids` is continued (a
# failover trial may have stopped it), terminated and waited for, and
# $dir removed (kept, with the sites' logs, if BENCH_KEEP=1).
[[ -n ${bench_needs:-} ]] && ./scripts/apt-need $bench_needs
./scripts/setup
cargo build --release --bins -q
bin=${CARGO_TARGET_DIR:-$PWD/target}/release
fishd=$bin/fishd
fishctl=$bin/fishctl
dir=$(mktemp -d "/tmp/fish-$bench_name-XXXXXX")
declare -A pids=()
bench_cleanup() {
  for p in "${pids[@]}"; do kill -CONT "$p" 2>/dev/null || true; kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  if [[ ${BENCH_KEEP:-} == 1 ]]; then echo "$bench_name: kept $dir" >&2; else rm -rf "$dir"; fi
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM
log() { printf '== %s\n' "$*" >&2; }
wait_http() { # URL [SECONDS]
  for _ in $(seq $((${2:-60} * 20))); do curl -sf -o /dev/null "$1" && return 0; sleep 0.05; done
  echo "$bench_name: $1 did not answer" >&2; return 1
}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
