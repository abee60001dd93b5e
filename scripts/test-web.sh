#!/usr/bin/env bash
# The web app's tests: types generated from the runtime's metadata, the strict TypeScript check,
# the unit tests (vitest), the production bundle, then the end-to-end suite: headless Chromium
# against a dev node it starts (diem-node from the `ci` build, which scripts/test.sh builds
# first), the docs' JavaScript examples and the Python example against the same node.
# Screenshots: web/test-results/screenshots/. Exits non-zero if anything fails.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT/web"

[ -x "$NODE_BIN" ] || { echo "test-web: no diem-node at $NODE_BIN (scripts/test.sh builds it)" >&2; exit 1; }
status=0
npm run --silent typegen
npx tsc --noEmit || status=1
npx vitest run || status=1
npx vite build --logLevel warn || status=1
bytes=$(cat dist/assets/*.js | wc -c)
gzipped=$(cat dist/assets/*.js | gzip -9 | wc -c)
echo "web app bundle: $((bytes / 1024)) KiB of JavaScript ($((gzipped / 1024)) KiB gzipped)"
DIEM_NODE="$NODE_BIN" node test/e2e/run.mjs || status=1
exit "$status"
