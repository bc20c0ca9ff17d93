#!/usr/bin/env bash
# Installs the Debian packages the build and the test suites need: a C++ toolchain and libsecret's
# headers (keytar is compiled on install), keychain, D-Bus, browser, X server, rclone (the sandbox's
# Swift and S3 tests drive it, and `pnpm bench` measures ovh-pca beside it), GNU time (the bench's
# peak memory readings).
# Idempotent: does nothing when every package is already installed.
set -euo pipefail
source "$(dirname "$0")/lib/step.sh"

packages=(build-essential python3 pkg-config libsecret-1-dev gnome-keyring dbus dbus-x11 chromium xvfb xauth
  fonts-dejavu-core zsh fish rclone time)

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "step \"install Debian packages\" failed: no apt-get on this machine" >&2
  echo "  fix: install ${missing[*]} with your package manager, then run again" >&2
  exit 1
fi
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
echo "install-system-deps: installing ${missing[*]}" >&2
step "update the apt package lists" "${sudo_cmd[@]}" apt-get update -q
step "install Debian packages (${missing[*]})" \
  env DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
