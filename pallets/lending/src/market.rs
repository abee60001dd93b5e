//! The books: interest accrual and the values of shares and scaled debt.

use crate::{asset, math, pallet::*, Loan, MarketParams, MarketState};
use diem_primitives::Balance;
use polkadot_sdk::{
	frame_support::traits::Get,
	frame_system,
	sp_runtime::{
		traits::{AccountIdConversion, CheckedAdd, Saturating},
		DispatchError, FixedU128, Permill, Rounding, SaturatedConversion,
	},
};

impl<T: Config> Pallet<T> {
	/// The market's account: the lenders' HASH, less what is lent out.
	pub fn account_id() -> T::AccountId {
		T::PalletId::get().into_account_truncating()
	}

	/// The current block as the pallet counts time.
	pub(crate) fn now() -> u32 {
		frame_system::Pallet::<T>::block_number().saturated_into()
	}

	/// The parameters in force, or [`Error::MarketClosed`].
	pub(crate) fn params() -> Result<MarketParams, Error<T>> {
		Params::<T>::get().ok_or(Error::<T>::MarketClosed)
	}

	/// What the lenders own: total shares × supply index (rounded down).
	pub(crate) fn supplied(state: &MarketState) -> Result<Balance, Error<T>> {
		math::mul(state.total_shares, state.supply_index, Rounding::Down)
			.ok_or(Error::<T>::Overflow)
	}

	/// What the borrowers owe in all: total scaled debt × borrow index (rounded down: the
	/// market counts on no more than it is sure to be paid).
	pub(crate) fn borrowed(state: &MarketState) -> Result<Balance, Error<T>> {
		math::mul(state.total_scaled_debt, state.borrow_index, Rounding::Down)
			.ok_or(Error::<T>::Overflow)
	}

	/// What one loan owes (rounded up).
	pub(crate) fn debt_of(loan: &Loan, state: &MarketState) -> Result<Balance, Error<T>> {
		math::mul(loan.scaled_debt, state.borrow_index, Rounding::Up).ok_or(Error::<T>::Overflow)
	}

	/// The annual borrow rate and utilisation of `state` with `liquidity` HASH in the market.
	pub(crate) fn rates(
		state: &MarketState,
		params: &MarketParams,
		liquidity: Balance,
	) -> Result<(Permill, FixedU128), Error<T>> {
		let borrowed = Self::borrowed(state)?;
		let utilisation = math::utilisation(borrowed, liquidity, state.reserve);
		Ok((utilisation, math::borrow_rate(&params.rate, utilisation)))
	}

	/// `state` with interest accrued from its last accrual to block `now`, at the rate of its
	/// utilisation then. Pure: [`Self::accrue`] stores it.
	pub(crate) fn accrued(
		mut state: MarketState,
		params: &MarketParams,
		liquidity: Balance,
		now: u32,
	) -> Result<MarketState, Error<T>> {
		let blocks = now.saturating_sub(state.last_accrued);
		if blocks == 0 {
			return Ok(state);
		}
		if state.total_scaled_debt > 0 {
			let borrowed = Self::borrowed(&state)?;
			let (_, rate) = Self::rates(&state, params, liquidity)?;
			state.borrow_index =
				math::grown_index(state.borrow_index, rate, blocks, T::BlocksPerYear::get())
					.ok_or(Error::<T>::Overflow)?;
			let interest = Self::borrowed(&state)?.saturating_sub(borrowed);
			let to_reserve = if state.total_shares == 0 {
				interest
			} else {
				math::mul_permill(interest, params.reserve_factor, Rounding::Down)
					.ok_or(Error::<T>::Overflow)?
			};
			let to_lenders = interest.saturating_sub(to_reserve);
			state.reserve = state.reserve.checked_add(to_reserve).ok_or(Error::<T>::Overflow)?;
			if to_lenders > 0 {
				// Rounded down: the lenders are credited no more than the interest.
				let growth = math::ratio(to_lenders, state.total_shares, Rounding::Down)
					.ok_or(Error::<T>::Overflow)?;
				state.supply_index =
					state.supply_index.checked_add(&growth).ok_or(Error::<T>::Overflow)?;
			}
		}
		state.last_accrued = now;
		Ok(state)
	}

	/// Accrues interest to the current block, stores the books and returns them with the
	/// parameters in force.
	pub(crate) fn accrue() -> Result<(MarketState, MarketParams), DispatchError> {
		let params = Self::params()?;
		let state =
			Self::accrued(State::<T>::get(), &params, asset::liquidity::<T>(), Self::now())?;
		State::<T>::put(state);
		Ok((state, params))
	}

	/// Writes off `loan`'s whole debt (it has no collateral left): the reserve absorbs it
	/// first, then the lenders, whose supply index falls by their loss (rounded up).
	pub(crate) fn write_off(
		borrower: &T::AccountId,
		loan: &mut Loan,
		state: &mut MarketState,
	) -> Result<(), Error<T>> {
		let amount = Self::debt_of(loan, state)?;
		state.total_scaled_debt = state.total_scaled_debt.saturating_sub(loan.scaled_debt);
		loan.scaled_debt = 0;
		let from_reserve = amount.min(state.reserve);
		state.reserve.saturating_reduce(from_reserve);
		let from_lenders = amount.saturating_sub(from_reserve);
		if from_lenders > 0 && state.total_shares > 0 {
			let fall = math::ratio(from_lenders, state.total_shares, Rounding::Up)
				.ok_or(Error::<T>::Overflow)?;
			// The books guarantee the lenders own at least the loss; the floor only keeps the
			// index usable as a divisor if they did not.
			state.supply_index =
				state.supply_index.saturating_sub(fall).max(FixedU128::from_inner(1));
		}
		state.bad_debt = state.bad_debt.saturating_add(amount);
		Self::deposit_event(Event::BadDebt {
			borrower: borrower.clone(),
			amount,
			from_reserve,
			from_lenders,
		});
		Ok(())
	}
}
