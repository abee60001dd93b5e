//! Burning: unlocking at the average cost, the last burn, and rounding.

use super::*;

#[test]
fn burn_unlocks_at_average_cost_and_the_last_burn_unlocks_the_rest() {
	ExtBuilder::default().build_and_execute(|| {
		let cost_a = mint(1, 300 * diem::UNIT);
		mint(2, 1_000 * diem::UNIT); // someone else moves the price
		let cost_b = mint(1, 700 * diem::UNIT);
		let position = Positions::<Test>::get(1).unwrap();
		assert_eq!(position, Position { locked: cost_a + cost_b, outstanding: 1_000 * diem::UNIT });

		// Burn a third: unlock a third of the locked stake, rounded down.
		let third = 1_000 * diem::UNIT / 3;
		assert_ok!(Diem::burn(RuntimeOrigin::signed(1), third));
		let unlocked_first = position.locked * third / position.outstanding;
		assert_eq!(locked(1), position.locked - unlocked_first);
		assert_eq!(
			diem_events().last(),
			Some(&Event::Burned { who: 1, diem: third, unlocked: unlocked_first })
		);

		// The last burn unlocks exactly the remainder; the position disappears.
		let rest = position.outstanding - third;
		assert_ok!(Diem::burn(RuntimeOrigin::signed(1), rest));
		assert_eq!(locked(1), 0);
		assert_eq!(unlocked(1), STAKE);
		assert_eq!(Positions::<Test>::get(1), None);
		assert_eq!(DiemBalances::balance(&1), 0);
		assert_eq!(Supply::<Test>::get(), 1_000 * diem::UNIT);
	});
}

#[test]
fn burn_error_paths() {
	ExtBuilder::default().build_and_execute(|| {
		mint(1, 10 * diem::UNIT);
		assert_noop!(Diem::burn(RuntimeOrigin::signed(1), 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			Diem::burn(RuntimeOrigin::signed(1), 10 * diem::UNIT + 1),
			Error::<Test>::BurnExceedsOutstanding
		);
		// DIEM received by transfer carries no position.
		assert_ok!(<DiemBalances as Mutate<u64>>::transfer(
			&1,
			&4,
			4 * diem::UNIT,
			frame_support::traits::tokens::Preservation::Expendable
		));
		assert_noop!(Diem::burn(RuntimeOrigin::signed(4), diem::UNIT), Error::<Test>::NoPosition);
		// The minter no longer holds all of its outstanding DIEM.
		assert_noop!(
			Diem::burn(RuntimeOrigin::signed(1), 7 * diem::UNIT),
			Error::<Test>::InsufficientDiem
		);
		assert_ok!(Diem::burn(RuntimeOrigin::signed(1), 6 * diem::UNIT));
		// Outstanding 4 DIEM, liquid 0: it has to buy DIEM back before burning more.
		assert_noop!(
			Diem::burn(RuntimeOrigin::signed(1), diem::UNIT),
			Error::<Test>::InsufficientDiem
		);
	});
}

#[test]
fn tiny_burns_from_a_large_position_unlock_nothing_but_never_lose_stake() {
	ExtBuilder::default().build_and_execute(|| {
		mint(2, diem::UNIT);
		let cost = mint(1, diem::UNIT);
		// One base unit of DIEM is worth ~90 base units of HASH: unlocks 90, rounded down.
		assert_ok!(Diem::burn(RuntimeOrigin::signed(1), 1));
		let after_one = locked(1);
		assert!(cost - after_one <= 90);
		assert_ok!(Diem::burn(RuntimeOrigin::signed(1), diem::UNIT - 1));
		assert_eq!(locked(1), 0);
		assert_eq!(unlocked(1), STAKE);
	});
}
