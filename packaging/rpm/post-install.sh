# $1: 1 on install, 2 on upgrade. Creates the user and /var/lib/fish;
# an upgrade restarts the running instances (PartOf fish.target).
systemd-sysusers fish.conf
systemd-tmpfiles --create fish.conf
# The TLS relay's socket buffers (60-fish.conf); a container may not be
# allowed to set it, which costs only speed.
systemd-sysctl 60-fish.conf >/dev/null 2>&1 || :
install -d -m 0755 /etc/fish
journalctl --update-catalog >/dev/null 2>&1 || :
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload >/dev/null 2>&1 || :
    if [ "$1" -ge 2 ]; then
        systemctl try-restart fish.target >/dev/null 2>&1 || :
    fi
fi
