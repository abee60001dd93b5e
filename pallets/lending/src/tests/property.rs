//! Random sequences of supply, withdraw, collateral, borrow, repay, price moves, liquidations
//! and time: after every step the invariants hold, a refused call changed nothing, the borrow
//! index never fell and the supply index fell only with bad debt; at the end, once every loan
//! is settled and every lender has withdrawn, no HASH has left the market that was not owed.

use super::*;
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Step {
	Supply(u8, u64),
	Withdraw(u8, u64),
	Deposit(u8, u64),
	WithdrawCollateral(u8, u64),
	Borrow(u8, u64),
	Repay(u8, u64),
	Liquidate(u8, u8, u64),
	/// The pool's price moves by this percentage of itself (within 0.2 and 4 HASH per DIEM).
	Price(u16),
	Blocks(u8),
}

/// Borrowers are accounts 1 and 2, lenders 3 and 4; anyone liquidates.
fn borrower(n: u8) -> AccountId {
	account(1 + n % 2)
}
fn lender(n: u8) -> AccountId {
	account(3 + n % 2)
}
fn anyone(n: u8) -> AccountId {
	account(1 + n % 4)
}

fn step() -> impl Strategy<Value = Step> {
	let amount = 1u64..3_000;
	prop_oneof![
		(any::<u8>(), amount.clone()).prop_map(|(w, a)| Step::Supply(w, a)),
		(any::<u8>(), amount.clone()).prop_map(|(w, a)| Step::Withdraw(w, a)),
		(any::<u8>(), amount.clone()).prop_map(|(w, a)| Step::Deposit(w, a)),
		(any::<u8>(), amount.clone()).prop_map(|(w, a)| Step::WithdrawCollateral(w, a)),
		(any::<u8>(), amount.clone()).prop_map(|(w, a)| Step::Borrow(w, a)),
		(any::<u8>(), amount.clone()).prop_map(|(w, a)| Step::Repay(w, a)),
		(any::<u8>(), any::<u8>(), amount).prop_map(|(l, b, a)| Step::Liquidate(l, b, a)),
		(50u16..150).prop_map(Step::Price),
		(1u8..60).prop_map(Step::Blocks),
		(1u8..60).prop_map(Step::Blocks),
	]
}

/// Amounts in hundredths of a unit, with an odd tail so rounding is exercised.
fn units(amount: u64) -> Balance {
	Balance::from(amount) * UNIT / 100 + 7
}

fn run(step: &Step) -> frame_support::dispatch::DispatchResult {
	match *step {
		Step::Supply(w, a) => Lending::supply(signed(&lender(w)), 10 * units(a)),
		Step::Withdraw(w, a) => Lending::withdraw(signed(&lender(w)), 10 * units(a)),
		Step::Deposit(w, a) => Lending::deposit_collateral(signed(&borrower(w)), units(a)),
		Step::WithdrawCollateral(w, a) => {
			Lending::withdraw_collateral(signed(&borrower(w)), units(a) / 4)
		}
		Step::Borrow(w, a) => Lending::borrow(signed(&borrower(w)), units(a) / 2),
		Step::Repay(w, a) => Lending::repay(signed(&borrower(w)), units(a) / 2),
		Step::Liquidate(l, b, a) => Lending::liquidate(signed(&anyone(l)), borrower(b), units(a)),
		Step::Price(change) => {
			let (hash, diem) = Reserves::get().unwrap_or((POOL_HASH, POOL_DIEM));
			let percent = (hash * 100 / diem * u128::from(change) / 100).clamp(20, 400);
			set_price(percent);
			Ok(())
		}
		Step::Blocks(n) => {
			run_for(u64::from(n));
			Ok(())
		}
	}
}

fn total_hash() -> Balance {
	(1..=4).map(|n| hash_of(&account(n))).sum::<Balance>() + hash_of(&market())
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

	#[test]
	fn the_books_hold_under_any_sequence(steps in proptest::collection::vec(step(), 1..60)) {
		ExtBuilder::default().build_and_execute(|| {
			let hash_before = total_hash();
			// Every case starts with a market in use: two lenders, two loans at 90% of their
			// limit (100 DIEM at 2 HASH, 50%: 100 HASH).
			for n in 0..2 {
				assert_ok!(Lending::supply(signed(&lender(n)), 1_000 * UNIT));
				assert_ok!(Lending::deposit_collateral(signed(&borrower(n)), 100 * UNIT));
				assert_ok!(Lending::borrow(signed(&borrower(n)), 90 * UNIT));
			}
			for step in &steps {
				let before = State::<Test>::get();
				let root = sp_io::storage::root(sp_runtime::StateVersion::V1);
				let bad_debt_events = lending_events()
					.iter()
					.filter(|e| matches!(e, Event::BadDebt { .. }))
					.count();
				if run(step).is_err() {
					assert_eq!(
						sp_io::storage::root(sp_runtime::StateVersion::V1),
						root,
						"{step:?} failed but changed state"
					);
				}
				let after = State::<Test>::get();
				assert!(after.borrow_index >= before.borrow_index, "the borrow index fell");
				let wrote_off = lending_events()
					.iter()
					.filter(|e| matches!(e, Event::BadDebt { .. }))
					.count() > bad_debt_events;
				assert!(
					after.supply_index >= before.supply_index || wrote_off,
					"the supply index fell without bad debt at {step:?}"
				);
				if matches!(step, Step::Borrow(..)) && after != before {
					let position = Lending::position_view(&borrower(match step {
						Step::Borrow(w, _) => *w,
						_ => 0,
					}));
					let (price, _) = Lending::borrow_price(
						&test_params(),
						System::block_number() as u32,
					)
					.expect("a borrow went through with a usable price");
					let limit = Lending::borrow_limit(position.collateral, price, &test_params())
						.unwrap();
					assert!(position.debt <= limit, "a borrow went over its limit");
				}
				Lending::do_try_state().expect("invariants hold after every step");
			}
			// Settle: the price returns, every borrower repays (funded for it), every lender
			// withdraws.
			set_price(200);
			run_for(u64::from(WINDOW + 2 * INTERVAL));
			let mut minted = 0;
			for n in 1..=4 {
				let borrower = account(n);
				if debt_of(&borrower) > 0 {
					use frame_support::traits::fungible::Mutate;
					let need = debt_of(&borrower) + hash::UNIT;
					assert_ok!(Balances::mint_into(&borrower, need));
					minted += need;
					assert_ok!(Lending::repay(signed(&borrower), Balance::MAX));
				}
			}
			for n in 1..=4 {
				let lender = account(n);
				if Shares::<Test>::get(&lender).is_some() {
					let _ = Lending::withdraw(signed(&lender), Balance::MAX);
				}
			}
			let state = State::<Test>::get();
			assert_eq!(state.total_scaled_debt, 0);
			// What stays in the market covers the reserve and whatever shares could not be
			// paid in full for rounding; nothing beyond that.
			let left = asset::liquidity::<Test>();
			let owed = Lending::supplied(&state).unwrap() + state.reserve;
			assert!(left >= owed, "the market holds {left}, owes {owed}");
			// HASH only moved between the accounts and the market: none was created or lost.
			assert_eq!(total_hash(), hash_before + minted);
		});
	}
}
