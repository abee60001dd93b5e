//! Test runtime: System and the validator set. Accounts are `u64`; which of them have session
//! keys is a thread-local set the tests fill.

use crate::{self as pallet_validator_set, *};
use frame_support::{
	derive_impl,
	traits::{ConstU32, ConstU64},
};
use polkadot_sdk::{sp_io, sp_runtime::BuildStorage};
use std::{cell::RefCell, collections::BTreeSet};

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type ValidatorSet = pallet_validator_set;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

thread_local! {
	static WITH_KEYS: RefCell<BTreeSet<u64>> = RefCell::new((1..=4).collect());
	static IN_SESSION: RefCell<BTreeSet<u64>> = RefCell::new((1..=4).collect());
}

/// Makes the current and queued sessions' validators exactly `set`.
pub fn set_session_validators(set: &[u64]) {
	IN_SESSION.with(|session| *session.borrow_mut() = set.iter().copied().collect());
}

/// Gives `who` session keys.
pub fn register_keys(who: u64) {
	WITH_KEYS.with(|keys| keys.borrow_mut().insert(who));
}

pub struct MockSessionKeys;
impl SessionKeys<u64> for MockSessionKeys {
	fn has_keys(who: &u64) -> bool {
		WITH_KEYS.with(|keys| keys.borrow().contains(who))
	}
	fn in_session(who: &u64) -> bool {
		IN_SESSION.with(|session| session.borrow().contains(who))
	}
	fn purge(who: &u64) -> polkadot_sdk::sp_runtime::DispatchResult {
		let removed = WITH_KEYS.with(|keys| keys.borrow_mut().remove(who));
		frame_support::ensure!(removed, "no keys to purge");
		Ok(())
	}
	fn purge_weight() -> frame_support::weights::Weight {
		frame_support::weights::Weight::from_parts(1_000, 0)
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn register_keys(who: &u64) {
		register_keys(*who);
	}
}

pub const MIN: u32 = 3;
pub const MAX: u32 = 6;
pub const DEFAULT_SESSION_LENGTH: u64 = 10;

impl Config for Test {
	type AdminOrigin = frame_system::EnsureRoot<u64>;
	type SessionKeys = MockSessionKeys;
	type MinValidators = ConstU32<MIN>;
	type MaxValidators = ConstU32<MAX>;
	type DefaultSessionLength = ConstU64<DEFAULT_SESSION_LENGTH>;
	type WeightInfo = ();
}

/// Validators 1..=4 at genesis (all with keys).
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage =
		frame_system::GenesisConfig::<Test>::default().build_storage().unwrap_or_default();
	pallet_validator_set::GenesisConfig::<Test> {
		validators: vec![1, 2, 3, 4],
		session_length: None,
		minimum_set_size: None,
	}
	.assimilate_storage(&mut storage)
	.unwrap_or_default();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}
