//! Unit tests: payments and batches in HASH and assets, and every error path.

use crate::{mock::*, *};
use diem_primitives::Balance;
use frame_support::{assert_noop, assert_ok, traits::fungibles::Inspect};
use polkadot_sdk::sp_runtime::DispatchError;

const HASH: AssetKind = AssetKind::Native;
const DIEM_KIND: AssetKind = AssetKind::WithId(DIEM);

fn balance(asset: AssetKind, who: u64) -> Balance {
	NativeAndAssets::balance(asset, &who)
}

#[test]
fn pay_carries_the_memo_in_the_event_only_in_hash_and_diem() {
	execute(|| {
		let memo = b"invoice 42".to_vec();
		assert_ok!(Ledger::pay(RuntimeOrigin::signed(1), DIEM_KIND, 4, 700, memo.clone()));
		assert_ok!(Ledger::pay(RuntimeOrigin::signed(2), HASH, 4, 300, memo.clone()));
		// Account 4 held nothing: DIEM is sufficient, so it exists by its DIEM alone.
		assert_eq!((balance(DIEM_KIND, 4), balance(HASH, 4)), (700, 300));
		assert_eq!((balance(DIEM_KIND, 1), balance(HASH, 2)), (INITIAL - 700, INITIAL - 300));
		assert_eq!(
			ledger_events(),
			vec![
				Event::Paid { asset: DIEM_KIND, from: 1, to: 4, amount: 700, memo: memo.clone() },
				Event::Paid { asset: HASH, from: 2, to: 4, amount: 300, memo },
			]
		);
		assert_noop!(
			Ledger::pay(RuntimeOrigin::signed(1), DIEM_KIND, 4, 1, vec![0; MAX_MEMO as usize + 1]),
			Error::<Test>::MemoTooLong
		);
		assert_ok!(Ledger::pay(
			RuntimeOrigin::signed(1),
			DIEM_KIND,
			4,
			1,
			vec![7; MAX_MEMO as usize]
		));
	});
}

#[test]
fn payments_keep_the_payer_alive_and_leave_no_dust() {
	execute(|| {
		// Everything, or all but less than the minimum balance: both would end the account.
		for amount in [INITIAL, INITIAL - ED + 1] {
			assert_noop!(
				Ledger::pay(RuntimeOrigin::signed(1), DIEM_KIND, 4, amount, vec![]),
				Error::<Test>::InsufficientBalance
			);
			assert_noop!(
				Ledger::pay(RuntimeOrigin::signed(1), HASH, 4, amount, vec![]),
				Error::<Test>::InsufficientBalance
			);
		}
		assert_ok!(Ledger::pay(RuntimeOrigin::signed(1), DIEM_KIND, 4, INITIAL - ED, vec![]));
		assert_eq!(balance(DIEM_KIND, 1), ED);
	});
}

#[test]
fn payment_error_paths() {
	execute(|| {
		assert_noop!(
			Ledger::pay(RuntimeOrigin::signed(1), DIEM_KIND, 4, 0, vec![]),
			Error::<Test>::ZeroAmount
		);
		assert_noop!(
			Ledger::pay(RuntimeOrigin::signed(1), DIEM_KIND, 1, 5, vec![]),
			Error::<Test>::SelfTransfer
		);
		assert_noop!(
			Ledger::pay(RuntimeOrigin::signed(1), AssetKind::WithId(999), 4, 5, vec![]),
			Error::<Test>::UnknownAsset
		);
		// A new account below the minimum balance.
		assert_noop!(
			Ledger::pay(RuntimeOrigin::signed(1), DIEM_KIND, 4, ED - 1, vec![]),
			Error::<Test>::BelowMinimum
		);
		// A non-sufficient asset cannot create the receiver's account.
		assert_noop!(
			Ledger::pay(RuntimeOrigin::signed(1), AssetKind::WithId(OTHER), 5, 100, vec![]),
			Error::<Test>::CannotReceive
		);
		// Account 2 exists (it holds HASH), so it can receive the non-sufficient asset.
		assert_ok!(Ledger::pay(RuntimeOrigin::signed(1), AssetKind::WithId(OTHER), 2, 100, vec![]));
		assert_noop!(
			Ledger::pay(RuntimeOrigin::root(), HASH, 4, 1, vec![]),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Ledger::pay_batch(RuntimeOrigin::none(), HASH, vec![(4, 1)], vec![]),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn pay_batch_is_all_or_nothing_and_bounded() {
	execute(|| {
		assert_ok!(Ledger::pay_batch(
			RuntimeOrigin::signed(1),
			DIEM_KIND,
			vec![(4, 100), (5, 200)],
			b"payroll".to_vec()
		));
		assert_eq!((balance(DIEM_KIND, 4), balance(DIEM_KIND, 5)), (100, 200));
		assert_eq!(
			ledger_events().last(),
			Some(&Event::BatchPaid {
				asset: DIEM_KIND,
				from: 1,
				count: 2,
				total: 300,
				memo: b"payroll".to_vec()
			})
		);
		assert_noop!(
			Ledger::pay_batch(RuntimeOrigin::signed(1), DIEM_KIND, vec![], vec![]),
			Error::<Test>::EmptyBatch
		);
		assert_noop!(
			Ledger::pay_batch(
				RuntimeOrigin::signed(1),
				DIEM_KIND,
				vec![(4, 1); MAX_BATCH as usize + 1],
				vec![]
			),
			Error::<Test>::BatchTooLarge
		);
		assert_noop!(
			Ledger::pay_batch(
				RuntimeOrigin::signed(1),
				DIEM_KIND,
				vec![(4, 1)],
				vec![0; MAX_MEMO as usize + 1]
			),
			Error::<Test>::MemoTooLong
		);
		// The second payment fails: the first is undone with it.
		assert_noop!(
			Ledger::pay_batch(RuntimeOrigin::signed(1), HASH, vec![(4, 100), (5, INITIAL)], vec![]),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			Ledger::pay_batch(
				RuntimeOrigin::signed(1),
				DIEM_KIND,
				vec![(4, 1), (5, Balance::MAX)],
				vec![]
			),
			Error::<Test>::Overflow
		);
	});
}

#[test]
fn a_frozen_asset_is_refused_by_name() {
	execute(|| {
		assert_ok!(polkadot_sdk::pallet_assets::Pallet::<Test>::freeze_asset(
			RuntimeOrigin::signed(OWNER),
			DIEM
		));
		// Nothing of a frozen asset is transferable.
		assert_noop!(
			Ledger::pay(RuntimeOrigin::signed(1), DIEM_KIND, 2, 100, vec![]),
			Error::<Test>::InsufficientBalance
		);
	});
}
