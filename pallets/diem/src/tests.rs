//! Unit tests: every call and error path, the curve through the pallet, genesis, governance,
//! and a seeded sequence of mints, transfers and burns checked against the invariants.

use crate::{mock::*, *};
use diem_primitives::{
	curve::{self, CurveParams},
	diem, hash, Balance, StakeLocker,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, Mutate},
};
use polkadot_sdk::sp_runtime::{DispatchError, TokenError};

fn mint(who: u64, diem: Balance) -> Balance {
	let cost = Diem::mint_quote(diem).expect("quotable");
	assert_ok!(Diem::mint(RuntimeOrigin::signed(who), diem, cost));
	cost
}

fn unlocked(who: u64) -> Balance {
	<ComputeStaking as StakeLocker<u64, Balance>>::unlocked_stake(&who)
}

fn locked(who: u64) -> Balance {
	<ComputeStaking as StakeLocker<u64, Balance>>::locked(&who)
}

#[test]
fn mint_locks_the_quoted_cost_and_records_the_position() {
	ExtBuilder::default().build_and_execute(|| {
		let amount = 100 * diem::UNIT;
		let quote = Diem::mint_quote(amount).unwrap();
		assert_eq!(quote, curve::mint_cost(&CurveParams::venice(), 0, amount).unwrap());
		// ~90 HASH each at the bottom of the curve.
		assert!(quote > 9_000 * hash::UNIT && quote < 9_010 * hash::UNIT, "{quote}");

		assert_ok!(Diem::mint(RuntimeOrigin::signed(1), amount, quote));
		// The chain's first mint endows the dust account with DIEM's existential deposit.
		assert_eq!(DiemBalances::balance(&1), amount - diem::EXISTENTIAL_DEPOSIT);
		assert_eq!(DiemBalances::balance(&DUST), diem::EXISTENTIAL_DEPOSIT);
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
			Error::<Test>::MintingClosed
		);
		assert_noop!(
			Diem::mint_with_stake(RuntimeOrigin::signed(1), hash::UNIT * 100, 0),
			Error::<Test>::MintingClosed
		);
		assert_noop!(
			Diem::set_minting_open(RuntimeOrigin::signed(1), true),
			DispatchError::BadOrigin
		);
		assert_ok!(Diem::set_minting_open(RuntimeOrigin::root(), true));
		mint(2, diem::UNIT); // the first mint endows the dust account
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

/// The cost of the first DIEM on the Venice curve.
fn diem_events_cost() -> Balance {
	curve::mint_cost(&CurveParams::venice(), 0, diem::UNIT).unwrap()
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
fn later_mints_leave_the_endowed_dust_account_alone() {
	ExtBuilder::default().build_and_execute(|| {
		mint(1, diem::UNIT);
		mint(2, diem::UNIT);
		assert_eq!(DiemBalances::balance(&2), diem::UNIT);
		assert_eq!(DiemBalances::balance(&DUST), diem::EXISTENTIAL_DEPOSIT);
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
		// Account 1 minted first and endowed the dust account: it buys that back from account 2.
		assert_ok!(<DiemBalances as Mutate<u64>>::transfer(
			&2,
			&1,
			diem::EXISTENTIAL_DEPOSIT,
			frame_support::traits::tokens::Preservation::Expendable
		));
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
		// Account 1 minted first and sent the existential deposit to the dust account.
		assert_ok!(Diem::burn(
			RuntimeOrigin::signed(1),
			6 * diem::UNIT - diem::EXISTENTIAL_DEPOSIT
		));
		// Outstanding 4 DIEM and a bit, liquid 0: it has to buy DIEM back before burning more.
		assert_noop!(
			Diem::burn(RuntimeOrigin::signed(1), diem::UNIT),
			Error::<Test>::InsufficientDiem
		);
	});
}

#[test]
fn tiny_burns_from_a_large_position_unlock_nothing_but_never_lose_stake() {
	ExtBuilder::default().build_and_execute(|| {
		mint(2, diem::UNIT); // the first mint endows the dust account
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
			// The first genesis minter endowed the dust account with the existential deposit.
			assert_eq!(DiemBalances::balance(&DUST), diem::EXISTENTIAL_DEPOSIT);
			assert_eq!(DiemBalances::balance(&3), 10_000 * diem::UNIT - diem::EXISTENTIAL_DEPOSIT);
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
fn minting_keeps_the_staking_rewards_flowing() {
	ExtBuilder::default().build_and_execute(|| {
		mint(1, 1_000 * diem::UNIT);
		run_to_block(10);
		// Locking settled account 1's rewards, and locked stake keeps earning (at 80 %).
		assert_ok!(ComputeStaking::claim_rewards(RuntimeOrigin::signed(1)));
		assert!(Balances::balance(&1) > INITIAL - STAKE);
	});
}

#[test]
fn quotes_match_what_the_calls_do_and_report_errors() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(Diem::mint_quote(Balance::MAX), Err(QuoteError::AboveMaxSupply));
		let q = Diem::stake_quote(Balance::MAX).unwrap();
		assert_eq!(q.diem, CurveParams::venice().max_supply);
		assert!(Diem::position_info(&1).is_none());
	});
}

/// A seeded sequence of mints, mint-with-stake, transfers and burns by several accounts; the
/// invariants hold after every step and all stake comes back when everything is burned. Account
/// 3 holds the genesis protocol position (which endowed the dust account) and only trades.
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
					let amount = DiemBalances::balance(&who) / (1 + next(4)) as Balance;
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
		// What is left is the protocol position's DIEM, less the dust account's endowment.
		assert_eq!(DiemBalances::balance(&4), diem::UNIT - diem::EXISTENTIAL_DEPOSIT);
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
