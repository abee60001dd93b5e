//! Benchmarks (v2) of both calls at their worst case: an asset (not HASH), new receivers (account
//! creation), the longest memo, the largest batch.

use super::*;

use alloc::{vec, vec::Vec};
use diem_primitives::Balance;
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungibles::{Inspect, Mutate},
	Get,
};
use frame_system::RawOrigin;
use polkadot_sdk::{frame_benchmarking, frame_support, frame_system};

const SEED: u32 = 0;

/// An account with plenty of the benchmarks' asset.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	let asset = T::BenchmarkHelper::asset();
	let amount = T::Assets::minimum_balance(asset.clone()).saturating_mul(1_000_000);
	assert!(T::Assets::mint_into(asset, &who, amount).is_ok());
	who
}

fn amount<T: Config>() -> Balance {
	T::Assets::minimum_balance(T::BenchmarkHelper::asset()).saturating_mul(100)
}

#[benchmarks]
mod benches {
	use super::*;

	/// A payment to a new account with a memo of `m` bytes.
	#[benchmark]
	fn pay(m: Linear<0, { T::MaxMemoLen::get() }>) {
		let from = funded::<T>("from", 0);
		let to: T::AccountId = account("to", 0, SEED);
		let asset = T::BenchmarkHelper::asset();
		let memo = vec![7u8; m as usize];

		#[extrinsic_call]
		_(RawOrigin::Signed(from), asset.clone(), to.clone(), amount::<T>(), memo);

		assert_eq!(T::Assets::balance(asset, &to), amount::<T>());
	}

	/// `n` payments to new accounts.
	#[benchmark]
	fn pay_batch(n: Linear<1, { T::MaxBatchPayments::get() }>) {
		let from = funded::<T>("from", 0);
		let asset = T::BenchmarkHelper::asset();
		let payments: Vec<(T::AccountId, Balance)> =
			(0..n).map(|i| (account("to", i, SEED), amount::<T>())).collect();
		let last = payments.last().map(|(to, _)| to.clone());

		#[extrinsic_call]
		_(RawOrigin::Signed(from), asset.clone(), payments, vec![]);

		if let Some(last) = last {
			assert_eq!(T::Assets::balance(asset, &last), amount::<T>());
		}
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
