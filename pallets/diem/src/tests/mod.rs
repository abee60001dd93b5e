//! Unit tests by topic, in the test runtime defined here: System, Balances (HASH),
//! `pallet-assets` holding DIEM (as on chain, seen through `ItemOf`), the real compute staking
//! pallet and this pallet, so locks, mints and burns go through the same code as on chain. Accounts are `u64`; amounts use the chain's
//! real units. Every test ends with both pallets' `do_try_state`.

use crate::{self as pallet_diem, *};
use diem_primitives::{curve::CurveParams, diem, hash, Balance};
use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::ItemOf, AsEnsureOriginWithArg, ConstU128, ConstU32, ConstU64, Hooks},
	PalletId,
};
use frame_system::{EnsureRoot, EnsureSigned};
use polkadot_sdk::sp_runtime::{BuildStorage, Perbill};
use polkadot_sdk::{pallet_assets, pallet_balances, sp_io};

// What the topic files use besides the mock's own imports.
use diem_primitives::{curve, StakeLocker};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, Mutate},
};
use polkadot_sdk::sp_runtime::{DispatchError, TokenError};

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
	pub type Assets = pallet_assets;
	#[runtime::pallet_index(3)]
	pub type ComputeStaking = pallet_compute_staking;
	#[runtime::pallet_index(4)]
	pub type Diem = pallet_diem;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<{ hash::EXISTENTIAL_DEPOSIT }>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
impl pallet_assets::Config for Test {
	type Balance = Balance;
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<EnsureSigned<u64>>;
	type ForceOrigin = EnsureRoot<u64>;
	type Freezer = ();
	type Holder = ();
}

/// DIEM's asset id, owned by [`DIEM_OWNER`] (keyless on chain).
pub const DIEM_ID: u32 = diem::ASSET_ID;
pub const DIEM_OWNER: u64 = 996;

parameter_types! {
	pub const DiemAssetId: u32 = DIEM_ID;
}

/// DIEM as this pallet sees it, as on the runtime.
pub type DiemBalances = ItemOf<Assets, DiemAssetId, u64>;

parameter_types! {
	pub const StakingPalletId: PalletId = PalletId(*b"diem/stk");
	pub const RewardPool: u64 = 999;
	pub const MaxYearlyInflation: Perbill = Perbill::from_percent(50);
	pub const VeniceCurve: CurveParams = CurveParams::venice();
}

impl pallet_compute_staking::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type AdminOrigin = frame_system::EnsureRoot<u64>;
	type PalletId = StakingPalletId;
	type RewardPool = RewardPool;
	type MaxUnbondingChunks = ConstU32<4>;
	type MaxYearlyInflation = MaxYearlyInflation;
	type BlocksPerYear = ConstU32<1_000>;
	type MinUnbondingPeriod = ConstU64<1>;
	type MaxUnbondingPeriod = ConstU64<1_000>;
	type MinStakeLowerBound = ConstU128<1>;
	type MinStakeUpperBound = ConstU128<{ 1_000 * hash::UNIT }>;
	type ParamsChangeDelay = ConstU64<CHANGE_DELAY>;
	type WeightInfo = ();
}

pub const CHANGE_DELAY: u64 = 5;
/// Where [`MockLiquidity`] sends genesis liquidity.
pub const POOL: u64 = 997;

/// Genesis liquidity moves both amounts to [`POOL`] (the runtime creates a real DEX pool).
pub struct MockLiquidity;
impl GenesisLiquidity<u64> for MockLiquidity {
	fn provide(
		who: &u64,
		hash: Balance,
		diem: Balance,
	) -> polkadot_sdk::sp_runtime::DispatchResult {
		use frame_support::traits::tokens::Preservation;
		Balances::transfer(who, &POOL, hash, Preservation::Preserve)?;
		DiemBalances::transfer(who, &POOL, diem, Preservation::Preserve)?;
		Ok(())
	}
}

impl Config for Test {
	type Diem = DiemBalances;
	type StakeLocker = ComputeStaking;
	type AdminOrigin = frame_system::EnsureRoot<u64>;
	type DefaultCurve = VeniceCurve;
	type CurveChangeDelay = CurveChangeDelay;
	type Liquidity = MockLiquidity;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = StakeFromFreeBalance;
}

