//! Locking stake for DIEM (the `StakeLocker` side).

use super::*;

#[test]
fn lock_and_unlock_mid_stream_settle_at_the_old_rate() {
	ExtBuilder::default().build_and_execute(|| {
		stake(1, 1_000);
		run_to_block(2); // +100 unlocked
		assert_ok!(<ComputeStaking as StakeLocker<_, _>>::lock(&1, 1_000));
		assert_eq!(ledger(1).pending_rewards, 100, "settled before the move");
		run_to_block(3); // all stake locked: +80, pool +20
		assert_ok!(<ComputeStaking as StakeLocker<_, _>>::unlock(&1, 1_000));
		run_to_block(4); // +100 unlocked again
		assert_eq!(ComputeStaking::pending_rewards(&1), 280);
		assert_eq!(TotalPoolAccrued::<Test>::get(), 20);
		assert_eq!(<ComputeStaking as StakeLocker<_, _>>::locked(&1), 0);
		assert_eq!(<ComputeStaking as StakeLocker<_, _>>::unlocked_stake(&1), 1_000);
	});
}

#[test]
fn lock_errors() {
	ExtBuilder::default().build_and_execute(|| {
		type Locker = ComputeStaking;
		assert_noop!(<Locker as StakeLocker<_, _>>::lock(&1, 10), Error::<Test>::NotStaker);
		stake(1, 1_000);
		assert_noop!(<Locker as StakeLocker<_, _>>::lock(&1, 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			<Locker as StakeLocker<_, _>>::lock(&1, 1_001),
			Error::<Test>::NotEnoughUnlocked
		);
		assert_ok!(<Locker as StakeLocker<_, _>>::lock(&1, 600));
		assert_noop!(
			<Locker as StakeLocker<_, _>>::unlock(&1, 601),
			Error::<Test>::NotEnoughLocked
		);
		assert_noop!(<Locker as StakeLocker<_, _>>::unlock(&1, 0), Error::<Test>::ZeroAmount);
		assert_eq!(<Locker as StakeLocker<_, _>>::locked(&1), 600);
		assert_eq!(<Locker as StakeLocker<_, _>>::unlocked_stake(&1), 400);
		assert_eq!(held(1), 1_000);
	});
}

#[test]
fn failed_lock_with_auto_compound_changes_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		stake(1, 1_000);
		stake(2, 1_000);
		assert_ok!(ComputeStaking::set_auto_compound(RuntimeOrigin::signed(1), true));
		run_to_block(2);
		assert_eq!(ComputeStaking::pending_rewards(&1), 50);
		// Settling would compound before the amount check fails: all of it must roll back.
		assert_noop!(
			<ComputeStaking as StakeLocker<_, _>>::lock(&1, 5_000),
			Error::<Test>::NotEnoughUnlocked
		);
		assert_noop!(
			<ComputeStaking as StakeLocker<_, _>>::unlock(&1, 5_000),
			Error::<Test>::NotEnoughLocked
		);
	});
}
