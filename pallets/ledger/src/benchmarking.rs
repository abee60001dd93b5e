//! Benchmarks (v2) of every call at its worst case: new receivers (account creation), the
//! longest memo, the largest batch, allowances that are created or removed with their deposit.

use super::*;

use alloc::{vec, vec::Vec};
use diem_primitives::Balance;
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	Consideration, Footprint, Get,
};
use frame_system::RawOrigin;
use polkadot_sdk::{frame_benchmarking, frame_support, frame_system};

const SEED: u32 = 0;

/// An account with plenty of DIEM and whatever an allowance deposit needs.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	let amount = T::Currency::minimum_balance().saturating_mul(1_000_000);
	T::Currency::set_balance(&who, amount);
	T::AllowanceDeposit::ensure_successful(
		&who,
		Footprint::from_mel::<(T::AccountId, T::AccountId, AllowanceOf<T>)>(),
	);
	who
}

fn amount<T: Config>() -> Balance {
	T::Currency::minimum_balance().saturating_mul(100)
}

#[benchmarks]
mod benches {
	use super::*;

	/// Everything but dust below the existential deposit: the sender is reaped and the dust
	/// swept to the dust account, and the receiver is a new account.
	#[benchmark]
	fn transfer() {
		let from = funded::<T>("from", 0);
		let to: T::AccountId = account("to", 0, SEED);
		let dust = (T::Currency::minimum_balance() / 2).max(1);
		let amount = T::Currency::balance(&from) - dust;
		#[extrinsic_call]
		_(RawOrigin::Signed(from.clone()), to.clone(), amount);
		assert_eq!(T::Currency::balance(&to), amount);
		assert_eq!(T::Currency::balance(&from), 0);
	}

	#[benchmark]
	fn transfer_keep_alive() {
		let from = funded::<T>("from", 0);
		let to: T::AccountId = account("to", 0, SEED);
		#[extrinsic_call]
		_(RawOrigin::Signed(from), to.clone(), amount::<T>());
		assert_eq!(T::Currency::balance(&to), amount::<T>());
	}

	#[benchmark]
	fn transfer_all() {
		let from = funded::<T>("from", 0);
		let to: T::AccountId = account("to", 0, SEED);
		#[extrinsic_call]
		_(RawOrigin::Signed(from.clone()), to.clone(), false);
		assert_eq!(T::Currency::balance(&from), 0);
	}

	#[benchmark]
	fn approve() {
		let owner = funded::<T>("owner", 0);
		let spender: T::AccountId = account("spender", 0, SEED);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), spender.clone(), amount::<T>(), Some(1_000u32.into()));
		assert!(Allowances::<T>::get(&owner, &spender).is_some());
	}

	#[benchmark]
	fn increase_allowance() {
		let owner = funded::<T>("owner", 0);
		let spender: T::AccountId = account("spender", 0, SEED);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), spender.clone(), amount::<T>());
		assert!(Allowances::<T>::get(&owner, &spender).is_some());
	}

	#[benchmark]
	fn decrease_allowance() {
		let owner = funded::<T>("owner", 0);
		let spender: T::AccountId = account("spender", 0, SEED);
		Pallet::<T>::do_approve(&owner, &spender, amount::<T>(), None).expect("approve");
		// Down to zero: the allowance and its deposit go.
		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), spender.clone(), amount::<T>());
		assert!(Allowances::<T>::get(&owner, &spender).is_none());
	}

	#[benchmark]
	fn transfer_from() {
		let owner = funded::<T>("owner", 0);
		let spender: T::AccountId = account("spender", 0, SEED);
		let to: T::AccountId = account("to", 0, SEED);
		Pallet::<T>::do_approve(&owner, &spender, amount::<T>(), Some(1_000u32.into()))
			.expect("approve");
		// Spends it all: moves DIEM to a new account and removes the allowance.
		#[extrinsic_call]
		_(RawOrigin::Signed(spender.clone()), owner.clone(), to.clone(), amount::<T>());
		assert_eq!(T::Currency::balance(&to), amount::<T>());
		assert!(Allowances::<T>::get(&owner, &spender).is_none());
	}

	#[benchmark]
	fn cancel_approval() {
		let owner = funded::<T>("owner", 0);
		let spender: T::AccountId = account("spender", 0, SEED);
		Pallet::<T>::do_approve(&owner, &spender, amount::<T>(), None).expect("approve");
		#[extrinsic_call]
		_(RawOrigin::Signed(owner.clone()), spender.clone());
		assert!(Allowances::<T>::get(&owner, &spender).is_none());
	}

	#[benchmark]
	fn pay(m: Linear<0, { T::MaxMemoLen::get() }>) {
		let from = funded::<T>("from", 0);
		let to: T::AccountId = account("to", 0, SEED);
		let memo = vec![7u8; m as usize];
		#[extrinsic_call]
		_(RawOrigin::Signed(from), to.clone(), amount::<T>(), memo);
		assert_eq!(T::Currency::balance(&to), amount::<T>());
	}

	#[benchmark]
	fn pay_batch(n: Linear<1, { T::MaxBatchPayments::get() }>) {
		let from = funded::<T>("from", 0);
		let payments: Vec<(T::AccountId, Balance)> =
			(0..n).map(|i| (account("to", i, SEED), amount::<T>())).collect();
		let memo = vec![7u8; T::MaxMemoLen::get() as usize];
		#[extrinsic_call]
		_(RawOrigin::Signed(from), payments, memo);
		assert_eq!(T::Currency::balance(&account("to", n - 1, SEED)), amount::<T>());
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
