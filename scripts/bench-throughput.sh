#!/usr/bin/env bash
# Measures what one `diem-node --dev` sustains, counted from finalized blocks, and how long its
# full blocks really take against their weight.
#
#   scripts/bench-throughput.sh                   # every load, on the production node
#   scripts/bench-throughput.sh --profile ci      # on the node the tests use
#   scripts/bench-throughput.sh --compare         # the same loads on the ci node, then on the
#                                                 # production node; both tables and their ratios
#   scripts/bench-throughput.sh --loads diem --accounts-in-state 10000,100000,1000000
#                                                 # the same load over growing state: genesis
#                                                 # gains that many funded accounts per run
#                                                 # (scripts/fill-state.py); the side-by-side
#                                                 # table shows import time and RSS per size
#   scripts/bench-throughput.sh --loads hash,diem # other arguments go to `diem-loadgen run`
#
# For each node build (cargo profile):
# 1. builds diem-node and its runtime-benchmarks twin in that profile, and diem-loadgen (the
#    client, always the tests' build, so only the node differs between runs);
# 2. starts a dev chain (from the dev chain spec, in a temporary directory, loopback ports)
#    with a transaction pool large enough for several blocks;
# 3. `diem-loadgen weights` prints what the runtime charges per unit of each load;
#    `diem-loadgen run` funds 2,048 accounts from Alice, then per load pre-signs enough
#    transactions to fill seven blocks by weight (`--blocks`, default 6, plus one), submits
#    them with backpressure and prints what was finalized per second, its ratio to the HASH
#    transfer, block fullness, node CPU and RSS;
# 4. stops the node and re-executes the measured blocks with `diem-node benchmark block`, then
#    `diem-loadgen blocks` prints build and import times against the blocks' weight.
# With two builds, `diem-loadgen compare` prints the runs side by side: rates, import time per
# unit and per block, and the ratio of each.
#
# Takes about 15 minutes per build once built on the development machine (it prints its elapsed time at
# the end). KEEP=1 keeps the directory with the logs and the database.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

PROFILES=()
FILLS=(0)
LOADGEN_ARGS=()
while [ "$#" -gt 0 ]; do
	case "$1" in
	--profile)
		[ -n "${2:-}" ] || { echo "bench-throughput: --profile needs ci or production" >&2; exit 2; }
		PROFILES+=("$2")
		shift 2
		;;
	--compare)
		PROFILES=("$PROFILE" "$PRODUCTION_PROFILE")
		shift
		;;
	--accounts-in-state)
		IFS=, read -r -a FILLS <<<"${2:-}"
		for n in "${FILLS[@]}"; do
			[[ "$n" =~ ^[0-9]+$ ]] || { echo "bench-throughput: --accounts-in-state takes numbers, like 10000,100000" >&2; exit 2; }
		done
		[ "${#FILLS[@]}" -gt 0 ] || { echo "bench-throughput: --accounts-in-state needs at least one number" >&2; exit 2; }
		shift 2
		;;
	*)
		LOADGEN_ARGS+=("$1")
		shift
		;;
	esac
done
[ "${#PROFILES[@]}" -gt 0 ] || PROFILES=("$PRODUCTION_PROFILE")
for profile in "${PROFILES[@]}"; do
	grep -q "^\[profile\.$profile\]" Cargo.toml || [ "$profile" = release ] ||
		{ echo "bench-throughput: no cargo profile '$profile' in Cargo.toml" >&2; exit 2; }
done

"$REPO_ROOT/scripts/setup.sh" >/dev/null
echo "==> building diem-loadgen (profile $PROFILE)"
build_node
LOADGEN="$CARGO_TARGET_DIR/$PROFILE/diem-loadgen"
for profile in "${PROFILES[@]}"; do
	echo "==> building diem-node and the runtime-benchmarks node (profile $profile)"
	build_bench_node "$profile"
	if "$(node_bin "$profile")" benchmark --help >/dev/null 2>&1; then
		echo "bench-throughput: $(node_bin "$profile") is the runtime-benchmarks build" >&2
		exit 1
	fi
done

top="$(mktemp -d -t diem-throughput-XXXXXX)"
node_pid=""
cleanup() {
	stop_started "$node_pid"
	if [ "${KEEP:-0}" = 1 ]; then echo "kept: $top"; else rm -rf "$top"; fi
}
trap cleanup EXIT

