//! End to end: a four-validator network (Alice, Bob, Charlie, Dave on the `local` chain, on
//! loopback) survives faults. One validator down: blocks are still finalized. Two down:
//! finality stalls (GRANDPA needs more than 2/3 of the votes) while blocks are still produced.
//! Both back on their databases: finality catches up to the head. A validator killed with
//! SIGKILL while importing restarts on its database and catches up, reporting no corruption.
//!
//! Each recovery's duration is printed (`scripts/test-network.sh` shows them).

// Test code: a failed expectation should panic with its message.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use diem_test_utils::{best_number, finalized_number, wait_for, Node};
use std::time::{Duration, Instant};
use subxt::rpcs::RpcClient;

const VALIDATORS: [&str; 4] = ["alice", "bob", "charlie", "dave"];
/// How long any single phase may take (6 s slots; with two of four validators down, a block
/// every 12 s on average).
const PHASE: Duration = Duration::from_secs(180);

async fn heights(rpc: &RpcClient) -> Option<(u64, u64)> {
	Some((best_number(rpc).await.ok()?, finalized_number(rpc).await.ok()?))
}

async fn connect(node: &mut Node) -> RpcClient {
	node.connect().await.0
}

#[tokio::test(flavor = "multi_thread")]
async fn four_validators_survive_crashes_and_restarts() {
	let dir = tempfile::tempdir().unwrap();
	let spec = diem_test_utils::dev_validators_spec(dir.path(), &VALIDATORS, |_| {});
	let (mut nodes, rpcs, _) = diem_test_utils::start_validators(&spec, &VALIDATORS).await;
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
	let (best, finalized) =
		wait_for(&nodes[0], PHASE, "blocks with two validators down", || async move {
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
	let caught_up = wait_for(&nodes[0], PHASE, "finality to catch up", || async move {
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
	wait_for(&nodes[1], PHASE, "a block to import", || async move {
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
	let bob_finalized =
		wait_for(&nodes[1], PHASE, "bob to catch up after SIGKILL", || async move {
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
