//! The runtime API wallets call for an account's HASH stake, including rewards not yet settled
//! into its ledger (which a plain storage read of `Ledgers` would miss).
//!
//! From polkadot.js: `api.call.computeStakingApi.stakeState(who)`; from subxt: the typed call
//! from the metadata (`runtime_apis().compute_staking_api().stake_state(who)`).

use crate::StakeState;
use codec::Codec;

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// An account's HASH stake.
	pub trait ComputeStakingApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// `who`'s stake (unlocked, locked behind DIEM, unbonding) and claimable rewards;
		/// `None` if it has no stake.
		fn stake_state(who: AccountId) -> Option<StakeState<BlockNumber>>;
	}
}
