//! The parameters' hard bounds and the delayed change governance makes to them.

use crate::{pallet::*, MarketParams, PendingParamsChange};
use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	sp_runtime::{DispatchResult, FixedU128, PerThing, Permill},
};

/// What no parameter change may cross. The runtime's own choices are in its config.
pub mod bounds {
	use super::*;

	/// Highest loan-to-value.
	pub const MAX_COLLATERAL_FACTOR: Permill = Permill::from_percent(90);
	/// Highest liquidation threshold.
	pub const MAX_LIQUIDATION_THRESHOLD: Permill = Permill::from_percent(95);
	/// Lowest close factor: a liquidation must be able to make progress.
	pub const MIN_CLOSE_FACTOR: Permill = Permill::from_percent(10);
	/// Highest liquidation bonus.
	pub const MAX_LIQUIDATION_BONUS: Permill = Permill::from_percent(25);
	/// Highest reserve factor.
	pub const MAX_RESERVE_FACTOR: Permill = Permill::from_percent(50);
	/// Highest annual base rate (100%).
	pub const MAX_BASE_RATE: FixedU128 = FixedU128::from_u32(1);
	/// Highest annual slope of either part of the rate model (1,000%).
	pub const MAX_SLOPE: FixedU128 = FixedU128::from_u32(10);
	/// The kink lies within these.
	pub const MIN_KINK: Permill = Permill::from_percent(10);
	pub const MAX_KINK: Permill = Permill::from_percent(95);
	/// Spot may deviate from the TWAP by at most this before borrowing pauses, and must be
	/// allowed at least the lower figure.
	pub const MIN_DEVIATION: Permill = Permill::from_percent(1);
	pub const MAX_DEVIATION: Permill = Permill::from_percent(50);
}

impl<T: Config> Pallet<T> {
	/// Checks `params` against [`bounds`] and the ring's span.
	pub fn validate_params(params: &MarketParams) -> DispatchResult {
		use bounds::*;
		let cf = params.collateral_factor;
		let lt = params.liquidation_threshold;
		ensure!(
			!cf.is_zero() && cf <= MAX_COLLATERAL_FACTOR && cf < lt,
			Error::<T>::CollateralFactorOutOfBounds
		);
		// At the threshold the collateral must still cover the debt and the bonus on it.
		let threshold_with_bonus = u64::from(lt.deconstruct()).saturating_mul(u64::from(
			Permill::ACCURACY.saturating_add(params.liquidation_bonus.deconstruct()),
		)) / u64::from(Permill::ACCURACY);
		ensure!(
			lt <= MAX_LIQUIDATION_THRESHOLD && threshold_with_bonus < u64::from(Permill::ACCURACY),
			Error::<T>::LiquidationThresholdOutOfBounds
		);
		ensure!(params.close_factor >= MIN_CLOSE_FACTOR, Error::<T>::CloseFactorOutOfBounds);
		ensure!(
			params.liquidation_bonus <= MAX_LIQUIDATION_BONUS,
			Error::<T>::LiquidationBonusOutOfBounds
		);
		ensure!(params.reserve_factor <= MAX_RESERVE_FACTOR, Error::<T>::ReserveFactorOutOfBounds);
		let rate = params.rate;
		ensure!(
			rate.base <= MAX_BASE_RATE
				&& rate.slope_low <= MAX_SLOPE
				&& rate.slope_high <= MAX_SLOPE
				&& rate.kink >= MIN_KINK
				&& rate.kink <= MAX_KINK,
			Error::<T>::RateModelOutOfBounds
		);
		let interval = T::ObservationInterval::get();
		let span = T::MaxObservations::get().saturating_sub(1).saturating_mul(interval);
		ensure!(
			params.oracle_window >= interval.saturating_mul(2) && params.oracle_window <= span,
			Error::<T>::OracleWindowOutOfBounds
		);
		ensure!(
			params.max_oracle_age > 0
				&& params.max_oracle_age <= params.oracle_window
				&& params.max_deviation >= MIN_DEVIATION
				&& params.max_deviation <= MAX_DEVIATION
				&& params.min_pool_depth > 0,
			Error::<T>::OracleGuardsOutOfBounds
		);
		ensure!(
			!params.max_borrow_of_pool.is_zero() && params.supply_cap > 0 && params.borrow_cap > 0,
			Error::<T>::CapsOutOfBounds
		);
		Ok(())
	}

	pub(crate) fn do_schedule_params_change(params: MarketParams) -> DispatchResult {
		ensure!(PendingParams::<T>::get().is_none(), Error::<T>::ParamsChangeAlreadyScheduled);
		Self::validate_params(&params)?;
		let effective_at = Self::now().saturating_add(T::ParamsChangeDelay::get().max(1));
		PendingParams::<T>::put(PendingParamsChange { params, effective_at });
		Self::deposit_event(Event::ParamsChangeScheduled { params, effective_at });
		Ok(())
	}

	pub(crate) fn do_cancel_params_change() -> DispatchResult {
		let change = PendingParams::<T>::take().ok_or(Error::<T>::NoParamsChangeScheduled)?;
		Self::deposit_event(Event::ParamsChangeCancelled { params: change.params });
		Ok(())
	}

	/// Applies the scheduled change if block `now` is its block, after accruing interest at the
	/// old rates; returns whether one was due. A change that fails to accrue or no longer
	/// passes is dropped, not applied.
	pub(crate) fn apply_due_params_change(now: u32) -> bool {
		let Some(change) = PendingParams::<T>::get() else { return false };
		if now < change.effective_at {
			return false;
		}
		PendingParams::<T>::kill();
		let accrued = Params::<T>::get().is_none() || Self::accrue().is_ok();
		if accrued && Self::validate_params(&change.params).is_ok() {
			Params::<T>::put(change.params);
			Self::deposit_event(Event::ParamsChanged { params: change.params });
		} else {
			Self::deposit_event(Event::ParamsChangeCancelled { params: change.params });
		}
		true
	}
}
