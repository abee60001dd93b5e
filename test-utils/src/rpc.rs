//! The few raw JSON-RPC reads the tests need (block numbers, hashes, digests, `state_call`),
//! polling with deadlines, and submitting a transaction with subxt.

use crate::Node;
use serde_json::Value;
use std::time::{Duration, Instant};
use subxt::{
	rpcs::{rpc_params, RpcClient},
	OnlineClient, PolkadotConfig,
};

/// `0x`-prefixed lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
	polkadot_sdk::sp_core::bytes::to_hex(bytes, false)
}

/// The bytes of `0x`-prefixed hex.
pub fn unhex(text: &str) -> Vec<u8> {
	polkadot_sdk::sp_core::bytes::from_hex(text).unwrap_or_else(|e| panic!("{text}: {e:?}"))
}

/// Calls runtime API `function` with SCALE `args` at block `at` (the best block when `None`)
/// over `state_call`, and decodes the answer.
pub async fn state_call<R: codec::Decode>(
	rpc: &RpcClient,
	function: &str,
	args: &[u8],
	at: Option<&str>,
) -> R {
	let answer: Value =
		rpc.request("state_call", rpc_params![function, hex(args), at]).await.expect(function);
	R::decode(&mut &unhex(answer.as_str().expect("hex answer"))[..]).expect("answer decodes")
}

/// Polls `check` every half second until it returns `Some`, failing (with `node`'s log) after
/// `limit`.
pub async fn wait_for<T, F, Fut>(node: &Node, limit: Duration, what: &str, mut check: F) -> T
where
	F: FnMut() -> Fut,
	Fut: std::future::Future<Output = Option<T>>,
{
	let deadline = Instant::now() + limit;
	loop {
		if let Some(value) = check().await {
			return value;
		}
		if Instant::now() > deadline {
			node.fail(format!("{what}: not within {limit:?}"));
		}
		tokio::time::sleep(Duration::from_millis(500)).await;
	}
}

/// Signs `call` with `signer`, waits (at most `limit`) for it in a finalized block, and for
/// its success; returns its events.
pub async fn submit(
	node: &Node,
	client: &OnlineClient<PolkadotConfig>,
	signer: &impl subxt::transactions::Signer<PolkadotConfig>,
	call: &impl subxt::transactions::Payload,
	what: &str,
	limit: Duration,
) -> subxt::extrinsics::ExtrinsicEvents<PolkadotConfig> {
	submit_finalized(node, client, signer, call, what, limit).await.1
}

/// [`submit`], also returning the hash of the finalized block that holds the transaction.
pub async fn submit_finalized(
	node: &Node,
	client: &OnlineClient<PolkadotConfig>,
	signer: &impl subxt::transactions::Signer<PolkadotConfig>,
	call: &impl subxt::transactions::Payload,
	what: &str,
	limit: Duration,
) -> (subxt::utils::H256, subxt::extrinsics::ExtrinsicEvents<PolkadotConfig>) {
	let at = client.at_current_block().await.expect("current block");
	let progress = at
		.transactions()
		.sign_and_submit_then_watch_default(call, signer)
		.await
		.unwrap_or_else(|e| node.fail(format!("{what}: submit failed: {e}")));
	let in_block = match tokio::time::timeout(limit, progress.wait_for_finalized()).await {
		Ok(Ok(in_block)) => in_block,
		Ok(Err(e)) => node.fail(format!("{what}: not finalized: {e}")),
		Err(_) => node.fail(format!("{what}: not finalized in time")),
	};
	let block = in_block.block_hash();
	let events =
		in_block.wait_for_success().await.unwrap_or_else(|e| node.fail(format!("{what}: {e}")));
	(block, events)
}

fn hex_number(value: &Value) -> Option<u64> {
	u64::from_str_radix(value.as_str()?.trim_start_matches("0x"), 16).ok()
}

/// Number of a header returned by `chain_getHeader`.
pub fn header_number(header: &Value) -> Option<u64> {
	hex_number(header.get("number")?)
}

pub async fn finalized_number(rpc: &RpcClient) -> Result<u64, String> {
	let hash: Value =
		rpc.request("chain_getFinalizedHead", rpc_params![]).await.map_err(|e| e.to_string())?;
	let header: Value =
		rpc.request("chain_getHeader", rpc_params![hash]).await.map_err(|e| e.to_string())?;
	header_number(&header).ok_or_else(|| format!("bad header {header}"))
}

pub async fn best_number(rpc: &RpcClient) -> Result<u64, String> {
	let header: Value =
		rpc.request("chain_getHeader", rpc_params![]).await.map_err(|e| e.to_string())?;
	header_number(&header).ok_or_else(|| format!("bad header {header}"))
}

/// The hash of block `number` on the node's canonical chain, as a hex string.
pub async fn block_hash(rpc: &RpcClient, number: u64) -> String {
	let hash: Value =
		rpc.request("chain_getBlockHash", rpc_params![number]).await.expect("chain_getBlockHash");
	hash.as_str().unwrap_or_else(|| panic!("no block #{number}")).to_string()
}

/// The Aura slot of a block, read from its pre-runtime digest (`PreRuntime(*b"aura", slot)`).
pub async fn aura_slot(rpc: &RpcClient, hash: &str) -> u64 {
	let header: Value =
		rpc.request("chain_getHeader", rpc_params![hash]).await.expect("chain_getHeader");
	let logs = header["digest"]["logs"].as_array().expect("digest logs");
	// SCALE: variant 6 (PreRuntime), engine id "aura", compact length 8, then the u64 slot in
	// little endian.
	const AURA_PRE_DIGEST: &str = "0x066175726120";
	let log = logs
		.iter()
		.filter_map(Value::as_str)
		.find(|log| log.starts_with(AURA_PRE_DIGEST) && log.len() == AURA_PRE_DIGEST.len() + 16)
		.unwrap_or_else(|| panic!("block {hash} has no Aura pre-digest: {header}"));
	let slot_hex = &log[AURA_PRE_DIGEST.len()..];
	let mut bytes = [0u8; 8];
	for (i, byte) in bytes.iter_mut().enumerate() {
		*byte = u8::from_str_radix(&slot_hex[2 * i..2 * i + 2], 16).expect("hex");
	}
	u64::from_le_bytes(bytes)
}
