# $1: 0 on erase. RPM has no purge: /var/lib/fish (the data) is kept;
# delete it by hand once it is no longer wanted.
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload >/dev/null 2>&1 || :
fi
