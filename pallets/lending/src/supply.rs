//! The lenders' side: supply HASH for shares, withdraw HASH for shares.

use crate::{asset, math, pallet::*};
use diem_primitives::Balance;
use polkadot_sdk::{
	frame_support::ensure,
	sp_runtime::{DispatchResult, Rounding},
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_supply(who: &T::AccountId, amount: Balance) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let (mut state, params) = Self::accrue()?;
		let supplied = Self::supplied(&state)?;
		ensure!(
			supplied.checked_add(amount).is_some_and(|total| total <= params.supply_cap),
			Error::<T>::SupplyCapReached
		);
		// Rounded down: a share never costs less than it is worth.
		let shares =
			math::div(amount, state.supply_index, Rounding::Down).ok_or(Error::<T>::Overflow)?;
		ensure!(shares > 0, Error::<T>::AmountTooSmall);
		let held = Shares::<T>::get(who).unwrap_or_default();
		let held = held.checked_add(shares).ok_or(Error::<T>::Overflow)?;
		state.total_shares = state.total_shares.checked_add(shares).ok_or(Error::<T>::Overflow)?;
		asset::pay_in::<T>(who, amount)?;
		Shares::<T>::insert(who, held);
		State::<T>::put(state);
		Self::deposit_event(Event::Supplied { who: who.clone(), amount, shares });
		Ok(())
	}

	pub(crate) fn do_withdraw(who: &T::AccountId, amount: Balance) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let held = Shares::<T>::get(who).ok_or(Error::<T>::NothingSupplied)?;
		let (mut state, _) = Self::accrue()?;
		let value =
			math::mul(held, state.supply_index, Rounding::Down).ok_or(Error::<T>::Overflow)?;
		let (amount, shares) = if amount >= value {
			(value, held)
		} else {
			// Rounded up: the shares given up are worth at least the HASH paid out.
			let shares =
				math::div(amount, state.supply_index, Rounding::Up).ok_or(Error::<T>::Overflow)?;
			(amount, shares.min(held))
		};
		ensure!(amount > 0, Error::<T>::AmountTooSmall);
		ensure!(amount <= asset::liquidity::<T>(), Error::<T>::InsufficientLiquidity);
		state.total_shares = state.total_shares.saturating_sub(shares);
		asset::pay_out::<T>(who, amount)?;
		let left = held.saturating_sub(shares);
		if left == 0 {
			Shares::<T>::remove(who);
		} else {
			Shares::<T>::insert(who, left);
		}
		State::<T>::put(state);
		Self::deposit_event(Event::Withdrawn { who: who.clone(), amount, shares });
		Ok(())
	}

	pub(crate) fn do_withdraw_reserve(amount: Balance, to: &T::AccountId) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let (mut state, _) = Self::accrue()?;
		ensure!(amount <= state.reserve, Error::<T>::InsufficientReserve);
		ensure!(amount <= asset::liquidity::<T>(), Error::<T>::InsufficientLiquidity);
		state.reserve = state.reserve.saturating_sub(amount);
		asset::pay_out::<T>(to, amount)?;
		State::<T>::put(state);
		Self::deposit_event(Event::ReserveWithdrawn { amount, to: to.clone() });
		Ok(())
	}
}
