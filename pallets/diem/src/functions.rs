//! The pallet's logic: minting and burning against positions, governance of the curve, quotes
//! for the runtime API, and the invariants.

use crate::{
	pallet::*, CurveStatus, PendingCurveChange, PositionInfo, QuoteError, StakeQuote, WeightInfo,
};
use diem_primitives::{
	curve::{self, CurveError, CurveParams},
	diem, Balance, StakeLocker,
};
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{
			fungible::{Inspect, Mutate},
			tokens::{Fortitude, Precision, Preservation},
			Get,
		},
		weights::Weight,
	},
	frame_system::pallet_prelude::BlockNumberFor,
	sp_runtime::{traits::Saturating, DispatchError, DispatchResult},
};

impl<T: Config> From<CurveError> for Error<T> {
	fn from(e: CurveError) -> Self {
		match e {
			CurveError::ZeroBaseRate => Error::CurveZeroBaseRate,
			CurveError::ZeroTarget => Error::CurveZeroTarget,
			CurveError::ZeroMaxSupply => Error::CurveZeroMaxSupply,
			CurveError::MaxSupplyTooHigh => Error::CurveMaxSupplyTooHigh,
			CurveError::SteepnessTooHigh => Error::CurveTooSteep,
			CurveError::AboveMaxSupply => Error::ExceedsMaxSupply,
			CurveError::Overflow => Error::CurveOverflow,
			CurveError::NotConverged => Error::CurveNotConverged,
		}
	}
}

