#!/usr/bin/env bash
# End-to-end test of the .deb under a real systemd (slow tier: scripts/test
# runs it unless FISH_SKIP_SLOW=1; CI always does).
#
# Builds the packages (packaging/build), boots a Debian 12 root under
# systemd-nspawn (own network namespace, so its loopback is its own), and as
# a user would: apt install ./fish_*.deb, configs for back0..2 and front0,
# systemctl enable --now; then checks READY and STATUS, a PUT/GET through
# front0, the journal's FISH_EVENT=master_changed history, a reload, a
# failover by `systemctl stop` of the master, an upgrade restart, a reboot
# that brings every enabled instance back with its data, and remove/purge.
# Then the .rpm: rpm -i into a second copy of the root (its scriptlets run),
# a site started from it under systemd, and rpm -e.
#
# The debootstrap root is cached in $FISH_TEST_CACHE (default
# /var/cache/fish-test); CI starts with none and makes it (about a minute).
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$(date +%s)
tag=e2e
work=$(mktemp -d /var/tmp/fish-e2e.XXXXXX)
source tests/system/lib.sh
root=$work/root
nspawn_pid=

cleanup() {
  stop_container "$nspawn_pid"
  rm -rf "$work"
}
trap cleanup EXIT

# --- tools, packages, root ------------------------------------------------
apt_need debootstrap systemd-container
packaging/build
deb=$(ls target/packages/fish_*.deb)
cp -a "$(debian_root)" "$root"
echo fishtest >"$root/etc/hostname"
# systemd-nspawn puts a fresh tmpfs on /tmp: the package goes to /var/tmp.
cp "$deb" "$root/var/tmp/"
debname=$(basename "$deb")

boot() {
  boot_container "$root" "$work/console.log" --private-network
  pid=$ct_pid
}
in_ct() { nsenter -t "$pid" -a "$@"; }
sh_ct() { nsenter -t "$pid" -a /bin/sh -c "$1"; }
# wait_for SECONDS DESCRIPTION COMMAND...: until COMMAND succeeds in the
# container (run by its /bin/sh, output discarded: a grep there needs no -q).
wait_for() {
  local secs=$1 what=$2; shift 2
  for _ in $(seq $((secs * 5))); do
    if sh_ct "$*" >/dev/null 2>&1; then return; fi
    sleep 0.2
  done
  fail "$what (waited ${secs}s)"
}
status_text() { in_ct systemctl show -P StatusText "fish@$1"; }

boot
log "booted; container systemd is pid $pid"
sh_ct "DEBIAN_FRONTEND=noninteractive apt-get install -y -q /var/tmp/$debname" >"$work/apt.log" 2>&1 ||
  { cat "$work/apt.log" >&2; fail "apt install ./$debname"; }
in_ct id fish >/dev/null || fail "no fish user after install"
[[ $(in_ct stat -c %U /var/lib/fish) == fish ]] || fail "/var/lib/fish is not fish's"
if in_ct systemctl is-active --quiet 'fish@*'; then fail "installing started something"; fi
log "installed $debname: user fish, /var/lib/fish, nothing started"
# The docs as installed: man finds each page by name and renders it without
# a warning, and every link in /usr/share/doc/fish resolves there.
for page in "8 fishd" "1 fishctl" "5 fish.toml"; do
  read -r section name <<<"$page"
  text=$(MANPATH="$root/usr/share/man" MANWIDTH=80 man --warnings -P cat "$section" "$name" 2>"$work/man.err") ||
    fail "man $section $name: $(cat "$work/man.err")"
  [[ ! -s $work/man.err ]] || fail "man $section $name warns: $(cat "$work/man.err")"
  [[ $text == *"SEE ALSO"* ]] || fail "man $section $name: no SEE ALSO section"
done
FISH_DOC_DIR="$root/usr/share/doc/fish" cargo test -q --locked --test it -- --ignored \
  links::every_relative_link_in_the_installed_docs_resolves >"$work/links.log" 2>&1 ||
  { cat "$work/links.log" >&2; fail "dead links in /usr/share/doc/fish"; }
log "man fishd(8), fishctl(1), fish.toml(5) render; every link in /usr/share/doc/fish resolves"
score=$(in_ct systemd-analyze security --no-pager fish@back0.service |
  sed -n '/Overall exposure level/s/.*: *\([0-9][0-9]*\.[0-9]\).*/\1/p')
[[ -n $score ]] || fail "systemd-analyze security printed no exposure level"
log "systemd-analyze security fish@back0.service: exposure $score"

# --- a group of three back-ends and a front-end ---------------------------
for i in 0 1 2; do
  helpers=$([[ $i == 0 ]] && echo '[]' || echo '["127.0.0.1:7000"]')
  creator=$([[ $i == 0 ]] && echo true || echo false)
  cat >"$root/etc/fish/back$i.toml" <<TOML
