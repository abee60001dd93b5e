#!/usr/bin/env bash
# Regenerates the committed weights from benchmarks run on this machine.
#
#   scripts/benchmark.sh [ours|sdk|base|all]     (default: all)
#
#   ours: the DIEM pallets' `weights.rs` (trait, `SubstrateWeight`, `()`), from their v2
#         benchmarks run in the runtime through `diem-node benchmark pallet`;
#   sdk:  `runtime/src/weights/<pallet>.rs` for the polkadot-sdk pallets the runtime uses;
#   base: the block and extrinsic base weights (`benchmark overhead`) and the ParityDB
#         read/write weights (`benchmark storage`, over the state of a dev node that
#         diem-loadgen filled with 4,096 accounts staking HASH and DIEM), written to
#         `runtime/src/weights/`, used by `runtime/src/configs/system.rs`.
#
# ONLY=<pallet> (e.g. ONLY=pallet_diem, ONLY=pallet_timestamp) limits `ours` and `sdk` to one
# pallet; ONLY=overhead or ONLY=storage limits `base` to one of its two parts.
#
# Run it after changing a call's logic or storage, or on the reference machine before a release,
# and commit the result. It builds diem-node with `--features runtime-benchmarks` in the
# `production` profile, the build validators run (PROFILE_OF_BENCH=ci for a quick look on the
# test build; ~35 min the first time), and keeps it apart from the plain node. Every file it
# writes says in its header which build measured it. STEPS and REPEAT (default 50, 20) trade
# precision for time.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

WHAT="${1:-all}"
STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"
TEMPLATES=scripts/weight-templates

case "$WHAT" in
ours | sdk | base | all) ;;
*)
	echo "usage: scripts/benchmark.sh [ours|sdk|base|all]" >&2
	exit 2
	;;
esac

BENCH_PROFILE="${PROFILE_OF_BENCH:-$PRODUCTION_PROFILE}"
build_bench_node "$BENCH_PROFILE"
BENCH_BIN="$(bench_bin "$BENCH_PROFILE")"

# After the first line of every generated file: which build of the node measured it.
BUILD_NOTE="//! Benchmarked on diem-node built with the \`$BENCH_PROFILE\` cargo profile"
if [ "$BENCH_PROFILE" = "$PRODUCTION_PROFILE" ]; then BUILD_NOTE="$BUILD_NOTE (the build validators run)"; fi
mark_build() { # mark_build FILE
	awk -v note="$BUILD_NOTE." 'NR == 1 { print; print "//!"; print note; next } { print }' "$1" >"$1.tmp"
	mv "$1.tmp" "$1"
}

# The pallets the runtime benchmarks, as the benchmark node lists them. One of ours (a crate
# under pallets/ with that package name) writes its crate's weights.rs; a polkadot-sdk pallet
# writes runtime/src/weights/<pallet>.rs (`pallet_balances_balances.rs` for `Balances`, named
# when the runtime had a second balances instance).
mapfile -t BENCHMARKED < <("$BENCH_BIN" benchmark pallet --chain dev --list=pallets --no-csv-header)
if [ "${#BENCHMARKED[@]}" -eq 0 ]; then
	echo "benchmark: the runtime lists no benchmarked pallets" >&2
	exit 1
