//! Unit tests by topic, in the test runtime defined here: System, Balances (HASH), a second
//! balances instance (DIEM, with holds) and this pallet. The pool is a mock ([`MockPool`]): the
//! tests set its reserves, and [`run_to`] runs the blocks whose initialization reads them.
//! `try_state` runs after each test (`ExtBuilder::build_and_execute`).

use crate::{self as pallet_lending, *};
use diem_primitives::{diem, hash, AccountId, Balance};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU128, ConstU32, Hooks, StorageMapShim},
	PalletId,
};
pub use polkadot_sdk::sp_runtime;
use polkadot_sdk::{frame_support, frame_system, pallet_balances, sp_io};
pub use sp_runtime::{traits::IdentityLookup, BuildStorage, FixedU128, Permill};

// What the topic files use besides the mock's own imports.
pub use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};

mod borrow;
mod liquidate;
mod oracle;
mod params;
mod property;
mod supply;
mod views;

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
	pub type DiemBalances = pallet_balances<Instance1>;
	#[runtime::pallet_index(3)]
	pub type Lending = pallet_lending;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<{ hash::EXISTENTIAL_DEPOSIT }>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config<pallet_balances::Instance1> for Test {
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<{ diem::EXISTENTIAL_DEPOSIT }>;
	type AccountStore = StorageMapShim<
		pallet_balances::Account<Test, pallet_balances::Instance1>,
		AccountId,
		pallet_balances::AccountData<Balance>,
	>;
	type RuntimeHoldReason = RuntimeHoldReason;
}

parameter_types! {
	/// The pool's HASH and DIEM (`None`: no pool).
	pub static Reserves: Option<(Balance, Balance)> = Some((POOL_HASH, POOL_DIEM));
	pub const LendingPalletId: PalletId = PalletId(*b"diem/lnd");
}

/// The HASH/DIEM pool as the market sees it.
pub struct MockPool;
impl PoolReserves for MockPool {
	fn reserves() -> Option<(Balance, Balance)> {
		Reserves::get()
	}
}

pub const UNIT: Balance = hash::UNIT;
/// 10,000 HASH against 5,000 DIEM: 2 HASH per DIEM.
pub const POOL_HASH: Balance = 10_000 * UNIT;
pub const POOL_DIEM: Balance = 5_000 * UNIT;
pub const BLOCKS_PER_YEAR: u32 = 1_000;
pub const INTERVAL: u32 = 5;
pub const RING: u32 = 12;
pub const WINDOW: u32 = 20;
pub const DELAY: u32 = 10;
pub const INITIAL_HASH: Balance = 100_000 * UNIT;
pub const INITIAL_DIEM: Balance = 10_000 * UNIT;

impl Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type NativeCurrency = Balances;
	type Diem = DiemBalances;
	type Pool = MockPool;
	type GovernanceOrigin = frame_system::EnsureRoot<AccountId>;
	type PalletId = LendingPalletId;
	type BlocksPerYear = ConstU32<BLOCKS_PER_YEAR>;
	type ParamsChangeDelay = ConstU32<DELAY>;
	type ObservationInterval = ConstU32<INTERVAL>;
	type MaxObservations = ConstU32<RING>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// Benchmarks: funded accounts and the mock pool.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl BenchmarkHelper<AccountId> for MockBenchmarkHelper {
	fn fund(who: &AccountId, hash: Balance, diem: Balance) {
		use frame_support::traits::fungible::Mutate;
		Balances::set_balance(who, hash);
		DiemBalances::set_balance(who, diem);
	}
	fn set_pool(hash: Balance, diem: Balance) {
		Reserves::set(Some((hash, diem)));
	}
}

