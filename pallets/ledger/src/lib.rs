//! # DIEM ledger
//!
//! The only call surface that moves DIEM between accounts. DIEM balances live in a
//! `pallet-balances` instance whose own calls the runtime disables (so nobody can burn or
//! force-set DIEM through it); this pallet moves DIEM through the `fungible` traits, which other
//! pallets (credits today, a DEX or lending pallet later) use the same way.
//!
//! ## Calls
//!
//! | call | does |
//! |---|---|
//! | `transfer(dest, amount)` | move DIEM; the sender may be reaped (its dust is swept) |
//! | `transfer_keep_alive(dest, amount)` | move DIEM, refusing to reap the sender |
//! | `transfer_all(dest, keep_alive)` | move everything transferable |
//! | `approve(spender, amount, expires_at)` | let `spender` move up to `amount` until `expires_at` |
//! | `increase_allowance(spender, delta)` / `decrease_allowance(spender, delta)` | adjust it |
//! | `transfer_from(owner, dest, amount)` | spender moves the owner's DIEM within the allowance |
//! | `cancel_approval(spender)` | remove an allowance |
//! | `pay(dest, amount, memo)` | a transfer with a memo (in the event only, never stored) |
//! | `pay_batch(payments, memo)` | several payments at once, all or nothing |
//!
//! **Allowances** cost the owner a deposit (`AllowanceDeposit`, a held DIEM amount on the
//! runtime), released when the allowance is used up or cancelled (an expired allowance can no
//! longer be used; its owner cancels it to get the deposit back). Setting an allowance with `approve` replaces the old amount, which has the
//! well-known race of ERC-20 (a spender who sees the change coming can spend the old amount
//! first, then the new one); `increase_allowance`/`decrease_allowance` change it relative to what
//! is left and do not have it.
//!
//! ## Invariants (checked by `try_state`)
//!
//! Every allowance kept in storage is non-zero (a used-up allowance is removed with its deposit).
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod functions;
#[cfg(test)]
mod mock;
pub mod runtime_api;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

use polkadot_sdk::{frame_support, frame_system};

use diem_primitives::math::bounded_len;

