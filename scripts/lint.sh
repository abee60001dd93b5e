#!/usr/bin/env bash
# Formatting and clippy with the workspace lints (no unwrap/expect/panic/indexing/truncating
# casts outside tests) as errors. Not part of the test command: a cold clippy pass is a second
# full check build of polkadot-sdk.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

cargo fmt --all --check
# The runtime's wasm is irrelevant to lints; skipping it saves a wasm build.
SKIP_WASM_BUILD=1 cargo clippy --workspace --all-targets --profile "$PROFILE" --locked -- -D warnings
# The web app: TypeScript in strict mode over the types generated from the metadata.
if [ -d web/node_modules ]; then
	(cd web && npm run --silent typegen && npx tsc --noEmit)
fi
