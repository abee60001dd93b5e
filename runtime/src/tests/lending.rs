//! The lending market in the runtime, against the real DEX: the dev preset opens it, DIEM
//! collateral is a `pallet-assets-holder` hold, a swap that moves the pool for one block moves
//! neither borrowing power nor liquidations, and a sustained fall lets a liquidator take DIEM
//! collateral. Every test ends with all of the runtime's invariants (`preset_test`), among them
//! every DIEM hold against the records of the pallet that placed it.

use super::preset_test;
use crate::{
	configs::{
		assets::{DiemKind, DiemToken, HashKind},
		lending::market_params,
	},
	AssetConversion, Lending, Runtime, RuntimeOrigin, System,
};
use alloc::boxed::Box;
use diem_primitives::{diem, hash};
use pallet_lending::{Error, Loans};
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		traits::{
			fungible::{Inspect as _, InspectHold as _, Mutate as _},
			tokens::Preservation,
			Hooks,
		},
	},
	sp_genesis_builder::DEV_RUNTIME_PRESET,
	sp_keyring::Sr25519Keyring,
	sp_runtime::FixedU128,
};

const UNIT: u128 = hash::UNIT;

fn who(keyring: Sr25519Keyring) -> crate::AccountId {
	keyring.to_account_id()
}

fn signed(keyring: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(who(keyring))
}

/// Runs blocks up to `n`, each one's initialization reading the pool.
fn run_to(n: u32) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Lending::on_initialize(next);
	}
}

/// Sells `diem` DIEM of Alice's into the HASH/DIEM pool.
fn sell_diem(diem: u128) {
	let path = vec![Box::new(DiemKind::get()), Box::new(HashKind::get())];
	assert_ok!(AssetConversion::swap_exact_tokens_for_tokens(
		signed(Sr25519Keyring::Alice),
		path,
		diem,
		1,
		who(Sr25519Keyring::Alice),
		true,
	));
}

/// Buys `diem` DIEM for Alice out of the pool.
fn buy_diem(diem: u128) {
	let path = vec![Box::new(HashKind::get()), Box::new(DiemKind::get())];
	assert_ok!(AssetConversion::swap_tokens_for_exact_tokens(
		signed(Sr25519Keyring::Alice),
		path,
		diem,
		u128::MAX,
		who(Sr25519Keyring::Alice),
		true,
	));
}

fn now() -> u32 {
	System::block_number()
}

/// Alice lends 5,000 HASH; Bob borrows 800 HASH against 20 DIEM (worth 1,800 HASH at the
/// genesis pool's 90: his limit is 900) once the oracle's window is spanned. He receives 21 DIEM:
/// a hold leaves an asset account its minimum balance.
fn lend_and_borrow() {
	run_to(30);
	assert_eq!(
		Lending::twap(market_params(true).oracle_window, now()).ok(),
		Some(FixedU128::from_u32(90))
	);
	assert_ok!(Lending::supply(signed(Sr25519Keyring::Alice), 5_000 * UNIT));
	assert_ok!(DiemToken::transfer(
		&who(Sr25519Keyring::Alice),
		&who(Sr25519Keyring::Bob),
		21 * diem::UNIT,
		Preservation::Preserve
	));
	assert_ok!(Lending::deposit_collateral(signed(Sr25519Keyring::Bob), 20 * diem::UNIT));
	assert_noop!(
		Lending::borrow(signed(Sr25519Keyring::Bob), 900 * UNIT + 1),
		Error::<Runtime>::BorrowLimitExceeded
	);
	assert_ok!(Lending::borrow(signed(Sr25519Keyring::Bob), 800 * UNIT));
}

#[test]
fn the_parameters_of_every_preset_are_within_the_bounds() {
	for fast in [false, true] {
		assert_eq!(
			pallet_lending::Pallet::<Runtime>::validate_params(&market_params(fast)),
			Ok(())
		);
	}
}

