//! # DIEM ledger
//!
//! Payments with a memo, and batch payments, in HASH or any asset (DIEM above all): the two
//! things a merchant or an inference operator needs that `pallet-balances` and `pallet-assets`
//! do not offer. Everything else about moving DIEM is `pallet-assets`' own calls (DIEM is an
//! asset there): `transfer`, `transfer_keep_alive`, `transfer_all`, `approve_transfer`,
//! `transfer_approved`, `cancel_approval`; HASH moves with `pallet-balances`' calls.
//!
//! `pallet-assets` was considered for payments too, but it has no memo and no batch of
//! transfers to several receivers in one event; `pallet-utility`'s `batch_all` of transfers
//! gives the atomicity but not one event a receiver can match to an invoice.
//!
//! ## Calls
//!
//! | call | does |
//! |---|---|
//! | `pay(asset, dest, amount, memo)` | a transfer with a memo (in the event only, never stored) |
//! | `pay_batch(asset, payments, memo)` | several payments at once, all or nothing |
//!
//! `asset` is `Native` (HASH) or `WithId(id)` (`WithId(100)` is DIEM). The payer is always kept
//! alive, so a payment never reaps it and never leaves dust behind.
//!
//! ## Storage and invariants
//!
//! The pallet stores nothing (a memo lives in the event only), so it has no `try_state` of its
//! own: the runtime's invariants check the supplies and accounts of the assets it moves, and its
//! tests check every asset's Σ accounts against its supply after each test.
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

/// What benchmarks need from the runtime: an asset to pay in.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AssetKind> {
	/// The asset the benchmarks pay in (the runtime's worst case: an asset, not HASH).
	fn asset() -> AssetKind;
}

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
		traits::fungibles::{Inspect, Mutate},
	};
	use frame_system::pallet_prelude::*;

	/// Version 1: allowances and plain transfers removed (pallet-assets has them).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Which asset: on the runtime `NativeOrWithId<AssetId>` (HASH or an asset's id).
		type AssetKind: Parameter + MaxEncodedLen;

		/// HASH and the assets together (on the runtime: `UnionOf<Balances, Assets>`).
		type Assets: Inspect<Self::AccountId, AssetId = Self::AssetKind, Balance = Balance>
			+ Mutate<Self::AccountId>;

		/// Longest memo of `pay` and `pay_batch`, in bytes.
		#[pallet::constant]
		type MaxMemoLen: Get<u32>;

		/// Most payments in one `pay_batch`.
		#[pallet::constant]
		type MaxBatchPayments: Get<u32>;

		/// Weights of the calls, from the benchmarks.
		type WeightInfo: WeightInfo;

		/// Names the asset the benchmarks pay in.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AssetKind>;
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A payment of `amount` of `asset` with a memo.
		Paid {
			asset: T::AssetKind,
			from: T::AccountId,
			to: T::AccountId,
			amount: Balance,
			memo: Vec<u8>,
		},
		/// `count` payments of `asset` totalling `total` from `from`, with one memo.
		BatchPaid {
			asset: T::AssetKind,
			from: T::AccountId,
			count: u32,
			total: Balance,
			memo: Vec<u8>,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The amount is zero.
		ZeroAmount,
		/// Payer and receiver are the same account.
		SelfTransfer,
		/// The payer's transferable balance of the asset is below the amount (a payment keeps
		/// the payer alive, so its minimum balance is not transferable; nothing of a frozen
		/// asset or account is).
		InsufficientBalance,
		/// The payment would take the receiver's new account below the asset's minimum balance.
		BelowMinimum,
		/// No such asset.
		UnknownAsset,
		/// The receiver cannot hold the asset: it is not sufficient and the receiver has no
		/// account, or the receiver's account of it is frozen or blocked.
		CannotReceive,
		/// The memo is longer than `MaxMemoLen`.
		MemoTooLong,
		/// The batch is empty.
		EmptyBatch,
		/// The batch has more than `MaxBatchPayments` payments.
		BatchTooLarge,
		/// The amounts of the batch overflow.
		Overflow,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Pays `amount` of `asset` to `dest` with a memo (an order id, an invoice), which
		/// appears in the event only. The payer is kept alive.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::pay(bounded_len(memo.len(), T::MaxMemoLen::get())))]
		pub fn pay(
			origin: OriginFor<T>,
			asset: T::AssetKind,
			dest: T::AccountId,
			#[pallet::compact] amount: Balance,
			memo: Vec<u8>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_pay(asset, &who, &dest, amount, memo)
		}

		/// Several payments of `asset` with one memo, all or nothing. The payer is kept alive.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::pay_batch(bounded_len(payments.len(), T::MaxBatchPayments::get())))]
		pub fn pay_batch(
			origin: OriginFor<T>,
			asset: T::AssetKind,
			payments: Vec<(T::AccountId, Balance)>,
			memo: Vec<u8>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_pay_batch(asset, &who, payments, memo)
		}
	}
}
