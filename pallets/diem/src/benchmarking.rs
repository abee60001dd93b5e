//! Benchmarks (v2) of every call and of the hook, at their worst cases: mints at the top of the
//! curve, where the series is longest, and a curve change validated at the cap.

use super::*;

use diem_primitives::{curve::CurveParams, diem, hash, Balance};
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Inspect, EnsureOrigin, Get, Hooks};
use frame_system::RawOrigin;
use polkadot_sdk::{frame_benchmarking, frame_support, frame_system};

/// Stake enough for a few DIEM at the top of Venice's curve (~77k HASH each).
const STAKE: Balance = 2_000_000 * hash::UNIT;

fn minter<T: Config>(name: &'static str) -> T::AccountId {
	let who: T::AccountId = account(name, 0, 0);
	T::BenchmarkHelper::stake(&who, STAKE);
	MintingOpen::<T>::put(true);
	who
}

/// Puts the supply just below the cap, where each cost takes the longest series.
fn near_the_cap<T: Config>() {
	let cap = Curve::<T>::get().max_supply;
	Supply::<T>::put(cap - 10 * diem::UNIT);
}

#[benchmarks]
mod benches {
	use super::*;

	#[benchmark]
	fn mint() {
		let who = minter::<T>("minter");
		near_the_cap::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), diem::UNIT, Balance::MAX);
		assert_eq!(Positions::<T>::get(&who).map(|p| p.outstanding), Some(diem::UNIT));
	}

	#[benchmark]
	fn mint_with_stake() {
		let who = minter::<T>("minter");
		near_the_cap::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), STAKE / 2, 1);
		assert!(Positions::<T>::get(&who).is_some());
	}

	#[benchmark]
	fn burn() {
		let who = minter::<T>("minter");
		near_the_cap::<T>();
		Pallet::<T>::do_mint(&who, 2 * diem::UNIT, Balance::MAX).expect("mint for the burn");
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), diem::UNIT);
		assert_eq!(T::Diem::balance(&who), diem::UNIT);
	}

	#[benchmark]
	fn set_minting_open() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, true);
		assert!(MintingOpen::<T>::get());
		Ok(())
	}

	#[benchmark]
	fn schedule_curve_change() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let params = CurveParams { base_rate: 100 * hash::UNIT, ..CurveParams::venice() };
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, params);
		assert!(PendingChange::<T>::get().is_some());
		Ok(())
	}

	#[benchmark]
	fn cancel_curve_change() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		Pallet::<T>::do_schedule_curve_change(CurveParams::venice())
			.map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin);
		assert!(PendingChange::<T>::get().is_none());
		Ok(())
	}

	#[benchmark]
	fn on_initialize_idle() {
		let now = frame_system::Pallet::<T>::block_number();
		#[block]
		{
			Pallet::<T>::on_initialize(now);
		}
	}

	#[benchmark]
	fn on_initialize_apply_change() {
		let params = CurveParams { base_rate: 100 * hash::UNIT, ..CurveParams::venice() };
		Pallet::<T>::do_schedule_curve_change(params).expect("valid change");
		let due =
			frame_system::Pallet::<T>::block_number() + T::CurveChangeDelay::get() + 1u32.into();
		#[block]
		{
			Pallet::<T>::on_initialize(due);
		}
		assert_eq!(Curve::<T>::get(), params);
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::mock::ExtBuilder::default().build(),
		crate::mock::Test
	);
}
