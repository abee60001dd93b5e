//! Unit tests: every call and error path, the credit-time rules, vouchers of every scheme and
//! every refusal, operator rewards and the per-block cleanup. `try_state` runs after each test.

use crate::{mock::*, *};
use diem_primitives::{
	diem, hash,
	voucher::{PayloadWrapping, Voucher, VoucherPayload},
	Balance,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold, Mutate},
};
use polkadot_sdk::{
	sp_core::{ecdsa, Pair, H256},
	sp_runtime::DispatchError,
};

const UNIT: Balance = diem::UNIT;

fn signed(who: &diem_primitives::AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.clone())
}

fn redeem(vouchers: Vec<Voucher>) -> frame_support::dispatch::DispatchResultWithPostInfo {
	Credits::redeem(signed(&redeem_key()), vouchers)
}

fn allowance(who: &diem_primitives::AccountId) -> Balance {
	Credits::credit_state(who).map(|state| state.allowance).unwrap_or_default()
}

fn remaining(who: &diem_primitives::AccountId) -> Balance {
	Credits::credit_state(who).map(|state| state.remaining).unwrap_or_default()
}

fn refusals() -> Vec<Refusal> {
	credit_events()
		.into_iter()
		.filter_map(|event| match event {
			Event::VoucherRefused { reason, .. } => Some(reason),
			_ => None,
		})
		.collect()
}

fn partials() -> Vec<(Balance, Balance, Limit)> {
	credit_events()
		.into_iter()
		.filter_map(|event| match event {
			Event::VoucherPartlyPaid { asked, paid, limit, .. } => Some((asked, paid, limit)),
			_ => None,
		})
		.collect()
}

/// Alice stakes `amount` at the start of the current epoch; it counts fully from the next one,
/// which this moves to.
fn alice_staked_for_a_full_epoch(amount: Balance) {
	assert_ok!(Credits::stake(signed(&alice()), amount));
	goto_epoch(current_epoch() + 1, 0);
	assert_eq!(allowance(&alice()), amount);
}

// ---- the clock ----

#[test]
fn the_clock_starts_at_the_first_timestamp_and_counts_from_the_unix_epoch() {
	ExtBuilder.build_and_execute(|| {
		let clock = Credits::epoch_clock().unwrap();
		assert_eq!(clock.current, EpochInfo { index: FIRST_EPOCH, start: START, length: EPOCH });
		assert_eq!(clock.next_start, START + EPOCH);
		advance(EPOCH - 1);
		assert_eq!(current_epoch(), FIRST_EPOCH);
		advance(1);
		assert_eq!(current_epoch(), FIRST_EPOCH + 1);
		assert!(credit_events().contains(&Event::EpochStarted {
			index: FIRST_EPOCH + 1,
			start: START + EPOCH,
			length: EPOCH
		}));
	});
}

#[test]
fn a_long_gap_skips_epoch_numbers_in_one_step_without_going_back() {
	ExtBuilder.build_and_execute(|| {
		advance(5 * EPOCH + 123);
		let clock = Credits::epoch_clock().unwrap();
		assert_eq!(clock.current.index, FIRST_EPOCH + 5);
		assert_eq!(clock.current.start, START + 5 * EPOCH);
	});
}

#[test]
fn a_new_epoch_length_applies_from_the_next_boundary_only() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			Credits::set_epoch_length(signed(&alice()), 2 * EPOCH),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Credits::set_epoch_length(RuntimeOrigin::root(), 1),
			Error::<Test>::InvalidEpochLength
		);
		advance(EPOCH / 2);
		assert_ok!(Credits::set_epoch_length(RuntimeOrigin::root(), 2 * EPOCH));
		let clock = Credits::epoch_clock().unwrap();
		assert_eq!((clock.current.length, clock.next_length), (EPOCH, 2 * EPOCH));
		goto_epoch(FIRST_EPOCH + 1, 0);
		let clock = Credits::epoch_clock().unwrap();
		assert_eq!(
			clock.current,
			EpochInfo { index: FIRST_EPOCH + 1, start: START + EPOCH, length: 2 * EPOCH }
		);
		// A gap of three new-length epochs: numbers continue from the boundary, not from 1970.
		advance(3 * 2 * EPOCH);
		assert_eq!(current_epoch(), FIRST_EPOCH + 4);
	});
}

// ---- credit staking ----

#[test]
fn a_stake_counts_pro_rata_in_its_epoch_and_fully_from_the_next() {
	ExtBuilder.build_and_execute(|| {
		advance(EPOCH / 4);
		assert_ok!(Credits::stake(signed(&alice()), 4 * UNIT));
		assert_eq!(allowance(&alice()), 3 * UNIT);
		assert_eq!(
			DiemBalances::balance_on_hold(&HoldReason::CreditStake.into(), &alice()),
			4 * UNIT
		);
		assert_eq!(
			credit_events().last(),
			Some(&Event::Staked { who: alice(), amount: 4 * UNIT, counts_now: 3 * UNIT })
		);
		// Adding later in the same epoch adds its own pro-rata part.
		advance(EPOCH / 4);
		assert_ok!(Credits::stake(signed(&alice()), 2 * UNIT));
		assert_eq!(allowance(&alice()), 4 * UNIT);
		goto_epoch(FIRST_EPOCH + 1, 0);
		assert_eq!(allowance(&alice()), 6 * UNIT);
		assert_eq!(TotalCreditStaked::<Test>::get(), 6 * UNIT);
	});
}

#[test]
fn stake_refuses_zero_too_little_and_more_than_free() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(Credits::stake(signed(&alice()), 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			Credits::stake(signed(&alice()), MIN_STAKE - 1),
			Error::<Test>::BelowMinimumStake
		);
		assert_noop!(
			Credits::stake(signed(&alice()), INITIAL_DIEM),
			Error::<Test>::InsufficientBalance
		);
		// An account with no DIEM.
		assert_noop!(Credits::stake(signed(&operator()), UNIT), Error::<Test>::InsufficientBalance);
		// Once above the minimum, smaller additions are fine.
		assert_ok!(Credits::stake(signed(&alice()), MIN_STAKE));
		assert_ok!(Credits::stake(signed(&alice()), 1));
	});
}

