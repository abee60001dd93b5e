//! The metadata diem-cli is generated from (`client/metadata/diem.scale`) must be this
//! runtime's: a stale file fails here with the command that regenerates it.

// Test code: a failed expectation should panic with its message.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use std::{path::PathBuf, process::Command};

fn artifact() -> PathBuf {
	PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../client/metadata/diem.scale")
}

fn check(path: &std::path::Path) -> std::process::Output {
	Command::new(env!("CARGO_BIN_EXE_diem-node"))
		.args(["export-metadata", "--check"])
		.arg(path)
		.output()
		.expect("run diem-node export-metadata")
}

#[test]
fn the_committed_client_metadata_is_this_runtimes() {
	let output = check(&artifact());
	assert!(
		output.status.success(),
		"{}{}",
		String::from_utf8_lossy(&output.stdout),
		String::from_utf8_lossy(&output.stderr)
	);
}

#[test]
fn a_stale_metadata_file_is_reported_with_the_fix() {
	let dir = tempfile::tempdir().expect("temporary directory");
	let stale = dir.path().join("diem.scale");
	let mut bytes = std::fs::read(artifact()).expect("read the artifact");
	let last = bytes.len() - 1;
	bytes[last] ^= 0xff;
	std::fs::write(&stale, &bytes).expect("write the stale copy");

	let output = check(&stale);
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(!output.status.success(), "a changed file passed the check");
	assert!(stderr.contains("scripts/metadata.sh"), "no fix in the message: {stderr}");

	// Writing regenerates exactly the runtime's metadata.
	let status = Command::new(env!("CARGO_BIN_EXE_diem-node"))
		.arg("export-metadata")
		.arg(&stale)
		.status()
		.expect("run diem-node export-metadata");
	assert!(status.success());
	assert!(check(&stale).status.success());
	assert_eq!(std::fs::read(&stale).unwrap(), std::fs::read(artifact()).unwrap());
}
