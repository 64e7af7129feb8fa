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
trap 'rm -rf "$work"' EXIT
source tests/system/lib.sh

[[ $(id -u) == 0 ]] || fail "needs root (network namespaces, nftables)"
apt_need iproute2 nftables
export FISH_FAULTS_SECONDS=${1:-150}
[[ -n ${2:-} ]] && export FISH_FAULTS_SEED=$2
log "running ${FISH_FAULTS_SECONDS}s of faults"
# One test at a time: each builds its own network and group of sites.
cargo test --locked --test faults -- --ignored --nocapture --test-threads=1
log "PASSED in $(($(date +%s) - started))s"
