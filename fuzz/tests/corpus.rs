//! Replays the committed corpus (`fuzz/corpus/runtime`): every input the fuzzer kept, and every
//! crash it found once fixed, must run through without breaking an invariant. Seconds, not
//! hours: the search itself is `scripts/fuzz.sh`.

// Test code: a failed expectation should panic with its message.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use std::{fs, path::PathBuf};

fn corpus() -> Vec<PathBuf> {
	let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus/runtime");
	let mut files: Vec<PathBuf> = fs::read_dir(&dir)
		.unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
		.map(|entry| entry.expect("a corpus entry").path())
		.filter(|path| path.is_file())
		.collect();
	files.sort();
	files
}

#[test]
fn the_corpus_replays_without_breaking_an_invariant() {
	let files = corpus();
	assert!(!files.is_empty(), "the committed corpus is empty");
	let mut total = diem_runtime_fuzz::Summary::default();
	for file in &files {
		let input = fs::read(file).expect("a readable corpus file");
		// A panic names the broken invariant; the file names the input.
		eprintln!("replaying {}", file.display());
		let summary = diem_runtime_fuzz::run(&input);
		total.blocks += summary.blocks;
		total.included += summary.included;
		total.succeeded += summary.succeeded;
	}
	println!("{} inputs: {total:?}", files.len());
	// The corpus reaches the pallets: calls succeed (a harness that signed wrongly or ran out
	// of funds would replay nothing but refusals).
	assert!(total.succeeded > 0, "{total:?}");
}

/// The hand-written seeds each do what they are named for: every signed call in them goes
/// into a block, and most succeed.
#[test]
fn the_seeds_reach_their_calls() {
	for file in corpus().iter().filter(|file| file.to_string_lossy().contains("/seed-")) {
		let summary = diem_runtime_fuzz::run(&fs::read(file).expect("a seed"));
		println!("{}: {summary:?}", file.display());
		assert!(summary.succeeded > 0, "{}: {summary:?}", file.display());
	}
}

/// The harness itself checks what it claims: a chain that breaks an invariant fails the run. A
/// transfer into an account's free balance without issuance is such a break.
#[test]
#[should_panic(expected = "runtime fuzzer")]
fn a_broken_invariant_fails_the_run() {
	diem_runtime_fuzz::run_with(&[0], || {
		let alice = polkadot_sdk::sp_keyring::Sr25519Keyring::Alice.to_account_id();
		polkadot_sdk::frame_system::Account::<diem_runtime::Runtime>::mutate(&alice, |account| {
			account.data.free += 1;
		});
	});
}
