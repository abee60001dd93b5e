//! `diem-cli` refuses bad input with a message and the documented exit code, without a node:
//! 2 for bad input, 3 when no node answers.

// Test code: a failed expectation should panic with its message.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use serde_json::Value as Json;
use std::process::Command;

/// A loopback URL nothing listens on.
fn dead_url() -> String {
	format!("ws://127.0.0.1:{}", diem_test_utils::free_port())
}

fn run(args: &[&str]) -> (i32, Json, String) {
	let output = Command::new(env!("CARGO_BIN_EXE_diem-cli"))
		.env_remove("DIEM_KEY")
		.args(["--url", &dead_url(), "--json"])
		.args(args)
		.output()
		.expect("run diem-cli");
	let stdout = String::from_utf8_lossy(&output.stdout);
	let json = serde_json::from_str(stdout.trim()).unwrap_or(Json::Null);
	(output.status.code().unwrap_or(-1), json, String::from_utf8_lossy(&output.stderr).into())
}

#[test]
fn bad_input_exits_2_with_the_reason() {
	let cases: [(&[&str], &str); 5] = [
		(
			&["--key", "//Alice", "diem", "transfer", "//Bob", "1.0000000000001"],
			"at most 12 decimals",
		),
		(&["--key", "//Alice", "diem", "transfer", "5Grwva", "1"], "not an SS58 address"),
		(&["diem", "burn", "1"], "give --key, --key-file or DIEM_KEY"),
		(&["--key-file", "/nonexistent/key", "address"], "cannot read key file"),
		(&["--key", "//Alice", "operator", "redeem", "/nonexistent/vouchers.txt"], "cannot read"),
	];
	for (args, reason) in cases {
		let (code, json, stderr) = run(args);
		assert_eq!(code, 2, "{args:?}: {stderr}");
		assert_eq!(json["error"]["kind"], "input", "{args:?}: {json}");
		assert!(stderr.contains(reason), "{args:?}: {stderr:?} lacks {reason:?}");
	}
}

#[test]
fn a_secret_is_never_echoed() {
	// A mnemonic with a bad checksum.
	let secret = "bottom drive obey lake curtain smoke basket hold race lonely fit fit";
	let (code, json, stderr) = run(&["--key", secret, "address"]);
	assert_eq!(code, 2, "{stderr}");
	assert!(!stderr.contains("bottom drive") && !json.to_string().contains("bottom drive"));
}

#[test]
fn no_node_exits_3() {
	let (code, json, stderr) = run(&["info"]);
	assert_eq!(code, 3, "{stderr}");
	assert_eq!(json["error"]["kind"], "connection", "{json}");
	assert!(stderr.contains("cannot connect"), "{stderr}");
}

#[test]
fn offline_commands_need_no_node() {
	let (code, json, stderr) = run(&["--key", "//Alice", "address"]);
	assert_eq!(code, 0, "{stderr}");
	assert_eq!(json["account"], "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
	let genesis = format!("0x{}", "ab".repeat(32));
	let args = [
		"--key",
		"//Bob",
		"credits",
		"sign-voucher",
		"--operator",
		"//Charlie",
		"--cumulative",
		"2",
		"--epoch",
		"7",
		"--genesis",
		&genesis,
	];
	let (code, json, stderr) = run(&args);
	assert_eq!(code, 0, "{stderr}");
	assert_eq!((json["epoch"].as_u64(), json["scheme"].as_str()), (Some(7), Some("sr25519")));
	assert!(json["voucher"].as_str().is_some_and(|v| v.starts_with("0x")), "{json}");
}

#[test]
fn a_closed_stdout_is_not_a_crash() {
	use std::process::Stdio;
	// `diem-cli ... | head -0`: the reader is gone before the command prints.
	let mut child = Command::new(env!("CARGO_BIN_EXE_diem-cli"))
		.args(["--key", "//Alice", "address"])
		.stdout(Stdio::piped())
		.stderr(Stdio::piped())
		.spawn()
		.expect("run diem-cli");
	drop(child.stdout.take());
	let output = child.wait_with_output().expect("wait for diem-cli");
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(!stderr.contains("panicked"), "{stderr}");
	assert_eq!(output.status.code(), Some(0), "{stderr}");
}
