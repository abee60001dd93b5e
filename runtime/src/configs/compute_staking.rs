//! `pallet_compute_staking`: HASH staking, emissions, and stake locked behind DIEM.

use crate::{AccountId, Balances, Runtime, RuntimeHoldReason};
use diem_primitives::{
	hash,
	time::{DAYS, MINUTES},
};
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{ConstU128, ConstU32},
		PalletId,
	},
	sp_runtime::{traits::AccountIdConversion, Perbill},
};

parameter_types! {
	/// The reward pot (minted emission waiting to be claimed) is this pallet id's account.
	pub const StakingPalletId: PalletId = PalletId(*b"diem/stk");
	/// The operator reward pool: the inference-credits pallet pays operators from it.
	pub OperatorRewardPool: AccountId = PalletId(*b"diem/opr").into_account_truncating();
	/// A year of emission may be at most 10% of the HASH supply at the time it is set.
	pub const MaxYearlyInflation: Perbill = Perbill::from_percent(10);
}

/// Blocks in a 365-day year at the target block time.
pub const BLOCKS_PER_YEAR: u32 = DAYS * 365;

impl pallet_compute_staking::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	// A `diem_admin` referendum (or Root).
	type AdminOrigin = super::governance::DiemAdminOrigin;
	type PalletId = StakingPalletId;
	type RewardPool = OperatorRewardPool;
	type MaxUnbondingChunks = ConstU32<32>;
	type MaxYearlyInflation = MaxYearlyInflation;
	type BlocksPerYear = ConstU32<BLOCKS_PER_YEAR>;
	// One minute at the least, the dev chain's own period (the same runtime serves test and
	// production networks); four weeks at the most, so no vote can lock stake for longer.
	type MinUnbondingPeriod = ConstU32<{ MINUTES }>;
	type MaxUnbondingPeriod = ConstU32<{ 28 * DAYS }>;
	// A minimum stake of at least 0.01 HASH (ten existential deposits: no dust ledgers) and at
	// most 1,000 HASH (staking stays open to small holders).
	type MinStakeLowerBound = ConstU128<{ 10 * hash::MILLI }>;
	type MinStakeUpperBound = ConstU128<{ 1_000 * hash::UNIT }>;
	// A day, as for the curve: stakers see a change coming and can unbond under the old terms.
	type ParamsChangeDelay = ConstU32<DAYS>;
	// Measured by `scripts/benchmark.sh` (the pallet's `weights.rs`).
	type WeightInfo = pallet_compute_staking::weights::SubstrateWeight<Runtime>;
}
