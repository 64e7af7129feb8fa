#!/usr/bin/env bash
# Fault injection (slow tier: scripts/test runs the short version unless
# FISH_SKIP_SLOW=1; CI always does). Three back-ends in their own network
# namespaces and two view front-ends, clients writing, CAS-incrementing and
# reading through all of them while a seeded random schedule kills, pauses,
# restarts and partitions back-ends; then a lost-write / split-brain checker
# (tests/faults/). Prints the schedule, the seed and the figures.
#
#   tests/system/faults.sh                 # short version: 150 s of faults
#   tests/system/faults.sh 1200            # long version: 20 minutes
#   tests/system/faults.sh 1200 12345      # replay a seed
#   FISH_FAULTS_REPORT=run.json tests/system/faults.sh 1200   # keep the figures
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$(date +%s)
tag=faults
work=$(mktemp -d /var/tmp/fish-faults.XXXXXX)
core_pattern=""
# On exit: the kernel's core pattern as it was (once changed, below).
trap '[[ -z $core_pattern ]] || echo "$core_pattern" 2>/dev/null >/proc/sys/kernel/core_pattern; rm -rf "$work"' EXIT
source tests/system/lib.sh

[[ $(id -u) == 0 ]] || fail "needs root (network namespaces, nftables)"
apt_need iproute2 nftables gdb
export FISH_FAULTS_SECONDS=${1:-150}
[[ -n ${2:-} ]] && export FISH_FAULTS_SEED=$2

# A site that dies of a signal (the nemesis reports "exited by itself")
# leaves a core here, and a failed run prints each core's backtrace: the
# CI log is often all there is to go on. The previous core pattern comes
# back on exit.
ulimit -c unlimited 2>/dev/null || log "core dumps are capped (ulimit -c): no backtraces"
core_pattern=$(cat /proc/sys/kernel/core_pattern)
echo "$work/core.%e.%p" 2>/dev/null >/proc/sys/kernel/core_pattern || log "cannot set the core pattern: no backtraces"
backtraces() {
  local core
  for core in "$work"/core.*; do
    [[ -e $core ]] || continue
    log "backtrace of $core"
    gdb -batch -ex "info threads" -ex "thread apply all bt 40" "${CARGO_TARGET_DIR:-$PWD/target}/debug/fishd" "$core" >&2 || true
  done
}

log "running ${FISH_FAULTS_SECONDS}s of faults"
# One test at a time: each builds its own network and group of sites.
cargo test --locked --test faults -- --ignored --nocapture --test-threads=1 || { backtraces; fail "the fault suite failed"; }
log "PASSED in $(($(date +%s) - started))s"
