//! Operator offers: publish, change, remove, clear; deposits and refusals.

use super::*;

#[test]
fn an_approved_operator_publishes_changes_and_removes_offers_for_a_deposit() {
	ExtBuilder.build_and_execute(|| {
		set_standing(&operator(), OperatorStanding::Approved);
		let op = operator();
		assert_ok!(Market::set_offer(
			signed(&op),
			terms("llama", PriceUnit::MillionInputTokens, 5)
		));
		assert_ok!(Market::set_offer(
			signed(&op),
			terms("llama", PriceUnit::MillionOutputTokens, 9)
		));
		assert_eq!(
			Balances::balance_on_hold(&HoldReason::OfferDeposit.into(), &op),
			2 * OFFER_DEPOSIT
		);
		// A change of the same model and unit costs nothing more.
		assert_ok!(Market::set_offer(
			signed(&op),
			terms("llama", PriceUnit::MillionInputTokens, 4)
		));
		assert_eq!(
			Balances::balance_on_hold(&HoldReason::OfferDeposit.into(), &op),
			2 * OFFER_DEPOSIT
		);
		let offers = Offers::<Test>::get(&op);
		assert_eq!(offers.len(), 2);
		assert_eq!(offers[0].terms.price, 4);
		assert_ok!(Market::remove_offer(
			signed(&op),
			model("llama"),
			PriceUnit::MillionInputTokens
		));
		assert_eq!(Balances::balance_on_hold(&HoldReason::OfferDeposit.into(), &op), OFFER_DEPOSIT);
		assert_noop!(
			Market::remove_offer(signed(&op), model("llama"), PriceUnit::MillionInputTokens),
			Error::<Test>::NoSuchOffer
		);
		assert_ok!(Market::remove_offer(
			signed(&op),
			model("llama"),
			PriceUnit::MillionOutputTokens
		));
		assert!(!Offers::<Test>::contains_key(&op));
		assert_eq!(Balances::balance(&op), INITIAL_HASH, "every deposit came back");
		assert!(market_events().iter().any(|event| matches!(event, Event::OfferRemoved { .. })));
	});
}

#[test]
fn offers_refuse_bad_input_and_unapproved_operators() {
	ExtBuilder.build_and_execute(|| {
		let op = operator();
		let good = terms("llama", PriceUnit::Request, 5);
		assert_noop!(
			Market::set_offer(signed(&op), good.clone()),
			Error::<Test>::NotApprovedOperator
		);
		set_standing(&op, OperatorStanding::Pending);
		assert_noop!(
			Market::set_offer(signed(&op), good.clone()),
			Error::<Test>::NotApprovedOperator
		);
		set_standing(&op, OperatorStanding::Approved);
		assert_noop!(
			Market::set_offer(signed(&op), terms("", PriceUnit::Request, 5)),
			Error::<Test>::BadModel
		);
		let mut no_endpoint = good.clone();
		no_endpoint.endpoint = BoundedVec::new();
		assert_noop!(Market::set_offer(signed(&op), no_endpoint), Error::<Test>::BadEndpoint);
		assert_noop!(
			Market::set_offer(signed(&op), terms("llama", PriceUnit::Request, 0)),
			Error::<Test>::ZeroAmount
		);
		for name in ["a", "b", "c"] {
			assert_ok!(Market::set_offer(signed(&op), terms(name, PriceUnit::Second, 1)));
		}
		assert_noop!(Market::set_offer(signed(&op), good), Error::<Test>::TooManyOffers);
		// An operator that cannot pay the deposit is refused by name.
		let poor = account(20);
		set_standing(&poor, OperatorStanding::Approved);
		assert_noop!(
			Market::set_offer(signed(&poor), terms("llama", PriceUnit::Request, 5)),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn offers_go_with_the_operators_approval() {
	ExtBuilder.build_and_execute(|| {
		let op = operator();
		set_standing(&op, OperatorStanding::Approved);
		assert_ok!(Market::set_offer(signed(&op), terms("llama", PriceUnit::Request, 5)));
		assert_ok!(Market::set_offer(signed(&op), terms("qwen", PriceUnit::Request, 3)));
		assert_noop!(
			Market::clear_offers(signed(&alice()), op.clone()),
			Error::<Test>::OperatorStillApproved
		);
		assert_eq!(Market::offers(None).len(), 2);
		set_standing(&op, OperatorStanding::Leaving);
		// No longer listed at once, and anyone may clear them; the deposits go back.
		assert!(Market::offers(None).is_empty());
		assert_ok!(Market::clear_offers(signed(&alice()), op.clone()));
		assert_eq!(Balances::balance(&op), INITIAL_HASH);
		assert!(market_events().contains(&Event::OffersCleared { operator: op.clone(), offers: 2 }));
		assert_noop!(Market::clear_offers(signed(&alice()), op), Error::<Test>::NoOffers);
	});
}
