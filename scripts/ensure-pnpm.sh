#!/usr/bin/env bash
# Makes `pnpm` (major 10) available: uses the one on PATH, else installs it with npm.
set -euo pipefail
if command -v pnpm >/dev/null 2>&1 && [[ "$(pnpm --version)" == 10.* ]]; then exit 0; fi
npm install --global pnpm@10 >/dev/null
