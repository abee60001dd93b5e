#!/usr/bin/env bash
# Sets up this machine (scripts/setup.sh), builds diem-node and starts a one-validator dev chain
# with a throwaway database. Alice validates; the dev accounts hold HASH.
#
#   ./scripts/dev-node.sh                 # RPC on ws://127.0.0.1:9944
#   ./scripts/dev-node.sh --rpc-port 9955 # extra arguments go to diem-node
#
# The first build takes about half an hour on 2 cores; later runs start in seconds.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

"$REPO_ROOT/scripts/setup.sh"
printf '\n==> building diem-node (profile %s, target dir %s)\n' "$PROFILE" "$CARGO_TARGET_DIR"
build_node
printf '\n==> starting the dev chain: connect polkadot.js apps or subxt to ws://127.0.0.1:9944\n'
exec "$NODE_BIN" --dev --tmp "$@"
