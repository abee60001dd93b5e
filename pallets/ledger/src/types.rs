//! Storage and runtime-API types of the ledger.

use codec::{Decode, Encode, MaxEncodedLen};
use diem_primitives::Balance;
use scale_info::TypeInfo;

/// What `owner` lets `spender` move, until when, and the deposit ticket that pays for the
/// storage (released when the allowance is used up or cancelled).
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct Allowance<BlockNumber, Ticket> {
	/// DIEM base units the spender may still move.
	pub amount: Balance,
	/// Last block at which the allowance can be used (`None`: no expiry).
	pub expires_at: Option<BlockNumber>,
	/// The storage deposit held from the owner.
	pub deposit: Ticket,
}

/// An allowance as the runtime API reports it.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct AllowanceInfo<BlockNumber> {
	/// DIEM base units the spender may still move.
	pub amount: Balance,
	/// Last block at which it can be used.
	pub expires_at: Option<BlockNumber>,
	/// Whether it has expired.
	pub expired: bool,
}

/// An account's DIEM, broken down the way a wallet shows it.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo)]
pub struct DiemBalance {
	/// Free DIEM (not held).
	pub free: Balance,
	/// What `transfer` can move now: free minus frozen, and minus the existential deposit while
	/// the account has holds (an account with holds cannot be reaped).
	pub transferable: Balance,
	/// DIEM held as deposits for allowances this account granted.
	pub held_for_allowance_deposits: Balance,
	/// Every hold together: the deposits above and other pallets' holds (the credits pallet's
	/// credit stake, which its own API breaks down).
	pub held_total: Balance,
}
