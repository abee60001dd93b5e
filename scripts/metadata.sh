#!/usr/bin/env bash
# Regenerates client/metadata/diem.scale, the runtime metadata diem-cli is generated from, from
# the runtime this workspace builds (`diem-node export-metadata`). Run it after changing a
# pallet's calls, events, errors, storage or a runtime API, and commit the file;
# `node/tests/metadata.rs` (in scripts/test.sh) fails while the committed file is stale.
#
#   scripts/metadata.sh          write the file
#   scripts/metadata.sh --check  only compare (exit 1 when it differs)
set -euo pipefail
source "$(dirname "$0")/lib.sh"

cd "$REPO_ROOT"
# The node without diem-cli and the load generator (which calls runtime APIs through diem-cli's
# generated code): the client is generated from the file this script writes, so it may not
# compile before. Leaving the load generator out changes the features of the node's RPC crates,
# so the first run on a machine compiles that part of the node a second time (kept apart in
# the target dir; later runs reuse it).
cargo test --workspace --exclude diem-cli --exclude diem-loadgen --profile "$PROFILE" --locked --no-run
if [ "${1:-}" = "--check" ]; then
	"$NODE_BIN" export-metadata --check client/metadata/diem.scale
else
	"$NODE_BIN" export-metadata client/metadata/diem.scale
fi
