//! # DIEM runtime
//!
//! The state transition function of the DIEM chain. This crate wires FRAME pallets together:
//!
//! - **consensus**: `Timestamp`, `Aura` (block production), `Grandpa` (finality);
//! - **validators**: `ValidatorSet` (governance decides who validates), `Session` (applies it
//!   at session boundaries and holds the validators' Aura and GRANDPA keys), `Historical`,
//!   `Offences` and `Authorship` (GRANDPA equivocation reports);
//! - **money**: `Balances` holds HASH, the native token (12 decimals); `Assets` holds DIEM
//!   (asset 100, owned by a keyless account) and the assets governance creates, with holds
//!   through `AssetsHolder`; `AssetConversion` is the DEX (HASH/asset pools, LP tokens in
//!   `PoolAssets`); `TransactionPayment` charges fees in HASH and `AssetTxPayment` lets a
//!   transaction pay them in an asset, swapped to HASH through its pool;
//! - **accounts**: `Sudo` (Root on dev and test networks), `Utility`, `Proxy`, `Multisig`;
//! - **governance** ([`governance`]): `Referenda` with `ConvictionVoting` on HASH, on the tracks
//!   of [`governance::tracks`] whose origins `Origins` declares; `Scheduler` and `Preimage`;
//!   the `TechnicalCommittee` (with `TechnicalMembership`) that whitelists calls for the fast
//!   track (`Whitelist`) and pulls the brakes, `SafeMode` and `TxPause`;
//! - **DIEM**: `ComputeStaking` (HASH staking, emissions, stake locked behind DIEM), `Diem`
//!   (mint DIEM on the curve against locked stake, burn to unlock), `DiemLedger` (payments with
//!   a memo and batch payments, in HASH or an asset) and `InferenceCredits` (DIEM staked for
//!   credits, spenders, operators, voucher redemption and operator rewards).
//!
//! Files by responsibility: this file holds only the runtime's declaration and its types;
//! [`configs`] holds one module per pallet configuration (with the call filter and proxy
//! types), [`apis`] the runtime APIs nodes, wallets and dApps call and the views they return,
//! [`genesis_config_presets`] the `development` and `local_testnet` genesis states the node's
//! chain specs are built from, [`migrations`] the storage migrations run on the next runtime
//! upgrade; with `std`, [`invariants`] checks every pallet's invariants and the cross-pallet
//! ones (tests and the fuzzer) and [`signing`] signs extrinsics with the runtime's own types.
//!
//! With the `std` feature the compiled wasm blob is exported as [`WASM_BINARY`]; the node embeds
//! it in its chain specs.
#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime` expands deeply nested types.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

#[cfg(feature = "runtime-benchmarks")]
#[macro_use]
mod benchmarks;
pub mod apis;
pub mod configs;
pub mod genesis_config_presets;
pub mod governance;
#[cfg(feature = "std")]
pub mod invariants;
pub mod migrations;
#[cfg(feature = "std")]
pub mod signing;
#[cfg(test)]
mod tests;
pub mod weights;

use alloc::{borrow::Cow, vec::Vec};
use polkadot_sdk::{
	frame_executive, frame_metadata_hash_extension, frame_support, frame_system,
	pallet_asset_conversion, pallet_asset_conversion_tx_payment, pallet_assets,
	pallet_assets_holder, pallet_aura, pallet_authorship, pallet_balances, pallet_collective,
	pallet_conviction_voting, pallet_grandpa, pallet_membership, pallet_multisig, pallet_offences,
	pallet_preimage, pallet_proxy, pallet_referenda, pallet_safe_mode, pallet_scheduler,
	pallet_session, pallet_sudo, pallet_timestamp, pallet_transaction_payment, pallet_tx_pause,
	pallet_utility, pallet_whitelist,
	sp_runtime::{generic, impl_opaque_keys, traits::BlakeTwo256},
	sp_version::{self, RuntimeVersion},
};

pub use diem_primitives::{
	hash::EXISTENTIAL_DEPOSIT, AccountId, Balance, BlockNumber, Hash, Nonce, Signature,
};

/// Opaque types: what the node needs to know about blocks and keys without knowing the runtime's
/// call and event types.
pub mod opaque {
	use super::*;
	pub use polkadot_sdk::sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	pub type BlockId = generic::BlockId<Block>;

	impl_opaque_keys! {
		/// The session keys a validator registers: Aura signs blocks, GRANDPA votes on finality.
		pub struct SessionKeys {
			pub aura: Aura,
			pub grandpa: Grandpa,
		}
	}
}
pub use opaque::SessionKeys;

/// The runtime version. Bump `spec_version` on every runtime change that is deployed, and
/// `transaction_version` whenever an existing call's index or arguments change.
#[cfg(not(feature = "next-spec-version"))]
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: Cow::Borrowed("diem"),
	impl_name: Cow::Borrowed("diem-node"),
	authoring_version: 1,
	spec_version: 115,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 3,
	system_version: 1,
};

