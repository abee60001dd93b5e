//! Unit tests: every call and error path of transfers, allowances and payments.

use crate::{mock::*, *};
use diem_primitives::Balance;
use frame_support::{
	assert_noop, assert_ok,
	traits::{
		fungible::{Inspect, InspectHold},
		tokens::{Fortitude, Preservation},
	},
};
use polkadot_sdk::sp_runtime::DispatchError;

fn free(who: u64) -> Balance {
	Diem::balance(&who)
}

fn held(who: u64) -> Balance {
	Diem::balance_on_hold(&AllowanceHoldReason::get(), &who)
}

#[test]
fn transfer_moves_diem_and_reaps_with_dust_to_the_protocol() {
	execute(|| {
		assert_ok!(Ledger::transfer(RuntimeOrigin::signed(1), 4, 1_000));
		assert_eq!((free(1), free(4)), (INITIAL - 1_000, 1_000));
		assert_eq!(ledger_events(), vec![Event::Transferred { from: 1, to: 4, amount: 1_000 }]);
		// Leaving 5 (< ED 10) reaps the sender; the 5 go to the dust account, not to nowhere.
		assert_ok!(Ledger::transfer(RuntimeOrigin::signed(4), 5, 995));
		assert_eq!((free(4), free(5), free(DUST)), (0, 995, ED + 5));
	});
}

