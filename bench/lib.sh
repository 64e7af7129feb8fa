# shellcheck shell=bash disable=SC2034
# Sourced by the bench scripts: build, tools, a scratch dir, a free port.
# Sets $fishd (the release binary just built) and $dir (removed by the
# caller's trap), and defines free_port.
./scripts/apt-need wrk curl python3
./scripts/setup
cargo build --release --bins -q
fishd=${CARGO_TARGET_DIR:-$PWD/target}/release/fishd
dir=$(mktemp -d /tmp/fish-bench-XXXXXX)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
