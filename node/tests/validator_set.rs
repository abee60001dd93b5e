//! End to end: governance changes the validator set of a running network without a fork.
//!
//! Four validators (Alice..Dave, `local` chain, five-block sessions). Eve runs a fifth node
//! with `--validator` and an empty keystore. Through `diem-cli`, as a validator and governance
//! would: adding her is refused until she has keys; `validator rotate-keys` makes session keys
//! in her node's keystore (`author_rotateKeysWithOwner`) and registers them with their
//! ownership proof (`Session.set_keys`); `admin add-validator` (sudo, which this test's chain spec gives Alice) adds her. After the
//! session change she is in the active set (`ValidatorSetApi`), authors blocks, and GRANDPA goes
//! on with five voters. Then `admin remove-validator` removes Dave: once the change is active
//! he authors no block while the others go on finalizing.
//!
//! How long each change took to apply is printed (`scripts/test-network.sh` shows it).

// Test code: a failed expectation should panic with its message.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use codec::Decode;
use diem_test_utils::{finalized_number, hex, node_key, state_call, unhex, wait_for, Node};
use serde_json::Value;
use std::time::{Duration, Instant};
use subxt::rpcs::{rpc_params, RpcClient};
use subxt_signer::sr25519::{dev, Keypair};

const VALIDATORS: [&str; 4] = ["alice", "bob", "charlie", "dave"];
/// Blocks per session on this network (30 s): a change applies within two or three sessions.
const SESSION_LENGTH: u64 = 5;
/// Bound on any one wait: three sessions and a margin.
const PHASE: Duration = Duration::from_secs(240);

/// What `ValidatorSetApi_validator_set` returns (accounts as raw 32 bytes).
#[derive(Decode, Debug)]
struct ValidatorSetState {
	session: u32,
	active: Vec<[u8; 32]>,
	queued: Vec<[u8; 32]>,
	target: Vec<[u8; 32]>,
	session_length: u32,
	next_rotation: u32,
}

async fn validator_set(rpc: &RpcClient) -> ValidatorSetState {
	state_call(rpc, "ValidatorSetApi_validator_set", &[], None).await
}

/// The Aura key that authored block `hash`: the authority of its slot among its parent's
/// authorities (Aura's round robin).
async fn author(rpc: &RpcClient, hash: &str) -> [u8; 32] {
	let header: Value = rpc.request("chain_getHeader", rpc_params![hash]).await.unwrap();
	let parent = header["parentHash"].as_str().unwrap().to_string();
	let authorities: Vec<[u8; 32]> =
		state_call(rpc, "AuraApi_authorities", &[], Some(&parent)).await;
	let slot = diem_test_utils::aura_slot(rpc, hash).await;
	authorities[usize::try_from(slot % authorities.len() as u64).unwrap()]
}

/// The authors of blocks `from..=to` of the canonical chain.
async fn authors(rpc: &RpcClient, from: u64, to: u64) -> Vec<[u8; 32]> {
	let mut found = Vec::new();
	for number in from..=to {
		found.push(author(rpc, &diem_test_utils::block_hash(rpc, number).await).await);
	}
	found
}

/// `diem-cli --key <key> <args>` against `url`.
fn cli(url: &str, key: &str, args: &[&str]) -> (i32, Value) {
	diem_test_utils::diem_cli(url, Some(key), args)
}

