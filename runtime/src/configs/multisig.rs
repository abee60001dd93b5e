//! `pallet_multisig`: k-of-n accounts (team treasuries, operator cold keys).

use crate::{Balance, Balances, Runtime, RuntimeCall, RuntimeEvent, System};
use diem_primitives::hash::MILLI;
use polkadot_sdk::{
	frame_support::{parameter_types, traits::ConstU32},
	pallet_multisig,
};

parameter_types! {
	/// Reserved while a multisig operation is pending: base plus a share per signatory, so
	/// pending operations pay for the storage they occupy.
	pub const DepositBase: Balance = 100 * MILLI;
	pub const DepositFactor: Balance = 10 * MILLI;
}

impl pallet_multisig::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type DepositBase = DepositBase;
	type DepositFactor = DepositFactor;
	type MaxSignatories = ConstU32<100>;
	type WeightInfo = crate::weights::pallet_multisig::WeightInfo<Runtime>;
	type BlockNumberProvider = System;
}
