//! Liquidations and bad debt.

use super::*;

/// Bob borrows 1,000 HASH against 1,000 DIEM at 2 HASH per DIEM; then the pool moves to
/// `percent`/100 HASH per DIEM and stays there until the TWAP is that price.
fn loan_then_price(percent: u128) {
	supply_and_collateral(5_000 * UNIT, 1_000 * UNIT);
	assert_ok!(Lending::borrow(signed(&bob()), 1_000 * UNIT));
	set_price(percent);
	run_for(u64::from(WINDOW + 2 * INTERVAL));
	let twap = Lending::twap(WINDOW, System::block_number() as u32).unwrap();
	assert_eq!(Some(twap), Lending::oracle_view().spot);
	assert_eq!(twap.into_inner() / 10_000_000_000_000_000, percent);
}

#[test]
fn a_healthy_loan_cannot_be_liquidated() {
	ExtBuilder::default().build_and_execute(|| {
		// At 1.4 the threshold is 1,000 × 1.4 × 75% = 1,050 HASH > the debt.
		loan_then_price(140);
		assert_noop!(
			Lending::liquidate(signed(&charlie()), bob(), 100 * UNIT),
			Error::<Test>::LoanHealthy
		);
		assert_noop!(
			Lending::liquidate(signed(&charlie()), dave(), 100 * UNIT),
			Error::<Test>::NoLoan
		);
		assert_noop!(Lending::liquidate(signed(&charlie()), bob(), 0), Error::<Test>::ZeroAmount);
	});
}

#[test]
fn a_liquidator_repays_up_to_the_close_factor_for_collateral_and_bonus() {
	ExtBuilder::default().build_and_execute(|| {
		// At 1.25 the threshold is 937.5 HASH < the debt.
		loan_then_price(125);
		assert!(Lending::position_view(&bob()).health_factor.unwrap() < FixedU128::from_u32(1));
		let debt = debt_of(&bob());
		assert_noop!(
			Lending::liquidate(signed(&bob()), bob(), UNIT),
			Error::<Test>::SelfLiquidation
		);
		let charlie_hash = hash_of(&charlie());
		assert_ok!(Lending::liquidate(signed(&charlie()), bob(), Balance::MAX));
		// Half the debt (rounded up), for collateral worth 110% of it at 1.25.
		let repaid = debt.div_ceil(2);
		let seized = repaid * 110 / 100 * 100 / 125;
		assert_eq!(hash_of(&charlie()), charlie_hash - repaid);
		assert_eq!(diem_of(&charlie()), INITIAL_DIEM + seized);
		assert_eq!(collateral_of(&bob()), 1_000 * UNIT - seized);
		assert_eq!(DiemBalances::total_balance(&bob()), INITIAL_DIEM - seized);
		// Partial repayment cancels scaled debt rounded down: within a base unit.
		assert!(debt_of(&bob()).abs_diff(debt - repaid) <= 1);
		assert!(matches!(
			lending_events().last(),
			Some(Event::Liquidated { repaid: r, collateral: c, .. }) if *r == repaid && *c == seized
		));
		assert_eq!(State::<Test>::get().bad_debt, 0);
	});
}

#[test]
fn collateral_that_cannot_cover_the_debt_leaves_bad_debt_for_the_reserve_then_the_lenders() {
	ExtBuilder::default().build_and_execute(|| {
		// At 0.5 the 1,000 DIEM are worth 500 HASH against a debt of about 1,000.
		loan_then_price(50);
		let debt = debt_of(&bob());
		let before = State::<Test>::get();
		let alice_before = supplied_of(&alice());
		let reserve = Lending::market_view().unwrap().reserve;
		assert!(reserve > 0);
		assert_ok!(Lending::liquidate(signed(&charlie()), bob(), Balance::MAX));
		// All the collateral goes, for its worth less the bonus: 500 / 1.1 (rounded up).
		let repaid = (500 * UNIT * 10).div_ceil(11);
		assert_eq!(diem_of(&charlie()), INITIAL_DIEM + 1_000 * UNIT);
		assert_eq!(Loans::<Test>::get(bob()), None);
		let state = State::<Test>::get();
		let bad = debt - repaid;
		assert!(state.bad_debt.abs_diff(bad) <= 1);
		let event = lending_events()
			.into_iter()
			.find_map(|e| match e {
				Event::BadDebt { amount, from_reserve, from_lenders, .. } => {
					Some((amount, from_reserve, from_lenders))
				}
				_ => None,
			})
			.unwrap();
		assert_eq!(event.0, state.bad_debt);
		assert_eq!(event.1 + event.2, state.bad_debt);
		assert_eq!(state.reserve, 0);
		assert_eq!(event.1, reserve);
		// The lenders lose exactly their part (within a base unit of rounding).
		let alice_after = supplied_of(&alice());
		assert!(alice_before - alice_after >= event.2);
		assert!(alice_before - alice_after <= event.2 + 1);
		assert!(state.supply_index < before.supply_index);
	});
}

#[test]
fn liquidation_needs_a_fresh_twap_but_not_a_deep_pool() {
	ExtBuilder::default().build_and_execute(|| {
		loan_then_price(125);
		// The pool is drained: no reading for longer than the oracle's age limit.
		Reserves::set(None);
		run_for(6);
		assert_noop!(
			Lending::liquidate(signed(&charlie()), bob(), UNIT),
			Error::<Test>::OracleStale
		);
		// A thin pool that is still read keeps liquidations going.
		Reserves::set(Some((100 * UNIT, 80 * UNIT)));
		run_for(1);
		assert_ok!(Lending::liquidate(signed(&charlie()), bob(), UNIT));
	});
}
