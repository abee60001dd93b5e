//! Runtime-API types of the ledger.

use codec::{Decode, Encode};
use diem_primitives::Balance;
use scale_info::TypeInfo;

/// An account's DIEM, broken down the way a wallet shows it.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo)]
pub struct DiemBalance {
	/// Free DIEM (not held).
	pub free: Balance,
	/// What a transfer can move now and keep the account alive: free minus frozen and minus
	/// DIEM's minimum balance (an account with holds cannot be reaped).
	pub transferable: Balance,
	/// Every hold together (the credits pallet's credit stake, which its own API breaks down).
	pub held_total: Balance,
}