#[test]
fn an_unstake_counts_to_the_end_of_its_epoch_and_releases_after_a_whole_epoch() {
	ExtBuilder.build_and_execute(|| {
		alice_staked_for_a_full_epoch(10 * UNIT);
		let epoch_start = now();
		// Early in the epoch: released at the next boundary plus what is left of a whole epoch.
		advance(EPOCH / 6);
		assert_ok!(Credits::unstake(signed(&alice()), 4 * UNIT));
		let release_at = epoch_start + EPOCH / 6 + EPOCH;
		assert_eq!(
			credit_events().last(),
			Some(&Event::Unstaked { who: alice(), amount: 4 * UNIT, release_at })
		);
		// Still counts this epoch, not the next.
		assert_eq!(allowance(&alice()), 10 * UNIT);
		assert_noop!(Credits::withdraw(signed(&alice())), Error::<Test>::NothingToWithdraw);
		goto_epoch(current_epoch() + 1, 0);
		assert_eq!(allowance(&alice()), 6 * UNIT);
		// At the boundary the chunk is not due yet: a day of credits costs a day of lock.
		assert_noop!(Credits::withdraw(signed(&alice())), Error::<Test>::NothingToWithdraw);
		next_block_at(release_at);
		let free_before = DiemBalances::balance(&alice());
		assert_ok!(Credits::withdraw(signed(&alice())));
		assert_eq!(DiemBalances::balance(&alice()), free_before + 4 * UNIT);
		assert_eq!(TotalUnlocking::<Test>::get(), 0);
	});
}

#[test]
fn unstake_refuses_bad_amounts_and_bounds_its_chunks() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(Credits::unstake(signed(&alice()), UNIT), Error::<Test>::NotStaked);
		assert_ok!(Credits::stake(signed(&alice()), 10 * UNIT));
		assert_noop!(Credits::unstake(signed(&alice()), 0), Error::<Test>::ZeroAmount);
		assert_noop!(
			Credits::unstake(signed(&alice()), 11 * UNIT),
			Error::<Test>::InsufficientStake
		);
		assert_noop!(
			Credits::unstake(signed(&alice()), 10 * UNIT - MIN_STAKE + 1),
			Error::<Test>::BelowMinimumStake
		);
		for _ in 0..3 {
			assert_ok!(Credits::unstake(signed(&alice()), UNIT));
		}
		assert_noop!(
			Credits::unstake(signed(&alice()), UNIT),
			Error::<Test>::TooManyUnlockingChunks
		);
	});
}

#[test]
fn a_fully_withdrawn_stake_leaves_no_record_once_its_allowances_are_past() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(Credits::stake(signed(&alice()), UNIT));
		assert_ok!(Credits::unstake(signed(&alice()), UNIT));
		goto_epoch(current_epoch() + 1, 0);
		// Released; the record stays while the previous epoch's allowance is redeemable.
		assert_ok!(Credits::withdraw(signed(&alice())));
		assert!(CreditStakes::<Test>::contains_key(alice()));
		assert_eq!(DiemBalances::balance(&alice()), INITIAL_DIEM);
		goto_epoch(current_epoch() + 2, 0);
		// Nothing left to release, but the record goes.
		assert_ok!(Credits::withdraw(signed(&alice())));
		assert!(!CreditStakes::<Test>::contains_key(alice()));
		assert_noop!(Credits::withdraw(signed(&alice())), Error::<Test>::NotStaked);
	});
}

/// Stake at 23:59, spend it, unstake, withdraw, transfer, restake: the DIEM never earns more
/// than the time it was locked pays for, and never for two accounts in one epoch.
#[test]
fn moving_diem_between_accounts_never_earns_more_than_its_lock_time() {
	ExtBuilder.build_and_execute(|| {
		approved_operator(1_000 * UNIT);
		let amount = 60 * UNIT;
		let e = current_epoch();
		// One second before the boundary.
		advance(EPOCH - 1_000);
		let locked_from = now();
		assert_ok!(Credits::stake(signed(&alice()), amount));
		assert_eq!(allowance(&alice()), UNIT); // 60 DIEM × 1 s / 60 s
		assert_ok!(redeem(vec![voucher(&sr("Alice"), None, e, UNIT)]));
		assert_eq!(remaining(&alice()), 0);
		assert_ok!(Credits::unstake(signed(&alice()), amount));
		// Released a whole epoch later, inside epoch e + 1.
		next_block_at(locked_from + EPOCH);
		assert_eq!(current_epoch(), e + 1);
		assert_eq!(allowance(&alice()), 0, "unstaked DIEM does not count in the next epoch");
		assert_ok!(Credits::withdraw(signed(&alice())));
		assert_ok!(DiemBalances::transfer(
			&alice(),
			&bob(),
			amount,
			frame_support::traits::tokens::Preservation::Preserve
		));
		assert_ok!(Credits::stake(signed(&bob()), amount));
		let bob_allowance = allowance(&bob());
		// Bob's stake counts for the 1 s left of epoch e + 1.
		assert_eq!(bob_allowance, UNIT);
		// Over epochs e and e + 1 the DIEM was locked for EPOCH + 1 s and earned 2 s of credit;
		// in e + 1 only Bob's account counts it.
		let locked_ms = now() - locked_from + 1_000;
		let earned = UNIT + bob_allowance;
		assert!(earned <= amount * Balance::from(locked_ms) / Balance::from(EPOCH));
		let counted_in_e1 = allowance(&alice()) + allowance(&bob());
		assert!(counted_in_e1 <= amount);
	});
}

// ---- spenders ----

#[test]
fn a_spender_spends_within_its_cap_and_the_payers_allowance() {
	ExtBuilder.build_and_execute(|| {
		approved_operator(1_000 * UNIT);
		alice_staked_for_a_full_epoch(10 * UNIT);
		let e = current_epoch();
		let hash_before = Balances::free_balance(alice());
		assert_ok!(Credits::add_spender(signed(&alice()), ed_acc("App"), 3 * UNIT));
		assert_eq!(Balances::free_balance(alice()), hash_before - SPENDER_DEPOSIT);
		// Asks 5, the cap allows 3.
		assert_ok!(redeem(vec![voucher(&ed("App"), Some(alice()), e, 5 * UNIT)]));
		assert_eq!(partials(), vec![(5 * UNIT, 3 * UNIT, Refusal::SpenderCapReached)]);
		assert_eq!(remaining(&alice()), 7 * UNIT);
		// Nothing more for the spender this epoch; the payer itself still spends.
		assert_ok!(redeem(vec![
			voucher(&ed("App"), Some(alice()), e, 6 * UNIT),
			voucher(&sr("Alice"), None, e, 2 * UNIT),
		]));
		assert_eq!(refusals(), vec![Refusal::SpenderCapReached]);
		assert_eq!(remaining(&alice()), 5 * UNIT);
		let state = Credits::credit_state(&alice()).unwrap();
		assert_eq!(state.spenders.len(), 1);
		assert_eq!(state.spenders[0].used, 3 * UNIT);
		let before_boundary = (state.allowance, state.used, state.remaining);

		// After the boundary the state shows the new epoch, and the previous one (still
		// redeemable) as it was.
		goto_epoch(e + 1, 0);
		let state = Credits::credit_state(&alice()).unwrap();
		assert_eq!((state.epoch, state.used), (e + 1, 0));
		let previous = state.previous.unwrap();
		assert_eq!(previous.epoch, e);
		assert_eq!((previous.allowance, previous.used, previous.remaining), before_boundary);
	});
}

