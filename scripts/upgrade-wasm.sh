#!/usr/bin/env bash
# Builds the runtime as its next release (spec_version + 1, feature `next-spec-version`) for the
# runtime-upgrade test, and prints the path of its compressed wasm blob (what `system.set_code`
# takes). It builds in its own cargo profile (`ci-upgrade`), so the runtime the `ci` node embeds
# is never replaced; `scripts/test.sh` runs it before the tests. Only the wasm is needed, so the
# native crate is only checked (the wasm builder runs in its build script either way).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
cargo check -p diem-runtime --profile ci-upgrade --locked --features next-spec-version >&2
wasm="$CARGO_TARGET_DIR/ci-upgrade/wbuild/diem-runtime/diem_runtime.compact.compressed.wasm"
if [ ! -f "$wasm" ]; then
	echo "upgrade-wasm: $wasm was not built" >&2
	exit 1
fi
echo "$wasm"
