#!/usr/bin/env bash
# Installs what a fresh Debian/Ubuntu machine with only rustup lacks to build diem-node:
# protoc (litep2p/libp2p protobufs), clang + libclang (bindgen in C-backed crates), and the
# toolchain + wasm target named by rust-toolchain.toml; and for the web app and its tests:
# Node.js and npm, Debian's Chromium (the browser tests drive it with playwright-core), the
# app's npm packages (`npm ci` in web/, from package-lock.json) and a Python virtualenv with
# py-substrate-interface for the Python example of docs/rpc.md. Safe to run again: every step
# checks first and does nothing when the thing is already there.
set -euo pipefail

cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }
fail() {
	printf '\nsetup failed: %s\n' "$*" >&2
	exit 1
}

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
	command -v sudo >/dev/null || fail "not root and no sudo: install protobuf-compiler clang libclang-dev by hand"
	SUDO="sudo"
fi

need_apt=()
command -v protoc >/dev/null || need_apt+=(protobuf-compiler)
command -v clang >/dev/null || need_apt+=(clang)
# libclang is found by bindgen through llvm-config or the usual library paths.
if ! ls /usr/lib/llvm-*/lib/libclang*.so* >/dev/null 2>&1 && ! ls /usr/lib/x86_64-linux-gnu/libclang*.so* >/dev/null 2>&1; then
	need_apt+=(libclang-dev)
fi
command -v pkg-config >/dev/null || need_apt+=(pkg-config)
[ -e /usr/include/openssl/ssl.h ] || need_apt+=(libssl-dev)
command -v make >/dev/null || need_apt+=(make)
# curl: the measurement scripts talk JSON-RPC to the node.
command -v curl >/dev/null || need_apt+=(curl ca-certificates)
# The web app: Node.js and npm build it; Chromium runs its browser tests.
command -v node >/dev/null || need_apt+=(nodejs)
command -v npm >/dev/null || need_apt+=(npm)
[ -x /usr/bin/chromium ] || need_apt+=(chromium fonts-dejavu-core)

if [ "${#need_apt[@]}" -gt 0 ]; then
	step "installing system packages: ${need_apt[*]}"
	command -v apt-get >/dev/null || fail "apt-get not found; install ${need_apt[*]} with your package manager"
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -qq || fail "apt-get update failed (is the package mirror reachable?)"
	$SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null ||
		fail "apt-get install ${need_apt[*]} failed"
else
	step "system packages present (protoc, clang, libclang)"
fi

command -v rustup >/dev/null || fail "rustup not found: install it from https://rustup.rs first"
step "rust toolchain and wasm target from rust-toolchain.toml"
# `rustup show` installs the channel, components and targets that rust-toolchain.toml names.
rustup show active-toolchain >/dev/null 2>&1 || rustup toolchain install >/dev/null ||
	fail "could not install the toolchain named in rust-toolchain.toml"
rustup show >/dev/null || fail "rustup could not install the toolchain/targets of rust-toolchain.toml"
rustup target list --installed | grep -qx wasm32v1-none ||
	rustup target add wasm32v1-none || fail "could not add the wasm32v1-none target"

# cargo-nextest runs the test suite (scripts/test.sh); the machine's toolchain usually has it.
if ! cargo nextest --version >/dev/null 2>&1; then
	step "installing cargo-nextest"
	cargo install --locked cargo-nextest >/dev/null || fail "cargo install cargo-nextest failed (is crates.io reachable?)"
fi

# The app's npm packages, exactly as package-lock.json pins them; again only when the lock file
# changed since the last install.
step "web app packages (npm ci in web/)"
if [ ! -f web/node_modules/.package-lock.json ] || ! cmp -s web/package-lock.json web/node_modules/.diem-installed-lock; then
	(cd web && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci in web/ failed (is the npm registry reachable?)"
	cp web/package-lock.json web/node_modules/.diem-installed-lock
fi

# py-substrate-interface for docs/examples/runtime_apis.py, in a virtualenv of its own.
VENV="${DIEM_VENV:-$HOME/.cache/diem-chain/venv}"
step "python example's packages (substrate-interface in $VENV)"
if ! "$VENV/bin/python" -c 'import substrateinterface' 2>/dev/null; then
	if ! python3 -m venv "$VENV" 2>/dev/null; then
		$SUDO apt-get install -y -qq --no-install-recommends python3-venv >/dev/null || fail "python3 -m venv needs python3-venv"
		python3 -m venv "$VENV" || fail "could not create $VENV"
	fi
	"$VENV/bin/pip" install -q substrate-interface==1.8.1 || fail "pip install substrate-interface failed (is PyPI reachable?)"
fi

step "setup done: protoc $(protoc --version | cut -d' ' -f2), $(clang --version | head -1), $(rustc --version), node $(node --version), $(/usr/bin/chromium --version 2>/dev/null | head -1)"
