//! `pallet_diem_ledger`: payments with a memo and batch payments, in HASH or any asset.

use crate::Runtime;
use polkadot_sdk::frame_support::traits::ConstU32;

impl pallet_diem_ledger::Config for Runtime {
	type AssetKind = super::assets::AssetKind;
	type Assets = super::assets::NativeAndAssets;
	type MaxMemoLen = ConstU32<256>;
	type MaxBatchPayments = ConstU32<64>;
	// Measured by `scripts/benchmark.sh` (the pallet's `weights.rs`).
	type WeightInfo = pallet_diem_ledger::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = PayInDiem;
}

/// Benchmarks pay in DIEM: an asset payment costs more than a HASH one.
#[cfg(feature = "runtime-benchmarks")]
pub struct PayInDiem;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_diem_ledger::BenchmarkHelper<super::assets::AssetKind> for PayInDiem {
	fn asset() -> super::assets::AssetKind {
		super::assets::DiemKind::get()
	}
}
