//! The market against the real inference credits: leased credits are redeemed once (at two
//! operators, across a change of epoch length), a lease taken mid-epoch counts pro rata, a
//! staker cannot list what it already spent, and committed stake cannot be unstaked. Every
//! test ends with all of the runtime's invariants (`preset_test`), among them the market's
//! (Σ lent = Σ borrowed, commitments within the own allowance) and the credits pallet's (no
//! payer used more than its allowance, leases counted).

use super::{preset_test, start_block_one};
use crate::{InferenceCredits, Market, Runtime, RuntimeEvent, RuntimeOrigin, System};
use diem_primitives::{
	diem, hash,
	market::CREDIT,
	voucher::{PayloadWrapping, Voucher},
	AccountId,
};
use pallet_market::PayIn;
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		traits::{fungible::Inspect as _, OnTimestampSet},
	},
	pallet_timestamp,
	sp_genesis_builder::DEV_RUNTIME_PRESET,
	sp_keyring::Sr25519Keyring,
};

fn signed(who: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.to_account_id())
}

fn id(who: Sr25519Keyring) -> AccountId {
	who.to_account_id()
}

/// Sets chain time as a block's timestamp does (the credits clock follows).
fn at(now: u64) {
	pallet_timestamp::Now::<Runtime>::put(now);
	InferenceCredits::on_timestamp_set(now);
}

fn clock() -> pallet_inference_credits::EpochClock {
	InferenceCredits::epoch_clock().expect("the clock started")
}

/// Moves to the start of the next epoch.
fn next_epoch() -> u32 {
	at(clock().next_start);
	clock().current.index
}

/// `operator` registered with `key` and approved for 1,000 credits an epoch.
fn approved(operator: Sr25519Keyring, key: Sr25519Keyring) {
	assert_ok!(InferenceCredits::register_operator(signed(operator), b"op".to_vec(), id(key)));
	assert_ok!(InferenceCredits::approve_operator(
		RuntimeOrigin::root(),
		id(operator),
		1_000 * CREDIT
	));
}

/// Redeems `payer`'s voucher of `cumulative` credits for `operator`, by its `key`; what it paid.
fn redeem(
	payer: Sr25519Keyring,
	operator: Sr25519Keyring,
	key: Sr25519Keyring,
	cumulative: u128,
) -> u128 {
	let epoch = clock().current.index;
	let voucher = Voucher::sign(
		&payer.pair(),
		None,
		System::block_hash(0),
		epoch,
		&id(operator),
		cumulative,
		PayloadWrapping::Raw,
	);
	let before = InferenceCredits::credit_state(&id(payer)).map(|s| s.used).unwrap_or_default();
	assert_ok!(InferenceCredits::redeem(signed(key), vec![voucher]));
	InferenceCredits::credit_state(&id(payer)).map(|s| s.used).unwrap_or_default() - before
}

fn allowance(who: Sr25519Keyring) -> u128 {
	InferenceCredits::credit_state(&id(who)).map(|state| state.allowance).unwrap_or_default()
}

fn last_lease() -> pallet_market::LeaseOf<Runtime> {
	let id = pallet_market::NextLeaseId::<Runtime>::get() - 1;
	pallet_market::Leases::<Runtime>::get(id).expect("the last id is a lease")
}