#[test]
fn spender_calls_refuse_bad_input() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			Credits::add_spender(signed(&alice()), alice(), UNIT),
			Error::<Test>::SelfSpender
		);
		assert_noop!(
			Credits::remove_spender(signed(&alice()), bob()),
			Error::<Test>::UnknownSpender
		);
		for name in ["A", "B", "C"] {
			assert_ok!(Credits::add_spender(signed(&alice()), acc(name), UNIT));
		}
		assert_noop!(
			Credits::add_spender(signed(&alice()), acc("D"), UNIT),
			Error::<Test>::TooManySpenders
		);
		// Changing a cap takes no new deposit.
		assert_ok!(Credits::add_spender(signed(&alice()), acc("A"), 2 * UNIT));
		assert_eq!(
			Balances::balance_on_hold(&HoldReason::SpenderDeposit.into(), &alice()),
			3 * SPENDER_DEPOSIT
		);
		assert_ok!(Credits::remove_spender(signed(&alice()), acc("A")));
		assert_noop!(
			Credits::remove_spender(signed(&alice()), acc("A")),
			Error::<Test>::SpenderAlreadyRemoved
		);
		// A poor staker cannot pay the deposit.
		let poor = acc("Poor");
		assert_noop!(
			Credits::add_spender(signed(&poor), acc("A"), UNIT),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn a_removed_spender_keeps_earlier_epochs_and_what_was_redeemed() {
	ExtBuilder.build_and_execute(|| {
		approved_operator(1_000 * UNIT);
		assert_ok!(Credits::add_spender(signed(&alice()), acc("App"), 10 * UNIT));
		alice_staked_for_a_full_epoch(10 * UNIT);
		let e = current_epoch();
		let app = sr("App");
		assert_ok!(redeem(vec![voucher(&app, Some(alice()), e, UNIT)]));
		goto_epoch(e + 1, 0);
		assert_ok!(redeem(vec![voucher(&app, Some(alice()), e + 1, UNIT)]));
		assert_ok!(Credits::remove_spender(signed(&alice()), acc("App")));
		System::reset_events();
		assert_ok!(redeem(vec![
			// Earlier epoch: still valid.
			voucher(&app, Some(alice()), e, 2 * UNIT),
			// The removal epoch: nothing beyond the 1 already redeemed.
			voucher(&app, Some(alice()), e + 1, 2 * UNIT),
		]));
		assert_eq!(refusals(), vec![Refusal::SpenderCapReached]);
		assert_eq!(Usage::<Test>::get(e, alice()).used, 2 * UNIT);
		assert_eq!(Usage::<Test>::get(e + 1, alice()).used, UNIT);
		// Once the removal epoch is over, removing it again drops the entry and returns its
		// deposit.
		goto_epoch(e + 2, 0);
		assert_ok!(Credits::remove_spender(signed(&alice()), acc("App")));
		assert!(!Spenders::<Test>::contains_key(alice()));
		assert_eq!(Balances::balance_on_hold(&HoldReason::SpenderDeposit.into(), &alice()), 0);
		assert!(credit_events().contains(&Event::SpenderDepositReleased {
			staker: alice(),
			spender: acc("App"),
			deposit: SPENDER_DEPOSIT
		}));
		assert_noop!(
			Credits::remove_spender(signed(&alice()), acc("App")),
			Error::<Test>::UnknownSpender
		);
	});
}

// ---- operators ----

#[test]
fn registration_holds_a_bond_and_refuses_bad_input() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(Credits::register_operator(signed(&operator()), b"op".to_vec(), redeem_key()));
		assert_eq!(Balances::balance_on_hold(&HoldReason::OperatorBond.into(), &operator()), BOND);
		assert_noop!(
			Credits::register_operator(signed(&operator()), vec![], acc("X")),
			Error::<Test>::AlreadyRegistered
		);
		assert_noop!(
			Credits::register_operator(signed(&operator2()), vec![], redeem_key()),
			Error::<Test>::RedeemKeyInUse
		);
		assert_noop!(
			Credits::register_operator(signed(&operator2()), vec![0; 33], redeem_key2()),
			Error::<Test>::MetadataTooLong
		);
		// An operator account cannot be a redeem key, nor a redeem key an operator.
		assert_noop!(
			Credits::register_operator(signed(&operator2()), vec![], operator()),
			Error::<Test>::RedeemKeyInUse
		);
		Balances::mint_into(&redeem_key(), 2 * BOND).unwrap();
		assert_noop!(
			Credits::register_operator(signed(&redeem_key()), vec![], redeem_key2()),
			Error::<Test>::RedeemKeyInUse
		);
		assert_noop!(
			Credits::register_operator(signed(&acc("Poor")), vec![], redeem_key2()),
			Error::<Test>::InsufficientBalance
		);
		assert_noop!(
			Credits::approve_operator(signed(&alice()), operator(), UNIT),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Credits::approve_operator(RuntimeOrigin::root(), alice(), UNIT),
			Error::<Test>::NotAnOperator
		);
		// Pending operators cannot redeem.
		assert_noop!(
			redeem(vec![voucher(&sr("Alice"), None, current_epoch(), 1)]),
			Error::<Test>::NotApprovedOperator
		);
	});
}