/// The same runtime as the next release: `spec_version` one higher. `build.rs` builds it as a
/// second wasm blob (`--features next-spec-version`) for the runtime-upgrade test, which
/// installs it through a referendum on a running network. (The version macro reads literals,
/// hence two copies; `tests::the_next_release_is_one_version_higher` keeps them in step.)
#[cfg(feature = "next-spec-version")]
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: Cow::Borrowed("diem"),
	impl_name: Cow::Borrowed("diem-node"),
	authoring_version: 1,
	spec_version: 116,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 3,
	system_version: 1,
};

/// The address format: accounts, or indices via `MultiAddress`.
pub type Address = polkadot_sdk::sp_runtime::MultiAddress<AccountId, ()>;
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
pub type SignedBlock = generic::SignedBlock<Block>;
pub type BlockId = generic::BlockId<Block>;

/// The transaction extensions every signed extrinsic carries, in order. Wallets must know each
/// of them; `CheckMetadataHash` lets offline signers verify what they sign. `ChargeAssetTxPayment`
/// carries the tip and the fee asset (`None`: HASH; `Some(WithId(100))`: DIEM).
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_asset_conversion_tx_payment::ChargeAssetTxPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Executes blocks: dispatches extrinsics to the pallets in `Runtime`. Storage migrations are
/// wired through `frame_system::Config::SingleBlockMigrations` (see [`migrations`]).
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	// Consensus and time: 0..=9.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;
	#[runtime::pallet_index(4)]
	pub type Authorship = pallet_authorship;
	// Before Session: the session pallet asks it for the set at each rotation.
	#[runtime::pallet_index(5)]
	pub type ValidatorSet = pallet_validator_set;
	#[runtime::pallet_index(6)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(7)]
	pub type Historical = pallet_session::historical;
	#[runtime::pallet_index(8)]
	pub type Offences = pallet_offences;

	// Money: 10..=19.
	#[runtime::pallet_index(10)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(11)]
	pub type TransactionPayment = pallet_transaction_payment;
	// DIEM (asset 100) and other assets; DIEM is minted and burned only by Diem.
	#[runtime::pallet_index(12)]
	pub type Assets = pallet_assets<Instance1>;
	#[runtime::pallet_index(13)]
	pub type AssetsHolder = pallet_assets_holder<Instance1>;
	#[runtime::pallet_index(14)]
	pub type PoolAssets = pallet_assets<Instance2>;
	#[runtime::pallet_index(15)]
	pub type AssetConversion = pallet_asset_conversion;
	#[runtime::pallet_index(16)]
	pub type AssetTxPayment = pallet_asset_conversion_tx_payment;

	// Accounts and governance: 20..=29.
	#[runtime::pallet_index(20)]
	pub type Sudo = pallet_sudo;
	#[runtime::pallet_index(21)]
	pub type Utility = pallet_utility;
	#[runtime::pallet_index(22)]
	pub type Proxy = pallet_proxy;
	#[runtime::pallet_index(23)]
	pub type Multisig = pallet_multisig;

	// DIEM: 30..=39.
	#[runtime::pallet_index(30)]
	pub type ComputeStaking = pallet_compute_staking;
	#[runtime::pallet_index(31)]
	pub type Diem = pallet_diem;
	#[runtime::pallet_index(32)]
	pub type DiemLedger = pallet_diem_ledger;
	#[runtime::pallet_index(33)]
	pub type InferenceCredits = pallet_inference_credits;
	#[runtime::pallet_index(34)]
	pub type Market = pallet_market;
	#[runtime::pallet_index(35)]
	pub type Lending = pallet_lending;

	// Governance by HASH holders: 40..=49.
	#[runtime::pallet_index(40)]
	pub type Scheduler = pallet_scheduler;
	#[runtime::pallet_index(41)]
	pub type Preimage = pallet_preimage;
	#[runtime::pallet_index(42)]
	pub type Referenda = pallet_referenda;
	#[runtime::pallet_index(43)]
	pub type ConvictionVoting = pallet_conviction_voting;
	#[runtime::pallet_index(44)]
	pub type Origins = governance::origins;
	#[runtime::pallet_index(45)]
	pub type Whitelist = pallet_whitelist;
	#[runtime::pallet_index(46)]
	pub type TechnicalCommittee = pallet_collective<Instance1>;
	#[runtime::pallet_index(47)]
	pub type TechnicalMembership = pallet_membership<Instance1>;
	#[runtime::pallet_index(48)]
	pub type SafeMode = pallet_safe_mode;
	#[runtime::pallet_index(49)]
	pub type TxPause = pallet_tx_pause;
}