/// The parameters the tests start with: LTV 50%, liquidation at 75%, close factor 50%, bonus
/// 10%, reserve factor 10%, 2% + 10% to the kink at 80%, + 300% above it.
pub fn test_params() -> MarketParams {
	MarketParams {
		collateral_factor: Permill::from_percent(50),
		liquidation_threshold: Permill::from_percent(75),
		close_factor: Permill::from_percent(50),
		liquidation_bonus: Permill::from_percent(10),
		reserve_factor: Permill::from_percent(10),
		rate: RateModel {
			base: FixedU128::from_rational(2, 100),
			slope_low: FixedU128::from_rational(10, 100),
			slope_high: FixedU128::from_u32(3),
			kink: Permill::from_percent(80),
		},
		supply_cap: 1_000_000 * UNIT,
		borrow_cap: 1_000_000 * UNIT,
		max_borrow_of_pool: Permill::from_percent(50),
		min_pool_depth: 1_000 * UNIT,
		oracle_window: WINDOW,
		max_oracle_age: 5,
		max_deviation: Permill::from_percent(10),
	}
}

pub fn account(n: u8) -> AccountId {
	AccountId::new([n; 32])
}
pub fn alice() -> AccountId {
	account(1)
}
pub fn bob() -> AccountId {
	account(2)
}
pub fn charlie() -> AccountId {
	account(3)
}
pub fn dave() -> AccountId {
	account(4)
}
pub fn signed(who: &AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.clone())
}
pub fn market() -> AccountId {
	Lending::account_id()
}

/// Runs blocks up to `n`, each one's initialization reading the pool.
pub fn run_to(n: u64) {
	while System::block_number() < n {
		let number = System::block_number() + 1;
		System::set_block_number(number);
		Lending::on_initialize(number);
	}
}
/// Runs `blocks` more blocks.
pub fn run_for(blocks: u64) {
	run_to(System::block_number() + blocks);
}
/// Sets the pool to `price` HASH per DIEM, keeping its HASH.
pub fn set_price(hash_per_diem_percent: u128) {
	Reserves::set(Some((POOL_HASH, POOL_HASH * 100 / hash_per_diem_percent)));
}

pub fn hash_of(who: &AccountId) -> Balance {
	Balances::balance(who)
}
pub fn diem_of(who: &AccountId) -> Balance {
	DiemBalances::balance(who)
}
pub fn collateral_of(who: &AccountId) -> Balance {
	DiemBalances::balance_on_hold(&RuntimeHoldReason::Lending(HoldReason::Collateral), who)
}
pub fn debt_of(who: &AccountId) -> Balance {
	Lending::position_view(who).debt
}
pub fn supplied_of(who: &AccountId) -> Balance {
	Lending::position_view(who).supplied
}

/// The events this pallet deposited, oldest first.
pub fn lending_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Lending(event) => Some(event),
			_ => None,
		})
		.collect()
}

pub struct ExtBuilder {
	params: Option<MarketParams>,
	oracle_ready: bool,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { params: Some(test_params()), oracle_ready: true }
	}
}

impl ExtBuilder {
	/// No parameters at genesis: the market is closed.
	pub fn closed(mut self) -> Self {
		self.params = None;
		self
	}
	/// Starts at block 1, before the ring spans the window.
	pub fn fresh_oracle(mut self) -> Self {
		self.oracle_ready = false;
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		let funded = [alice(), bob(), charlie(), dave()];
		pallet_balances::GenesisConfig::<Test> {
			balances: funded.iter().map(|who| (who.clone(), INITIAL_HASH)).collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_balances::GenesisConfig::<Test, pallet_balances::Instance1> {
			balances: funded.iter().map(|who| (who.clone(), INITIAL_DIEM)).collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_lending::GenesisConfig::<Test> { params: self.params, ..Default::default() }
			.assimilate_storage(&mut storage)
			.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		let ready = self.oracle_ready;
		ext.execute_with(|| {
			Reserves::set(Some((POOL_HASH, POOL_DIEM)));
			run_to(1);
			if ready {
				run_to(u64::from(WINDOW + INTERVAL));
			}
		});
		ext
	}

	/// Runs `test`, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Lending::do_try_state().expect("lending invariants hold after the test");
		})
	}
}

/// Alice supplies `hash`; Bob deposits `diem` as collateral.
pub fn supply_and_collateral(hash: Balance, diem: Balance) {
	assert_ok!(Lending::supply(signed(&alice()), hash));
	assert_ok!(Lending::deposit_collateral(signed(&bob()), diem));
}