role = "back"
[http]
listen = "127.0.0.1:808$((i + 1))"
[replication]
listen = "127.0.0.1:700$i"
helpers = $helpers
group_creator = $creator
priority = $((100 - 10 * i))
ack_timeout_ms = 500
election_timeout_ms = 500
heartbeat_send_ms = 100
heartbeat_monitor_ms = 300
[log]
level = "info"
TOML
done
# The default front-end: a view with its own replica.
cat >"$root/etc/fish/front0.toml" <<'TOML'
role = "front"
[http]
listen = "127.0.0.1:8080"
[replication]
listen = "127.0.0.1:7010"
helpers = ["127.0.0.1:7000", "127.0.0.1:7001", "127.0.0.1:7002"]
heartbeat_send_ms = 100
heartbeat_monitor_ms = 300
TOML
in_ct systemctl enable --now fish@back0 >/dev/null 2>&1 || { in_ct journalctl -u fish@back0 --no-pager >&2; fail "start back0"; }
# Joining sites start one at a time, as `fishd dev` starts them (src/dev.rs):
# a view that joined while two back-ends were still joining was once
# recorded as a member. Type=notify: each returns once READY=1 arrived.
for s in back1 back2 front0; do
  in_ct systemctl enable --now "fish@$s" >/dev/null 2>&1 ||
    { in_ct journalctl -u 'fish@*' --no-pager | tail -80 >&2; fail "start $s"; }
done
for s in back0 back1 back2 front0; do
  # Type=notify: active only once READY=1 arrived.
  [[ $(in_ct systemctl show -P ActiveState "fish@$s") == active ]] || fail "fish@$s is not active"
  log "fish@$s active, STATUS: $(status_text $s)"
done
[[ $(status_text back0) == master* ]] || fail "back0 STATUS does not say master: $(status_text back0)"
[[ $(status_text back1) == "client, master"* ]] || fail "back1 STATUS: $(status_text back1)"
grep -q 'Status: "master' <<<"$(in_ct systemctl status fish@back0 --no-pager)" || fail "systemctl status lacks the STATUS line"

in_ct fishctl put greeting hello >/dev/null || fail "PUT through front0"
[[ $(in_ct fishctl get greeting) == hello ]] || fail "GET through front0"
members=$(in_ct fishctl members -o table) || fail "fishctl members"
grep -Eq '^127\.0\.0\.1:7010 +view ' <<<"$members" || { echo "$members" >&2; fail "front0 is not listed as a view"; }
log "PUT/GET through front0 ok; front0 is a view"
# Output is captured before grep reads it: `producer | grep -q` under
# pipefail fails whenever grep exits before the producer has written all
# (SIGPIPE); scripts/lint-shell keeps that shape out of the repository.
[[ -n $(in_ct journalctl -u fish@back0 FISH_EVENT=master_changed -o cat --no-pager) ]] ||
  fail "no FISH_EVENT=master_changed in back0's journal"
grep -q 'MESSAGE_ID=4d763f84de114d799eb3f9aa6104f272' <<<"$(in_ct journalctl -u fish@back0 FISH_EVENT=master_changed -o verbose --no-pager)" ||
  fail "master_changed has no MESSAGE_ID"
grep -q 'Fish master changed' <<<"$(in_ct journalctl -x -u fish@back0 FISH_EVENT=master_changed --no-pager)" ||
  fail "journalctl -x does not show the catalog entry"
log "journal: FISH_EVENT=master_changed with MESSAGE_ID and catalog text"

# --- reload ---------------------------------------------------------------
sed -i 's/^level = "info"/level = "debug"/' "$root/etc/fish/back1.toml"
in_ct systemctl reload fish@back1 || fail "systemctl reload fish@back1"
wait_for 10 "the reload to apply log.level" \
  "journalctl -u fish@back1 FISH_EVENT=reload_applied -o cat --no-pager | grep log.level"
[[ $(in_ct systemctl show -P ActiveState fish@back1) == active ]] || fail "back1 not active after reload"
log "reload: log level debug applied"

# --- failover by systemctl stop -------------------------------------------
in_ct systemctl stop fish@back0
[[ $(in_ct systemctl show -P Result fish@back0) == success ]] || fail "back0 did not stop cleanly"
wait_for 20 "a new master in back1's STATUS" \
  "systemctl show -P StatusText fish@back1 | grep -E '^master|master back2'"
wait_for 10 "the new master in back1's journal" \
  "journalctl -u fish@back1 FISH_EVENT=master_changed -o verbose --no-pager | grep -E 'MASTER=127.0.0.1:700[12]'"
in_ct fishctl put after-failover yes >/dev/null || fail "PUT after failover"
# The reloaded debug level shows: back1 retries the stopped back0 at debug.
wait_for 10 "debug entries after the reload" "journalctl -u fish@back1 -p debug..debug -o cat --no-pager | grep ."
log "failover: back1 STATUS $(status_text back1); back2 STATUS $(status_text back2)"

# --- upgrade restarts running instances -----------------------------------
before=$(in_ct systemctl show -P MainPID fish@back1)
sh_ct "DEBIAN_FRONTEND=noninteractive apt-get install -y -q --reinstall /var/tmp/$debname" >"$work/apt.log" 2>&1 ||
  { cat "$work/apt.log" >&2; fail "reinstall"; }
