//! Collateral, borrowing and repaying.

use super::*;

#[test]
fn collateral_is_held_in_the_borrowers_account() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Lending::deposit_collateral(signed(&bob()), 1_000 * UNIT));
		assert_eq!(collateral_of(&bob()), 1_000 * UNIT);
		// It stays in Bob's account, no longer free.
		assert_eq!(DiemBalances::total_balance(&bob()), INITIAL_DIEM);
		assert_eq!(diem_of(&bob()), INITIAL_DIEM - 1_000 * UNIT);
		assert_eq!(State::<Test>::get().total_collateral, 1_000 * UNIT);
		// Without debt it comes back without asking the oracle.
		Reserves::set(None);
		assert_ok!(Lending::withdraw_collateral(signed(&bob()), 1_000 * UNIT));
		assert_eq!(collateral_of(&bob()), 0);
		assert_eq!(Loans::<Test>::get(bob()), None);
		assert_noop!(Lending::withdraw_collateral(signed(&bob()), UNIT), Error::<Test>::NoLoan);
		assert_noop!(Lending::deposit_collateral(signed(&bob()), 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			Lending::deposit_collateral(signed(&bob()), INITIAL_DIEM + 1),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn borrowing_is_limited_by_the_collateral_factor() {
	ExtBuilder::default().build_and_execute(|| {
		// 1,000 DIEM at 2 HASH, 50% loan-to-value: 1,000 HASH.
		supply_and_collateral(5_000 * UNIT, 1_000 * UNIT);
		assert_noop!(
			Lending::borrow(signed(&bob()), 1_000 * UNIT + 1),
			Error::<Test>::BorrowLimitExceeded
		);
		assert_ok!(Lending::borrow(signed(&bob()), 600 * UNIT));
		assert_ok!(Lending::borrow(signed(&bob()), 400 * UNIT));
		assert_eq!(hash_of(&bob()), INITIAL_HASH + 1_000 * UNIT);
		assert_eq!(debt_of(&bob()), 1_000 * UNIT);
		assert_noop!(Lending::borrow(signed(&bob()), 1), Error::<Test>::BorrowLimitExceeded);
		assert_eq!(
			lending_events().last(),
			Some(&Event::Borrowed { who: bob(), amount: 400 * UNIT, debt: 1_000 * UNIT })
		);
		assert_noop!(Lending::borrow(signed(&bob()), 0), Error::<Test>::ZeroAmount);
		assert_noop!(Lending::borrow(signed(&charlie()), UNIT), Error::<Test>::NoLoan);
	});
}

#[test]
fn collateral_backing_debt_stays_until_the_limit_allows() {
	ExtBuilder::default().build_and_execute(|| {
		supply_and_collateral(5_000 * UNIT, 1_000 * UNIT);
		assert_ok!(Lending::borrow(signed(&bob()), 500 * UNIT));
		// 500 HASH need 500 DIEM at 2 HASH and 50%.
		assert_noop!(
			Lending::withdraw_collateral(signed(&bob()), 500 * UNIT + 1),
			Error::<Test>::BorrowLimitExceeded
		);
		assert_noop!(
			Lending::withdraw_collateral(signed(&bob()), 1_001 * UNIT),
			Error::<Test>::NotEnoughCollateral
		);
		assert_ok!(Lending::withdraw_collateral(signed(&bob()), 500 * UNIT));
		assert_eq!(collateral_of(&bob()), 500 * UNIT);
	});
}

#[test]
fn borrowing_needs_liquidity_and_stays_within_the_caps() {
	ExtBuilder::default().build_and_execute(|| {
		supply_and_collateral(300 * UNIT, 1_000 * UNIT);
		assert_noop!(
			Lending::borrow(signed(&bob()), 301 * UNIT),
			Error::<Test>::InsufficientLiquidity
		);
		assert_ok!(Lending::supply(signed(&charlie()), 10_000 * UNIT));
		let mut params = test_params();
		params.borrow_cap = 400 * UNIT;
		Params::<Test>::put(params);
		assert_noop!(Lending::borrow(signed(&bob()), 401 * UNIT), Error::<Test>::BorrowCapReached);
		// The pool's 10,000 HASH back at most 5% of it: 500 HASH.
		params.borrow_cap = 1_000_000 * UNIT;
		params.max_borrow_of_pool = Permill::from_percent(5);
		Params::<Test>::put(params);
		assert_noop!(
			Lending::borrow(signed(&bob()), 501 * UNIT),
			Error::<Test>::PoolBorrowCapReached
		);
		assert_ok!(Lending::borrow(signed(&bob()), 500 * UNIT));
	});
}

#[test]
fn repaying_in_part_and_in_full() {
	ExtBuilder::default().build_and_execute(|| {
		supply_and_collateral(5_000 * UNIT, 1_000 * UNIT);
		assert_ok!(Lending::borrow(signed(&bob()), 1_000 * UNIT));
		assert_ok!(Lending::repay(signed(&bob()), 400 * UNIT));
		assert_eq!(debt_of(&bob()), 600 * UNIT);
		assert_eq!(
			lending_events().last(),
			Some(&Event::Repaid { who: bob(), amount: 400 * UNIT, debt: 600 * UNIT })
		);
		// More than the debt pays the debt.
		assert_ok!(Lending::repay(signed(&bob()), Balance::MAX));
		assert_eq!(debt_of(&bob()), 0);
		assert_eq!(hash_of(&bob()), INITIAL_HASH);
		assert_noop!(Lending::repay(signed(&bob()), UNIT), Error::<Test>::NoDebt);
		assert_noop!(Lending::repay(signed(&charlie()), UNIT), Error::<Test>::NoLoan);
		// The loan keeps its collateral.
		assert_eq!(Loans::<Test>::get(bob()).map(|loan| loan.collateral), Some(1_000 * UNIT));
	});
}

#[test]
fn a_repayment_that_cancels_no_scaled_debt_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		supply_and_collateral(5_000 * UNIT, 1_000 * UNIT);
		assert_ok!(Lending::borrow(signed(&bob()), 1_000 * UNIT));
		run_for(100);
		// The index is 1.0045: one base unit is worth less than one unit of scaled debt.
		assert_noop!(Lending::repay(signed(&bob()), 1), Error::<Test>::AmountTooSmall);
	});
}

#[test]
fn interest_accrues_on_touch_and_the_view_shows_it_before() {
	ExtBuilder::default().build_and_execute(|| {
		supply_and_collateral(5_000 * UNIT, 1_000 * UNIT);
		assert_ok!(Lending::borrow(signed(&bob()), 1_000 * UNIT));
		run_for(100);
		// Nothing is written while nobody touches the market; the view accrues anyway.
		assert_eq!(State::<Test>::get().borrow_index, FixedU128::from_u32(1));
		assert_eq!(debt_of(&bob()), 1_004_500_000_000_000);
		assert_ok!(Lending::supply(signed(&charlie()), UNIT));
		assert_eq!(State::<Test>::get().borrow_index, FixedU128::from_rational(10_045, 10_000));
		assert_eq!(State::<Test>::get().last_accrued, System::block_number() as u32);
		assert_eq!(debt_of(&bob()), 1_004_500_000_000_000);
	});
}
