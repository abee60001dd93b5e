//! The set changes only through the admin origin, never breaks its bounds, needs session keys,
//! and reaches the session pallet once per change.

// Test code: a failed expectation should panic with its message.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use pallet_session::SessionManager as _;
use polkadot_sdk::{
	frame_support::{self, traits::Get as _},
	sp_runtime::{BuildStorage, DispatchError},
};

fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

fn set() -> Vec<u64> {
	Validators::<Test>::get().into_inner()
}

fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.rev()
		.find_map(|record| match record.event {
			RuntimeEvent::ValidatorSet(event) => Some(event),
			_ => None,
		})
		.expect("a validator-set event")
}

#[test]
fn genesis_set_goes_to_the_session_pallet_and_nothing_else_until_it_changes() {
	new_test_ext().execute_with(|| {
		assert_eq!(set(), vec![1, 2, 3, 4]);
		assert_eq!(ValidatorSet::new_session_genesis(0), Some(vec![1, 2, 3, 4]));
		assert_eq!(ValidatorSet::new_session(1), None);
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn an_added_validator_is_planned_for_the_next_session_once() {
	new_test_ext().execute_with(|| {
		register_keys(5);
		assert_ok!(ValidatorSet::add_validator(root(), 5));
		assert_eq!(last_event(), Event::ValidatorAdded { who: 5 });
		assert_eq!(ValidatorSet::new_session(2), Some(vec![1, 2, 3, 4, 5]));
		assert_eq!(last_event(), Event::NewSetPlanned { session: 2, validators: 5 });
		// Handed over once; the next rotation keeps it.
		assert_eq!(ValidatorSet::new_session(3), None);
		// The historical variant identifies each validator by itself.
		assert_ok!(ValidatorSet::remove_validator(root(), 1));
		assert_eq!(
			<ValidatorSet as pallet_session::historical::SessionManager<u64, u64>>::new_session(4),
			Some(vec![(2, 2), (3, 3), (4, 4), (5, 5)])
		);
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn adding_needs_keys_a_free_place_and_a_newcomer() {
	new_test_ext().execute_with(|| {
		assert_noop!(ValidatorSet::add_validator(root(), 9), Error::<Test>::NoSessionKeys);
		assert_noop!(ValidatorSet::add_validator(root(), 2), Error::<Test>::AlreadyValidator);
		for who in [5, 6] {
			register_keys(who);
			assert_ok!(ValidatorSet::add_validator(root(), who));
		}
		register_keys(7);
		assert_noop!(ValidatorSet::add_validator(root(), 7), Error::<Test>::TooManyValidators);
		assert_eq!(set().len(), MAX as usize);
	});
}

#[test]
fn removal_never_goes_below_the_minimum() {
	new_test_ext().execute_with(|| {
		assert_noop!(ValidatorSet::remove_validator(root(), 9), Error::<Test>::NotValidator);
		assert_ok!(ValidatorSet::remove_validator(root(), 4));
		assert_eq!(last_event(), Event::ValidatorRemoved { who: 4 });
		assert_eq!(set().len(), MIN as usize);
		assert_noop!(ValidatorSet::remove_validator(root(), 1), Error::<Test>::TooFewValidators);
		assert_eq!(ValidatorSet::new_session(2), Some(vec![1, 2, 3]));
		assert_ok!(ValidatorSet::do_try_state());
	});
}

#[test]
fn only_the_admin_origin_changes_the_set() {
	new_test_ext().execute_with(|| {
		register_keys(5);
		assert_noop!(
			ValidatorSet::add_validator(RuntimeOrigin::signed(5), 5),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ValidatorSet::remove_validator(RuntimeOrigin::signed(1), 1),
			DispatchError::BadOrigin
		);
		assert_eq!(ValidatorSet::new_session(2), None);
	});
}

#[test]
fn the_session_length_is_the_default_until_the_admin_sets_one_and_never_zero() {
	new_test_ext().execute_with(|| {
		assert_eq!(SessionLengthOf::<Test>::get(), DEFAULT_SESSION_LENGTH);
		assert_noop!(
			ValidatorSet::set_session_length(RuntimeOrigin::signed(1), 5),
			DispatchError::BadOrigin
		);
		assert_noop!(ValidatorSet::set_session_length(root(), 0), Error::<Test>::ZeroSessionLength);
		assert_ok!(ValidatorSet::set_session_length(root(), 5));
		assert_eq!(SessionLengthOf::<Test>::get(), 5);
		assert_eq!(last_event(), Event::SessionLengthSet { blocks: 5 });
		assert_ok!(ValidatorSet::do_try_state());
		// A zero written around the call (a storage migration, `set_storage`) still rotates
		// once per block at most, and try_state reports it.
		SessionLength::<Test>::put(0);
		assert_eq!(SessionLengthOf::<Test>::get(), 1);
		assert!(ValidatorSet::do_try_state().is_err());
	});
}

#[test]
fn a_genesis_session_length_is_stored_and_zero_is_refused() {
	let build = |session_length| {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		GenesisConfig::<Test> { validators: vec![1, 2, 3], session_length, minimum_set_size: None }
			.assimilate_storage(&mut storage)
			.map(|()| storage)
	};
	let storage = build(Some(7)).unwrap();
	polkadot_sdk::sp_io::TestExternalities::new(storage)
		.execute_with(|| assert_eq!(SessionLengthOf::<Test>::get(), 7));
	assert!(std::panic::catch_unwind(|| build(Some(0))).is_err());
}

#[test]
fn the_minimum_set_size_is_per_chain_never_below_the_floor_nor_above_the_set() {
	new_test_ext().execute_with(|| {
		// The mock's floor is MIN (3) and the set has four members.
		assert_eq!(MinimumSetSize::<Test>::get(), MIN);
		assert_noop!(
			ValidatorSet::set_minimum_set_size(RuntimeOrigin::signed(1), 4),
			DispatchError::BadOrigin
		);
		assert_noop!(
			ValidatorSet::set_minimum_set_size(root(), MIN - 1),
			Error::<Test>::BadMinimumSetSize
		);
		assert_noop!(
			ValidatorSet::set_minimum_set_size(root(), 5),
			Error::<Test>::BadMinimumSetSize
		);
		assert_ok!(ValidatorSet::set_minimum_set_size(root(), 4));
		assert_eq!(last_event(), Event::MinimumSetSizeSet { size: 4 });
		// Now no member may leave.
		assert_noop!(ValidatorSet::remove_validator(root(), 4), Error::<Test>::TooFewValidators);
		assert_ok!(ValidatorSet::do_try_state());
	});
	// A genesis minimum below the floor does not start a chain.
	let below = std::panic::catch_unwind(|| {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		GenesisConfig::<Test> {
			validators: vec![1, 2, 3],
			session_length: None,
			minimum_set_size: Some(MIN - 1),
		}
		.assimilate_storage(&mut storage)
	});
	assert!(below.is_err());
}

/// A validator cannot drop its keys to leave: not while governance keeps it in the target set,
/// nor while it validates in the current or queued session. Once out of both, it purges them.
#[test]
fn keys_are_purged_only_by_accounts_that_no_longer_validate() {
	new_test_ext().execute_with(|| {
		let signed = |who| RuntimeOrigin::signed(who);
		assert_noop!(ValidatorSet::purge_keys(signed(1)), Error::<Test>::StillValidating);
		register_keys(5);
		assert_ok!(ValidatorSet::add_validator(root(), 5));
		assert_ok!(ValidatorSet::remove_validator(root(), 1));
		// Out of the target set, but still in the session that has not rotated yet.
		assert_noop!(ValidatorSet::purge_keys(signed(1)), Error::<Test>::StillValidating);
		assert!(MockSessionKeys::has_keys(&1));
		set_session_validators(&[2, 3, 4, 5]);
		assert_ok!(ValidatorSet::purge_keys(signed(1)));
		assert!(!MockSessionKeys::has_keys(&1));
		assert_eq!(last_event(), Event::KeysPurged { who: 1 });
		// Nothing left to purge: the session pallet's refusal comes through.
		assert!(ValidatorSet::purge_keys(signed(1)).is_err());
		assert_ok!(ValidatorSet::do_try_state());
	});
}
