//! `pallet_inference_credits`: DIEM staked for a daily allowance, vouchers, operators and their
//! rewards from the operator reward pool that compute staking fills.

use crate::{Balances, ComputeStaking, Runtime, RuntimeHoldReason, Timestamp};
use diem_primitives::{diem, hash, voucher::EpochIndex};
use polkadot_sdk::frame_support::{parameter_types, traits::ConstU32};

/// Vouchers one `redeem` may carry; the largest batch fits half a block (runtime tests).
pub const MAX_VOUCHERS_PER_BATCH: u32 = 256;

/// One day in ms: epochs are UTC days unless a preset or governance says otherwise.
pub const DAY_MS: u64 = 86_400_000;

parameter_types! {
	/// 0.1 DIEM: the least a credit stake holds.
	pub const MinCreditStake: crate::Balance = diem::UNIT / 10;
	/// A spender entry's storage costs its staker 1 HASH, returned when the entry goes.
	pub const SpenderDeposit: crate::Balance = hash::UNIT;
	/// An operator's bond: what governance can slash for bad service.
	pub const OperatorBond: crate::Balance = 10_000 * hash::UNIT;
	/// A whole credit (one DIEM-day) earns an operator at most 1 HASH from the pool.
	pub const MaxRewardPerCredit: crate::Balance = hash::UNIT;
	/// Governance may void an operator's epoch for 2 epochs after its redemption window.
	pub const DisputeEpochs: EpochIndex = 2;
	/// Claims stay open 30 epochs.
	pub const ClaimEpochs: EpochIndex = 30;
	/// Epochs last between two slots (12 s: test chains, where a voucher must be signed, redeemed
	/// and its rewards claimed within a test run; one slot would leave no time to redeem) and 30
	/// days. The dev preset uses one minute, public networks a day.
	pub const MinEpochLength: u64 = 2 * diem_primitives::time::MILLI_SECS_PER_BLOCK;
	pub const MaxEpochLength: u64 = 30 * DAY_MS;
	pub const DefaultEpochLength: u64 = DAY_MS;
}

impl pallet_inference_credits::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Diem = super::assets::DiemHolds;
	type BondCurrency = Balances;
	type UnixTime = Timestamp;
	// Credit leases are the market's.
	type Leases = crate::Market;
	// The epoch length: a `diem_admin` referendum; operators: an `operator_admin` one (or Root).
	type AdminOrigin = super::governance::DiemAdminOrigin;
	type OperatorAdminOrigin = super::governance::OperatorAdminOrigin;
	type RewardPool = super::compute_staking::OperatorRewardPool;
	type PoolAccrual = ComputeStaking;
	type MinCreditStake = MinCreditStake;
	type MaxUnlockingChunks = ConstU32<16>;
	type MaxSpenders = ConstU32<16>;
	type SpenderDeposit = SpenderDeposit;
	type OperatorBond = OperatorBond;
	type MaxMetadataLen = ConstU32<256>;
	type MaxVouchersPerBatch = ConstU32<MAX_VOUCHERS_PER_BATCH>;
	type MaxCountersPerPayer = ConstU32<32>;
	type DisputeEpochs = DisputeEpochs;
	type ClaimEpochs = ClaimEpochs;
	type MaxRewardPerCredit = MaxRewardPerCredit;
	type MinEpochLength = MinEpochLength;
	type MaxEpochLength = MaxEpochLength;
	type DefaultEpochLength = DefaultEpochLength;
	type PruneBudget = ConstU32<64>;
	type WeightInfo = pallet_inference_credits::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = CreditsBenchmarkHelper;
}

/// Benchmarks: chain time through the timestamp pallet (which advances the epoch clock), pool
/// income through compute staking's counter.
#[cfg(feature = "runtime-benchmarks")]
pub struct CreditsBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_inference_credits::BenchmarkHelper<crate::AccountId> for CreditsBenchmarkHelper {
	fn fund_diem(who: &crate::AccountId, amount: crate::Balance) {
		use polkadot_sdk::frame_support::traits::fungible::Mutate;
		let _ = super::assets::DiemToken::mint_into(who, amount);
	}

	fn set_time(now: u64) {
		// Not through `Timestamp::set_timestamp`: Aura would insist the time match its slot.
		polkadot_sdk::pallet_timestamp::Now::<Runtime>::put(now);
		<crate::InferenceCredits as polkadot_sdk::frame_support::traits::OnTimestampSet<u64>>::on_timestamp_set(now);
	}

	fn add_pool_income(amount: crate::Balance) {
		pallet_compute_staking::TotalPoolAccrued::<Runtime>::mutate(|total| {
			*total = total.saturating_add(amount)
		});
	}
}
