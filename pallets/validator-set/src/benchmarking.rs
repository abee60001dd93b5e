//! Benchmarks (v2) of both calls with the set at its largest size the call allows.

use super::*;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use polkadot_sdk::{frame_benchmarking, frame_support};

/// A set of `n` validators with keys.
fn set_of<T: Config>(n: u32) {
	let validators: Vec<T::AccountId> = (0..n).map(|i| account("validator", i, 0)).collect();
	for who in &validators {
		T::SessionKeys::register_keys(who);
	}
	Validators::<T>::put(frame_support::BoundedVec::truncate_from(validators));
}

#[benchmarks]
mod benches {
	use super::*;

	/// Adding to a set one short of full (the duplicate check scans it all).
	#[benchmark]
	fn add_validator(
		n: Linear<1, { T::MaxValidators::get().saturating_sub(1) }>,
	) -> Result<(), BenchmarkError> {
		set_of::<T>(n);
		let who: T::AccountId = account("candidate", 0, 0);
		T::SessionKeys::register_keys(&who);
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());
		assert!(Validators::<T>::get().contains(&who));
		Ok(())
	}

	/// Removing the last member of a set above the minimum.
	#[benchmark]
	fn remove_validator(
		n: Linear<{ T::MinValidators::get().saturating_add(1) }, { T::MaxValidators::get() }>,
	) -> Result<(), BenchmarkError> {
		set_of::<T>(n);
		let who: T::AccountId = account("validator", n.saturating_sub(1), 0);
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());
		assert!(!Validators::<T>::get().contains(&who));
		Ok(())
	}

	#[benchmark]
	fn set_session_length() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let blocks: BlockNumberFor<T> = 600u32.into();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, blocks);
		assert_eq!(SessionLength::<T>::get(), Some(blocks));
		Ok(())
	}

	#[benchmark]
	fn set_minimum_set_size() -> Result<(), BenchmarkError> {
		set_of::<T>(T::MaxValidators::get());
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let size = T::MaxValidators::get();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, size);
		assert_eq!(MinimumSetSize::<T>::get(), size);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
