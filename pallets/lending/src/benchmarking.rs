//! Benchmarks (v2) of every call and of the per-block oracle hook, each at its worst case: a
//! market with debt, so every call accrues interest over many blocks; borrows and collateral
//! withdrawals that run every oracle guard; a liquidation that seizes all the collateral and
//! writes off bad debt through the reserve and the lenders; an oracle reading that also writes
//! an observation of the ring.

use super::*;

use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use frame_system::RawOrigin;
use polkadot_sdk::{
	frame_benchmarking, frame_support, frame_system,
	sp_runtime::{FixedU128, Permill, SaturatedConversion},
};

const SEED: u32 = 0;
const UNIT: Balance = diem_primitives::hash::UNIT;
const FUNDS: Balance = 1_000_000 * UNIT;
const POOL_HASH: Balance = 1_000_000 * UNIT;

/// Parameters valid for any interval and ring: the shortest window, ample caps.
fn bench_params<T: Config>() -> MarketParams {
	MarketParams {
		collateral_factor: Permill::from_percent(50),
		liquidation_threshold: Permill::from_percent(75),
		close_factor: Permill::from_percent(50),
		liquidation_bonus: Permill::from_percent(10),
		reserve_factor: Permill::from_percent(10),
		rate: RateModel {
			base: FixedU128::from_rational(2, 100),
			slope_low: FixedU128::from_rational(10, 100),
			slope_high: FixedU128::from_u32(3),
			kink: Permill::from_percent(80),
		},
		supply_cap: Balance::MAX / 4,
		borrow_cap: Balance::MAX / 4,
		max_borrow_of_pool: Permill::one(),
		min_pool_depth: UNIT,
		oracle_window: T::ObservationInterval::get().saturating_mul(2),
		max_oracle_age: 1,
		max_deviation: Permill::from_percent(10),
	}
}

fn funded<T: Config>(name: &'static str) -> T::AccountId {
	let who: T::AccountId = account(name, 0, SEED);
	T::BenchmarkHelper::fund(&who, FUNDS, FUNDS);
	who
}

fn now<T: Config>() -> u32 {
	frame_system::Pallet::<T>::block_number().saturated_into()
}

/// Moves the chain on by `blocks` (no hooks run).
fn advance<T: Config>(blocks: u32) {
	let next = now::<T>().saturating_add(blocks);
	frame_system::Pallet::<T>::set_block_number(next.into());
}

/// Sets the pool and the oracle to `price` HASH per DIEM over the whole window, read now.
fn price_at<T: Config>(price: FixedU128) {
	let diem = math::div(POOL_HASH, price, polkadot_sdk::sp_runtime::Rounding::Down)
		.expect("a benchmark price");
	T::BenchmarkHelper::set_pool(POOL_HASH, diem);
	let params = Params::<T>::get().expect("the benchmark market is open");
	let now = now::<T>();
	let target = now.saturating_sub(params.oracle_window);
	let at = target.saturating_sub(target % T::ObservationInterval::get());
	let then = Observation { at, cumulative: 1 };
	Observations::<T>::insert(Pallet::<T>::slot_of(at), then);
	let spot = oracle::spot::<T>().map(|(price, _)| price).expect("the benchmark pool");
	let cumulative =
		spot.into_inner().wrapping_mul(u128::from(now.saturating_sub(at))).wrapping_add(1);
	Oracle::<T>::put(OracleState { cumulative, last_price: spot, last_update: Some(now) });
}

