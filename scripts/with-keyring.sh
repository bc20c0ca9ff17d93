#!/usr/bin/env bash
# Runs a command inside its own D-Bus session with an unlocked, throwaway gnome-keyring,
# so keychain tests use a real Secret Service and never touch the user's own keyring.
# Usage: scripts/with-keyring.sh COMMAND [ARGS...]
set -euo pipefail
# Already inside one (a workspace's test script called from the repo-wide run): reuse it.
[ "${OVH_PCA_IN_KEYRING_SESSION:-}" = 2 ] && exec "$@"
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "with-keyring: no dbus-run-session or gnome-keyring-daemon (scripts/install-system-deps.sh installs them); keychain tests will be skipped" >&2
  exec "$@"
fi
if [ -z "${OVH_PCA_IN_KEYRING_SESSION:-}" ]; then
  export OVH_PCA_IN_KEYRING_SESSION=1
  exec dbus-run-session -- "$0" "$@"
fi
export OVH_PCA_IN_KEYRING_SESSION=2
keyring_root=$(mktemp -d)
trap 'rm -rf "$keyring_root"' EXIT
export XDG_DATA_HOME="$keyring_root/data" XDG_RUNTIME_DIR="$keyring_root/run"
mkdir -p "$XDG_DATA_HOME/keyrings" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# The daemon prints environment lines; only GNOME_KEYRING_CONTROL matters and D-Bus finds it anyway.
echo -n "ovh-pca-test" | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null
"$@"
