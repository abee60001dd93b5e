//! Benchmarks (v2) of every call and of the hook, at their worst cases: minters whose stake
//! auto-compounds with rewards pending (the lock settles and restakes them) and burns that reap
//! the account. Curve evaluations are measured once, by `curve_series`, at the longest series
//! any valid curve can take; the calls charge it per evaluation on top of their own benchmark.

use super::*;
use diem_primitives::{
	curve::{self, CurveParams, MAX_STEEPNESS_PPM, PPM},
	diem, hash, Balance,
};
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Inspect, EnsureOrigin, Get, Hooks};
use frame_system::RawOrigin;
use polkadot_sdk::{frame_benchmarking, frame_support, frame_system};

/// Stake for the minters: a few thousand DIEM at the bottom of the curve.
const STAKE: Balance = 1_000_000 * hash::UNIT;

/// The curve validation accepts whose series is longest at its cap: the most expensive curve
/// evaluation governance can make the chain do. Searched over steepness and cap with Venice's
/// other parameters.
pub(crate) fn longest_valid_curve() -> CurveParams {
	let venice = CurveParams::venice();
	let mut longest = (0, venice);
	for k in 1..=MAX_STEEPNESS_PPM / PPM {
		for halves in 1..=20u128 {
			let params = CurveParams {
				steepness_ppm: k * PPM,
				max_supply: venice.target / 2 * halves,
				..venice
			};
			if params.validate().is_ok() {
				let terms = curve::series_length(&params, params.max_supply).unwrap_or(0);
				if terms > longest.0 {
					longest = (terms, params);
				}
			}
		}
	}
	longest.1
}

fn minter<T: Config>(name: &'static str) -> T::AccountId {
	let who: T::AccountId = account(name, 0, 0);
	T::BenchmarkHelper::stake(&who, STAKE).expect("the runtime stakes for the benchmark");
	MintingOpen::<T>::put(true);
	who
}

fn changed_curve() -> CurveParams {
	CurveParams { base_rate: 100 * hash::UNIT, ..CurveParams::venice() }
}

#[benchmarks]
mod benches {
	use super::*;

	#[benchmark]
	fn mint() {
		let who = minter::<T>("minter");
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), diem::UNIT, Balance::MAX);
		assert_eq!(Positions::<T>::get(&who).map(|p| p.outstanding), Some(diem::UNIT));
	}

	/// Storage, locking and minting around a search at a low supply (short series); the call
	/// adds `curve_series` per series evaluation on top, at the longest length possible.
	#[benchmark]
	fn mint_with_stake() {
		let who = minter::<T>("minter");
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), STAKE / 2, 1);
		assert!(Positions::<T>::get(&who).is_some());
	}

	/// One series evaluation (a cost or a rate) at the cap of the longest valid curve.
	#[benchmark]
	fn curve_series() {
		let params = longest_valid_curve();
		let result;
		#[block]
		{
			result = curve::cumulative_cost(&params, params.max_supply);
		}
		assert!(result.is_ok());
	}

	#[benchmark]
	fn burn() {
		let who = minter::<T>("minter");
		Pallet::<T>::do_mint(&who, 2 * diem::UNIT, Balance::MAX).expect("mint for the burn");
		// All the liquid DIEM: the account is reaped.
		let liquid = T::Diem::balance(&who);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), liquid);
		assert_eq!(T::Diem::balance(&who), 0);
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

	/// The call adds the two series evaluations of validation (`curve_series`) on top.
	#[benchmark]
	fn schedule_curve_change() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, changed_curve());
		assert!(PendingChange::<T>::get().is_some());
		Ok(())
	}

	#[benchmark]
	fn cancel_curve_change() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		Pallet::<T>::do_schedule_curve_change(changed_curve())
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

	/// The hook adds the two series evaluations of revalidation (`curve_series`) on top.
	#[benchmark]
	fn on_initialize_apply_change() {
		let params = changed_curve();
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
		crate::tests::ExtBuilder::default().build(),
		crate::tests::Test
	);
}
