# $1: 0 on erase, 1 on upgrade. Stops every instance on erase.
if [ "$1" -eq 0 ] && [ -d /run/systemd/system ]; then
    systemctl stop fish.target >/dev/null 2>&1 || :
fi
