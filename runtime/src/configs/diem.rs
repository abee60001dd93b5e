//! `pallet_diem`: mint DIEM against locked HASH stake on the curve, burn to unlock.

use crate::{BlockNumber, ComputeStaking, Runtime};
use diem_primitives::{curve::CurveParams, time::DAYS};
use polkadot_sdk::frame_support::parameter_types;

parameter_types! {
	/// Venice's curve: R0 = 90 HASH, k = 2, T = 38,000 DIEM, capped at 57,000 DIEM.
	pub const DefaultCurve: CurveParams = CurveParams::venice();
	/// A scheduled curve change applies a day later (minting is paused meanwhile).
	pub const CurveChangeDelay: BlockNumber = DAYS;
}

impl pallet_diem::Config for Runtime {
	type Diem = super::assets::DiemToken;
	type StakeLocker = ComputeStaking;
	// A `diem_admin` referendum (or Root).
	type AdminOrigin = super::governance::DiemAdminOrigin;
	type DefaultCurve = DefaultCurve;
	type CurveChangeDelay = CurveChangeDelay;
	type Liquidity = super::dex::GenesisDiemPool;
	// Measured by `scripts/benchmark.sh` (the pallet's `weights.rs`).
	type WeightInfo = pallet_diem::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = StakeForBenchmarks;
}

/// Benchmarks: mint HASH to the account, stake it in compute staking with auto-compound on, and
/// let two blocks of rewards accrue.
#[cfg(feature = "runtime-benchmarks")]
pub struct StakeForBenchmarks;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_diem::BenchmarkHelper<crate::AccountId> for StakeForBenchmarks {
	fn stake(
		who: &crate::AccountId,
		amount: crate::Balance,
	) -> polkadot_sdk::sp_runtime::DispatchResult {
		use polkadot_sdk::frame_support::traits::fungible::Mutate;
		crate::Balances::mint_into(who, amount.saturating_add(diem_primitives::hash::UNIT))?;
		ComputeStaking::stake(crate::RuntimeOrigin::signed(who.clone()), amount)?;
		// Worst case for a lock: auto-compound on, rewards pending to restake.
		ComputeStaking::set_auto_compound(crate::RuntimeOrigin::signed(who.clone()), true)?;
		let now = crate::System::block_number();
		for block in 1..=2 {
			<ComputeStaking as polkadot_sdk::frame_support::traits::Hooks<_>>::on_initialize(
				now + block,
			);
		}
		Ok(())
	}
}
