//! End to end: a runtime upgrade on a running four-validator network without sudo. A
//! referendum on the root track (through `diem-cli gov`) authorizes the next release of the
//! runtime (`System.authorize_upgrade` with its hash; the release is the same runtime built with
//! `spec_version` + 1 by `runtime/build.rs`), and once it is enacted anyone submits the code
//! (`System.apply_authorized_upgrade`); every validator then reports the new version, blocks go
//! on being produced and finalized, the state the upgrade must not touch is byte for byte the
//! same, and a transaction signed for the new version goes through.
//!
//! The time from the upgrade's finality to every node reporting the new version is printed
//! (`scripts/test-network.sh` shows it).

// Test code: a failed expectation should panic with its message.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use diem_test_utils::{best_number, finalized_number, hex, node_binary, submit, wait_for};
use serde_json::Value;
use std::{
	path::PathBuf,
	time::{Duration, Instant},
};
use subxt::{
	dynamic::{self, Value as Dyn},
	rpcs::{rpc_params, RpcClient},
};
use subxt_signer::sr25519::dev;

const VALIDATORS: [&str; 4] = ["alice", "bob", "charlie", "dave"];
const PHASE: Duration = Duration::from_secs(180);

/// The next release's wasm: `$DIEM_UPGRADE_WASM`, or the one the runtime's build script makes
/// beside the node's own (`<profile>/wbuild/diem-runtime/diem_runtime_next.compact.compressed.wasm`).
fn upgrade_wasm() -> Vec<u8> {
	let path = std::env::var_os("DIEM_UPGRADE_WASM").map(PathBuf::from).unwrap_or_else(|| {
		let profile = node_binary().parent().unwrap().to_path_buf();
		profile.join("wbuild/diem-runtime/diem_runtime_next.compact.compressed.wasm")
	});
	std::fs::read(&path).unwrap_or_else(|e| {
		panic!("{}: {e}; the workspace build (scripts/test.sh) makes it", path.display())
	})
}

async fn spec_version(rpc: &RpcClient, at: Option<&str>) -> u64 {
	let version: Value =
		rpc.request("state_getRuntimeVersion", rpc_params![at]).await.expect("runtime version");
	version["specVersion"].as_u64().expect("specVersion")
}

/// Raw storage values the upgrade must leave alone, at block `at`: idle HASH accounts, the DIEM
/// supply, the validator set, the credit stake.
async fn untouched_state(rpc: &RpcClient, at: &str) -> Vec<Option<String>> {
	use polkadot_sdk::sp_io::hashing::{blake2_128, twox_128};
	let plain = |pallet: &str, item: &str| {
		[twox_128(pallet.as_bytes()), twox_128(item.as_bytes())].concat()
	};
	let account = |who: [u8; 32]| {
		[plain("System", "Account"), blake2_128(&who).to_vec(), who.to_vec()].concat()
	};
	let keys = [
		account(dev::ferdie().public_key().0),
		account(dev::eve().public_key().0),
		plain("Diem", "Supply"),
		plain("ValidatorSet", "Validators"),
		plain("Session", "Validators"),
		plain("InferenceCredits", "TotalCreditStaked"),
	];
	let mut values = Vec::new();
	for key in keys {
		let value: Option<String> =
			rpc.request("state_getStorage", rpc_params![hex(&key), at]).await.expect("storage");
		values.push(value);
	}
	values
}

