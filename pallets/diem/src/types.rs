//! Storage and runtime-API types of the DIEM pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use diem_primitives::{curve::CurveParams, Balance};
use scale_info::TypeInfo;

/// An account's minting position: the HASH stake it locked and the DIEM it minted against it
/// and has not burned. Burning unlocks stake at the position's average cost.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct Position {
	/// HASH stake locked in compute staking behind this position.
	pub locked: Balance,
	/// DIEM minted by this account and not burned yet.
	pub outstanding: Balance,
}

/// A curve change waiting for its block. Minting is paused until it applies or is cancelled.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct PendingCurveChange<BlockNumber> {
	/// The parameters that will apply.
	pub params: CurveParams,
	/// The block whose initialization applies them.
	pub effective_at: BlockNumber,
}

/// What a dApp shows about the curve: [`crate::runtime_api::DiemApi::curve_status`].
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct CurveStatus<BlockNumber> {
	/// The curve in force: its parameters include the target `T` and the cap `max_supply`.
	pub params: CurveParams,
	/// DIEM supply on the curve (= Σ positions' outstanding DIEM = DIEM total issuance).
	pub supply: Balance,
	/// Marginal rate at the current supply, HASH base units per whole DIEM.
	pub marginal_rate: Option<Balance>,
	/// Whether governance has opened minting.
	pub minting_open: bool,
	/// Whether mints are refused right now (closed, or a change pending).
	pub minting_paused: bool,
	/// A scheduled curve change, if any.
	pub pending_change: Option<PendingCurveChange<BlockNumber>>,
}

/// An account's position as the runtime API reports it.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct PositionInfo {
	/// HASH stake locked behind the position.
	pub locked: Balance,
	/// DIEM outstanding.
	pub outstanding: Balance,
	/// `locked / outstanding`: HASH base units per whole DIEM a burn unlocks.
	pub average_rate: Balance,
}

/// The answer to a stake quote: what `mint_with_stake(stake, _)` would mint now.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct StakeQuote {
	/// DIEM base units minted.
	pub diem: Balance,
	/// HASH locked for them (≤ the stake).
	pub cost: Balance,
	/// Stake left unlocked.
	pub unspent: Balance,
}

/// Why a quote cannot be given.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub enum QuoteError {
	/// The amount would take the supply above `max_supply`.
	AboveMaxSupply,
	/// The computation does not fit (amount too large).
	Overflow,
}

/// Two ways to get `diem` DIEM now, each in HASH: mint it on the curve or buy it on the DEX. A
/// mint locks the HASH (it stays the minter's stake, earning the locked yield, and a burn unlocks
/// it at the position's average cost); a purchase spends it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct BuyOrMint {
	/// The DIEM asked for (base units).
	pub diem: Balance,
	/// Unlocked HASH stake a mint of `diem` locks now.
	pub mint_cost: Result<Balance, QuoteError>,
	/// Whether minting is open and not paused now (the cost is quoted either way).
	pub can_mint: bool,
	/// HASH a swap of exactly `diem` out of the HASH/DIEM pool spends, its fee included; `None`
	/// when there is no pool or it holds too little DIEM.
	pub buy_cost: Option<Balance>,
}
