//! A seeded sequence of mints, transfers and burns against the invariants.

use super::*;

/// A seeded sequence of mints, mint-with-stake, transfers and burns by several accounts; the
/// invariants hold after every step and all stake comes back when everything is burned. Account
/// 3 holds the genesis protocol position and only trades. Transfers never leave a balance below
/// DIEM's minimum (the runtime's movers refuse those: `fungible::Mutate::transfer` of
/// `pallet-assets` would drop that dust).
#[test]
fn random_sequences_keep_the_invariants() {
	ExtBuilder::default().mints(vec![(3, diem::UNIT)]).build_and_execute(|| {
		let mut seed: u64 = 0x5eed_d1e4;
		let mut next = |bound: u64| {
			seed ^= seed << 13;
			seed ^= seed >> 7;
			seed ^= seed << 17;
			seed % bound
		};
		for _ in 0..300 {
			let who = 1 + next(2);
			match next(4) {
				0 => {
					let amount = (1 + next(2_000)) as Balance * diem::UNIT / 10;
					let _ = Diem::mint(RuntimeOrigin::signed(who), amount, Balance::MAX);
				}
				1 => {
					let stake = (1 + next(100_000)) as Balance * hash::UNIT;
					let _ = Diem::mint_with_stake(RuntimeOrigin::signed(who), stake, 0);
				}
				2 => {
					let to = 1 + next(5);
					let balance = DiemBalances::balance(&who);
					let amount = balance / (1 + next(4)) as Balance;
					let rest = balance - amount;
					if rest > 0 && rest < diem::EXISTENTIAL_DEPOSIT {
						continue;
					}
					let _ = <DiemBalances as Mutate<u64>>::transfer(
						&who,
						&to,
						amount,
						frame_support::traits::tokens::Preservation::Expendable,
					);
				}
				_ => {
					let outstanding = Positions::<Test>::get(who).map_or(0, |p| p.outstanding);
					let amount =
						outstanding.min(DiemBalances::balance(&who)) / (1 + next(3)) as Balance;
					let _ = Diem::burn(RuntimeOrigin::signed(who), amount);
				}
			}
			Diem::do_try_state().expect("invariants after every step");
		}
		// Gather all DIEM at account 4, hand minters 1 and 2 exactly their outstanding DIEM, and
		// burn it: all their stake unlocks.
		let expendable = frame_support::traits::tokens::Preservation::Expendable;
		for from in [1, 2, 3, 5] {
			let have = DiemBalances::balance(&from);
			if have > 0 {
				assert_ok!(<DiemBalances as Mutate<u64>>::transfer(&from, &4, have, expendable));
			}
		}
		for who in 1..=2 {
			if let Some(position) = Positions::<Test>::get(who) {
				assert_ok!(<DiemBalances as Mutate<u64>>::transfer(
					&4,
					&who,
					position.outstanding,
					expendable
				));
			}
		}
		// What is left is the protocol position's DIEM.
		assert_eq!(DiemBalances::balance(&4), diem::UNIT);
		for who in 1..=2 {
			if let Some(position) = Positions::<Test>::get(who) {
				assert_ok!(Diem::burn(RuntimeOrigin::signed(who), position.outstanding));
			}
			assert_eq!(locked(who), 0);
		}
		assert_eq!(Supply::<Test>::get(), diem::UNIT);
		assert_eq!(TotalLocked::<Test>::get(), locked(3));
	});
}
