#!/usr/bin/env bash
# A local N-validator network on loopback, from the `local_testnet` preset.
#
#   scripts/testnet.sh start [N]   # default 4 validators; builds diem-node first
#   scripts/testnet.sh status      # each node: pid, best and finalized block
#   scripts/testnet.sh stop        # ends exactly the processes `start` started
#
# Each validator gets fresh keys from one generated secret phrase: its account and Aura key
# (sr25519) and GRANDPA key (ed25519), written into the chain spec as the genesis validator set
# with its session keys and inserted into its own keystore; its own base path and network key. Everything lives in $TESTNET_DIR (default /tmp/diem-testnet): the
# chain spec, node<i>/ (database, keystore, secret), logs/node<i>.log, pids/node<i>.pid.
# Node i listens on p2p port 30333+i, RPC 9944+i, Prometheus 9615+i (bases: $P2P_BASE,
# $RPC_BASE, $PROMETHEUS_BASE). SKIP_BUILD=1 uses the node already built.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

TESTNET_DIR="${TESTNET_DIR:-/tmp/diem-testnet}"
P2P_BASE="${P2P_BASE:-30333}"
RPC_BASE="${RPC_BASE:-9944}"
PROMETHEUS_BASE="${PROMETHEUS_BASE:-9615}"

# The pid in pids/<name>.pid if that process is still the diem-node this script started there.
our_pid() {
	local file="$TESTNET_DIR/pids/$1.pid" pid
	[ -f "$file" ] || return 1
	pid="$(cat "$file")"
	[ -r "/proc/$pid/cmdline" ] || return 1
	# A reused pid belongs to another program: it must be diem-node on this base path.
	tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "--base-path $TESTNET_DIR/$1 " || return 1
	echo "$pid"
}

