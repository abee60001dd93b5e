#!/usr/bin/env bash
# Sets up this machine (scripts/setup.sh), builds diem-node and starts a one-validator dev chain
# with a throwaway database. Alice validates; the dev accounts hold HASH. Beside it, the web app
# (web/, built when npm is there) on http://127.0.0.1:8080 (DIEM_WEB_PORT to change it).
#
#   ./scripts/dev-node.sh                 # RPC on ws://127.0.0.1:9944, the app on :8080
#   ./scripts/dev-node.sh --rpc-port 9955 # extra arguments go to diem-node
#
# The first build takes about half an hour on 2 cores; later runs start in seconds.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

"$REPO_ROOT/scripts/setup.sh"
printf '\n==> building diem-node (profile %s, target dir %s)\n' "$PROFILE" "$CARGO_TARGET_DIR"
build_node
WEB_PID=""
if command -v npm >/dev/null && [ -d "$REPO_ROOT/web/node_modules" ]; then
	printf '\n==> building the web app (web/dist)\n'
	(cd "$REPO_ROOT/web" && npm run --silent build -- --logLevel warn)
	node "$REPO_ROOT/web/scripts/serve.mjs" "${DIEM_WEB_PORT:-8080}" &
	WEB_PID=$!
	trap 'kill "$WEB_PID" 2>/dev/null || true' EXIT
else
	printf '\n==> no npm: the web app is not built (scripts/setup.sh installs it)\n'
fi
printf '\n==> starting the dev chain: connect polkadot.js apps or subxt to ws://127.0.0.1:9944\n'
if [ -n "$WEB_PID" ]; then
	printf '    the web app: http://127.0.0.1:%s (it connects to ws://127.0.0.1:9944; change it in the page)\n' "${DIEM_WEB_PORT:-8080}"
fi
"$NODE_BIN" --dev --tmp "$@"
