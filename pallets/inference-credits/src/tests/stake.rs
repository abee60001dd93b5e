//! Credit staking: pro-rata allowances, unstaking, withdrawal and the holds.

use super::*;

#[test]
fn a_stake_counts_pro_rata_in_its_epoch_and_fully_from_the_next() {
	ExtBuilder.build_and_execute(|| {
		advance(EPOCH / 4);
		assert_ok!(Credits::stake(signed(&alice()), 4 * UNIT));
		assert_eq!(allowance(&alice()), 3 * UNIT);
		assert_eq!(
			DiemBalances::balance_on_hold(&HoldReason::CreditStake.into(), &alice()),
			4 * UNIT
		);
		assert_eq!(
			credit_events().last(),
			Some(&Event::Staked { who: alice(), amount: 4 * UNIT, counts_now: 3 * UNIT })
		);
		// Adding later in the same epoch adds its own pro-rata part.
		advance(EPOCH / 4);
		assert_ok!(Credits::stake(signed(&alice()), 2 * UNIT));
		assert_eq!(allowance(&alice()), 4 * UNIT);
		goto_epoch(FIRST_EPOCH + 1, 0);
		assert_eq!(allowance(&alice()), 6 * UNIT);
		assert_eq!(TotalCreditStaked::<Test>::get(), 6 * UNIT);
	});
}

#[test]
fn stake_refuses_zero_too_little_and_more_than_free() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(Credits::stake(signed(&alice()), 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			Credits::stake(signed(&alice()), MIN_STAKE - 1),
			Error::<Test>::BelowMinimumStake
		);
		assert_noop!(
			Credits::stake(signed(&alice()), INITIAL_DIEM),
			Error::<Test>::InsufficientBalance
		);
		// An account with no DIEM.
		assert_noop!(Credits::stake(signed(&operator()), UNIT), Error::<Test>::InsufficientBalance);
		// Once above the minimum, smaller additions are fine.
		assert_ok!(Credits::stake(signed(&alice()), MIN_STAKE));
		assert_ok!(Credits::stake(signed(&alice()), 1));
	});
}

#[test]
fn an_unstake_counts_to_the_end_of_its_epoch_and_releases_after_a_whole_epoch() {
	ExtBuilder.build_and_execute(|| {
		alice_staked_for_a_full_epoch(10 * UNIT);
		let epoch_start = now();
		// Early in the epoch: released at the next boundary plus what is left of a whole epoch.
		advance(EPOCH / 6);
		assert_ok!(Credits::unstake(signed(&alice()), 4 * UNIT));
		let release_at = epoch_start + EPOCH / 6 + EPOCH;
		assert_eq!(
			credit_events().last(),
			Some(&Event::Unstaked { who: alice(), amount: 4 * UNIT, release_at })
		);
		// Still counts this epoch, not the next.
		assert_eq!(allowance(&alice()), 10 * UNIT);
		assert_noop!(Credits::withdraw(signed(&alice())), Error::<Test>::NothingToWithdraw);
		goto_epoch(current_epoch() + 1, 0);
		assert_eq!(allowance(&alice()), 6 * UNIT);
		// At the boundary the chunk is not due yet: a day of credits costs a day of lock.
		assert_noop!(Credits::withdraw(signed(&alice())), Error::<Test>::NothingToWithdraw);
		next_block_at(release_at);
		let free_before = DiemBalances::balance(&alice());
		assert_ok!(Credits::withdraw(signed(&alice())));
		assert_eq!(DiemBalances::balance(&alice()), free_before + 4 * UNIT);
		assert_eq!(TotalUnlocking::<Test>::get(), 0);
	});
}

