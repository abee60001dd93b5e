//! Staking, unstaking in chunks, unbonding and rebonding.

use super::*;

#[test]
fn stake_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(ComputeStaking::stake(RuntimeOrigin::signed(1), 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			ComputeStaking::stake(RuntimeOrigin::signed(1), 99),
			Error::<Test>::BelowMinimumStake
		);
		assert_noop!(
			ComputeStaking::stake(RuntimeOrigin::signed(1), INITIAL + 1),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			ComputeStaking::stake(RuntimeOrigin::signed(42), 1_000),
			Error::<Test>::InsufficientBalance
		);
		// Once above the minimum, small top-ups are fine.
		stake(1, 100);
		stake(1, 1);
		assert_eq!(ledger(1).unlocked, 101);
	});
}

#[test]
fn unstake_makes_independent_chunks() {
	ExtBuilder::default().build_and_execute(|| {
		stake(1, 1_000);
		assert_ok!(ComputeStaking::unstake(RuntimeOrigin::signed(1), 100));
		run_to_block(5);
		assert_ok!(ComputeStaking::unstake(RuntimeOrigin::signed(1), 200));
		// The second request does not restart the first.
		let chunks: Vec<_> = ledger(1).unbonding.iter().map(|c| (c.amount, c.end)).collect();
		assert_eq!(chunks, vec![(100, 11), (200, 15)]);
		assert_eq!(TotalUnbonding::<Test>::get(), 300);
		assert_eq!(held(1), 1_000, "unbonding stays held");

		run_to_block(10);
		assert_noop!(
			ComputeStaking::withdraw_unbonded(RuntimeOrigin::signed(1)),
			Error::<Test>::NothingToWithdraw
		);
		run_to_block(11);
		let free = Balances::balance(&1);
		assert_ok!(ComputeStaking::withdraw_unbonded(RuntimeOrigin::signed(1)));
		assert_eq!(Balances::balance(&1), free + 100);
		assert_eq!(ledger(1).unbonding.len(), 1);
		run_to_block(15);
		assert_ok!(ComputeStaking::withdraw_unbonded(RuntimeOrigin::signed(1)));
		assert_eq!(held(1), 700);
		assert_eq!(TotalUnbonding::<Test>::get(), 0);
	});
}

#[test]
fn unbonding_stake_earns_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		stake(1, 1_000);
		stake(2, 1_000);
		assert_ok!(ComputeStaking::unstake(RuntimeOrigin::signed(2), 900));
		run_to_block(2);
		// Active stake 1000 + 100: account 2 earns on 100 only.
		assert_eq!(ComputeStaking::pending_rewards(&1), 90);
		assert_eq!(ComputeStaking::pending_rewards(&2), 9);
	});
}

#[test]
fn unstake_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			ComputeStaking::unstake(RuntimeOrigin::signed(1), 100),
			Error::<Test>::NotStaker
		);
		stake(1, 1_000);
		assert_noop!(
			ComputeStaking::unstake(RuntimeOrigin::signed(1), 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			ComputeStaking::unstake(RuntimeOrigin::signed(1), 1_001),
			Error::<Test>::NotEnoughUnlocked
		);
		assert_noop!(
			ComputeStaking::unstake(RuntimeOrigin::signed(1), 950),
			Error::<Test>::BelowMinimumStake
		);
		// Locked stake cannot be unstaked.
		assert_ok!(<ComputeStaking as StakeLocker<_, _>>::lock(&1, 900));
		assert_noop!(
			ComputeStaking::unstake(RuntimeOrigin::signed(1), 200),
			Error::<Test>::NotEnoughUnlocked
		);
		for _ in 0..MAX_CHUNKS {
			assert_ok!(ComputeStaking::unstake(RuntimeOrigin::signed(1), 10));
		}
		assert_noop!(
			ComputeStaking::unstake(RuntimeOrigin::signed(1), 10),
			Error::<Test>::TooManyUnbondingChunks
		);
		assert_noop!(
			ComputeStaking::withdraw_unbonded(RuntimeOrigin::signed(2)),
			Error::<Test>::NotStaker
		);
	});
}

#[test]
fn unstaking_everything_is_allowed_and_the_ledger_goes_away_when_empty() {
	ExtBuilder::default().build_and_execute(|| {
		stake(1, 1_000);
		assert_ok!(ComputeStaking::unstake(RuntimeOrigin::signed(1), 1_000));
		run_to_block(11);
		assert_ok!(ComputeStaking::withdraw_unbonded(RuntimeOrigin::signed(1)));
		assert!(Ledgers::<Test>::get(1).is_none());
		assert_eq!(Balances::balance(&1), INITIAL);
	});
}

#[test]
fn rebond_cancels_newest_chunks_first() {
	ExtBuilder::default().build_and_execute(|| {
		stake(1, 1_000);
		assert_ok!(ComputeStaking::unstake(RuntimeOrigin::signed(1), 100));
		run_to_block(5);
		assert_ok!(ComputeStaking::unstake(RuntimeOrigin::signed(1), 200));
		assert_noop!(
			ComputeStaking::rebond(RuntimeOrigin::signed(1), 0),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			ComputeStaking::rebond(RuntimeOrigin::signed(1), 301),
			Error::<Test>::NotEnoughUnbonding
		);
		assert_ok!(ComputeStaking::rebond(RuntimeOrigin::signed(1), 250));
		let chunks: Vec<_> = ledger(1).unbonding.iter().map(|c| (c.amount, c.end)).collect();
		assert_eq!(chunks, vec![(50, 11)]);
		assert_eq!(ledger(1).unlocked, 950);
		assert_eq!(TotalUnbonding::<Test>::get(), 50);
		assert_eq!(TotalUnlocked::<Test>::get(), 950);
		assert!(staking_events().contains(&Event::Rebonded { who: 1, amount: 250 }));
		assert_noop!(ComputeStaking::rebond(RuntimeOrigin::signed(2), 1), Error::<Test>::NotStaker);
	});
}
