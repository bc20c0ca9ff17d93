#!/usr/bin/env bash
# Makes `pnpm` (major 10) available: uses the one on PATH, else installs it with npm.
set -euo pipefail
source "$(dirname "$0")/lib/step.sh"
if command -v pnpm >/dev/null 2>&1 && [[ "$(pnpm --version)" == 10.* ]]; then exit 0; fi
step "install pnpm 10 with npm" npm install --global pnpm@10
