#!/usr/bin/env bash
# Runs the runtime fuzzer (fuzz/, see its crate docs) with libFuzzer through cargo-fuzz:
#
#   scripts/fuzz.sh [MINUTES]   fuzz for MINUTES (default 10) from the committed corpus
#   scripts/fuzz.sh --merge     fold what fuzzing found into the committed corpus, minimized to
#                               the inputs that add coverage (then review and commit it)
#
# The native runtime is built with libFuzzer's coverage instrumentation and the `try-runtime`
# feature (every polkadot-sdk pallet's `try_state` runs too), in the shared target directory.
# libFuzzer reads the committed corpus (fuzz/corpus/runtime) and writes the inputs that reach
# new code to a working corpus (fuzz/corpus-work/runtime, not committed), so the committed one
# changes only through --merge; a crash is written to fuzz/artifacts/runtime/ and the script
# exits non-zero. libFuzzer's final statistics (runs, coverage, corpus size) are the last lines
# printed. `cargo test -p diem-runtime-fuzz` replays the committed corpus; the README's test
# command does so too.
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
WORK=fuzz/corpus-work/runtime
mkdir -p "$WORK"

if [ "${1:-}" = "--merge" ]; then
	merged="$(mktemp -d)"
	trap 'rm -rf "$merged"' EXIT
	# The first directory receives the merge: the fewest inputs with all the coverage of the rest.
	cargo fuzz run "${FUZZ_ARGS[@]}" runtime "$merged" "$CORPUS" "$WORK" -- -merge=1
	# The hand-written seeds stay by name; the rest is what the merge kept (named by content).
	seeds="$(sha1sum "$CORPUS"/seed-* | cut -d' ' -f1)"
	find "$CORPUS" -type f ! -name 'seed-*' -delete
	for input in "$merged"/*; do
		name="$(basename "$input")"
		grep -qx "$name" <<<"$seeds" || cp "$input" "$CORPUS/$name"
	done
	echo "committed corpus: $(find "$CORPUS" -type f | wc -l) inputs"
	exit 0
fi

minutes="${1:-10}"
case "$minutes" in
'' | *[!0-9]*)
	echo "usage: scripts/fuzz.sh [MINUTES] | --merge" >&2
	exit 2
	;;
esac
cargo fuzz run "${FUZZ_ARGS[@]}" runtime "$WORK" "$CORPUS" -- \
	-max_total_time=$((minutes * 60)) -timeout=120 -rss_limit_mb=8192 -print_final_stats=1