echo "==> what the runtime charges per unit of each load"
"$LOADGEN" weights
echo

# A load that fails is reported and the others are still measured; the script fails at the end.
status=0
measure() { # measure PROFILE FILL: one run on that build's node, FILL extra accounts in state
	local profile="$1" fill="$2"
	local work="$top/$profile-$fill"
	local NODE_BIN BENCH_BIN
	NODE_BIN="$(node_bin "$profile")"
	BENCH_BIN="$(bench_bin "$profile")"
	mkdir -p "$work"
	echo "==> ${profile} node: $NODE_BIN ($fill extra accounts in genesis)"

	# One raw chain spec for the node and the benchmark node: their runtimes differ (the benchmark
	# node's has the benchmarking hooks), so each would build a different genesis from `dev`.
	"$NODE_BIN" build-spec --chain dev --raw 2>/dev/null >"$work/spec.json"
	if [ "$fill" -gt 0 ]; then
		"${DIEM_VENV:-$HOME/.cache/diem-chain/venv}/bin/python" "$REPO_ROOT/scripts/fill-state.py" "$work/spec.json" "$fill" ||
			return 1
	fi

	rpc_port="$(free_port)"
	echo "==> starting the dev chain (RPC ws://127.0.0.1:$rpc_port, log $work/node.log)"
	start_dev_node "$work/node.log" "$rpc_port" --chain "$work/spec.json" --base-path "$work/db" \
		--no-prometheus --pool-limit 200000 --pool-kbytes 2000000 \
		--rpc-max-connections 1000 --rpc-max-request-size 64 --rpc-max-response-size 64
	node_pid=$DEV_NODE_PID

	for _ in $(seq 1 120); do
		if rpc "$rpc_port" chain_getHeader >/dev/null 2>&1; then break; fi
		if ! kill -0 "$node_pid" 2>/dev/null; then
			tail -20 "$work/node.log" >&2
			echo "bench-throughput: the node exited" >&2
			return 1
		fi
		sleep 1
	done
	if ! rpc "$rpc_port" chain_getHeader >/dev/null 2>&1; then
		tail -20 "$work/node.log" >&2
		echo "bench-throughput: the node did not answer on port $rpc_port within 120 s" >&2
		return 1
	fi

	"$LOADGEN" run --url "ws://127.0.0.1:$rpc_port" --node-pid "$node_pid" \
		--clock-ticks "$(getconf CLK_TCK)" --results "$work/results.jsonl" "${LOADGEN_ARGS[@]}" || status=1

	echo "==> stopping the node; re-executing the measured blocks"
	stop_started "$node_pid"
	node_pid=""

	: >"$work/import.log"
	while read -r line; do
		from="$(sed -n 's/.*"first_block":\([0-9]*\).*/\1/p' <<<"$line")"
		to="$(sed -n 's/.*"last_block":\([0-9]*\).*/\1/p' <<<"$line")"
		[ -n "$from" ] && [ -n "$to" ] || continue
		"$BENCH_BIN" benchmark block --chain "$work/spec.json" --base-path "$work/db" \
			--from "$from" --to "$to" --repeat 3 >>"$work/import.log" 2>&1 || {
			tail -20 "$work/import.log" >&2
			echo "bench-throughput: benchmark block failed" >&2
			return 1
		}
	done <"$work/results.jsonl"

	echo
	"$LOADGEN" blocks --results "$work/results.jsonl" --node-log "$work/node.log" \
		--import-log "$work/import.log" --summary "$work/blocks.jsonl"
}

runs=()
for profile in "${PROFILES[@]}"; do
	for fill in "${FILLS[@]}"; do
		measure "$profile" "$fill" || status=1
		label="$profile"
		if [ "${#FILLS[@]}" -gt 1 ] || [ "$fill" -gt 0 ]; then label="$profile+$fill-accounts"; fi
		runs+=(--run "$label=$top/$profile-$fill")
	done
done
if [ "${#runs[@]}" -gt 2 ]; then
	echo
	echo "==> side by side"
	"$LOADGEN" compare "${runs[@]}" || status=1
fi
echo
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "elapsed: ${SECONDS}s"
exit "$status"
