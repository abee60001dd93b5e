#!/usr/bin/env bash
# Measures what one `diem-node --dev` sustains, counted from finalized blocks, and how long its
# full blocks really take against their weight.
#
#   scripts/bench-throughput.sh                   # every load, 4 full blocks each
#   scripts/bench-throughput.sh --loads hash,diem # extra arguments go to `diem-loadgen run`
#
# 1. builds diem-node, diem-loadgen and the runtime-benchmarks node (like scripts/benchmark.sh);
# 2. starts a dev chain (from the dev chain spec, in a temporary directory, loopback ports)
#    with a transaction pool large enough for several blocks;
# 3. `diem-loadgen weights` prints what the runtime charges per unit of each load;
#    `diem-loadgen run` funds 2,048 accounts from Alice, then per load pre-signs enough
#    transactions to fill seven blocks by weight (`--blocks`, default 6, plus one), submits
#    them with backpressure and prints what was finalized per second, its ratio to the HASH
#    transfer, block fullness, node CPU and RSS;
# 4. stops the node and re-executes the measured blocks with `diem-node benchmark block`, then
#    `diem-loadgen blocks` prints build and import times against the blocks' weight.
#
# Takes about 15 minutes once built on the development machine (it prints its elapsed time at
# the end). KEEP=1 keeps the directory with the logs and the database.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

"$REPO_ROOT/scripts/setup.sh" >/dev/null
# The benchmark node first: both builds link target/<profile>/diem-node, and the one this script
# runs must be the plain node.
echo "==> building the runtime-benchmarks node (for 'benchmark block')"
build_bench_node
echo "==> building diem-node and diem-loadgen (profile $PROFILE)"
build_node
if "$NODE_BIN" benchmark --help >/dev/null 2>&1; then
	echo "bench-throughput: $NODE_BIN is the runtime-benchmarks build" >&2
	exit 1
fi

LOADGEN="$CARGO_TARGET_DIR/$PROFILE/diem-loadgen"
work="$(mktemp -d -t diem-throughput-XXXXXX)"
node_pid=""
cleanup() {
	stop_started "$node_pid"
	if [ "${KEEP:-0}" = 1 ]; then echo "kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# One raw chain spec for the node and the benchmark node: their runtimes differ (the benchmark
# node's has the benchmarking hooks), so each would build a different genesis from `dev`.
"$NODE_BIN" build-spec --chain dev --raw 2>/dev/null >"$work/spec.json"

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
		exit 1
	fi
	sleep 1
done
if ! rpc "$rpc_port" chain_getHeader >/dev/null 2>&1; then
	tail -20 "$work/node.log" >&2
	echo "bench-throughput: the node did not answer on port $rpc_port within 120 s" >&2
	exit 1
fi

echo "==> what the runtime charges per unit of each load"
"$LOADGEN" weights
echo
# A load that fails is reported and the others are still measured; the script fails at the end.
status=0
"$LOADGEN" run --url "ws://127.0.0.1:$rpc_port" --node-pid "$node_pid" \
	--clock-ticks "$(getconf CLK_TCK)" --results "$work/results.jsonl" "$@" || status=1

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
		exit 1
	}
done <"$work/results.jsonl"

echo
"$LOADGEN" blocks --results "$work/results.jsonl" --node-log "$work/node.log" \
	--import-log "$work/import.log"
echo
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(free -g | awk '/Mem:/ {print $2}') GiB"
echo "elapsed: ${SECONDS}s"
exit "$status"
