# Shared settings for the scripts in this directory; sourced, not run.
#
# One cargo profile (`ci`: release optimisation with debug assertions and overflow checks, see
# the workspace Cargo.toml) for the node binary, the tests and CI, and one persistent target
# directory, so the heavy polkadot-sdk build happens once per machine.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/diem-chain/target}"
PROFILE=ci
NODE_BIN="$CARGO_TARGET_DIR/$PROFILE/diem-node"

# Builds the node the same way `cargo test` does (dev-dependencies take part in feature
# resolution), so running the node and running the tests never compile polkadot-sdk twice.
build_node() {
	(cd "$REPO_ROOT" && cargo test --workspace --profile "$PROFILE" --locked --no-run)
}

# A TCP port on 127.0.0.1 that nothing listens on right now.
free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null ||
		shuf -i 20000-60000 -n 1
}

# JSON-RPC call over HTTP: rpc PORT METHOD [PARAMS_JSON]
rpc() {
	curl -sf -H 'Content-Type: application/json' \
		-d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"$2\",\"params\":${3:-[]}}" \
		"http://127.0.0.1:$1"
}

# Number of the best (or, with `chain_getFinalizedHead`, finalized) block: block_number PORT
block_number() {
	local hex
	hex="$(rpc "$1" chain_getHeader | sed -n 's/.*"number":"0x\([0-9a-fA-F]*\)".*/\1/p')"
	[ -n "$hex" ] && echo $((16#$hex))
}

# The build validators run (`production`: release with fat LTO and one codegen unit, no debug
# assertions; docs/validators.md). Weights and throughput figures come from it; the tests keep
# the `ci` profile above.
PRODUCTION_PROFILE=production
# node_bin PROFILE / bench_bin PROFILE: the plain node and the runtime-benchmarks node of a profile.
node_bin() { echo "$CARGO_TARGET_DIR/$1/diem-node"; }
bench_bin() { echo "$CARGO_TARGET_DIR/$1/benchmarks/diem-node"; }

# Builds the plain node of PROFILE (default: the tests' profile, built as the tests build it).
# Other profiles build only the node binary: nothing else of the workspace is compiled with them.
build_node_of() {
	local profile="${1:-$PROFILE}"
	if [ "$profile" = "$PROFILE" ]; then
		build_node
	else
		(cd "$REPO_ROOT" && cargo build -p diem-node --bin diem-node --profile "$profile" --locked)
	fi
}

# The node built with `--features runtime-benchmarks` (the `benchmark` subcommands), kept apart
# from the plain node: build_bench_node [PROFILE]. Same target dir: only the crates the feature
# touches are rebuilt (for `ci` about 25 minutes the first time, a few minutes after a runtime
# change; for `production` about 35 minutes, LTO included). Cargo writes both variants to
# target/PROFILE/diem-node, so this copies the benchmark node aside and rebuilds (relinks
# nothing: both are cached) the plain one there.
BENCH_BIN="$(bench_bin "$PROFILE")"
build_bench_node() {
	local profile="${1:-$PROFILE}"
	(cd "$REPO_ROOT" && cargo build -p diem-node --bin diem-node --profile "$profile" --locked --features runtime-benchmarks)
	mkdir -p "$(dirname "$(bench_bin "$profile")")"
	cp "$(node_bin "$profile")" "$(bench_bin "$profile")"
	build_node_of "$profile"
}

# Starts a dev node in the background, reachable on loopback only, logging to LOG:
#   start_dev_node LOG RPC_PORT [more diem-node arguments...]
# (a free p2p port, no telemetry, no mDNS; pass --tmp or --base-path, and --no-prometheus or a
# --prometheus-port). Its pid is in DEV_NODE_PID; stop it with `stop_started "$DEV_NODE_PID"`.
start_dev_node() {
	local log="$1" rpc_port="$2"
	shift 2
	"$NODE_BIN" --dev --rpc-port "$rpc_port" --listen-addr "/ip4/127.0.0.1/tcp/$(free_port)" \
		--no-telemetry --no-mdns "$@" 2>"$log" &
	DEV_NODE_PID=$!
}

# Stops a process this script started, if it still runs: SIGTERM, then wait for it. An empty
# pid (nothing started yet) is a no-op, never `kill 0` (the whole process group).
stop_started() {
	if [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; then
		kill -TERM "$1" 2>/dev/null || true
		wait "$1" 2>/dev/null || true
	fi
}