// The FRAME macros expand storage, events and calls into code with `expect` and narrowing
// casts (on values they bound themselves); the lints stay on for the logic in `functions.rs`.
#[allow(clippy::expect_used, clippy::cast_possible_truncation)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use diem_primitives::Balance;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate},
			Consideration, Footprint,
		},
	};
	use frame_system::pallet_prelude::*;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	pub type AllowanceOf<T> = Allowance<BlockNumberFor<T>, <T as Config>::AllowanceDeposit>;

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::composite_enum]
	pub enum HoldReason {
		/// The storage deposit of an allowance.
		#[codec(index = 0)]
		AllowanceDeposit,
	}

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The DIEM token.
		type Currency: Inspect<Self::AccountId, Balance = Balance> + Mutate<Self::AccountId>;

		/// The deposit an allowance costs its owner, by storage footprint.
		type AllowanceDeposit: Consideration<Self::AccountId, Footprint>;

		/// Longest memo of `pay` and `pay_batch`, in bytes.
		#[pallet::constant]
		type MaxMemoLen: Get<u32>;

		/// Most payments in one `pay_batch`.
		#[pallet::constant]
		type MaxBatchPayments: Get<u32>;

		/// Weights of the calls, from the benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// Allowances by (owner, spender).
	#[pallet::storage]
	pub type Allowances<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Blake2_128Concat,
		T::AccountId,
		AllowanceOf<T>,
		OptionQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `amount` DIEM moved from `from` to `to`.
		Transferred { from: T::AccountId, to: T::AccountId, amount: Balance },
		/// `owner` lets `spender` move up to `amount` (until `expires_at`).
		Approved {
			owner: T::AccountId,
			spender: T::AccountId,
			amount: Balance,
			expires_at: Option<BlockNumberFor<T>>,
		},
		/// The allowance of `spender` over `owner`'s DIEM is gone (cancelled, used up or
		/// expired) and its deposit released.
		ApprovalRemoved { owner: T::AccountId, spender: T::AccountId },
		/// `spender` moved `amount` of `owner`'s DIEM to `to`; `remaining` is left to it.
		TransferredFrom {
			owner: T::AccountId,
			spender: T::AccountId,
			to: T::AccountId,
			amount: Balance,
			remaining: Balance,
		},
		/// A payment with a memo.
		Paid { from: T::AccountId, to: T::AccountId, amount: Balance, memo: Vec<u8> },
		/// `count` payments totalling `total` from `from`, with one memo.
		BatchPaid { from: T::AccountId, count: u32, total: Balance, memo: Vec<u8> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The amount is zero.
		ZeroAmount,
		/// Sender and receiver are the same account.
		SelfTransfer,
		/// The sender's transferable DIEM is below the amount.
		InsufficientBalance,
		/// The transfer would take the receiver's new account below the existential deposit.
		BelowMinimum,
		/// The transfer would reap the sender (use `transfer` to allow that).
		WouldReapSender,
		/// An account cannot approve itself.
		SelfApproval,
		/// There is no allowance for this (owner, spender).
		NoAllowance,
		/// The amount is above what the allowance has left.
		AllowanceExceeded,
		/// The allowance has expired.
		AllowanceExpired,
		/// The expiry block has already passed.
		ExpiryInPast,
		/// `decrease_allowance` by more than is left.
		DecreaseBelowZero,
		/// The memo is longer than `MaxMemoLen`.
		MemoTooLong,
		/// The batch is empty.
		EmptyBatch,
		/// The batch has more than `MaxBatchPayments` payments.
		BatchTooLarge,
		/// The amounts of the batch overflow.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(
			_n: BlockNumberFor<T>,
		) -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Moves `amount` DIEM to `dest`; the sender may be reaped (dust is swept).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::transfer())]
		pub fn transfer(
			origin: OriginFor<T>,
			dest: T::AccountId,
			#[pallet::compact] amount: Balance,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_transfer(&who, &dest, amount, false)
		}

		/// Moves `amount` DIEM to `dest`, refusing to reap the sender.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::transfer_keep_alive())]
		pub fn transfer_keep_alive(
			origin: OriginFor<T>,
			dest: T::AccountId,
			#[pallet::compact] amount: Balance,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_transfer(&who, &dest, amount, true)
		}

		/// Moves all transferable DIEM to `dest` (keeping the existential deposit if
		/// `keep_alive`).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::transfer_all())]
		pub fn transfer_all(
			origin: OriginFor<T>,
			dest: T::AccountId,
			keep_alive: bool,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_transfer_all(&who, &dest, keep_alive)
		}

		/// Lets `spender` move up to `amount` of the caller's DIEM until block `expires_at`
		/// (replaces an existing allowance; `amount` 0 removes it). Holds a deposit.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::approve())]
		pub fn approve(
			origin: OriginFor<T>,
			spender: T::AccountId,
			#[pallet::compact] amount: Balance,
			expires_at: Option<BlockNumberFor<T>>,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_approve(&owner, &spender, amount, expires_at)
		}

		/// Raises what `spender` may move by `delta` (creating the allowance, without expiry, if
		/// there is none).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::increase_allowance())]
		pub fn increase_allowance(
			origin: OriginFor<T>,
			spender: T::AccountId,
			#[pallet::compact] delta: Balance,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_change_allowance(&owner, &spender, delta, true)
		}

		/// Lowers what `spender` may move by `delta`; the allowance is removed at zero.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::decrease_allowance())]
		pub fn decrease_allowance(
			origin: OriginFor<T>,
			spender: T::AccountId,
			#[pallet::compact] delta: Balance,
		) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_change_allowance(&owner, &spender, delta, false)
		}

		/// Moves `amount` of `owner`'s DIEM to `dest` within the caller's allowance.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::transfer_from())]
		pub fn transfer_from(
			origin: OriginFor<T>,
			owner: T::AccountId,
			dest: T::AccountId,
			#[pallet::compact] amount: Balance,
		) -> DispatchResult {
			let spender = ensure_signed(origin)?;
			Self::do_transfer_from(&spender, &owner, &dest, amount)
		}

		/// Removes the allowance of `spender` and releases its deposit.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::cancel_approval())]
		pub fn cancel_approval(origin: OriginFor<T>, spender: T::AccountId) -> DispatchResult {
			let owner = ensure_signed(origin)?;
			Self::do_cancel_approval(&owner, &spender)
		}

		/// Pays `amount` DIEM to `dest` with a memo (an order id, an invoice), which appears in
		/// the event only. The sender is kept alive.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::pay(bounded_len(memo.len(), T::MaxMemoLen::get())))]
		pub fn pay(
			origin: OriginFor<T>,
			dest: T::AccountId,
			#[pallet::compact] amount: Balance,
			memo: Vec<u8>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_pay(&who, &dest, amount, memo)
		}

		/// Several payments with one memo, all or nothing. The sender is kept alive.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::pay_batch(bounded_len(payments.len(), T::MaxBatchPayments::get())))]
		pub fn pay_batch(
			origin: OriginFor<T>,
			payments: Vec<(T::AccountId, Balance)>,
			memo: Vec<u8>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_pay_batch(&who, payments, memo)
		}
	}
}
