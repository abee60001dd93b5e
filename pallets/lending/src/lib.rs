//! # Lending
//!
//! One isolated lending market: lenders supply HASH and earn interest; DIEM holders lock DIEM as
//! collateral and borrow HASH against it, priced by the chain's own HASH/DIEM pool
//! (`pallet-asset-conversion`) through a time-weighted average.
//!
//! ## Supply
//!
//! A lender's HASH goes into the market's account and the lender receives shares:
//! `amount ÷ supply_index`, rounded down. A share is worth `supply_index` HASH, and the index
//! grows as borrowers pay interest, so a lender withdraws more than it supplied. The index is
//! kept by the books, not read off the account's balance: HASH sent to the market's account
//! by anyone else is a gift to the market and changes no share's value (no share-inflation
//! attack). Withdrawals are limited by the liquidity (the HASH not lent out).
//!
//! ## Borrow
//!
//! A borrower holds DIEM under [`HoldReason::Collateral`] (the DIEM stays in its account, frozen
//! for the market) and borrows HASH up to `collateral × price × collateral_factor`, where price
//! is the lower of the pool's spot price and the TWAP. The debt is kept as scaled debt: `amount
//! ÷ borrow_index`, rounded up; the borrow index grows at the market's borrow rate on every
//! touch of the market (any call accrues interest first), so interest needs no loop over
//! borrowers. The rate follows a jump-rate model of utilisation ([`RateModel`]);
//! `reserve_factor` of the interest goes to the protocol reserve, the rest to the lenders.
//! A borrower repays in part or in full at any time; paying more than the debt pays the debt.
//!
//! Collateral earns no inference credits in this version: credits come from DIEM staked in
//! `pallet-inference-credits`, which may be committed to leases and to vouchers in flight for
//! the rest of an epoch. DIEM seized in a liquidation must be free to move at once, so one unit
//! of DIEM is either credit stake or collateral, never both.
//!
//! ## Price
//!
//! At each block's initialization, before that block's swaps, the pallet reads the pool's
//! reserves and adds the price it has been accumulating times the blocks since its last reading
//! to a cumulative price (Uniswap v2's construction); every `ObservationInterval` blocks it keeps
//! the accumulator in a ring of `MaxObservations` slots. The TWAP over `oracle_window` blocks is
//! the difference of the accumulator now and at the newest observation at least a window old,
//! over the blocks between them. A swap that moves the spot price for one block moves the TWAP
//! by one block's share of the window.
//!
//! Guards: borrowing (and withdrawing collateral from a loan) needs a TWAP whose ring spans the
//! window, a last reading no older than `max_oracle_age`, at least `min_pool_depth` HASH in the
//! pool, and spot within `max_deviation` of the TWAP (borrowing pauses past it). Total debt
//! stays within `borrow_cap` and within `max_borrow_of_pool` of the pool's HASH: the collateral
//! behind a large loan has to be sellable. Liquidation uses the TWAP alone and needs only a
//! TWAP that is ready and fresh: draining the pool must not stop liquidations.
//!
//! ## Liquidation
//!
//! A loan whose debt exceeds `collateral × TWAP × liquidation_threshold` is unhealthy. Anyone
//! (but the borrower) may repay up to `close_factor` of its debt and receives collateral worth the
//! repaid HASH plus `liquidation_bonus`, at the TWAP. Where the collateral is worth less than
//! that, the liquidator gets all of it for its worth less the bonus, and the debt left over is
//! bad debt: the reserve absorbs it first, then the lenders (the supply index falls by exactly
//! their loss); [`MarketState::bad_debt`] counts it all.
//!
//! ## Parameters
//!
//! [`MarketParams`] are set by `GovernanceOrigin` within the hard bounds of [`bounds`] (checked
//! in `integrity_test`, at genesis and on every change). A change is scheduled
//! (`ParamsChangeScheduled`), applies `ParamsChangeDelay` blocks later (`ParamsChanged`) after
//! interest is accrued at the old rates, and can be cancelled before then. Governance can also
//! move reserve HASH out of the market (`withdraw_reserve`).
//!
//! ## Why a pallet of our own
//!
//! polkadot-sdk has no lending or collateral pallet, and none of the maintained FRAME ones
//! (Acala's CDP engine, the Parallel/Interlay `loans`, Centrifuge's loans) builds on stable2609
//! without ORML. The money is `fungible` HASH (`pallet-balances`) and DIEM with holds
//! (`pallet-assets` + `pallet-assets-holder`); the price comes from `pallet-asset-conversion`'s
//! reserves through [`PoolReserves`].
//!
//! ## Code by topic
//!
//! `supply` (supply, withdraw), `borrow` (collateral, borrow, repay), `liquidate` (liquidation and
//! bad debt), `market` (the books and interest accrual), `oracle` (accumulator, ring, TWAP and
//! guards), `params` (bounds and the delayed change), `math` (rounding by name), `views` (what
//! the runtime API reports), `invariants` (`try_state`) and `asset` (every HASH and DIEM
//! movement).
//!
//! ## Invariants (checked by `try_state`)
//!
//! - Liquidity + borrowed ≥ supplied + reserve: the HASH in the market and owed to it covers
//!   what it owes the lenders and the protocol; every rounding leaves the difference to the
//!   market (bad debt already written off is in neither side).
//! - Σ lenders' shares = total shares; Σ loans' scaled debt = total scaled debt; every loan's
//!   collateral is held under the collateral reason, and Σ collateral = total collateral.
//! - Both indexes are at least one; no empty loan or zero share record is stored; the ring
//!   holds only observations at multiples of the interval, in their slots; the parameters are
//!   within bounds.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

