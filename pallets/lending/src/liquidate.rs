//! Liquidation of unhealthy loans and the write-off of what their collateral cannot cover.

use crate::{asset, math, pallet::*, Loan, MarketParams, MarketState, Price};
use diem_primitives::Balance;
use polkadot_sdk::{
	frame_support::ensure,
	sp_runtime::{
		helpers_128bit::multiply_by_rational_with_rounding, DispatchResult, PerThing, Permill,
		Rounding,
	},
};

/// `1 + bonus` in millionths.
fn with_bonus(bonus: Permill) -> u128 {
	u128::from(Permill::ACCURACY).saturating_add(u128::from(bonus.deconstruct()))
}

impl<T: Config> Pallet<T> {
	/// Whether `loan` may be liquidated at `price`: its debt exceeds collateral × price ×
	/// liquidation threshold.
	pub(crate) fn is_unhealthy(
		loan: &Loan,
		state: &MarketState,
		price: Price,
		params: &MarketParams,
	) -> Result<bool, Error<T>> {
		let debt = Self::debt_of(loan, state)?;
		let value =
			math::mul(loan.collateral, price, Rounding::Down).ok_or(Error::<T>::Overflow)?;
		let threshold = math::mul_permill(value, params.liquidation_threshold, Rounding::Down)
			.ok_or(Error::<T>::Overflow)?;
		Ok(debt > threshold)
	}

	pub(crate) fn do_liquidate(
		liquidator: &T::AccountId,
		borrower: &T::AccountId,
		max_repay: Balance,
	) -> DispatchResult {
		ensure!(max_repay > 0, Error::<T>::ZeroAmount);
		ensure!(liquidator != borrower, Error::<T>::SelfLiquidation);
		let mut loan = Loans::<T>::get(borrower).ok_or(Error::<T>::NoLoan)?;
		ensure!(loan.scaled_debt > 0, Error::<T>::NoDebt);
		let (mut state, params) = Self::accrue()?;
		let price = Self::liquidation_price(&params, Self::now())?;
		ensure!(Self::is_unhealthy(&loan, &state, price, &params)?, Error::<T>::LoanHealthy);

		let debt = Self::debt_of(&loan, &state)?;
		let close = math::mul_permill(debt, params.close_factor, Rounding::Up)
			.ok_or(Error::<T>::Overflow)?;
		let mut repay = max_repay.min(close).min(debt);
		let bonus = with_bonus(params.liquidation_bonus);
		// Collateral worth the repaid HASH plus the bonus, rounded down for the liquidator.
		let worth = multiply_by_rational_with_rounding(
			repay,
			bonus,
			u128::from(Permill::ACCURACY),
			Rounding::Down,
		)
		.ok_or(Error::<T>::Overflow)?;
		let mut seize = math::div(worth, price, Rounding::Down).ok_or(Error::<T>::Overflow)?;
		if seize >= loan.collateral {
			// The collateral cannot pay the bonus on that much: all of it goes, for its worth
			// less the bonus (rounded up: the liquidator pays no less than that).
			seize = loan.collateral;
			let value = math::mul(seize, price, Rounding::Up).ok_or(Error::<T>::Overflow)?;
			let cost = multiply_by_rational_with_rounding(
				value,
				u128::from(Permill::ACCURACY),
				bonus,
				Rounding::Up,
			)
			.ok_or(Error::<T>::Overflow)?;
			repay = repay.min(cost);
		}
		ensure!(seize > 0 && repay > 0, Error::<T>::SeizeTooSmall);

		let paid = Self::reduce_debt(&mut loan, &mut state, repay)?;
		asset::pay_in::<T>(liquidator, paid)?;
		asset::seize_collateral::<T>(borrower, liquidator, seize)?;
		loan.collateral = loan.collateral.saturating_sub(seize);
		state.total_collateral = state.total_collateral.saturating_sub(seize);
		if loan.collateral == 0 && loan.scaled_debt > 0 {
			Self::write_off(borrower, &mut loan, &mut state)?;
		}
		let debt_left = Self::debt_of(&loan, &state)?;
		if loan.is_empty() {
			Loans::<T>::remove(borrower);
		} else {
			Loans::<T>::insert(borrower, loan);
		}
		State::<T>::put(state);
		Self::deposit_event(Event::Liquidated {
			liquidator: liquidator.clone(),
			borrower: borrower.clone(),
			repaid: paid,
			collateral: seize,
			price,
			debt: debt_left,
		});
		Ok(())
	}
}
