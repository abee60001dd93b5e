//! The runtime API wallets, operators and dApps call for epochs, credits and operators.
//!
//! From polkadot.js: `api.call.inferenceCreditsApi.creditState(who)`; from subxt: the typed
//! call from the metadata, or `call_raw("InferenceCreditsApi_credit_state", ...)`.

use crate::{CreditState, EpochClock, OperatorState};
use codec::Codec;
use diem_primitives::voucher::{PayloadWrapping, VoucherPayload, VoucherTerms};

polkadot_sdk::sp_api::decl_runtime_apis! {
	/// Epochs, credit allowances, operators and the voucher format.
	///
	/// Version 2 adds `voucher_payload`.
	#[api_version(2)]
	pub trait InferenceCreditsApi<AccountId>
	where
		AccountId: Codec,
	{
		/// The epoch in force, when the next begins and how long it lasts (`None` before the
		/// chain's first block).
		fn epoch() -> Option<EpochClock>;
		/// `who`'s credits this epoch: stake, allowance, used, remaining, unlocking stake and
		/// spender keys with their caps and usage. An operator calls it before serving.
		fn credit_state(who: AccountId) -> Option<CreditState<AccountId>>;
		/// An operator's bond, status, capacity and its epochs on record with what it may claim.
		fn operator_state(operator: AccountId) -> Option<OperatorState<AccountId>>;
		/// The exact bytes a voucher's signer signs on this chain.
		fn voucher_signing_bytes(
			terms: VoucherTerms,
			wrapping: PayloadWrapping,
		) -> alloc::vec::Vec<u8>;
		/// The message a voucher's signer signs, as a typed struct: its SCALE encoding is the
		/// `Raw` signing bytes. A client that decodes the answer with the metadata's type and
		/// encodes it again (`payload.toU8a()` in polkadot.js) holds the message by construction,
		/// with no length prefix to strip.
		#[api_version(2)]
		fn voucher_payload(terms: VoucherTerms) -> VoucherPayload;
	}
}
