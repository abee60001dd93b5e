//! Operator rewards: shares of the pool, the cap per credit and voided epochs.

use super::*;

#[test]
fn operators_share_the_pool_per_credit_once_claims_open() {
	ExtBuilder.build_and_execute(|| {
		// 30 HASH for 30 credits: 1 HASH per credit, under the 2 HASH cap.
		let e = two_operators_redeem(30 * hash::UNIT, 10 * UNIT, 20 * UNIT);
		assert_noop!(
			Credits::claim_operator_rewards(signed(&operator()), e),
			Error::<Test>::ClaimsNotOpen
		);
		goto_epoch(e + 1 + DISPUTE, 0);
		idle_blocks(1);
		assert_noop!(
			Credits::claim_operator_rewards(signed(&operator()), e),
			Error::<Test>::ClaimsNotOpen
		);
		goto_epoch(e + 2 + DISPUTE, 0);
		idle_blocks(DISPUTE + 3);
		assert!(Rewards::<Test>::get(e).settlement.is_some());
		let state = Credits::operator_state(&operator2()).unwrap();
		assert_eq!(state.epochs[0].claimable, 20 * hash::UNIT);
		let (before_1, before_2) =
			(Balances::free_balance(operator()), Balances::free_balance(operator2()));
		assert_ok!(Credits::claim_operator_rewards(signed(&operator()), e));
		assert_ok!(Credits::claim_operator_rewards(signed(&operator2()), e));
		assert_eq!(Balances::free_balance(operator()), before_1 + 10 * hash::UNIT);
		assert_eq!(Balances::free_balance(operator2()), before_2 + 20 * hash::UNIT);
		assert_noop!(
			Credits::claim_operator_rewards(signed(&operator()), e),
			Error::<Test>::NothingRedeemed
		);
		assert_eq!(TotalRewardsPaid::<Test>::get(), 30 * hash::UNIT);
	});
}

#[test]
fn the_cap_per_credit_carries_the_rest_to_the_next_epoch_settled() {
	ExtBuilder.build_and_execute(|| {
		// 100 HASH for 10 credits: the cap pays 20, 80 carry on.
		let e = two_operators_redeem(100 * hash::UNIT, 10 * UNIT, 0);
		// The next epoch: no new income, 50 credits by operator 2; the carried 80 pay 80
		// (1.6 per credit, under the cap).
		goto_epoch(e + 1, 0);
		let v = Voucher::sign(
			&sr("Alice"),
			None,
			genesis(),
			e + 1,
			&operator2(),
			50 * UNIT,
			PayloadWrapping::Raw,
		);
		assert_ok!(Credits::redeem(signed(&redeem_key2()), vec![v]));
		goto_epoch(e + 3 + DISPUTE, 0);
		idle_blocks(DISPUTE + 4);
		assert_eq!(Rewards::<Test>::get(e).settlement.unwrap().payable, 20 * hash::UNIT);
		assert_eq!(Rewards::<Test>::get(e + 1).settlement.unwrap().payable, 80 * hash::UNIT);
		assert_eq!(CarriedPool::<Test>::get(), 0);
		assert_ok!(Credits::claim_operator_rewards(signed(&operator()), e));
		assert_ok!(Credits::claim_operator_rewards(signed(&operator2()), e + 1));
		assert_eq!(TotalRewardsPaid::<Test>::get(), 100 * hash::UNIT);
	});
}

#[test]
fn a_voided_epoch_earns_nothing_and_an_empty_epoch_carries_its_pool() {
	ExtBuilder.build_and_execute(|| {
		let e = two_operators_redeem(30 * hash::UNIT, 10 * UNIT, 20 * UNIT);
		assert_noop!(
			Credits::void_operator_epoch(signed(&alice()), operator(), e),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Credits::void_operator_epoch(RuntimeOrigin::root(), operator(), e + 1),
			Error::<Test>::NotDisputable
		);
		assert_noop!(
			Credits::void_operator_epoch(RuntimeOrigin::root(), alice(), e),
			Error::<Test>::NothingRedeemed
		);
		assert_ok!(Credits::void_operator_epoch(RuntimeOrigin::root(), operator(), e));
		assert_noop!(
			Credits::void_operator_epoch(RuntimeOrigin::root(), operator(), e),
			Error::<Test>::AlreadyVoided
		);
		// An empty epoch with income: all of it carries.
		goto_epoch(e + 1, 0);
		accrue(7 * hash::UNIT);
		goto_epoch(e + 2 + DISPUTE, 0);
		assert_noop!(
			Credits::void_operator_epoch(RuntimeOrigin::root(), operator2(), e),
			Error::<Test>::NotDisputable
		);
		idle_blocks(DISPUTE + 3);
		goto_epoch(e + 3 + DISPUTE, 0);
		idle_blocks(DISPUTE + 3);
		// Operator 2 earns for its 20 eligible credits: min(30, 20 × 2) = 30.
		let settlement = Rewards::<Test>::get(e).settlement.unwrap();
		assert_eq!((settlement.eligible, settlement.payable), (20 * UNIT, 30 * hash::UNIT));
		assert_noop!(
			Credits::claim_operator_rewards(signed(&operator()), e),
			Error::<Test>::EpochVoided
		);
		assert_ok!(Credits::claim_operator_rewards(signed(&operator2()), e));
		assert_eq!(CarriedPool::<Test>::get(), 7 * hash::UNIT);
	});
}
