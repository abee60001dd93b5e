//! `pallet_transaction_payment`: fees in HASH for weight and length.
//!
//! Fee = weight (1 base unit per picosecond of reference time) + length (1 µHASH per byte),
//! times a constant multiplier of 1 (`payment_queryInfo` quotes any extrinsic). Fees are
//! burned: there is no treasury yet, and burning keeps the issuance accounting exact.

use crate::{Balance, Balances, Runtime, RuntimeEvent};
use diem_primitives::hash::MICRO;
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		weights::{ConstantMultiplier, IdentityFee},
	},
	pallet_transaction_payment::{self, ConstFeeMultiplier, FungibleAdapter, Multiplier},
	sp_runtime::traits::One,
};

parameter_types! {
	pub const TransactionByteFee: Balance = MICRO;
	pub FeeMultiplier: Multiplier = Multiplier::one();
	/// Operational extrinsics pay 5x their tip in priority, so they win during congestion.
	pub const OperationalFeeMultiplier: u8 = 5;
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type WeightToFee = IdentityFee<Balance>;
	type LengthToFee = ConstantMultiplier<Balance, TransactionByteFee>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type OperationalFeeMultiplier = OperationalFeeMultiplier;
	type WeightInfo = crate::weights::pallet_transaction_payment::WeightInfo<Runtime>;
}
