#!/usr/bin/env bash
# Measures the figures the project reports (build times, test-suite time, binary size, dev node
# memory). Each subcommand prints one "measure:" line; run them on an idle machine.
#
#   scripts/measure.sh build-cold          # node + tests from scratch, in a fresh temporary
#                                          # target dir (~30 min on 2 cores; the persistent
#                                          # target dir is left alone)
#   scripts/measure.sh build-warm [FILE]   # rebuild after editing FILE (a pallet file by
#                                          # default; restored afterwards)
#   scripts/measure.sh tests               # wall time of scripts/test.sh
#   scripts/measure.sh size                # size of the diem-node binary
#   scripts/measure.sh memory [BLOCKS]     # RSS of a dev node after BLOCKS blocks (default 100)
#   scripts/measure.sh ci                  # CI from a fresh clone of HEAD with the warm
#                                          # dependency cache (the persistent target dir):
#                                          # wall time of .ci/run (goal: 15 minutes)
#   scripts/measure.sh first-run           # the README's first command on a fresh clone with
#                                          # an empty target dir: wall time until the dev chain
#                                          # has produced a block (goal: 40 minutes)
#   scripts/measure.sh goals               # ci, then first-run
#   scripts/measure.sh all                 # size, build-warm, tests, memory
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { s = b - a; printf "%dm%04.1fs (%.0f s)", s / 60, s % 60, s }'; }
fail() {
	echo "measure: $*" >&2
	exit 1
}

build_cold() {
	local dir
	dir="$(mktemp -d /tmp/diem-cold-target.XXXXXX)"
	trap 'rm -rf "$dir"' RETURN
	local start
	start="$(now)"
	CARGO_TARGET_DIR="$dir" build_node >/dev/null 2>"$dir.log" || fail "cold build failed, see $dir.log"
	echo "measure: cold build (cargo test --workspace --profile $PROFILE --no-run, empty target dir, $(nproc) cores): $(elapsed "$start")"
	rm -f "$dir.log"
}

build_warm() {
	local file="${1:-pallets/compute-staking/src/functions.rs}"
	[ -f "$file" ] || fail "no such file: $file"
	build_node >/dev/null 2>&1 || fail "build failed before editing $file"
	# A real edit (an appended comment), not just a new mtime, so incremental compilation cannot
	# skip the work; the file is restored afterwards.
	cp "$file" "$file.measure-backup"
	trap 'mv -f "'"$file"'.measure-backup" "'"$file"'"' EXIT
	printf '\n// warm-rebuild probe\n' >>"$file"
	local start
	start="$(now)"
	build_node >/dev/null 2>&1 || fail "rebuild failed"
	echo "measure: warm rebuild (node + tests) after editing $file: $(elapsed "$start")"
}

tests() {
	build_node >/dev/null 2>&1 || fail "build failed"
	local start
	start="$(now)"
	./scripts/test.sh >/tmp/diem-measure-tests.log 2>&1 || fail "tests failed, see /tmp/diem-measure-tests.log"
	local passed
	passed="$(grep -o '[0-9]* passed' /tmp/diem-measure-tests.log | awk '{ n += $1 } END { print n }')"
	echo "measure: test suite (scripts/test.sh, warm build, $passed tests): $(elapsed "$start")"
}

size() {
	build_node >/dev/null 2>&1 || fail "build failed"
	local bytes
	bytes="$(stat -c %s "$NODE_BIN")"
	echo "measure: diem-node binary ($PROFILE profile): $((bytes / 1024 / 1024)) MiB ($bytes bytes)"
}

