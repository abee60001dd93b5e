//! `scripts/testnet.sh` from the outside: `start 3` brings up three validators that finalize
//! blocks, `status` reports them, `stop` ends exactly those processes.

// Test code: a failed expectation should panic with its message.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use diem_test_utils::{free_port, node_binary};
use std::{
	path::{Path, PathBuf},
	process::{Command, Output},
	time::{Duration, Instant},
};

fn script() -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../scripts/testnet.sh")
}

/// Runs `testnet.sh <args>` on `dir`, with the node under test and ports from `base`.
fn testnet(dir: &Path, base: u16, args: &[&str]) -> Output {
	// lib.sh finds the node at $CARGO_TARGET_DIR/ci/diem-node.
	let target_dir = node_binary().parent().and_then(Path::parent).unwrap().to_path_buf();
	Command::new("bash")
		.arg(script())
		.args(args)
		.env("CARGO_TARGET_DIR", target_dir)
		.env("SKIP_BUILD", "1")
		.env("TESTNET_DIR", dir)
		.env("P2P_BASE", base.to_string())
		.env("RPC_BASE", (base + 10).to_string())
		.env("PROMETHEUS_BASE", (base + 20).to_string())
		.output()
		.expect("run scripts/testnet.sh")
}

fn text(output: &Output) -> String {
	format!(
		"{}{}",
		String::from_utf8_lossy(&output.stdout),
		String::from_utf8_lossy(&output.stderr)
	)
}

/// The finalized block of each node `status` lists.
fn finalized(status: &str) -> Vec<u64> {
	status
		.lines()
		.filter_map(|line| line.split("finalized #").nth(1))
		.filter_map(|n| n.trim().parse().ok())
		.collect()
}

fn running_nodes(dir: &Path) -> usize {
	let pattern = format!("--base-path {}/", dir.display());
	let output = Command::new("pgrep").args(["-f", "--", &pattern]).output().expect("pgrep");
	String::from_utf8_lossy(&output.stdout).lines().count()
}

#[test]
fn testnet_script_starts_three_validators_and_stops_exactly_them() {
	let dir = tempfile::tempdir().unwrap();
	let dir = dir.path().join("net");
	// Three consecutive ports from a free one (p2p), +10 RPC, +20 Prometheus.
	let base = free_port().min(60_000);

	let started = testnet(&dir, base, &["start", "3"]);
	assert!(started.status.success(), "start failed:\n{}", text(&started));

	let deadline = Instant::now() + Duration::from_secs(180);
	loop {
		let status = text(&testnet(&dir, base, &["status"]));
		let heights = finalized(&status);
		if heights.len() == 3 && heights.iter().all(|h| *h >= 2) {
			break;
		}
		if Instant::now() > deadline {
			let log = std::fs::read_to_string(dir.join("logs/node0.log")).unwrap_or_default();
			let _ = testnet(&dir, base, &["stop"]);
			panic!("three validators did not finalize #2:\n{status}\n--- node0 ---\n{log}");
		}
		std::thread::sleep(Duration::from_secs(2));
	}
	assert_eq!(running_nodes(&dir), 3);

	let stopped = testnet(&dir, base, &["stop"]);
	assert!(stopped.status.success(), "stop failed:\n{}", text(&stopped));
	assert_eq!(text(&stopped).matches("stopped node").count(), 3, "{}", text(&stopped));
	assert_eq!(running_nodes(&dir), 0, "nodes left running");
	assert!(text(&testnet(&dir, base, &["status"])).contains("not running"));
}
