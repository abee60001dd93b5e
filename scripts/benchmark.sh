#!/usr/bin/env bash
# Regenerates the committed weights from benchmarks run on this machine.
#
#   scripts/benchmark.sh [ours|sdk|all]     (default: all)
#
#   ours: the DIEM pallets' `weights.rs` (trait, `SubstrateWeight`, `()`), from their v2
#         benchmarks run in the runtime through `diem-node benchmark pallet`;
#   sdk:  `runtime/src/weights/<pallet>.rs` for the polkadot-sdk pallets the runtime uses.
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
)
# Output goes to runtime/src/weights/<pallet>.rs (<pallet>_<instance>.rs for the two balances
# instances, `Balances` for HASH and `DiemBalances` for DIEM).
SDK_PALLETS=(
	frame_system frame_system_extensions pallet_balances pallet_timestamp pallet_sudo
	pallet_utility pallet_proxy pallet_multisig
)

case "$WHAT" in
ours | sdk | all) ;;
*)
	echo "usage: scripts/benchmark.sh [ours|sdk|all]" >&2
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

if [ "$WHAT" != sdk ]; then
	for entry in "${OUR_PALLETS[@]}"; do
		run_pallet "${entry%%:*}" "$TEMPLATES/pallet.hbs" "${entry#*:}/src/weights.rs"
	done
fi
if [ "$WHAT" != ours ]; then
	mkdir -p runtime/src/weights
	for pallet in "${SDK_PALLETS[@]}"; do
		run_pallet "$pallet" "$TEMPLATES/runtime.hbs" runtime/src/weights/
	done
fi
echo "benchmark: done; review with 'git diff' and commit"
