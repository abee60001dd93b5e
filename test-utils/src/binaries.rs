//! Finding the workspace's binaries and running `diem-cli`.

use serde_json::Value;
use std::{path::PathBuf, process::Command};

/// The `diem-node` binary: `$DIEM_NODE`, or the one in the test binary's profile directory
/// (`cargo test --workspace` builds it there).
pub fn node_binary() -> PathBuf {
	workspace_binary("diem-node", "DIEM_NODE")
}

/// A binary of the workspace: `$<env>` if set, else `<target>/<profile>/<name>` beside the
/// running test binary (`<target>/<profile>/deps/<test>`). Panics with what to do when absent.
pub fn workspace_binary(name: &str, env: &str) -> PathBuf {
	if let Some(path) = std::env::var_os(env) {
		return PathBuf::from(path);
	}
	let exe = std::env::current_exe().expect("test binary path");
	let path = exe.parent().and_then(|deps| deps.parent()).map(|dir| dir.join(name));
	match path {
		Some(path) if path.exists() => path,
		_ => panic!("no {name} beside {}: build the workspace or set {env}", exe.display()),
	}
}

/// Runs `diem-cli --json --url <url> [--key <key>] <args>` (the binary beside `diem-node`);
/// returns its exit code and JSON output.
pub fn diem_cli(url: &str, key: Option<&str>, args: &[&str]) -> (i32, Value) {
	let binary = workspace_binary("diem-cli", "DIEM_CLI");
	let mut command = Command::new(&binary);
	command.args(["--url", url, "--json"]).env_remove("DIEM_KEY").env_remove("DIEM_URL");
	if let Some(key) = key {
		command.args(["--key", key]);
	}
	let output =
		command.args(args).output().unwrap_or_else(|e| panic!("{}: {e}", binary.display()));
	let json = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
		panic!(
			"diem-cli {args:?}: output is not JSON ({e}); stderr: {}",
			String::from_utf8_lossy(&output.stderr)
		)
	});
	(output.status.code().unwrap_or(-1), json)
}
