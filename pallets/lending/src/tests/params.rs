//! Parameter bounds and the delayed change.

use super::*;

#[test]
fn a_change_applies_after_the_delay_with_an_event() {
	ExtBuilder::default().build_and_execute(|| {
		let mut new = test_params();
		new.collateral_factor = Permill::from_percent(60);
		assert_noop!(
			Lending::schedule_params_change(signed(&alice()), new),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(Lending::schedule_params_change(RuntimeOrigin::root(), new));
		let effective_at = System::block_number() as u32 + DELAY;
		assert_eq!(
			lending_events().last(),
			Some(&Event::ParamsChangeScheduled { params: new, effective_at })
		);
		assert_noop!(
			Lending::schedule_params_change(RuntimeOrigin::root(), new),
			Error::<Test>::ParamsChangeAlreadyScheduled
		);
		run_to(u64::from(effective_at) - 1);
		assert_eq!(Params::<Test>::get(), Some(test_params()));
		run_for(1);
		assert_eq!(Params::<Test>::get(), Some(new));
		assert_eq!(PendingParams::<Test>::get(), None);
		assert_eq!(lending_events().last(), Some(&Event::ParamsChanged { params: new }));
	});
}

#[test]
fn a_change_can_be_cancelled() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Lending::cancel_params_change(RuntimeOrigin::root()),
			Error::<Test>::NoParamsChangeScheduled
		);
		let mut new = test_params();
		new.reserve_factor = Permill::from_percent(20);
		assert_ok!(Lending::schedule_params_change(RuntimeOrigin::root(), new));
		assert_ok!(Lending::cancel_params_change(RuntimeOrigin::root()));
		run_for(u64::from(DELAY) + 1);
		assert_eq!(Params::<Test>::get(), Some(test_params()));
	});
}

#[test]
fn interest_to_the_change_accrues_at_the_old_rates() {
	ExtBuilder::default().build_and_execute(|| {
		supply_and_collateral(5_000 * UNIT, 1_000 * UNIT);
		assert_ok!(Lending::borrow(signed(&bob()), 1_000 * UNIT));
		let mut new = test_params();
		new.rate.base = FixedU128::from_u32(1);
		assert_ok!(Lending::schedule_params_change(RuntimeOrigin::root(), new));
		run_for(u64::from(DELAY));
		// Ten blocks at 4.5% a year of 1,000 blocks: 0.045%.
		assert_eq!(State::<Test>::get().borrow_index, FixedU128::from_rational(100_045, 100_000));
		assert_eq!(Params::<Test>::get(), Some(new));
	});
}

#[test]
fn a_closed_market_opens_with_its_first_parameters() {
	ExtBuilder::default().closed().build_and_execute(|| {
		assert_eq!(Lending::market_view(), None);
		assert_ok!(Lending::schedule_params_change(RuntimeOrigin::root(), test_params()));
		run_for(u64::from(DELAY));
		assert_ok!(Lending::supply(signed(&alice()), UNIT));
	});
}

#[test]
fn every_bound_is_checked() {
	ExtBuilder::default().build_and_execute(|| {
		let cases: Vec<(fn(&mut MarketParams), Error<Test>)> = vec![
			(|p| p.collateral_factor = Permill::zero(), Error::CollateralFactorOutOfBounds),
			(
				|p| p.collateral_factor = Permill::from_percent(91),
				Error::CollateralFactorOutOfBounds,
			),
			(|p| p.collateral_factor = p.liquidation_threshold, Error::CollateralFactorOutOfBounds),
			(
				|p| p.liquidation_threshold = Permill::from_percent(96),
				Error::LiquidationThresholdOutOfBounds,
			),
			(
				|p| {
					p.liquidation_threshold = Permill::from_percent(92);
					p.liquidation_bonus = Permill::from_percent(9);
				},
				Error::LiquidationThresholdOutOfBounds,
			),
			(|p| p.close_factor = Permill::from_percent(9), Error::CloseFactorOutOfBounds),
			(
				|p| p.liquidation_bonus = Permill::from_percent(26),
				Error::LiquidationBonusOutOfBounds,
			),
			(|p| p.reserve_factor = Permill::from_percent(51), Error::ReserveFactorOutOfBounds),
			(|p| p.rate.base = FixedU128::from_rational(101, 100), Error::RateModelOutOfBounds),
			(|p| p.rate.slope_high = FixedU128::from_u32(11), Error::RateModelOutOfBounds),
			(|p| p.rate.kink = Permill::from_percent(96), Error::RateModelOutOfBounds),
			(|p| p.oracle_window = 2 * INTERVAL - 1, Error::OracleWindowOutOfBounds),
			(|p| p.oracle_window = (RING - 1) * INTERVAL + 1, Error::OracleWindowOutOfBounds),
			(|p| p.max_oracle_age = 0, Error::OracleGuardsOutOfBounds),
			(|p| p.max_oracle_age = p.oracle_window + 1, Error::OracleGuardsOutOfBounds),
			(|p| p.max_deviation = Permill::from_percent(51), Error::OracleGuardsOutOfBounds),
			(|p| p.min_pool_depth = 0, Error::OracleGuardsOutOfBounds),
			(|p| p.max_borrow_of_pool = Permill::zero(), Error::CapsOutOfBounds),
			(|p| p.supply_cap = 0, Error::CapsOutOfBounds),
		];
		for (change, error) in cases {
			let mut params = test_params();
			change(&mut params);
			assert_noop!(Lending::schedule_params_change(RuntimeOrigin::root(), params), error);
		}
		let mut widest = test_params();
		widest.oracle_window = (RING - 1) * INTERVAL;
		widest.collateral_factor = Permill::from_percent(90);
		widest.liquidation_threshold = Permill::from_percent(91);
		widest.liquidation_bonus = Permill::from_percent(9);
		assert_ok!(Lending::schedule_params_change(RuntimeOrigin::root(), widest));
	});
}

#[test]
#[should_panic(expected = "invalid genesis lending params")]
fn genesis_refuses_parameters_out_of_bounds() {
	let mut params = test_params();
	params.close_factor = Permill::zero();
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_lending::GenesisConfig::<Test> { params: Some(params), ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
}