mod asset;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod borrow;
#[cfg(any(test, feature = "try-runtime", feature = "std"))]
mod invariants;
mod liquidate;
mod market;
pub mod math;
mod oracle;
pub mod params;
pub mod runtime_api;
mod supply;
#[cfg(test)]
mod tests;
mod types;
mod views;
pub mod weights;

pub use params::bounds;

use diem_primitives::Balance;
#[cfg(feature = "try-runtime")]
use polkadot_sdk::sp_runtime;
use polkadot_sdk::{frame_support, frame_system};

/// The HASH/DIEM pool the market takes its price from.
pub trait PoolReserves {
	/// HASH and DIEM in the pool now; `None` if there is no pool.
	fn reserves() -> Option<(Balance, Balance)>;
}

/// What benchmarks need from the runtime: funded accounts and a pool with a given depth.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Gives `who` `hash` free HASH and `diem` free DIEM.
	fn fund(who: &AccountId, hash: Balance, diem: Balance);
	/// Makes the pool hold `hash` HASH and `diem` DIEM.
	fn set_pool(hash: Balance, diem: Balance);
}

// The FRAME macros expand storage, events and calls into code with `expect` and narrowing
// casts (on values they bound themselves); the lints stay on for the logic in the other files.
#[allow(clippy::expect_used, clippy::cast_possible_truncation)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Mutate, MutateHold},
			BuildGenesisConfig,
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// DIEM a borrower holds as collateral.
		Collateral,
	}

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The runtime's hold reasons.
		type RuntimeHoldReason: From<HoldReason>;

		/// HASH: supplied, lent, repaid and paid out from the market's account.
		type NativeCurrency: Mutate<Self::AccountId, Balance = Balance>;

		/// DIEM: collateral (held in the borrower's account) and seized in liquidations.
		type Diem: MutateHold<Self::AccountId, Balance = Balance, Reason = Self::RuntimeHoldReason>;

		/// The HASH/DIEM pool: the price source.
		type Pool: PoolReserves;

		/// Sets the parameters and withdraws reserve.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The market's account, which holds the lenders' HASH.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Blocks per year: annual rates are spread over them.
		#[pallet::constant]
		type BlocksPerYear: Get<u32>;

		/// Blocks between scheduling a parameter change and its taking effect.
		#[pallet::constant]
		type ParamsChangeDelay: Get<u32>;

		/// Blocks between two observations of the ring.
		#[pallet::constant]
		type ObservationInterval: Get<u32>;

		/// Slots of the ring: the longest window is `(MaxObservations − 1) × ObservationInterval`.
		#[pallet::constant]
		type MaxObservations: Get<u32>;

		/// Weights measured by the benchmarks.
		type WeightInfo: WeightInfo;

		/// Funds accounts and the pool for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The parameters in force.
	#[pallet::storage]
	pub type Params<T> = StorageValue<_, MarketParams, OptionQuery>;

	/// A parameter change waiting for its block.
	#[pallet::storage]
	pub type PendingParams<T> = StorageValue<_, PendingParamsChange, OptionQuery>;

	/// The market's books.
	#[pallet::storage]
	pub type State<T> = StorageValue<_, MarketState, ValueQuery>;

	/// Lenders' shares.
	#[pallet::storage]
	pub type Shares<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Balance, OptionQuery>;

	/// Borrowers' collateral and debt.
	#[pallet::storage]
	pub type Loans<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, Loan, OptionQuery>;

	/// The price accumulator.
	#[pallet::storage]
	pub type Oracle<T> = StorageValue<_, OracleState, ValueQuery>;

	/// The ring of accumulator observations, by slot `(block ÷ interval) mod MaxObservations`.
	#[pallet::storage]
	pub type Observations<T> = StorageMap<_, Twox64Concat, u32, Observation, OptionQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The initial parameters; `None` leaves the market closed until governance sets them.
		pub params: Option<MarketParams>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// Genesis must be valid: a bad preset is a bug that should stop the chain spec build.
			#![allow(clippy::panic)]
			if let Some(params) = self.params {
				if let Err(e) = Pallet::<T>::validate_params(&params) {
					panic!("invalid genesis lending params {params:?}: {e:?}");
				}
				Params::<T>::put(params);
			}
			if let Err(e) = asset::endow_market::<T>() {
				panic!("cannot create the lending market's account: {e:?}");
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A lender supplied HASH for shares.
		Supplied { who: T::AccountId, amount: Balance, shares: Balance },
		/// A lender withdrew HASH, giving up shares.
		Withdrawn { who: T::AccountId, amount: Balance, shares: Balance },
		/// A borrower put DIEM on hold as collateral.
		CollateralDeposited { who: T::AccountId, amount: Balance },
		/// A borrower took DIEM collateral back.
		CollateralWithdrawn { who: T::AccountId, amount: Balance },
		/// A borrower borrowed HASH; `debt` is what it owes now.
		Borrowed { who: T::AccountId, amount: Balance, debt: Balance },
		/// A borrower repaid HASH; `debt` is what it still owes.
		Repaid { who: T::AccountId, amount: Balance, debt: Balance },
		/// A liquidator repaid part of an unhealthy loan and took collateral.
		Liquidated {
			liquidator: T::AccountId,
			borrower: T::AccountId,
			repaid: Balance,
			collateral: Balance,
			price: Price,
			debt: Balance,
		},
		/// A loan left without collateral was written off: the reserve and then the lenders
		/// absorbed its debt.
		BadDebt {
			borrower: T::AccountId,
			amount: Balance,
			from_reserve: Balance,
			from_lenders: Balance,
		},
		/// Governance moved reserve HASH out of the market.
		ReserveWithdrawn { amount: Balance, to: T::AccountId },
		/// A parameter change was scheduled.
		ParamsChangeScheduled { params: MarketParams, effective_at: u32 },
		/// A scheduled change was cancelled, or dropped at its block because it no longer passed.
		ParamsChangeCancelled { params: MarketParams },
		/// New parameters are in force.
		ParamsChanged { params: MarketParams },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The amount is zero.
		ZeroAmount,
		/// The amount is worth less than one share or one unit of scaled debt.
		AmountTooSmall,
		/// The market has no parameters yet.
		MarketClosed,
		/// The supply would exceed `supply_cap`.
		SupplyCapReached,
		/// The caller has supplied nothing.
		NothingSupplied,
		/// The market has not that much HASH that is not lent out.
		InsufficientLiquidity,
		/// Not enough free HASH or DIEM.
		InsufficientBalance,
		/// The caller has no loan.
		NoLoan,
		/// More collateral than the loan holds.
		NotEnoughCollateral,
		/// The debt would exceed the collateral's borrowing limit.
		BorrowLimitExceeded,
		/// Total debt would exceed `borrow_cap`.
		BorrowCapReached,
		/// Total debt would exceed `max_borrow_of_pool` of the pool's HASH.
		PoolBorrowCapReached,
		/// The loan owes nothing.
		NoDebt,
		/// The loan is healthy: it cannot be liquidated.
		LoanHealthy,
		/// A borrower cannot liquidate its own loan.
		SelfLiquidation,
		/// The collateral to seize is zero or below what the liquidator's account can receive.
		SeizeTooSmall,
		/// There is no pool, or it is empty.
		NoPrice,
		/// The ring does not span the oracle window yet.
		OracleNotReady,
		/// The pool was last read longer ago than `max_oracle_age`.
		OracleStale,
		/// The pool holds less HASH than `min_pool_depth`.
		PoolTooThin,
		/// Spot and TWAP differ by more than `max_deviation`: borrowing is paused.
		PriceDeviation,
		/// The reserve holds less than that.
		InsufficientReserve,
		/// A change is already scheduled: cancel it first.
		ParamsChangeAlreadyScheduled,
		/// No change is scheduled.
		NoParamsChangeScheduled,
		/// `collateral_factor` is zero or above its bound, or not below the threshold.
		CollateralFactorOutOfBounds,
		/// `liquidation_threshold` is above its bound, or with the bonus it reaches 100%.
		LiquidationThresholdOutOfBounds,
		/// `close_factor` is outside its bounds.
		CloseFactorOutOfBounds,
		/// `liquidation_bonus` is above its bound.
		LiquidationBonusOutOfBounds,
		/// `reserve_factor` is above its bound.
		ReserveFactorOutOfBounds,
		/// A rate or the kink is outside its bounds.
		RateModelOutOfBounds,
		/// `oracle_window` is shorter than two intervals or longer than the ring spans.
		OracleWindowOutOfBounds,
		/// `max_oracle_age`, `max_deviation` or `min_pool_depth` is outside its bounds.
		OracleGuardsOutOfBounds,
		/// `max_borrow_of_pool` is zero, or a cap is zero.
		CapsOutOfBounds,
		/// An amount overflows.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			let now = Self::now();
			// Interest up to now accrues at the old rates before new parameters apply.
			let applied = Self::apply_due_params_change(now);
			Self::observe_pool(now);
			let mut weight = T::WeightInfo::oracle_update();
			if applied {
				weight.saturating_accrue(T::WeightInfo::apply_params_change());
			}
			weight
		}

		fn integrity_test() {
			assert!(T::BlocksPerYear::get() > 0, "BlocksPerYear must be > 0");
			assert!(T::ParamsChangeDelay::get() > 0, "ParamsChangeDelay must be > 0");
			assert!(T::ObservationInterval::get() > 0, "ObservationInterval must be > 0");
			assert!(T::MaxObservations::get() >= 3, "the ring must span two intervals");
			assert!(
				bounds::MAX_COLLATERAL_FACTOR < bounds::MAX_LIQUIDATION_THRESHOLD,
				"the collateral factor bound must be below the threshold bound"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Supplies `amount` HASH to the market for shares.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::supply())]
		pub fn supply(origin: OriginFor<T>, #[pallet::compact] amount: Balance) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_supply(&who, amount)
		}

		/// Withdraws `amount` HASH of the caller's supply (all of it if `amount` is more), as far
		/// as the liquidity allows.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::withdraw())]
		pub fn withdraw(
			origin: OriginFor<T>,
			#[pallet::compact] amount: Balance,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw(&who, amount)
		}

		/// Puts `amount` DIEM of the caller on hold as collateral.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::deposit_collateral())]
		pub fn deposit_collateral(
			origin: OriginFor<T>,
			#[pallet::compact] amount: Balance,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_deposit_collateral(&who, amount)
		}

		/// Releases `amount` DIEM of the caller's collateral, if its debt stays within the
		/// borrowing limit.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::withdraw_collateral())]
		pub fn withdraw_collateral(
			origin: OriginFor<T>,
			#[pallet::compact] amount: Balance,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_collateral(&who, amount)
		}

		/// Borrows `amount` HASH against the caller's collateral.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::borrow())]
		pub fn borrow(origin: OriginFor<T>, #[pallet::compact] amount: Balance) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_borrow(&who, amount)
		}

		/// Repays `amount` HASH of the caller's debt (the whole debt if `amount` is more).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::repay())]
		pub fn repay(origin: OriginFor<T>, #[pallet::compact] amount: Balance) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_repay(&who, amount)
		}

		/// Repays up to `max_repay` HASH (at most `close_factor` of the debt) of `borrower`'s
		/// unhealthy loan for its collateral plus the bonus, at the TWAP.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::liquidate())]
		pub fn liquidate(
			origin: OriginFor<T>,
			borrower: T::AccountId,
			#[pallet::compact] max_repay: Balance,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_liquidate(&who, &borrower, max_repay)
		}

		/// Moves `amount` HASH of the protocol reserve out of the market to `to`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::withdraw_reserve())]
		pub fn withdraw_reserve(
			origin: OriginFor<T>,
			#[pallet::compact] amount: Balance,
			to: T::AccountId,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_withdraw_reserve(amount, &to)
		}

		/// Schedules `params` to replace the market's parameters `ParamsChangeDelay` blocks from
		/// now (or sets the first ones).
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::schedule_params_change())]
		pub fn schedule_params_change(
			origin: OriginFor<T>,
			params: MarketParams,
		) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_schedule_params_change(params)
		}

		/// Cancels the scheduled parameter change.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::cancel_params_change())]
		pub fn cancel_params_change(origin: OriginFor<T>) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_cancel_params_change()
		}
	}
}