#[test]
fn transfer_error_paths() {
	execute(|| {
		let origin = RuntimeOrigin::signed(1);
		assert_noop!(Ledger::transfer(origin.clone(), 4, 0), Error::<Test>::ZeroAmount);
		assert_noop!(Ledger::transfer(origin.clone(), 1, 5), Error::<Test>::SelfTransfer);
		assert_noop!(
			Ledger::transfer(origin.clone(), 4, INITIAL + 1),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(Ledger::transfer(origin.clone(), 4, ED - 1), Error::<Test>::BelowMinimum);
		assert_noop!(
			Ledger::transfer_keep_alive(origin.clone(), 4, INITIAL),
			Error::<Test>::WouldReapSender
		);
		assert_noop!(
			Ledger::transfer_keep_alive(origin, 4, INITIAL + 1),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn transfer_all_keeps_alive_or_empties() {
	execute(|| {
		assert_ok!(Ledger::transfer_all(RuntimeOrigin::signed(1), 4, true));
		assert_eq!((free(1), free(4)), (ED, INITIAL - ED));
		assert_ok!(Ledger::transfer_all(RuntimeOrigin::signed(2), 5, false));
		assert_eq!((free(2), free(5)), (0, INITIAL));
		// Nothing left to move.
		assert_noop!(
			Ledger::transfer_all(RuntimeOrigin::signed(2), 5, false),
			Error::<Test>::ZeroAmount
		);
	});
}

#[test]
fn approve_holds_a_deposit_and_transfer_from_spends_it_down() {
	execute(|| {
		let deposit = allowance_deposit();
		assert_ok!(Ledger::approve(RuntimeOrigin::signed(1), 2, 500, None));
		assert_eq!(held(1), deposit);
		assert_eq!(free(1), INITIAL - deposit);

		assert_ok!(Ledger::transfer_from(RuntimeOrigin::signed(2), 1, 4, 200));
		assert_eq!(free(4), 200);
		assert_eq!(Ledger::allowance_info(&1, &2).map(|a| a.amount), Some(300));
		assert_noop!(
			Ledger::transfer_from(RuntimeOrigin::signed(2), 1, 4, 301),
			Error::<Test>::AllowanceExceeded
		);
		// Using it up removes it and releases the deposit.
		assert_ok!(Ledger::transfer_from(RuntimeOrigin::signed(2), 1, 4, 300));
		assert_eq!(Allowances::<Test>::get(1, 2), None);
		assert_eq!(held(1), 0);
		assert_eq!(free(1), INITIAL - 500);
		assert_eq!(
			ledger_events(),
			vec![
				Event::Approved { owner: 1, spender: 2, amount: 500, expires_at: None },
				Event::TransferredFrom { owner: 1, spender: 2, to: 4, amount: 200, remaining: 300 },
				Event::TransferredFrom { owner: 1, spender: 2, to: 4, amount: 300, remaining: 0 },
				Event::ApprovalRemoved { owner: 1, spender: 2 },
			]
		);
	});
}

#[test]
fn allowance_error_paths() {
	execute(|| {
		assert_noop!(
			Ledger::approve(RuntimeOrigin::signed(1), 1, 5, None),
			Error::<Test>::SelfApproval
		);
		assert_noop!(
			Ledger::transfer_from(RuntimeOrigin::signed(2), 1, 4, 5),
			Error::<Test>::NoAllowance
		);
		assert_noop!(
			Ledger::cancel_approval(RuntimeOrigin::signed(1), 2),
			Error::<Test>::NoAllowance
		);
		assert_noop!(
			Ledger::transfer_from(RuntimeOrigin::signed(2), 1, 4, 0),
			Error::<Test>::ZeroAmount
		);
		// No DIEM for the deposit: account 4 is empty.
		assert!(Ledger::approve(RuntimeOrigin::signed(4), 2, 5, None).is_err());
		// Approve 0 is a cancel, and there is nothing to cancel.
		assert_noop!(
			Ledger::approve(RuntimeOrigin::signed(1), 2, 0, None),
			Error::<Test>::NoAllowance
		);
		System::set_block_number(10);
		assert_noop!(
			Ledger::approve(RuntimeOrigin::signed(1), 2, 5, Some(9)),
			Error::<Test>::ExpiryInPast
		);
		// The allowance is there but the owner has spent the DIEM.
		assert_ok!(Ledger::approve(RuntimeOrigin::signed(1), 2, INITIAL, None));
		assert_noop!(
			Ledger::transfer_from(RuntimeOrigin::signed(2), 1, 4, INITIAL),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn expired_allowances_cannot_be_used_and_cancelling_returns_the_deposit() {
	execute(|| {
		assert_ok!(Ledger::approve(RuntimeOrigin::signed(1), 2, 500, Some(5)));
		System::set_block_number(5);
		assert_ok!(Ledger::transfer_from(RuntimeOrigin::signed(2), 1, 4, 100));
		System::set_block_number(6);
		assert_noop!(
			Ledger::transfer_from(RuntimeOrigin::signed(2), 1, 4, 100),
			Error::<Test>::AllowanceExpired
		);
		assert_eq!(Ledger::allowance_info(&1, &2).map(|a| a.expired), Some(true));
		assert_noop!(
			Ledger::increase_allowance(RuntimeOrigin::signed(1), 2, 5),
			Error::<Test>::AllowanceExpired
		);
		assert_ok!(Ledger::cancel_approval(RuntimeOrigin::signed(1), 2));
		assert_eq!(held(1), 0);
		assert_eq!(free(1), INITIAL - 100);
		// A cancelled allowance is gone for the spender.
		assert_noop!(
			Ledger::transfer_from(RuntimeOrigin::signed(2), 1, 4, 1),
			Error::<Test>::NoAllowance
		);
	});
}

#[test]
fn increase_and_decrease_avoid_the_approve_race() {
	execute(|| {
		let deposit = allowance_deposit();
		assert_ok!(Ledger::increase_allowance(RuntimeOrigin::signed(1), 2, 300));
		assert_ok!(Ledger::increase_allowance(RuntimeOrigin::signed(1), 2, 200));
		assert_eq!(held(1), deposit, "one allowance, one deposit");
		// The spender spends 400 before the owner's decrease lands: the decrease of 200 fails
		// instead of granting a fresh amount on top of what was spent.
		assert_ok!(Ledger::transfer_from(RuntimeOrigin::signed(2), 1, 4, 400));
		assert_noop!(
			Ledger::decrease_allowance(RuntimeOrigin::signed(1), 2, 200),
			Error::<Test>::DecreaseBelowZero
		);
		assert_ok!(Ledger::decrease_allowance(RuntimeOrigin::signed(1), 2, 100));
		assert_eq!(Allowances::<Test>::get(1, 2).map(|a| a.amount), None);
		assert_eq!(held(1), 0);
		assert_noop!(
			Ledger::decrease_allowance(RuntimeOrigin::signed(1), 2, 1),
			Error::<Test>::NoAllowance
		);
		assert_noop!(
			Ledger::increase_allowance(RuntimeOrigin::signed(1), 2, 0),
			Error::<Test>::ZeroAmount
		);
		// Increase keeps an existing expiry.
		assert_ok!(Ledger::approve(RuntimeOrigin::signed(1), 2, 10, Some(50)));
		assert_ok!(Ledger::increase_allowance(RuntimeOrigin::signed(1), 2, 5));
		assert_eq!(
			Ledger::allowance_info(&1, &2).map(|a| (a.amount, a.expires_at)),
			Some((15, Some(50)))
		);
	});
}

#[test]
fn approve_replaces_and_zero_cancels() {
	execute(|| {
		assert_ok!(Ledger::approve(RuntimeOrigin::signed(1), 2, 300, None));
		assert_ok!(Ledger::approve(RuntimeOrigin::signed(1), 2, 50, Some(100)));
		assert_eq!(
			Ledger::allowance_info(&1, &2).map(|a| (a.amount, a.expires_at)),
			Some((50, Some(100)))
		);
		assert_eq!(held(1), allowance_deposit());
		assert_ok!(Ledger::approve(RuntimeOrigin::signed(1), 2, 0, None));
		assert_eq!(held(1), 0);
		assert_eq!(ledger_events().last(), Some(&Event::ApprovalRemoved { owner: 1, spender: 2 }));
	});
}

#[test]
fn held_deposits_cannot_be_transferred() {
	execute(|| {
		assert_ok!(Ledger::approve(RuntimeOrigin::signed(1), 2, 5, None));
		let transferable = Diem::reducible_balance(&1, Preservation::Expendable, Fortitude::Polite);
		// An account with holds cannot be reaped, so the existential deposit stays too.
		assert_eq!(transferable, INITIAL - allowance_deposit() - ED);
		assert_noop!(
			Ledger::transfer(RuntimeOrigin::signed(1), 4, INITIAL),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn pay_carries_the_memo_in_the_event_only() {
	execute(|| {
		let memo = b"invoice 42".to_vec();
		assert_ok!(Ledger::pay(RuntimeOrigin::signed(1), 4, 700, memo.clone()));
		assert_eq!(free(4), 700);
		assert_eq!(ledger_events(), vec![Event::Paid { from: 1, to: 4, amount: 700, memo }]);
		assert_noop!(
			Ledger::pay(RuntimeOrigin::signed(1), 4, 1, vec![0; MAX_MEMO as usize + 1]),
			Error::<Test>::MemoTooLong
		);
		assert_ok!(Ledger::pay(RuntimeOrigin::signed(1), 4, 1, vec![7; MAX_MEMO as usize]));
		// Payments keep the payer alive.
		assert_noop!(
			Ledger::pay(RuntimeOrigin::signed(1), 4, free(1), vec![]),
			Error::<Test>::WouldReapSender
		);
	});
}

#[test]
fn pay_batch_is_all_or_nothing_and_bounded() {
	execute(|| {
		assert_ok!(Ledger::pay_batch(
			RuntimeOrigin::signed(1),
			vec![(4, 100), (5, 200)],
			b"payroll".to_vec()
		));
		assert_eq!((free(4), free(5)), (100, 200));
		assert_eq!(
			ledger_events().last(),
			Some(&Event::BatchPaid { from: 1, count: 2, total: 300, memo: b"payroll".to_vec() })
		);
		assert_noop!(
			Ledger::pay_batch(RuntimeOrigin::signed(1), vec![], vec![]),
			Error::<Test>::EmptyBatch
		);
		assert_noop!(
			Ledger::pay_batch(
				RuntimeOrigin::signed(1),
				vec![(4, 1); MAX_BATCH as usize + 1],
				vec![]
			),
			Error::<Test>::BatchTooLarge
		);
		assert_noop!(
			Ledger::pay_batch(
				RuntimeOrigin::signed(1),
				vec![(4, 1)],
				vec![0; MAX_MEMO as usize + 1]
			),
			Error::<Test>::MemoTooLong
		);
		// The second payment fails: the first is undone with it.
		assert_noop!(
			Ledger::pay_batch(RuntimeOrigin::signed(1), vec![(4, 100), (5, INITIAL)], vec![]),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			Ledger::pay_batch(RuntimeOrigin::signed(1), vec![(4, 1), (5, Balance::MAX)], vec![]),
			Error::<Test>::Overflow
		);
	});
}

#[test]
fn unsigned_origins_are_refused() {
	execute(|| {
		assert_noop!(Ledger::transfer(RuntimeOrigin::root(), 4, 1), DispatchError::BadOrigin);
		assert_noop!(Ledger::approve(RuntimeOrigin::none(), 4, 1, None), DispatchError::BadOrigin);
	});
}
