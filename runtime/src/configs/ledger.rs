//! `pallet_diem_ledger`: the call surface that moves DIEM.

use crate::{AccountId, Balance, DiemBalances, Runtime, RuntimeHoldReason};
use diem_primitives::diem;
use polkadot_sdk::frame_support::{
	parameter_types,
	traits::{fungible::HoldConsideration, ConstU32, LinearStoragePrice},
};

parameter_types! {
	pub const AllowanceHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::DiemLedger(pallet_diem_ledger::HoldReason::AllowanceDeposit);
	/// An allowance holds 0.01 DIEM plus 0.0001 DIEM per byte of its storage (~0.02 DIEM).
	pub const AllowanceDepositBase: Balance = diem::UNIT / 100;
	pub const AllowanceDepositPerByte: Balance = diem::UNIT / 10_000;
}

impl pallet_diem_ledger::Config for Runtime {
	type Currency = DiemBalances;
	type AllowanceDeposit = HoldConsideration<
		AccountId,
		DiemBalances,
		AllowanceHoldReason,
		LinearStoragePrice<AllowanceDepositBase, AllowanceDepositPerByte, Balance>,
	>;
	type MaxMemoLen = ConstU32<256>;
	type MaxBatchPayments = ConstU32<64>;
	// Measured by `scripts/benchmark.sh` (the pallet's `weights.rs`).
	type WeightInfo = pallet_diem_ledger::weights::SubstrateWeight<Runtime>;
}
