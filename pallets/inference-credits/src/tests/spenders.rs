//! Spender keys: caps, removal and deposits.

use super::*;

#[test]
fn a_spender_spends_within_its_cap_and_the_payers_allowance() {
	ExtBuilder.build_and_execute(|| {
		approved_operator(1_000 * UNIT);
		alice_staked_for_a_full_epoch(10 * UNIT);
		let e = current_epoch();
		let hash_before = Balances::free_balance(alice());
		assert_ok!(Credits::add_spender(signed(&alice()), ed_acc("App"), 3 * UNIT));
		assert_eq!(Balances::free_balance(alice()), hash_before - SPENDER_DEPOSIT);
		// Asks 5, the cap allows 3.
		assert_ok!(redeem(vec![voucher(&ed("App"), Some(alice()), e, 5 * UNIT)]));
		assert_eq!(partials(), vec![(5 * UNIT, 3 * UNIT, Refusal::SpenderCapReached)]);
		assert_eq!(remaining(&alice()), 7 * UNIT);
		// Nothing more for the spender this epoch; the payer itself still spends.
		assert_ok!(redeem(vec![
			voucher(&ed("App"), Some(alice()), e, 6 * UNIT),
			voucher(&sr("Alice"), None, e, 2 * UNIT),
		]));
		assert_eq!(refusals(), vec![Refusal::SpenderCapReached]);
		assert_eq!(remaining(&alice()), 5 * UNIT);
		let state = Credits::credit_state(&alice()).unwrap();
		assert_eq!(state.spenders.len(), 1);
		assert_eq!(state.spenders[0].used, 3 * UNIT);
		let before_boundary = (state.allowance, state.used, state.remaining);

		// After the boundary the state shows the new epoch, and the previous one (still
		// redeemable) as it was.
		goto_epoch(e + 1, 0);
		let state = Credits::credit_state(&alice()).unwrap();
		assert_eq!((state.epoch, state.used), (e + 1, 0));
		let previous = state.previous.unwrap();
		assert_eq!(previous.epoch, e);
		assert_eq!((previous.allowance, previous.used, previous.remaining), before_boundary);
	});
}

#[test]
fn spender_calls_refuse_bad_input() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			Credits::add_spender(signed(&alice()), alice(), UNIT),
			Error::<Test>::SelfSpender
		);
		assert_noop!(
			Credits::remove_spender(signed(&alice()), bob()),
			Error::<Test>::UnknownSpender
		);
		for name in ["A", "B", "C"] {
			assert_ok!(Credits::add_spender(signed(&alice()), acc(name), UNIT));
		}
		assert_noop!(
			Credits::add_spender(signed(&alice()), acc("D"), UNIT),
			Error::<Test>::TooManySpenders
		);
		// Changing a cap takes no new deposit.
		assert_ok!(Credits::add_spender(signed(&alice()), acc("A"), 2 * UNIT));
		assert_eq!(
			Balances::balance_on_hold(&HoldReason::SpenderDeposit.into(), &alice()),
			3 * SPENDER_DEPOSIT
		);
		assert_ok!(Credits::remove_spender(signed(&alice()), acc("A")));
		assert_noop!(
			Credits::remove_spender(signed(&alice()), acc("A")),
			Error::<Test>::SpenderAlreadyRemoved
		);
		// A poor staker cannot pay the deposit.
		let poor = acc("Poor");
		assert_noop!(
			Credits::add_spender(signed(&poor), acc("A"), UNIT),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn a_removed_spender_keeps_earlier_epochs_and_what_was_redeemed() {
	ExtBuilder.build_and_execute(|| {
		approved_operator(1_000 * UNIT);
		assert_ok!(Credits::add_spender(signed(&alice()), acc("App"), 10 * UNIT));
		alice_staked_for_a_full_epoch(10 * UNIT);
		let e = current_epoch();
		let app = sr("App");
		assert_ok!(redeem(vec![voucher(&app, Some(alice()), e, UNIT)]));
		goto_epoch(e + 1, 0);
		assert_ok!(redeem(vec![voucher(&app, Some(alice()), e + 1, UNIT)]));
		assert_ok!(Credits::remove_spender(signed(&alice()), acc("App")));
		System::reset_events();
		assert_ok!(redeem(vec![
			// Earlier epoch: still valid.
			voucher(&app, Some(alice()), e, 2 * UNIT),
			// The removal epoch: nothing beyond the 1 already redeemed.
			voucher(&app, Some(alice()), e + 1, 2 * UNIT),
		]));
		assert_eq!(refusals(), vec![Refusal::SpenderCapReached]);
		assert_eq!(Usage::<Test>::get(e, alice()).used, 2 * UNIT);
		assert_eq!(Usage::<Test>::get(e + 1, alice()).used, UNIT);
		// Once the removal epoch is over, removing it again drops the entry and returns its
		// deposit.
		goto_epoch(e + 2, 0);
		assert_ok!(Credits::remove_spender(signed(&alice()), acc("App")));
		assert!(!Spenders::<Test>::contains_key(alice()));
		assert_eq!(Balances::balance_on_hold(&HoldReason::SpenderDeposit.into(), &alice()), 0);
		assert!(credit_events().contains(&Event::SpenderDepositReleased {
			staker: alice(),
			spender: acc("App"),
			deposit: SPENDER_DEPOSIT
		}));
		assert_noop!(
			Credits::remove_spender(signed(&alice()), acc("App")),
			Error::<Test>::UnknownSpender
		);
	});
}
