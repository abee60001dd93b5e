//! `pallet_proxy`: delegate calls to another account (hot keys for operators, wallets with
//! limited rights).

use crate::{Balance, Balances, Runtime, RuntimeCall, RuntimeEvent, System};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use diem_primitives::hash::MILLI;
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{ConstU32, InstanceFilter},
	},
	pallet_balances, pallet_proxy, pallet_sudo,
	sp_runtime::traits::BlakeTwo256,
};
use scale_info::TypeInfo;

/// What a proxy may do on behalf of its delegator.
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
	/// Everything.
	#[default]
	Any,
	/// Everything except moving HASH and using Root.
	NonTransfer,
	/// Only rejecting announcements of other proxies (a safety key).
	CancelProxy,
}

impl InstanceFilter<RuntimeCall> for ProxyType {
	fn filter(&self, call: &RuntimeCall) -> bool {
		match self {
			ProxyType::Any => true,
			ProxyType::NonTransfer => !matches!(
				call,
				RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death { .. })
					| RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive { .. })
					| RuntimeCall::Balances(pallet_balances::Call::transfer_all { .. })
					| RuntimeCall::Sudo(pallet_sudo::Call::sudo { .. })
					| RuntimeCall::Sudo(pallet_sudo::Call::sudo_unchecked_weight { .. })
					| RuntimeCall::Sudo(pallet_sudo::Call::sudo_as { .. })
			),
			ProxyType::CancelProxy => {
				matches!(call, RuntimeCall::Proxy(pallet_proxy::Call::reject_announcement { .. }))
			}
		}
	}

	fn is_superset(&self, other: &Self) -> bool {
		match (self, other) {
			(ProxyType::Any, _) => true,
			(_, ProxyType::Any) => false,
			(ProxyType::NonTransfer, ProxyType::CancelProxy) => true,
			(x, y) => x == y,
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
