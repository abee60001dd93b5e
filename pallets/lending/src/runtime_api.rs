//! The runtime API of the lending market: what wallets and dApps read.

use crate::{MarketView, PositionView};
use polkadot_sdk::sp_api;

sp_api::decl_runtime_apis! {
	/// The lending market with interest accrued to the current block.
	pub trait LendingApi<AccountId>
	where
		AccountId: codec::Codec,
	{
		/// Supplied, borrowed, liquidity, utilisation, rates, reserve, bad debt, the oracle's
		/// price and age, and the parameters; `None` while the market has no parameters.
		fn market() -> Option<MarketView>;
		/// `who`'s supply, collateral and debt, its borrowing limit, health factor and
		/// liquidation price.
		fn position(who: AccountId) -> PositionView;
	}
}
