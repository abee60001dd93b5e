//! End to end: a two-validator local network (Alice and Bob, `--chain local`) on loopback.
//! Both nodes author blocks in their Aura slots, and both import and finalize the same chain.

// Test code: a failed expectation should panic with its message.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use diem_test_utils::Node;
use serde_json::Value;
use std::collections::BTreeSet;
use subxt::rpcs::rpc_params;

/// Finalized height both nodes must reach. Finality needs both votes (2 of 2), so reaching it
/// proves the GRANDPA voters talk to each other.
const TARGET: u64 = 4;
/// Height by which both validators must have authored a finalized block.
const MAX_HEIGHT: u64 = 16;

#[tokio::test(flavor = "multi_thread")]
async fn alice_and_bob_author_and_finalize_the_same_blocks() {
	// Validators of a non-dev chain refuse to invent a network key (it must survive restarts),
	// so each gets a fixed one.
	let mut alice = Node::start(
		"alice",
		&["--chain", "local", "--alice", "--node-key", &diem_test_utils::node_key(0)],
	);
	let (alice_rpc, _alice_client) = alice.connect().await;
	let peer_id: Value =
		alice_rpc.request("system_localPeerId", rpc_params![]).await.expect("system_localPeerId");
	let peer_id = peer_id.as_str().expect("peer id string").to_string();
	let bootnode = format!("/ip4/127.0.0.1/tcp/{}/p2p/{peer_id}", alice.p2p_port);

	let mut bob = Node::start(
		"bob",
		&[
			"--chain",
			"local",
			"--bob",
			"--node-key",
			&diem_test_utils::node_key(1),
			"--bootnodes",
			&bootnode,
		],
	);
	let (bob_rpc, _bob_client) = bob.connect().await;

	// Alice authors alone until Bob is up, so the first blocks may all be hers. Follow the chain
	// until both have authored finalized blocks (bounded: each wait has a deadline, and the
	// height limit ends the loop).
	let mut target = TARGET;
	let mut slot_parities = BTreeSet::new();
	let mut checked = 0;
	while slot_parities.len() < 2 && target <= MAX_HEIGHT {
		alice.wait_finalized(&alice_rpc, target).await;
		bob.wait_finalized(&bob_rpc, target).await;
		for number in checked + 1..=target {
			let on_alice = diem_test_utils::block_hash(&alice_rpc, number).await;
			let on_bob = diem_test_utils::block_hash(&bob_rpc, number).await;
			assert_eq!(on_alice, on_bob, "nodes disagree on finalized block #{number}");
			// Authorities are [Alice, Bob]: even slots are Alice's, odd slots Bob's.
			slot_parities.insert(diem_test_utils::aura_slot(&alice_rpc, &on_alice).await % 2);
		}
		checked = target;
		target += 2;
	}
	assert_eq!(
		slot_parities.len(),
		2,
		"both validators authored finalized blocks up to #{checked}"
	);

	assert!(bob.stop().success(), "bob did not shut down cleanly");
	assert!(alice.stop().success(), "alice did not shut down cleanly");
}
