//! Benchmarks (v2) for every call and the per-block hook, each in its worst case: the account
//! auto-compounds with rewards pending (every touch restakes), and chunk-bound calls run with
//! the most unbonding chunks.

use crate::*;
use diem_primitives::Balance;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	EnsureOrigin, Get, Hooks,
};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use polkadot_sdk::frame_benchmarking::v2::*;
use sp_runtime::{
	traits::{One, Zero},
	Perbill, Saturating,
};

const SEED: u32 = 0;

fn unit<T: Config>() -> Balance {
	T::Currency::minimum_balance().saturating_mul(1_000_000)
}

/// Parameters with a non-zero emission, the pot and pool endowed, and block 1 set.
fn configure<T: Config>() {
	Params::<T>::put(StakingParams {
		// Small enough to satisfy any inflation bound; non-zero so rewards accrue.
		emission_per_block: T::Currency::minimum_balance(),
		locked_yield_share: Perbill::from_percent(80),
		unbonding_period: T::MinUnbondingPeriod::get(),
		min_stake: T::MinStakeLowerBound::get().max(T::Currency::minimum_balance()),
	});
	assert!(Pallet::<T>::endow_pot_and_pool().is_ok());
	frame_system::Pallet::<T>::set_block_number(BlockNumberFor::<T>::one());
}

/// A funded staker with stake, part of it locked, auto-compounding, and a block of rewards
/// pending.
fn staker<T: Config>(name: &'static str) -> T::AccountId {
	let who: T::AccountId = account(name, 0, SEED);
	let _ = T::Currency::mint_into(&who, unit::<T>().saturating_mul(1_000));
	assert!(Pallet::<T>::do_stake(&who, unit::<T>().saturating_mul(100)).is_ok());
	assert!(Pallet::<T>::do_lock(&who, unit::<T>()).is_ok());
	assert!(Pallet::<T>::do_set_auto_compound(&who, true).is_ok());
	next_block::<T>();
	who
}

fn next_block<T: Config>() {
	let next = frame_system::Pallet::<T>::block_number().saturating_add(One::one());
	frame_system::Pallet::<T>::set_block_number(next);
	Pallet::<T>::on_initialize(next);
}

/// Gives `who` `chunks` unbonding chunks.
fn unbond<T: Config>(who: &T::AccountId, chunks: u32) {
	for _ in 0..chunks {
		assert!(Pallet::<T>::do_unstake(who, T::Currency::minimum_balance()).is_ok());
	}
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn stake() {
		configure::<T>();
		let who = staker::<T>("staker");
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), unit::<T>());
		assert!(Ledgers::<T>::get(&who).is_some_and(|l| l.pending_rewards == 0));
	}

	#[benchmark]
	fn unstake() {
		configure::<T>();
		let who = staker::<T>("staker");
		unbond::<T>(&who, T::MaxUnbondingChunks::get().saturating_sub(1));
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), unit::<T>());
		assert!(Ledgers::<T>::get(&who)
			.is_some_and(|l| l.unbonding.len() as u32 == T::MaxUnbondingChunks::get()));
	}

	#[benchmark]
	fn withdraw_unbonded(c: Linear<1, { T::MaxUnbondingChunks::get() }>) {
		configure::<T>();
		let who = staker::<T>("staker");
		unbond::<T>(&who, c);
		// Past the unbonding period (`configure` sets the shortest one).
		let mut waited = BlockNumberFor::<T>::zero();
		while waited <= T::MinUnbondingPeriod::get() {
			next_block::<T>();
			waited = waited.saturating_add(One::one());
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(Ledgers::<T>::get(&who).is_some_and(|l| l.unbonding.is_empty()));
	}

	#[benchmark]
	fn rebond(c: Linear<1, { T::MaxUnbondingChunks::get() }>) {
		configure::<T>();
		let who = staker::<T>("staker");
		unbond::<T>(&who, c);
		let all = T::Currency::minimum_balance().saturating_mul(Balance::from(c));
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), all);
		assert!(Ledgers::<T>::get(&who).is_some_and(|l| l.unbonding.is_empty()));
	}

	#[benchmark]
	fn claim_rewards() {
		configure::<T>();
		let who = staker::<T>("staker");
		assert!(Pallet::<T>::do_set_auto_compound(&who, false).is_ok());
		next_block::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		assert!(Ledgers::<T>::get(&who).is_some_and(|l| l.pending_rewards == 0));
	}

	#[benchmark]
	fn set_auto_compound() {
		configure::<T>();
		let who = staker::<T>("staker");
		assert!(Pallet::<T>::do_set_auto_compound(&who, false).is_ok());
		next_block::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), true);
		assert!(Ledgers::<T>::get(&who).is_some_and(|l| l.auto_compound));
	}

	#[benchmark]
	fn compound() {
		configure::<T>();
		let who = staker::<T>("staker");
		let bot: T::AccountId = account("bot", 0, SEED);
		#[extrinsic_call]
		_(RawOrigin::Signed(bot), who.clone());
		assert!(Ledgers::<T>::get(&who).is_some_and(|l| l.pending_rewards == 0));
	}

	#[benchmark]
	fn schedule_params_change() -> Result<(), BenchmarkError> {
		configure::<T>();
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let params = Params::<T>::get().ok_or(BenchmarkError::Stop("configured above"))?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, params);
		assert!(PendingParams::<T>::get().is_some());
		Ok(())
	}

	#[benchmark]
	fn cancel_params_change() -> Result<(), BenchmarkError> {
		configure::<T>();
		let params = Params::<T>::get().ok_or(BenchmarkError::Stop("configured above"))?;
		assert!(Pallet::<T>::do_schedule_params_change(params).is_ok());
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin);
		assert!(PendingParams::<T>::get().is_none());
		Ok(())
	}

	/// What `on_initialize` adds in the block a scheduled change applies (its validation
	/// reads the issuance, then the parameters are written and the change removed).
	#[benchmark]
	fn apply_params_change() -> Result<(), BenchmarkError> {
		configure::<T>();
		let params = Params::<T>::get().ok_or(BenchmarkError::Stop("configured above"))?;
		let changed = StakingParams { min_stake: T::MinStakeUpperBound::get(), ..params };
		assert!(Pallet::<T>::do_schedule_params_change(changed).is_ok());
		let due = PendingParams::<T>::get().ok_or(BenchmarkError::Stop("scheduled above"))?;
		#[block]
		{
			assert!(Pallet::<T>::apply_due_params_change(due.effective_at));
		}
		assert_eq!(Params::<T>::get(), Some(changed));
		Ok(())
	}

	#[benchmark]
	fn on_initialize() {
		configure::<T>();
		let _ = staker::<T>("staker");
		let next = frame_system::Pallet::<T>::block_number().saturating_add(One::one());
		let emitted = TotalEmitted::<T>::get();
		#[block]
		{
			Pallet::<T>::on_initialize(next);
		}
		assert!(TotalEmitted::<T>::get() > emitted);
	}

	impl_benchmark_test_suite!(
		Pallet,
		crate::tests::ExtBuilder::default().build(),
		crate::tests::Test
	);
}
