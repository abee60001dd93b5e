//! The connection to a node: the generated interface, reads at the best block, transactions
//! with their events, and chain errors by name.

use crate::{keys::Key, Error};
use serde_json::{json, Map, Value as Json};
use std::time::Duration;
use subxt::{
	config::{
		substrate::SubstrateConfig, Config, DefaultExtrinsicParamsBuilder,
		DefaultTransactionExtensions, HashFor,
	},
	ext::scale_value::{Composite, Primitive, Value, ValueDef},
	rpcs::{rpc_params, RpcClient},
	OnlineClient,
};

/// subxt's view of this chain: Polkadot's (no account indices, sr25519/ed25519/ecdsa
/// signatures, the standard extensions) with the runtime's fee asset type in
/// `ChargeAssetTxPayment`, so a transaction can pay its fee in DIEM.
#[derive(Debug, Clone)]
pub struct DiemConfig(SubstrateConfig);

impl Default for DiemConfig {
	fn default() -> Self {
		DiemConfig(SubstrateConfig::new())
	}
}

impl Config for DiemConfig {
	type AccountId = subxt::utils::AccountId32;
	type Address = subxt::utils::MultiAddress<Self::AccountId, ()>;
	type Signature = subxt::utils::MultiSignature;
	type Hasher = <SubstrateConfig as Config>::Hasher;
	type Header = <SubstrateConfig as Config>::Header;
	type TransactionExtensions = DefaultTransactionExtensions<Self>;
	type AssetId = subxt::utils::Static<FeeAsset>;

	fn genesis_hash(&self) -> Option<HashFor<Self>> {
		self.0.genesis_hash()
	}

	fn spec_and_transaction_version_for_block_number(&self, block: u64) -> Option<(u32, u32)> {
		self.0.spec_and_transaction_version_for_block_number(block)
	}

	fn metadata_for_spec_version(&self, spec_version: u32) -> Option<subxt::metadata::ArcMetadata> {
		self.0.metadata_for_spec_version(spec_version)
	}

	fn set_metadata_for_spec_version(
		&self,
		spec_version: u32,
		metadata: subxt::metadata::ArcMetadata,
	) {
		self.0.set_metadata_for_spec_version(spec_version, metadata)
	}
}

/// The asset a transaction pays its fee in: the runtime's `NativeOrWithId<u32>`, encoded the
/// same way (`Native` is HASH, `WithId(100)` DIEM).
#[derive(Clone, Copy, Debug, PartialEq, Eq, codec::Encode, codec::Decode)]
pub enum FeeAsset {
	Native,
	WithId(u32),
}

impl FeeAsset {
	pub const DIEM: FeeAsset = FeeAsset::WithId(diem_primitives::diem::ASSET_ID);
}

/// The interface generated from the runtime's metadata (`scripts/metadata.sh` writes it from
/// the runtime this workspace builds; `node/tests/metadata.rs` fails when it is stale).
///
/// Vouchers are the shared `diem_primitives` type (SCALE-encoded as the runtime encodes it), so
/// what `sign-voucher` prints is what `redeem` submits.
#[subxt::subxt(
	runtime_metadata_path = "metadata/diem.scale",
	substitute_type(
		path = "diem_primitives::voucher::Voucher",
		with = "::subxt::utils::Static<::diem_primitives::voucher::Voucher>"
	),
	// Asset kinds (HASH or an asset id) are compared and reused across quotes and calls.
	derive_for_type(
		path = "frame_support::traits::tokens::fungible::union_of::NativeOrWithId",
		derive = "Clone, Copy, PartialEq, Eq"
	)
)]
pub mod runtime {}

/// The metadata this CLI was generated from.
const METADATA: &[u8] = include_bytes!("../metadata/diem.scale");

/// The runtime this CLI was built for. Compared with the node's by subxt's metadata hash (the
/// same function on both sides; docs do not count), which the generated
/// `is_codegen_valid_for` does not do reliably: its build-time hash is taken after codegen
/// rewrites the type registry.
fn built_for() -> Result<subxt::Metadata, Error> {
	subxt::Metadata::decode_from(METADATA)
		.map_err(|e| Error::Failed(format!("the CLI's own metadata does not decode: {e}")))
}

