//! What the market sees and changes: leases applied to allowances (redeem, unstake, views) and
//! operators' records.

use super::*;
use diem_primitives::market::{CreditAllowance, EpochLeases, OperatorRecords, OperatorStanding};

fn lease(who: &AccountId, epoch: EpochIndex, leases: EpochLeases) {
	LeaseBook::mutate(|book| book.insert((who.clone(), epoch), leases));
}

#[test]
fn redeem_pays_a_borrower_and_no_longer_pays_the_lister_for_what_it_leased_out() {
	ExtBuilder.build_and_execute(|| {
		approved_operator(1_000 * UNIT);
		alice_staked_for_a_full_epoch(10 * UNIT);
		let e = current_epoch();
		// Alice lent 4 credits of this epoch to Bob, who has no stake, and lists 2 more.
		lease(&alice(), e, EpochLeases { listed: 2 * UNIT, lent: 4 * UNIT, borrowed: 0 });
		lease(&bob(), e, EpochLeases { listed: 0, lent: 0, borrowed: 4 * UNIT });
		assert_eq!(allowance(&alice()), 4 * UNIT);
		assert_eq!(allowance(&bob()), 4 * UNIT, "a borrower with no stake has credits");
		assert_eq!(Credits::own_allowance(&alice(), e), 10 * UNIT);
		assert_ok!(redeem(vec![
			voucher(&sr("Alice"), None, e, 9 * UNIT),
			voucher(&sr("Bob"), None, e, 5 * UNIT),
		]));
		// Each is paid what its allowance holds after leases: 4 credits each.
		assert_eq!(
			partials(),
			vec![
				(9 * UNIT, 4 * UNIT, Refusal::AllowanceExhausted),
				(5 * UNIT, 4 * UNIT, Refusal::AllowanceExhausted)
			]
		);
		assert_eq!(Credits::used(&bob(), e), 4 * UNIT);
		assert_eq!(remaining(&bob()), 0);
	});
}

#[test]
fn an_unstake_must_leave_the_credits_committed_in_later_epochs() {
	ExtBuilder.build_and_execute(|| {
		alice_staked_for_a_full_epoch(10 * UNIT);
		let e = current_epoch();
		lease(&alice(), e + 3, EpochLeases { listed: UNIT, lent: 5 * UNIT, borrowed: 0 });
		assert_noop!(Credits::unstake(signed(&alice()), 5 * UNIT), Error::<Test>::StakeCommitted);
		assert_ok!(Credits::unstake(signed(&alice()), 4 * UNIT));
		// What is committed only in the current epoch does not bind an unstake.
		LeaseBook::set(Default::default());
		lease(&alice(), e, EpochLeases { listed: 0, lent: 6 * UNIT, borrowed: 0 });
		assert_ok!(Credits::unstake(signed(&alice()), 6 * UNIT));
	});
}

#[test]
fn an_operators_record_shows_its_standing_capacity_and_recent_epochs() {
	ExtBuilder.build_and_execute(|| {
		assert_eq!(Credits::record(&operator()), None);
		Credits::register_operator(signed(&operator()), b"op".to_vec(), redeem_key()).unwrap();
		assert_eq!(Credits::record(&operator()).unwrap().standing, OperatorStanding::Pending);
		assert!(!Credits::is_approved(&operator()));
		Credits::approve_operator(RuntimeOrigin::root(), operator(), 0).unwrap();
		assert!(!Credits::is_approved(&operator()), "a zero capacity suspends it");
		assert!(!Credits::record(&operator()).unwrap().is_approved());
		Credits::approve_operator(RuntimeOrigin::root(), operator(), 50 * UNIT).unwrap();
		assert!(Credits::is_approved(&operator()));
		alice_staked_for_a_full_epoch(10 * UNIT);
		let e = current_epoch();
		assert_ok!(redeem(vec![voucher(&sr("Alice"), None, e, 3 * UNIT)]));
		assert_ok!(Credits::slash_operator(RuntimeOrigin::root(), operator(), hash::UNIT));
		assert_ok!(Credits::slash_operator(RuntimeOrigin::root(), operator(), hash::UNIT));
		assert_ok!(Credits::void_operator_epoch(RuntimeOrigin::root(), operator(), e));
		let record = Credits::record(&operator()).unwrap();
		assert_eq!(record.standing, OperatorStanding::Approved);
		assert_eq!((record.capacity_per_epoch, record.capacity_left), (50 * UNIT, 47 * UNIT));
		assert_eq!(record.redeemed, 3 * UNIT);
		assert_eq!((record.voided_epochs, record.slashed_epochs), (1, 1), "once per epoch");
		assert_eq!(record.window, DISPUTE + 2);
		// Next epoch: the capacity is whole again, the window still holds epoch `e`.
		goto_epoch(e + 1, 0);
		let record = Credits::record(&operator()).unwrap();
		assert_eq!(record.capacity_left, 50 * UNIT);
		assert_eq!(
			(record.redeemed, record.voided_epochs, record.slashed_epochs),
			(3 * UNIT, 1, 1)
		);
		// Past the window, the record is clean.
		goto_epoch(e + DISPUTE + 2, 0);
		let record = Credits::record(&operator()).unwrap();
		assert_eq!((record.redeemed, record.voided_epochs, record.slashed_epochs), (0, 0, 0));
		assert_eq!(RecentSlashes::<Test>::get(operator()).into_inner(), vec![e]);
	});
}
