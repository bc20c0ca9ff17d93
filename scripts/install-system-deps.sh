#!/usr/bin/env bash
# Installs the Debian packages the test suites need (keychain, D-Bus, browser, X server, rclone for
# the sandbox's Swift test).
# Idempotent: does nothing when every package is already installed.
set -euo pipefail

packages=(libsecret-1-dev gnome-keyring dbus dbus-x11 chromium xvfb xauth fonts-dejavu-core zsh fish rclone)

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-system-deps: missing ${missing[*]} and no apt-get; install them with your package manager" >&2
  exit 1
fi
sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
echo "install-system-deps: installing ${missing[*]}" >&2
"${sudo_cmd[@]}" apt-get update -qq ||
  { echo "install-system-deps: apt-get update failed (network, or another apt holding its lock?)" >&2; exit 1; }
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
  { echo "install-system-deps: apt-get install ${missing[*]} failed (see apt's message above)" >&2; exit 1; }
