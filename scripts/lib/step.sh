# Named steps for the setup scripts: a step that fails says which step, the error its command
# gave and, when the error is a known one, how to fix it. Source it, then:
#   step "install JavaScript dependencies" pnpm install --frozen-lockfile
#       the command's output is kept aside and shown only if it fails (quiet on success);
#   step_live "run the demo" node scripts/demo.mjs
#       the output is shown as it comes (stderr is also kept, to name the error).
# Both return the command's exit status, so `set -e` (or `|| exit`) stops the script there.

step() {
  _step_run capture "$@"
}

step_live() {
  _step_run live "$@"
}

_step_run() {
  local mode=$1 name=$2 status=0 log
  shift 2
  log=$(mktemp "${TMPDIR:-/tmp}/ovh-pca-step.XXXXXX")
  echo "==> $name" >&2
  if [ "$mode" = live ]; then
    # stdout straight through; stderr through tee, to the terminal and the log.
    local errexit=0
    [[ $- == *e* ]] && errexit=1
    set +e
    { "$@" 2>&1 1>&3 3>&- | tee "$log" >&2; status=${PIPESTATUS[0]}; } 3>&1
    [ "$errexit" -eq 1 ] && set -e
  else
    "$@" >"$log" 2>&1 || status=$?
  fi
  if [ "$status" -eq 0 ]; then
    rm -f "$log"
    return 0
  fi
  [ "$mode" = capture ] && tail -n 40 "$log" | sed 's/^/    /' >&2
  _step_report "$name" "$log" "$status" >&2
  echo "  full output: $log" >&2
  return "$status"
}

# Says what went wrong: for an error a fresh machine is known to hit, its line and the fix; else
# the first line that reads as an error, else the last line. Stack frames and warnings (such as
# prebuild-install's, which then builds from source) are left out.
_step_report() {
  local name=$1 log=$2 status=$3 text line="" fix="" index
  local registry=${npm_config_registry:-https://registry.npmjs.org/}
  local patterns=(
    'Package libsecret-1 was not found|libsecret-1.*not found|secret\.h'
    'Could not get lock|Unable to acquire the dpkg frontend lock|dpkg was interrupted'
    'Unable to locate package|has no installation candidate|Package .* is not available'
    'ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|ECONNRESET|ERR_PNPM_META_FETCH_FAIL|ERR_PNPM_FETCH_'
    'ERR_PNPM_OUTDATED_LOCKFILE|ERR_PNPM_LOCKFILE'
    'ERR_PNPM_UNSUPPORTED_ENGINE|Unsupported engine'
    'make: not found|g\+\+: not found|not found: make|python3?: not found|gyp ERR! find Python'
    'a password is required|sudo: not found|are you root'
    'EACCES'
  )
  local fixes=(
    'keytar is compiled against libsecret: install libsecret-1-dev (scripts/install-system-deps.sh does), then run again'
    'another apt or dpkg run holds the package lock: wait for it to finish (do not kill it), then run again'
    "apt does not know one of the packages: run 'apt-get update' and check that /etc/apt/sources.list has Debian's main component (Debian 12 or newer, or Ubuntu 22.04 or newer)"
    "the package registry ($registry) cannot be reached: check the network or proxy (HTTPS_PROXY), or set npm_config_registry to a reachable mirror, then run again"
    "pnpm-lock.yaml does not match the package.json files: run 'pnpm install' and commit the lockfile"
    'this Node.js is too old: install Node.js 20.19 or newer'
    'native modules need a C++ toolchain: install build-essential and python3 (scripts/install-system-deps.sh does)'
    'installing Debian packages needs root: run as root, or as a user allowed to use sudo'
    'permission denied writing a file: check who owns the directory named above'
  )
  text=$(sed -e 's/\x1b\[[0-9;]*[A-Za-z]//g' -e 's/^[[:space:]]*//' "$log" |
    grep -v -i -E '^at |gyp ERR! stack|[[:space:]]warn[[:space:]]|^warn|^W: |^$')
  for index in "${!patterns[@]}"; do
    line=$(grep -m 1 -E "${patterns[$index]}" <<<"$text") && {
      fix=${fixes[$index]}
      break
    }
  done
  [ -n "$line" ] || line=$(grep -m 1 -E \
    '(^|[[:space:]])(ERR_[A-Z_]+|E[A-Z]{4,}|ERR!|E:|[A-Za-z]*Error:|[Ee]rror( TS[0-9]+)?:|FATAL|fatal:)' <<<"$text")
  [ -n "$line" ] || line=$(tail -n 1 <<<"$text")
  if [ -n "$line" ]; then
    echo "step \"$name\" failed: $line (exit $status)"
  else
    echo "step \"$name\" failed: exit status $status, no output"
  fi
  [ -z "$fix" ] || echo "  fix: $fix"
}
