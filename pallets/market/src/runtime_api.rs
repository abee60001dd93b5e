//! The runtime API clients call for the market: offers, the lease book, an account's leases.
//!
//! From polkadot.js: `api.call.marketApi.offers(model)`; from subxt: the typed call from the
//! metadata.

use crate::{AccountLeasesView, ListingView, OfferView};
use alloc::vec::Vec;
use codec::Codec;
use diem_primitives::voucher::EpochIndex;

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Offers, the lease book and accounts' leases.
	pub trait MarketApi<AccountId>
	where
		AccountId: Codec,
	{
		/// Offers of approved operators (for one model if given), cheapest first within each
		/// price unit, each with the operator's status, capacity left and recent record.
		fn offers(model: Option<Vec<u8>>) -> Vec<OfferView<AccountId>>;
		/// Open listings overlapping `first..=last` (bounds optional), cheapest first.
		fn lease_book(first: Option<EpochIndex>, last: Option<EpochIndex>) -> Vec<ListingView<AccountId>>;
		/// `who`'s listings, leases in and out, and its lease records by epoch.
		fn account_leases(who: AccountId) -> AccountLeasesView<AccountId>;
	}
}
