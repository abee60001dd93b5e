//! Genesis and governance: the protocol mint, opening minting and curve changes.

use super::*;

#[test]
fn curve_changes_are_validated_scheduled_and_applied_after_the_delay() {
	ExtBuilder::default().build_and_execute(|| {
		let venice = CurveParams::venice();
		let root = RuntimeOrigin::root();
		assert_noop!(
			Diem::schedule_curve_change(RuntimeOrigin::signed(1), venice),
			DispatchError::BadOrigin
		);
		for (bad, error) in [
			(CurveParams { base_rate: 0, ..venice }, Error::<Test>::CurveZeroBaseRate),
			(CurveParams { target: 0, ..venice }, Error::<Test>::CurveZeroTarget),
			(CurveParams { max_supply: 0, ..venice }, Error::<Test>::CurveZeroMaxSupply),
			(CurveParams { steepness_ppm: u32::MAX, ..venice }, Error::<Test>::CurveTooSteep),
			(CurveParams { base_rate: Balance::MAX / 2, ..venice }, Error::<Test>::CurveOverflow),
		] {
			assert_noop!(Diem::schedule_curve_change(root.clone(), bad), error);
		}
		mint(1, 100 * diem::UNIT);
		assert_noop!(
			Diem::schedule_curve_change(
				root.clone(),
				CurveParams { max_supply: 99 * diem::UNIT, ..venice }
			),
			Error::<Test>::MaxSupplyBelowSupply
		);
		assert_noop!(Diem::cancel_curve_change(root.clone()), Error::<Test>::NoChangeScheduled);

		let cheaper = CurveParams { base_rate: 45 * hash::UNIT, ..venice };
		assert_ok!(Diem::schedule_curve_change(root.clone(), cheaper));
		assert_noop!(
			Diem::schedule_curve_change(root.clone(), venice),
			Error::<Test>::ChangeAlreadyScheduled
		);
		let status = Diem::curve_status();
		assert!(status.minting_paused);
		assert_eq!(
			status.pending_change,
			Some(PendingCurveChange { params: cheaper, effective_at: 1 + CHANGE_DELAY })
		);

		run_to_block(CHANGE_DELAY);
		assert_eq!(Curve::<Test>::get(), venice);
		run_to_block(1 + CHANGE_DELAY);
		assert_eq!(Curve::<Test>::get(), cheaper);
		assert_eq!(PendingChange::<Test>::get(), None);
		assert_eq!(diem_events().last(), Some(&Event::CurveChanged { params: cheaper }));
		// Minting resumes at the new price.
		let quote = Diem::mint_quote(diem::UNIT).unwrap();
		assert_eq!(quote, curve::mint_cost(&cheaper, 100 * diem::UNIT, diem::UNIT).unwrap());
		mint(2, diem::UNIT);

		// Cancelling a change resumes minting on the old curve.
		assert_ok!(Diem::schedule_curve_change(root.clone(), venice));
		assert_ok!(Diem::cancel_curve_change(root));
		assert_eq!(diem_events().last(), Some(&Event::CurveChangeCancelled));
		run_to_block(20);
		assert_eq!(Curve::<Test>::get(), cheaper);
		mint(2, diem::UNIT);
	});
}

#[test]
fn genesis_protocol_mint_is_a_real_position_and_minting_starts_closed() {
	ExtBuilder::default()
		.minting_open(false)
		.mints(vec![(3, 10_000 * diem::UNIT)])
		.build_and_execute(|| {
			let position = Positions::<Test>::get(3).unwrap();
			assert_eq!(position.outstanding, 10_000 * diem::UNIT);
			assert_eq!(
				position.locked,
				curve::cumulative_cost(&CurveParams::venice(), 10_000 * diem::UNIT).unwrap()
			);
			assert_eq!(locked(3), position.locked);
			assert_eq!(DiemBalances::total_issuance(), 10_000 * diem::UNIT);
			assert_eq!(DiemBalances::balance(&3), 10_000 * diem::UNIT);
			let status = Diem::curve_status();
			assert!(!status.minting_open && status.minting_paused);
			// Venice's published rate at 10,000 DIEM.
			let rate = status.marginal_rate.unwrap();
			assert_eq!(rate / (hash::UNIT / 100), 9_334, "{rate}");
			let info = Diem::position_info(&3).unwrap();
			assert_eq!(info.average_rate, position.locked * diem::UNIT / position.outstanding);
		});
}

#[test]
fn genesis_liquidity_follows_the_protocol_mint() {
	ExtBuilder::default()
		.mints(vec![(3, 100 * diem::UNIT)])
		.liquidity(vec![(3, 9_000 * hash::UNIT, 60 * diem::UNIT)])
		.build_and_execute(|| {
			assert_eq!(DiemBalances::balance(&POOL), 60 * diem::UNIT);
			assert_eq!(Balances::balance(&POOL), 9_000 * hash::UNIT);
			assert_eq!(DiemBalances::balance(&3), 40 * diem::UNIT);
			// The position is the minter's still: liquidity moves DIEM, not the debt behind it.
			assert_eq!(Positions::<Test>::get(3).unwrap().outstanding, 100 * diem::UNIT);
		});
}

#[test]
#[should_panic(expected = "genesis liquidity")]
fn genesis_liquidity_beyond_the_minted_diem_stops_the_build() {
	let _ = ExtBuilder::default()
		.mints(vec![(3, diem::UNIT)])
		.liquidity(vec![(3, hash::UNIT, 2 * diem::UNIT)])
		.build();
}
