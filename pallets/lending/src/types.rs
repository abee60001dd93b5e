//! Types stored by the pallet and reported by its runtime API.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use diem_primitives::Balance;
use polkadot_sdk::sp_runtime::{traits::One, FixedU128, Permill};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

/// A price: HASH per DIEM (both have 12 decimals, so it is also base unit per base unit).
pub type Price = FixedU128;

/// A block number as the pallet counts time: the oracle's window, ages and interest periods.
pub type Blocks = u32;

/// The jump-rate model: the annual borrow rate as a function of utilisation `u`.
///
/// Below the kink the rate rises from `base` by `slope_low` over the whole range `0..kink`;
/// above it by a further `slope_high` over `kink..100%`, so lenders are paid to bring liquidity
/// back before the market runs dry.
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
pub struct RateModel {
	/// Annual borrow rate at zero utilisation.
	pub base: FixedU128,
	/// What the annual rate gains from zero utilisation to the kink.
	pub slope_low: FixedU128,
	/// What the annual rate gains from the kink to full utilisation.
	pub slope_high: FixedU128,
	/// The utilisation where the steep slope starts.
	pub kink: Permill,
}

/// The market's parameters, set by governance within [`crate::bounds`].
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
pub struct MarketParams {
	/// Loan-to-value: a borrow may take the debt up to this share of the collateral's value
	/// (at the lower of spot and TWAP).
	pub collateral_factor: Permill,
	/// A loan whose debt exceeds this share of its collateral's value (at the TWAP) can be
	/// liquidated.
	pub liquidation_threshold: Permill,
	/// The share of a loan's debt one liquidation may repay.
	pub close_factor: Permill,
	/// The liquidator's reward: collateral worth the repaid HASH plus this share of it.
	pub liquidation_bonus: Permill,
	/// The share of interest that goes to the protocol reserve instead of the lenders.
	pub reserve_factor: Permill,
	/// The borrow rate by utilisation.
	pub rate: RateModel,
	/// Most HASH the lenders may have in the market.
	pub supply_cap: Balance,
	/// Most HASH the borrowers may owe in all.
	pub borrow_cap: Balance,
	/// Most the borrowers may owe in all, as a share of the pool's HASH reserve: the
	/// collateral of a large loan must be sellable through the pool.
	pub max_borrow_of_pool: Permill,
	/// Least HASH in the pool for its price to back a borrow.
	pub min_pool_depth: Balance,
	/// Blocks the time-weighted average price is taken over.
	pub oracle_window: Blocks,
	/// The oracle refuses a price whose last observation is older than this (blocks).
	pub max_oracle_age: Blocks,
	/// Borrowing pauses while spot and TWAP differ by more than this share of the TWAP.
	pub max_deviation: Permill,
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
pub struct PendingParamsChange {
	/// The parameters that will apply.
	pub params: MarketParams,
	/// The block whose initialization applies them.
	pub effective_at: Blocks,
}

/// The market's books: lenders' shares, borrowers' scaled debt, the two indexes and the
/// reserve.
///
/// A lender's HASH is `shares × supply_index`; a borrower's debt is `scaled_debt ×
/// borrow_index`. Interest moves both indexes forward on every touch (no loop over accounts);
/// bad debt beyond the reserve moves the supply index back by exactly the lenders' loss.
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
pub struct MarketState {
	/// Σ lenders' shares.
	pub total_shares: Balance,
	/// HASH per share.
	pub supply_index: FixedU128,
	/// Σ borrowers' scaled debt.
	pub total_scaled_debt: Balance,
	/// HASH owed per unit of scaled debt.
	pub borrow_index: FixedU128,
	/// HASH in the market that belongs to the protocol (interest × reserve factor, less the
	/// bad debt it absorbed and what governance withdrew).
	pub reserve: Balance,
	/// Σ DIEM held as collateral.
	pub total_collateral: Balance,
	/// All bad debt ever written off (HASH): what the reserve and the lenders absorbed.
	pub bad_debt: Balance,
	/// The block interest was last accrued in.
	pub last_accrued: Blocks,
}

impl Default for MarketState {
	fn default() -> Self {
		Self {
			total_shares: 0,
			supply_index: FixedU128::one(),
			total_scaled_debt: 0,
			borrow_index: FixedU128::one(),
			reserve: 0,
			total_collateral: 0,
			bad_debt: 0,
			last_accrued: 0,
		}
	}
}

/// A borrower's loan: DIEM held as collateral and the debt in scaled units.
#[derive(
	Clone,
	Copy,
	Debug,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct Loan {
	/// DIEM held under [`crate::HoldReason::Collateral`].
	pub collateral: Balance,
	/// The debt divided by the borrow index when it was taken (rounded up).
	pub scaled_debt: Balance,
}

impl Loan {
	/// Nothing deposited, nothing owed: the record goes.
	pub fn is_empty(&self) -> bool {
		self.collateral == 0 && self.scaled_debt == 0
	}
}

/// The oracle's accumulator: Σ price × blocks since the first observation (wrapping, as
/// Uniswap v2's: only differences are used) and the price it is accumulating.
#[derive(
	Clone,
	Copy,
	Debug,
	Default,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub struct OracleState {
	/// Σ price (its `FixedU128` inner value) × blocks, up to `last_update`, wrapping at 2¹²⁸.
	pub cumulative: u128,
	/// The pool's price read at `last_update`'s initialization (before that block's swaps).
	pub last_price: FixedU128,
	/// The last block the pool could be read in; `None` before the first.
	pub last_update: Option<Blocks>,
}

/// One point of the TWAP's ring: the accumulator at a block.
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
pub struct Observation {
	/// The block it was taken in.
	pub at: Blocks,
	/// [`OracleState::cumulative`] then.
	pub cumulative: u128,
}

/// What the oracle says now, as the runtime API reports it.
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct OracleView {
	/// The pool's price now (after this block's swaps so far); `None` without a pool.
	pub spot: Option<Price>,
	/// The time-weighted average over the window; `None` until the ring spans it.
	pub twap: Option<Price>,
	/// Blocks since the pool was last read; `None` before the first read.
	pub age: Option<Blocks>,
	/// HASH in the pool now.
	pub pool_hash: Balance,
	/// Why a borrow would be refused now, if it would: the error's name.
	pub borrowing_paused: Option<alloc::string::String>,
}

/// The market as the runtime API reports it (interest accrued to the current block).
#[derive(Clone, Debug, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct MarketView {
	/// What the lenders own: Σ shares × supply index.
	pub supplied: Balance,
	/// What the borrowers owe: Σ scaled debt × borrow index.
	pub borrowed: Balance,
	/// HASH the market can lend or pay out now.
	pub liquidity: Balance,
	/// Borrowed over (liquidity + borrowed − reserve).
	pub utilisation: Permill,
	/// The annual borrow rate now.
	pub borrow_rate: FixedU128,
	/// The annual rate lenders earn now: borrow rate × utilisation × (1 − reserve factor).
	pub supply_rate: FixedU128,
	/// The protocol reserve.
	pub reserve: Balance,
	/// All bad debt ever written off.
	pub bad_debt: Balance,
	/// Σ DIEM held as collateral.
	pub collateral: Balance,
	/// HASH per share.
	pub supply_index: FixedU128,
	/// HASH owed per unit of scaled debt.
	pub borrow_index: FixedU128,
	/// The price and its guards.
	pub oracle: OracleView,
	/// The parameters in force.
	pub params: MarketParams,
	/// A scheduled change of them.
	pub pending_params: Option<PendingParamsChange>,
}

/// An account's position as the runtime API reports it (interest accrued to now).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Encode, Decode, TypeInfo)]
pub struct PositionView {
	/// Its shares of the lenders' side.
	pub shares: Balance,
	/// What those shares are worth in HASH.
	pub supplied: Balance,
	/// DIEM it holds as collateral.
	pub collateral: Balance,
	/// HASH it owes.
	pub debt: Balance,
	/// Most it may owe after a borrow now (collateral × the lower of spot and TWAP × LTV);
	/// `None` while the oracle has no usable price.
	pub borrow_limit: Option<Balance>,
	/// Collateral × TWAP × liquidation threshold ÷ debt: below one the loan can be
	/// liquidated. `None` without debt or without a TWAP.
	pub health_factor: Option<FixedU128>,
	/// The TWAP at which the loan becomes liquidatable. `None` without debt or collateral.
	pub liquidation_price: Option<Price>,
}
