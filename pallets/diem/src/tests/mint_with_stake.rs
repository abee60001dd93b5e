//! Minting for a given stake: the inverse search, the cap and refunded rounds.

use super::*;

#[test]
fn mint_with_stake_buys_the_most_the_stake_affords() {
	ExtBuilder::default().build_and_execute(|| {
		mint(2, 5_000 * diem::UNIT); // move up the curve first
		let stake = 100_000 * hash::UNIT;
		let quote = Diem::stake_quote(stake).unwrap();
		assert_ok!(Diem::mint_with_stake(RuntimeOrigin::signed(1), stake, quote.diem));
		assert_eq!(DiemBalances::balance(&1), quote.diem);
		assert_eq!(locked(1), quote.cost);
		assert!(quote.cost <= stake && quote.unspent == stake - quote.cost);
		// One more base unit would cost more than the stake.
		let supply_before = Supply::<Test>::get() - quote.diem;
		assert!(
			curve::mint_cost(&CurveParams::venice(), supply_before, quote.diem + 1).unwrap()
				> stake
		);
		assert_eq!(
			diem_events().last(),
			Some(&Event::MintedWithStake {
				who: 1,
				diem: quote.diem,
				cost: quote.cost,
				unspent: quote.unspent
			})
		);
	});
}

#[test]
fn mint_with_stake_at_the_cap_is_refused_as_such() {
	let cap = 2 * diem::UNIT;
	let tiny = CurveParams { max_supply: cap, ..CurveParams::venice() };
	ExtBuilder::default().curve(tiny).build_and_execute(|| {
		mint(1, cap);
		assert_noop!(
			Diem::mint_with_stake(RuntimeOrigin::signed(2), 1_000 * hash::UNIT, 0),
			Error::<Test>::ExceedsMaxSupply
		);
	});
}

#[test]
fn mint_with_stake_refunds_the_search_rounds_it_did_not_use() {
	ExtBuilder::default().build_and_execute(|| {
		let charged = Diem::mint_with_stake_weight(curve::MAX_INVERSE_ROUNDS);
		let info = Diem::mint_with_stake(RuntimeOrigin::signed(1), 10_000 * hash::UNIT, 0)
			.expect("mint with stake");
		let actual = info.actual_weight.expect("actual weight reported");
		// The search's series cost compute only (no storage), so the refund is in ref time.
		assert!(actual.ref_time() < charged.ref_time(), "{actual:?} not below {charged:?}");
		assert!(actual.all_lte(charged), "{actual:?} above {charged:?}");
	});
}

#[test]
fn mint_with_stake_error_paths() {
	ExtBuilder::default().build_and_execute(|| {
		let origin = RuntimeOrigin::signed(1);
		assert_noop!(Diem::mint_with_stake(origin.clone(), 0, 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			Diem::mint_with_stake(origin.clone(), STAKE + 1, 0),
			Error::<Test>::InsufficientUnlockedStake
		);
		// 89 base units of HASH buy less than one base unit of DIEM at 90 HASH per DIEM.
		assert_noop!(Diem::mint_with_stake(origin.clone(), 89, 0), Error::<Test>::AmountTooSmall);
		let quote = Diem::stake_quote(1_000 * hash::UNIT).unwrap();
		assert_noop!(
			Diem::mint_with_stake(origin, 1_000 * hash::UNIT, quote.diem + 1),
			Error::<Test>::BelowMinimumDiem
		);
	});
}