#[test]
fn leased_credits_are_redeemed_once_at_two_operators_across_an_epoch_length_change() {
	use Sr25519Keyring::{Alice, Bob, Charlie, Dave, Eve, Ferdie};
	preset_test(DEV_RUNTIME_PRESET, || {
		start_block_one();
		approved(Bob, Charlie);
		approved(Dave, Eve);
		assert_ok!(InferenceCredits::stake(signed(Alice), 10 * diem::UNIT));
		let e = next_epoch();
		assert_eq!(allowance(Alice), 10 * CREDIT);
		// Epochs after this one last two minutes instead of one.
		let length = clock().current.length;
		assert_ok!(InferenceCredits::set_epoch_length(RuntimeOrigin::root(), 2 * length));
		assert_ok!(Market::list_lease(
			signed(Alice),
			4 * CREDIT,
			e,
			e + 2,
			hash::UNIT,
			PayIn::Hash
		));
		let listing = pallet_market::NextLeaseId::<Runtime>::get() - 1;
		let paid_before = crate::Balances::free_balance(id(Alice));
		// Taken at the epoch's first millisecond: the whole epoch counts.
		assert_ok!(Market::take_lease(signed(Ferdie), listing, 4 * CREDIT, id(Ferdie), hash::UNIT));
		assert_eq!(last_lease().first_credits, 4 * CREDIT);
		assert_eq!(crate::Balances::free_balance(id(Alice)), paid_before + 12 * hash::UNIT);
		assert_eq!((allowance(Alice), allowance(Ferdie)), (6 * CREDIT, 4 * CREDIT));

		// Ferdie spends 3 credits at Bob and asks 3 at Dave: Dave is paid the 1 left. Alice asks
		// for all 10 at Bob and is paid her 6.
		assert_eq!(redeem(Ferdie, Bob, Charlie, 3 * CREDIT), 3 * CREDIT);
		assert_eq!(redeem(Ferdie, Dave, Eve, 3 * CREDIT), CREDIT);
		assert_eq!(redeem(Alice, Bob, Charlie, 10 * CREDIT), 6 * CREDIT);
		assert_eq!(redeem(Ferdie, Dave, Eve, 5 * CREDIT), 0, "nothing is redeemable twice");

		// The next epochs are two minutes long; the lease covers them by index all the same.
		let e1 = next_epoch();
		assert_eq!((e1, clock().current.length), (e + 1, 2 * length));
		assert_eq!((allowance(Alice), allowance(Ferdie)), (6 * CREDIT, 4 * CREDIT));
		assert_eq!(redeem(Ferdie, Dave, Eve, 4 * CREDIT), 4 * CREDIT);
		// Committed stake stays: Alice may unstake only what is not leased in a later epoch.
		assert_noop!(
			InferenceCredits::unstake(signed(Alice), 10 * diem::UNIT),
			pallet_inference_credits::Error::<Runtime>::StakeCommitted
		);
		assert_ok!(InferenceCredits::unstake(signed(Alice), 6 * diem::UNIT));
		at(clock().current.start + length + 1);
		assert_eq!(clock().current.index, e1, "still the long epoch after one old length");
		let e2 = next_epoch();
		assert_eq!(e2, e + 2);
		assert_eq!((allowance(Alice), allowance(Ferdie)), (0, 4 * CREDIT));
		// The last epoch of the lease: nothing later is committed, the rest may go.
		assert_ok!(InferenceCredits::unstake(signed(Alice), 4 * diem::UNIT));
		assert!(System::events().iter().any(|record| matches!(
			record.event,
			RuntimeEvent::Market(pallet_market::Event::LeaseTaken { .. })
		)));
	});
}

#[test]
fn a_lease_taken_mid_epoch_counts_pro_rata_and_spent_credits_cannot_be_listed() {
	use Sr25519Keyring::{Alice, Bob, Charlie, Ferdie};
	preset_test(DEV_RUNTIME_PRESET, || {
		start_block_one();
		approved(Bob, Charlie);
		assert_ok!(InferenceCredits::stake(signed(Alice), 10 * diem::UNIT));
		// Ferdie pays in DIEM: Alice sends him some.
		assert_ok!(crate::Assets::transfer(
			signed(Alice),
			diem::ASSET_ID.into(),
			id(Ferdie).into(),
			10 * diem::UNIT
		));
		let e = next_epoch();
		assert_eq!(redeem(Alice, Bob, Charlie, 8 * CREDIT), 8 * CREDIT);
		assert_noop!(
			Market::list_lease(signed(Alice), 3 * CREDIT, e, e, hash::UNIT, PayIn::Diem),
			pallet_market::Error::<Runtime>::InsufficientAllowance
		);
		assert_ok!(Market::list_lease(
			signed(Alice),
			2 * CREDIT,
			e,
			e + 1,
			hash::UNIT,
			PayIn::Diem
		));
		let listing = pallet_market::NextLeaseId::<Runtime>::get() - 1;
		// Half the epoch is left: half of this epoch's 2 credits, all of the next epoch's.
		let half = clock().current.start + clock().current.length / 2;
		at(half);
		let diem_before = crate::configs::assets::DiemToken::balance(&id(Alice));
		assert_ok!(Market::take_lease(signed(Ferdie), listing, 2 * CREDIT, id(Ferdie), hash::UNIT));
		let lease = last_lease();
		assert_eq!((lease.first_credits, lease.paid), (CREDIT, 3 * diem::UNIT));
		assert_eq!(
			crate::configs::assets::DiemToken::balance(&id(Alice)),
			diem_before + 3 * diem::UNIT
		);
		// Alice keeps the other half of this epoch's listed credits, Ferdie spends his.
		assert_eq!((allowance(Alice), allowance(Ferdie)), (9 * CREDIT, CREDIT));
		assert_eq!(redeem(Alice, Bob, Charlie, 10 * CREDIT), CREDIT);
		assert_eq!(redeem(Ferdie, Bob, Charlie, 2 * CREDIT), CREDIT);
	});
}
