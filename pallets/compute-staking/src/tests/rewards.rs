//! Claiming and compounding rewards, and the reward pot.

use super::*;

#[test]
fn claim_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			ComputeStaking::claim_rewards(RuntimeOrigin::signed(1)),
			Error::<Test>::NotStaker
		);
		stake(1, 1_000);
		assert_noop!(
			ComputeStaking::claim_rewards(RuntimeOrigin::signed(1)),
			Error::<Test>::NoRewards
		);
	});
}

#[test]
fn compound_needs_opt_in_and_restakes_rewards() {
	ExtBuilder::default().build_and_execute(|| {
		stake(1, 1_000);
		run_to_block(3);
		assert_noop!(
			ComputeStaking::compound(RuntimeOrigin::signed(3), 1),
			Error::<Test>::AutoCompoundDisabled
		);
		assert_noop!(
			ComputeStaking::compound(RuntimeOrigin::signed(3), 2),
			Error::<Test>::NotStaker
		);

		// Enabling compounds what is pending right away, to the unit.
		let pending = ComputeStaking::pending_rewards(&1);
		assert_eq!(pending, 200);
		assert_ok!(ComputeStaking::set_auto_compound(RuntimeOrigin::signed(1), true));
		assert_eq!(ledger(1).unlocked, 1_000 + pending);
		assert_eq!(ledger(1).pending_rewards, 0);
		assert_eq!(held(1), 1_000 + pending);
		assert_noop!(
			ComputeStaking::compound(RuntimeOrigin::signed(3), 1),
			Error::<Test>::NoRewards
		);

		run_to_block(4);
		// A bot compounds for account 1: exactly what was pending moves into stake. (100 over
		// 1,200 staked does not divide evenly; the index rounds down and carries the rest.)
		let pending = ComputeStaking::pending_rewards(&1);
		assert!((99..=100).contains(&pending), "{pending}");
		assert_ok!(ComputeStaking::compound(RuntimeOrigin::signed(3), 1));
		assert_eq!(ledger(1).unlocked, 1_200 + pending);
		assert!(staking_events().contains(&Event::Compounded { who: 1, amount: pending }));
	});
}

#[test]
fn auto_compound_restakes_on_every_touch() {
	ExtBuilder::default().build_and_execute(|| {
		stake(1, 1_000);
		assert_ok!(ComputeStaking::set_auto_compound(RuntimeOrigin::signed(1), true));
		run_to_block(3);
		assert_eq!(ComputeStaking::pending_rewards(&1), 200);
		stake(1, 100);
		assert_eq!(ledger(1).unlocked, 1_300);
		assert_eq!(ledger(1).pending_rewards, 0);

		assert_ok!(ComputeStaking::set_auto_compound(RuntimeOrigin::signed(1), false));
		run_to_block(4);
		let pending = ComputeStaking::pending_rewards(&1);
		stake(1, 100);
		// Off again: rewards stay pending.
		assert_eq!(ledger(1).unlocked, 1_400);
		assert_eq!(ledger(1).pending_rewards, pending);
	});
}

/// The pot is an ordinary account: a payment into it (a gift, a mistake) must not break the
/// conservation check, and rewards are still paid from the emission's accounting, not the gift.
#[test]
fn a_payment_into_the_reward_pot_keeps_the_invariants() {
	use frame_support::traits::{fungible::Mutate, tokens::Preservation};
	ExtBuilder::default().build_and_execute(|| {
		stake(1, 1_000);
		run_to_block(3);
		let pot = ComputeStaking::pot_account();
		assert_ok!(<Balances as Mutate<_>>::transfer(&2, &pot, 5_000, Preservation::Preserve));
		assert_ok!(ComputeStaking::do_try_state());
		run_to_block(5);
		assert_ok!(ComputeStaking::claim_rewards(RuntimeOrigin::signed(1)));
		assert_eq!(TotalRewardsPaid::<Test>::get(), 400);
		assert_eq!(Balances::balance(&pot), ED + 5_000);
	});
}

#[test]
fn compounding_does_not_restake_into_an_empty_position() {
	ExtBuilder::default().build_and_execute(|| {
		stake(1, 1_000);
		stake(2, 1_000);
		run_to_block(2);
		assert_ok!(ComputeStaking::unstake(RuntimeOrigin::signed(1), 1_000));
		// 50 pending, nothing bonded: enabling auto-compound must not create a 50-unit stake
		// below the minimum; the rewards stay claimable.
		assert_ok!(ComputeStaking::set_auto_compound(RuntimeOrigin::signed(1), true));
		assert_eq!(ledger(1).unlocked, 0);
		assert_eq!(ledger(1).pending_rewards, 50);
		assert_noop!(
			ComputeStaking::compound(RuntimeOrigin::signed(3), 1),
			Error::<Test>::NoRewards
		);
		assert_ok!(ComputeStaking::claim_rewards(RuntimeOrigin::signed(1)));
	});
}