/// The SCALE encoding of a runtime call, by the metadata this CLI was built for (a node it
/// talks to has the same). Generated types encode through the metadata's type registry.
pub fn encode_call(call: &runtime::Call) -> Result<Vec<u8>, Error> {
	use subxt::ext::scale_encode::EncodeAsType;
	let metadata = built_for()?;
	call.encode_as_type(metadata.outer_enums().call_enum_ty(), metadata.types())
		.map_err(|e| Error::Failed(format!("the call does not encode: {e}")))
}

/// A runtime call from its SCALE encoding: exactly one call of this runtime, all the bytes.
pub fn decode_call(bytes: &[u8]) -> Result<runtime::Call, String> {
	use subxt::ext::scale_decode::DecodeAsType;
	let metadata = built_for().map_err(|e| e.to_string())?;
	let mut input = bytes;
	let call = runtime::Call::decode_as_type(
		&mut input,
		metadata.outer_enums().call_enum_ty(),
		metadata.types(),
	)
	.map_err(|e| e.to_string())?;
	if !input.is_empty() {
		return Err(format!("{} bytes follow the call", input.len()));
	}
	Ok(call)
}

/// Whether the node's metadata is the one this CLI was built for.
fn same_runtime(node: &subxt::Metadata, ours: &subxt::Metadata) -> bool {
	node.hasher().hash() == ours.hasher().hash()
}

/// A block hash.
pub type BlockHash = subxt::utils::H256;
/// The generated account id type.
pub type ChainAccount = subxt::utils::AccountId32;
/// A client pinned at one block.
pub type AtBlock =
	subxt::client::ClientAtBlock<DiemConfig, subxt::client::OnlineClientAtBlockImpl<DiemConfig>>;

/// How long a transaction may take to reach the block it waits for.
pub const TRANSACTION_TIMEOUT: Duration = Duration::from_secs(180);

/// When a transaction counts as done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Wait {
	/// Included in a finalized block (irreversible).
	Finalized,
	/// Included in the best block (may still be reorganised away).
	InBlock,
}

/// A connected node whose runtime matches the generated interface.
pub struct Chain {
	pub client: OnlineClient<DiemConfig>,
	rpc: RpcClient,
	url: String,
}

/// An event as the CLI shows it: `Pallet.Event` and its fields as JSON.
#[derive(Clone, Debug)]
pub struct EventView {
	pub pallet: String,
	pub name: String,
	pub fields: Json,
}

impl EventView {
	pub fn to_json(&self) -> Json {
		json!({ "pallet": self.pallet, "event": self.name, "fields": self.fields })
	}

	/// A numeric field (base units, indices), if present.
	pub fn number(&self, field: &str) -> Option<u128> {
		match self.fields.get(field)? {
			Json::Number(n) => n.as_u64().map(u128::from),
			Json::String(s) => s.parse().ok(),
			_ => None,
		}
	}
}

/// What a finished transaction did.
#[derive(Clone, Debug)]
pub struct Receipt {
	pub block_hash: BlockHash,
	pub block_number: u64,
	pub extrinsic_hash: BlockHash,
	pub finalized: bool,
	pub events: Vec<EventView>,
}

impl Receipt {
	pub fn to_json(&self) -> Json {
		json!({
			"block": format!("{:?}", self.block_hash),
			"block_number": self.block_number,
			"extrinsic": format!("{:?}", self.extrinsic_hash),
			"finalized": self.finalized,
			"events": self.events.iter().map(EventView::to_json).collect::<Vec<_>>(),
		})
	}

	/// The events of `pallet` named `name`.
	pub fn events_named<'a>(
		&'a self,
		pallet: &'a str,
		name: &'a str,
	) -> impl Iterator<Item = &'a EventView> + 'a {
		self.events.iter().filter(move |e| e.pallet == pallet && e.name == name)
	}
}

impl Chain {
	/// Connects to `url` and refuses a node whose runtime differs from the one this CLI was
	/// generated from.
	pub async fn connect(url: &str) -> Result<Chain, Error> {
		let rpc = RpcClient::from_insecure_url(url)
			.await
			.map_err(|e| Error::Connection(format!("cannot connect to {url}: {e}")))?;
		let client = OnlineClient::<DiemConfig>::from_rpc_client(rpc.clone())
			.await
			.map_err(|e| Error::Connection(format!("{url}: {e}")))?;
		let chain = Chain { client, rpc, url: url.to_string() };
		let at = chain.at_best().await?;
		if !same_runtime(at.metadata_ref(), &built_for()?) {
			return Err(Error::Connection(format!(
				"the node at {url} runs a runtime (spec_version {}) whose calls, storage or runtime \
				 APIs differ from those this diem-cli was built for; use the diem-cli built from \
				 the same source as the node (client/metadata/diem.scale, scripts/metadata.sh)",
				at.spec_version()
			)));
		}
		Ok(chain)
	}

