//! The runtime API validators, wallets and dashboards call to see who validates now and next.

use crate::ValidatorSetState;
use codec::Codec;

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// The current, queued and target validator sets and the session clock.
	pub trait ValidatorSetApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// Who validates in this session and the next, what governance decided, and when the
		/// next session starts.
		fn validator_set() -> ValidatorSetState<AccountId, BlockNumber>;
	}
}
