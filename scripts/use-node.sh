#!/usr/bin/env bash
# Puts the Node.js the build toolchain needs first on PATH. Electron's tooling (electron,
# @electron/get, @electron/rebuild, vitest 5) needs the range in package.json "engines"; a machine
# whose `node` is older gets the exact version pinned in .node-version from the npm registry
# (package node-<os>-<arch>), checked against the registry's integrity hash and cached for the next
# run.
#
# With --lowest-node (scripts that install) it also exports OVH_PCA_LOWEST_NODE: a Node of the
# oldest line the CLI supports (apps/cli "engines"), the machine's own when it is of that line, else
# fetched the same way; the CLI's tests run the built binary on it, and native modules are compiled
# against its headers (npm_config_nodedir), never downloaded.
#
# Sourced (`source scripts/use-node.sh [--lowest-node] || exit 1`) it changes the caller's
# environment; run with a command (`bash scripts/use-node.sh pnpm start`) it runs the command in it.
# Cache: $OVH_PCA_TOOLCHAIN_DIR, else ${XDG_CACHE_HOME:-~/.cache}/ovh-pca/toolchain.

_use_node_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

_use_node_fail() {
  echo "use-node: step \"$1\" failed: $2" >&2
  return 1
}

# 0 when version $1 >= version $2 (both X.Y.Z).
_use_node_version_ge() {
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

# The X.Y.Z floor of an engines range written ">=X.Y" or ">=X.Y.Z" (the only form used here).
_use_node_floor() {
  local range
  range=$(sed -n 's/.*"node": *"\([^"]*\)".*/\1/p' "$1" | head -n1)
  if [[ ! "$range" =~ ^\>=([0-9]+)\.([0-9]+)(\.([0-9]+))?$ ]]; then
    _use_node_fail "read engines.node of $1" "expected \">=X.Y[.Z]\", found \"$range\""
    return 1
  fi
  echo "${BASH_REMATCH[1]}.${BASH_REMATCH[2]}.${BASH_REMATCH[4]:-0}"
}

_use_node_platform() {
  local os arch
  case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    *) _use_node_fail "detect the platform" "no Node package for $(uname -s); install Node $1 yourself" || return 1 ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) _use_node_fail "detect the platform" "no Node package for $(uname -m); install Node $1 yourself" || return 1 ;;
  esac
  echo "node-$os-$arch"
}