#[test]
fn a_leaving_operator_gets_its_bond_back_once_its_last_epoch_is_claimable() {
	ExtBuilder.build_and_execute(|| {
		approved_operator(UNIT);
		assert_noop!(Credits::release_bond(signed(&operator())), Error::<Test>::NotLeaving);
		let e = current_epoch();
		assert_ok!(Credits::unregister_operator(signed(&operator())));
		assert!(credit_events().contains(&Event::OperatorLeaving {
			operator: operator(),
			bond_release_epoch: e + 2 + DISPUTE
		}));
		assert_noop!(
			Credits::unregister_operator(signed(&operator())),
			Error::<Test>::OperatorLeaving
		);
		assert_noop!(
			Credits::approve_operator(RuntimeOrigin::root(), operator(), UNIT),
			Error::<Test>::OperatorLeaving
		);
		assert_noop!(
			redeem(vec![voucher(&sr("Alice"), None, e, 1)]),
			Error::<Test>::NotApprovedOperator
		);
		goto_epoch(e + 1 + DISPUTE, 0);
		assert_noop!(Credits::release_bond(signed(&operator())), Error::<Test>::BondStillLocked);
		goto_epoch(e + 2 + DISPUTE, 0);
		let before = Balances::free_balance(operator());
		assert_ok!(Credits::release_bond(signed(&operator())));
		assert_eq!(Balances::free_balance(operator()), before + BOND);
		assert!(Operators::<Test>::get(operator()).is_none());
		// Its redeem key is free for others.
		assert_ok!(Credits::register_operator(signed(&operator2()), vec![], redeem_key()));
	});
}

/// The redeem key is a hot key apart from the bond account, in registration as in rotation.
#[test]
fn the_operator_account_is_never_its_own_redeem_key() {
	ExtBuilder.build_and_execute(|| {
		assert_noop!(
			Credits::register_operator(signed(&operator()), vec![], operator()),
			Error::<Test>::RedeemKeyIsOperatorAccount
		);
		assert!(!RedeemKeys::<Test>::contains_key(operator()));
		assert_ok!(Credits::register_operator(signed(&operator()), vec![], redeem_key()));
		assert_noop!(
			Credits::set_redeem_key(signed(&operator()), operator()),
			Error::<Test>::RedeemKeyIsOperatorAccount
		);
		assert_eq!(RedeemKeys::<Test>::get(redeem_key()), Some(operator()));
	});
}

#[test]
fn a_new_redeem_key_replaces_the_old_one() {
	ExtBuilder.build_and_execute(|| {
		approved_operator(100 * UNIT);
		alice_staked_for_a_full_epoch(UNIT);
		assert_noop!(
			Credits::set_redeem_key(signed(&alice()), acc("K")),
			Error::<Test>::NotAnOperator
		);
		assert_noop!(
			Credits::set_redeem_key(signed(&operator()), redeem_key()),
			Error::<Test>::RedeemKeyInUse
		);
		assert_ok!(Credits::set_redeem_key(signed(&operator()), acc("NewHot")));
		let v = voucher(&sr("Alice"), None, current_epoch(), 1);
		assert_noop!(redeem(vec![v.clone()]), Error::<Test>::NotApprovedOperator);
		assert_ok!(Credits::redeem(signed(&acc("NewHot")), vec![v]));
		assert_eq!(Usage::<Test>::get(current_epoch(), alice()).used, 1);
	});
}

#[test]
fn slashing_moves_bond_into_the_pool_of_the_current_epoch() {
	ExtBuilder.build_and_execute(|| {
		approved_operator(UNIT);
		assert_noop!(
			Credits::slash_operator(signed(&alice()), operator(), 1),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Credits::slash_operator(RuntimeOrigin::root(), operator(), 0),
			Error::<Test>::ZeroAmount
		);
		let pool_before = Balances::free_balance(PoolAccount::get());
		assert_ok!(Credits::slash_operator(RuntimeOrigin::root(), operator(), 300 * hash::UNIT));
		// More than the bond takes what is left.
		assert_ok!(Credits::slash_operator(RuntimeOrigin::root(), operator(), 10 * BOND));
		assert_eq!(Balances::free_balance(PoolAccount::get()), pool_before + BOND);
		assert_eq!(Operators::<Test>::get(operator()).unwrap().bond, 0);
		assert_eq!(Rewards::<Test>::get(current_epoch()).slashed, BOND);
		assert_noop!(
			Credits::slash_operator(RuntimeOrigin::root(), operator(), 1),
			Error::<Test>::ZeroAmount
		);
	});
}

// ---- redemption ----

#[test]
fn vouchers_of_every_scheme_and_wrapping_are_paid_and_usage_matches() {
	ExtBuilder.build_and_execute(|| {
		approved_operator(1_000 * UNIT);
		// Payers: Alice (sr25519), an ed25519 and an ecdsa account, each with 10 DIEM staked.
		let ed_payer = ed("Dave");
		let ec_payer = ecdsa::Pair::from_string("//Eve", None).unwrap();
		let ec_account: diem_primitives::AccountId = {
			use polkadot_sdk::sp_runtime::{traits::IdentifyAccount, MultiSigner};
			MultiSigner::from(ec_payer.public()).into_account()
		};
		for who in [ed_acc("Dave"), ec_account.clone()] {
			DiemBalances::mint_into(&who, 20 * UNIT).unwrap();
		}
		for who in [alice(), ed_acc("Dave"), ec_account.clone()] {
			assert_ok!(Credits::stake(signed(&who), 10 * UNIT));
		}
		goto_epoch(current_epoch() + 1, 0);
		let e = current_epoch();
		let bytes = Voucher::sign(
			&sr("Alice"),
			None,
			genesis(),
			e,
			&operator(),
			UNIT,
			PayloadWrapping::Bytes,
		);
		let batch = vec![
			voucher(&sr("Alice"), None, e, 2 * UNIT),
			voucher(&ed_payer, None, e, 3 * UNIT),
			voucher(&ec_payer, None, e, 4 * UNIT),
		];
		let info = frame_support::dispatch::GetDispatchInfo::get_dispatch_info(
			&RuntimeCall::Credits(Call::redeem { vouchers: batch.clone() }),
		);
		let result = redeem(batch).unwrap();
		// Every voucher was checked: nothing refunded.
		assert_eq!(result.actual_weight, Some(info.call_weight));
		assert_eq!(remaining(&alice()), 8 * UNIT);
		assert_eq!(remaining(&ed_acc("Dave")), 7 * UNIT);
		assert_eq!(remaining(&ec_account), 6 * UNIT);
		// A newer voucher pays the difference; a `<Bytes>`-wrapped one for another signer
		// counter (same signer, same operator) is the same counter.
		assert_ok!(redeem(vec![voucher(&sr("Alice"), None, e, 5 * UNIT)]));
		assert_eq!(remaining(&alice()), 5 * UNIT);
		assert_ok!(redeem(vec![bytes]));
		assert_eq!(refusals(), vec![Refusal::NotIncreasing]);
		assert_eq!(OperatorEpochs::<Test>::get(e, operator()).unwrap().redeemed, 12 * UNIT);
		assert_eq!(Rewards::<Test>::get(e).credits, 12 * UNIT);
		assert!(credit_events().contains(&Event::BatchRedeemed {
			operator: operator(),
			vouchers: 3,
			paid_vouchers: 3,
			credits: 9 * UNIT
		}));
	});
}

