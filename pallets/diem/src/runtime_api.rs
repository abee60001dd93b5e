//! The runtime API wallets and dApps call for quotes, the curve's state and positions.
//!
//! From polkadot.js: `api.call.diemApi.mintQuote(amount)`; from subxt:
//! `runtime_api().call_raw("DiemApi_mint_quote", ...)` or the typed call from the metadata.

use crate::{BuyOrMint, CurveStatus, PositionInfo, QuoteError, StakeQuote};
use codec::Codec;
use diem_primitives::Balance;

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Quotes and state of the DIEM mint curve.
	pub trait DiemApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// HASH (base units) that minting `diem` DIEM (base units) costs now.
		fn mint_quote(diem: Balance) -> Result<Balance, QuoteError>;
		/// What `mint_with_stake(stake, 0)` would mint now, what it would lock and what it
		/// would leave unlocked.
		fn stake_quote(stake: Balance) -> Result<StakeQuote, QuoteError>;
		/// The curve in force, the supply, the marginal rate, whether minting is open or paused,
		/// and a scheduled change.
		fn curve_status() -> CurveStatus<BlockNumber>;
		/// `who`'s minting position (locked HASH, outstanding DIEM, average rate).
		fn position(who: AccountId) -> Option<PositionInfo>;
	}
}

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Mint or buy: what `diem` DIEM costs on the curve and on the runtime's DEX (the runtime
	/// knows both; this pallet knows only the curve).
	pub trait DiemMarketApi {
		/// HASH that minting `diem` locks and that buying it on the DEX spends, now.
		fn buy_or_mint(diem: Balance) -> BuyOrMint;
	}
}
