//! Minting on the curve: cost, position, errors, and minting while closed or paused.

use super::*;

#[test]
fn mint_locks_the_quoted_cost_and_records_the_position() {
	ExtBuilder::default().build_and_execute(|| {
		let amount = 100 * diem::UNIT;
		let quote = Diem::mint_quote(amount).unwrap();
		assert_eq!(quote, curve::mint_cost(&CurveParams::venice(), 0, amount).unwrap());
		// ~90 HASH each at the bottom of the curve.
		assert!(quote > 9_000 * hash::UNIT && quote < 9_010 * hash::UNIT, "{quote}");

		assert_ok!(Diem::mint(RuntimeOrigin::signed(1), amount, quote));
		assert_eq!(DiemBalances::balance(&1), amount);
		assert_eq!(DiemBalances::total_issuance(), amount);
		assert_eq!(Supply::<Test>::get(), amount);
		assert_eq!(
			Positions::<Test>::get(1),
			Some(Position { locked: quote, outstanding: amount })
		);
		assert_eq!(locked(1), quote);
		assert_eq!(unlocked(1), STAKE - quote);
		assert_eq!(diem_events(), vec![Event::Minted { who: 1, diem: amount, cost: quote }]);
	});
}

#[test]
fn mint_error_paths() {
	ExtBuilder::default().build_and_execute(|| {
		let origin = RuntimeOrigin::signed(1);
		assert_noop!(Diem::mint(origin.clone(), 0, Balance::MAX), Error::<Test>::ZeroAmount);
		let quote = Diem::mint_quote(diem::UNIT).unwrap();
		assert_noop!(
			Diem::mint(origin.clone(), diem::UNIT, quote - 1),
			Error::<Test>::SlippageExceeded
		);
		// Account 4 has free HASH but no stake.
		assert_noop!(
			Diem::mint(RuntimeOrigin::signed(4), diem::UNIT, quote),
			Error::<Test>::InsufficientUnlockedStake
		);
		let cap = CurveParams::venice().max_supply;
		assert_noop!(
			Diem::mint(origin.clone(), cap + 1, Balance::MAX),
			Error::<Test>::ExceedsMaxSupply
		);
		assert_noop!(
			Diem::mint(origin.clone(), Balance::MAX, Balance::MAX),
			Error::<Test>::ExceedsMaxSupply
		);
		// 5M HASH of stake is far from what the whole curve costs.
		assert_noop!(
			Diem::mint(origin.clone(), cap, Balance::MAX),
			Error::<Test>::InsufficientUnlockedStake
		);
		// Below DIEM's existential deposit: the mint fails and the lock is undone with it.
		let dust = diem::EXISTENTIAL_DEPOSIT - 1;
		assert_noop!(
			Diem::mint(origin, dust, Balance::MAX),
			DispatchError::Token(TokenError::BelowMinimum)
		);
		assert_eq!(locked(1), 0);
	});
}

#[test]
fn mint_is_refused_while_closed_or_paused() {
	ExtBuilder::default().minting_open(false).build_and_execute(|| {
		assert_noop!(
			Diem::mint(RuntimeOrigin::signed(1), diem::UNIT, Balance::MAX),
			Error::<Test>::MintingNotOpen
		);
		assert_noop!(
			Diem::mint_with_stake(RuntimeOrigin::signed(1), hash::UNIT * 100, 0),
			Error::<Test>::MintingNotOpen
		);
		assert_noop!(
			Diem::set_minting_open(RuntimeOrigin::signed(1), true),
			DispatchError::BadOrigin
		);
		assert_ok!(Diem::set_minting_open(RuntimeOrigin::root(), true));
		mint(2, diem::UNIT);
		let cost = mint(1, diem::UNIT);

		assert_ok!(Diem::schedule_curve_change(RuntimeOrigin::root(), CurveParams::venice()));
		assert_noop!(
			Diem::mint(RuntimeOrigin::signed(1), diem::UNIT, Balance::MAX),
			Error::<Test>::CurveChangePending
		);
		// Burns stay possible while paused.
		assert_ok!(Diem::burn(RuntimeOrigin::signed(1), diem::UNIT));

		assert_ok!(Diem::set_minting_open(RuntimeOrigin::root(), false));
		assert_eq!(
			diem_events(),
			vec![
				Event::MintingOpened,
				Event::Minted { who: 2, diem: diem::UNIT, cost: diem_events_cost() },
				Event::Minted { who: 1, diem: diem::UNIT, cost },
				Event::CurveChangeScheduled {
					params: CurveParams::venice(),
					effective_at: 1 + CHANGE_DELAY
				},
				Event::Burned { who: 1, diem: diem::UNIT, unlocked: cost },
				Event::MintingClosed,
			]
		);
	});
}

#[test]
fn a_split_mint_costs_exactly_one_mint() {
	let one = ExtBuilder::default().build().execute_with(|| mint(1, 1_234 * diem::UNIT + 7));
	let split = ExtBuilder::default()
		.build()
		.execute_with(|| mint(1, 1_000 * diem::UNIT) + mint(1, 234 * diem::UNIT) + mint(1, 7));
	assert_eq!(one, split);
}

#[test]
fn cost_of_zero_is_refused_on_a_flat_cheap_curve() {
	// 1 base unit of HASH per whole DIEM: the first base units of DIEM round to the same cost.
	let flat = CurveParams { base_rate: 1, ..CurveParams::venice() };
	ExtBuilder::default().curve(flat).build_and_execute(|| {
		mint(1, diem::UNIT); // costs 1 base unit of HASH
		assert_noop!(
			Diem::mint(RuntimeOrigin::signed(2), 1, Balance::MAX),
			Error::<Test>::AmountTooSmall
		);
	});
}

#[test]
fn minting_keeps_the_staking_rewards_flowing() {
	ExtBuilder::default().build_and_execute(|| {
		mint(1, 1_000 * diem::UNIT);
		run_to_block(10);
		// Locking settled account 1's rewards, and locked stake keeps earning (at 80 %).
		assert_ok!(ComputeStaking::claim_rewards(RuntimeOrigin::signed(1)));
		assert!(Balances::balance(&1) > INITIAL - STAKE);
	});
}
