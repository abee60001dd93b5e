//! `diem-loadgen` end to end: bad arguments are refused with a message, and a small load of
//! each kind on a real `diem-node --dev` is set up, submitted, finalized and counted.

// Test code: a failed expectation should panic with its message.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use diem_test_utils::{free_port, Node};
use std::{
	process::Command,
	time::{Duration, Instant},
};

const LOADGEN: &str = env!("CARGO_BIN_EXE_diem-loadgen");

#[test]
fn refuses_bad_arguments_with_a_message() {
	for (args, message) in [
		(&["run", "--loads", "teleport"][..], "unknown load"),
		(&["run", "--loads", "vouchers", "--voucher-batches", "0"][..], "not within"),
		(&["run", "--loads", "vouchers", "--voucher-batches", "100000"][..], "not within"),
		(&["run", "--accounts", "1"][..], "at least 2"),
	] {
		let output = Command::new(LOADGEN).args(args).output().expect("run diem-loadgen");
		let stderr = String::from_utf8_lossy(&output.stderr);
		assert!(!output.status.success(), "{args:?} succeeded");
		assert!(stderr.contains(message), "{args:?}: {stderr}");
	}
	// Nothing listens on this port: a clear connection error, not a hang or a panic.
	let url = format!("ws://127.0.0.1:{}", free_port());
	let output = Command::new(LOADGEN)
		.args(["run", "--url", &url, "--loads", "hash", "--wait", "2"])
		.output()
		.expect("run diem-loadgen");
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(!output.status.success());
	assert!(stderr.contains("cannot connect"), "{stderr}");
}

#[test]
fn measures_every_load_kind_on_a_dev_node() {
	let node = Node::start("loadgen", &["--dev"]);
	let results = node.base_path().with_file_name("results.jsonl");

	let started = Instant::now();
	let output = Command::new(LOADGEN)
		.args(["run", "--url", &node.ws_url()])
		.args(["--accounts", "8", "--blocks", "1", "--max-transactions", "24"])
		.args(["--voucher-batches", "4"])
		.args(["--node-pid", &node.pid().expect("the node runs").to_string()])
		.arg("--results")
		.arg(&results)
		.output()
		.expect("run diem-loadgen");
	let stdout = String::from_utf8_lossy(&output.stdout);
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(
		output.status.success(),
		"diem-loadgen failed after {:?}\nstdout:\n{stdout}\nstderr:\n{stderr}\nnode log tail:\n{}",
		started.elapsed(),
		node.log_tail()
	);
	assert!(started.elapsed() < Duration::from_secs(600));

	let lines: Vec<serde_json::Value> = std::fs::read_to_string(&results)
		.expect("results written")
		.lines()
		.map(|line| serde_json::from_str(line).expect("a JSON line"))
		.collect();
	let names: Vec<&str> = lines.iter().map(|l| l["load"].as_str().unwrap()).collect();
	assert_eq!(
		names,
		[
			"HASH transfer",
			"DIEM transfer",
			"DIEM pay with memo",
			"HASH/DIEM swap",
			"mint+burn pair",
			"voucher (batch 4)"
		]
	);
	for line in &lines {
		// Every load did its work, all of it counted from finalized blocks, none refused.
		assert!(line["units"].as_u64().unwrap() > 0, "{line}");
		assert_eq!(line["refused"].as_u64(), Some(0), "{line}");
		assert_eq!(line["failed"].as_u64(), Some(0), "{line}");
		assert!(line["first_block"].as_u64() <= line["last_block"].as_u64(), "{line}");
		assert!(line["per_second"].as_f64().unwrap() > 0.0, "{line}");
		assert!(line["weight_per_unit_us"].as_f64().unwrap() > 1.0, "{line}");
		assert!(line["node_rss_mib"].as_f64().unwrap() > 1.0, "{line}");
	}
	assert!(stdout.contains("HASH transfer"), "{stdout}");
}
