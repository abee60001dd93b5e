//! The borrowers' side: collateral in and out, borrow and repay.

use crate::{asset, math, pallet::*, Loan, MarketParams, MarketState, Price};
use diem_primitives::Balance;
use polkadot_sdk::{
	frame_support::ensure,
	sp_runtime::{DispatchResult, Rounding},
};

impl<T: Config> Pallet<T> {
	/// Most a loan with `collateral` may owe at `price`: `collateral × price × collateral_factor`
	/// (rounded down).
	pub(crate) fn borrow_limit(
		collateral: Balance,
		price: Price,
		params: &MarketParams,
	) -> Result<Balance, Error<T>> {
		let value = math::mul(collateral, price, Rounding::Down).ok_or(Error::<T>::Overflow)?;
		math::mul_permill(value, params.collateral_factor, Rounding::Down)
			.ok_or(Error::<T>::Overflow)
	}

	/// Stores `loan` for `who`, or removes it when empty.
	fn put_loan(who: &T::AccountId, loan: Loan) {
		if loan.is_empty() {
			Loans::<T>::remove(who);
		} else {
			Loans::<T>::insert(who, loan);
		}
	}

	pub(crate) fn do_deposit_collateral(who: &T::AccountId, amount: Balance) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let mut state = State::<T>::get();
		let mut loan = Loans::<T>::get(who).unwrap_or_default();
		loan.collateral = loan.collateral.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		state.total_collateral =
			state.total_collateral.checked_add(amount).ok_or(Error::<T>::Overflow)?;
		asset::hold_collateral::<T>(who, amount)?;
		Loans::<T>::insert(who, loan);
		State::<T>::put(state);
		Self::deposit_event(Event::CollateralDeposited { who: who.clone(), amount });
		Ok(())
	}

	pub(crate) fn do_withdraw_collateral(who: &T::AccountId, amount: Balance) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let mut loan = Loans::<T>::get(who).ok_or(Error::<T>::NoLoan)?;
		ensure!(amount <= loan.collateral, Error::<T>::NotEnoughCollateral);
		loan.collateral = loan.collateral.saturating_sub(amount);
		let mut state = if loan.scaled_debt > 0 {
			let (state, params) = Self::accrue()?;
			let (price, _) = Self::borrow_price(&params, Self::now())?;
			let debt = Self::debt_of(&loan, &state)?;
			ensure!(
				debt <= Self::borrow_limit(loan.collateral, price, &params)?,
				Error::<T>::BorrowLimitExceeded
			);
			state
		} else {
			State::<T>::get()
		};
		state.total_collateral = state.total_collateral.saturating_sub(amount);
		asset::release_collateral::<T>(who, amount)?;
		Self::put_loan(who, loan);
		State::<T>::put(state);
		Self::deposit_event(Event::CollateralWithdrawn { who: who.clone(), amount });
		Ok(())
	}

	pub(crate) fn do_borrow(who: &T::AccountId, amount: Balance) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let mut loan = Loans::<T>::get(who).ok_or(Error::<T>::NoLoan)?;
		let (mut state, params) = Self::accrue()?;
		let (price, pool_hash) = Self::borrow_price(&params, Self::now())?;
		// Rounded up: the debt recorded is never less than the HASH lent.
		let scaled =
			math::div(amount, state.borrow_index, Rounding::Up).ok_or(Error::<T>::Overflow)?;
		loan.scaled_debt = loan.scaled_debt.checked_add(scaled).ok_or(Error::<T>::Overflow)?;
		let debt = Self::debt_of(&loan, &state)?;
		ensure!(
			debt <= Self::borrow_limit(loan.collateral, price, &params)?,
			Error::<T>::BorrowLimitExceeded
		);
		ensure!(amount <= asset::liquidity::<T>(), Error::<T>::InsufficientLiquidity);
		state.total_scaled_debt =
			state.total_scaled_debt.checked_add(scaled).ok_or(Error::<T>::Overflow)?;
		let borrowed = Self::borrowed(&state)?;
		ensure!(borrowed <= params.borrow_cap, Error::<T>::BorrowCapReached);
		ensure!(
			borrowed <= params.max_borrow_of_pool.mul_floor(pool_hash),
			Error::<T>::PoolBorrowCapReached
		);
		asset::pay_out::<T>(who, amount)?;
		Loans::<T>::insert(who, loan);
		State::<T>::put(state);
		Self::deposit_event(Event::Borrowed { who: who.clone(), amount, debt });
		Ok(())
	}

	/// Takes up to `amount` of `loan`'s debt off it: returns the HASH to pay (all of the debt
	/// if `amount` covers it) and the scaled debt it cancels (rounded down when partial).
	pub(crate) fn reduce_debt(
		loan: &mut Loan,
		state: &mut MarketState,
		amount: Balance,
	) -> Result<Balance, Error<T>> {
		let debt = Self::debt_of(loan, state)?;
		let (paid, scaled) = if amount >= debt {
			(debt, loan.scaled_debt)
		} else {
			let scaled = math::div(amount, state.borrow_index, Rounding::Down)
				.ok_or(Error::<T>::Overflow)?;
			(amount, scaled.min(loan.scaled_debt))
		};
		ensure!(scaled > 0, Error::<T>::AmountTooSmall);
		loan.scaled_debt = loan.scaled_debt.saturating_sub(scaled);
		state.total_scaled_debt = state.total_scaled_debt.saturating_sub(scaled);
		Ok(paid)
	}

	pub(crate) fn do_repay(who: &T::AccountId, amount: Balance) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let mut loan = Loans::<T>::get(who).ok_or(Error::<T>::NoLoan)?;
		ensure!(loan.scaled_debt > 0, Error::<T>::NoDebt);
		let (mut state, _) = Self::accrue()?;
		let paid = Self::reduce_debt(&mut loan, &mut state, amount)?;
		asset::pay_in::<T>(who, paid)?;
		let debt = Self::debt_of(&loan, &state)?;
		Self::put_loan(who, loan);
		State::<T>::put(state);
		Self::deposit_event(Event::Repaid { who: who.clone(), amount: paid, debt });
		Ok(())
	}
}