#[tokio::test(flavor = "multi_thread")]
async fn a_runtime_upgrade_on_a_running_network_keeps_blocks_and_state() {
	let wasm = upgrade_wasm();
	let dir = tempfile::tempdir().unwrap();
	let spec = diem_test_utils::dev_validators_spec(dir.path(), &VALIDATORS, |_| {});
	let (mut nodes, rpcs, _) = diem_test_utils::start_validators(&spec, &VALIDATORS).await;
	nodes[0].wait_finalized(&rpcs[0], 2).await;
	let (_, client) = nodes[0].connect().await;
	let alice = &rpcs[0];

	let old_version = spec_version(alice, None).await;
	let before_hash: String = alice.request("chain_getFinalizedHead", rpc_params![]).await.unwrap();
	let before = untouched_state(alice, &before_hash).await;
	assert!(before.iter().filter(|v| v.is_some()).count() >= 4, "{before:?}");

	// The chain has no sudo: a referendum on the root track authorizes the code's hash (a
	// call of a few bytes, kept inline in the proposal), and once it is enacted anyone may
	// submit the code itself, which `apply_authorized_upgrade` checks against that hash (and
	// against the spec name and version, as `set_code` does).
	let url = nodes[0].ws_url();
	let code_hash = polkadot_sdk::sp_io::hashing::blake2_256(&wasm);
	let authorize =
		dynamic::transaction("System", "authorize_upgrade", (Dyn::from_bytes(code_hash),));
	let at = client.at_current_block().await.unwrap();
	let call = at.transactions().call_data(&authorize).expect("authorize_upgrade encodes");
	let submitted = Instant::now();
	let (code, referendum) = diem_test_utils::diem_cli(
		&url,
		Some("//Alice"),
		&["gov", "submit", &hex(&call), "--track", "root"],
	);
	assert_eq!(code, 0, "{referendum}");
	assert_eq!(referendum["call"], "System.authorize_upgrade", "{referendum}");
	let index = referendum["index"].as_u64().expect("a referendum index").to_string();
	let (code, voted) = diem_test_utils::diem_cli(
		&url,
		Some("//Alice"),
		&["gov", "vote", &index, "aye", "--amount", "100000"],
	);
	assert_eq!(code, 0, "{voted}");
	wait_for(&nodes[0], PHASE, "the referendum approved", || async {
		let (_, status) = diem_test_utils::diem_cli(&url, None, &["gov", "status", &index]);
		(status["state"] == "approved").then_some(())
	})
	.await;
	let authorized_key = [
		polkadot_sdk::sp_io::hashing::twox_128(b"System"),
		polkadot_sdk::sp_io::hashing::twox_128(b"AuthorizedUpgrade"),
	]
	.concat();
	wait_for(&nodes[0], PHASE, "the upgrade authorized", || async {
		let value: Option<String> = alice
			.request("state_getStorage", rpc_params![hex(&authorized_key)])
			.await
			.expect("storage");
		value.map(|_| ())
	})
	.await;
	println!(
		"runtime upgrade: authorized by referendum #{index} {:.1} s after its submission",
		submitted.elapsed().as_secs_f64()
	);
	let apply =
		dynamic::transaction("System", "apply_authorized_upgrade", (Dyn::from_bytes(&wasm),));
	let events =
		submit(&nodes[0], &client, &dev::charlie(), &apply, "apply_authorized_upgrade", PHASE)
			.await;
	// Each event with its fields: a refused code says why (`RejectedInvalidAuthorizedUpgrade`).
	let shown: Vec<(String, String)> = events
		.iter()
		.map(|e| e.expect("event decodes"))
		.map(|e| {
			let fields = e
				.decode_fields_unchecked_as::<subxt::ext::scale_value::Composite<()>>()
				.map(|fields| fields.to_string())
				.unwrap_or_default();
			(format!("{}.{}", e.pallet_name(), e.event_name()), fields)
		})
		.collect();
	assert!(
		shown.iter().any(|(name, _)| name == "System.CodeUpdated"),
		"no CodeUpdated: {shown:?}"
	);
	let upgraded_at = best_number(alice).await.unwrap();
	let finalized_upgrade = Instant::now();
	println!(
		"runtime upgrade: the code ({} KiB of wasm) finalized {:.1} s after the referendum's submission",
		wasm.len() / 1024,
		submitted.elapsed().as_secs_f64()
	);

	// Every validator runs the new version, and goes on producing and finalizing blocks.
	for (node, rpc) in nodes.iter().zip(&rpcs) {
		wait_for(node, PHASE, "the new runtime version", || async {
			(spec_version(rpc, None).await == old_version + 1).then_some(())
		})
		.await;
	}
	println!(
		"runtime upgrade: spec_version {old_version} -> {} on all four validators {:.1} s after submission",
		old_version + 1,
		submitted.elapsed().as_secs_f64()
	);
	for (node, rpc) in nodes.iter_mut().zip(&rpcs) {
		node.wait_finalized(rpc, upgraded_at + 3).await;
		assert_eq!(spec_version(rpc, None).await, old_version + 1, "{}", node.name);
	}
	let finalized = finalized_number(alice).await.unwrap();
	println!(
		"runtime upgrade: blocks finalized past the upgrade (#{upgraded_at} -> #{finalized}) in {:.1} s",
		finalized_upgrade.elapsed().as_secs_f64()
	);

	// The state is intact, and the old version is still what the old blocks report.
	let after_hash: String = alice.request("chain_getFinalizedHead", rpc_params![]).await.unwrap();
	assert_eq!(untouched_state(alice, &after_hash).await, before, "state changed by the upgrade");
	assert_eq!(spec_version(alice, Some(&before_hash)).await, old_version);

	// The release changes no call, storage entry, event or runtime API, so the metadata the
	// wallet CLI was generated from still matches (constants' values are not part of that
	// check): diem-cli keeps working across the upgrade and sees the new version.
	let (code, info) = diem_test_utils::diem_cli(&nodes[0].ws_url(), None, &["info"]);
	assert_eq!((code, info["spec_version"].as_u64()), (0, Some(old_version + 1)), "{info}");

	// Wallets sign for the new version (subxt reads it from the chain) and it is accepted.
	let transfer = dynamic::transaction(
		"Balances",
		"transfer_keep_alive",
		(dev::ferdie().public_key().to_address::<()>(), 1_000_000_000_000u128),
	);
	submit(&nodes[0], &client, &dev::alice(), &transfer, "transfer after the upgrade", PHASE).await;

	drop(rpcs);
	for node in nodes.iter_mut() {
		assert!(node.stop().success(), "{} did not shut down cleanly", node.name);
	}
}
