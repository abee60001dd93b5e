//! The per-block expiry and pruning of old records.

use super::*;

#[test]
fn unclaimed_rewards_expire_into_a_later_pool_and_records_are_pruned() {
	ExtBuilder.build_and_execute(|| {
		let e = two_operators_redeem(30 * hash::UNIT, 10 * UNIT, 20 * UNIT);
		// Several payers, so pruning takes more than one block's budget.
		for who in [bob(), charlie()] {
			assert_ok!(Credits::stake(signed(&who), UNIT));
		}
		goto_epoch(e + 2 + DISPUTE + CLAIM, 0);
		idle_blocks(10);
		assert_noop!(
			Credits::claim_operator_rewards(signed(&operator()), e),
			Error::<Test>::ClaimsClosed
		);
		assert!(
			credit_events().contains(&Event::EpochExpired { epoch: e, unclaimed: 30 * hash::UNIT })
		);
		assert!(CarriedPool::<Test>::get() >= 30 * hash::UNIT);
		assert!(!Rewards::<Test>::contains_key(e));
		assert_eq!(Usage::<Test>::iter_prefix(e).count(), 0);
		assert_eq!(OperatorEpochs::<Test>::iter_prefix(e).count(), 0);
		assert!(NextToPrune::<Test>::get() > e);
	});
}

#[test]
fn usage_records_are_pruned_within_the_budget_once_their_window_closes() {
	let mut ext = ExtBuilder.build();
	let e = ext.execute_with(|| {
		approved_operator(1_000 * UNIT);
		let payers = ["P1", "P2", "P3", "P4", "P5"];
		for name in payers {
			DiemBalances::mint_into(&acc(name), 2 * UNIT).unwrap();
			assert_ok!(Credits::stake(signed(&acc(name)), UNIT));
		}
		goto_epoch(current_epoch() + 1, 0);
		let e = current_epoch();
		let batch = payers.iter().map(|name| voucher(&sr(name), None, e, 1)).collect();
		assert_ok!(redeem(batch));
		// Still redeemable in e + 1: nothing goes.
		goto_epoch(e + 1, 0);
		idle_blocks(3);
		assert_eq!(Usage::<Test>::iter_prefix(e).count(), 5);
		goto_epoch(e + 2, 0);
		e
	});
	// `clear_prefix` limits what it removes from the database, as on chain, where each block's
	// removals are committed before the next block: commit after every block here too.
	let records = || Usage::<Test>::iter_prefix(e).count();
	ext.commit_all().unwrap();
	let mut blocks = 0;
	loop {
		let done = ext.execute_with(|| {
			let before = records();
			idle_blocks(1);
			assert!(before - records() <= PRUNE_BUDGET as usize);
			NextUsageToPrune::<Test>::get() > e
		});
		ext.commit_all().unwrap();
		blocks += 1;
		assert!(blocks < 20, "pruning makes progress");
		if done {
			break;
		}
	}
	assert!(blocks >= 3, "5 records at 2 per block take at least 3 blocks");
	ext.execute_with(|| {
		assert_eq!(records(), 0);
		// The operator's record stays for its claim.
		assert!(OperatorEpochs::<Test>::contains_key(e, operator()));
		Credits::do_try_state().unwrap();
	});
}