parameter_types! {
	pub const CurveChangeDelay: u64 = CHANGE_DELAY;
}

/// Benchmarks: mint HASH to the account, stake it with auto-compound on, accrue a block.
#[cfg(feature = "runtime-benchmarks")]
pub struct StakeFromFreeBalance;
#[cfg(feature = "runtime-benchmarks")]
impl BenchmarkHelper<u64> for StakeFromFreeBalance {
	fn stake(who: &u64, amount: Balance) -> polkadot_sdk::sp_runtime::DispatchResult {
		use frame_support::traits::fungible::Mutate;
		Balances::mint_into(who, amount + hash::UNIT)?;
		ComputeStaking::stake(RuntimeOrigin::signed(*who), amount)?;
		ComputeStaking::set_auto_compound(RuntimeOrigin::signed(*who), true)?;
		ComputeStaking::on_initialize(System::block_number() + 1);
		Ok(())
	}
}

/// Accounts 1..=5 start with this much free HASH; 1..=3 stake `STAKE` of it at genesis.
pub const INITIAL: Balance = 10_000_000 * hash::UNIT;
pub const STAKE: Balance = 5_000_000 * hash::UNIT;

pub struct ExtBuilder {
	curve: Option<CurveParams>,
	minting_open: bool,
	mints: Vec<(u64, Balance)>,
	liquidity: Vec<(u64, Balance, Balance)>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { curve: None, minting_open: true, mints: vec![], liquidity: vec![] }
	}
}

impl ExtBuilder {
	pub fn curve(mut self, curve: CurveParams) -> Self {
		self.curve = Some(curve);
		self
	}

	pub fn minting_open(mut self, open: bool) -> Self {
		self.minting_open = open;
		self
	}

	pub fn mints(mut self, mints: Vec<(u64, Balance)>) -> Self {
		self.mints = mints;
		self
	}

	pub fn liquidity(mut self, liquidity: Vec<(u64, Balance, Balance)>) -> Self {
		self.liquidity = liquidity;
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
		pallet_assets::GenesisConfig::<Test> {
			assets: vec![(DIEM_ID, DIEM_OWNER, true, diem::EXISTENTIAL_DEPOSIT)],
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_compute_staking::GenesisConfig::<Test> {
			params: Some(pallet_compute_staking::StakingParams {
				emission_per_block: hash::UNIT,
				locked_yield_share: Perbill::from_percent(80),
				unbonding_period: 10,
				min_stake: hash::UNIT,
			}),
			stakers: (1..=3).map(|who| (who, STAKE)).collect(),
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_diem::GenesisConfig::<Test> {
			curve: self.curve,
			minting_open: self.minting_open,
			mints: self.mints,
			liquidity: self.liquidity,
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Runs `test`, then checks this pallet's and compute staking's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Diem::do_try_state().expect("DIEM invariants hold after the test");
			ComputeStaking::do_try_state().expect("staking invariants hold after the test");
		})
	}
}

/// Advances to block `n`, running both pallets' `on_initialize` like the executive does.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		ComputeStaking::on_initialize(next);
		Diem::on_initialize(next);
	}
}

/// The events this pallet deposited, oldest first.
pub fn diem_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Diem(event) => Some(event),
			_ => None,
		})
		.collect()
}

fn mint(who: u64, diem: Balance) -> Balance {
	let cost = Diem::mint_quote(diem).expect("quotable");
	assert_ok!(Diem::mint(RuntimeOrigin::signed(who), diem, cost));
	cost
}

fn unlocked(who: u64) -> Balance {
	<ComputeStaking as StakeLocker<u64, Balance>>::unlocked_stake(&who)
}

fn locked(who: u64) -> Balance {
	<ComputeStaking as StakeLocker<u64, Balance>>::locked(&who)
}

/// The cost of the first DIEM on the Venice curve.
fn diem_events_cost() -> Balance {
	curve::mint_cost(&CurveParams::venice(), 0, diem::UNIT).unwrap()
}

mod burn;
mod governance;
mod mint;
mod mint_with_stake;
mod model;
mod quotes;
