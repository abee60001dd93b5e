//! End to end: a dev node holds under abuse, on loopback and within time limits.
//!
//! - Garbage and oversized input to `author_submitExtrinsic`, `state_call` and
//!   `state_getStorage` gets an error back, and the node keeps producing and finalizing.
//! - A flood of invalid transactions (bad signatures, stale nonces, fees nobody can pay) beside
//!   a stream of valid ones: every invalid one is refused at the door, every valid one is
//!   finalized, the pool holds only the valid ones, and memory stays bounded.
//! - The node's own RPC limits: a client over `--rpc-max-connections` is refused while the
//!   others are served, and calls over `--rpc-rate-limit` are refused on that connection only.
//! - A node with a persistent database killed with SIGKILL under load restarts, keeps every
//!   finalized block and goes on; `export-blocks` then `import-blocks` into a fresh database
//!   reproduces the same state (`export-state` of both is identical).
//!
//! The four tests start their own nodes and run concurrently.

// Test code: a failed expectation should panic with its message.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use codec::Encode;
use diem_runtime::{signing::SigningContext, RuntimeCall};
use diem_test_utils::{block_hash, finalized_number, hex, node_binary, state_call, wait_for, Node};
use polkadot_sdk::{
	pallet_balances,
	sp_core::{sr25519, Pair, H256},
	sp_keyring::Sr25519Keyring,
};
use serde_json::{json, Value};
use std::{process::Command, time::Duration};
use subxt::rpcs::{rpc_params, RpcClient};

const HASH: u128 = 1_000_000_000_000;
const LIMIT: Duration = Duration::from_secs(180);

/// A fresh RPC connection to `node`, retried until the node answers (a connection is only held
/// while a test uses it, which matters under `--rpc-max-connections`).
async fn rpc_client(node: &Node) -> RpcClient {
	wait_for(node, LIMIT, "RPC", || async {
		let rpc = RpcClient::from_insecure_url(node.ws_url()).await.ok()?;
		rpc.request::<Value>("system_health", rpc_params![]).await.ok()?;
		Some(rpc)
	})
	.await
}

async fn genesis(rpc: &RpcClient) -> H256 {
	let hash = block_hash(rpc, 0).await;
	H256::from_slice(&diem_test_utils::unhex(&hash))
}

fn transfer(to: &Sr25519Keyring, value: u128) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: to.to_account_id().into(),
		value,
	})
}

async fn submit(rpc: &RpcClient, extrinsic: &[u8]) -> Result<Value, String> {
	rpc.request::<Value>("author_submitExtrinsic", rpc_params![hex(extrinsic)])
		.await
		.map_err(|e| e.to_string())
}

/// `who`'s nonce in the state of the finalized head.
async fn finalized_nonce(rpc: &RpcClient, who: &Sr25519Keyring) -> u32 {
	let head: String = rpc.request("chain_getFinalizedHead", rpc_params![]).await.expect("head");
	state_call(rpc, "AccountNonceApi_account_nonce", &who.to_account_id().encode(), Some(&head))
		.await
}

async fn pool_size(rpc: &RpcClient) -> usize {
	let pending: Vec<Value> =
		rpc.request("author_pendingExtrinsics", rpc_params![]).await.expect("pending");
	pending.len()
}