# Prints the directory of Node $1 (bin/node, include/node), downloading it on first use.
_use_node_fetch() {
  local version=$1 package cache dir expected work tarball actual
  package=$(_use_node_platform "$version") || return 1
  cache=${OVH_PCA_TOOLCHAIN_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/ovh-pca/toolchain}
  dir="$cache/$package-v$version"
  if [ -f "$dir/.integrity" ] && [ "$("$dir/bin/node" --version 2>/dev/null)" = "v$version" ]; then
    echo "$dir"
    return 0
  fi
  command -v npm >/dev/null 2>&1 ||
    { _use_node_fail "find npm" "npm is needed once to fetch Node $version from the npm registry" || return 1; }
  mkdir -p "$cache" || { _use_node_fail "create the cache $cache" "see above" || return 1; }
  echo "use-node: fetching Node $version ($package) from the npm registry into $cache" >&2
  # Outside the repository, so the project's .npmrc (pnpm settings) does not reach npm.
  work=$(mktemp -d "$cache/.download-XXXXXX") || return 1
  expected=$(cd "$work" && npm view "$package@$version" dist.integrity 2>/dev/null)
  if [ -z "$expected" ]; then
    rm -rf "$work"
    _use_node_fail "look up $package@$version on the npm registry" "npm view printed nothing (offline, or no such version)"
    return 1
  fi
  if ! tarball=$(cd "$work" && npm pack "$package@$version" --silent 2>"$work/npm.log"); then
    local log
    log=$(tail -n 5 "$work/npm.log")
    rm -rf "$work"
    _use_node_fail "download $package@$version" "npm pack failed: $log"
    return 1
  fi
  actual=$(node -e 'const h = require("node:crypto").createHash("sha512");
    require("node:fs").createReadStream(process.argv[1]).on("data", (c) => h.update(c))
      .on("end", () => console.log("sha512-" + h.digest("base64")));' "$work/$tarball")
  if [ "$actual" != "$expected" ]; then
    rm -rf "$work"
    _use_node_fail "verify $package@$version" "integrity $actual differs from the registry's $expected"
    return 1
  fi
  if ! tar -xzf "$work/$tarball" -C "$work" || ! "$work/package/bin/node" --version >/dev/null; then
    rm -rf "$work"
    _use_node_fail "unpack $package@$version" "the archive did not give a working bin/node"
    return 1
  fi
  echo "$expected" >"$work/package/.integrity"
  # A rename: a half-unpacked Node never stands under its final name. A parallel run may win.
  [ -e "$dir" ] || mv "$work/package" "$dir" 2>/dev/null
  if [ ! -f "$dir/.integrity" ]; then
    rm -rf "$work"
    _use_node_fail "install into $dir" "could not rename the unpacked Node there"
    return 1
  fi
  rm -rf "$work"
  echo "$dir"
}

_use_node_main() {
  local want_lowest=$1 machine_node machine_version toolchain_floor pinned cli_floor dir
  machine_node=$(command -v node 2>/dev/null || true)
  machine_version=$([ -n "$machine_node" ] && "$machine_node" -p 'process.versions.node' 2>/dev/null || true)
  toolchain_floor=$(_use_node_floor "$_use_node_root/package.json") || return 1
  cli_floor=$(_use_node_floor "$_use_node_root/apps/cli/package.json") || return 1
  pinned=$(tr -d ' \n\r' <"$_use_node_root/.node-version")
  [[ "$pinned" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] ||
    { _use_node_fail "read .node-version" "expected X.Y.Z, found \"$pinned\"" || return 1; }

  if [ -n "$machine_version" ] && _use_node_version_ge "$machine_version" "$toolchain_floor"; then
    echo "use-node: toolchain on the machine's Node v$machine_version ($machine_node)" >&2
  else
    dir=$(_use_node_fetch "$pinned") || return 1
    # npm places global installs beside the running Node: when ensure-pnpm.sh will install pnpm,
    # keep it where the machine's npm puts it, not in the cache (asking npm takes about a second).
    if [ -z "${npm_config_prefix:-}" ] && ! command -v pnpm >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
      npm_config_prefix=$(cd / && npm prefix --global 2>/dev/null) && export npm_config_prefix
    fi
    export PATH="$dir/bin:$PATH"
    echo "use-node: toolchain on Node v$pinned ($dir/bin/node; the machine's is ${machine_version:+v}${machine_version:-missing}, below $toolchain_floor)" >&2
  fi

  [ "$want_lowest" = --lowest-node ] || return 0
  if [ -n "${OVH_PCA_LOWEST_NODE:-}" ]; then
    : # Given by the caller.
  elif [ -n "$machine_version" ] && [ "${machine_version%%.*}" = "${cli_floor%%.*}" ] &&
    _use_node_version_ge "$machine_version" "$cli_floor"; then
    export OVH_PCA_LOWEST_NODE="$machine_node"
  else
    dir=$(_use_node_fetch "$cli_floor") || return 1
    export OVH_PCA_LOWEST_NODE="$dir/bin/node"
  fi
  # node-gyp compiles native modules (keytar, N-API) against the headers of that oldest Node: an
  # N-API module built for it loads on every newer Node, not the other way round (keytar built
  # with Node 24's headers crashes Node 20). Its own headers when it has them, else the package's.
  dir=$(dirname "$(dirname "$(readlink -f "$OVH_PCA_LOWEST_NODE")")")
  [ -f "$dir/include/node/node_api.h" ] || dir=$(_use_node_fetch "$cli_floor") || return 1
  export npm_config_nodedir="$dir"
  echo "use-node: the CLI's oldest supported Node, for its tests: $OVH_PCA_LOWEST_NODE ($("$OVH_PCA_LOWEST_NODE" --version)); native modules built with the headers in $dir" >&2
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  # Run as a program: select, then run the given command.
  set -uo pipefail
  _use_node_main "" || exit 1
  [ $# -gt 0 ] && exec "$@"
  exit 0
fi
_use_node_main "${1:-}"
