#!/usr/bin/env bash
# Installs, builds, starts the bundled sandbox and shows ovh-pca at work against it.
# Every step says so when it fails, with its error and the fix when one is known.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/step.sh
source scripts/use-node.sh --lowest-node
export TURBO_TELEMETRY_DISABLED=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1

bash scripts/install-system-deps.sh
bash scripts/ensure-pnpm.sh
step "install JavaScript dependencies" pnpm install --frozen-lockfile
step "build" pnpm turbo run build --output-logs=errors-only
step_live "run the demo" node scripts/demo.mjs