#[tokio::test(flavor = "multi_thread")]
async fn garbage_and_oversized_rpc_input_is_refused_and_the_chain_goes_on() {
	let mut node = Node::start("garbage", &["--dev"]);
	let rpc = rpc_client(&node).await;
	let start = node.wait_finalized(&rpc, 1).await;

	// Above the 5 MiB block length, below the RPC server's 15 MiB request limit.
	let oversized = hex(&vec![0xab; 6 * 1024 * 1024]);
	let cases: Vec<(&str, Value)> = vec![
		("author_submitExtrinsic", json!(["0x"])),
		("author_submitExtrinsic", json!(["0x00"])),
		("author_submitExtrinsic", json!(["0xdeadbeef"])),
		("author_submitExtrinsic", json!(["not hex at all"])),
		("author_submitExtrinsic", json!([12345])),
		("author_submitExtrinsic", json!([oversized])),
		("state_call", json!(["NoSuchApi_no_such_function", "0x"])),
		("state_call", json!(["DiemApi_mint_quote", "0xff"])),
		("state_call", json!(["Core_version", "zz"])),
		("state_call", json!(["Core_execute_block", oversized])),
		("state_getStorage", json!(["zz"])),
		("state_getStorage", json!([42])),
		("state_getStorage", json!(["0x00", "0x1234"])),
		("state_getStorage", json!(["0x00", format!("0x{}", "11".repeat(32))])),
	];
	for (method, params) in cases {
		// A fresh connection each: the server may close one after a bad request.
		let client = rpc_client(&node).await;
		let mut rpc_params = subxt::rpcs::client::RpcParams::new();
		for param in params.as_array().expect("a parameter list") {
			rpc_params.push(param).expect("a JSON parameter");
		}
		let answer = client.request::<Value>(method, rpc_params).await;
		assert!(answer.is_err(), "{method} accepted garbage: {answer:?}");
	}
	// The node is still there, producing and finalizing.
	node.wait_finalized(&rpc, start + 3).await;
	assert!(node.stop().success(), "the node did not stop cleanly");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_flood_of_invalid_transactions_does_not_crowd_out_valid_ones() {
	const VALID: u32 = 40;
	const INVALID_EACH: usize = 150;
	let mut node = Node::start("flood", &["--dev"]);
	let rpc = rpc_client(&node).await;
	node.wait_finalized(&rpc, 1).await;
	let context = SigningContext::new(genesis(&rpc).await);
	let rss_before = node.resident_kib().expect("the node's memory");

	// Bob's first transfer makes nonce 0 stale for the rest of the test.
	let bob = Sr25519Keyring::Bob;
	let first = context.sign(&bob.pair(), 0, transfer(&Sr25519Keyring::Dave, HASH));
	submit(&rpc, &first.encode()).await.expect("Bob's first transfer");
	wait_for(&node, LIMIT, "Bob's first transfer finalized", || async {
		(finalized_nonce(&rpc, &bob).await >= 1).then_some(())
	})
	.await;

	let alice = Sr25519Keyring::Alice;
	let (mut refused, mut valid_sent) = (0usize, 0u32);
	for round in 0..INVALID_EACH {
		let value = HASH + round as u128;
		// A signature over other bytes.
		let mut forged = context.sign(&Sr25519Keyring::Charlie.pair(), 0, transfer(&bob, value));
		if let polkadot_sdk::sp_runtime::generic::Preamble::Signed(_, ref mut signature, _) =
			forged.preamble
		{
			*signature = Sr25519Keyring::Eve.pair().sign(b"something else").into();
		}
		// A nonce already used.
		let stale = context.sign(&bob.pair(), 0, transfer(&Sr25519Keyring::Dave, value));
		// An account with nothing to pay fees with.
		let seed = polkadot_sdk::sp_io::hashing::blake2_256(&(b"pauper", round as u64).encode());
		let pauper = context.sign(&sr25519::Pair::from_seed(&seed), 0, transfer(&bob, value));
		for invalid in [forged.encode(), stale.encode(), pauper.encode()] {
			match submit(&rpc, &invalid).await {
				Err(_) => refused += 1,
				Ok(hash) => node.fail(format!("an invalid transaction was accepted: {hash}")),
			}
		}
		// The valid stream, interleaved.
		if round % (INVALID_EACH / VALID as usize) == 0 && valid_sent < VALID {
			let valid = context.sign(&alice.pair(), valid_sent, transfer(&bob, HASH));
			submit(&rpc, &valid.encode()).await.expect("a valid transfer");
			valid_sent += 1;
		}
		assert!(pool_size(&rpc).await <= VALID as usize, "invalid transactions in the pool");
	}
	while valid_sent < VALID {
		let valid = context.sign(&alice.pair(), valid_sent, transfer(&bob, HASH));
		submit(&rpc, &valid.encode()).await.expect("a valid transfer");
		valid_sent += 1;
	}
	assert_eq!(refused, 3 * INVALID_EACH);
	wait_for(&node, LIMIT, "every valid transfer finalized", || async {
		(finalized_nonce(&rpc, &alice).await == VALID).then_some(())
	})
	.await;
	assert_eq!(pool_size(&rpc).await, 0, "the pool did not drain");
	let rss_after = node.resident_kib().expect("the node's memory");
	println!("flood: {refused} invalid refused, {VALID} valid finalized, RSS {rss_before} -> {rss_after} KiB");
	assert!(
		rss_after < rss_before + 256 * 1024,
		"memory grew from {rss_before} to {rss_after} KiB"
	);
	assert!(node.stop().success(), "the node did not stop cleanly");
}

#[tokio::test(flavor = "multi_thread")]
async fn rpc_connection_and_rate_limits_refuse_only_the_client_over_them() {
	let node =
		Node::start("limits", &["--dev", "--rpc-max-connections", "3", "--rpc-rate-limit", "30"]);
	let first = rpc_client(&node).await;
	let second = rpc_client(&node).await;
	let third = rpc_client(&node).await;
	// A fourth connection is over the limit.
	let fourth = match RpcClient::from_insecure_url(node.ws_url()).await {
		Ok(client) => client.request::<Value>("system_health", rpc_params![]).await.is_err(),
		Err(_) => true,
	};
	assert!(fourth, "a fourth connection was served with --rpc-max-connections 3");
	for client in [&first, &second, &third] {
		client.request::<Value>("system_health", rpc_params![]).await.expect("served");
	}
	drop(third);

	// 30 calls a minute per connection: a burst of 100 on one is cut short, the others served.
	let burst = (0..100).map(|_| first.request::<Value>("system_health", rpc_params![]));
	let answers = futures::future::join_all(burst).await;
	let limited = answers.iter().filter(|answer| answer.is_err()).count();
	println!("rate limit: {limited} of 100 burst calls refused");
	assert!(limited > 0, "no call of the burst was refused with --rpc-rate-limit 30");
	second.request::<Value>("system_health", rpc_params![]).await.expect("the other client");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_node_killed_under_load_keeps_its_finalized_blocks_and_exports_the_same_state() {
	const LOAD: u32 = 6_000;
	let mut node = Node::start("crash", &["--dev"]);
	let rpc = rpc_client(&node).await;
	node.wait_finalized(&rpc, 2).await;
	let context = SigningContext::new(genesis(&rpc).await);
	// More transfers than a block holds, from four senders.
	let senders =
		[Sr25519Keyring::Alice, Sr25519Keyring::Charlie, Sr25519Keyring::Dave, Sr25519Keyring::Eve];
	for nonce in 0..LOAD / 4 {
		for sender in &senders {
			let call = transfer(&Sr25519Keyring::Bob, HASH);
			let extrinsic = context.sign(&sender.pair(), nonce, call);
			submit(&rpc, &extrinsic.encode()).await.expect("a transfer of the load");
		}
	}
	// Killed while full blocks are being built and finalized.
	let loaded_from = diem_test_utils::best_number(&rpc).await.unwrap();
	wait_for(&node, LIMIT, "a block of the load", || async {
		(diem_test_utils::best_number(&rpc).await.ok()? > loaded_from).then_some(())
	})
	.await;
	let finalized = finalized_number(&rpc).await.unwrap();
	let hash = block_hash(&rpc, finalized).await;
	println!(
		"killed at finalized #{finalized} with {} transactions pending",
		pool_size(&rpc).await
	);
	drop(rpc);

	node.kill9();
	node.restart();
	let rpc = rpc_client(&node).await;
	assert!(finalized_number(&rpc).await.unwrap() >= finalized, "finality went back");
	assert_eq!(block_hash(&rpc, finalized).await, hash, "a finalized block changed");
	let last = node.wait_finalized(&rpc, finalized + 3).await;
	drop(rpc);
	assert!(node.stop().success(), "the restarted node did not stop cleanly");

	// Export the finalized chain, import it into a fresh database: the same state.
	let work = tempfile::tempdir().expect("a temporary directory");
	let blocks = work.path().join("blocks.bin");
	let base = node.base_path();
	let run = |args: &[&str]| {
		let output = Command::new(node_binary()).args(args).output().expect("run diem-node");
		assert!(
			output.status.success(),
			"diem-node {args:?}: {}",
			String::from_utf8_lossy(&output.stderr)
		);
		output.stdout
	};
	let base_arg = base.to_str().expect("utf-8 path");
	let fresh = work.path().join("fresh");
	let fresh_arg = fresh.to_str().expect("utf-8 path");
	let last_arg = last.to_string();
	let blocks_arg = blocks.to_str().expect("utf-8 path");
	run(&[
		"export-blocks",
		"--dev",
		"--base-path",
		base_arg,
		"--to",
		&last_arg,
		"--binary",
		blocks_arg,
	]);
	run(&["import-blocks", "--dev", "--base-path", fresh_arg, "--binary", blocks_arg]);
	let original = run(&["export-state", "--dev", "--base-path", base_arg, &last_arg]);
	let imported = run(&["export-state", "--dev", "--base-path", fresh_arg, &last_arg]);
	assert!(!original.is_empty());
	assert!(original == imported, "the imported chain's state at #{last} differs");
}
