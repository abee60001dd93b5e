//! # Market
//!
//! The hash-power market: approved inference operators publish what their inference costs and
//! where it is served, and credit stakers lease out allowance they will not use.
//!
//! ## Offers
//!
//! An approved operator publishes up to `MaxOffers` offers, one per (model, price unit): the
//! price in credit units per million input tokens, million output tokens, request or second,
//! the longest context it serves and its endpoint. Each offer holds `OfferDeposit` HASH;
//! changing an existing offer costs nothing more. Once the operator is no longer approved its
//! offers are no longer listed, and anyone may clear them ([`Pallet::clear_offers`]), which
//! returns the deposits to the operator.
//!
//! ## Credit leases
//!
//! A credit staker lists a lease: so many credits per epoch for epochs `first..=last` (from the
//! current epoch on, at most `MaxLeaseEpochs` ahead), at a price per credit in HASH or DIEM.
//! Listing commits that part of the staker's allowance: its own vouchers and spenders can no
//! longer use it, and the DIEM behind it cannot be unstaked before `last` ends (inference
//! credits asks [`diem_primitives::market::CreditLeases`] on every unstake). Anyone takes all or
//! part of a listing for a beneficiary and pays the lister at once, for the listing's epochs
//! from the current one to `last` (in the current epoch pro rata to the time left, as a new
//! stake counts; the rest of it goes back to the lister); the beneficiary's allowance grows by the leased credits in
//! those epochs (it signs vouchers as payer, as any staker does), the lister's shrinks by the
//! same. The untaken part of a listing can be cancelled; the epochs already under way stay
//! committed, so nothing is ever redeemable twice: in every epoch, Σ lent = Σ borrowed, and
//! each lister's committed credits are within its own allowance.
//!
//! Leases and listings count against `MaxLeasesPerAccount` for every account they involve; they
//! are removed once their last epoch can no longer be redeemed (the epoch after it has ended),
//! with the per-epoch lease records, at most `PruneBudget` records per block.
//!
//! ## Why a pallet of our own
//!
//! polkadot-sdk has no market for time-bounded rights: `pallet-nfts` could represent a lease as
//! an item with attributes, but it knows nothing of allowances per epoch, and the commitment
//! has to reach inference credits' accounting (the lister's vouchers must stop paying). The
//! payments themselves are plain `fungible` transfers of HASH and DIEM (`pallet-balances`,
//! `pallet-assets`), and the price of DIEM itself is the DEX's (`pallet-asset-conversion`).
//!
//! ## Code by topic
//!
//! `offers`, `leases` (list, take, cancel and the per-epoch records), `prune`, `views` (what
//! the runtime API reports), `invariants` (`try_state`), and `asset`: every HASH and DIEM
//! movement (offer deposits and lease payments). `lib.rs` holds the FRAME declarations.
//!
//! ## Invariants (checked by `try_state`)
//!
//! - Every operator's held offer deposit = Σ its offers' deposits.
//! - For every epoch on record: Σ lent = Σ borrowed; from the current epoch on, every account's
//!   listed, lent and borrowed credits are what its open listings and leases say, and a lister's
//!   committed credits never exceed its own allowance.
//! - Every listing and lease is in the index of each account it involves and in the expiry
//!   index of its last epoch, and nothing else is.
//! - Every lease was paid its credits at its price per credit (rounded up).
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

mod asset;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(any(test, feature = "try-runtime", feature = "std"))]
mod invariants;
mod leases;
mod offers;
mod prune;
pub mod runtime_api;
#[cfg(test)]
mod tests;
mod types;
mod views;
pub mod weights;

#[cfg(feature = "try-runtime")]
use polkadot_sdk::sp_runtime;
use polkadot_sdk::{frame_support, frame_system};

/// What benchmarks need from the runtime: an approved operator, and credits to list.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Makes `who` an approved operator.
	fn approve_operator(who: &AccountId);
	/// Makes `who` an operator that is no longer approved.
	fn revoke_operator(who: &AccountId);
	/// Gives `who` an own allowance of `credits` in the current and later epochs (its stake).
	fn stake_credits(who: &AccountId, credits: diem_primitives::Balance);
	/// Gives `who` free HASH and DIEM to pay with.
	fn fund(who: &AccountId, amount: diem_primitives::Balance);
	/// Starts the epoch clock if it has not started, and moves it `epochs` epochs on (without
	/// running any block hook).
	fn advance_epochs(epochs: diem_primitives::voucher::EpochIndex);
}