memory() {
	local blocks="${1:-100}"
	build_node >/dev/null 2>&1 || fail "build failed"
	local rpc_port log
	rpc_port="$(free_port)"
	log="$(mktemp /tmp/diem-measure-node.XXXXXX.log)"
	start_dev_node "$log" "$rpc_port" --tmp --prometheus-port "$(free_port)"
	MEASURED_NODE_PID=$DEV_NODE_PID
	local pid=$MEASURED_NODE_PID
	# EXIT, not RETURN: `fail` exits the script and must not leave the node running.
	trap 'kill "$MEASURED_NODE_PID" 2>/dev/null; wait "$MEASURED_NODE_PID" 2>/dev/null || true' EXIT
	# 6-second blocks, plus start-up slack.
	local deadline=$(($(date +%s) + blocks * 6 + 120)) best=0
	while [ "$best" -lt "$blocks" ]; do
		kill -0 "$pid" 2>/dev/null || fail "node exited early, see $log"
		[ "$(date +%s)" -lt "$deadline" ] || fail "node at block $best, not $blocks, by the deadline; see $log"
		sleep 5
		best="$(block_number "$rpc_port" 2>/dev/null || echo 0)"
	done
	local rss peak
	rss="$(awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$pid/status")"
	peak="$(awk '/^VmHWM/ { print int($2 / 1024) }' "/proc/$pid/status")"
	echo "measure: dev node (--dev --tmp) after $best blocks: RSS $rss MiB (peak $peak MiB)"
	rm -f "$log"
}

# A clone of HEAD in a temporary directory (the committed tree, nothing of the working tree).
fresh_clone() {
	local dir
	dir="$(mktemp -d /tmp/diem-measure-clone.XXXXXX)"
	git clone --quiet "$REPO_ROOT" "$dir/repo" || fail "git clone failed"
	echo "$dir"
}

ci_run() {
	local dir start
	dir="$(fresh_clone)"
	trap 'rm -rf "'"$dir"'"' RETURN
	start="$(now)"
	(cd "$dir/repo" && ./.ci/run) >"$dir/ci.log" 2>&1 || {
		cp "$dir/ci.log" /tmp/diem-measure-ci.log
		fail "CI failed after $(elapsed "$start"), see /tmp/diem-measure-ci.log"
	}
	echo "measure: CI from a fresh clone, warm dependency cache ($CARGO_TARGET_DIR): $(elapsed "$start")"
	tail -1 "$dir/ci.log"
}

first_run() {
	local dir start port pid best=0
	dir="$(fresh_clone)"
	port="$(free_port)"
	start="$(now)"
	# An empty target dir: every crate is compiled, as on a fresh machine whose packages
	# (protoc, clang, Chromium, the npm and Python packages) setup.sh finds or installs.
	(cd "$dir/repo" && CARGO_TARGET_DIR="$dir/target" DIEM_WEB_PORT="$(free_port)" \
		./scripts/dev-node.sh --rpc-port "$port" --no-prometheus) >"$dir/run.log" 2>&1 &
	pid=$!
	MEASURED_RUN_PID=$pid
	MEASURED_RUN_DIR=$dir
	# Job control is on (the caller's `set -m`): the job is its own process group, so this stops
	# dev-node.sh, the node and the app's server together.
	trap 'kill -- -"$MEASURED_RUN_PID" 2>/dev/null; sleep 2; rm -rf "$MEASURED_RUN_DIR"' EXIT
	while [ "$best" -lt 1 ]; do
		kill -0 "$pid" 2>/dev/null || { cp "$dir/run.log" /tmp/diem-measure-first-run.log; fail "dev-node.sh exited, see /tmp/diem-measure-first-run.log"; }
		sleep 10
		best="$(block_number "$port" 2>/dev/null || echo 0)"
	done
	echo "measure: README's first command (scripts/dev-node.sh) on a fresh clone, empty target dir, $(nproc) cores, until block #1: $(elapsed "$start")"
}

case "${1:-}" in
build-cold) build_cold ;;
build-warm) build_warm "${2:-}" ;;
tests) tests ;;
size) size ;;
memory) memory "${2:-}" ;;
ci) ci_run ;;
first-run) (set -m; first_run) ;;
goals)
	ci_run
	(set -m; first_run)
	;;
all)
	size
	build_warm
	tests
	memory
	;;
*) fail "usage: $0 build-cold | build-warm [FILE] | tests | size | memory [BLOCKS] | ci | first-run | goals | all" ;;
esac