wait_for 30 "the upgrade to restart fish@back1" \
  "systemctl is-active --quiet fish@back1 && [ \"\$(systemctl show -P MainPID fish@back1)\" != $before ]"
after=$(in_ct systemctl show -P MainPID fish@back1)
[[ $(in_ct systemctl show -P ActiveState fish@back0) == inactive ]] || fail "the upgrade started the stopped back0"
log "upgrade restarted running instances (back1 pid $before → $after), left back0 stopped"

# --- reboot ---------------------------------------------------------------
in_ct systemctl poweroff || true
for _ in $(seq 150); do kill -0 "$nspawn_pid" 2>/dev/null || break; sleep 0.2; done
kill -0 "$nspawn_pid" 2>/dev/null && fail "the container did not power off"
boot
for s in back0 back1 back2 front0; do
  wait_for 60 "fish@$s active after reboot" "systemctl is-active --quiet fish@$s"
done
wait_for 30 "front0 to serve the data after reboot" "[ \"\$(fishctl get after-failover)\" = yes ]"
[[ $(in_ct fishctl get greeting) == hello ]] || fail "data lost across the reboot"
log "reboot: all four instances back, data kept"

# --- remove keeps data, purge deletes it ----------------------------------
sh_ct "DEBIAN_FRONTEND=noninteractive apt-get remove -y -q fish" >"$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; fail "apt remove"; }
if in_ct systemctl is-active --quiet 'fish@*'; then fail "instances still running after remove"; fi
in_ct test -d /var/lib/fish/back0/bdb || fail "apt remove deleted the data"
sh_ct "DEBIAN_FRONTEND=noninteractive apt-get purge -y -q fish" >"$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; fail "apt purge"; }
if in_ct test -e /var/lib/fish; then fail "apt purge kept /var/lib/fish"; fi
log "remove kept /var/lib/fish; purge deleted it"
stop_container "$nspawn_pid"
nspawn_pid=

# --- the .rpm, installed by rpm (scriptlets run) and started by systemd ----
# rpm --root runs the scriptlets chrooted into a second copy of the Debian
# root; booted, that root then runs a site from the rpm's files alone.
rpmfile=$(ls target/packages/fish-*.rpm)
rroot=$work/rpmroot
cp -a "$(debian_root)" "$rroot"
echo fishrpm >"$rroot/etc/hostname"
force=() # Debian's rpm refuses to install without it (rpm -i only)
[[ $(rpm --help) == *--force-debian* ]] && force=(--force-debian)
rpm_in() { rpm --root "$rroot" "$@"; }
rpm_in --initdb
# As on a running system, the scriptlets see a /proc (systemd-tmpfiles
# needs one; without it /var/lib/fish would only appear at the next boot).
mount -t proc proc "$rroot/proc"
rpm_in "${force[@]}" -i --nodeps "$rpmfile" >"$work/rpm.log" 2>&1 ||
  { umount "$rroot/proc"; cat "$work/rpm.log" >&2; fail "rpm -i $(basename "$rpmfile")"; }
umount "$rroot/proc"
chroot "$rroot" id fish >/dev/null || fail "the rpm's scriptlets did not create the user fish"
[[ $(chroot "$rroot" stat -c %U /var/lib/fish) == fish ]] || fail "the rpm's scriptlets did not make /var/lib/fish for fish"
[[ -d $rroot/etc/fish && -x $rroot/usr/bin/fishd ]] || fail "the rpm did not install /etc/fish and /usr/bin/fishd"
cat >"$rroot/etc/fish/back0.toml" <<'TOML'
role = "back"
[http]
listen = "127.0.0.1:8080"
[replication]
listen = "127.0.0.1:7000"
group_creator = true
TOML
boot_container "$rroot" "$work/console-rpm.log" --private-network
pid=$ct_pid
in_ct systemctl enable --now fish@back0 >/dev/null 2>&1 || { in_ct journalctl -u fish@back0 --no-pager >&2; fail "start back0 from the rpm"; }
in_ct fishctl put from-rpm yes >/dev/null || fail "PUT to the rpm-installed site"
[[ $(in_ct fishctl get from-rpm) == yes ]] || fail "GET from the rpm-installed site"
in_ct systemctl disable --now fish@back0 >/dev/null 2>&1 || fail "stop back0 from the rpm"
stop_container "$nspawn_pid"
nspawn_pid=
rpm_in -e fish >"$work/rpm.log" 2>&1 || { cat "$work/rpm.log" >&2; fail "rpm -e fish"; }
[[ ! -e $rroot/usr/bin/fishd ]] || fail "rpm -e left /usr/bin/fishd"
[[ -d $rroot/var/lib/fish/back0 ]] || fail "rpm -e deleted the data (RPM has no purge: it must stay)"
log "rpm: installed with its scriptlets (user fish, /var/lib/fish), served under systemd, erased keeping the data"
log "PASSED in $(($(date +%s) - started))s (exposure score $score)"
