#!/usr/bin/env bash
# The network end-to-end tests, with what they measure shown: a two-validator network
# (node/tests/local_network.rs), four validators surviving crashes and restarts
# (node/tests/network_faults.rs), governance adding and removing a validator
# (node/tests/validator_set.rs) and a runtime upgrade on a running network
# (node/tests/runtime_upgrade.rs); each prints how long its recoveries and changes took. All are
# also part of scripts/test.sh (quietly); this script runs only them and shows their output.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
# `--bin diem-cli`: validator_set and runtime_upgrade run the wallet CLI beside diem-node, and
# naming only tests would not build another package's binary.
cargo test --workspace --profile "$PROFILE" --locked --bin diem-cli --test network_faults \
	--test local_network --test validator_set --test runtime_upgrade -- --nocapture --test-threads 1
