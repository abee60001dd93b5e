//! # DIEM
//!
//! Hash power becomes a token: an account that stakes HASH in compute staking locks part of that
//! stake here to mint DIEM on the mint curve, and burns DIEM to unlock it again.
//!
//! ## Model
//!
//! The marginal price of DIEM rises with the supply `S` along
//! `rate(S) = R0 · exp(k · (S/T)³)` HASH per DIEM ([`diem_primitives::curve`]); minting `d` at
//! supply `S` locks `C(S + d) − C(S)` HASH of the caller's unlocked stake, where `C` is the
//! rate's integral, so one mint and several smaller ones cost exactly the same. The HASH stays the
//! caller's and keeps earning the locked share of the staking yield; it just cannot be unstaked
//! while it backs DIEM.
//!
//! Each account has a [`Position`]: the HASH it locked and the DIEM it minted and has not
//! burned. Burning `d` of it (which needs `d` of liquid DIEM in the account, e.g. bought back
//! after a transfer) unlocks `locked · d / outstanding` HASH, rounded down; the last burn unlocks
//! exactly what remains. DIEM received from someone else carries no position: only minters can
//! burn, at their own average cost.
//!
//! ## Calls
//!
//! | call | who | does |
//! |---|---|---|
//! | `mint(diem, max_cost)` | staker | mint exactly `diem`, locking its cost (≤ `max_cost`) |
//! | `mint_with_stake(max_stake, min_diem)` | staker | mint the most DIEM `max_stake` buys (≥ `min_diem`) |
//! | `burn(diem)` | minter | burn DIEM, unlock stake at the position's average cost |
//! | `set_minting_open(open)` | governance | open (or close) minting |
//! | `schedule_curve_change(params)` | governance | new curve after `CurveChangeDelay` blocks |
//! | `cancel_curve_change()` | governance | drop the scheduled change |
//!
//! Minting is closed at genesis unless the genesis config opens it (a launch where nobody can
//! snipe the cheapest DIEM before the chain is public), and paused while a curve change is
//! scheduled, so nobody mints at a price that is about to change. Burns are always possible.
//!
//! ## Parameters
//!
//! [`CurveParams`]: `base_rate` (R0, HASH base units per DIEM), `steepness_ppm` (k · 10⁶),
//! `target` (T) and `max_supply`, the hard cap. `T::DefaultCurve` (checked by `integrity_test`)
//! applies until genesis or governance sets another; every change is validated
//! (`C(max_supply)` computable, `max_supply` ≥ the current supply).
//!
//! ## Weights
//!
//! The calls' benchmarks run on short curve series; each curve evaluation a call makes is
//! charged on top at the cost of the longest series any valid curve can take (`curve_series`,
//! measured at the cap of the steepest curve validation accepts). `mint_with_stake` is charged
//! for the longest search and refunds the rounds it did not use.
//!
//! ## DIEM itself
//!
//! On the runtime DIEM is the asset [`diem_primitives::diem::ASSET_ID`] of `pallet-assets`, owned
//! by a keyless account so no signed origin can mint, burn, freeze or destroy it; this pallet
//! sees it through `fungible::ItemOf` and is the only code that mints and burns it. A burn
//! refuses to leave a balance below DIEM's minimum (so no DIEM becomes dust).
//!
//! ## Genesis liquidity
//!
//! The genesis config may seed DEX pools ([`GenesisConfig::liquidity`]): after the protocol
//! mints, each entry puts that much HASH and DIEM of an account into the HASH/DIEM pool through
//! `T::Liquidity` (the runtime's `pallet-asset-conversion`), so a new chain can swap from block 1.
//!
//! ## Invariants (checked by `try_state`)
//!
//! - DIEM total issuance = [`Supply`] = Σ positions' outstanding DIEM: only this pallet mints
//!   and burns DIEM;
//! - [`TotalLocked`] = Σ positions' locked HASH = the stake compute staking reports locked, per
//!   account and in total;
//! - no position is empty, and a position with DIEM outstanding has stake locked.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod functions;
pub mod runtime_api;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

use polkadot_sdk::{frame_support, frame_system, sp_runtime};

/// Where genesis liquidity goes: the runtime creates the HASH/DIEM pool of its DEX and adds the
/// amounts from `who`'s balances. `()` has no DEX and refuses any liquidity.
pub trait GenesisLiquidity<AccountId> {
	fn provide(
		who: &AccountId,
		hash: diem_primitives::Balance,
		diem: diem_primitives::Balance,
	) -> sp_runtime::DispatchResult;
}

impl<AccountId> GenesisLiquidity<AccountId> for () {
	fn provide(
		_: &AccountId,
		_: diem_primitives::Balance,
		_: diem_primitives::Balance,
	) -> sp_runtime::DispatchResult {
		Err(sp_runtime::DispatchError::Other("this runtime has no DEX for genesis liquidity"))
	}
}

/// What benchmarks need from the runtime: an account with unlocked HASH stake.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Gives `who` `amount` of unlocked stake in compute staking, in the state where locking and
	/// unlocking cost the most: auto-compound on and rewards pending (restaked on the lock).
	fn stake(who: &AccountId, amount: diem_primitives::Balance) -> sp_runtime::DispatchResult;
}