/// `MultiSignature::Eth` vouchers are not a supported scheme: refused before the signature
/// check, charged as the cheapest scheme, and nothing is paid, however valid the signature.
#[test]
fn an_eth_keccak_signed_voucher_is_refused_as_an_unsupported_scheme() {
	use polkadot_sdk::sp_runtime::{traits::IdentifyAccount, MultiSignature, MultiSigner};
	ExtBuilder.build_and_execute(|| {
		approved_operator(1_000 * UNIT);
		let pair = ecdsa::KeccakPair::from_string("//Eth", None).unwrap();
		let payer: diem_primitives::AccountId = MultiSigner::Eth(pair.public()).into_account();
		DiemBalances::mint_into(&payer, 20 * UNIT).unwrap();
		assert_ok!(Credits::stake(signed(&payer), 10 * UNIT));
		goto_epoch(current_epoch() + 1, 0);
		let e = current_epoch();
		let payload =
			VoucherPayload::new(genesis(), e, operator(), payer.clone(), payer.clone(), UNIT);
		let voucher = Voucher {
			epoch: e,
			payer: payer.clone(),
			signer: payer.clone(),
			cumulative: UNIT,
			wrapping: PayloadWrapping::Raw,
			signature: MultiSignature::Eth(pair.sign(&payload.signing_bytes(PayloadWrapping::Raw))),
		};
		assert!(voucher.verify(genesis(), &operator()), "a valid signature, still refused");
		let charged = frame_support::dispatch::GetDispatchInfo::get_dispatch_info(
			&RuntimeCall::Credits(Call::redeem { vouchers: vec![voucher.clone()] }),
		)
		.call_weight;
		assert_eq!(charged, Credits::scheme_weight_for_test(0, 1, 0));
		let _ = redeem(vec![voucher]);
		assert_eq!(remaining(&payer), 10 * UNIT);
		assert_eq!(Usage::<Test>::get(e, &payer).used, 0);
		assert_eq!(refusals(), vec![Refusal::UnsupportedScheme]);
	});
}

#[test]
fn one_batch_may_hold_vouchers_of_the_previous_and_the_current_epoch() {
	ExtBuilder.build_and_execute(|| {
		approved_operator(1_000 * UNIT);
		alice_staked_for_a_full_epoch(10 * UNIT);
		let e = current_epoch();
		goto_epoch(e + 1, 0);
		assert_ok!(redeem(vec![
			voucher(&sr("Alice"), None, e, 2 * UNIT),
			voucher(&sr("Alice"), None, e + 1, 3 * UNIT),
		]));
		assert_eq!(OperatorEpochs::<Test>::get(e, operator()).unwrap().redeemed, 2 * UNIT);
		assert_eq!(OperatorEpochs::<Test>::get(e + 1, operator()).unwrap().redeemed, 3 * UNIT);
		assert_eq!(Rewards::<Test>::get(e).credits, 2 * UNIT);
		assert_eq!(Rewards::<Test>::get(e + 1).credits, 3 * UNIT);
		assert_eq!(remaining(&alice()), 7 * UNIT);
	});
}

#[test]
fn lowering_a_cap_or_a_capacity_keeps_what_was_redeemed_under_the_old_one() {
	ExtBuilder.build_and_execute(|| {
		approved_operator(5 * UNIT);
		assert_ok!(Credits::add_spender(signed(&alice()), acc("App"), 4 * UNIT));
		alice_staked_for_a_full_epoch(10 * UNIT);
		let e = current_epoch();
		assert_ok!(redeem(vec![voucher(&sr("App"), Some(alice()), e, 4 * UNIT)]));
		// Both bounds fall below what was redeemed this epoch: nothing more is paid, and the
		// invariants (checked after the test) accept the earlier redemptions.
		assert_ok!(Credits::add_spender(signed(&alice()), acc("App"), UNIT));
		assert_ok!(Credits::approve_operator(RuntimeOrigin::root(), operator(), 2 * UNIT));
		System::reset_events();
		assert_ok!(redeem(vec![
			voucher(&sr("App"), Some(alice()), e, 5 * UNIT),
			voucher(&sr("Alice"), None, e, UNIT),
		]));
		assert_eq!(refusals(), vec![Refusal::SpenderCapReached, Refusal::CapacityReached]);
	});
}

#[test]
fn every_bad_voucher_is_refused_with_its_reason_and_pays_nothing() {
	ExtBuilder.build_and_execute(|| {
		approved_operator(1_000 * UNIT);
		alice_staked_for_a_full_epoch(10 * UNIT);
		let e = current_epoch();
		let alice_key = sr("Alice");
		let good = voucher(&alice_key, None, e, UNIT);
		let tampered = Voucher { cumulative: 9 * UNIT, ..good.clone() };
		let other_chain = Voucher::sign(
			&alice_key,
			None,
			H256::repeat_byte(7),
			e,
			&operator(),
			UNIT,
			PayloadWrapping::Raw,
		);
		let other_operator =
			Voucher::sign(&alice_key, None, genesis(), e, &operator2(), UNIT, PayloadWrapping::Raw);
		// Claims Bob signed, but Alice's key did.
		let wrong_signer = Voucher { signer: bob(), ..good.clone() };
		let future = voucher(&alice_key, None, e + 1, UNIT);
		let stale = voucher(&alice_key, None, e - 2, UNIT);
		let self_paid = Voucher::sign(
			&sr("Operator"),
			None,
			genesis(),
			e,
			&operator(),
			UNIT,
			PayloadWrapping::Raw,
		);
		let unknown_spender = voucher(&sr("Stranger"), Some(alice()), e, UNIT);
		// The operator (or its redeem key) signing for someone else's allowance.
		let operator_signs = voucher(&sr("Operator"), Some(alice()), e, UNIT);
		let key_signs = voucher(&sr("OperatorHot"), Some(alice()), e, UNIT);
		assert_ok!(redeem(vec![
			tampered,
			other_chain,
			other_operator,
			wrong_signer,
			future,
			stale,
			self_paid,
			unknown_spender,
			operator_signs,
			key_signs,
		]));
		assert_eq!(
			refusals(),
			vec![
				Refusal::BadSignature,
				Refusal::BadSignature,
				Refusal::BadSignature,
				Refusal::BadSignature,
				Refusal::EpochNotStarted,
				Refusal::EpochClosed,
				Refusal::SelfDealing,
				Refusal::UnknownSpender,
				Refusal::SelfDealing,
				Refusal::SelfDealing,
			]
		);
		assert_eq!(remaining(&alice()), 10 * UNIT);
		assert!(!Usage::<Test>::contains_key(e, alice()));
		// The good one is paid once; its replay pays nothing.
		System::reset_events();
		assert_ok!(redeem(vec![good.clone(), good]));
		assert_eq!(refusals(), vec![Refusal::NotIncreasing]);
		assert_eq!(remaining(&alice()), 9 * UNIT);
	});
}

