//! # Validator set
//!
//! Who validates, decided by governance and applied by `pallet-session` at a session boundary,
//! so validators join and leave without a hard fork.
//!
//! - [`Pallet::add_validator`] / [`Pallet::remove_validator`] (the admin origin: root through
//!   sudo on test networks, governance later) change the **target set** in [`Validators`]. A
//!   validator may only be added once it has registered session keys (`session.set_keys`),
//!   and removal never takes the set below [`MinimumSetSize`]: a per-chain minimum (genesis,
//!   or [`Pallet::set_minimum_set_size`]) that never goes below [`Config::MinValidators`].
//! - As the session manager, the pallet hands a changed set to `pallet-session` when the next
//!   session is planned; the session pallet queues it with its keys and makes it active one
//!   session later. Aura and GRANDPA follow the active set.
//! - Both `pallet_session::SessionManager` and the `historical` variant (each validator is its
//!   own full identification), so GRANDPA equivocation proofs can name past sessions' members.
//! - Sessions last [`SessionLength`] blocks (genesis-configurable, changed by
//!   [`Pallet::set_session_length`]); [`SessionLengthOf`] feeds it to
//!   `pallet_session::PeriodicSessions`. A rotation block is charged a whole block by the
//!   session pallet, so production sessions are long and test chains short.
//! - [`ValidatorSetState`] is what the runtime API reports: active, queued and target sets.
//! - [`Pallet::purge_keys`] is how an account removes its session keys: only once it is out of
//!   the target set and of the current and queued sessions. The runtime filters out
//!   `session.purge_keys`, because the session pallet drops a validator without keys from the
//!   next set: a validator could leave without governance, below the minimum, and a dev chain's
//!   only validator could empty the GRANDPA set.
//!
//! ## Invariants (checked by `try_state`)
//!
//! - `MinValidators <= MinimumSetSize`, and `MinimumSetSize <= |Validators| <= MaxValidators`,
//!   no duplicates. (An empty set only in a genesis that leaves the first set to the session
//!   pallet's keys; governance never empties it, as removals stop at the minimum.)
//! - A stored [`SessionLength`] is at least one block.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
pub mod weights;

use alloc::vec::Vec;
use codec::{Decode, Encode};
use polkadot_sdk::{
	frame_support::{self, traits::Get},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::traits::{One, Zero},
	sp_staking::SessionIndex,
};
use scale_info::TypeInfo;

/// The validator sets as wallets and dashboards show them (`ValidatorSetApi`).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct ValidatorSetState<AccountId, BlockNumber> {
	/// The current session.
	pub session: SessionIndex,
	/// Who authors and finalizes in this session.
	pub active: Vec<AccountId>,
	/// Who will, from the next session on (already queued with their keys).
	pub queued: Vec<AccountId>,
	/// The set governance decided on; queued at the next rotation if it differs.
	pub target: Vec<AccountId>,
	/// Blocks per session.
	pub session_length: BlockNumber,
	/// The block that starts the next session.
	pub next_rotation: BlockNumber,
}

/// [`SessionLength`] as a `Get`, for `pallet_session::PeriodicSessions`.
pub struct SessionLengthOf<T>(core::marker::PhantomData<T>);
impl<T: Config> Get<BlockNumberFor<T>> for SessionLengthOf<T> {
	fn get() -> BlockNumberFor<T> {
		Pallet::<T>::session_length()
	}
}

/// The session pallet as this pallet sees it: whether an account has session keys registered for
/// the next session (`NextKeys`), whether it validates now or is queued to, and the removal of
/// its keys. The runtime answers from `pallet-session`.
pub trait SessionKeys<AccountId> {
	fn has_keys(who: &AccountId) -> bool;
	/// Whether `who` is in the current session's set or the queued one.
	fn in_session(who: &AccountId) -> bool;
	/// Removes `who`'s keys and releases their deposit, as `session.purge_keys` does.
	fn purge(who: &AccountId) -> polkadot_sdk::sp_runtime::DispatchResult;
	/// The weight of [`Self::purge`].
	fn purge_weight() -> polkadot_sdk::frame_support::weights::Weight;
	/// Registers keys for `who` (benchmarks only).
	#[cfg(feature = "runtime-benchmarks")]
	fn register_keys(who: &AccountId);
}

