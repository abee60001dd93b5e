//! Pruning: records go once their last epoch can no longer be redeemed, within the budget.

use super::*;

#[test]
fn expired_listings_leases_and_records_are_pruned_within_the_budget() {
	ExtBuilder.build_and_execute(|| {
		stake(&alice(), 100 * CREDIT);
		let e = current();
		// Two listings ending now, one lease taken from each: four ids end in epoch `e`.
		for _ in 0..2 {
			assert_ok!(Market::list_lease(signed(&alice()), 2 * CREDIT, e, e, 1, PayIn::Hash));
			assert_ok!(Market::take_lease(signed(&bob()), last_id(), CREDIT, charlie(), 1));
		}
		assert_eq!(Expiring::<Test>::iter_prefix(e).count(), 4);
		// Epoch e + 1: vouchers of `e` are still redeemed, nothing goes.
		next_epochs(1);
		assert_eq!(Expiring::<Test>::iter_prefix(e).count(), 4);
		assert_eq!(allowance(&charlie(), e), 2 * CREDIT);
		// Epoch e + 2: at most PRUNE_BUDGET (3) removals a block.
		next_epochs(1);
		assert_eq!(Expiring::<Test>::iter_prefix(e).count(), 1);
		next_block();
		assert_eq!(Expiring::<Test>::iter_prefix(e).count(), 0);
		// The records of epoch `e` (Alice's and Charlie's) went with the remaining budget.
		assert_eq!(EpochLeasesOf::<Test>::iter_prefix(e).count(), 0);
		assert!(
			Listings::<Test>::iter().next().is_none() && Leases::<Test>::iter().next().is_none()
		);
		assert!(AccountLeases::<Test>::iter().next().is_none());
		assert_eq!(
			market_events()
				.iter()
				.filter(|event| matches!(event, Event::LeaseExpired { .. }))
				.count(),
			4
		);
		next_block();
		assert_eq!(NextToPrune::<Test>::get(), Some(e + 1));
	});
}

#[test]
fn pruning_waits_for_the_clock_and_starts_where_the_market_started() {
	ExtBuilder.build_and_execute(|| {
		// The first block saw epoch START_EPOCH: nothing before it is looked at.
		assert_eq!(NextToPrune::<Test>::get(), Some(START_EPOCH - 1));
		next_block();
		assert_eq!(
			NextToPrune::<Test>::get(),
			Some(START_EPOCH - 1),
			"its successor is redeemable"
		);
		next_epochs(1);
		assert_eq!(NextToPrune::<Test>::get(), Some(START_EPOCH));
		Epoch::set(None);
		next_block();
		assert_eq!(NextToPrune::<Test>::get(), Some(START_EPOCH));
		Epoch::set(Some(START_EPOCH + 1));
	});
}