#[test]
fn vouchers_refused_before_their_signature_check_are_refunded() {
	ExtBuilder.build_and_execute(|| {
		approved_operator(1_000 * UNIT);
		let e = current_epoch();
		let batch =
			vec![voucher(&sr("Alice"), None, e + 5, UNIT), voucher(&sr("Bob"), None, e + 5, UNIT)];
		let charged = frame_support::dispatch::GetDispatchInfo::get_dispatch_info(
			&RuntimeCall::Credits(Call::redeem { vouchers: batch.clone() }),
		)
		.call_weight;
		let actual = redeem(batch).unwrap().actual_weight.unwrap();
		assert_eq!(actual, Credits::scheme_weight_for_test(0, 2, 0).min(charged));
		assert_eq!(charged, Credits::scheme_weight_for_test(2, 0, 0));
		assert!(
			actual.ref_time() < charged.ref_time(),
			"the signature checks not made are refunded"
		);
	});
}

#[test]
fn payment_is_bounded_by_allowance_and_capacity_and_reported() {
	ExtBuilder.build_and_execute(|| {
		approved_operator(5 * UNIT);
		alice_staked_for_a_full_epoch(3 * UNIT);
		assert_ok!(Credits::stake(signed(&bob()), 10 * UNIT));
		assert_ok!(Credits::stake(signed(&charlie()), 10 * UNIT));
		goto_epoch(current_epoch() + 1, 0);
		let e = current_epoch();
		System::reset_events();
		assert_ok!(redeem(vec![
			// Over Alice's allowance: partly paid.
			voucher(&sr("Alice"), None, e, 4 * UNIT),
			// Over the operator's remaining capacity (5 - 3 = 2): partly paid.
			voucher(&sr("Bob"), None, e, 4 * UNIT),
			// Capacity used up: refused.
			voucher(&sr("Charlie"), None, e, UNIT),
		]));
		assert_eq!(
			partials(),
			vec![
				(4 * UNIT, 3 * UNIT, Refusal::AllowanceExhausted),
				(4 * UNIT, 2 * UNIT, Refusal::CapacityReached),
			]
		);
		assert_eq!(refusals(), vec![Refusal::CapacityReached]);
		assert_eq!(remaining(&alice()), 0);
		assert_eq!(remaining(&bob()), 8 * UNIT);
		// A later voucher of Alice's (she has nothing left) is refused for her allowance.
		Credits::approve_operator(RuntimeOrigin::root(), operator(), 100 * UNIT).unwrap();
		System::reset_events();
		assert_ok!(redeem(vec![voucher(&sr("Alice"), None, e, 5 * UNIT)]));
		assert_eq!(refusals(), vec![Refusal::AllowanceExhausted]);
	});
}

#[test]
fn a_voucher_is_redeemable_until_the_end_of_the_next_epoch() {
	ExtBuilder.build_and_execute(|| {
		approved_operator(1_000 * UNIT);
		alice_staked_for_a_full_epoch(10 * UNIT);
		let e = current_epoch();
		let v1 = voucher(&sr("Alice"), None, e, UNIT);
		let v2 = voucher(&sr("Alice"), None, e, 2 * UNIT);
		let v3 = voucher(&sr("Alice"), None, e, 3 * UNIT);
		// Exactly at the boundary the epoch is e + 1: e is still redeemable.
		goto_epoch(e + 1, 0);
		assert_ok!(redeem(vec![v1]));
		// The last millisecond of e + 1.
		advance(EPOCH - 1);
		assert_eq!(current_epoch(), e + 1);
		assert_ok!(redeem(vec![v2]));
		assert_eq!(Usage::<Test>::get(e, alice()).used, 2 * UNIT);
		advance(1);
		System::reset_events();
		assert_ok!(redeem(vec![v3]));
		assert_eq!(refusals(), vec![Refusal::EpochClosed]);
		// Unstaking after spending does not take back the epoch's allowance.
		assert_eq!(Usage::<Test>::get(e, alice()).used, 2 * UNIT);
	});
}

#[test]
fn batches_are_bounded_and_counters_too() {
	ExtBuilder.build_and_execute(|| {
		approved_operator(1_000 * UNIT);
		alice_staked_for_a_full_epoch(10 * UNIT);
		let e = current_epoch();
		assert_noop!(redeem(vec![]), Error::<Test>::EmptyBatch);
		let v = voucher(&sr("Alice"), None, e, UNIT);
		assert_noop!(redeem(vec![v; MAX_BATCH as usize + 1]), Error::<Test>::BatchTooLarge);
		// MAX_COUNTERS signers fill Alice's record; one more is refused.
		let names = ["S1", "S2", "S3", "S4"];
		for name in names.iter().take(MAX_SPENDERS as usize) {
			assert_ok!(Credits::add_spender(signed(&alice()), acc(name), UNIT));
		}
		let mut batch: Vec<_> = names
			.iter()
			.take(MAX_SPENDERS as usize)
			.map(|name| voucher(&sr(name), Some(alice()), e, 1))
			.collect();
		batch.push(voucher(&sr("Alice"), None, e, 1));
		assert_ok!(redeem(batch));
		assert_eq!(Usage::<Test>::get(e, alice()).counters.len(), MAX_COUNTERS as usize);
		// A second operator's counter has no room left.
		Credits::register_operator(signed(&operator2()), vec![], redeem_key2()).unwrap();
		Credits::approve_operator(RuntimeOrigin::root(), operator2(), UNIT).unwrap();
		System::reset_events();
		let for_op2 =
			Voucher::sign(&sr("Alice"), None, genesis(), e, &operator2(), 1, PayloadWrapping::Raw);
		assert_ok!(Credits::redeem(signed(&redeem_key2()), vec![for_op2]));
		assert_eq!(refusals(), vec![Refusal::TooManyCounters]);
	});
}