fi
# The directory under pallets/ whose package is PALLET (dashes as underscores), or nothing.
crate_dir_of() {
	local manifest
	for manifest in pallets/*/Cargo.toml; do
		if [ "$(sed -n 's/^name = "\(.*\)"$/\1/p' "$manifest" | head -1 | tr - _)" = "$1" ]; then
			dirname "$manifest"
		fi
	done
}

run_pallet() { # run_pallet PALLET TEMPLATE OUTPUT
	# Benchmarks run on the dev chain, but referenda's on the production preset: its benchmarks
	# assume a prepare period of more than one block, which the dev chain's fast tracks lack.
	local chain=dev
	if [ "$1" = pallet_referenda ]; then chain=production; fi
	echo "benchmark: $1 (chain $chain) -> $3"
	local stamp
	stamp="$(mktemp)"
	"$BENCH_BIN" benchmark pallet --chain "$chain" --pallet "$1" --extrinsic '*' \
		--steps "$STEPS" --repeat "$REPEAT" --wasm-execution compiled \
		--template "$2" --output "$3"
	# An SDK pallet's output is a directory: mark the file the run wrote in it.
	find "$3" -name '*.rs' -newer "$stamp" | while read -r file; do mark_build "$file"; done
	rm -f "$stamp"
}

mkdir -p runtime/src/weights
for pallet in "${BENCHMARKED[@]}"; do
	# ONLY=pallet_x limits `ours` and `sdk` to one pallet.
	if [ -n "${ONLY:-}" ] && [ "$pallet" != "$ONLY" ]; then continue; fi
	dir="$(crate_dir_of "$pallet")"
	if [ -n "$dir" ]; then
		if [ "$WHAT" = ours ] || [ "$WHAT" = all ]; then
			run_pallet "$pallet" "$TEMPLATES/pallet.hbs" "$dir/src/weights.rs"
		fi
	elif [ "$WHAT" = sdk ] || [ "$WHAT" = all ]; then
		run_pallet "$pallet" "$TEMPLATES/runtime.hbs" runtime/src/weights/
	fi
done
if [ "$WHAT" = base ] || [ "$WHAT" = all ]; then
	# The temporary directories and the dev node below, removed and stopped on any exit.
	raw=""
	state=""
	state_node=""
	cleanup() {
		stop_started "$state_node"
		if [ -n "$raw" ]; then rm -rf "$raw"; fi
		if [ -n "$state" ]; then rm -rf "$state"; fi
	}
	trap cleanup EXIT
	# The base weights of a block and of an extrinsic (an empty block; a block full of signed
	# remarks), written to runtime/src/weights/overhead.rs from the 99th percentiles the overhead
	# benchmark reports (with averages, some full blocks imported slower than their weight).
	if [ -z "${ONLY:-}" ] || [ "$ONLY" = overhead ]; then
		raw="$(mktemp -d)"
		echo "benchmark: block and extrinsic overhead -> runtime/src/weights/overhead.rs"
		"$BENCH_BIN" benchmark overhead --chain dev --metric p99 --weight-path "$raw" 2>&1 | tee "$raw/log"
		weight_ns() { sed -n 's/.*WEIGHT_REF_TIME_PER_NANOS.saturating_mul(\([0-9_]*\)).*/\1/p' "$raw/$1"; }
		block_ns="$(weight_ns block_weights.rs)"
		extrinsic_ns="$(weight_ns extrinsic_weights.rs)"
		remarks="$(sed -n 's/.*Extrinsics per block: \([0-9]*\).*/\1/p' "$raw/log" | tail -1)"
		if [ -z "$block_ns" ] || [ -z "$extrinsic_ns" ]; then
			echo "benchmark: overhead results not found in $raw" >&2
			exit 1
		fi
		cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
		cat >runtime/src/weights/overhead.rs <<RUST
//! The base weights of a block and of an extrinsic on this runtime, generated by
//! \`scripts/benchmark.sh base\`; do not edit by hand.
//!
//! Measured with \`diem-node benchmark overhead --chain dev --metric p99\` on
//! $(date -u +%Y-%m-%d), CPU \`${cpu}\`: the 99th percentile of the time to execute an empty
//! block, and of the extra time per extrinsic in a block of ${remarks:-many} signed
//! \`System::remark\` calls (signature check and transaction extensions included, the call
//! itself nearly free).

use polkadot_sdk::frame_support::{
	parameter_types,
	weights::{constants::WEIGHT_REF_TIME_PER_NANOS, Weight},
};

parameter_types! {
	/// Executing an empty block: ${block_ns} ns.
	pub const BlockExecutionWeight: Weight =
		Weight::from_parts(WEIGHT_REF_TIME_PER_NANOS.saturating_mul(${block_ns}), 0);
	/// What every extrinsic costs besides its call: ${extrinsic_ns} ns.
	pub const ExtrinsicBaseWeight: Weight =
		Weight::from_parts(WEIGHT_REF_TIME_PER_NANOS.saturating_mul(${extrinsic_ns}), 0);
}
RUST
		mark_build runtime/src/weights/overhead.rs
		rm -rf "$raw"
		raw=""
	fi

	if [ -z "${ONLY:-}" ] || [ "$ONLY" = storage ]; then
		# The cost of one read and one write on ParityDB (the node's database), measured over the
		# state of a used dev chain rather than its tiny genesis state (where the runtime's code blob
		# dominates every average): diem-loadgen funds 4,096 accounts that each stake HASH and DIEM.
		# Writes are timed in commits of 100 keys, as a block commits many keys at once; the weight is
		# the 99th percentile of the keys' times (the average fell short of real block imports).
		state="$(mktemp -d -t diem-storage-XXXXXX)"
		build_node
		"$NODE_BIN" build-spec --chain dev --raw 2>/dev/null >"$state/spec.json"
		port="$(free_port)"
		start_dev_node "$state/node.log" "$port" --chain "$state/spec.json" --base-path "$state/db" \
			--no-prometheus --pool-limit 100000 --pool-kbytes 1000000
		state_node=$DEV_NODE_PID
		echo "benchmark: filling a dev chain's state with diem-loadgen (log $state/node.log)"
		"$CARGO_TARGET_DIR/$PROFILE/diem-loadgen" run --url "ws://127.0.0.1:$port" --accounts 4096 --loads ""
		stop_started "$state_node"
		state_node=""
		echo "benchmark: storage (ParityDB) -> runtime/src/weights/paritydb_weights.rs"
		"$BENCH_BIN" benchmark storage --chain "$state/spec.json" --base-path "$state/db" \
			--database paritydb --state-version 1 --batch-size 100 --metric p99 \
			--template-path "$TEMPLATES/storage.hbs" --weight-path runtime/src/weights/
		mark_build runtime/src/weights/paritydb_weights.rs
	fi
fi
echo "benchmark: done; review with 'git diff' and commit"
echo "benchmark: elapsed ${SECONDS}s"