#[test]
fn the_dev_preset_opens_the_market_with_its_fast_parameters() {
	preset_test(DEV_RUNTIME_PRESET, || {
		assert_eq!(pallet_lending::Params::<Runtime>::get(), Some(market_params(true)));
		let market = Lending::account_id();
		assert_eq!(crate::Balances::balance(&market), hash::EXISTENTIAL_DEPOSIT);
		let view = Lending::market_view().expect("an open market");
		assert_eq!(view.supplied, 0);
		assert_eq!(view.oracle.borrowing_paused.as_deref(), Some("NoPrice"));
	});
}

#[test]
fn collateral_is_a_diem_hold_and_a_loan_pays_out_hash() {
	preset_test(DEV_RUNTIME_PRESET, || {
		let bob = who(Sr25519Keyring::Bob);
		let hash_before = crate::Balances::balance(&bob);
		lend_and_borrow();
		assert_eq!(crate::Balances::balance(&bob), hash_before + 800 * UNIT);
		let reason = crate::RuntimeHoldReason::Lending(pallet_lending::HoldReason::Collateral);
		assert_eq!(
			crate::configs::assets::DiemHolds::balance_on_hold(&reason, &bob),
			20 * diem::UNIT
		);
		// Held DIEM cannot be sent away: only the one free DIEM could go.
		let eve = who(Sr25519Keyring::Eve);
		assert!(DiemToken::transfer(&bob, &eve, 2 * diem::UNIT, Preservation::Expendable).is_err());
		assert_ok!(Lending::repay(signed(Sr25519Keyring::Bob), u128::MAX));
		assert_ok!(Lending::withdraw_collateral(signed(Sr25519Keyring::Bob), 20 * diem::UNIT));
		assert_eq!(Loans::<Runtime>::get(&bob), None);
		assert_eq!(DiemToken::balance(&bob), 21 * diem::UNIT);
	});
}

#[test]
fn a_swap_that_moves_the_pool_for_one_block_moves_neither_borrowing_nor_liquidations() {
	preset_test(DEV_RUNTIME_PRESET, || {
		lend_and_borrow();
		let window = market_params(true).oracle_window;
		// Alice doubles the pool's DIEM: spot falls to about a quarter.
		sell_diem(250 * diem::UNIT);
		assert_noop!(
			Lending::borrow(signed(Sr25519Keyring::Bob), UNIT),
			Error::<Runtime>::PriceDeviation
		);
		assert_noop!(
			Lending::liquidate(
				signed(Sr25519Keyring::Charlie),
				who(Sr25519Keyring::Bob),
				u128::MAX
			),
			Error::<Runtime>::LoanHealthy
		);
		// The next block reads the low price; then she buys the DIEM back.
		run_to(now() + 1);
		buy_diem(250 * diem::UNIT);
		run_to(now() + 1);
		let twap = Lending::twap(window, now()).unwrap();
		// One block at a quarter of 90 in a window of 20: the TWAP loses about 4%.
		assert!(twap > FixedU128::from_u32(85), "{twap:?}");
		assert_noop!(
			Lending::liquidate(
				signed(Sr25519Keyring::Charlie),
				who(Sr25519Keyring::Bob),
				u128::MAX
			),
			Error::<Runtime>::LoanHealthy
		);
	});
}

#[test]
fn a_sustained_fall_lets_a_liquidator_take_diem_collateral() {
	preset_test(DEV_RUNTIME_PRESET, || {
		lend_and_borrow();
		// Alice sells 80 DIEM: spot falls to about 52 and stays.
		sell_diem(80 * diem::UNIT);
		run_to(now() + 30);
		let (bob, charlie) = (who(Sr25519Keyring::Bob), who(Sr25519Keyring::Charlie));
		let health = Lending::position_view(&bob).health_factor.unwrap();
		assert!(health < FixedU128::from_u32(1), "{health:?}");
		let charlie_diem = DiemToken::balance(&charlie);
		let debt = Lending::position_view(&bob).debt;
		assert_ok!(Lending::liquidate(signed(Sr25519Keyring::Charlie), bob.clone(), u128::MAX));
		let seized = DiemToken::balance(&charlie) - charlie_diem;
		assert!(seized > 0);
		let loan = Loans::<Runtime>::get(&bob).unwrap();
		assert_eq!(loan.collateral, 20 * diem::UNIT - seized);
		// Half the debt went.
		assert!(Lending::position_view(&bob).debt <= debt / 2 + 1);
	});
}
