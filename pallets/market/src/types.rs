//! Storage, event and runtime-API types of the market pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use diem_primitives::{
	market::{EpochLeases, OperatorRecord},
	voucher::EpochIndex,
	Balance,
};
use polkadot_sdk::frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;

/// Listings and leases share one id sequence.
pub type LeaseId = u64;

/// What an offer's price is per.
// The SCALE derive narrows the variant index with `as u8` (four variants).
#[allow(clippy::cast_possible_truncation)]
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	PartialOrd,
	Ord,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum PriceUnit {
	/// Per million input (prompt) tokens.
	MillionInputTokens,
	/// Per million output (completion) tokens.
	MillionOutputTokens,
	/// Per request.
	Request,
	/// Per second of compute.
	Second,
}

/// The terms of an offer, as an operator publishes them.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxModel, MaxEndpoint))]
#[codec(mel_bound())]
pub struct OfferTerms<MaxModel: Get<u32>, MaxEndpoint: Get<u32>> {
	/// The model served, as clients name it (for example `llama-3.3-70b`).
	pub model: BoundedVec<u8, MaxModel>,
	/// What the price is per.
	pub unit: PriceUnit,
	/// Credit units per `unit` (10¹² units are one credit).
	pub price: Balance,
	/// The longest context (tokens) the operator serves for this model.
	pub max_context: u32,
	/// Where clients send requests (an URL).
	pub endpoint: BoundedVec<u8, MaxEndpoint>,
}

/// A published offer: its terms and the HASH held for it.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxModel, MaxEndpoint))]
#[codec(mel_bound())]
pub struct Offer<MaxModel: Get<u32>, MaxEndpoint: Get<u32>> {
	/// What the operator offers.
	pub terms: OfferTerms<MaxModel, MaxEndpoint>,
	/// HASH held from the operator while the offer stands (returned when it goes).
	pub deposit: Balance,
}

/// What a lease is paid in.
// The SCALE derive narrows the variant index with `as u8` (two variants).
#[allow(clippy::cast_possible_truncation)]
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum PayIn {
	/// HASH, the native token.
	Hash,
	/// DIEM (the `pallet-assets` asset).
	Diem,
}

/// An open listing: credits a staker offers per epoch over a range of epochs.
///
/// Every take covers the listing's epochs from the epoch it is made in to `last`, so what is
/// left open is the same in every epoch from the current one on.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct Listing<AccountId> {
	/// The credit staker whose allowance it commits.
	pub lister: AccountId,
	/// Credit units per epoch still open.
	pub credits_per_epoch: Balance,
	/// The first epoch of the range.
	pub first: EpochIndex,
	/// The last epoch of the range.
	pub last: EpochIndex,
	/// Base units of `pay_in` per credit (10¹² credit units).
	pub price_per_credit: Balance,
	/// What takers pay in.
	pub pay_in: PayIn,
}

/// A taken lease: credits moved from the lister's allowance to the beneficiary's.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct Lease<AccountId> {
	/// The listing it was taken from.
	pub listing: LeaseId,
	/// Whose allowance it comes from.
	pub lister: AccountId,
	/// Whose allowance it adds to (signs vouchers as payer).
	pub beneficiary: AccountId,
	/// Credit units per epoch.
	pub credits_per_epoch: Balance,
	/// Credit units in its first epoch: pro rata to the time left in it when it was taken
	/// during that epoch (as a new stake counts), else `credits_per_epoch`.
	pub first_credits: Balance,
	/// The first epoch it covers (the epoch it was taken in, or the listing's first).
	pub first: EpochIndex,
	/// The last epoch it covers.
	pub last: EpochIndex,
	/// What was paid per credit, and in what.
	pub price_per_credit: Balance,
	/// See [`PayIn`].
	pub pay_in: PayIn,
	/// The whole price paid.
	pub paid: Balance,
}

impl<AccountId: PartialEq> Lease<AccountId> {
	/// Whether `who` is its lister or its beneficiary.
	pub fn involves(&self, who: &AccountId) -> bool {
		&self.lister == who || &self.beneficiary == who
	}

	/// The credits it moves in `epoch` (zero outside its range).
	pub fn credits_in(&self, epoch: EpochIndex) -> Balance {
		if epoch == self.first {
			self.first_credits
		} else if epoch > self.first && epoch <= self.last {
			self.credits_per_epoch
		} else {
			0
		}
	}

	/// All the credits it moves, over its whole range.
	pub fn total_credits(&self) -> Option<Balance> {
		let later = Balance::from(self.last.saturating_sub(self.first));
		self.credits_per_epoch.checked_mul(later)?.checked_add(self.first_credits)
	}
}

/// An offer as the runtime API lists it: who offers it, its terms and the operator's record.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct OfferView<AccountId> {
	/// The operator.
	pub operator: AccountId,
	/// The model served.
	pub model: alloc::vec::Vec<u8>,
	/// What the price is per.
	pub unit: PriceUnit,
	/// Credit units per `unit`.
	pub price: Balance,
	/// The longest context served.
	pub max_context: u32,
	/// Where to send requests.
	pub endpoint: alloc::vec::Vec<u8>,
	/// The operator's status, capacity left and record.
	pub record: OperatorRecord,
}

/// An open listing in the book.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct ListingView<AccountId> {
	/// Its id (what `take_lease` names).
	pub id: LeaseId,
	/// The listing.
	pub listing: Listing<AccountId>,
	/// What taking all of it now would cost.
	pub price_now: Balance,
}

/// An account's part in the market.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct AccountLeasesView<AccountId> {
	/// Its open listings.
	pub listings: alloc::vec::Vec<(LeaseId, Listing<AccountId>)>,
	/// Leases taken from its listings.
	pub lent: alloc::vec::Vec<(LeaseId, Lease<AccountId>)>,
	/// Leases it is the beneficiary of.
	pub borrowed: alloc::vec::Vec<(LeaseId, Lease<AccountId>)>,
	/// Its listed, lent and borrowed credits by epoch, from the previous epoch on.
	pub epochs: alloc::vec::Vec<(EpochIndex, EpochLeases)>,
}