#[test]
fn unstake_refuses_bad_amounts_and_bounds_its_chunks() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(Credits::unstake(signed(&alice()), UNIT), Error::<Test>::NotStaked);
		assert_ok!(Credits::stake(signed(&alice()), 10 * UNIT));
		assert_noop!(Credits::unstake(signed(&alice()), 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			Credits::unstake(signed(&alice()), 11 * UNIT),
			Error::<Test>::InsufficientStake
		);
		assert_noop!(
			Credits::unstake(signed(&alice()), 10 * UNIT - MIN_STAKE + 1),
			Error::<Test>::BelowMinimumStake
		);
		for _ in 0..3 {
			assert_ok!(Credits::unstake(signed(&alice()), UNIT));
		}
		assert_noop!(
			Credits::unstake(signed(&alice()), UNIT),
			Error::<Test>::TooManyUnlockingChunks
		);
	});
}

#[test]
fn a_fully_withdrawn_stake_leaves_no_record_once_its_allowances_are_past() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(Credits::stake(signed(&alice()), UNIT));
		assert_ok!(Credits::unstake(signed(&alice()), UNIT));
		goto_epoch(current_epoch() + 1, 0);
		// Released; the record stays while the previous epoch's allowance is redeemable.
		assert_ok!(Credits::withdraw(signed(&alice())));
		assert!(CreditStakes::<Test>::contains_key(alice()));
		assert_eq!(DiemBalances::balance(&alice()), INITIAL_DIEM);
		goto_epoch(current_epoch() + 2, 0);
		// Nothing left to release, but the record goes.
		assert_ok!(Credits::withdraw(signed(&alice())));
		assert!(!CreditStakes::<Test>::contains_key(alice()));
		assert_noop!(Credits::withdraw(signed(&alice())), Error::<Test>::NotStaked);
	});
}

/// Stake at 23:59, spend it, unstake, withdraw, transfer, restake: the DIEM never earns more
/// than the time it was locked pays for, and never for two accounts in one epoch.
#[test]
fn moving_diem_between_accounts_never_earns_more_than_its_lock_time() {
	ExtBuilder.build_and_execute(|| {
		approved_operator(1_000 * UNIT);
		let amount = 60 * UNIT;
		let e = current_epoch();
		// One second before the boundary.
		advance(EPOCH - 1_000);
		let locked_from = now();
		assert_ok!(Credits::stake(signed(&alice()), amount));
		assert_eq!(allowance(&alice()), UNIT); // 60 DIEM × 1 s / 60 s
		assert_ok!(redeem(vec![voucher(&sr("Alice"), None, e, UNIT)]));
		assert_eq!(remaining(&alice()), 0);
		assert_ok!(Credits::unstake(signed(&alice()), amount));
		// Released a whole epoch later, inside epoch e + 1.
		next_block_at(locked_from + EPOCH);
		assert_eq!(current_epoch(), e + 1);
		assert_eq!(allowance(&alice()), 0, "unstaked DIEM does not count in the next epoch");
		assert_ok!(Credits::withdraw(signed(&alice())));
		assert_ok!(DiemBalances::transfer(
			&alice(),
			&bob(),
			amount,
			frame_support::traits::tokens::Preservation::Preserve
		));
		assert_ok!(Credits::stake(signed(&bob()), amount));
		let bob_allowance = allowance(&bob());
		// Bob's stake counts for the 1 s left of epoch e + 1.
		assert_eq!(bob_allowance, UNIT);
		// Over epochs e and e + 1 the DIEM was locked for EPOCH + 1 s and earned 2 s of credit;
		// in e + 1 only Bob's account counts it.
		let locked_ms = now() - locked_from + 1_000;
		let earned = UNIT + bob_allowance;
		assert!(earned <= amount * Balance::from(locked_ms) / Balance::from(EPOCH));
		let counted_in_e1 = allowance(&alice()) + allowance(&bob());
		assert!(counted_in_e1 <= amount);
	});
}

#[test]
fn holds_use_the_fungible_traits_so_held_diem_cannot_move() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(Credits::stake(signed(&alice()), INITIAL_DIEM - UNIT));
		assert!(DiemBalances::transfer(
			&alice(),
			&bob(),
			2 * UNIT,
			frame_support::traits::tokens::Preservation::Expendable
		)
		.is_err());
		assert_eq!(DiemBalances::balance(&alice()), UNIT);
	});
}
