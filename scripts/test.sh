#!/usr/bin/env bash
# Runs the whole test suite: runtime and pallet unit tests, doc tests, and the end-to-end tests
# that start real diem-node processes (dev chain, two-validator network) on loopback ports.
# Extra arguments go to `cargo test` (e.g. `./scripts/test.sh -p diem-runtime`).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

"$REPO_ROOT/scripts/setup.sh" >/dev/null
cd "$REPO_ROOT"
# --no-fail-fast: run every test binary, so one failure does not hide others.
exec cargo test --workspace --profile "$PROFILE" --locked --no-fail-fast "$@"
