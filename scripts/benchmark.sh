#!/usr/bin/env bash
# Regenerates the committed weights from benchmarks run on this machine.
#
#   scripts/benchmark.sh [ours|sdk|base|all]     (default: all)
#
#   ours: the DIEM pallets' `weights.rs` (trait, `SubstrateWeight`, `()`), from their v2
#         benchmarks run in the runtime through `diem-node benchmark pallet`;
#   sdk:  `runtime/src/weights/<pallet>.rs` for the polkadot-sdk pallets the runtime uses;
#   base: the block and extrinsic base weights (`benchmark overhead`) and the ParityDB
#         read/write weights (`benchmark storage`, on a fresh dev database), written to
#         `runtime/src/weights/` (not wired into the runtime yet: issue 7).
#
# ONLY=<pallet> (e.g. ONLY=pallet_diem) limits `ours` to one pallet.
#
# Run it after changing a call's logic or storage, or on the reference machine before a release,
# and commit the result. It builds a second diem-node with `--features runtime-benchmarks`
# (same profile and target dir, so only the crates the feature touches are rebuilt, ~25 min the
# first time) and keeps it apart from the node the tests use. STEPS and REPEAT (default 50, 20)
# trade precision for time.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

WHAT="${1:-all}"
STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"
BENCH_BIN="$CARGO_TARGET_DIR/$PROFILE/benchmarks/diem-node"
TEMPLATES=scripts/weight-templates

# pallet name in the runtime's benchmark list -> crate directory
OUR_PALLETS=(
	"pallet_compute_staking:pallets/compute-staking"
	"pallet_diem:pallets/diem"
	"pallet_diem_ledger:pallets/ledger"
	"pallet_inference_credits:pallets/inference-credits"
)
# Output goes to runtime/src/weights/<pallet>.rs (<pallet>_<instance>.rs for the two balances
# instances, `Balances` for HASH and `DiemBalances` for DIEM).
SDK_PALLETS=(
	frame_system frame_system_extensions pallet_balances pallet_timestamp pallet_sudo
	pallet_utility pallet_proxy pallet_multisig
)

case "$WHAT" in
ours | sdk | base | all) ;;
*)
	echo "usage: scripts/benchmark.sh [ours|sdk|base|all]" >&2
	exit 2
	;;
esac

cargo build -p diem-node --profile "$PROFILE" --locked --features runtime-benchmarks
mkdir -p "$(dirname "$BENCH_BIN")"
cp "$CARGO_TARGET_DIR/$PROFILE/diem-node" "$BENCH_BIN"

run_pallet() { # run_pallet PALLET TEMPLATE OUTPUT
	echo "benchmark: $1 -> $3"
	"$BENCH_BIN" benchmark pallet --chain dev --pallet "$1" --extrinsic '*' \
		--steps "$STEPS" --repeat "$REPEAT" --wasm-execution compiled \
		--template "$2" --output "$3"
}

if [ "$WHAT" = ours ] || [ "$WHAT" = all ]; then
	for entry in "${OUR_PALLETS[@]}"; do
		# ONLY=pallet_x limits `ours` to one pallet.
		if [ -n "${ONLY:-}" ] && [ "${entry%%:*}" != "$ONLY" ]; then continue; fi
		run_pallet "${entry%%:*}" "$TEMPLATES/pallet.hbs" "${entry#*:}/src/weights.rs"
	done
fi
mkdir -p runtime/src/weights
if [ "$WHAT" = sdk ] || [ "$WHAT" = all ]; then
	for pallet in "${SDK_PALLETS[@]}"; do
		run_pallet "$pallet" "$TEMPLATES/runtime.hbs" runtime/src/weights/
	done
fi
if [ "$WHAT" = base ] || [ "$WHAT" = all ]; then
	# The base weights of a block and of an extrinsic (an empty block, a remark), and the cost of
	# a ParityDB read and write, measured on a fresh dev database.
	echo "benchmark: block and extrinsic overhead -> runtime/src/weights/"
	"$BENCH_BIN" benchmark overhead --chain dev --weight-path runtime/src/weights/
	db="$(mktemp -d)"
	echo "benchmark: storage (ParityDB) -> runtime/src/weights/"
	"$BENCH_BIN" benchmark storage --chain dev --base-path "$db" --database paritydb \
		--state-version 1 --weight-path runtime/src/weights/
	rm -rf "$db"
	# Those two templates name `sp_core`/`sp_weights`; the runtime reaches them through
	# polkadot-sdk's frame-support.
	sed -i 's/use sp_core::parameter_types;/use polkadot_sdk::frame_support::parameter_types;/;
		s/sp_weights::/polkadot_sdk::frame_support::weights::/g' \
		runtime/src/weights/block_weights.rs runtime/src/weights/extrinsic_weights.rs \
		runtime/src/weights/paritydb_weights.rs
fi
echo "benchmark: done; review with 'git diff' and commit"