	/// The connection's raw RPC client (shared: clones use the same connection).
	pub fn rpc(&self) -> RpcClient {
		self.rpc.clone()
	}

	pub fn url(&self) -> &str {
		&self.url
	}

	/// The chain's genesis hash (part of every voucher's payload).
	pub fn genesis_hash(&self) -> diem_primitives::Hash {
		diem_primitives::Hash::from(self.client.genesis_hash().0)
	}

	/// The hash of the best block.
	pub async fn best_hash(&self) -> Result<BlockHash, Error> {
		let hash: Json = self
			.rpc
			.request("chain_getBlockHash", rpc_params![])
			.await
			.map_err(|e| Error::Connection(format!("{}: chain_getBlockHash: {e}", self.url)))?;
		let bytes = hash
			.as_str()
			.and_then(|h| h.strip_prefix("0x"))
			.and_then(crate::keys::decode_hex)
			.and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
			.ok_or_else(|| Error::Failed(format!("the node returned a bad block hash: {hash}")))?;
		Ok(BlockHash::from(bytes))
	}

	/// New session keys in the node's keystore, with the proof that `owner` (a SCALE-encoded
	/// account) controls them (`author_rotateKeysWithOwner`, an unsafe RPC method).
	pub async fn rotate_keys_with_owner(&self, owner: &[u8]) -> Result<(Vec<u8>, Vec<u8>), Error> {
		let generated: Json = self
			.rpc
			.request("author_rotateKeysWithOwner", rpc_params![crate::keys::encode_hex(owner)])
			.await
			.map_err(|e| {
				Error::Failed(format!(
					"{}: author_rotateKeysWithOwner: {e} (an unsafe RPC method: use the \
					 validator's own node on localhost)",
					self.url
				))
			})?;
		let field = |name: &str| {
			generated
				.get(name)
				.and_then(Json::as_str)
				.and_then(|h| h.strip_prefix("0x"))
				.and_then(crate::keys::decode_hex)
				.ok_or_else(|| Error::Failed(format!("the node returned no {name}: {generated}")))
		};
		Ok((field("keys")?, field("proof")?))
	}

	/// A client at the best block: reads see the effect of transactions that waited only for
	/// inclusion, and transactions take their nonce from it.
	pub async fn at_best(&self) -> Result<AtBlock, Error> {
		let hash = self.best_hash().await?;
		// The client learns of new blocks from its own subscription, which may trail the node's
		// `chain_getBlockHash` by a moment: a block it has not seen yet is retried briefly.
		let mut attempts = 0;
		loop {
			match self.client.at_block(hash).await {
				Ok(at) => return Ok(at),
				Err(_) if attempts < 20 => {
					attempts += 1;
					tokio::time::sleep(std::time::Duration::from_millis(100)).await;
				}
				Err(e) => return Err(Error::Failed(format!("block {hash:?}: {e}"))),
			}
		}
	}

	/// Calls a runtime API at the best block.
	pub async fn call<P: subxt::runtime_apis::Payload>(
		&self,
		payload: P,
	) -> Result<P::ReturnType, Error> {
		let at = self.at_best().await?;
		at.runtime_apis()
			.call(payload)
			.await
			.map_err(|e| Error::Failed(format!("runtime API: {e}")))
	}

	/// Signs `call` with `key`, submits it and waits until it is in a block (`wait`), paying the
	/// fee in HASH. A failed dispatch is an [`Error::Chain`] with the error's name and docs.
	pub async fn submit<Call: subxt::tx::Payload>(
		&self,
		call: &Call,
		key: &Key,
		wait: Wait,
	) -> Result<Receipt, Error> {
		self.submit_paying_in(call, key, wait, FeeAsset::Native).await
	}

