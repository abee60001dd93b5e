//! Benchmarks (v2) of every call and of the per-block pruning, each at its worst case: full
//! offer lists, listings over the longest range, partial takes (the listing stays and the lease
//! is indexed for two accounts), and pruning of leases (two index updates each).

use super::*;

use alloc::vec;
use diem_primitives::{market::CREDIT, AccountId, Balance};
use frame_benchmarking::v2::*;
use frame_support::{traits::Get, BoundedVec};
use frame_system::RawOrigin;
use polkadot_sdk::{frame_benchmarking, frame_support, frame_system};

const SEED: u32 = 0;
const FUNDS: Balance = 1_000_000 * diem_primitives::hash::UNIT;

fn funded<T: Config>(name: &'static str, index: u32) -> AccountId {
	let who: AccountId = account(name, index, SEED);
	T::BenchmarkHelper::fund(&who, FUNDS);
	who
}

fn approved_operator<T: Config>() -> AccountId {
	T::BenchmarkHelper::advance_epochs(0);
	let operator = funded::<T>("operator", 0);
	T::BenchmarkHelper::approve_operator(&operator);
	operator
}

/// Offer terms of the longest model and endpoint, model number `n`.
fn terms<T: Config>(n: u32) -> OfferTermsOf<T> {
	let mut model = vec![b'm'; T::MaxModelLen::get() as usize];
	for (byte, digit) in model.iter_mut().zip(n.to_le_bytes()) {
		*byte = digit;
	}
	OfferTerms {
		model: BoundedVec::truncate_from(model),
		unit: PriceUnit::MillionInputTokens,
		price: 1_000,
		max_context: 1_000_000,
		endpoint: BoundedVec::truncate_from(vec![b'e'; T::MaxEndpointLen::get() as usize]),
	}
}

/// `operator` with `n` offers.
fn with_offers<T: Config>(operator: &AccountId, n: u32) {
	for i in 0..n {
		Pallet::<T>::do_set_offer(operator, terms::<T>(i)).expect("an offer in the benchmark");
	}
}

fn current<T: Config>() -> u32 {
	Pallet::<T>::current_epoch().expect("the benchmark started the clock")
}

/// A staker with ample credits that listed 2 credits a epoch over `epochs` epochs from now.
fn listing<T: Config>(index: u32, epochs: u32) -> (AccountId, LeaseId) {
	T::BenchmarkHelper::advance_epochs(0);
	let lister = funded::<T>("lister", index);
	T::BenchmarkHelper::stake_credits(&lister, 1_000 * CREDIT);
	let first = current::<T>();
	Pallet::<T>::do_list_lease(&lister, 2 * CREDIT, first..=first + epochs - 1, 1_000, PayIn::Hash)
		.expect("a listing in the benchmark");
	(lister, NextLeaseId::<T>::get() - 1)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// A new offer after `MaxOffers - 1` others: the whole list is scanned, then pushed to.
	#[benchmark]
	fn set_offer() {
		let operator = approved_operator::<T>();
		with_offers::<T>(&operator, T::MaxOffers::get() - 1);
		let new = terms::<T>(T::MaxOffers::get());
		#[extrinsic_call]
		_(RawOrigin::Signed(operator.clone()), new);
		assert_eq!(Offers::<T>::get(&operator).len(), T::MaxOffers::get() as usize);
	}

	/// The last of `MaxOffers` offers.
	#[benchmark]
	fn remove_offer() {
		let operator = approved_operator::<T>();
		with_offers::<T>(&operator, T::MaxOffers::get());
		let last = terms::<T>(T::MaxOffers::get() - 1);
		#[extrinsic_call]
		_(RawOrigin::Signed(operator.clone()), last.model, last.unit);
		assert_eq!(Offers::<T>::get(&operator).len(), T::MaxOffers::get() as usize - 1);
	}

	#[benchmark]
	fn clear_offers(n: Linear<1, { T::MaxOffers::get() }>) {
		let operator = approved_operator::<T>();
		with_offers::<T>(&operator, n);
		T::BenchmarkHelper::revoke_operator(&operator);
		let caller = funded::<T>("caller", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), operator.clone());
		assert!(!Offers::<T>::contains_key(&operator));
	}

	#[benchmark]
	fn list_lease(e: Linear<1, { T::MaxLeaseEpochs::get() }>) {
		T::BenchmarkHelper::advance_epochs(0);
		let lister = funded::<T>("lister", 0);
		T::BenchmarkHelper::stake_credits(&lister, 1_000 * CREDIT);
		let first = current::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(lister.clone()), 2 * CREDIT, first, first + e - 1, 1_000, PayIn::Hash);
		assert_eq!(EpochLeasesOf::<T>::get(first + e - 1, &lister).listed, 2 * CREDIT);
	}

	/// Half of a listing over `e` epochs: the listing stays, the lease is indexed twice.
	#[benchmark]
	fn take_lease(e: Linear<1, { T::MaxLeaseEpochs::get() }>) {
		let (lister, id) = listing::<T>(0, e);
		let taker = funded::<T>("taker", 0);
		let beneficiary = funded::<T>("beneficiary", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(taker), id, CREDIT, beneficiary.clone(), 1_000);
		assert!(Listings::<T>::contains_key(id));
		assert_eq!(EpochLeasesOf::<T>::get(current::<T>(), &lister).lent, CREDIT);
	}

	#[benchmark]
	fn cancel_lease(e: Linear<1, { T::MaxLeaseEpochs::get() }>) {
		let (lister, id) = listing::<T>(0, e);
		#[extrinsic_call]
		_(RawOrigin::Signed(lister.clone()), id);
		assert!(!Listings::<T>::contains_key(id));
	}

	/// `n` expired leases, each of its own lister and beneficiary.
	#[benchmark]
	fn prune(n: Linear<0, { T::PruneBudget::get() }>) {
		T::BenchmarkHelper::advance_epochs(0);
		for i in 0..n {
			let (_, id) = listing::<T>(i, 1);
			let taker = funded::<T>("taker", i);
			Pallet::<T>::do_take_lease(&taker, id, 2 * CREDIT, &taker, 1_000)
				.expect("a lease in the benchmark");
		}
		let epoch = current::<T>();
		T::BenchmarkHelper::advance_epochs(2);
		NextToPrune::<T>::put(epoch);
		#[block]
		{
			Pallet::<T>::prune_expired();
		}
		assert_eq!(Expiring::<T>::iter_prefix(epoch).count(), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::tests::ExtBuilder.build(), crate::tests::Test);
}