impl From<CurveError> for QuoteError {
	fn from(e: CurveError) -> Self {
		match e {
			CurveError::AboveMaxSupply => QuoteError::AboveMaxSupply,
			_ => QuoteError::Overflow,
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Checks a curve for use now: valid on its own and not below the DIEM already minted.
	pub(crate) fn validate_curve(params: &CurveParams) -> Result<(), Error<T>> {
		params.validate()?;
		ensure!(params.max_supply >= Supply::<T>::get(), Error::<T>::MaxSupplyBelowSupply);
		Ok(())
	}

	fn ensure_minting_allowed() -> DispatchResult {
		ensure!(MintingOpen::<T>::get(), Error::<T>::MintingNotOpen);
		ensure!(PendingChange::<T>::get().is_none(), Error::<T>::CurveChangePending);
		Ok(())
	}

	pub(crate) fn do_mint(who: &T::AccountId, diem: Balance, max_cost: Balance) -> DispatchResult {
		Self::ensure_minting_allowed()?;
		let cost = Self::mint_on_curve(who, diem, max_cost)?;
		Self::deposit_event(Event::Minted { who: who.clone(), diem, cost });
		Ok(())
	}

	/// Mints `diem` at the current supply for at most `max_cost`, without the open/paused
	/// checks (genesis mints use it directly). Returns the cost locked.
	pub(crate) fn mint_on_curve(
		who: &T::AccountId,
		diem: Balance,
		max_cost: Balance,
	) -> Result<Balance, DispatchError> {
		ensure!(diem > 0, Error::<T>::ZeroAmount);
		let supply = Supply::<T>::get();
		let cost = curve::mint_cost(&Curve::<T>::get(), supply, diem).map_err(Error::<T>::from)?;
		ensure!(cost > 0, Error::<T>::AmountTooSmall);
		ensure!(cost <= max_cost, Error::<T>::SlippageExceeded);
		ensure!(cost <= T::StakeLocker::unlocked_stake(who), Error::<T>::InsufficientUnlockedStake);
		Self::record_mint(who, diem, cost, supply)?;
		Ok(cost)
	}

	/// `weight` plus `evaluations` curve series at the longest length any valid curve takes
	/// (the benchmarks of the calls run on short series).
	pub(crate) fn with_series(weight: Weight, evaluations: u32) -> Weight {
		weight.saturating_add(T::WeightInfo::curve_series().saturating_mul(u64::from(evaluations)))
	}

	/// The weight of `mint_with_stake` when its search takes `rounds` rounds: three series
	/// before the search (the cost at the supply and at the cap, the rate), one per round (cost
	/// and rate come from one pass), two after it (the final cost).
	pub(crate) fn mint_with_stake_weight(rounds: u32) -> Weight {
		Self::with_series(T::WeightInfo::mint_with_stake(), rounds.saturating_add(5))
	}

	/// Locks `cost`, mints `diem` and records both. The caller's call is transactional, so a
	/// failure in the mint (e.g. below DIEM's existential deposit) undoes the lock.
	fn record_mint(
		who: &T::AccountId,
		diem: Balance,
		cost: Balance,
		supply: Balance,
	) -> DispatchResult {
		let mut position = Positions::<T>::get(who).unwrap_or_default();
		// Overflow is impossible below max_supply / C(max_supply) (both fit u128), but the
		// checks keep a broken invariant from minting silently.
		position.locked = position.locked.checked_add(cost).ok_or(Error::<T>::CurveOverflow)?;
		position.outstanding =
			position.outstanding.checked_add(diem).ok_or(Error::<T>::CurveOverflow)?;
		let new_supply = supply.checked_add(diem).ok_or(Error::<T>::CurveOverflow)?;
		let new_locked =
			TotalLocked::<T>::get().checked_add(cost).ok_or(Error::<T>::CurveOverflow)?;

		T::StakeLocker::lock(who, cost)?;
		T::Diem::mint_into(who, diem)?;
		Positions::<T>::insert(who, position);
		Supply::<T>::put(new_supply);
		TotalLocked::<T>::put(new_locked);
		Ok(())
	}

	/// Mints what `max_stake` buys; returns the search rounds it took (for the weight refund).
	pub(crate) fn do_mint_with_stake(
		who: &T::AccountId,
		max_stake: Balance,
		min_diem: Balance,
	) -> Result<u32, DispatchError> {
		Self::ensure_minting_allowed()?;
		ensure!(max_stake > 0, Error::<T>::ZeroAmount);
		ensure!(
			max_stake <= T::StakeLocker::unlocked_stake(who),
			Error::<T>::InsufficientUnlockedStake
		);
		let supply = Supply::<T>::get();
		let params = Curve::<T>::get();
		ensure!(supply < params.max_supply, Error::<T>::ExceedsMaxSupply);
		let found =
			curve::search_diem_for_stake(&params, supply, max_stake).map_err(Error::<T>::from)?;
		let (diem, cost) = (found.diem, found.cost);
		ensure!(diem > 0 && cost > 0, Error::<T>::AmountTooSmall);
		ensure!(diem >= min_diem, Error::<T>::BelowMinimumDiem);
		Self::record_mint(who, diem, cost, supply)?;
		let unspent = max_stake.saturating_sub(cost);
		Self::deposit_event(Event::MintedWithStake { who: who.clone(), diem, cost, unspent });
		Ok(found.rounds)
	}

	pub(crate) fn do_burn(who: &T::AccountId, diem: Balance) -> DispatchResult {
		ensure!(diem > 0, Error::<T>::ZeroAmount);
		let mut position = Positions::<T>::get(who).ok_or(Error::<T>::NoPosition)?;
		ensure!(diem <= position.outstanding, Error::<T>::BurnExceedsOutstanding);
		let liquid = T::Diem::reducible_balance(who, Preservation::Expendable, Fortitude::Polite);
		ensure!(diem <= liquid, Error::<T>::InsufficientDiem);
		// A burn never leaves dust below DIEM's existential deposit behind (it would be swept).
		let remaining = T::Diem::total_balance(who).saturating_sub(diem);
		ensure!(
			remaining == 0 || remaining >= T::Diem::minimum_balance(),
			Error::<T>::WouldLeaveDust
		);

		// Average cost: the share of the position burned, rounded down so the position never
		// unlocks more than it locked; the last burn unlocks exactly the rest.
		let unlocked = if diem == position.outstanding {
			position.locked
		} else {
			multiply_by_fraction(position.locked, diem, position.outstanding)
		};
		position.locked = position.locked.saturating_sub(unlocked);
		position.outstanding = position.outstanding.saturating_sub(diem);

		T::Diem::burn_from(
			who,
			diem,
			Preservation::Expendable,
			Precision::Exact,
			Fortitude::Polite,
		)?;
		if unlocked > 0 {
			T::StakeLocker::unlock(who, unlocked)?;
		}
		if position.outstanding == 0 {
			Positions::<T>::remove(who);
		} else {
			Positions::<T>::insert(who, position);
		}
		Supply::<T>::mutate(|supply| *supply = supply.saturating_sub(diem));
		TotalLocked::<T>::mutate(|locked| *locked = locked.saturating_sub(unlocked));
		Self::deposit_event(Event::Burned { who: who.clone(), diem, unlocked });
		Ok(())
	}

	pub(crate) fn do_set_minting_open(open: bool) {
		MintingOpen::<T>::put(open);
		Self::deposit_event(if open { Event::MintingOpened } else { Event::MintingClosed });
	}

	pub(crate) fn do_schedule_curve_change(params: CurveParams) -> DispatchResult {
		ensure!(PendingChange::<T>::get().is_none(), Error::<T>::ChangeAlreadyScheduled);
		Self::validate_curve(&params)?;
		let effective_at = polkadot_sdk::frame_system::Pallet::<T>::block_number()
			.saturating_add(T::CurveChangeDelay::get().max(1u32.into()));
		PendingChange::<T>::put(PendingCurveChange { params, effective_at });
		Self::deposit_event(Event::CurveChangeScheduled { params, effective_at });
		Ok(())
	}

	pub(crate) fn do_cancel_curve_change() -> DispatchResult {
		ensure!(PendingChange::<T>::take().is_some(), Error::<T>::NoChangeScheduled);
		Self::deposit_event(Event::CurveChangeCancelled);
		Ok(())
	}

	/// Applies the scheduled change if its block has come; returns whether it did. The change
	/// was validated when scheduled and minting has been paused since, so the supply can only
	/// have fallen; it is validated again anyway and dropped (with a cancellation event) if the
	/// check fails, rather than installing a curve that cannot be computed.
	pub(crate) fn apply_due_curve_change(now: BlockNumberFor<T>) -> bool {
		let Some(change) = PendingChange::<T>::get() else { return false };
		if now < change.effective_at {
			return false;
		}
		PendingChange::<T>::kill();
		if Self::validate_curve(&change.params).is_ok() {
			Curve::<T>::put(change.params);
			Self::deposit_event(Event::CurveChanged { params: change.params });
		} else {
			Self::deposit_event(Event::CurveChangeCancelled);
		}
		true
	}

	/// HASH that minting `diem` costs now.
	pub fn mint_quote(diem: Balance) -> Result<Balance, QuoteError> {
		Ok(curve::mint_cost(&Curve::<T>::get(), Supply::<T>::get(), diem)?)
	}

	/// What `mint_with_stake(stake, 0)` would mint now.
	pub fn stake_quote(stake: Balance) -> Result<StakeQuote, QuoteError> {
		let (diem, cost) = curve::diem_for_stake(&Curve::<T>::get(), Supply::<T>::get(), stake)?;
		Ok(StakeQuote { diem, cost, unspent: stake.saturating_sub(cost) })
	}

	/// The curve, supply, price and minting state.
	pub fn curve_status() -> CurveStatus<BlockNumberFor<T>> {
		let params = Curve::<T>::get();
		let supply = Supply::<T>::get();
		let minting_open = MintingOpen::<T>::get();
		let pending_change = PendingChange::<T>::get();
		CurveStatus {
			params,
			supply,
			marginal_rate: curve::marginal_rate(&params, supply).ok(),
			minting_open,
			minting_paused: !minting_open || pending_change.is_some(),
			pending_change,
		}
	}

	/// `who`'s position with its average rate.
	pub fn position_info(who: &T::AccountId) -> Option<PositionInfo> {
		Positions::<T>::get(who).map(|p| PositionInfo {
			locked: p.locked,
			outstanding: p.outstanding,
			average_rate: multiply_by_fraction(p.locked, diem::UNIT, p.outstanding.max(1)),
		})
	}

	/// The invariants of the module docs.
	pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
		let mut outstanding: Balance = 0;
		let mut locked: Balance = 0;
		for (who, position) in Positions::<T>::iter() {
			ensure!(position.outstanding > 0, "empty position kept in storage");
			ensure!(position.locked > 0, "position with DIEM but no stake locked");
			ensure!(
				T::StakeLocker::locked(&who) == position.locked,
				"position's locked HASH differs from the stake locked in compute staking"
			);
			outstanding = outstanding.saturating_add(position.outstanding);
			locked = locked.saturating_add(position.locked);
		}
		ensure!(outstanding == Supply::<T>::get(), "Σ outstanding DIEM != Supply");
		ensure!(T::Diem::total_issuance() == Supply::<T>::get(), "DIEM total issuance != Supply");
		ensure!(locked == TotalLocked::<T>::get(), "Σ positions' locked HASH != TotalLocked");
		ensure!(
			T::StakeLocker::total_locked() == TotalLocked::<T>::get(),
			"stake locked in compute staking != TotalLocked"
		);
		Ok(())
	}
}

/// `value · numerator / denominator`, rounded down, without overflow (wide intermediate).
fn multiply_by_fraction(value: Balance, numerator: Balance, denominator: Balance) -> Balance {
	use polkadot_sdk::sp_core::U256;
	if denominator == 0 {
		return 0;
	}
	let wide = U256::from(value) * U256::from(numerator) / U256::from(denominator);
	Balance::try_from(wide).unwrap_or(Balance::MAX)
}
