//! Validators: `pallet_validator_set` (governance decides who), `pallet_session` (applies it at
//! session boundaries, holds each validator's Aura and GRANDPA keys), its `historical` part
//! (proves who held a key in a past session, for GRANDPA equivocation reports), `Offences`
//! (records those reports) and `Authorship` (the block author, who gets credit for a report).

use super::MaxAuthorities;
use crate::{
	AccountId, Balances, BlockNumber, Historical, Runtime, RuntimeEvent, SessionKeys, ValidatorSet,
};
use alloc::vec::Vec;
use diem_primitives::{hash::UNIT, time::HOURS};
use polkadot_sdk::{
	frame_support::{parameter_types, traits::ConstU32},
	pallet_authorship, pallet_offences, pallet_session,
	pallet_session::historical as session_historical,
	sp_runtime::traits::ConvertInto,
	sp_staking::SessionIndex,
};

parameter_types! {
	/// HASH held while an account has session keys registered: they take storage until purged.
	pub const SessionKeyDeposit: crate::Balance = 10 * UNIT;
}

/// Sessions whose validator sets (historical roots) and GRANDPA set ids are kept: equivocations
/// older than this cannot be proven. With the production one-hour session, one week.
pub const SESSION_HISTORY_DEPTH: SessionIndex = 168;

/// Blocks per session when a chain's genesis sets none: one hour. The session pallet charges a
/// rotation block a whole block's weight, so sessions are long on production chains; test
/// chains set a short `validatorSet.sessionLength` in their chain spec.
pub const DEFAULT_SESSION_LENGTH: BlockNumber = HOURS;

impl pallet_validator_set::Config for Runtime {
	// A `validator_admin` referendum (or Root).
	type AdminOrigin = super::governance::ValidatorAdminOrigin;
	type SessionKeys = RegisteredSessionKeys;
	// The floor for every chain's own minimum (`validatorSet.minimumSetSize` in its spec): the
	// set is never empty. A dev chain has one validator; a public network should set four or
	// more (four tolerate one fault under GRANDPA's two-thirds rule, fewer tolerate none).
	type MinValidators = ConstU32<1>;
	type MaxValidators = MaxAuthorities;
	type DefaultSessionLength = ConstU32<DEFAULT_SESSION_LENGTH>;
	type WeightInfo = pallet_validator_set::weights::SubstrateWeight<Runtime>;
}

/// Session keys as `pallet_validator_set` asks for them: those registered for the next session.
pub struct RegisteredSessionKeys;
impl pallet_validator_set::SessionKeys<AccountId> for RegisteredSessionKeys {
	fn has_keys(who: &AccountId) -> bool {
		pallet_session::NextKeys::<Runtime>::contains_key(who)
	}

	fn in_session(who: &AccountId) -> bool {
		pallet_session::Validators::<Runtime>::get().contains(who)
			|| pallet_session::QueuedKeys::<Runtime>::get().iter().any(|(queued, _)| queued == who)
	}

	fn purge(who: &AccountId) -> polkadot_sdk::sp_runtime::DispatchResult {
		// The session pallet's own call, invoked directly: the runtime's call filter keeps it
		// away from signed origins, so this is the one way keys are purged.
		crate::Session::purge_keys(crate::RuntimeOrigin::signed(who.clone()))
	}

	fn purge_weight() -> polkadot_sdk::frame_support::weights::Weight {
		use pallet_session::WeightInfo as _;
		<Runtime as pallet_session::Config>::WeightInfo::purge_keys()
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn register_keys(who: &AccountId) {
		use polkadot_sdk::sp_core::{ed25519, sr25519};
		// Keys made from the account's bytes: unique per account, which is all the check needs.
		let raw: [u8; 32] = who.clone().into();
		let keys = SessionKeys {
			aura: sr25519::Public::from_raw(raw).into(),
			grandpa: ed25519::Public::from_raw(raw).into(),
		};
		pallet_session::NextKeys::<Runtime>::insert(who, keys);
	}
}

/// The validator set with history pruning: when a session starts, the historical roots and
/// GRANDPA's set-id map beyond [`SESSION_HISTORY_DEPTH`] are dropped (nothing else prunes
/// them without a staking pallet), so that storage stays bounded.
pub struct PrunedValidatorSet;
impl pallet_session::SessionManager<AccountId> for PrunedValidatorSet {
	fn new_session(index: SessionIndex) -> Option<Vec<AccountId>> {
		<ValidatorSet as pallet_session::SessionManager<_>>::new_session(index)
	}

	fn new_session_genesis(index: SessionIndex) -> Option<Vec<AccountId>> {
		<ValidatorSet as pallet_session::SessionManager<_>>::new_session_genesis(index)
	}

	fn end_session(_index: SessionIndex) {}

	fn start_session(index: SessionIndex) {
		if let Some(oldest_kept) = index.checked_sub(SESSION_HISTORY_DEPTH) {
			Historical::prune_up_to(oldest_kept);
		}
	}
}

impl session_historical::SessionManager<AccountId, AccountId> for PrunedValidatorSet {
	fn new_session(index: SessionIndex) -> Option<Vec<(AccountId, AccountId)>> {
		<ValidatorSet as session_historical::SessionManager<_, _>>::new_session(index)
	}

	fn new_session_genesis(index: SessionIndex) -> Option<Vec<(AccountId, AccountId)>> {
		<ValidatorSet as session_historical::SessionManager<_, _>>::new_session_genesis(index)
	}

	fn end_session(index: SessionIndex) {
		<Self as pallet_session::SessionManager<_>>::end_session(index)
	}

	fn start_session(index: SessionIndex) {
		<Self as pallet_session::SessionManager<_>>::start_session(index)
	}
}

/// Sessions of the governed length (`ValidatorSet::SessionLength`), starting at block 0.
type Sessions =
	pallet_session::PeriodicSessions<pallet_validator_set::SessionLengthOf<Runtime>, ConstU32<0>>;

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// A validator is its account: no stash/controller split without staking.
	type ValidatorId = AccountId;
	type ValidatorIdOf = ConvertInto;
	type ShouldEndSession = Sessions;
	type NextSessionRotation = Sessions;
	type SessionManager = session_historical::NoteHistoricalRoot<Runtime, PrunedValidatorSet>;
	type SessionHandler =
		<SessionKeys as polkadot_sdk::sp_runtime::traits::OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	// Nobody is disabled automatically: offences are recorded and governance removes offenders
	// (validators post no slashable stake).
	type DisablingStrategy = ();
	// pallet_session's benchmarks need pallet_staking; see runtime/tests/weight_checks.rs.
	type WeightInfo = pallet_session::weights::SubstrateWeight<Runtime>;
	type Currency = Balances;
	type KeyDeposit = SessionKeyDeposit;
}

impl session_historical::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// The account is the whole identity: there is no exposure (stake) to record.
	type FullIdentification = AccountId;
	type FullIdentificationOf = ConvertInto;
}

impl pallet_offences::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type IdentificationTuple = session_historical::IdentificationTuple<Self>;
	// Reports are stored and announced (`Offences.Offence`); there is no stake to slash.
	type OnOffenceHandler = ();
}

impl pallet_authorship::Config for Runtime {
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, crate::Aura>;
	type EventHandler = ();
}
