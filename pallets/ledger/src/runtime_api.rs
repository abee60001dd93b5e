//! The runtime API wallets and dApps call for an account's DIEM.

use crate::DiemBalance;
use codec::Codec;

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// DIEM balances, as `pallet-assets` and its holds keep them.
	#[api_version(2)]
	pub trait DiemLedgerApi<AccountId>
	where
		AccountId: Codec,
	{
		/// `who`'s DIEM: free, transferable, held.
		fn balance(who: AccountId) -> DiemBalance;
	}
}