	/// [`Chain::submit`], paying the fee in `fee_asset` (swapped to HASH through its pool when it
	/// is not HASH).
	pub async fn submit_paying_in<Call: subxt::tx::Payload>(
		&self,
		call: &Call,
		key: &Key,
		wait: Wait,
		fee_asset: FeeAsset,
	) -> Result<Receipt, Error> {
		let at = self.at_best().await?;
		let params = match fee_asset {
			FeeAsset::Native => DefaultExtrinsicParamsBuilder::<DiemConfig>::new().build(),
			asset => DefaultExtrinsicParamsBuilder::<DiemConfig>::new()
				.tip_of(0, subxt::utils::Static(asset))
				.build(),
		};
		let mut progress = at
			.transactions()
			.sign_and_submit_then_watch(call, key, params)
			.await
			.map_err(|e| Error::Failed(format!("the node refused the transaction: {e}")))?;
		let waited = tokio::time::timeout(TRANSACTION_TIMEOUT, async {
			use subxt::tx::TransactionStatus as Status;
			while let Some(status) = progress.next().await {
				match status.map_err(|e| Error::Failed(format!("transaction: {e}")))? {
					Status::InFinalizedBlock(in_block) => return Ok((in_block, true)),
					Status::InBestBlock(in_block) if wait == Wait::InBlock => {
						return Ok((in_block, false))
					}
					Status::Error { message }
					| Status::Invalid { message }
					| Status::Dropped { message } => {
						return Err(Error::Failed(format!("transaction not included: {message}")))
					}
					_ => continue,
				}
			}
			Err(Error::Failed("the node stopped reporting the transaction's progress".into()))
		})
		.await
		.map_err(|_| {
			Error::Failed(format!("transaction not included within {TRANSACTION_TIMEOUT:?}"))
		})?;
		let (in_block, finalized) = waited?;
		let events = in_block.wait_for_success().await.map_err(transaction_error)?;
		let block_at = in_block
			.at()
			.await
			.map_err(|e| Error::Failed(format!("block {:?}: {e}", in_block.block_hash())))?;
		let mut views = Vec::new();
		for event in events.iter() {
			let event = event.map_err(|e| Error::Failed(format!("event: {e}")))?;
			let fields = event
				.decode_fields_unchecked_as::<Composite<()>>()
				.map(|fields| composite_json(&fields))
				.unwrap_or(Json::Null);
			views.push(EventView {
				pallet: event.pallet_name().to_string(),
				name: event.event_name().to_string(),
				fields,
			});
		}
		Ok(Receipt {
			block_hash: in_block.block_hash(),
			block_number: block_at.block_number(),
			extrinsic_hash: in_block.extrinsic_hash(),
			finalized,
			events: views,
		})
	}

	/// The name and docs of the module error `(pallet index, error bytes)` in the node's
	/// metadata (for errors carried inside events, such as `Sudo.Sudid`).
	pub async fn module_error(&self, pallet_index: u8, error: [u8; 4]) -> Error {
		let at = match self.at_best().await {
			Ok(at) => at,
			Err(e) => return e,
		};
		let metadata = at.metadata_ref();
		let details = metadata.pallet_by_error_index(pallet_index).and_then(|pallet| {
			let variant = pallet.error_variant_by_index(error[0])?;
			Some((pallet.name().to_string(), variant.name.clone(), variant.docs.join(" ")))
		});
		match details {
			Some((pallet, name, docs)) => Error::Chain { pallet, name, docs },
			None => Error::Failed(format!("unknown module error {pallet_index}/{error:?}")),
		}
	}
}

/// A failed dispatch by name and docs; anything else as text.
fn transaction_error(error: subxt::error::TransactionEventsError) -> Error {
	use subxt::error::{DispatchError, TransactionEventsError};
	match error {
		TransactionEventsError::ExtrinsicFailed(DispatchError::Module(module)) => {
			match module.details() {
				Ok(details) => Error::Chain {
					pallet: details.pallet.name().to_string(),
					name: details.variant.name.clone(),
					docs: details.variant.docs.join(" "),
				},
				Err(_) => Error::Failed(format!("the transaction failed: {module}")),
			}
		}
		TransactionEventsError::ExtrinsicFailed(other) => {
			Error::Failed(format!("the transaction failed: {other}"))
		}
		other => Error::Failed(format!("the transaction's outcome is unknown: {other}")),
	}
}

