//! End to end: `diem-node --dev` produces and finalizes blocks, a signed HASH transfer from Alice
//! to Bob, submitted through subxt, is finalized with the right event and balances, and Bob
//! mints DIEM at the cost the runtime API quoted.

// Test code: a failed expectation should panic with its message.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use diem_test_utils::Node;
use scale_decode::DecodeAsType;
use std::time::Duration;
use subxt::dynamic;
use subxt_signer::sr25519::dev;

/// One HASH in base units (12 decimals).
const HASH: u128 = 1_000_000_000_000;

#[derive(Debug, DecodeAsType)]
struct AccountInfo {
	data: AccountData,
}

#[derive(Debug, DecodeAsType)]
struct AccountData {
	free: u128,
}

#[derive(Debug, DecodeAsType)]
struct Transfer {
	from: [u8; 32],
	to: [u8; 32],
	amount: u128,
}

#[derive(Debug, DecodeAsType)]
struct TransactionFeePaid {
	who: [u8; 32],
	actual_fee: u128,
	tip: u128,
}

async fn free_balance(
	client: &subxt::OnlineClient<subxt::PolkadotConfig>,
	at: subxt::config::polkadot::H256,
	who: [u8; 32],
) -> u128 {
	let at_block = client.at_block(at).await.expect("block client");
	let address = dynamic::storage::<([u8; 32],), AccountInfo>("System", "Account");
	let value = at_block.storage().fetch(address, (who,)).await.expect("System.Account");
	value.decode().expect("decode AccountInfo").data.free
}

#[tokio::test(flavor = "multi_thread")]
async fn dev_chain_finalizes_a_signed_transfer() {
	let mut node = Node::start("dev", &["--dev"]);
	let (rpc, client) = node.connect().await;

	// Blocks are produced and finalized (GRANDPA with one voter finalizes right behind Aura).
	node.wait_finalized(&rpc, 2).await;

	// Validators scrape these: the node exports its chain height to Prometheus.
	let metrics = node.metrics();
	assert!(
		metrics.contains("substrate_block_height{status=\"finalized\""),
		"no finalized block height in metrics:\n{}",
		&metrics[..metrics.len().min(2000)]
	);

	let (alice, bob) = (dev::alice(), dev::bob());
	let (alice_id, bob_id) = (alice.public_key().0, bob.public_key().0);

	let amount = 7 * HASH;
	let transfer = dynamic::transaction(
		"Balances",
		"transfer_keep_alive",
		(bob.public_key().to_address::<()>(), amount),
	);
	let (block, events) = diem_test_utils::submit_finalized(
		&node,
		&client,
		&alice,
		&transfer,
		"transfer",
		diem_test_utils::BLOCKS_TIMEOUT,
	)
	.await;

	let transfer_event = events
		.iter()
		.map(|event| event.expect("event decodes"))
		.find(|event| event.pallet_name() == "Balances" && event.event_name() == "Transfer")
		.expect("Balances.Transfer event")
		.decode_fields_unchecked_as::<Transfer>()
		.expect("Transfer fields");
	assert_eq!(transfer_event.from, alice_id);
	assert_eq!(transfer_event.to, bob_id);
	assert_eq!(transfer_event.amount, amount);

	let fee = events
		.iter()
		.map(|event| event.expect("event decodes"))
		.find(|event| {
			event.pallet_name() == "TransactionPayment"
				&& event.event_name() == "TransactionFeePaid"
		})
		.expect("TransactionPayment.TransactionFeePaid event")
		.decode_fields_unchecked_as::<TransactionFeePaid>()
		.expect("fee fields");
	assert_eq!(fee.who, alice_id);
	assert_eq!(fee.tip, 0);
	assert!(fee.actual_fee > 0, "transfers are not free");

	// Balances just before and right after the block that included the transfer. Nothing else
	// on the dev chain moves Alice's or Bob's HASH.
	let parent = client
		.at_block(block)
		.await
		.expect("block")
		.block_header()
		.await
		.expect("header")
		.parent_hash;
	let alice_before = free_balance(&client, parent, alice_id).await;
	let bob_before = free_balance(&client, parent, bob_id).await;
	assert_eq!(free_balance(&client, block, bob_id).await, bob_before + amount);
	assert_eq!(
		free_balance(&client, block, alice_id).await,
		alice_before - amount - fee.actual_fee
	);

	drop(client);
	drop(rpc);
	tokio::time::sleep(Duration::from_millis(100)).await;
	let status = node.stop();
	assert!(status.success(), "node did not shut down cleanly: {status}");
}

/// One DIEM in base units (12 decimals).
const DIEM: u128 = 1_000_000_000_000;

/// Calls a runtime API at `at` with SCALE-encoded `args` and decodes the answer.
async fn runtime_api<R: codec::Decode>(
	client: &subxt::OnlineClient<subxt::PolkadotConfig>,
	at: subxt::config::polkadot::H256,
	function: &str,
	args: &[u8],
) -> R {
	let at_block = client.at_block(at).await.expect("block client");
	let bytes = at_block.runtime_apis().call_raw(function, Some(args)).await.expect(function);
	R::decode(&mut &bytes[..]).expect("runtime API answer decodes")
}

#[tokio::test(flavor = "multi_thread")]
async fn dev_chain_mints_diem_at_the_quoted_cost() {
	use codec::Encode;
	use pallet_diem::{CurveStatus, PositionInfo, QuoteError};

	let mut node = Node::start("dev-diem", &["--dev"]);
	let (rpc, client) = node.connect().await;
	node.wait_finalized(&rpc, 1).await;
	let head = client.at_current_block().await.expect("current block").block_hash();

	// The dev chain shows DIEM from genesis: minting open, Alice's 1,000 DIEM position.
	let status: CurveStatus<u32> = runtime_api(&client, head, "DiemApi_curve_status", &[]).await;
	assert!(status.minting_open && !status.minting_paused, "{status:?}");
	assert_eq!(status.supply, 1_000 * DIEM);

	let bob = dev::bob();
	let amount = 5 * DIEM;
	let quote: Result<u128, QuoteError> =
		runtime_api(&client, head, "DiemApi_mint_quote", &amount.encode()).await;
	let cost = quote.expect("a quote below the cap");
	// Near 90 HASH per DIEM at 1,000 DIEM of supply.
	assert!(cost > 5 * 90 * HASH && cost < 5 * 91 * HASH, "cost {cost}");

	let mint = dynamic::transaction("Diem", "mint", (amount, cost));
	let (block, _) = diem_test_utils::submit_finalized(
		&node,
		&client,
		&bob,
		&mint,
		"mint",
		diem_test_utils::BLOCKS_TIMEOUT,
	)
	.await;

	// The chain's state, read through the runtime APIs at the inclusion block.
	let bob_id = bob.public_key().0;
	let position: Option<PositionInfo> =
		runtime_api(&client, block, "DiemApi_position", &bob_id.encode()).await;
	let position = position.expect("Bob's position");
	assert_eq!((position.locked, position.outstanding), (cost, amount));
	let balance: pallet_diem_ledger::DiemBalance =
		runtime_api(&client, block, "DiemLedgerApi_balance", &bob_id.encode()).await;
	assert_eq!(balance.free, amount);
	let status: CurveStatus<u32> = runtime_api(&client, block, "DiemApi_curve_status", &[]).await;
	assert_eq!(status.supply, 1_005 * DIEM);

	drop(client);
	drop(rpc);
	let status = node.stop();
	assert!(status.success(), "node did not shut down cleanly: {status}");
}
