#!/usr/bin/env bash
# The network end-to-end tests, with what they measure shown: a two-validator network
# (node/tests/local_network.rs) and four validators surviving crashes and restarts
# (node/tests/network_faults.rs), which prints how long each recovery took. Both are also part
# of scripts/test.sh (quietly); this script runs only them and shows their output.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
cargo test --workspace --profile "$PROFILE" --locked --test network_faults --test local_network \
	-- --nocapture --test-threads 1
