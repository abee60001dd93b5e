//! Signed extrinsics as a wallet makes them, for this workspace's Rust tools and tests (the load
//! generator, the runtime fuzzer, the runtime's and the node's tests): immortal, an explicit
//! nonce, no tip, no metadata hash, signed by an sr25519 key.

use crate::{
	Address, Hash, Nonce, RuntimeCall, SignedPayload, TxExtension, UncheckedExtrinsic, VERSION,
};
use codec::Encode;
use polkadot_sdk::{
	frame_metadata_hash_extension::CheckMetadataHash,
	frame_system, pallet_asset_conversion_tx_payment,
	sp_core::{sr25519, Pair},
	sp_runtime::{generic::Era, MultiSignature},
};

/// The transaction extensions of a wallet's transaction with nonce `nonce`, paying its fee in
/// HASH.
pub fn wallet_extension(nonce: Nonce) -> TxExtension {
	wallet_extension_paying_in(nonce, None)
}

/// The same, paying the fee in `fee_asset` (`None`: HASH).
pub fn wallet_extension_paying_in(
	nonce: Nonce,
	fee_asset: Option<crate::configs::assets::AssetKind>,
) -> TxExtension {
	(
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(Era::Immortal),
		frame_system::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		pallet_asset_conversion_tx_payment::ChargeAssetTxPayment::from(0, fee_asset),
		CheckMetadataHash::new(false),
		frame_system::WeightReclaim::new(),
	)
}

/// The chain a transaction is signed for: what the extensions sign without carrying it.
#[derive(Clone, Copy, Debug)]
pub struct SigningContext {
	pub genesis: Hash,
	pub spec_version: u32,
	pub transaction_version: u32,
}

impl SigningContext {
	/// This runtime's version, on the chain whose genesis block is `genesis`.
	pub fn new(genesis: Hash) -> Self {
		Self {
			genesis,
			spec_version: VERSION.spec_version,
			transaction_version: VERSION.transaction_version,
		}
	}

	/// `call` signed by `pair` with `nonce`, paying its fee in HASH.
	pub fn sign(
		&self,
		pair: &sr25519::Pair,
		nonce: Nonce,
		call: RuntimeCall,
	) -> UncheckedExtrinsic {
		self.sign_paying_in(pair, nonce, call, None)
	}

	/// `call` signed by `pair` with `nonce`, paying its fee in `fee_asset` (`None`: HASH).
	pub fn sign_paying_in(
		&self,
		pair: &sr25519::Pair,
		nonce: Nonce,
		call: RuntimeCall,
		fee_asset: Option<crate::configs::assets::AssetKind>,
	) -> UncheckedExtrinsic {
		let extension = wallet_extension_paying_in(nonce, fee_asset);
		// An immortal transaction's era block is genesis.
		let implicit = (
			(),
			self.spec_version,
			self.transaction_version,
			self.genesis,
			self.genesis,
			(),
			(),
			(),
			None,
			(),
		);
		let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
		let signature = payload.using_encoded(|bytes| pair.sign(bytes));
		UncheckedExtrinsic::new_signed(
			call,
			Address::Id(pair.public().0.into()),
			MultiSignature::Sr25519(signature),
			extension,
		)
	}
}
