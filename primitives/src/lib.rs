//! # diem-primitives
//!
//! Types and constants shared by the DIEM chain's runtime, node and clients. `no_std`, so the
//! runtime, the node and off-chain tools agree on one definition of an account, a balance and a
//! HASH unit.
//!
//! [`curve`] holds the DIEM mint curve's integer math, shared by the runtime (which charges it)
//! and clients (which quote it); [`StakeLocker`] is how the DIEM pallet locks HASH stake without
//! depending on the staking pallet. [`voucher`] is the signed voucher format operators redeem,
//! with its signing helpers for clients; [`RewardPoolAccrual`] is how the credits pallet reads
//! the operator reward pool's income; [`market`] holds what the hash-power market and inference
//! credits know of each other (allowances, leases, operator records); [`math`] holds the multiply-then-divide, checked totals
//! and bounded lengths the pallets share.
//!
//! ```
//! use diem_primitives::{hash, HASH_DECIMALS};
//! assert_eq!(hash::UNIT, 10u128.pow(HASH_DECIMALS as u32));
//! ```
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub mod curve;
pub mod market;
pub mod math;
pub mod voucher;

use polkadot_sdk::sp_runtime::{
	self,
	traits::{IdentifyAccount, Verify},
	MultiSignature,
};

/// Block number: u32 lasts ~800 years at 6 s blocks.
pub type BlockNumber = u32;
/// A signature of any of the schemes wallets use (sr25519, ed25519, ecdsa).
pub type Signature = MultiSignature;
/// An account id: the 32-byte public key behind a [`Signature`].
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// Balance of HASH (and later DIEM) in base units.
pub type Balance = u128;
/// Per-account transaction counter.
pub type Nonce = u32;
/// Block and state hashes.
pub type Hash = polkadot_sdk::sp_core::H256;
/// The header type of the chain.
pub type Header = sp_runtime::generic::Header<BlockNumber, sp_runtime::traits::BlakeTwo256>;

/// The SS58 address prefix of the DIEM chain. 42 is the generic Substrate prefix, so dev
/// accounts read the same in every tool until the chain registers its own.
pub const SS58_PREFIX: u16 = 42;

/// HASH, the native token: ticker and decimals (shown by wallets through chain properties).
pub const HASH_SYMBOL: &str = "HASH";
/// Decimals of HASH.
pub const HASH_DECIMALS: u8 = 12;

/// HASH amounts in base units.
pub mod hash {
	use super::Balance;
	/// One HASH.
	pub const UNIT: Balance = 1_000_000_000_000;
	/// 10^-3 HASH.
	pub const MILLI: Balance = UNIT / 1_000;
	/// 10^-6 HASH.
	pub const MICRO: Balance = UNIT / 1_000_000;
	/// The existential deposit: an account holding less is reaped.
	pub const EXISTENTIAL_DEPOSIT: Balance = MILLI;
}

/// Ids of assets in the runtime's `pallet-assets` instances (DIEM, other assets, LP tokens).
pub type AssetId = u32;

/// DIEM, the token minted against locked HASH stake: name, ticker and decimals.
pub const DIEM_NAME: &str = "DIEM";
/// The ticker wallets show.
pub const DIEM_SYMBOL: &str = "DIEM";
/// Decimals of DIEM (as HASH, so a rate in HASH per DIEM is the same number in base units).
pub const DIEM_DECIMALS: u8 = 12;

/// DIEM amounts in base units.
pub mod diem {
	use super::Balance;
	/// One DIEM.
	pub const UNIT: Balance = 1_000_000_000_000;
	/// 10^-3 DIEM.
	pub const MILLI: Balance = UNIT / 1_000;
	/// 10^-6 DIEM: the existential deposit, small because one DIEM is worth ~90 HASH or more.
	pub const EXISTENTIAL_DEPOSIT: Balance = UNIT / 1_000_000;
	/// DIEM's id in the runtime's `pallet-assets` instance (`Assets`), reserved at genesis.
	/// Wallets and registries name DIEM by it. Ids below 1,000 are the protocol's; assets that
	/// governance creates take higher ones.
	pub const ASSET_ID: super::AssetId = 100;
}

/// Block time.
pub mod time {
	use super::BlockNumber;
	/// Target block time. Aura's slot equals it; GRANDPA finalizes a few blocks behind.
	pub const MILLI_SECS_PER_BLOCK: u64 = 6_000;
	/// Slot duration for Aura.
	pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;
	// `as` here is lossless: 6_000 fits u32; clippy cannot see it in a const context.
	#[allow(clippy::cast_possible_truncation)]
	const BLOCK_MS: BlockNumber = MILLI_SECS_PER_BLOCK as BlockNumber;
	/// Blocks per minute.
	pub const MINUTES: BlockNumber = 60_000 / BLOCK_MS;
	/// Blocks per hour.
	pub const HOURS: BlockNumber = MINUTES * 60;
	/// Blocks per day.
	pub const DAYS: BlockNumber = HOURS * 24;
}

/// Stake that backs DIEM. The DIEM pallet locks a holder's unlocked HASH stake when it mints
/// DIEM and unlocks it when DIEM is burned; the staking pallet implements this. Both `lock` and
/// `unlock` settle the account's pending staking rewards before moving stake between buckets.
pub trait StakeLocker<AccountId, Balance> {
	/// Moves `amount` of `who`'s unlocked stake to locked.
	fn lock(who: &AccountId, amount: Balance) -> sp_runtime::DispatchResult;
	/// Moves `amount` of `who`'s locked stake back to unlocked.
	fn unlock(who: &AccountId, amount: Balance) -> sp_runtime::DispatchResult;
	/// `who`'s locked stake.
	fn locked(who: &AccountId) -> Balance;
	/// `who`'s unlocked stake (what `lock` can take).
	fn unlocked_stake(who: &AccountId) -> Balance;
	/// The stake locked across all accounts.
	fn total_locked() -> Balance;
}

/// The income of the operator reward pool: the staking pallet mints the yield that locked stake
/// forgoes into the pool and counts it; the credits pallet divides each epoch's growth among the
/// operators who redeemed credits in it.
pub trait RewardPoolAccrual<Balance> {
	/// Everything minted into the pool so far (monotonic).
	fn total_accrued() -> Balance;
}