// The pallet macros expand to `expect` and narrowing casts of their own.
#[allow(clippy::expect_used, clippy::cast_possible_truncation)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who may add and remove validators.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Whether a candidate has session keys.
		type SessionKeys: SessionKeys<Self::AccountId>;
		/// The lowest [`MinimumSetSize`] a chain may have (at least one: the set is never empty).
		#[pallet::constant]
		type MinValidators: Get<u32>;
		/// The most validators the set may have (bounds storage and the session's work).
		#[pallet::constant]
		type MaxValidators: Get<u32>;
		/// Blocks per session when genesis sets none.
		#[pallet::constant]
		type DefaultSessionLength: Get<BlockNumberFor<Self>>;
		type WeightInfo: WeightInfo;
	}

	/// The target validator set: what the next planned session gets.
	#[pallet::storage]
	pub type Validators<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// Whether [`Validators`] changed since the last set went to the session pallet.
	#[pallet::storage]
	pub type SetChanged<T> = StorageValue<_, bool, ValueQuery>;

	/// The fewest validators the set may have; removals below it are refused.
	#[pallet::storage]
	pub type MinimumSetSize<T: Config> =
		StorageValue<_, u32, ValueQuery, <T as Config>::MinValidators>;

	/// Blocks per session; [`Config::DefaultSessionLength`] when unset.
	#[pallet::storage]
	pub type SessionLength<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The first validators (each needs session keys in the session pallet's genesis).
		pub validators: Vec<T::AccountId>,
		/// Blocks per session (`None`: [`Config::DefaultSessionLength`]).
		pub session_length: Option<BlockNumberFor<T>>,
		/// The fewest validators the set may have (`None`: [`Config::MinValidators`]).
		pub minimum_set_size: Option<u32>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// A chain spec with an invalid set must not start a chain.
			#![allow(clippy::panic)]
			let minimum = self.minimum_set_size.unwrap_or_else(T::MinValidators::get);
			assert!(
				minimum >= T::MinValidators::get(),
				"genesis minimum_set_size below MinValidators"
			);
			MinimumSetSize::<T>::put(minimum);
			if let Err(problem) = Pallet::<T>::check_set(&self.validators) {
				panic!("genesis validators: {problem}");
			}
			Validators::<T>::put(BoundedVec::truncate_from(self.validators.clone()));
			if let Some(length) = self.session_length {
				assert!(!length.is_zero(), "genesis session length: zero blocks");
				SessionLength::<T>::put(length);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `who` joins the set from the session after next.
		ValidatorAdded { who: T::AccountId },
		/// `who` leaves the set from the session after next.
		ValidatorRemoved { who: T::AccountId },
		/// The changed set went to the session pallet, active from session `session`.
		NewSetPlanned { session: SessionIndex, validators: u32 },
		/// Sessions last `blocks` blocks from now on.
		SessionLengthSet { blocks: BlockNumberFor<T> },
		/// Removals stop at `size` validators from now on.
		MinimumSetSizeSet { size: u32 },
		/// `who`, no longer a validator, removed its session keys and got their deposit back.
		KeysPurged { who: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account is already in the set.
		AlreadyValidator,
		/// The account is not in the set.
		NotValidator,
		/// The set is full (`MaxValidators`).
		TooManyValidators,
		/// Removing it would leave fewer than `MinimumSetSize` validators.
		TooFewValidators,
		/// The account has no session keys: it must call `session.set_keys` first.
		NoSessionKeys,
		/// A session must last at least one block.
		ZeroSessionLength,
		/// The minimum must be at least `MinValidators` and at most the current set's size.
		BadMinimumSetSize,
		/// The account is in the target set or validates in the current or next session: it
		/// leaves through `remove_validator` first, and purges its keys once it is out.
		StillValidating,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Adds `who` to the set; it validates from the session after the next rotation.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_validator(T::MaxValidators::get()))]
		pub fn add_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_add_validator(who)
		}

		/// Removes `who` from the set; it stops validating after the session rotations that
		/// apply the change.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_validator(T::MaxValidators::get()))]
		pub fn remove_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_remove_validator(&who)
		}

		/// Sets the session length in blocks. Rotations then happen at the multiples of
		/// `blocks`, so the current session may end sooner or later than it would have.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_session_length())]
		pub fn set_session_length(
			origin: OriginFor<T>,
			blocks: BlockNumberFor<T>,
		) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(!blocks.is_zero(), Error::<T>::ZeroSessionLength);
			SessionLength::<T>::put(blocks);
			Self::deposit_event(Event::SessionLengthSet { blocks });
			Ok(())
		}

		/// Sets the fewest validators the set may have. Refused below `MinValidators` and above
		/// the current target set's size (it would forbid nothing but additions' undoing).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_minimum_set_size())]
		pub fn set_minimum_set_size(origin: OriginFor<T>, size: u32) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			ensure!(
				size >= T::MinValidators::get()
					&& size as usize <= Validators::<T>::decode_len().unwrap_or(0),
				Error::<T>::BadMinimumSetSize
			);
			MinimumSetSize::<T>::put(size);
			Self::deposit_event(Event::MinimumSetSizeSet { size });
			Ok(())
		}

		/// Removes the caller's session keys and returns their deposit, once it validates in no
		/// session and governance has taken it out of the target set. The runtime filters out
		/// `session.purge_keys`, which would let a validator leave without governance, and below
		/// the minimum set size (the session pallet drops validators without keys).
		#[pallet::call_index(4)]
		#[pallet::weight(
			T::DbWeight::get().reads(3).saturating_add(T::SessionKeys::purge_weight())
		)]
		pub fn purge_keys(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_purge_keys(who)
		}
	}

	impl<T: Config> Pallet<T> {
		pub(crate) fn do_purge_keys(who: T::AccountId) -> DispatchResult {
			ensure!(
				!Validators::<T>::get().contains(&who) && !T::SessionKeys::in_session(&who),
				Error::<T>::StillValidating
			);
			T::SessionKeys::purge(&who)?;
			Self::deposit_event(Event::KeysPurged { who });
			Ok(())
		}

		pub(crate) fn do_add_validator(who: T::AccountId) -> DispatchResult {
			ensure!(T::SessionKeys::has_keys(&who), Error::<T>::NoSessionKeys);
			Validators::<T>::try_mutate(|validators| {
				ensure!(!validators.contains(&who), Error::<T>::AlreadyValidator);
				validators.try_push(who.clone()).map_err(|_| Error::<T>::TooManyValidators)
			})?;
			SetChanged::<T>::put(true);
			Self::deposit_event(Event::ValidatorAdded { who });
			Ok(())
		}

		pub(crate) fn do_remove_validator(who: &T::AccountId) -> DispatchResult {
			Validators::<T>::try_mutate(|validators| {
				let index =
					validators.iter().position(|v| v == who).ok_or(Error::<T>::NotValidator)?;
				ensure!(
					validators.len() > MinimumSetSize::<T>::get() as usize,
					Error::<T>::TooFewValidators
				);
				validators.remove(index);
				Ok::<_, DispatchError>(())
			})?;
			SetChanged::<T>::put(true);
			Self::deposit_event(Event::ValidatorRemoved { who: who.clone() });
			Ok(())
		}

		/// The set for session `index`, if it changed since the last one handed over.
		pub(crate) fn planned_set(index: SessionIndex) -> Option<Vec<T::AccountId>> {
			if !SetChanged::<T>::take() {
				return None;
			}
			let validators = Validators::<T>::get().into_inner();
			Self::deposit_event(Event::NewSetPlanned {
				session: index,
				validators: u32::try_from(validators.len()).unwrap_or(u32::MAX),
			});
			Some(validators)
		}

		/// Blocks per session (never zero: a zero would make every block a rotation).
		pub fn session_length() -> BlockNumberFor<T> {
			SessionLength::<T>::get().unwrap_or_else(T::DefaultSessionLength::get).max(One::one())
		}

		/// The target set governance decided on.
		pub fn target_set() -> Vec<T::AccountId> {
			Validators::<T>::get().into_inner()
		}

		/// The invariants of the module docs.
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			ensure!(SessionLength::<T>::get() != Some(Zero::zero()), "zero session length");
			ensure!(
				MinimumSetSize::<T>::get() >= T::MinValidators::get(),
				"minimum set size below MinValidators"
			);
			Self::check_set(&Validators::<T>::get()).map_err(Into::into)
		}

		/// The bounds of the module docs, for genesis and `try_state` alike.
		fn check_set(validators: &[T::AccountId]) -> Result<(), &'static str> {
			// Empty: the session pallet's genesis keys decide the first set (the default config).
			ensure!(
				validators.is_empty() || validators.len() >= MinimumSetSize::<T>::get() as usize,
				"fewer validators than MinimumSetSize"
			);
			ensure!(
				validators.len() <= T::MaxValidators::get() as usize,
				"more validators than MaxValidators"
			);
			let mut sorted = validators.to_vec();
			sorted.sort();
			sorted.dedup();
			ensure!(sorted.len() == validators.len(), "duplicate validators");
			Ok(())
		}
	}
}

