//! `pallet_proxy`: delegate calls to another account (hot keys for operators, wallets with
//! limited rights).
//!
//! Every proxy type but `Any` is a whitelist: a call reaches the delegator's account only if its
//! type names it. Calls that wrap other calls are whitelisted only where the wrapped calls meet
//! the same filter again: `pallet_utility`'s batches and `as_derivative` dispatch with the proxy's
//! filtered origin, so each inner call is checked. `Proxy::proxy` and `pallet_multisig` dispatch
//! with a fresh origin that no longer carries the filter, so no type but `Any` may call them.

use crate::{Balance, Balances, Runtime, RuntimeCall, RuntimeEvent, System};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use diem_primitives::hash::MILLI;
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{ConstU32, InstanceFilter},
	},
	frame_system, pallet_proxy, pallet_session, pallet_utility,
	sp_runtime::traits::BlakeTwo256,
};
use scale_info::TypeInfo;

/// What a proxy may do on behalf of its delegator. The encoding of each variant is fixed: new
/// types are appended.
#[derive(
	Copy,
	Clone,
	Eq,
	PartialEq,
	Ord,
	PartialOrd,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Debug,
	MaxEncodedLen,
	TypeInfo,
	Default,
)]
pub enum ProxyType {
	/// Everything, including what the other types forbid.
	#[default]
	Any,
	/// Managing the delegator's own stake, DIEM position and credit stake, session keys and
	/// proxies: nothing that moves HASH or DIEM to another account, grants credits or operator
	/// rights to another key, uses Root or approves multisig calls.
	NonTransfer,
	/// Only rejecting announcements of other proxies (a safety key).
	CancelProxy,
	/// HASH compute staking and DIEM credit staking.
	Staking,
	/// An operator's hot work: redeeming vouchers (as the redeem key), claiming rewards and
	/// keeping its market offers' prices.
	Operator,
}

impl ProxyType {
	/// Calls that carry other calls and dispatch them with the same, still filtered, origin.
	fn is_filtered_wrapper(call: &RuntimeCall) -> bool {
		matches!(
			call,
			RuntimeCall::Utility(
				pallet_utility::Call::batch { .. }
					| pallet_utility::Call::batch_all { .. }
					| pallet_utility::Call::force_batch { .. }
					| pallet_utility::Call::if_else { .. }
					| pallet_utility::Call::as_derivative { .. }
			)
		)
	}

	fn is_staking(call: &RuntimeCall) -> bool {
		use pallet_compute_staking::Call as Staking;
		use pallet_inference_credits::Call as Credits;
		matches!(
			call,
			RuntimeCall::ComputeStaking(
				Staking::stake { .. }
					| Staking::unstake { .. }
					| Staking::withdraw_unbonded { .. }
					| Staking::rebond { .. }
					| Staking::claim_rewards { .. }
					| Staking::set_auto_compound { .. }
					| Staking::compound { .. }
			) | RuntimeCall::InferenceCredits(
				Credits::stake { .. } | Credits::unstake { .. } | Credits::withdraw { .. }
			)
		)
	}

	fn is_non_transfer(call: &RuntimeCall) -> bool {
		use pallet_diem::Call as Diem;
		use pallet_inference_credits::Call as Credits;
		use pallet_proxy::Call as Proxy;
		Self::is_staking(call)
			|| Self::is_cancel_proxy(call)
			|| matches!(
				call,
				RuntimeCall::System(
					frame_system::Call::remark { .. } | frame_system::Call::remark_with_event { .. }
				) | RuntimeCall::Diem(
					Diem::mint { .. } | Diem::mint_with_stake { .. } | Diem::burn { .. }
				) | RuntimeCall::InferenceCredits(Credits::remove_spender { .. })
					// Ending a listing only frees the account's own credits.
					| RuntimeCall::Market(pallet_market::Call::cancel_lease { .. })
					| RuntimeCall::Session(pallet_session::Call::set_keys { .. })
					| RuntimeCall::ValidatorSet(pallet_validator_set::Call::purge_keys { .. })
					// `pallet_proxy` itself refuses adding or removing a type that is not a subset.
					| RuntimeCall::Proxy(
						Proxy::add_proxy { .. }
							| Proxy::remove_proxy { .. }
							| Proxy::remove_announcement { .. }
							| Proxy::poke_deposit { .. }
					)
			)
	}

	fn is_operator(call: &RuntimeCall) -> bool {
		use pallet_inference_credits::Call as Credits;
		matches!(
			call,
			RuntimeCall::InferenceCredits(
				Credits::redeem { .. } | Credits::claim_operator_rewards { .. }
			) | RuntimeCall::Market(
				pallet_market::Call::set_offer { .. } | pallet_market::Call::remove_offer { .. }
			)
		)
	}

	fn is_cancel_proxy(call: &RuntimeCall) -> bool {
		matches!(call, RuntimeCall::Proxy(pallet_proxy::Call::reject_announcement { .. }))
	}
}

impl InstanceFilter<RuntimeCall> for ProxyType {
	fn filter(&self, call: &RuntimeCall) -> bool {
		match self {
			ProxyType::Any => true,
			_ if Self::is_filtered_wrapper(call) => true,
			ProxyType::NonTransfer => Self::is_non_transfer(call),
			ProxyType::CancelProxy => Self::is_cancel_proxy(call),
			ProxyType::Staking => Self::is_staking(call),
			ProxyType::Operator => Self::is_operator(call),
		}
	}

	fn is_superset(&self, other: &Self) -> bool {
		match (self, other) {
			(x, y) if x == y => true,
			(ProxyType::Any, _) => true,
			(_, ProxyType::Any) => false,
			(ProxyType::NonTransfer, ProxyType::CancelProxy | ProxyType::Staking) => true,
			_ => false,
		}
	}
}

parameter_types! {
	/// Proxy and announcement deposits reserve HASH for the storage they occupy.
	pub const ProxyDepositBase: Balance = 100 * MILLI;
	pub const ProxyDepositFactor: Balance = 10 * MILLI;
	pub const AnnouncementDepositBase: Balance = 100 * MILLI;
	pub const AnnouncementDepositFactor: Balance = 20 * MILLI;
}

impl pallet_proxy::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type ProxyType = ProxyType;
	type ProxyDepositBase = ProxyDepositBase;
	type ProxyDepositFactor = ProxyDepositFactor;
	type MaxProxies = ConstU32<32>;
	type WeightInfo = crate::weights::pallet_proxy::WeightInfo<Runtime>;
	type MaxPending = ConstU32<32>;
	type CallHasher = BlakeTwo256;
	type AnnouncementDepositBase = AnnouncementDepositBase;
	type AnnouncementDepositFactor = AnnouncementDepositFactor;
	type BlockNumberProvider = System;
}