#[test]
fn the_runtime_api_gives_the_bytes_a_voucher_signs() {
	ExtBuilder.build_and_execute(|| {
		let terms = diem_primitives::voucher::VoucherTerms {
			epoch: 7,
			operator: operator(),
			payer: alice(),
			signer: bob(),
			cumulative: 42,
		};
		let bytes = Credits::voucher_signing_bytes(terms, PayloadWrapping::Bytes);
		let payload = VoucherPayload::new(genesis(), 7, operator(), alice(), bob(), 42);
		assert_eq!(bytes, payload.signing_bytes(PayloadWrapping::Bytes));
	});
}

// ---- rewards ----

/// Two operators redeem in epoch `e` while the pool accrues; returns `e`.
fn two_operators_redeem(pool: Balance, credits_1: Balance, credits_2: Balance) -> u32 {
	approved_operator(1_000 * UNIT);
	Credits::register_operator(signed(&operator2()), vec![], redeem_key2()).unwrap();
	Credits::approve_operator(RuntimeOrigin::root(), operator2(), 1_000 * UNIT).unwrap();
	assert_ok!(Credits::stake(signed(&alice()), 100 * UNIT));
	goto_epoch(current_epoch() + 1, 0);
	let e = current_epoch();
	accrue(pool);
	if credits_1 > 0 {
		assert_ok!(redeem(vec![voucher(&sr("Alice"), None, e, credits_1)]));
	}
	if credits_2 > 0 {
		let v = Voucher::sign(
			&sr("Alice"),
			None,
			genesis(),
			e,
			&operator2(),
			credits_2,
			PayloadWrapping::Raw,
		);
		assert_ok!(Credits::redeem(signed(&redeem_key2()), vec![v]));
	}
	e
}

#[test]
fn operators_share_the_pool_per_credit_once_claims_open() {
	ExtBuilder.build_and_execute(|| {
		// 30 HASH for 30 credits: 1 HASH per credit, under the 2 HASH cap.
		let e = two_operators_redeem(30 * hash::UNIT, 10 * UNIT, 20 * UNIT);
		assert_noop!(
			Credits::claim_operator_rewards(signed(&operator()), e),
			Error::<Test>::ClaimsNotOpen
		);
		goto_epoch(e + 1 + DISPUTE, 0);
		idle_blocks(1);
		assert_noop!(
			Credits::claim_operator_rewards(signed(&operator()), e),
			Error::<Test>::ClaimsNotOpen
		);
		goto_epoch(e + 2 + DISPUTE, 0);
		idle_blocks(DISPUTE + 3);
		assert!(Rewards::<Test>::get(e).settlement.is_some());
		let state = Credits::operator_state(&operator2()).unwrap();
		assert_eq!(state.epochs[0].claimable, 20 * hash::UNIT);
		let (before_1, before_2) =
			(Balances::free_balance(operator()), Balances::free_balance(operator2()));
		assert_ok!(Credits::claim_operator_rewards(signed(&operator()), e));
		assert_ok!(Credits::claim_operator_rewards(signed(&operator2()), e));
		assert_eq!(Balances::free_balance(operator()), before_1 + 10 * hash::UNIT);
		assert_eq!(Balances::free_balance(operator2()), before_2 + 20 * hash::UNIT);
		assert_noop!(
			Credits::claim_operator_rewards(signed(&operator()), e),
			Error::<Test>::NothingRedeemed
		);
		assert_eq!(TotalRewardsPaid::<Test>::get(), 30 * hash::UNIT);
	});
}

#[test]
fn the_cap_per_credit_carries_the_rest_to_the_next_epoch_settled() {
	ExtBuilder.build_and_execute(|| {
		// 100 HASH for 10 credits: the cap pays 20, 80 carry on.
		let e = two_operators_redeem(100 * hash::UNIT, 10 * UNIT, 0);
		// The next epoch: no new income, 50 credits by operator 2; the carried 80 pay 80
		// (1.6 per credit, under the cap).
		goto_epoch(e + 1, 0);
		let v = Voucher::sign(
			&sr("Alice"),
			None,
			genesis(),
			e + 1,
			&operator2(),
			50 * UNIT,
			PayloadWrapping::Raw,
		);
		assert_ok!(Credits::redeem(signed(&redeem_key2()), vec![v]));
		goto_epoch(e + 3 + DISPUTE, 0);
		idle_blocks(DISPUTE + 4);
		assert_eq!(Rewards::<Test>::get(e).settlement.unwrap().payable, 20 * hash::UNIT);
		assert_eq!(Rewards::<Test>::get(e + 1).settlement.unwrap().payable, 80 * hash::UNIT);
		assert_eq!(CarriedPool::<Test>::get(), 0);
		assert_ok!(Credits::claim_operator_rewards(signed(&operator()), e));
		assert_ok!(Credits::claim_operator_rewards(signed(&operator2()), e + 1));
		assert_eq!(TotalRewardsPaid::<Test>::get(), 100 * hash::UNIT);
	});
}

#[test]
fn a_voided_epoch_earns_nothing_and_an_empty_epoch_carries_its_pool() {
	ExtBuilder.build_and_execute(|| {
		let e = two_operators_redeem(30 * hash::UNIT, 10 * UNIT, 20 * UNIT);
		assert_noop!(
			Credits::void_operator_epoch(signed(&alice()), operator(), e),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Credits::void_operator_epoch(RuntimeOrigin::root(), operator(), e + 1),
			Error::<Test>::NotDisputable
		);
		assert_noop!(
			Credits::void_operator_epoch(RuntimeOrigin::root(), alice(), e),
			Error::<Test>::NothingRedeemed
		);
		assert_ok!(Credits::void_operator_epoch(RuntimeOrigin::root(), operator(), e));
		assert_noop!(
			Credits::void_operator_epoch(RuntimeOrigin::root(), operator(), e),
			Error::<Test>::AlreadyVoided
		);
		// An empty epoch with income: all of it carries.
		goto_epoch(e + 1, 0);
		accrue(7 * hash::UNIT);
		goto_epoch(e + 2 + DISPUTE, 0);
		assert_noop!(
			Credits::void_operator_epoch(RuntimeOrigin::root(), operator2(), e),
			Error::<Test>::NotDisputable
		);
		idle_blocks(DISPUTE + 3);
		goto_epoch(e + 3 + DISPUTE, 0);
		idle_blocks(DISPUTE + 3);
		// Operator 2 earns for its 20 eligible credits: min(30, 20 × 2) = 30.
		let settlement = Rewards::<Test>::get(e).settlement.unwrap();
		assert_eq!((settlement.eligible, settlement.payable), (20 * UNIT, 30 * hash::UNIT));
		assert_noop!(
			Credits::claim_operator_rewards(signed(&operator()), e),
			Error::<Test>::EpochVoided
		);
		assert_ok!(Credits::claim_operator_rewards(signed(&operator2()), e));
		assert_eq!(CarriedPool::<Test>::get(), 7 * hash::UNIT);
	});
}

