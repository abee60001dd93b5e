//! Credit leases: listing commits allowance, taking moves it and pays, cancelling frees the
//! open part from the current epoch on; every refusal by name.

use super::*;

/// Alice stakes 10 credits and lists 4 a epoch for this epoch and the next two at 2 HASH each.
fn alice_lists() -> LeaseId {
	stake(&alice(), 10 * CREDIT);
	let e = current();
	assert_ok!(Market::list_lease(
		signed(&alice()),
		4 * CREDIT,
		e,
		e + 2,
		2 * hash::UNIT,
		PayIn::Hash
	));
	last_id()
}

#[test]
fn a_listing_commits_a_lease_moves_and_a_cancel_frees_the_open_part() {
	ExtBuilder.build_and_execute(|| {
		let e = current();
		let listing = alice_lists();
		assert_eq!(allowance(&alice(), e), 6 * CREDIT, "listed credits are committed");
		assert_eq!(allowance(&alice(), e + 3), 10 * CREDIT, "after the range they are not");
		assert_eq!(Market::committed_after(&alice(), e), 4 * CREDIT);
		// Bob takes 3 credits a epoch for Charlie and pays 3 × 3 epochs × 2 HASH at once.
		assert_ok!(Market::take_lease(
			signed(&bob()),
			listing,
			3 * CREDIT,
			charlie(),
			2 * hash::UNIT
		));
		let lease = last_id();
		assert_eq!(Balances::balance(&bob()), INITIAL_HASH - 18 * hash::UNIT);
		assert_eq!(Balances::balance(&alice()), INITIAL_HASH + 18 * hash::UNIT);
		for epoch in e..=e + 2 {
			assert_eq!(allowance(&charlie(), epoch), 3 * CREDIT);
			assert_eq!(allowance(&alice(), epoch), 6 * CREDIT);
			assert_eq!(allowance(&bob(), epoch), 0, "the taker pays, the beneficiary gets");
		}
		assert_eq!(Listings::<Test>::get(listing).unwrap().credits_per_epoch, CREDIT);
		assert_eq!(Leases::<Test>::get(lease).unwrap().paid, 18 * hash::UNIT);
		assert!(market_events().iter().any(|event| matches!(
			event,
			Event::LeaseTaken { paid, price_per_credit, .. }
				if *paid == 18 * hash::UNIT && *price_per_credit == 2 * hash::UNIT
		)));
		// A cancel in the next epoch frees the open credit from then on; this epoch's stays
		// committed (its vouchers are still redeemed).
		next_epochs(1);
		assert_ok!(Market::cancel_lease(signed(&alice()), listing));
		assert!(!Listings::<Test>::contains_key(listing));
		assert_eq!(allowance(&alice(), e), 6 * CREDIT);
		assert_eq!(allowance(&alice(), e + 1), 7 * CREDIT);
		assert_eq!(allowance(&alice(), e + 2), 7 * CREDIT);
		assert_eq!(Market::committed_after(&alice(), e + 1), 3 * CREDIT, "the lease still binds");
		assert_eq!(AccountLeases::<Test>::get(alice()).into_inner(), vec![lease]);
	});
}

#[test]
fn a_lease_taken_later_covers_and_costs_only_the_epochs_left() {
	ExtBuilder.build_and_execute(|| {
		let e = current();
		let listing = alice_lists();
		next_epochs(2);
		assert_ok!(Market::take_lease(signed(&bob()), listing, 4 * CREDIT, bob(), 2 * hash::UNIT));
		let lease = Leases::<Test>::get(last_id()).unwrap();
		assert_eq!((lease.first, lease.last, lease.paid), (e + 2, e + 2, 8 * hash::UNIT));
		assert_eq!(allowance(&bob(), e + 2), 4 * CREDIT);
		assert_eq!(allowance(&bob(), e + 1), 0);
		// Fully taken: the listing is gone.
		assert!(!Listings::<Test>::contains_key(listing));
	});
}

#[test]
fn a_lease_taken_during_its_first_epoch_counts_in_it_pro_rata_like_a_new_stake() {
	ExtBuilder.build_and_execute(|| {
		let e = current();
		let listing = alice_lists();
		// A quarter of the epoch is left: Charlie gets a quarter of this epoch's 4 credits, all
		// of the next two, and pays for 1 + 4 + 4 credits; Alice gets the other 3 back now.
		PercentLeft::set(25);
		assert_ok!(Market::take_lease(
			signed(&bob()),
			listing,
			4 * CREDIT,
			charlie(),
			2 * hash::UNIT
		));
		let lease = Leases::<Test>::get(last_id()).unwrap();
		assert_eq!((lease.first_credits, lease.paid), (CREDIT, 9 * 2 * hash::UNIT));
		assert_eq!(allowance(&charlie(), e), CREDIT);
		assert_eq!(allowance(&charlie(), e + 1), 4 * CREDIT);
		assert_eq!(allowance(&alice(), e), 9 * CREDIT, "the part not leased is hers again");
		assert_eq!(allowance(&alice(), e + 1), 6 * CREDIT);
		assert!(!Listings::<Test>::contains_key(listing));
	});
}

#[test]
fn a_lister_that_spent_its_allowance_first_cannot_list_it() {
	ExtBuilder.build_and_execute(|| {
		stake(&alice(), 5 * CREDIT);
		let e = current();
		use_credits(&alice(), 5 * CREDIT);
		assert_noop!(
			Market::list_lease(signed(&alice()), CREDIT, e, e, 1, PayIn::Hash),
			Error::<Test>::InsufficientAllowance
		);
		// Next epoch's allowance is whole again: that one can be listed.
		assert_ok!(Market::list_lease(signed(&alice()), 5 * CREDIT, e + 1, e + 1, 1, PayIn::Hash));
	});
}

