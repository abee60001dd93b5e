//! The node's JSON-RPC as the load generator needs it. Submissions go through a jsonrpsee client
//! sized for load (64 MiB messages, thousands of requests in flight); every read goes through
//! subxt: blocks, headers and storage through its typed RPC methods, runtime APIs through the
//! typed calls generated for `diem-cli` from the runtime's metadata (see [`runtime_apis`]).
//! Storage keys and values are the runtime crate's own types, so nothing is encoded by hand.

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
	sp_core::bytes::to_hex,
};
use serde_json::Value;
use std::time::Duration;
use subxt::{config::RpcConfigFor, rpcs::LegacyRpcMethods, PolkadotConfig};

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
	/// Submissions and the pool.
	submitter: WsClient,
	/// Blocks, headers, storage.
	reads: Reads,
	/// Runtime APIs, typed.
	apis: diem_cli::chain::Chain,
	pub genesis: Hash,
	pub spec_version: u32,
	pub transaction_version: u32,
}

/// subxt's typed legacy RPC methods (`chain_*`, `state_*`).
type Reads = LegacyRpcMethods<RpcConfigFor<PolkadotConfig>>;

/// A subxt block hash as the runtime's.
fn runtime_hash(hash: subxt::utils::H256) -> Hash {
	Hash::from(hash.0)
}

/// The runtime's block hash as subxt's.
fn subxt_hash(hash: Hash) -> subxt::utils::H256 {
	subxt::utils::H256(hash.0)
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
		let apis = diem_cli::chain::Chain::connect(url).await.map_err(|e| e.to_string())?;
		// The same connection serves the typed reads.
		let reads = Reads::new(apis.rpc());
		let genesis = reads.genesis_hash().await.map_err(|e| format!("genesis hash: {e}"))?;
		let version = reads
			.state_get_runtime_version(None)
			.await
			.map_err(|e| format!("state_getRuntimeVersion: {e}"))?;
		Ok(Chain {
			submitter: client,
			reads,
			apis,
			genesis: runtime_hash(genesis),
			spec_version: version.spec_version,
			transaction_version: version.transaction_version,
		})
	}

	async fn call(
		&self,
		method: &str,
		params: jsonrpsee::core::params::ArrayParams,
	) -> Result<Value> {
		self.submitter.request(method, params).await.map_err(|e| format!("{method}: {e}"))
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
		let hash = self
			.reads
			.chain_get_finalized_head()
			.await
			.map_err(|e| format!("chain_getFinalizedHead: {e}"))?;
		self.header_number(Some(hash)).await
	}

	pub async fn best_number(&self) -> Result<u32> {
		self.header_number(None).await
	}

	/// The number of the header at `hash` (the best block when `None`).
	async fn header_number(&self, hash: Option<subxt::utils::H256>) -> Result<u32> {
		let header = self
			.reads
			.chain_get_header(hash)
			.await
			.map_err(|e| format!("chain_getHeader: {e}"))?
			.ok_or_else(|| format!("no header {hash:?}"))?;
		u32::try_from(header.number).map_err(|e| format!("block number: {e}"))
	}

	pub async fn block_hash(&self, number: u32) -> Result<Hash> {
		let hash = self
			.reads
			.chain_get_block_hash(Some(number.into()))
			.await
			.map_err(|e| format!("chain_getBlockHash: {e}"))?;
		hash.map(runtime_hash).ok_or_else(|| format!("no block #{number}"))
	}

	/// A storage value at `at` (the best block when `None`), decoded as `T`.
	pub async fn storage<T: Decode>(&self, key: Vec<u8>, at: Option<Hash>) -> Result<Option<T>> {
		let value = self
			.reads
			.state_get_storage(&key, at.map(subxt_hash))
			.await
			.map_err(|e| format!("state_getStorage: {e}"))?;
		value
			.map(|bytes| T::decode(&mut &bytes[..]).map_err(|e| format!("storage value: {e}")))
			.transpose()
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
		let len = u32::try_from(extrinsic.len()).map_err(|e| format!("extrinsic length: {e}"))?;
		let info = self
			.runtime_api(
				runtime_apis().transaction_payment_api().query_info(extrinsic.to_vec().into(), len),
			)
			.await?;
		Ok(info.weight.ref_time)
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
		let block = self
			.reads
			.chain_get_block(Some(subxt_hash(hash)))
			.await
			.map_err(|e| format!("chain_getBlock: {e}"))?
			.ok_or_else(|| format!("no block #{number}"))?;
		Ok(block.block.extrinsics.iter().map(|extrinsic| blake2_256_of(extrinsic)).collect())
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
