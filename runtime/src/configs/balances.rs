//! `pallet_balances`: HASH, the native token. Pays fees, will be staked and bond operators.

use crate::{Balance, Runtime, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason, System};
use diem_primitives::hash::EXISTENTIAL_DEPOSIT;
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{ConstU32, VariantCountOf},
	},
	pallet_balances,
};

parameter_types! {
	pub const ExistentialDeposit: Balance = EXISTENTIAL_DEPOSIT;
}

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = crate::weights::pallet_balances_balances::WeightInfo<Runtime>;
	type Balance = Balance;
	// Dust of reaped accounts is burned (total issuance drops by the same amount).
	type DustRemoval = ();
	type ExistentialDeposit = ExistentialDeposit;
	type AccountStore = System;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	// Locks and reserves are legacy; pallets here use holds and freezes.
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}
