//! End to end: a four-validator network (Alice, Bob, Charlie, Dave on the `local` chain, on
//! loopback) survives faults. One validator down: blocks are still finalized. Two down:
//! finality stalls (GRANDPA needs more than 2/3 of the votes) while blocks are still produced.
//! Both back on their databases: finality catches up to the head. A validator killed with
//! SIGKILL while importing restarts on its database and catches up, reporting no corruption.
//!
//! Each recovery's duration is printed (`scripts/test-network.sh` shows them).

// Test code: a failed expectation should panic with its message.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

mod common;

use common::{best_number, finalized_number, node_binary, Node};
use serde_json::Value;
use std::{
	path::Path,
	process::Command,
	time::{Duration, Instant},
};
use subxt::rpcs::{rpc_params, RpcClient};

const VALIDATORS: [&str; 4] = ["alice", "bob", "charlie", "dave"];
/// How long any single phase may take (6 s slots; with two of four validators down, a block
/// every 12 s on average).
const PHASE: Duration = Duration::from_secs(180);

/// A validator's public key in `scheme` as SS58 (`diem-node key inspect`).
fn public_key(scheme: &str, seed: &str) -> String {
	let output = Command::new(node_binary())
		.args(["key", "inspect", "--scheme", scheme, "--output-type", "json", seed])
		.output()
		.expect("diem-node key inspect");
	let json: Value = serde_json::from_slice(&output.stdout).expect("key inspect JSON");
	json["ss58PublicKey"].as_str().expect("ss58PublicKey").to_string()
}

/// The `local` chain spec with the four dev validators as Aura and GRANDPA authorities.
fn four_validator_spec(dir: &Path) -> String {
	let seeds: Vec<String> =
		VALIDATORS.iter().map(|name| format!("//{}", capitalize(name))).collect();
	common::patched_spec(dir, "local", "four-validators", |patch| {
		patch["aura"]["authorities"] =
			seeds.iter().map(|seed| public_key("sr25519", seed)).collect();
		patch["grandpa"]["authorities"] =
			seeds.iter().map(|seed| serde_json::json!([public_key("ed25519", seed), 1])).collect();
	})
}

fn capitalize(name: &str) -> String {
	let mut chars = name.chars();
	chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
}

/// A fixed 32-byte ed25519 network secret, hex encoded (validators of a non-dev chain need one).
fn node_key(n: usize) -> String {
	format!("{:064x}", n + 1)
}

