//! Supplying and withdrawing HASH.

use super::*;

#[test]
fn supplying_moves_hash_into_the_market_for_shares() {
	ExtBuilder::default().build_and_execute(|| {
		let market_before = hash_of(&market());
		assert_ok!(Lending::supply(signed(&alice()), 5_000 * UNIT));
		assert_eq!(hash_of(&alice()), INITIAL_HASH - 5_000 * UNIT);
		assert_eq!(hash_of(&market()), market_before + 5_000 * UNIT);
		assert_eq!(Shares::<Test>::get(alice()), Some(5_000 * UNIT));
		assert_eq!(supplied_of(&alice()), 5_000 * UNIT);
		assert_eq!(
			lending_events().last(),
			Some(&Event::Supplied { who: alice(), amount: 5_000 * UNIT, shares: 5_000 * UNIT })
		);
	});
}

#[test]
fn the_market_account_exists_from_genesis_and_never_lends_its_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(hash_of(&market()), hash::EXISTENTIAL_DEPOSIT);
		assert_eq!(asset::liquidity::<Test>(), 0);
	});
}

#[test]
fn bad_supplies_are_refused_and_change_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Lending::supply(signed(&alice()), 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			Lending::supply(signed(&alice()), INITIAL_HASH),
			Error::<Test>::InsufficientBalance
		);
		let mut params = test_params();
		params.supply_cap = 1_000 * UNIT;
		Params::<Test>::put(params);
		assert_ok!(Lending::supply(signed(&alice()), 600 * UNIT));
		assert_noop!(Lending::supply(signed(&bob()), 401 * UNIT), Error::<Test>::SupplyCapReached);
		assert_ok!(Lending::supply(signed(&bob()), 400 * UNIT));
	});
}

#[test]
fn a_closed_market_takes_no_supply() {
	ExtBuilder::default().closed().build_and_execute(|| {
		assert_noop!(Lending::supply(signed(&alice()), UNIT), Error::<Test>::MarketClosed);
	});
}

#[test]
fn withdrawing_pays_out_and_burns_shares_rounded_up() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Lending::supply(signed(&alice()), 5_000 * UNIT));
		assert_ok!(Lending::withdraw(signed(&alice()), 2_000 * UNIT));
		assert_eq!(hash_of(&alice()), INITIAL_HASH - 3_000 * UNIT);
		assert_eq!(Shares::<Test>::get(alice()), Some(3_000 * UNIT));
		// More than the position withdraws all of it and removes the record.
		assert_ok!(Lending::withdraw(signed(&alice()), Balance::MAX));
		assert_eq!(hash_of(&alice()), INITIAL_HASH);
		assert_eq!(Shares::<Test>::get(alice()), None);
		assert_eq!(State::<Test>::get().total_shares, 0);
		assert_noop!(Lending::withdraw(signed(&alice()), UNIT), Error::<Test>::NothingSupplied);
		assert_noop!(Lending::withdraw(signed(&alice()), 0), Error::<Test>::ZeroAmount);
	});
}

#[test]
fn lenders_cannot_withdraw_what_is_lent_out() {
	ExtBuilder::default().build_and_execute(|| {
		supply_and_collateral(1_000 * UNIT, 1_000 * UNIT);
		assert_ok!(Lending::borrow(signed(&bob()), 800 * UNIT));
		assert_noop!(
			Lending::withdraw(signed(&alice()), 201 * UNIT),
			Error::<Test>::InsufficientLiquidity
		);
		assert_ok!(Lending::withdraw(signed(&alice()), 200 * UNIT));
	});
}

#[test]
fn interest_grows_the_lenders_value_less_the_reserve_factor() {
	ExtBuilder::default().build_and_execute(|| {
		supply_and_collateral(5_000 * UNIT, 1_000 * UNIT);
		assert_ok!(Lending::borrow(signed(&bob()), 1_000 * UNIT));
		// Utilisation 1,000 / 5,000 = 20%: 2% + 10% × 20/80 = 4.5% a year; 100 blocks are a
		// tenth of the mock's year: 0.45% on 1,000 HASH.
		run_for(100);
		assert_eq!(debt_of(&bob()), 1_004_500_000_000_000);
		// The reserve keeps 10% of the 4.5 HASH, the lenders get 4.05.
		assert_eq!(supplied_of(&alice()), 5_004_050_000_000_000);
		assert_ok!(Lending::repay(signed(&bob()), Balance::MAX));
		assert_eq!(State::<Test>::get().reserve, 450_000_000_000);
		assert_ok!(Lending::withdraw(signed(&alice()), Balance::MAX));
		assert_eq!(hash_of(&alice()), INITIAL_HASH + 4_050_000_000_000);
		assert_eq!(hash_of(&bob()), INITIAL_HASH - 4_500_000_000_000);
	});
}

#[test]
fn hash_sent_to_the_market_account_changes_no_share_price() {
	ExtBuilder::default().build_and_execute(|| {
		use frame_support::traits::{fungible::Mutate, tokens::Preservation};
		assert_ok!(Lending::supply(signed(&alice()), 10 * UNIT));
		assert_ok!(Balances::transfer(&dave(), &market(), 1_000 * UNIT, Preservation::Preserve));
		assert_eq!(supplied_of(&alice()), 10 * UNIT);
		assert_ok!(Lending::supply(signed(&bob()), UNIT));
		assert_eq!(Shares::<Test>::get(bob()), Some(UNIT));
	});
}

#[test]
fn governance_withdraws_only_reserve() {
	ExtBuilder::default().build_and_execute(|| {
		supply_and_collateral(5_000 * UNIT, 1_000 * UNIT);
		assert_ok!(Lending::borrow(signed(&bob()), 1_000 * UNIT));
		run_for(100);
		assert_ok!(Lending::repay(signed(&bob()), Balance::MAX));
		let reserve = State::<Test>::get().reserve;
		assert_noop!(
			Lending::withdraw_reserve(signed(&alice()), reserve, dave()),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			Lending::withdraw_reserve(RuntimeOrigin::root(), reserve + 1, dave()),
			Error::<Test>::InsufficientReserve
		);
		assert_ok!(Lending::withdraw_reserve(RuntimeOrigin::root(), reserve, dave()));
		assert_eq!(hash_of(&dave()), INITIAL_HASH + reserve);
		assert_eq!(State::<Test>::get().reserve, 0);
	});
}
