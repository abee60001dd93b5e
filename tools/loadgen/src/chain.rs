//! The node's JSON-RPC as the load generator needs it: submit, read storage and blocks, call
//! runtime APIs. Storage keys and values are the runtime crate's own types, so nothing is
//! encoded by hand; runtime APIs are called through subxt with the typed calls generated for
//! `diem-cli` from the runtime's metadata (see [`runtime_apis`]).

use codec::Decode;
use diem_runtime::{Hash, RuntimeEvent};
use jsonrpsee::{
	core::client::ClientT,
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use polkadot_sdk::{
	frame_support::{
		dispatch::{DispatchClass, PerDispatchClass},
		storage::storage_prefix,
		weights::Weight,
	},
	frame_system, pallet_timestamp,
	sp_core::bytes::{from_hex, to_hex},
};
use serde_json::Value;
use std::time::Duration;

pub type Result<T> = std::result::Result<T, String>;

/// blake2-256 of `bytes`: how a load recognises its own extrinsics in blocks.
pub fn blake2_256_of(bytes: &[u8]) -> [u8; 32] {
	use polkadot_sdk::sp_runtime::traits::{BlakeTwo256, Hash as _};
	BlakeTwo256::hash(bytes).0
}
pub type EventRecord = frame_system::EventRecord<RuntimeEvent, Hash>;

/// What one block holds, as the measurement needs it.
#[derive(Debug, Clone)]
pub struct BlockFacts {
	pub number: u32,
	/// blake2-256 of each extrinsic (as submitted: SCALE with its length prefix).
	pub extrinsic_hashes: Vec<[u8; 32]>,
	/// The block's timestamp (ms).
	pub timestamp: u64,
	/// Weight used by `Normal` extrinsics (ref time, ps).
	pub normal_weight: u64,
	pub events: Vec<EventRecord>,
}

/// The runtime's APIs as typed subxt calls, e.g. `runtime_apis().diem_api().mint_quote(diem)`.
pub use diem_cli::chain::runtime::runtime_apis;

/// A connection to one node.
pub struct Chain {
	client: WsClient,
	/// The same node through subxt, for typed runtime-API calls.
	apis: diem_cli::chain::Chain,
	pub genesis: Hash,
	pub spec_version: u32,
	pub transaction_version: u32,
}

fn hash_from(value: &Value) -> Result<Hash> {
	let text = value.as_str().ok_or_else(|| format!("expected a hash, got {value}"))?;
	let bytes = from_hex(text).map_err(|e| format!("bad hash {text}: {e}"))?;
	if bytes.len() != 32 {
		return Err(format!("bad hash {text}"));
	}
	Ok(Hash::from_slice(&bytes))
}

fn number_from(value: &Value) -> Result<u32> {
	let text = value.as_str().ok_or_else(|| format!("expected a number, got {value}"))?;
	u32::from_str_radix(text.trim_start_matches("0x"), 16).map_err(|e| format!("{text}: {e}"))
}

fn hex(hash: Hash) -> String {
	to_hex(hash.as_bytes(), false)
}

impl Chain {
	/// Connects to `url`, waiting up to `wait` for the node to answer.
	pub async fn connect(url: &str, wait: Duration) -> Result<Chain> {
		let deadline = std::time::Instant::now() + wait;
		let client = loop {
			let attempt = WsClientBuilder::default()
				.max_request_size(64 * 1024 * 1024)
				.max_response_size(64 * 1024 * 1024)
				.max_concurrent_requests(4096)
				.request_timeout(Duration::from_secs(120))
				.build(url)
				.await;
			match attempt {
				Ok(client) => break client,
				Err(e) if std::time::Instant::now() > deadline => {
					return Err(format!("cannot connect to {url}: {e}"))
				}
				Err(_) => tokio::time::sleep(Duration::from_millis(500)).await,
			}
		};
		let genesis: Value = client
			.request("chain_getBlockHash", rpc_params![0])
			.await
			.map_err(|e| format!("chain_getBlockHash: {e}"))?;
		let version: Value = client
			.request("state_getRuntimeVersion", rpc_params![])
			.await
			.map_err(|e| format!("state_getRuntimeVersion: {e}"))?;
		let field = |name: &str| {
			version
				.get(name)
				.and_then(Value::as_u64)
				.and_then(|v| u32::try_from(v).ok())
				.ok_or_else(|| format!("runtime version without {name}: {version}"))
		};
		let apis = diem_cli::chain::Chain::connect(url).await.map_err(|e| e.to_string())?;
		Ok(Chain {
			apis,
			genesis: hash_from(&genesis)?,
			spec_version: field("specVersion")?,
			transaction_version: field("transactionVersion")?,
			client,
		})
	}

	async fn call(
		&self,
		method: &str,
		params: jsonrpsee::core::params::ArrayParams,
	) -> Result<Value> {
		self.client.request(method, params).await.map_err(|e| format!("{method}: {e}"))
	}

	/// Submits an encoded extrinsic to the pool.
	pub async fn submit(&self, extrinsic: &[u8]) -> Result<()> {
		self.call("author_submitExtrinsic", rpc_params![to_hex(extrinsic, false)]).await.map(drop)
	}

	/// Transactions in the node's pool (for diagnostics).
	pub async fn pending_count(&self) -> Result<usize> {
		let pending = self.call("author_pendingExtrinsics", rpc_params![]).await?;
		Ok(pending.as_array().map(Vec::len).unwrap_or_default())
	}

	pub async fn finalized_number(&self) -> Result<u32> {
		let hash = self.call("chain_getFinalizedHead", rpc_params![]).await?;
		self.header_number(rpc_params![hash]).await
	}

	pub async fn best_number(&self) -> Result<u32> {
		self.header_number(rpc_params![]).await
	}

	/// The number of the header `chain_getHeader` returns for `params` (empty: the best block).
	async fn header_number(&self, params: jsonrpsee::core::params::ArrayParams) -> Result<u32> {
		let header = self.call("chain_getHeader", params).await?;
		number_from(header.get("number").unwrap_or(&Value::Null))
	}

	pub async fn block_hash(&self, number: u32) -> Result<Hash> {
		hash_from(&self.call("chain_getBlockHash", rpc_params![number]).await?)
	}

	/// A storage value at `at` (the best block when `None`), decoded as `T`.
	pub async fn storage<T: Decode>(&self, key: Vec<u8>, at: Option<Hash>) -> Result<Option<T>> {
		let key = to_hex(&key, false);
		let value = match at {
			Some(at) => self.call("state_getStorage", rpc_params![key, hex(at)]).await?,
			None => self.call("state_getStorage", rpc_params![key]).await?,
		};
		let Some(text) = value.as_str() else { return Ok(None) };
		let bytes = from_hex(text).map_err(|e| format!("storage value: {e}"))?;
		T::decode(&mut &bytes[..]).map(Some).map_err(|e| format!("storage value: {e}"))
	}

	/// Calls a runtime API at the best block, typed: `payload` is one of [`runtime_apis`].
	pub async fn runtime_api<P: subxt::runtime_apis::Payload>(
		&self,
		payload: P,
	) -> Result<P::ReturnType> {
		self.apis.call(payload).await.map_err(|e| e.to_string())
	}

	/// The weight (ref time, ps) the chain charges for `extrinsic`'s dispatch and extensions.
	pub async fn extrinsic_weight(&self, extrinsic: &[u8]) -> Result<u64> {
		let info = self.call("payment_queryInfo", rpc_params![to_hex(extrinsic, false)]).await?;
		info.pointer("/weight/refTime")
			.or_else(|| info.pointer("/weight/ref_time"))
			.and_then(Value::as_u64)
			.ok_or_else(|| format!("payment_queryInfo: no weight in {info}"))
	}

	/// The account's nonce at the best block.
	pub async fn nonce(&self, who: &diem_runtime::AccountId) -> Result<u32> {
		let key = frame_system::Account::<diem_runtime::Runtime>::hashed_key_for(who);
		let info: Option<
			frame_system::AccountInfo<
				u32,
				polkadot_sdk::pallet_balances::AccountData<diem_runtime::Balance>,
			>,
		> = self.storage(key, None).await?;
		Ok(info.map(|info| info.nonce).unwrap_or_default())
	}

	/// blake2-256 of each extrinsic in block `number`, to tell a load's own transactions.
	pub async fn extrinsic_hashes(&self, number: u32) -> Result<Vec<[u8; 32]>> {
		let hash = self.block_hash(number).await?;
		let block = self.call("chain_getBlock", rpc_params![hex(hash)]).await?;
		let extrinsics = block
			.pointer("/block/extrinsics")
			.and_then(Value::as_array)
			.ok_or_else(|| format!("block #{number} without extrinsics"))?;
		extrinsics
			.iter()
			.map(|extrinsic| {
				let text = extrinsic.as_str().ok_or("an extrinsic is not a hex string")?;
				let bytes = from_hex(text).map_err(|e| format!("extrinsic hex: {e}"))?;
				Ok(blake2_256_of(&bytes))
			})
			.collect()
	}

	/// Everything the measurement reads about block `number`.
	pub async fn block_facts(&self, number: u32) -> Result<BlockFacts> {
		let hash = self.block_hash(number).await?;
		let extrinsic_hashes = self.extrinsic_hashes(number).await?;
		let timestamp: u64 = self
			.storage(
				pallet_timestamp::Now::<diem_runtime::Runtime>::hashed_key().to_vec(),
				Some(hash),
			)
			.await?
			.unwrap_or_default();
		let weight: PerDispatchClass<Weight> = self
			.storage(
				frame_system::BlockWeight::<diem_runtime::Runtime>::hashed_key().to_vec(),
				Some(hash),
			)
			.await?
			.unwrap_or_default();
		// `frame_system::Events` is private to its pallet (`pub(super)`): no `hashed_key()`.
		let events: Vec<EventRecord> = self
			.storage(storage_prefix(b"System", b"Events").to_vec(), Some(hash))
			.await?
			.unwrap_or_default();
		Ok(BlockFacts {
			number,
			extrinsic_hashes,
			timestamp,
			normal_weight: weight.get(DispatchClass::Normal).ref_time(),
			events,
		})
	}
}
