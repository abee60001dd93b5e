//! Unit tests by topic, in the test runtime defined here: System, Balances (HASH) and this
//! pallet; accounts are `u64`. Every test ends with `do_try_state` (see
//! `ExtBuilder::build_and_execute`).

use crate::{self as pallet_compute_staking, *};
use diem_primitives::Balance;
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU128, ConstU32, ConstU64, Hooks},
	PalletId,
};
use polkadot_sdk::{pallet_balances, sp_io};
use sp_runtime::{BuildStorage, Perbill};

// What the topic files use besides the mock's own imports.
use diem_primitives::StakeLocker;
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};
use sp_runtime::{DispatchError, PerThing};

type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type ComputeStaking = pallet_compute_staking;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

pub const ED: Balance = 10;

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<ED>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

pub const POOL: u64 = 999;
pub const MAX_CHUNKS: u32 = 4;
/// Blocks per year in the mock: a small number keeps the inflation bound easy to reason about.
pub const BLOCKS_PER_YEAR: u32 = 1_000;

parameter_types! {
	pub const StakingPalletId: PalletId = PalletId(*b"diem/stk");
	pub const RewardPool: u64 = POOL;
	pub const MaxYearlyInflation: Perbill = Perbill::from_percent(50);
}

impl Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type AdminOrigin = frame_system::EnsureRoot<u64>;
	type PalletId = StakingPalletId;
	type RewardPool = RewardPool;
	type MaxUnbondingChunks = ConstU32<MAX_CHUNKS>;
	type MaxYearlyInflation = MaxYearlyInflation;
	type BlocksPerYear = ConstU32<BLOCKS_PER_YEAR>;
	type MinUnbondingPeriod = ConstU64<MIN_UNBONDING>;
	type MaxUnbondingPeriod = ConstU64<MAX_UNBONDING>;
	type MinStakeLowerBound = ConstU128<MIN_STAKE_LOWER>;
	type MinStakeUpperBound = ConstU128<MIN_STAKE_UPPER>;
	type ParamsChangeDelay = ConstU64<PARAMS_CHANGE_DELAY>;
	type WeightInfo = ();
}

/// The bounds governance's staking parameters must keep to.
pub const MIN_UNBONDING: u64 = 2;
pub const MAX_UNBONDING: u64 = 1_000;
pub const MIN_STAKE_LOWER: Balance = 10;
pub const MIN_STAKE_UPPER: Balance = 10_000;
/// Blocks between a parameter change's announcement and its effect.
pub const PARAMS_CHANGE_DELAY: u64 = 5;

/// Stakers 1..=5 start with this much free HASH.
pub const INITIAL: Balance = 1_000_000;

pub fn default_params() -> ParamsOf<Test> {
	StakingParams {
		emission_per_block: 100,
		locked_yield_share: Perbill::from_percent(80),
		unbonding_period: 10,
		min_stake: 100,
	}
}

pub struct ExtBuilder {
	params: Option<ParamsOf<Test>>,
	stakers: Vec<(u64, Balance)>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { params: Some(default_params()), stakers: vec![] }
	}
}

impl ExtBuilder {
	pub fn params(mut self, params: Option<ParamsOf<Test>>) -> Self {
		self.params = params;
		self
	}

	pub fn stakers(mut self, stakers: Vec<(u64, Balance)>) -> Self {
		self.stakers = stakers;
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: (1..=5).map(|who| (who, INITIAL)).collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_compute_staking::GenesisConfig::<Test> {
			params: self.params,
			stakers: self.stakers,
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Runs `test`, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			ComputeStaking::do_try_state().expect("invariants hold after the test");
		})
	}
}

/// Advances to block `n`, running this pallet's `on_initialize` in every block like the
/// executive does.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		ComputeStaking::on_initialize(next);
	}
}

/// The events this pallet deposited, oldest first.
pub fn staking_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::ComputeStaking(event) => Some(event),
			_ => None,
		})
		.collect()
}

fn ledger(who: u64) -> LedgerOf<Test> {
	Ledgers::<Test>::get(who).expect("ledger exists")
}

fn held(who: u64) -> Balance {
	Balances::balance_on_hold(&HoldReason::Staked.into(), &who)
}

fn stake(who: u64, amount: Balance) {
	assert_ok!(ComputeStaking::stake(RuntimeOrigin::signed(who), amount));
}

mod emission;
mod locking;
mod model;
mod params;
mod rewards;
mod staking;