use polkadot_sdk::sp_runtime;

impl<T: Config> pallet_session::SessionManager<T::AccountId> for Pallet<T> {
	fn new_session(new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		Self::planned_set(new_index)
	}

	fn new_session_genesis(_new_index: SessionIndex) -> Option<Vec<T::AccountId>> {
		// The genesis set is the session pallet's own genesis keys' owners (the same accounts).
		let validators = Validators::<T>::get();
		(!validators.is_empty()).then(|| validators.into_inner())
	}

	fn end_session(_end_index: SessionIndex) {}

	fn start_session(_start_index: SessionIndex) {}
}

/// Each validator identifies itself: no stake to report, so its account is its full
/// identification in historical proofs.
impl<T: Config> pallet_session::historical::SessionManager<T::AccountId, T::AccountId>
	for Pallet<T>
{
	fn new_session(new_index: SessionIndex) -> Option<Vec<(T::AccountId, T::AccountId)>> {
		<Self as pallet_session::SessionManager<_>>::new_session(new_index).map(self_identified)
	}

	fn new_session_genesis(new_index: SessionIndex) -> Option<Vec<(T::AccountId, T::AccountId)>> {
		<Self as pallet_session::SessionManager<_>>::new_session_genesis(new_index)
			.map(self_identified)
	}

	fn end_session(_end_index: SessionIndex) {}

	fn start_session(_start_index: SessionIndex) {}
}

/// Each validator as its own full identification.
fn self_identified<A: Clone>(set: Vec<A>) -> Vec<(A, A)> {
	set.into_iter().map(|v| (v.clone(), v)).collect()
}