/// Polls `check` every half second until it returns `Some`, failing after [`PHASE`].
async fn wait_for<T, F, Fut>(node: &Node, what: &str, mut check: F) -> T
where
	F: FnMut() -> Fut,
	Fut: std::future::Future<Output = Option<T>>,
{
	let deadline = Instant::now() + PHASE;
	loop {
		if let Some(value) = check().await {
			return value;
		}
		if Instant::now() > deadline {
			node.fail(format!("{what}: not within {PHASE:?}"));
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

async fn heights(rpc: &RpcClient) -> Option<(u64, u64)> {
	Some((best_number(rpc).await.ok()?, finalized_number(rpc).await.ok()?))
}

async fn connect(node: &mut Node) -> RpcClient {
	node.connect().await.0
}

#[tokio::test(flavor = "multi_thread")]
async fn four_validators_survive_crashes_and_restarts() {
	let dir = tempfile::tempdir().unwrap();
	let spec = four_validator_spec(dir.path());

	// Alice first; the others find the network through her.
	let mut nodes: Vec<Node> = Vec::new();
	let start = |i: usize, bootnodes: &[String]| {
		let name = VALIDATORS[i];
		let mut args = vec!["--chain".to_string(), spec.clone(), format!("--{name}")];
		args.extend(["--node-key".to_string(), node_key(i)]);
		for bootnode in bootnodes {
			args.extend(["--bootnodes".to_string(), bootnode.clone()]);
		}
		let args: Vec<&str> = args.iter().map(String::as_str).collect();
		Node::start(name, &args)
	};
	nodes.push(start(0, &[]));
	let alice_rpc = connect(&mut nodes[0]).await;
	let peer_id: Value = alice_rpc.request("system_localPeerId", rpc_params![]).await.unwrap();
	let bootnode =
		format!("/ip4/127.0.0.1/tcp/{}/p2p/{}", nodes[0].p2p_port, peer_id.as_str().unwrap());
	for i in 1..VALIDATORS.len() {
		nodes.push(start(i, std::slice::from_ref(&bootnode)));
	}
	let mut rpcs = vec![alice_rpc];
	for node in nodes.iter_mut().skip(1) {
		rpcs.push(connect(node).await);
	}
	nodes[0].wait_finalized(&rpcs[0], 3).await;

	// One of four down: 3 of 4 votes still finalize.
	assert!(nodes[3].stop().success(), "dave did not stop cleanly");
	let (_, from) = heights(&rpcs[0]).await.unwrap();
	let started = Instant::now();
	nodes[0].wait_finalized(&rpcs[0], from + 3).await;
	println!(
		"one validator down: 3 more blocks finalized in {:.1} s",
		started.elapsed().as_secs_f64()
	);

	// Two down: finality stalls, blocks go on (Alice's and Bob's slots).
	assert!(nodes[2].stop().success(), "charlie did not stop cleanly");
	let (best_at_stall, finalized_at_stall) = heights(&rpcs[0]).await.unwrap();
	let alice = &rpcs[0];
	let (best, finalized) = wait_for(&nodes[0], "blocks with two validators down", || async move {
		heights(alice).await.filter(|(best, _)| *best >= best_at_stall + 4)
	})
	.await;
	// Votes already cast may finalize a block or two more; then it stops.
	assert!(
		finalized <= finalized_at_stall + 2,
		"finality went on with 2 of 4 validators: #{finalized_at_stall} -> #{finalized} (best #{best})"
	);
	println!(
		"two validators down: best #{best_at_stall} -> #{best}, finalized stayed at #{finalized}"
	);

	// Both back on their databases: finality catches up to the head.
	nodes[2].restart();
	nodes[3].restart();
	let restarted = Instant::now();
	let (head, _) = heights(&rpcs[0]).await.unwrap();
	let caught_up = wait_for(&nodes[0], "finality to catch up", || async move {
		heights(alice).await.map(|(_, f)| f).filter(|f| *f >= head)
	})
	.await;
	println!(
		"two validators restarted: finalized #{finalized} -> #{caught_up} (head at restart #{head}) in {:.1} s",
		restarted.elapsed().as_secs_f64()
	);

	// SIGKILL Bob right after he imported a block, restart him on the same database.
	let bob = &rpcs[1];
	let (seen, _) = heights(bob).await.unwrap();
	wait_for(&nodes[1], "a block to import", || async move {
		heights(bob).await.filter(|(best, _)| *best > seen)
	})
	.await;
	nodes[1].kill9();
	let log_before = nodes[1].log().len();
	nodes[1].restart();
	let killed = Instant::now();
	let bob_rpc = connect(&mut nodes[1]).await;
	let (network_best, _) = heights(&rpcs[0]).await.unwrap();
	let bob_again = &bob_rpc;
	let bob_finalized = wait_for(&nodes[1], "bob to catch up after SIGKILL", || async move {
		heights(bob_again).await.map(|(_, f)| f).filter(|f| *f >= network_best)
	})
	.await;
	println!(
		"validator killed (SIGKILL) and restarted: finalized #{bob_finalized} (network head at restart #{network_best}) in {:.1} s",
		killed.elapsed().as_secs_f64()
	);
	let after_restart = nodes[1].log()[log_before..].to_lowercase();
	for bad in ["corrupt", "database error", "panicked"] {
		assert!(
			!after_restart.contains(bad),
			"bob's log after the restart mentions {bad:?}:\n{}",
			nodes[1].log_tail()
		);
	}

	// Everyone stops cleanly.
	drop((rpcs, bob_rpc));
	for node in nodes.iter_mut() {
		let status = node.stop();
		assert!(status.success(), "{} did not shut down cleanly: {status}", node.name);
	}
}
