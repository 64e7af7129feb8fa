# shellcheck shell=bash disable=SC2154
# Shared by the slow-tier system tests (sourced, not run): logging, the
# cached Debian 12 root, booting it under systemd-nspawn, and building a
# "next version" of the .deb for upgrade tests.
#
# The caller sets: started (epoch seconds), work (its scratch dir), tag (log
# prefix).

log() { echo "$tag [$(($(date +%s) - started))s]: $*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

# apt_need PKG...: installs the Debian packages that are missing.
apt_need() { scripts/apt-need "$@"; }

# debian_root: prints the path of a cached minimal Debian 12 root with
# systemd, sshd and python3 (for Ansible), making it on first use (about a
# minute). Cached in $FISH_TEST_CACHE (default /var/cache/fish-test).
debian_root() {
  local cache=${FISH_TEST_CACHE:-/var/cache/fish-test}
  local root=$cache/bookworm-v2
  if [[ ! -f $root.ok ]]; then
    log "debootstrap a Debian 12 root into $root (cached for later runs)"
    rm -rf "$root" && mkdir -p "$cache"
    debootstrap --variant=minbase \
      --include=systemd,systemd-sysv,dbus,procps,openssh-server,python3,python3-apt \
      bookworm "$root" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 ||
      { tail -20 "$work/debootstrap.log" >&2; fail "debootstrap"; }
    touch "$root.ok"
  fi
  echo "$root"
}

# boot_container ROOT CONSOLE NSPAWN-ARGS...: boots ROOT with systemd-nspawn
# in the background; sets nspawn_pid and ct_pid (the container's systemd) and
# returns once the system is up.
boot_container() {
  local root=$1 console=$2; shift 2
  systemd-nspawn -q -D "$root" --register=no --keep-unit "$@" --boot >"$console" 2>&1 &
  nspawn_pid=$!
  ct_pid=
  for _ in $(seq 300); do
    ct_pid=$(pgrep -o -P "$nspawn_pid" || true)
    if [[ -n $ct_pid ]]; then
      case $(nsenter -t "$ct_pid" -a systemctl is-system-running 2>/dev/null) in
        running | degraded) return ;;
      esac
    fi
    sleep 0.2
  done
  cat "$console" >&2
  fail "the container $root did not boot"
}

# stop_container NSPAWN_PID: powers a container off (SIGTERM to nspawn asks
# its systemd to shut down), killing it after 10 s.
stop_container() {
  local p=$1
  [[ -n $p ]] && kill -0 "$p" 2>/dev/null || return 0
  kill -TERM "$p" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || return 0; sleep 0.2; done
  kill -KILL "$p" 2>/dev/null || true
}

# build_next_deb VERSION DIR: builds the .deb of this tree as upstream
# version VERSION (package VERSION-1) in DIR and prints its path: a real
# second version for upgrade tests, whose fishd reports VERSION. The release
# build directory is copied first, so only the fish crate recompiles.
build_next_deb() {
  local version=$1 dir=$2 target=${CARGO_TARGET_DIR:-$PWD/target}
  rm -rf "$dir" && mkdir -p "$dir/target"
  git ls-files -z | xargs -0 cp --parents -t "$dir"
  cp -a "$target/release" "$dir/target/"
  sed -i "0,/^version = \".*\"/s//version = \"$version\"/" "$dir/Cargo.toml"
  sed -i "/^name = \"fish\"$/{n;s/^version = .*/version = \"$version\"/}" "$dir/Cargo.lock"
  { printf 'fish (%s-1) unstable; urgency=medium\n\n  * Test build for the upgrade tests.\n\n -- Fish developers <fish@example.invalid>  %s\n\n' \
      "$version" "$(date -R)"; cat packaging/changelog; } >"$dir/packaging/changelog"
  (cd "$dir" && CARGO_TARGET_DIR=$dir/target packaging/build deb >"$dir/build.log" 2>&1) ||
    { tail -30 "$dir/build.log" >&2; fail "building version $version"; }
  ls "$dir"/target/packages/fish_"$version"-1_*.deb
}