/// An open market at block 1,000 with a lender's HASH and a borrower's loan at 2 HASH per
/// DIEM (half its limit), then `blocks` blocks of unaccrued interest.
fn market_with_loan<T: Config>(blocks: u32) -> (T::AccountId, T::AccountId) {
	frame_system::Pallet::<T>::set_block_number(1_000u32.into());
	Params::<T>::put(bench_params::<T>());
	asset::endow_market::<T>().expect("the market account");
	price_at::<T>(FixedU128::from_u32(2));
	let lender = funded::<T>("lender");
	let borrower = funded::<T>("borrower");
	Pallet::<T>::do_supply(&lender, 100_000 * UNIT).expect("the lender supplies");
	Pallet::<T>::do_deposit_collateral(&borrower, 10_000 * UNIT).expect("collateral");
	Pallet::<T>::do_borrow(&borrower, 5_000 * UNIT).expect("the borrow");
	advance::<T>(blocks);
	price_at::<T>(FixedU128::from_u32(2));
	(lender, borrower)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn supply() {
		let (lender, _) = market_with_loan::<T>(100);
		#[extrinsic_call]
		_(RawOrigin::Signed(lender.clone()), 1_000 * UNIT);
		assert!(Shares::<T>::get(&lender).is_some());
	}

	#[benchmark]
	fn withdraw() {
		let (lender, _) = market_with_loan::<T>(100);
		#[extrinsic_call]
		_(RawOrigin::Signed(lender.clone()), 1_000 * UNIT);
		assert!(Shares::<T>::get(&lender).is_some());
	}

	#[benchmark]
	fn deposit_collateral() {
		let (_, borrower) = market_with_loan::<T>(100);
		#[extrinsic_call]
		_(RawOrigin::Signed(borrower.clone()), 1_000 * UNIT);
		assert_eq!(asset::collateral_held::<T>(&borrower), 11_000 * UNIT);
	}

	#[benchmark]
	fn withdraw_collateral() {
		let (_, borrower) = market_with_loan::<T>(100);
		#[extrinsic_call]
		_(RawOrigin::Signed(borrower.clone()), 1_000 * UNIT);
		assert_eq!(asset::collateral_held::<T>(&borrower), 9_000 * UNIT);
	}

	#[benchmark]
	fn borrow() {
		let (_, borrower) = market_with_loan::<T>(100);
		#[extrinsic_call]
		_(RawOrigin::Signed(borrower.clone()), 1_000 * UNIT);
		assert!(Pallet::<T>::position_view(&borrower).debt > 6_000 * UNIT);
	}

	#[benchmark]
	fn repay() {
		let (_, borrower) = market_with_loan::<T>(100);
		#[extrinsic_call]
		_(RawOrigin::Signed(borrower.clone()), 1_000 * UNIT);
		assert!(Pallet::<T>::position_view(&borrower).debt < 5_000 * UNIT);
	}

	#[benchmark]
	fn liquidate() {
		let (_, borrower) = market_with_loan::<T>(100);
		// The price falls to a tenth: 10,000 DIEM are worth 2,000 HASH against 5,000 owed, and
		// the liquidation takes all of it and writes off the rest.
		price_at::<T>(FixedU128::from_rational(1, 5));
		let liquidator = funded::<T>("liquidator");
		#[extrinsic_call]
		_(RawOrigin::Signed(liquidator), borrower.clone(), Balance::MAX);
		assert!(Loans::<T>::get(&borrower).is_none());
		assert!(State::<T>::get().bad_debt > 0);
	}

	#[benchmark]
	fn withdraw_reserve() -> Result<(), BenchmarkError> {
		let (_, borrower) = market_with_loan::<T>(100_000);
		Pallet::<T>::do_repay(&borrower, Balance::MAX).expect("the borrower repays");
		let reserve = State::<T>::get().reserve;
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let to = funded::<T>("treasury");
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, reserve, to);
		assert_eq!(State::<T>::get().reserve, 0);
		Ok(())
	}

	#[benchmark]
	fn schedule_params_change() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, bench_params::<T>());
		assert!(PendingParams::<T>::get().is_some());
		Ok(())
	}

	#[benchmark]
	fn cancel_params_change() -> Result<(), BenchmarkError> {
		Pallet::<T>::do_schedule_params_change(bench_params::<T>()).expect("a change");
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin);
		assert!(PendingParams::<T>::get().is_none());
		Ok(())
	}

	#[benchmark]
	fn oracle_update() {
		market_with_loan::<T>(0);
		// The next multiple of the interval: the reading also writes an observation.
		let interval = T::ObservationInterval::get();
		let next = now::<T>().saturating_add(interval).saturating_sub(now::<T>() % interval);
		frame_system::Pallet::<T>::set_block_number(next.into());
		#[block]
		{
			Pallet::<T>::observe_pool(next);
		}
		assert_eq!(Oracle::<T>::get().last_update, Some(next));
		assert!(Observations::<T>::get(Pallet::<T>::slot_of(next)).is_some_and(|o| o.at == next));
	}

	#[benchmark]
	fn apply_params_change() {
		market_with_loan::<T>(100);
		let mut params = bench_params::<T>();
		params.reserve_factor = Permill::from_percent(20);
		Pallet::<T>::do_schedule_params_change(params).expect("a change");
		let due = now::<T>().saturating_add(T::ParamsChangeDelay::get());
		frame_system::Pallet::<T>::set_block_number(due.into());
		#[block]
		{
			Pallet::<T>::apply_due_params_change(due);
		}
		assert_eq!(Params::<T>::get(), Some(params));
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::tests::ExtBuilder::default().build(),
		crate::tests::Test
	);
}