#[test]
fn unclaimed_rewards_expire_into_a_later_pool_and_records_are_pruned() {
	ExtBuilder.build_and_execute(|| {
		let e = two_operators_redeem(30 * hash::UNIT, 10 * UNIT, 20 * UNIT);
		// Several payers, so pruning takes more than one block's budget.
		for who in [bob(), charlie()] {
			assert_ok!(Credits::stake(signed(&who), UNIT));
		}
		goto_epoch(e + 2 + DISPUTE + CLAIM, 0);
		idle_blocks(10);
		assert_noop!(
			Credits::claim_operator_rewards(signed(&operator()), e),
			Error::<Test>::ClaimsClosed
		);
		assert!(
			credit_events().contains(&Event::EpochExpired { epoch: e, unclaimed: 30 * hash::UNIT })
		);
		assert!(CarriedPool::<Test>::get() >= 30 * hash::UNIT);
		assert!(!Rewards::<Test>::contains_key(e));
		assert_eq!(Usage::<Test>::iter_prefix(e).count(), 0);
		assert_eq!(OperatorEpochs::<Test>::iter_prefix(e).count(), 0);
		assert!(NextToPrune::<Test>::get() > e);
	});
}

#[test]
fn usage_records_are_pruned_within_the_budget_once_their_window_closes() {
	let mut ext = ExtBuilder.build();
	let e = ext.execute_with(|| {
		approved_operator(1_000 * UNIT);
		let payers = ["P1", "P2", "P3", "P4", "P5"];
		for name in payers {
			DiemBalances::mint_into(&acc(name), 2 * UNIT).unwrap();
			assert_ok!(Credits::stake(signed(&acc(name)), UNIT));
		}
		goto_epoch(current_epoch() + 1, 0);
		let e = current_epoch();
		let batch = payers.iter().map(|name| voucher(&sr(name), None, e, 1)).collect();
		assert_ok!(redeem(batch));
		// Still redeemable in e + 1: nothing goes.
		goto_epoch(e + 1, 0);
		idle_blocks(3);
		assert_eq!(Usage::<Test>::iter_prefix(e).count(), 5);
		goto_epoch(e + 2, 0);
		e
	});
	// `clear_prefix` limits what it removes from the database, as on chain, where each block's
	// removals are committed before the next block: commit after every block here too.
	let records = || Usage::<Test>::iter_prefix(e).count();
	ext.commit_all().unwrap();
	let mut blocks = 0;
	loop {
		let done = ext.execute_with(|| {
			let before = records();
			idle_blocks(1);
			assert!(before - records() <= PRUNE_BUDGET as usize);
			NextUsageToPrune::<Test>::get() > e
		});
		ext.commit_all().unwrap();
		blocks += 1;
		assert!(blocks < 20, "pruning makes progress");
		if done {
			break;
		}
	}
	assert!(blocks >= 3, "5 records at 2 per block take at least 3 blocks");
	ext.execute_with(|| {
		assert_eq!(records(), 0);
		// The operator's record stays for its claim.
		assert!(OperatorEpochs::<Test>::contains_key(e, operator()));
		Credits::do_try_state().unwrap();
	});
}

#[test]
fn credit_and_operator_state_views_report_the_chain() {
	ExtBuilder.build_and_execute(|| {
		assert!(Credits::credit_state(&alice()).is_none());
		approved_operator(50 * UNIT);
		assert_ok!(Credits::add_spender(signed(&alice()), acc("App"), UNIT));
		alice_staked_for_a_full_epoch(10 * UNIT);
		let e = current_epoch();
		assert_ok!(redeem(vec![voucher(&sr("App"), Some(alice()), e, UNIT)]));
		assert_ok!(Credits::unstake(signed(&alice()), 2 * UNIT));
		let state = Credits::credit_state(&alice()).unwrap();
		assert_eq!(state.epoch, e);
		assert_eq!((state.staked, state.allowance, state.used), (8 * UNIT, 10 * UNIT, UNIT));
		assert_eq!(state.remaining, 9 * UNIT);
		assert_eq!(state.unlocking.len(), 1);
		assert_eq!(state.spenders[0].used, UNIT);
		let op = Credits::operator_state(&operator()).unwrap();
		assert_eq!(
			op.status,
			OperatorStatus::Approved { capacity_per_epoch: 50 * UNIT, since: FIRST_EPOCH }
		);
		assert_eq!(op.bond, BOND);
		assert_eq!(op.epochs.len(), 1);
		assert_eq!((op.epochs[0].epoch, op.epochs[0].redeemed), (e, UNIT));
		assert_eq!(op.epochs[0].claimable, 0);
	});
}

#[test]
fn no_epoch_before_the_first_timestamp() {
	let mut ext = ExtBuilder.build();
	ext.execute_with(|| {
		CurrentEpoch::<Test>::kill();
		assert_noop!(Credits::stake(signed(&alice()), UNIT), Error::<Test>::NoEpoch);
		assert!(Credits::epoch_clock().is_none());
	});
}

#[test]
fn holds_use_the_fungible_traits_so_held_diem_cannot_move() {
	ExtBuilder.build_and_execute(|| {
		assert_ok!(Credits::stake(signed(&alice()), INITIAL_DIEM - UNIT));
		assert!(DiemBalances::transfer(
			&alice(),
			&bob(),
			2 * UNIT,
			frame_support::traits::tokens::Preservation::Expendable
		)
		.is_err());
		assert_eq!(DiemBalances::balance(&alice()), UNIT);
	});
}