#[tokio::test(flavor = "multi_thread")]
async fn governance_adds_and_removes_a_validator_on_a_running_network() {
	let dir = tempfile::tempdir().unwrap();
	// The local preset has no sudo; this network gives Alice the key, so that each change is
	// one call whose refusal comes back by name (referenda on the validator_admin track are
	// the runtime tests' and `gov` end-to-end test's subject).
	let alice_key = diem_test_utils::public_key("sr25519", "//Alice");
	let spec = diem_test_utils::dev_validators_spec(dir.path(), &VALIDATORS, |patch| {
		patch["validatorSet"]["sessionLength"] = SESSION_LENGTH.into();
		patch["sudo"]["key"] = alice_key.into();
	});
	let (mut nodes, rpcs, bootnode) = diem_test_utils::start_validators(&spec, &VALIDATORS).await;
	let alice_rpc = &rpcs[0];
	nodes[0].wait_finalized(alice_rpc, 2).await;

	let ids = |keys: &[Keypair]| keys.iter().map(|k| k.public_key().0).collect::<Vec<_>>();
	let genesis_set = ids(&[dev::alice(), dev::bob(), dev::charlie(), dev::dave()]);
	let state = validator_set(alice_rpc).await;
	assert_eq!(state.active, genesis_set, "{state:?}");
	assert_eq!(state.target, genesis_set, "{state:?}");
	assert_eq!(u64::from(state.session_length), SESSION_LENGTH, "{state:?}");
	assert_eq!(u64::from(state.next_rotation) % SESSION_LENGTH, 0, "{state:?}");

	// Eve: a fifth validator node with an empty keystore.
	let mut eve = Node::start(
		"eve",
		&["--chain", &spec, "--validator", "--node-key", &node_key(4), "--bootnodes", &bootnode],
	);
	let (eve_rpc, _) = eve.connect().await;
	let eve_id = dev::eve().public_key().0;
	let alice_url = nodes[0].ws_url();
	let eve_address =
		cli(&alice_url, "//Eve", &["address"]).1["account"].as_str().unwrap().to_string();

	// Adding her before she has registered keys is refused, by name.
	let (code, refused) = cli(&alice_url, "//Alice", &["admin", "add-validator", &eve_address]);
	assert_eq!((code, &refused["error"]["name"]), (1, &Value::from("NoSessionKeys")), "{refused}");

	// `diem-cli validator rotate-keys` on her own node: keys made in its keystore, registered
	// with their ownership proof (`Session.set_keys`) from her account.
	let (code, rotated) = cli(&eve.ws_url(), "//Eve", &["validator", "rotate-keys"]);
	assert_eq!(code, 0, "{rotated}");
	let keys = unhex(rotated["keys"].as_str().expect("keys"));
	// `SessionKeys { aura: sr25519, grandpa: ed25519 }`, 32 bytes each.
	assert_eq!(keys.len(), 64, "{rotated}");
	let eve_aura: [u8; 32] = keys[..32].try_into().unwrap();
	let has_keys: bool = eve_rpc
		.request("author_hasSessionKeys", rpc_params![hex(&keys)])
		.await
		.expect("author_hasSessionKeys");
	assert!(has_keys, "eve's keystore lacks the keys it registered");

	let requested = Instant::now();
	let (code, added) = cli(&alice_url, "//Alice", &["admin", "add-validator", &eve_address]);
	assert_eq!(code, 0, "{added}");
	let (_, shown) = cli(&alice_url, "//Alice", &["validator", "set"]);
	assert!(
		shown["target"].as_array().unwrap().contains(&Value::from(eve_address.clone())),
		"{shown}"
	);
	let state = validator_set(alice_rpc).await;
	assert!(state.target.contains(&eve_id), "eve not in the target set: {state:?}");
	assert!(!state.active.contains(&eve_id), "eve active before a session change: {state:?}");

	let active = wait_for(&nodes[0], PHASE, "eve in the active set", || async {
		let state = validator_set(alice_rpc).await;
		state.active.contains(&eve_id).then_some(state)
	})
	.await;
	println!(
		"validator added: active from session {} ({:.1} s after the sudo call was submitted)",
		active.session,
		requested.elapsed().as_secs_f64()
	);
	assert_eq!(active.active.len(), 5, "{active:?}");

	// She authors: one of the next blocks is hers (five validators take turns).
	let from = diem_test_utils::best_number(alice_rpc).await.unwrap();
	let eve_block = wait_for(&nodes[0], PHASE, "a block authored by eve", || async {
		let best = diem_test_utils::best_number(alice_rpc).await.ok()?;
		let authors = authors(alice_rpc, from, best).await;
		authors.iter().position(|a| *a == eve_aura).map(|i| from + i as u64)
	})
	.await;
	println!(
		"validator added: authored block #{eve_block} {:.1} s after the sudo call was submitted",
		requested.elapsed().as_secs_f64()
	);
	// And her block is finalized by the five voters.
	nodes[0].wait_finalized(alice_rpc, eve_block).await;

	// Remove Dave: after the change he authors nothing, and finality goes on.
	let dave_id = dev::dave().public_key().0;
	let removed = Instant::now();
	let (code, result) = cli(&alice_url, "//Alice", &["admin", "remove-validator", "//Dave"]);
	assert_eq!(code, 0, "{result}");
	let without_dave = wait_for(&nodes[0], PHASE, "dave out of the active set", || async {
		let state = validator_set(alice_rpc).await;
		(!state.active.contains(&dave_id)).then_some(state)
	})
	.await;
	println!(
		"validator removed: inactive from session {} ({:.1} s after the sudo call was submitted)",
		without_dave.session,
		removed.elapsed().as_secs_f64()
	);
	assert_eq!(without_dave.active.len(), 4, "{without_dave:?}");
	assert!(without_dave.queued.iter().all(|v| *v != dave_id), "{without_dave:?}");
	// The Aura key Dave authored with is his sr25519 dev key, the same bytes as his account.
	let first = diem_test_utils::best_number(alice_rpc).await.unwrap() + 1;
	let finalized_before = finalized_number(alice_rpc).await.unwrap();
	let last = first + 2 * SESSION_LENGTH;
	nodes[0].wait_finalized(alice_rpc, last).await;
	let authored = authors(alice_rpc, first, last).await;
	assert!(!authored.contains(&dave_id), "dave authored after his removal: {authored:?}");
	assert!(authored.contains(&eve_aura), "eve stopped authoring: {authored:?}");
	println!(
		"after the removal: blocks #{first}..=#{last} authored by the four others, finalized #{finalized_before} -> #{}",
		finalized_number(alice_rpc).await.unwrap()
	);

	drop((rpcs, eve_rpc));
	assert!(eve.stop().success(), "eve did not stop cleanly");
	for node in nodes.iter_mut() {
		assert!(node.stop().success(), "{} did not shut down cleanly", node.name);
	}
}
