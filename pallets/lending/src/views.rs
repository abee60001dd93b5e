//! What the runtime API reports: the market and a position with interest accrued to the
//! current block, without writing anything.

use crate::{
	asset, math, oracle, pallet::*, Loan, MarketParams, MarketState, MarketView, OracleView,
	PositionView,
};
use polkadot_sdk::sp_runtime::Rounding;

impl<T: Config> Pallet<T> {
	/// The books as they would be after accruing now (unchanged while the market is closed).
	fn view_state() -> (MarketState, Option<MarketParams>) {
		let state = State::<T>::get();
		let Some(params) = Params::<T>::get() else { return (state, None) };
		let state =
			Self::accrued(state, &params, asset::liquidity::<T>(), Self::now()).unwrap_or(state);
		(state, Some(params))
	}

	/// The oracle now, and why a borrow would be refused.
	pub fn oracle_view() -> OracleView {
		let now = Self::now();
		let spot = oracle::spot::<T>();
		let params = Params::<T>::get();
		let twap = params.and_then(|p| Self::twap(p.oracle_window, now).ok());
		let age = Oracle::<T>::get().last_update.map(|at| now.saturating_sub(at));
		let paused = match params {
			None => Some(Error::<T>::MarketClosed),
			Some(p) => Self::borrow_price(&p, now).err(),
		};
		OracleView {
			spot: spot.map(|(price, _)| price),
			twap,
			age,
			pool_hash: spot.map(|(_, hash)| hash).unwrap_or_default(),
			borrowing_paused: paused.map(|e| {
				let name: &'static str = e.into();
				alloc::string::String::from(name)
			}),
		}
	}

	/// The market, for the runtime API.
	pub fn market_view() -> Option<MarketView> {
		let (state, params) = Self::view_state();
		let params = params?;
		let liquidity = asset::liquidity::<T>();
		let supplied = Self::supplied(&state).unwrap_or_default();
		let borrowed = Self::borrowed(&state).unwrap_or_default();
		let (utilisation, borrow_rate) = Self::rates(&state, &params, liquidity).ok()?;
		Some(MarketView {
			supplied,
			borrowed,
			liquidity,
			utilisation,
			borrow_rate,
			supply_rate: math::supply_rate(borrow_rate, utilisation, params.reserve_factor),
			reserve: state.reserve,
			bad_debt: state.bad_debt,
			collateral: state.total_collateral,
			supply_index: state.supply_index,
			borrow_index: state.borrow_index,
			oracle: Self::oracle_view(),
			params,
			pending_params: PendingParams::<T>::get(),
		})
	}

	/// `who`'s position, for the runtime API.
	pub fn position_view(who: &T::AccountId) -> PositionView {
		let (state, params) = Self::view_state();
		let shares = Shares::<T>::get(who).unwrap_or_default();
		let loan: Loan = Loans::<T>::get(who).unwrap_or_default();
		let debt = Self::debt_of(&loan, &state).unwrap_or_default();
		let now = Self::now();
		let mut view = PositionView {
			shares,
			supplied: math::mul(shares, state.supply_index, Rounding::Down).unwrap_or_default(),
			collateral: loan.collateral,
			debt,
			..Default::default()
		};
		let Some(params) = params else { return view };
		view.borrow_limit = Self::borrow_price(&params, now)
			.ok()
			.and_then(|(price, _)| Self::borrow_limit(loan.collateral, price, &params).ok());
		let threshold_value = |price| {
			math::mul(loan.collateral, price, Rounding::Down)
				.and_then(|v| math::mul_permill(v, params.liquidation_threshold, Rounding::Down))
		};
		if debt > 0 {
			view.health_factor = Self::twap(params.oracle_window, now)
				.ok()
				.and_then(threshold_value)
				.and_then(|value| math::ratio(value, debt, Rounding::Down));
			// The price at which collateral × price × threshold = debt.
			view.liquidation_price =
				math::mul_permill(loan.collateral, params.liquidation_threshold, Rounding::Down)
					.and_then(|weighted| math::ratio(debt, weighted, Rounding::Up));
		}
		view
	}
}