/// Event fields as JSON: named fields as an object, 32-byte arrays (accounts) as SS58
/// addresses, other byte arrays as hex, integers beyond 2^53 as strings.
fn composite_json(composite: &Composite<()>) -> Json {
	match composite {
		Composite::Named(fields) => {
			let mut object = Map::new();
			for (name, value) in fields {
				object.insert(name.clone(), value_json(value));
			}
			Json::Object(object)
		}
		Composite::Unnamed(values) => {
			if let Some(bytes) = as_bytes(values) {
				return match <[u8; 32]>::try_from(bytes.as_slice()) {
					Ok(account) => Json::String(crate::keys::ss58(&account.into())),
					Err(_) => Json::String(crate::keys::encode_hex(&bytes)),
				};
			}
			match values.as_slice() {
				[single] => value_json(single),
				_ => Json::Array(values.iter().map(value_json).collect()),
			}
		}
	}
}

fn value_json(value: &Value<()>) -> Json {
	match &value.value {
		ValueDef::Composite(composite) => composite_json(composite),
		ValueDef::Variant(variant) => match &variant.values {
			Composite::Named(fields) if fields.is_empty() => Json::String(variant.name.clone()),
			Composite::Unnamed(values) if values.is_empty() => Json::String(variant.name.clone()),
			fields => json!({ variant.name.clone(): composite_json(fields) }),
		},
		ValueDef::Primitive(primitive) => match primitive {
			Primitive::Bool(b) => Json::Bool(*b),
			Primitive::Char(c) => Json::String(c.to_string()),
			Primitive::String(s) => Json::String(s.clone()),
			Primitive::U128(n) => match u64::try_from(*n) {
				Ok(small) if small < (1 << 53) => Json::from(small),
				_ => Json::String(n.to_string()),
			},
			Primitive::I128(n) => match i64::try_from(*n) {
				Ok(small) if small.unsigned_abs() < (1 << 53) => Json::from(small),
				_ => Json::String(n.to_string()),
			},
			other => Json::String(format!("{other:?}")),
		},
		ValueDef::BitSequence(bits) => Json::String(format!("{bits:?}")),
	}
}

/// The values as bytes if every one is an integer below 256 and there are at least 16.
fn as_bytes(values: &[Value<()>]) -> Option<Vec<u8>> {
	if values.len() < 16 {
		return None;
	}
	values
		.iter()
		.map(|value| match &value.value {
			ValueDef::Primitive(Primitive::U128(n)) => u8::try_from(*n).ok(),
			_ => None,
		})
		.collect()
}

/// The event line people read: `Pallet.Event field=value ...`.
pub fn event_line(event: &EventView) -> String {
	let mut line = format!("{}.{}", event.pallet, event.name);
	if let Json::Object(fields) = &event.fields {
		for (name, value) in fields {
			let value = match value {
				Json::String(s) => s.clone(),
				other => other.to_string(),
			};
			line.push_str(&format!(" {name}={value}"));
		}
	} else if !event.fields.is_null() {
		line.push_str(&format!(" {}", event.fields));
	}
	line
}

#[cfg(test)]
mod tests {
	use super::*;
	use subxt::ext::{
		codec::{Decode, Encode},
		frame_metadata::{RuntimeMetadata, RuntimeMetadataPrefixed},
	};

	#[test]
	fn a_node_with_other_metadata_is_refused() {
		let ours = built_for().ok();
		// The same runtime less one of its pallets' constants.
		let mut prefixed = RuntimeMetadataPrefixed::decode(&mut &METADATA[..]).ok();
		let changed = match prefixed.as_mut().map(|p| &mut p.1) {
			Some(RuntimeMetadata::V16(metadata)) => metadata
				.pallets
				.iter_mut()
				.find(|pallet| pallet.name == "InferenceCredits")
				.and_then(|pallet| pallet.constants.pop())
				.is_some(),
			_ => false,
		};
		assert!(changed, "the artifact is V16 metadata with InferenceCredits constants");
		let other = prefixed.and_then(|p| subxt::Metadata::decode_from(&p.encode()).ok());
		match (other, ours) {
			(Some(other), Some(ours)) => assert!(!same_runtime(&other, &ours)),
			_ => unreachable!("both decode"),
		}
	}
}
