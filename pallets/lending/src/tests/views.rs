//! What the runtime API reports.

use super::*;

#[test]
fn the_market_view_adds_up() {
	ExtBuilder::default().build_and_execute(|| {
		supply_and_collateral(5_000 * UNIT, 1_000 * UNIT);
		assert_ok!(Lending::borrow(signed(&bob()), 1_000 * UNIT));
		let view = Lending::market_view().unwrap();
		assert_eq!(view.supplied, 5_000 * UNIT);
		assert_eq!(view.borrowed, 1_000 * UNIT);
		assert_eq!(view.liquidity, 4_000 * UNIT);
		assert_eq!(view.utilisation, Permill::from_percent(20));
		assert_eq!(view.borrow_rate, FixedU128::from_rational(45, 1_000));
		// 4.5% × 20% × 90%.
		assert_eq!(view.supply_rate, FixedU128::from_rational(81, 10_000));
		assert_eq!(view.collateral, 1_000 * UNIT);
		assert_eq!(view.oracle.twap, Some(FixedU128::from_u32(2)));
		assert_eq!(view.oracle.pool_hash, POOL_HASH);
		assert_eq!(view.oracle.borrowing_paused, None);
		assert_eq!(view.params, test_params());
	});
}

#[test]
fn a_position_shows_its_health_and_liquidation_price() {
	ExtBuilder::default().build_and_execute(|| {
		supply_and_collateral(5_000 * UNIT, 1_000 * UNIT);
		let empty = Lending::position_view(&bob());
		assert_eq!(empty.borrow_limit, Some(1_000 * UNIT));
		assert_eq!(empty.health_factor, None);
		assert_ok!(Lending::borrow(signed(&bob()), 750 * UNIT));
		let view = Lending::position_view(&bob());
		assert_eq!(view.debt, 750 * UNIT);
		assert_eq!(view.collateral, 1_000 * UNIT);
		// 1,000 × 2 × 75% / 750 = 2; liquidatable at 750 / (1,000 × 75%) = 1.
		assert_eq!(view.health_factor, Some(FixedU128::from_u32(2)));
		assert_eq!(view.liquidation_price, Some(FixedU128::from_u32(1)));
		let lender = Lending::position_view(&alice());
		assert_eq!(lender.shares, 5_000 * UNIT);
		assert_eq!(lender.supplied, 5_000 * UNIT);
	});
}
