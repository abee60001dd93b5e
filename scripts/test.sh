#!/usr/bin/env bash
# Runs the whole test suite: the pallets' benchmarks (as tests, in their mock runtimes), then
# runtime and pallet unit tests, doc tests, and the end-to-end tests that start real diem-node
# processes (dev chain, two- and four-validator networks with faults, validator-set changes
# and a runtime upgrade, the CLI lifecycle) on loopback ports; and the web app's tests
# (scripts/test-web.sh: unit tests, headless Chromium against a dev node, the docs' JavaScript
# and Python examples). Exits non-zero if anything fails; the output ends with cargo-nextest's summary.
#
# Extra arguments go to the workspace `cargo nextest run` only (e.g. `./scripts/test.sh -p diem-runtime`,
# or a filter: `./scripts/test.sh -E 'binary(lifecycle)'`).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

"$REPO_ROOT/scripts/setup.sh" >/dev/null
cd "$REPO_ROOT"

# Our pallets with benchmarks (a `runtime-benchmarks` feature in their manifest); their
# benchmark builds are small (the node is not rebuilt).
mapfile -t BENCHMARKED_PALLETS < <(grep -l '^runtime-benchmarks' pallets/*/Cargo.toml |
	xargs sed -n 's/^name = "\(.*\)"$/\1/p')

status=0
if [ "$#" -eq 0 ]; then
	for pallet in "${BENCHMARKED_PALLETS[@]}"; do
		cargo test --profile "$PROFILE" --locked -p "$pallet" --features runtime-benchmarks \
			--lib benchmarking || status=1
	done
fi
# The figures of docs/economics.md must be what the curve code prints.
if [ "$#" -eq 0 ]; then
	"$REPO_ROOT/scripts/economics.sh" --check || status=1
fi
# The web app (unit tests, then headless Chromium against a dev node): needs the node binary.
if [ "$#" -eq 0 ]; then
	build_node
	"$REPO_ROOT/scripts/test-web.sh" || status=1
fi
# Doc tests (nextest does not run them), then every other test under cargo-nextest: each test
# in its own process, tests of all binaries side by side (.config/nextest.toml), so the
# end-to-end tests that wait on blocks overlap. --no-fail-fast: one failure hides no other.
# The output ends with nextest's summary.
if [ "$#" -eq 0 ]; then
	cargo test --workspace --doc --profile "$PROFILE" --locked --no-fail-fast || status=1
fi
cargo nextest run --workspace --cargo-profile "$PROFILE" --locked --no-fail-fast "$@" || status=1
exit "$status"