// The FRAME macros expand storage, events and calls into code with `expect` and narrowing
// casts (on values they bound themselves); the lints stay on for the logic in `functions.rs`.
#[allow(clippy::expect_used, clippy::cast_possible_truncation)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use diem_primitives::{
		curve::{self, CurveParams},
		Balance, StakeLocker,
	};
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate},
			BuildGenesisConfig,
		},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::Zero;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The DIEM token (on the runtime: DIEM's asset in `pallet-assets`, whose owner is keyless).
		type Diem: Inspect<Self::AccountId, Balance = Balance> + Mutate<Self::AccountId>;

		/// Compute staking: locks and unlocks the HASH stake behind positions.
		type StakeLocker: StakeLocker<Self::AccountId, Balance>;

		/// Opens minting and changes the curve.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The curve until genesis or governance sets another.
		#[pallet::constant]
		type DefaultCurve: Get<CurveParams>;

		/// Blocks between scheduling a curve change and its taking effect.
		#[pallet::constant]
		type CurveChangeDelay: Get<BlockNumberFor<Self>>;

		/// Puts genesis liquidity into the DEX ([`GenesisConfig::liquidity`]).
		type Liquidity: GenesisLiquidity<Self::AccountId>;

		/// Weights of the calls, from the benchmarks.
		type WeightInfo: WeightInfo;

		/// Prepares accounts for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	#[pallet::type_value]
	pub fn DefaultCurveOf<T: Config>() -> CurveParams {
		T::DefaultCurve::get()
	}

	/// The curve in force.
	#[pallet::storage]
	pub type Curve<T: Config> = StorageValue<_, CurveParams, ValueQuery, DefaultCurveOf<T>>;

	/// DIEM supply on the curve: Σ positions' outstanding DIEM.
	#[pallet::storage]
	pub type Supply<T> = StorageValue<_, Balance, ValueQuery>;

	/// HASH stake locked behind all positions.
	#[pallet::storage]
	pub type TotalLocked<T> = StorageValue<_, Balance, ValueQuery>;

	/// Minting positions by account.
	#[pallet::storage]
	pub type Positions<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, Position, OptionQuery>;

	/// Whether governance has opened minting.
	#[pallet::storage]
	pub type MintingOpen<T> = StorageValue<_, bool, ValueQuery>;

	/// A scheduled curve change; minting is paused while there is one.
	#[pallet::storage]
	pub type PendingChange<T: Config> =
		StorageValue<_, PendingCurveChange<BlockNumberFor<T>>, OptionQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` minted `diem`, locking `cost` HASH of stake.
		Minted { who: T::AccountId, diem: Balance, cost: Balance },
		/// `who` minted `diem` with at most `cost + unspent` HASH of stake; `unspent` stays
		/// unlocked.
		MintedWithStake { who: T::AccountId, diem: Balance, cost: Balance, unspent: Balance },
		/// `who` burned `diem`, unlocking `unlocked` HASH of stake.
		Burned { who: T::AccountId, diem: Balance, unlocked: Balance },
		/// Governance opened minting.
		MintingOpened,
		/// Governance closed minting.
		MintingClosed,
		/// A curve change will apply at `effective_at`; minting is paused until then.
		CurveChangeScheduled { params: CurveParams, effective_at: BlockNumberFor<T> },
		/// The scheduled curve change was cancelled.
		CurveChangeCancelled,
		/// A new curve applies from this block.
		CurveChanged { params: CurveParams },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The amount is zero.
		ZeroAmount,
		/// Minting has not been opened by governance (or was closed).
		MintingNotOpen,
		/// A curve change is scheduled; minting resumes when it applies or is cancelled.
		CurveChangePending,
		/// The mint would take the supply above the curve's `max_supply`.
		ExceedsMaxSupply,
		/// The cost computation does not fit; the amount is far too large.
		CurveOverflow,
		/// The cost is above the caller's `max_cost` (the price moved).
		SlippageExceeded,
		/// The stake buys less DIEM than the caller's `min_diem` (the price moved).
		BelowMinimumDiem,
		/// The cost is above the caller's unlocked stake in compute staking.
		InsufficientUnlockedStake,
		/// The amount is too small to cost anything or to buy anything.
		AmountTooSmall,
		/// The caller has no minting position.
		NoPosition,
		/// The burn is larger than the caller's outstanding DIEM.
		BurnExceedsOutstanding,
		/// The caller's liquid DIEM (not held, not frozen) is below the burn.
		InsufficientDiem,
		/// The burn would leave less DIEM than the existential deposit; burn all or less.
		WouldLeaveDust,
		/// Curve: `base_rate` is zero.
		CurveZeroBaseRate,
		/// Curve: `target` is zero.
		CurveZeroTarget,
		/// Curve: `max_supply` is zero.
		CurveZeroMaxSupply,
		/// Curve: `max_supply` is above the limit (2⁶⁴ base units).
		CurveMaxSupplyTooHigh,
		/// Curve: `steepness_ppm` is above the allowed maximum.
		CurveTooSteep,
		/// Curve: the series does not converge below `max_supply` (too steep or too long).
		CurveNotConverged,
		/// Curve: `max_supply` is below the DIEM already minted.
		MaxSupplyBelowSupply,
		/// A curve change is already scheduled; cancel it first.
		ChangeAlreadyScheduled,
		/// No curve change is scheduled.
		NoChangeScheduled,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The curve at genesis (`T::DefaultCurve` if `None`).
		pub curve: Option<CurveParams>,
		/// Whether minting is open from the first block.
		pub minting_open: bool,
		/// Protocol mints at genesis: each account mints this much DIEM on the curve against its
		/// genesis stake, a real position like any other.
		pub mints: alloc::vec::Vec<(T::AccountId, Balance)>,
		/// Liquidity at genesis, after the mints: each account puts `(hash, diem)` into the
		/// HASH/DIEM pool (creating it), so swaps work from the first block.
		pub liquidity: alloc::vec::Vec<(T::AccountId, Balance, Balance)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// Genesis must be valid: a bad preset is a bug that should stop the chain spec build.
			#![allow(clippy::panic)]
			// Stored even when it is the default, so a later change of `DefaultCurve` in a runtime
			// upgrade cannot reprice minting without `schedule_curve_change`.
			let curve = self.curve.unwrap_or_else(T::DefaultCurve::get);
			if let Err(e) = Pallet::<T>::validate_curve(&curve) {
				panic!("invalid genesis curve {curve:?}: {e:?}");
			}
			Curve::<T>::put(curve);
			if !T::Diem::total_issuance().is_zero() {
				panic!("DIEM exists at genesis outside pallet-diem: only mints create DIEM");
			}
			for (who, diem) in &self.mints {
				if let Err(e) = Pallet::<T>::mint_on_curve(who, *diem, Balance::MAX) {
					panic!("genesis mint of {diem} DIEM for {who:?} failed: {e:?}");
				}
			}
			for (who, hash, diem) in &self.liquidity {
				if let Err(e) = T::Liquidity::provide(who, *hash, *diem) {
					panic!(
						"genesis liquidity of {hash} HASH + {diem} DIEM from {who:?} failed: {e:?}"
					);
				}
			}
			MintingOpen::<T>::put(self.minting_open);
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			if Self::apply_due_curve_change(now) {
				Self::with_series(T::WeightInfo::on_initialize_apply_change(), 2)
			} else {
				T::WeightInfo::on_initialize_idle()
			}
		}

		fn integrity_test() {
			assert!(
				T::DefaultCurve::get().validate().is_ok(),
				"DefaultCurve is invalid: C(max_supply) must be computable"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(
			_n: BlockNumberFor<T>,
		) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Mints exactly `diem` DIEM (base units), locking its cost from the caller's unlocked
		/// stake. Fails if the cost is above `max_cost`.
		#[pallet::call_index(0)]
		#[pallet::weight(Pallet::<T>::with_series(T::WeightInfo::mint(), 2))]
		pub fn mint(
			origin: OriginFor<T>,
			#[pallet::compact] diem: Balance,
			#[pallet::compact] max_cost: Balance,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_mint(&who, diem, max_cost)
		}

		/// Mints the most DIEM that `max_stake` HASH of the caller's unlocked stake buys, at
		/// least `min_diem`, locking exactly its cost; the rest stays unlocked.
		///
		/// Charged for the longest search ([`diem_primitives::curve::MAX_INVERSE_ROUNDS`] series
		/// evaluations); the rounds not used are refunded.
		#[pallet::call_index(1)]
		#[pallet::weight(Pallet::<T>::mint_with_stake_weight(curve::MAX_INVERSE_ROUNDS))]
		pub fn mint_with_stake(
			origin: OriginFor<T>,
			#[pallet::compact] max_stake: Balance,
			#[pallet::compact] min_diem: Balance,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let rounds = Self::do_mint_with_stake(&who, max_stake, min_diem)?;
			Ok(Some(Self::mint_with_stake_weight(rounds)).into())
		}

		/// Burns `diem` of the caller's liquid DIEM against its position and unlocks the
		/// matching share of the position's locked stake.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::burn())]
		pub fn burn(origin: OriginFor<T>, #[pallet::compact] diem: Balance) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_burn(&who, diem)
		}

		/// Opens or closes minting.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_minting_open())]
		pub fn set_minting_open(origin: OriginFor<T>, open: bool) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_set_minting_open(open);
			Ok(())
		}

		/// Schedules `params` to replace the curve after `CurveChangeDelay` blocks; minting
		/// pauses until then.
		#[pallet::call_index(4)]
		#[pallet::weight(Pallet::<T>::with_series(T::WeightInfo::schedule_curve_change(), 2))]
		pub fn schedule_curve_change(origin: OriginFor<T>, params: CurveParams) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_schedule_curve_change(params)
		}

		/// Cancels the scheduled curve change; minting resumes.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::cancel_curve_change())]
		pub fn cancel_curve_change(origin: OriginFor<T>) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_cancel_curve_change()
		}
	}
}
