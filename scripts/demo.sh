#!/usr/bin/env bash
# Installs, builds, starts the bundled sandbox and shows ovh-pca at work against it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/use-node.sh --lowest-node
export TURBO_TELEMETRY_DISABLED=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1
bash scripts/ensure-pnpm.sh
pnpm install --frozen-lockfile --reporter=silent
pnpm turbo run build --output-logs=errors-only >&2
node scripts/demo.mjs
