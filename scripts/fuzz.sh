#!/usr/bin/env bash
# Runs the runtime fuzzer (fuzz/, see its crate docs) with libFuzzer through cargo-fuzz:
#
#   scripts/fuzz.sh [MINUTES]   fuzz for MINUTES (default 10) from the committed corpus
#   scripts/fuzz.sh --cmin      minimize fuzz/corpus/runtime to the inputs that add coverage
#
# The native runtime is built with libFuzzer's coverage instrumentation and the `try-runtime`
# feature (every polkadot-sdk pallet's `try_state` runs too), in the shared target directory.
# New inputs that reach new code are added to fuzz/corpus/runtime; a crash is written to
# fuzz/artifacts/runtime/ and the script exits non-zero. libFuzzer's final statistics (runs,
# coverage, corpus size) are the last lines printed. `cargo test -p diem-runtime-fuzz` replays
# the corpus; the README's test command does so too.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

if ! cargo fuzz --version >/dev/null 2>&1; then
	echo "==> installing cargo-fuzz (crates.io)"
	cargo install cargo-fuzz --locked
fi

# Only the native runtime is fuzzed; its wasm build is not needed.
export SKIP_WASM_BUILD=1
# cargo-fuzz passes unstable rustc flags for its instrumentation; the machine has one (stable)
# toolchain, which accepts them with this switch.
export RUSTC_BOOTSTRAP=1
FUZZ_ARGS=(--sanitizer none --features libfuzzer,try-runtime)
CORPUS=fuzz/corpus/runtime

if [ "${1:-}" = "--cmin" ]; then
	cargo fuzz cmin "${FUZZ_ARGS[@]}" runtime "$CORPUS"
	exit 0
fi

minutes="${1:-10}"
case "$minutes" in
'' | *[!0-9]*)
	echo "usage: scripts/fuzz.sh [MINUTES] | --cmin" >&2
	exit 2
	;;
esac
mkdir -p "$CORPUS"
cargo fuzz run "${FUZZ_ARGS[@]}" runtime "$CORPUS" -- \
	-max_total_time=$((minutes * 60)) -timeout=120 -rss_limit_mb=8192 -print_final_stats=1
