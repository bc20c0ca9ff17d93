#!/usr/bin/env bash
# Installs everything and runs every test suite; ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/step.sh
source scripts/use-node.sh --lowest-node || exit 1

bash scripts/install-system-deps.sh || exit 1
bash scripts/ensure-pnpm.sh || exit 1
export ELECTRON_SKIP_BINARY_DOWNLOAD=1 TURBO_TELEMETRY_DISABLED=1
step "install JavaScript dependencies" pnpm install --frozen-lockfile || exit 1
find packages apps scripts -path '*/node_modules' -prune -o -name vitest-results.json -path '*/.cache/*' -print -delete >/dev/null
step "build, typecheck and lint" pnpm turbo run build typecheck lint --output-logs=errors-only || build_failed=1
# Root files (scripts, configs) belong to no workspace: lint them here.
step "lint the root scripts and configs" pnpm exec biome check scripts turbo.json package.json biome.json vitest.shared.ts || build_failed=1
scripts/with-keyring.sh pnpm turbo run test --concurrency=1 --continue --output-logs=full
# The setup scripts' own tests: a failing step names itself, its error and the fix.
pnpm exec vitest run --config scripts/vitest.config.ts
[ -n "${build_failed:-}" ] && echo "build, typecheck or lint failed (see above)" >&2
node scripts/test-summary.mjs
summary_status=$?
[ -n "${build_failed:-}" ] && exit 1
exit $summary_status
