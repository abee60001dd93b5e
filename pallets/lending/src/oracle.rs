//! The price: the pool's reserves read once per block into a cumulative price, a ring of
//! observations, the TWAP over the window and the guards a borrow and a liquidation need.

use crate::{math, pallet::*, MarketParams, Observation, OracleState, PoolReserves, Price};
use diem_primitives::Balance;
use polkadot_sdk::{
	frame_support::traits::Get,
	sp_runtime::{traits::Saturating, FixedU128, Rounding},
};

/// The pool now: its price (HASH per DIEM) and its HASH; `None` without a pool or if either
/// side is empty.
pub(crate) fn spot<T: Config>() -> Option<(Price, Balance)> {
	let (hash, diem) = T::Pool::reserves()?;
	if hash == 0 || diem == 0 {
		return None;
	}
	Some((math::ratio(hash, diem, Rounding::Down)?, hash))
}

/// The accumulator of `oracle` carried to block `now` at its last price (wrapping: only
/// differences of it are used, and a difference over the window does not wrap).
fn cumulative_at(oracle: &OracleState, now: u32) -> Option<u128> {
	let since = now.saturating_sub(oracle.last_update?);
	Some(
		oracle
			.cumulative
			.wrapping_add(oracle.last_price.into_inner().wrapping_mul(u128::from(since))),
	)
}

impl<T: Config> Pallet<T> {
	/// The ring slot of block `at` (a multiple of the interval).
	pub(crate) fn slot_of(at: u32) -> u32 {
		(at / T::ObservationInterval::get().max(1)) % T::MaxObservations::get().max(1)
	}

	/// Reads the pool at block `now`'s initialization (before its swaps): accumulates the last
	/// price over the blocks since the last reading, takes the new one, and at a multiple of
	/// the interval keeps the accumulator in the ring. Without a price nothing changes: the
	/// last reading ages.
	pub(crate) fn observe_pool(now: u32) {
		let Some((price, _)) = spot::<T>() else { return };
		let mut oracle = Oracle::<T>::get();
		if oracle.last_update == Some(now) {
			return;
		}
		oracle.cumulative = cumulative_at(&oracle, now).unwrap_or_default();
		oracle.last_price = price;
		oracle.last_update = Some(now);
		Oracle::<T>::put(oracle);
		if now % T::ObservationInterval::get().max(1) == 0 {
			Observations::<T>::insert(
				Self::slot_of(now),
				Observation { at: now, cumulative: oracle.cumulative },
			);
		}
	}

	/// The TWAP over `window` blocks at block `now`: from the newest observation at least a
	/// window old to now.
	pub fn twap(window: u32, now: u32) -> Result<Price, Error<T>> {
		Self::twap_of(&Oracle::<T>::get(), window, now)
	}

	/// [`Self::twap`] of an accumulator already read.
	fn twap_of(oracle: &OracleState, window: u32, now: u32) -> Result<Price, Error<T>> {
		let cumulative = cumulative_at(oracle, now).ok_or(Error::<T>::NoPrice)?;
		let target = now.checked_sub(window).ok_or(Error::<T>::OracleNotReady)?;
		let at = target.saturating_sub(target % T::ObservationInterval::get().max(1));
		let then = Observations::<T>::get(Self::slot_of(at))
			.filter(|observation| observation.at == at)
			.ok_or(Error::<T>::OracleNotReady)?;
		let blocks = now.saturating_sub(then.at);
		if blocks == 0 {
			return Err(Error::<T>::OracleNotReady);
		}
		Ok(FixedU128::from_inner(cumulative.wrapping_sub(then.cumulative) / u128::from(blocks)))
	}

	/// The TWAP, if the ring spans the window and the last reading is fresh.
	pub(crate) fn fresh_twap(params: &MarketParams, now: u32) -> Result<Price, Error<T>> {
		let oracle = Oracle::<T>::get();
		let last = oracle.last_update.ok_or(Error::<T>::NoPrice)?;
		let twap = Self::twap_of(&oracle, params.oracle_window, now)?;
		if now.saturating_sub(last) > params.max_oracle_age {
			return Err(Error::<T>::OracleStale);
		}
		Ok(twap)
	}

	/// The price a borrow is measured at: the lower of spot and a fresh TWAP, refused when the
	/// pool is thin or spot strays more than `max_deviation` from the TWAP. Also returns the
	/// pool's HASH (for the pool borrow cap).
	pub(crate) fn borrow_price(
		params: &MarketParams,
		now: u32,
	) -> Result<(Price, Balance), Error<T>> {
		let twap = Self::fresh_twap(params, now)?;
		let (spot, pool_hash) = spot::<T>().ok_or(Error::<T>::NoPrice)?;
		if pool_hash < params.min_pool_depth {
			return Err(Error::<T>::PoolTooThin);
		}
		let gap = if spot > twap { spot.saturating_sub(twap) } else { twap.saturating_sub(spot) };
		let allowed = math::ratio_permill(twap, params.max_deviation);
		if gap > allowed {
			return Err(Error::<T>::PriceDeviation);
		}
		Ok((spot.min(twap), pool_hash))
	}

	/// The price a liquidation is measured at: the TWAP alone, if fresh.
	pub(crate) fn liquidation_price(params: &MarketParams, now: u32) -> Result<Price, Error<T>> {
		Self::fresh_twap(params, now)
	}
}
