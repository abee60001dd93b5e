//! The operator registry: bonds, redeem keys, leaving and slashing.

use super::*;

#[test]
fn registration_holds_a_bond_and_refuses_bad_input() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(Credits::register_operator(signed(&operator()), b"op".to_vec(), redeem_key()));
		assert_eq!(Balances::balance_on_hold(&HoldReason::OperatorBond.into(), &operator()), BOND);
		assert_noop!(
			Credits::register_operator(signed(&operator()), vec![], acc("X")),
			Error::<Test>::AlreadyRegistered
		);
		assert_noop!(
			Credits::register_operator(signed(&operator2()), vec![], redeem_key()),
			Error::<Test>::RedeemKeyInUse
		);
		assert_noop!(
			Credits::register_operator(signed(&operator2()), vec![0; 33], redeem_key2()),
			Error::<Test>::MetadataTooLong
		);
		// An operator account cannot be a redeem key, nor a redeem key an operator.
		assert_noop!(
			Credits::register_operator(signed(&operator2()), vec![], operator()),
			Error::<Test>::RedeemKeyInUse
		);
		Balances::mint_into(&redeem_key(), 2 * BOND).unwrap();
		assert_noop!(
			Credits::register_operator(signed(&redeem_key()), vec![], redeem_key2()),
			Error::<Test>::RedeemKeyInUse
		);
		assert_noop!(
			Credits::register_operator(signed(&acc("Poor")), vec![], redeem_key2()),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			Credits::approve_operator(signed(&alice()), operator(), UNIT),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Credits::approve_operator(RuntimeOrigin::root(), alice(), UNIT),
			Error::<Test>::NotAnOperator
		);
		// Pending operators cannot redeem.
		assert_noop!(
			redeem(vec![voucher(&sr("Alice"), None, current_epoch(), 1)]),
			Error::<Test>::NotApprovedOperator
		);
	});
}

#[test]
fn a_leaving_operator_gets_its_bond_back_once_its_last_epoch_is_claimable() {
	ExtBuilder.build_and_execute(|| {
		approved_operator(UNIT);
		assert_noop!(Credits::release_bond(signed(&operator())), Error::<Test>::NotLeaving);
		let e = current_epoch();
		assert_ok!(Credits::unregister_operator(signed(&operator())));
		assert!(credit_events().contains(&Event::OperatorUnregistered {
			operator: operator(),
			bond_release_epoch: e + 2 + DISPUTE
		}));
		assert_noop!(
			Credits::unregister_operator(signed(&operator())),
			Error::<Test>::OperatorLeaving
		);
		assert_noop!(
			Credits::approve_operator(RuntimeOrigin::root(), operator(), UNIT),
			Error::<Test>::OperatorLeaving
		);
		assert_noop!(
			redeem(vec![voucher(&sr("Alice"), None, e, 1)]),
			Error::<Test>::NotApprovedOperator
		);
		goto_epoch(e + 1 + DISPUTE, 0);
		assert_noop!(Credits::release_bond(signed(&operator())), Error::<Test>::BondStillLocked);
		goto_epoch(e + 2 + DISPUTE, 0);
		let before = Balances::free_balance(operator());
		assert_ok!(Credits::release_bond(signed(&operator())));
		assert_eq!(Balances::free_balance(operator()), before + BOND);
		assert!(Operators::<Test>::get(operator()).is_none());
		// Its redeem key is free for others.
		assert_ok!(Credits::register_operator(signed(&operator2()), vec![], redeem_key()));
	});
}

/// The redeem key is a hot key apart from the bond account, in registration as in rotation.
#[test]
fn the_operator_account_is_never_its_own_redeem_key() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			Credits::register_operator(signed(&operator()), vec![], operator()),
			Error::<Test>::RedeemKeyIsOperatorAccount
		);
		assert!(!RedeemKeys::<Test>::contains_key(operator()));
		assert_ok!(Credits::register_operator(signed(&operator()), vec![], redeem_key()));
		assert_noop!(
			Credits::set_redeem_key(signed(&operator()), operator()),
			Error::<Test>::RedeemKeyIsOperatorAccount
		);
		assert_eq!(RedeemKeys::<Test>::get(redeem_key()), Some(operator()));
	});
}

#[test]
fn a_new_redeem_key_replaces_the_old_one() {
	ExtBuilder.build_and_execute(|| {
		approved_operator(100 * UNIT);
		alice_staked_for_a_full_epoch(UNIT);
		assert_noop!(
			Credits::set_redeem_key(signed(&alice()), acc("K")),
			Error::<Test>::NotAnOperator
		);
		assert_noop!(
			Credits::set_redeem_key(signed(&operator()), redeem_key()),
			Error::<Test>::RedeemKeyInUse
		);
		assert_ok!(Credits::set_redeem_key(signed(&operator()), acc("NewHot")));
		let v = voucher(&sr("Alice"), None, current_epoch(), 1);
		assert_noop!(redeem(vec![v.clone()]), Error::<Test>::NotApprovedOperator);
		assert_ok!(Credits::redeem(signed(&acc("NewHot")), vec![v]));
		assert_eq!(Usage::<Test>::get(current_epoch(), alice()).used, 1);
	});
}

#[test]
fn slashing_moves_bond_into_the_pool_of_the_current_epoch() {
	ExtBuilder.build_and_execute(|| {
		approved_operator(UNIT);
		assert_noop!(
			Credits::slash_operator(signed(&alice()), operator(), 1),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Credits::slash_operator(RuntimeOrigin::root(), operator(), 0),
			Error::<Test>::ZeroAmount
		);
		let pool_before = Balances::free_balance(PoolAccount::get());
		assert_ok!(Credits::slash_operator(RuntimeOrigin::root(), operator(), 300 * hash::UNIT));
		// More than the bond takes what is left.
		assert_ok!(Credits::slash_operator(RuntimeOrigin::root(), operator(), 10 * BOND));
		assert_eq!(Balances::free_balance(PoolAccount::get()), pool_before + BOND);
		assert_eq!(Operators::<Test>::get(operator()).unwrap().bond, 0);
		assert_eq!(Rewards::<Test>::get(current_epoch()).slashed, BOND);
		assert_noop!(
			Credits::slash_operator(RuntimeOrigin::root(), operator(), 1),
			Error::<Test>::ZeroAmount
		);
	});
}