#[test]
fn leases_are_paid_in_diem_too_and_the_price_rounds_up() {
	ExtBuilder.build_and_execute(|| {
		stake(&alice(), 10 * CREDIT);
		let e = current();
		// 3 units of DIEM per credit: a third of a credit costs one unit, never zero.
		assert_ok!(Market::list_lease(signed(&alice()), 5 * CREDIT, e, e, 3, PayIn::Diem));
		assert_ok!(Market::take_lease(signed(&bob()), last_id(), CREDIT / 3, bob(), 3));
		assert_eq!(Leases::<Test>::get(last_id()).unwrap().paid, 1);
		assert_eq!(DiemBalances::balance(&alice()), INITIAL_DIEM + 1);
		assert_eq!(Balances::balance(&bob()), INITIAL_HASH, "no HASH moved");
	});
}

#[test]
fn listing_refuses_bad_ranges_and_credits_the_staker_does_not_have() {
	ExtBuilder.build_and_execute(|| {
		let e = current();
		let list = |credits, first, last| {
			Market::list_lease(signed(&alice()), credits, first, last, hash::UNIT, PayIn::Hash)
		};
		assert_noop!(list(CREDIT, e, e), Error::<Test>::InsufficientAllowance);
		stake(&alice(), 10 * CREDIT);
		assert_noop!(list(0, e, e), Error::<Test>::ZeroAmount);
		assert_noop!(
			Market::list_lease(signed(&alice()), CREDIT, e, e, 0, PayIn::Hash),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(list(CREDIT, e - 1, e), Error::<Test>::BadEpochRange);
		assert_noop!(list(CREDIT, e + 2, e + 1), Error::<Test>::BadEpochRange);
		assert_noop!(list(CREDIT, e, e + MAX_LEASE_EPOCHS), Error::<Test>::TooFarAhead);
		assert_ok!(list(CREDIT, e, e + MAX_LEASE_EPOCHS - 1));
		assert_noop!(list(10 * CREDIT, e + 1, e + 1), Error::<Test>::InsufficientAllowance);
		// Credits already used this epoch cannot be listed.
		use_credits(&alice(), 8 * CREDIT);
		assert_noop!(list(2 * CREDIT, e, e), Error::<Test>::InsufficientAllowance);
		assert_ok!(list(CREDIT, e, e));
		assert_eq!(allowance(&alice(), e), 8 * CREDIT, "what was used stays covered");
		Epoch::set(None);
		assert_noop!(list(CREDIT, e, e), Error::<Test>::NoEpoch);
	});
}

#[test]
fn taking_and_cancelling_refuse_by_name() {
	ExtBuilder.build_and_execute(|| {
		let listing = alice_lists();
		let take = |who: &AccountId, credits, beneficiary: AccountId, max| {
			Market::take_lease(signed(who), listing, credits, beneficiary, max)
		};
		assert_noop!(take(&bob(), 0, bob(), hash::UNIT * 2), Error::<Test>::ZeroAmount);
		assert_noop!(
			Market::take_lease(signed(&bob()), 77, CREDIT, bob(), 2 * hash::UNIT),
			Error::<Test>::NoSuchListing
		);
		assert_noop!(
			take(&bob(), 5 * CREDIT, bob(), 2 * hash::UNIT),
			Error::<Test>::MoreThanListed
		);
		assert_noop!(take(&bob(), CREDIT, bob(), hash::UNIT), Error::<Test>::PriceAboveLimit);
		assert_noop!(take(&bob(), CREDIT, alice(), 2 * hash::UNIT), Error::<Test>::SelfLease);
		let poor = account(21);
		assert_noop!(
			take(&poor, CREDIT, bob(), 2 * hash::UNIT),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(Market::cancel_lease(signed(&bob()), listing), Error::<Test>::NotLister);
		assert_noop!(Market::cancel_lease(signed(&bob()), 77), Error::<Test>::NoSuchListing);
		next_epochs(3);
		assert_noop!(take(&bob(), CREDIT, bob(), 2 * hash::UNIT), Error::<Test>::ListingExpired);
		assert_noop!(
			Market::cancel_lease(signed(&alice()), listing),
			Error::<Test>::ListingExpired
		);
	});
}

#[test]
fn listings_and_leases_are_bounded_per_account() {
	ExtBuilder.build_and_execute(|| {
		stake(&alice(), 100 * CREDIT);
		let e = current();
		for _ in 0..MAX_LEASES {
			assert_ok!(Market::list_lease(signed(&alice()), CREDIT, e, e, 1, PayIn::Hash));
		}
		assert_noop!(
			Market::list_lease(signed(&alice()), CREDIT, e, e, 1, PayIn::Hash),
			Error::<Test>::TooManyLeases
		);
		// A take needs room for the lease at the lister too: a partial take of a full lister's
		// listing is refused, a whole one frees the listing's slot first.
		assert_noop!(
			Market::take_lease(signed(&bob()), 0, CREDIT / 2, bob(), 1),
			Error::<Test>::TooManyLeases
		);
		assert_ok!(Market::take_lease(signed(&bob()), 0, CREDIT, bob(), 1));
		assert_eq!(AccountLeases::<Test>::get(alice()).len(), MAX_LEASES as usize);
	});
}
