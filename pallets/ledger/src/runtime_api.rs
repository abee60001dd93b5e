//! The runtime API wallets and dApps call for DIEM balances and allowances.

use crate::{AllowanceInfo, DiemBalance};
use codec::Codec;

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// DIEM balances and allowances.
	pub trait DiemLedgerApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// `who`'s DIEM: free, transferable, held for allowance deposits, held in all.
		fn balance(who: AccountId) -> DiemBalance;
		/// What `owner` lets `spender` move.
		fn allowance(owner: AccountId, spender: AccountId) -> Option<AllowanceInfo<BlockNumber>>;
	}
}