stop_network() {
	local file name pid
	for file in "$TESTNET_DIR"/pids/*.pid; do
		[ -e "$file" ] || continue
		name="$(basename "$file" .pid)"
		if pid="$(our_pid "$name")"; then
			kill -TERM "$pid"
			echo "stopped $name (pid $pid)"
		fi
		rm -f "$file"
	done
	# Wait (bounded) for them to exit, so a following start finds the ports free.
	for _ in $(seq 1 60); do
		pgrep -f -- "--base-path $TESTNET_DIR/" >/dev/null || return 0
		sleep 0.5
	done
	echo "testnet: some nodes did not exit within 30 s" >&2
	return 1
}

# field JSON KEY: a top-level string field of a one-object JSON document.
field() { python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }

start_network() {
	local n="$1" i name phrase aura gran bootnode=""
	if [ -d "$TESTNET_DIR/pids" ] && ls "$TESTNET_DIR"/pids/*.pid >/dev/null 2>&1; then
		echo "testnet: $TESTNET_DIR has running nodes; run '$0 stop' first" >&2
		exit 1
	fi
	[ "${SKIP_BUILD:-0}" = 1 ] || build_node
	rm -rf "$TESTNET_DIR"
	mkdir -p "$TESTNET_DIR/logs" "$TESTNET_DIR/pids"

	# Keys: one secret phrase per validator (kept in node<i>/secret, mode 600). The sr25519
	# public key is both the validator's account and its Aura key.
	local auras=() grans=()
	for i in $(seq 0 $((n - 1))); do
		name="node$i"
		mkdir -p "$TESTNET_DIR/$name"
		phrase="$("$NODE_BIN" key generate --scheme sr25519 --output-type json | field secretPhrase)"
		(umask 077 && printf '%s\n' "$phrase" >"$TESTNET_DIR/$name/secret")
		auras+=("$("$NODE_BIN" key inspect --scheme sr25519 --output-type json "$phrase" | field ss58PublicKey)")
		grans+=("$("$NODE_BIN" key inspect --scheme ed25519 --output-type json "$phrase" | field ss58PublicKey)")
	done

	# The chain spec: the local_testnet preset with these validators, then raw (the genesis
	# storage every node must share).
	"$NODE_BIN" build-spec --chain local 2>/dev/null >"$TESTNET_DIR/spec-plain.json"
	python3 - "$TESTNET_DIR/spec-plain.json" "${auras[*]}" "${grans[*]}" <<'PY'
import json, sys
path, auras, grans = sys.argv[1], sys.argv[2].split(), sys.argv[3].split()
spec = json.load(open(path))
patch = spec["genesis"]["runtimeGenesis"]["patch"]
patch["validatorSet"]["validators"] = auras
patch["session"]["keys"] = [[a, a, {"aura": a, "grandpa": g}] for a, g in zip(auras, grans)]
spec["name"], spec["id"] = f"DIEM Testnet ({len(auras)} validators)", "diem_testnet"
json.dump(spec, open(path, "w"), indent=1)
PY
	"$NODE_BIN" build-spec --chain "$TESTNET_DIR/spec-plain.json" --raw 2>/dev/null >"$TESTNET_DIR/spec.json"

	for i in $(seq 0 $((n - 1))); do
		name="node$i"
		phrase="$(cat "$TESTNET_DIR/$name/secret")"
		"$NODE_BIN" key insert --base-path "$TESTNET_DIR/$name" --chain "$TESTNET_DIR/spec.json" \
			--scheme sr25519 --key-type aura --suri "$phrase"
		"$NODE_BIN" key insert --base-path "$TESTNET_DIR/$name" --chain "$TESTNET_DIR/spec.json" \
			--scheme ed25519 --key-type gran --suri "$phrase"
		"$NODE_BIN" key generate-node-key --file "$TESTNET_DIR/$name/node-key" 2>"$TESTNET_DIR/$name/peer-id"
		local args=(--chain "$TESTNET_DIR/spec.json" --base-path "$TESTNET_DIR/$name" --validator
			--name "$name" --node-key-file "$TESTNET_DIR/$name/node-key"
			--listen-addr "/ip4/127.0.0.1/tcp/$((P2P_BASE + i))"
			--rpc-port "$((RPC_BASE + i))" --prometheus-port "$((PROMETHEUS_BASE + i))"
			--no-mdns --no-telemetry)
		[ -z "$bootnode" ] || args+=(--bootnodes "$bootnode")
		nohup "$NODE_BIN" "${args[@]}" >"$TESTNET_DIR/logs/$name.log" 2>&1 &
		echo $! >"$TESTNET_DIR/pids/$name.pid"
		echo "started $name (pid $!): RPC ws://127.0.0.1:$((RPC_BASE + i)), log $TESTNET_DIR/logs/$name.log"
		if [ -z "$bootnode" ]; then
			bootnode="/ip4/127.0.0.1/tcp/$P2P_BASE/p2p/$(tail -1 "$TESTNET_DIR/$name/peer-id")"
		fi
	done
	echo "testnet: $n validators; '$0 status' to watch, '$0 stop' to end"
}

status_network() {
	local file name pid port
	for file in "$TESTNET_DIR"/pids/*.pid; do
		[ -e "$file" ] || { echo "testnet: not running"; return 0; }
		name="$(basename "$file" .pid)"
		port=$((RPC_BASE + ${name#node}))
		if pid="$(our_pid "$name")"; then
			local finalized_hash finalized_hex
			finalized_hash="$(rpc "$port" chain_getFinalizedHead | sed -n 's/.*"result":"\(0x[0-9a-f]*\)".*/\1/p')"
			finalized_hex="$(rpc "$port" chain_getHeader "[\"$finalized_hash\"]" | sed -n 's/.*"number":"0x\([0-9a-fA-F]*\)".*/\1/p')"
			echo "$name pid $pid: best #$(block_number "$port" || echo '?'), finalized #$((16#${finalized_hex:-0}))"
		else
			echo "$name: not running"
		fi
	done
}

case "${1:-}" in
start) start_network "${2:-4}" ;;
stop) stop_network ;;
status) status_network ;;
*)
	echo "usage: $0 start [N] | status | stop" >&2
	exit 2
	;;
esac