// The FRAME macros expand storage, events and calls into code with `expect` and narrowing
// casts (on values they bound themselves); the lints stay on for the logic in the other files.
#[allow(clippy::expect_used, clippy::cast_possible_truncation)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use diem_primitives::{
		market::{CreditAllowance, EpochLeases, OperatorRecords},
		voucher::EpochIndex,
		Balance,
	};
	use frame_support::{
		pallet_prelude::*,
		traits::fungible::{Mutate, MutateHold},
	};
	use frame_system::pallet_prelude::*;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	pub type OfferTermsOf<T> =
		OfferTerms<<T as Config>::MaxModelLen, <T as Config>::MaxEndpointLen>;
	pub type OfferOf<T> = Offer<<T as Config>::MaxModelLen, <T as Config>::MaxEndpointLen>;
	pub type OffersOf<T> = BoundedVec<OfferOf<T>, <T as Config>::MaxOffers>;
	pub type ListingOf<T> = Listing<<T as frame_system::Config>::AccountId>;
	pub type LeaseOf<T> = Lease<<T as frame_system::Config>::AccountId>;
	pub type AccountLeaseIds<T> = BoundedVec<LeaseId, <T as Config>::MaxLeasesPerAccount>;

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// HASH deposit for a published offer.
		OfferDeposit,
	}

	#[pallet::config]
	pub trait Config:
		polkadot_sdk::frame_system::Config<
		RuntimeEvent: From<Event<Self>>,
		AccountId = diem_primitives::AccountId,
	>
	{
		/// The runtime's hold reasons.
		type RuntimeHoldReason: From<HoldReason>;

		/// HASH: offer deposits (held) and lease payments.
		type NativeCurrency: MutateHold<Self::AccountId, Balance = Balance, Reason = Self::RuntimeHoldReason>
			+ Mutate<Self::AccountId>;

		/// DIEM: lease payments.
		type Diem: Mutate<Self::AccountId, Balance = Balance>;

		/// Inference credits: the epoch, and each account's own allowance and use.
		type Credits: CreditAllowance<Self::AccountId>;

		/// Inference credits: operators' status and records.
		type Operators: OperatorRecords<Self::AccountId>;

		/// HASH held per offer.
		#[pallet::constant]
		type OfferDeposit: Get<Balance>;

		/// Offers per operator.
		#[pallet::constant]
		type MaxOffers: Get<u32>;

		/// Bytes of a model identifier.
		#[pallet::constant]
		type MaxModelLen: Get<u32>;

		/// Bytes of an endpoint.
		#[pallet::constant]
		type MaxEndpointLen: Get<u32>;

		/// Open listings and leases an account may be part of.
		#[pallet::constant]
		type MaxLeasesPerAccount: Get<u32>;

		/// Epochs a listing may span, and how far ahead of the current epoch it may end.
		#[pallet::constant]
		type MaxLeaseEpochs: Get<u32>;

		/// Records of expired leases removed per block at most.
		#[pallet::constant]
		type PruneBudget: Get<u32>;

		/// Weights measured by the benchmarks.
		type WeightInfo: WeightInfo;

		/// Sets up operators and stakes for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Published offers by operator.
	#[pallet::storage]
	pub type Offers<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, OffersOf<T>, ValueQuery>;

	/// Open listings by id.
	#[pallet::storage]
	pub type Listings<T: Config> = StorageMap<_, Twox64Concat, LeaseId, ListingOf<T>, OptionQuery>;

	/// Taken leases by id, until their last epoch can no longer be redeemed.
	#[pallet::storage]
	pub type Leases<T: Config> = StorageMap<_, Twox64Concat, LeaseId, LeaseOf<T>, OptionQuery>;

	/// The id the next listing or lease gets.
	#[pallet::storage]
	pub type NextLeaseId<T> = StorageValue<_, LeaseId, ValueQuery>;

	/// The listings and leases each account is part of (as lister or beneficiary).
	#[pallet::storage]
	pub type AccountLeases<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, AccountLeaseIds<T>, ValueQuery>;

	/// Each account's listed, lent and borrowed credits by epoch: what inference credits
	/// applies to its allowance. Removed once the epoch can no longer be redeemed.
	#[pallet::storage]
	pub type EpochLeasesOf<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		EpochIndex,
		Blake2_128Concat,
		T::AccountId,
		EpochLeases,
		ValueQuery,
	>;

	/// Listings and leases by their last epoch: what pruning removes once it has passed.
	#[pallet::storage]
	pub type Expiring<T: Config> =
		StorageDoubleMap<_, Twox64Concat, EpochIndex, Twox64Concat, LeaseId, (), OptionQuery>;

	/// The oldest epoch whose records pruning has not finished; `None` until the first block
	/// with an epoch.
	#[pallet::storage]
	pub type NextToPrune<T> = StorageValue<_, EpochIndex, OptionQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An operator published an offer (or changed one).
		OfferSet {
			operator: T::AccountId,
			model: BoundedVec<u8, T::MaxModelLen>,
			unit: PriceUnit,
			price: Balance,
			max_context: u32,
		},
		/// An operator's offer was removed and its deposit returned.
		OfferRemoved {
			operator: T::AccountId,
			model: BoundedVec<u8, T::MaxModelLen>,
			unit: PriceUnit,
		},
		/// The offers of an operator no longer approved were cleared.
		OffersCleared { operator: T::AccountId, offers: u32 },
		/// A staker listed credits for lease.
		LeaseListed {
			id: LeaseId,
			lister: T::AccountId,
			credits_per_epoch: Balance,
			first: EpochIndex,
			last: EpochIndex,
			price_per_credit: Balance,
			pay_in: PayIn,
		},
		/// Credits of a listing were leased: the price history an indexer draws.
		LeaseTaken {
			id: LeaseId,
			listing: LeaseId,
			lister: T::AccountId,
			beneficiary: T::AccountId,
			credits_per_epoch: Balance,
			/// Credits in `first`: pro rata to the time left when taken during it.
			first_credits: Balance,
			first: EpochIndex,
			last: EpochIndex,
			price_per_credit: Balance,
			pay_in: PayIn,
			paid: Balance,
		},
		/// The open part of a listing was cancelled, from `from` on.
		LeaseCancelled { id: LeaseId, credits_per_epoch: Balance, from: EpochIndex },
		/// A listing or lease whose last epoch passed was removed.
		LeaseExpired { id: LeaseId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The amount or price is zero.
		ZeroAmount,
		/// The chain has no epoch yet.
		NoEpoch,
		/// The caller is not an approved operator.
		NotApprovedOperator,
		/// The operator is still approved: its offers stay.
		OperatorStillApproved,
		/// The operator has no offers.
		NoOffers,
		/// The model identifier is empty or longer than `MaxModelLen`.
		BadModel,
		/// The endpoint is empty or longer than `MaxEndpointLen`.
		BadEndpoint,
		/// The operator already has `MaxOffers` offers.
		TooManyOffers,
		/// No offer for this model and unit.
		NoSuchOffer,
		/// Not enough free HASH or DIEM for the deposit or the price.
		InsufficientBalance,
		/// The epoch range is empty or starts before the current epoch.
		BadEpochRange,
		/// The range is longer than `MaxLeaseEpochs` or ends further ahead.
		TooFarAhead,
		/// The staker's free allowance (own, not used, not committed) is smaller in some epoch
		/// of the range.
		InsufficientAllowance,
		/// An account involved already has `MaxLeasesPerAccount` listings and leases.
		TooManyLeases,
		/// No open listing with this id.
		NoSuchListing,
		/// Only the lister may cancel its listing.
		NotLister,
		/// More credits per epoch than the listing has open.
		MoreThanListed,
		/// The listing's price is above the taker's limit.
		PriceAboveLimit,
		/// The listing's last epoch has passed.
		ListingExpired,
		/// A lister cannot lease its own credits to itself.
		SelfLease,
		/// The price overflows.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(_now: BlockNumberFor<T>) -> Weight {
			Self::prune_expired()
		}

		fn integrity_test() {
			assert!(T::MaxLeaseEpochs::get() > 0, "a lease must span an epoch");
			assert!(T::PruneBudget::get() > 0, "expired leases must go");
			assert!(T::MaxModelLen::get() > 0 && T::MaxEndpointLen::get() > 0);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Publishes an offer of the calling operator, or changes its offer for the same model
		/// and unit (no new deposit).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_offer())]
		pub fn set_offer(origin: OriginFor<T>, terms: OfferTermsOf<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_offer(&who, terms)
		}

		/// Removes the caller's offer for `model` and `unit` and returns its deposit.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_offer())]
		pub fn remove_offer(
			origin: OriginFor<T>,
			model: BoundedVec<u8, T::MaxModelLen>,
			unit: PriceUnit,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_offer(&who, &model, unit)
		}

		/// Clears every offer of an operator that is no longer approved and returns the
		/// deposits to it. Anyone may call it.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::clear_offers(T::MaxOffers::get()))]
		pub fn clear_offers(
			origin: OriginFor<T>,
			operator: T::AccountId,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			Self::do_clear_offers(&operator)
		}

		/// Lists `credits_per_epoch` of the caller's allowance for lease in epochs
		/// `first..=last`, at `price_per_credit` in `pay_in`. Commits those credits.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::list_lease(T::MaxLeaseEpochs::get()))]
		pub fn list_lease(
			origin: OriginFor<T>,
			#[pallet::compact] credits_per_epoch: Balance,
			first: EpochIndex,
			last: EpochIndex,
			#[pallet::compact] price_per_credit: Balance,
			pay_in: PayIn,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_list_lease(&who, credits_per_epoch, first..=last, price_per_credit, pay_in)
		}

		/// Takes `credits_per_epoch` of listing `listing` for `beneficiary`, for the listing's
		/// epochs from the current one on, paying the lister at once; refused if the listing's
		/// price is above `max_price_per_credit`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::take_lease(T::MaxLeaseEpochs::get()))]
		pub fn take_lease(
			origin: OriginFor<T>,
			listing: LeaseId,
			#[pallet::compact] credits_per_epoch: Balance,
			beneficiary: T::AccountId,
			#[pallet::compact] max_price_per_credit: Balance,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_take_lease(
				&who,
				listing,
				credits_per_epoch,
				&beneficiary,
				max_price_per_credit,
			)
		}

		/// Cancels the open part of the caller's listing, from the current epoch on.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::cancel_lease(T::MaxLeaseEpochs::get()))]
		pub fn cancel_lease(origin: OriginFor<T>, listing: LeaseId) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_cancel_lease(&who, listing)
		}
	}
}
