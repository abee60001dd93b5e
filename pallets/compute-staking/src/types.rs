//! Types stored by the pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use diem_primitives::Balance;
use polkadot_sdk::{
	frame_support::{
		traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
	},
	sp_core::U256,
	sp_runtime::Perbill,
};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

/// Governance-set staking parameters.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Serialize,
	Deserialize,
)]
pub struct StakingParams<Balance, BlockNumber> {
	/// HASH minted every block while anyone stakes, shared by all stake.
	pub emission_per_block: Balance,
	/// Share of the full reward rate that locked (DIEM-backing) stake keeps; the rest of its
	/// reward flows to the operator reward pool.
	pub locked_yield_share: Perbill,
	/// Blocks between an `unstake` request and the moment its HASH can be withdrawn.
	pub unbonding_period: BlockNumber,
	/// Least stake (unlocked + locked) an account may keep staked, unless it unstakes all.
	pub min_stake: Balance,
}

/// A parameter change governance scheduled: it applies when block `effective_at` initializes.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Serialize,
	Deserialize,
)]
pub struct PendingParamsChange<Balance, BlockNumber> {
	/// The parameters that will apply.
	pub params: StakingParams<Balance, BlockNumber>,
	/// The block whose initialization applies them.
	pub effective_at: BlockNumber,
}

/// One `unstake` request: `amount` becomes withdrawable at block `end`.
#[derive(
	Clone,
	Copy,
	Debug,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct UnbondingChunk<Balance, BlockNumber> {
	pub amount: Balance,
	pub end: BlockNumber,
}

/// An account's stake. All of `unlocked + locked + Σ unbonding` is held from its free HASH under
/// `HoldReason::Staked`.
#[derive(
	CloneNoBound, DebugNoBound, PartialEqNoBound, EqNoBound, Encode, Decode, MaxEncodedLen, TypeInfo,
)]
#[scale_info(skip_type_params(MaxChunks))]
pub struct StakeLedger<Balance, BlockNumber, MaxChunks>
where
	Balance: Clone + core::fmt::Debug + PartialEq + Eq,
	BlockNumber: Clone + core::fmt::Debug + PartialEq + Eq,
	MaxChunks: Get<u32>,
{
	/// Stake earning the full reward rate; can be unstaked or locked.
	pub unlocked: Balance,
	/// Stake backing DIEM; earns `locked_yield_share` of the rate; only the DIEM pallet moves it.
	pub locked: Balance,
	/// Pending `unstake` requests, oldest first. They earn nothing.
	pub unbonding: BoundedVec<UnbondingChunk<Balance, BlockNumber>, MaxChunks>,
	/// Rewards settled but not yet claimed or compounded.
	pub pending_rewards: Balance,
	/// The unlocked accumulator at the last settlement.
	pub unlocked_index: U256,
	/// The locked accumulator at the last settlement.
	pub locked_index: U256,
	/// Restake pending rewards whenever the account is touched, and let anyone `compound` it.
	pub auto_compound: bool,
}

impl<Balance, BlockNumber, MaxChunks> StakeLedger<Balance, BlockNumber, MaxChunks>
where
	Balance: Clone + core::fmt::Debug + PartialEq + Eq + Default,
	BlockNumber: Clone + core::fmt::Debug + PartialEq + Eq,
	MaxChunks: Get<u32>,
{
	/// A ledger with nothing in it, settled up to the given accumulators.
	pub fn new(unlocked_index: U256, locked_index: U256) -> Self {
		Self {
			unlocked: Balance::default(),
			locked: Balance::default(),
			unbonding: BoundedVec::default(),
			pending_rewards: Balance::default(),
			unlocked_index,
			locked_index,
			auto_compound: false,
		}
	}
}

/// An account's stake as the runtime API reports it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct StakeState<BlockNumber> {
	/// Stake earning the full rate; can be unstaked or locked behind DIEM.
	pub unlocked: Balance,
	/// Stake locked behind DIEM (unlocked by burning it).
	pub locked: Balance,
	/// Unstaked HASH and the block each part becomes withdrawable at, oldest first.
	pub unbonding: alloc::vec::Vec<UnbondingChunk<Balance, BlockNumber>>,
	/// Rewards `claim_rewards` would pay now (settled and accrued since).
	pub claimable_rewards: Balance,
	/// Whether rewards are restaked automatically.
	pub auto_compound: bool,
}
