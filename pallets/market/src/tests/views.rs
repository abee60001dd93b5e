//! The runtime API's views: offers cheapest first, the book, an account's leases.

use super::*;

#[test]
fn offers_are_listed_for_a_model_cheapest_first_with_the_operators_record() {
	ExtBuilder.build_and_execute(|| {
		for (who, price) in [(operator(), 7), (account(10), 3), (account(11), 5)] {
			<Balances as frame_support::traits::fungible::Mutate<_>>::set_balance(
				&who,
				INITIAL_HASH,
			);
			set_standing(&who, OperatorStanding::Approved);
			assert_ok!(Market::set_offer(
				signed(&who),
				terms("llama", PriceUnit::MillionInputTokens, price)
			));
		}
		assert_ok!(Market::set_offer(
			signed(&operator()),
			terms("qwen", PriceUnit::MillionInputTokens, 1)
		));
		let llama = Market::offers(Some(b"llama".to_vec()));
		assert_eq!(llama.iter().map(|offer| offer.price).collect::<Vec<_>>(), vec![3, 5, 7]);
		assert_eq!(llama[0].operator, account(10));
		assert_eq!(llama[0].record.standing, OperatorStanding::Approved);
		assert_eq!(llama[0].endpoint, b"https://op.example/v1".to_vec());
		assert_eq!(Market::offers(None).len(), 4);
		assert!(Market::offers(Some(b"none".to_vec())).is_empty());
	});
}

#[test]
fn the_book_and_an_accounts_leases_show_what_is_open_and_taken() {
	ExtBuilder.build_and_execute(|| {
		stake(&alice(), 10 * CREDIT);
		stake(&bob(), 10 * CREDIT);
		let e = current();
		assert_ok!(Market::list_lease(signed(&alice()), 2 * CREDIT, e, e + 1, 5, PayIn::Hash));
		let dear = last_id();
		assert_ok!(Market::list_lease(signed(&bob()), 2 * CREDIT, e + 2, e + 3, 3, PayIn::Diem));
		let cheap = last_id();
		let book = Market::lease_book(None, None);
		assert_eq!(book.iter().map(|view| view.id).collect::<Vec<_>>(), vec![cheap, dear]);
		// 2 credits × 2 epochs × 5 units per credit.
		assert_eq!(book[1].price_now, 20);
		// With half of this epoch left, taking it now moves 1 + 2 credits: what it costs.
		PercentLeft::set(50);
		assert_eq!(Market::lease_book(None, None)[1].price_now, 15);
		PercentLeft::set(100);
		assert_eq!(Market::lease_book(Some(e + 2), None).len(), 1);
		assert_eq!(Market::lease_book(None, Some(e + 1)).len(), 1);
		assert_ok!(Market::take_lease(signed(&charlie()), dear, CREDIT, charlie(), 5));
		let lease = last_id();
		let alices = Market::account_leases(&alice());
		assert_eq!(alices.listings.len(), 1);
		assert_eq!(alices.lent.iter().map(|(id, _)| *id).collect::<Vec<_>>(), vec![lease]);
		assert!(alices.borrowed.is_empty());
		assert_eq!(alices.epochs.len(), 2);
		let charlies = Market::account_leases(&charlie());
		assert_eq!(charlies.borrowed.len(), 1);
		assert_eq!(charlies.epochs[0].1.borrowed, CREDIT);
	});
}
