//! What the hash-power market (`pallet-market`) and inference credits
//! (`pallet-inference-credits`) know of each other: three small traits and the types they pass.
//!
//! - [`CreditAllowance`]: credits tells the market an account's own allowance and use, so a
//!   listing commits only credits the staker really has.
//! - [`CreditLeases`]: the market tells credits how leases move allowance between accounts in an
//!   epoch, so `redeem` pays a borrower and no longer pays the lister for what it leased out.
//! - [`OperatorRecords`]: credits tells the market what a client needs to choose an operator.
//!
//! One credit is 10¹² credit units, the allowance one DIEM staked for a whole epoch grants, so
//! credit amounts are in the same base units as DIEM.

use crate::{voucher::EpochIndex, Balance};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Credit units in one credit (what one DIEM staked for a whole epoch earns).
pub const CREDIT: Balance = 1_000_000_000_000;

/// An account's leases in one epoch, in credit units.
///
/// Its allowance as `redeem` sees it is `own − listed − lent + borrowed`: listed and lent
/// credits are committed (neither its own vouchers nor its spenders may use them), borrowed
/// ones are its to spend. Σ lent = Σ borrowed over all accounts in every epoch, so leases move
/// allowance and never create any.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct EpochLeases {
	/// Credits on offer in open listings, not taken yet.
	pub listed: Balance,
	/// Credits taken from its listings by others.
	pub lent: Balance,
	/// Credits it leased in, as a beneficiary.
	pub borrowed: Balance,
}

impl EpochLeases {
	/// Credits of its own allowance it cannot use: listed plus lent.
	pub fn committed(&self) -> Balance {
		self.listed.saturating_add(self.lent)
	}

	/// The allowance `redeem` applies, given the allowance its own stake grants.
	pub fn allowance(&self, own: Balance) -> Balance {
		own.saturating_sub(self.committed()).saturating_add(self.borrowed)
	}

	/// Nothing listed, lent or borrowed.
	pub fn is_empty(&self) -> bool {
		self.listed == 0 && self.lent == 0 && self.borrowed == 0
	}
}

/// An account's allowance as inference credits keeps it, for the market.
pub trait CreditAllowance<AccountId> {
	/// The epoch in force; `None` until the chain's first timestamp.
	fn current_epoch() -> Option<EpochIndex>;
	/// The allowance `who`'s own credit stake grants in `epoch` (leases not counted). For an
	/// epoch after the current one it is what is staked now.
	fn own_allowance(who: &AccountId, epoch: EpochIndex) -> Balance;
	/// Credits redeemed against `who`'s allowance in `epoch` so far.
	fn used(who: &AccountId, epoch: EpochIndex) -> Balance;
	/// The part of `credits` that counts in the current epoch when it starts counting now: pro
	/// rata to the time left in the epoch, as a new stake counts.
	fn counts_now(credits: Balance) -> Balance;
}

/// Leases as the market keeps them, for inference credits.
pub trait CreditLeases<AccountId> {
	/// `who`'s leases in `epoch`.
	fn leases(who: &AccountId, epoch: EpochIndex) -> EpochLeases;
	/// The most credits `who` has committed (listed or lent) in any epoch after `epoch`:
	/// the stake an unstake must leave.
	fn committed_after(who: &AccountId, epoch: EpochIndex) -> Balance;
}

/// No market: nothing is ever leased.
impl<AccountId> CreditLeases<AccountId> for () {
	fn leases(_: &AccountId, _: EpochIndex) -> EpochLeases {
		EpochLeases::default()
	}
	fn committed_after(_: &AccountId, _: EpochIndex) -> Balance {
		0
	}
}

/// Where an operator is in its life, as the market shows it.
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
pub enum OperatorStanding {
	/// Registered, not approved yet.
	Pending,
	/// Approved: it may redeem vouchers (and publish offers).
	Approved,
	/// Unregistered: it redeems nothing more.
	Leaving,
}

/// What a client weighs when it chooses an operator: its status, what it can still serve this
/// epoch and its record over the last [`OperatorRecord::window`] epochs.
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
pub struct OperatorRecord {
	/// Its status.
	pub standing: OperatorStanding,
	/// Credits it may redeem per epoch (zero unless approved).
	pub capacity_per_epoch: Balance,
	/// Of that, what it has not redeemed in the current epoch.
	pub capacity_left: Balance,
	/// Credits it redeemed over the window (the current epoch included).
	pub redeemed: Balance,
	/// Epochs of the window governance voided for it.
	pub voided_epochs: u32,
	/// Epochs of the window in which governance slashed its bond.
	pub slashed_epochs: u32,
	/// How many epochs the record covers, ending with the current one.
	pub window: u32,
}

/// Operators' records as inference credits keeps them, for the market.
pub trait OperatorRecords<AccountId> {
	/// `operator`'s record; `None` if it is not a registered operator.
	fn record(operator: &AccountId) -> Option<OperatorRecord>;
	/// Whether `operator` is approved with a non-zero capacity (a zero capacity suspends it):
	/// what [`OperatorRecord`] says, without reading its window.
	fn is_approved(operator: &AccountId) -> bool;
}

impl OperatorRecord {
	/// Approved with a non-zero capacity.
	pub fn is_approved(&self) -> bool {
		self.standing == OperatorStanding::Approved && self.capacity_per_epoch > 0
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn leases_move_allowance_and_never_go_below_zero() {
		let leases = EpochLeases { listed: 3, lent: 2, borrowed: 4 };
		assert_eq!(leases.committed(), 5);
		assert_eq!(leases.allowance(10), 9);
		// A lister whose own allowance shrank below its commitment keeps only what it borrowed.
		assert_eq!(leases.allowance(1), 4);
		assert!(!leases.is_empty());
		assert!(EpochLeases::default().is_empty());
	}
}
