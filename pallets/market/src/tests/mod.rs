//! Unit tests by topic, in the test runtime defined here: System, Balances (HASH), a second
//! balances instance (DIEM) and this pallet. Inference credits is a mock ([`MockCredits`]):
//! the tests set the epoch, each account's own allowance and use, and operators' standing.
//! `try_state` runs after each test (`ExtBuilder::build_and_execute`), and the mock checks
//! after every test that no epoch's allowances add up to more than the stake behind them.

use crate::{self as pallet_market, *};
use alloc::collections::BTreeMap;
use diem_primitives::{
	diem, hash,
	market::{
		CreditAllowance, CreditLeases, OperatorRecord, OperatorRecords, OperatorStanding, CREDIT,
	},
	voucher::EpochIndex,
	AccountId, Balance,
};
use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU128, ConstU32, Hooks, StorageMapShim},
	BoundedVec,
};
use polkadot_sdk::{
	frame_support, frame_system, pallet_balances, sp_io,
	sp_runtime::{traits::IdentityLookup, BuildStorage},
};

// What the topic files use besides the mock's own imports.
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};

mod leases;
mod offers;
mod prune;
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
	pub type Market = pallet_market;
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
	/// The epoch inference credits is in (`None`: no block time yet).
	pub static Epoch: Option<EpochIndex> = Some(START_EPOCH);
	/// DIEM staked for credits by account: its own allowance in every epoch.
	pub static Staked: BTreeMap<AccountId, Balance> = BTreeMap::new();
	/// Credits redeemed against each account's allowance, by (account, epoch).
	pub static Used: BTreeMap<(AccountId, EpochIndex), Balance> = BTreeMap::new();
	/// Percent of the current epoch left (what a lease taken now counts in it).
	pub static PercentLeft: Balance = 100;
	/// Registered operators' standing.
	pub static Standing: BTreeMap<AccountId, OperatorStanding> = BTreeMap::new();
}

/// Inference credits as the market sees it.
pub struct MockCredits;
impl CreditAllowance<AccountId> for MockCredits {
	fn current_epoch() -> Option<EpochIndex> {
		Epoch::get()
	}
	fn own_allowance(who: &AccountId, _epoch: EpochIndex) -> Balance {
		Staked::get().get(who).copied().unwrap_or_default()
	}
	fn used(who: &AccountId, epoch: EpochIndex) -> Balance {
		Used::get().get(&(who.clone(), epoch)).copied().unwrap_or_default()
	}
	fn counts_now(credits: Balance) -> Balance {
		credits * PercentLeft::get() / 100
	}
}
impl OperatorRecords<AccountId> for MockCredits {
	fn record(operator: &AccountId) -> Option<OperatorRecord> {
		let standing = Standing::get().get(operator).copied()?;
		let capacity = if standing == OperatorStanding::Approved { 1_000 * CREDIT } else { 0 };
		Some(OperatorRecord {
			standing,
			capacity_per_epoch: capacity,
			capacity_left: capacity,
			redeemed: 0,
			voided_epochs: 0,
			slashed_epochs: 0,
			window: 4,
		})
	}
	fn is_approved(operator: &AccountId) -> bool {
		Self::record(operator).is_some_and(|record| record.is_approved())
	}
}

pub const START_EPOCH: EpochIndex = 100;
pub const OFFER_DEPOSIT: Balance = 10 * hash::UNIT;
pub const MAX_OFFERS: u32 = 3;
pub const MAX_LEASES: u32 = 4;
pub const MAX_LEASE_EPOCHS: u32 = 5;
pub const PRUNE_BUDGET: u32 = 3;
pub const INITIAL_HASH: Balance = 1_000 * hash::UNIT;
pub const INITIAL_DIEM: Balance = 100 * diem::UNIT;

impl Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type NativeCurrency = Balances;
	type Diem = DiemBalances;
	type Credits = MockCredits;
	type Operators = MockCredits;
	type OfferDeposit = ConstU128<OFFER_DEPOSIT>;
	type MaxOffers = ConstU32<MAX_OFFERS>;
	type MaxModelLen = ConstU32<16>;
	type MaxEndpointLen = ConstU32<32>;
	type MaxLeasesPerAccount = ConstU32<MAX_LEASES>;
	type MaxLeaseEpochs = ConstU32<MAX_LEASE_EPOCHS>;
	type PruneBudget = ConstU32<PRUNE_BUDGET>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// Benchmarks: the mock credits' stakes, operators and epoch.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl BenchmarkHelper<AccountId> for MockBenchmarkHelper {
	fn approve_operator(who: &AccountId) {
		set_standing(who, OperatorStanding::Approved);
	}
	fn revoke_operator(who: &AccountId) {
		set_standing(who, OperatorStanding::Leaving);
	}
	fn stake_credits(who: &AccountId, credits: Balance) {
		stake(who, credits);
	}
	fn fund(who: &AccountId, amount: Balance) {
		use frame_support::traits::fungible::Mutate;
		Balances::set_balance(who, amount);
		DiemBalances::set_balance(who, amount);
	}
	fn advance_epochs(epochs: EpochIndex) {
		Epoch::set(Some(current() + epochs));
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
/// An operator account.
pub fn operator() -> AccountId {
	account(9)
}
pub fn signed(who: &AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.clone())
}

/// Sets `who`'s own allowance (its credit stake) in every epoch.
pub fn stake(who: &AccountId, credits: Balance) {
	Staked::mutate(|staked| staked.insert(who.clone(), credits));
}
/// Records `credits` redeemed against `who`'s allowance in the current epoch.
pub fn use_credits(who: &AccountId, credits: Balance) {
	let epoch = current();
	Used::mutate(|used| *used.entry((who.clone(), epoch)).or_default() += credits);
}
pub fn set_standing(who: &AccountId, standing: OperatorStanding) {
	Standing::mutate(|all| all.insert(who.clone(), standing));
}
pub fn current() -> EpochIndex {
	Epoch::get().unwrap_or_default()
}
/// Moves the epoch on by `epochs`, one block per epoch (each runs the pruning hook).
pub fn next_epochs(epochs: EpochIndex) {
	for _ in 0..epochs {
		Epoch::set(Some(current() + 1));
		PercentLeft::set(100);
		next_block();
	}
}
pub fn next_block() {
	let number = System::block_number() + 1;
	System::set_block_number(number);
	Market::on_initialize(number);
}

/// The allowance inference credits would apply to `who`'s vouchers of `epoch`.
pub fn allowance(who: &AccountId, epoch: EpochIndex) -> Balance {
	Market::leases(who, epoch).allowance(MockCredits::own_allowance(who, epoch))
}

pub fn model(name: &str) -> BoundedVec<u8, ConstU32<16>> {
	name.as_bytes().to_vec().try_into().unwrap()
}
pub fn terms(name: &str, unit: PriceUnit, price: Balance) -> OfferTermsOf<Test> {
	OfferTerms {
		model: model(name),
		unit,
		price,
		max_context: 128_000,
		endpoint: b"https://op.example/v1".to_vec().try_into().unwrap(),
	}
}

/// The events this pallet deposited, oldest first.
pub fn market_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Market(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// The id of the listing or lease the last `LeaseListed`/`LeaseTaken` event names.
pub fn last_id() -> LeaseId {
	NextLeaseId::<Test>::get() - 1
}

pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		let funded = [alice(), bob(), charlie(), operator()];
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
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			Epoch::set(Some(START_EPOCH));
			Staked::set(BTreeMap::new());
			Used::set(BTreeMap::new());
			Standing::set(BTreeMap::new());
			PercentLeft::set(100);
			next_block();
		});
		ext
	}

	/// Runs `test`, then checks the pallet's invariants and that leases never made an epoch's
	/// allowances exceed the stake behind them.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Market::do_try_state().expect("market invariants hold after the test");
			let accounts: alloc::collections::BTreeSet<AccountId> =
				EpochLeasesOf::<Test>::iter().map(|(_, who, _)| who).collect();
			let staked: Balance = Staked::get().values().sum();
			for epoch in current().saturating_sub(1)..=current() + MAX_LEASE_EPOCHS {
				let stakers = Staked::get().keys().cloned().collect::<Vec<_>>();
				let total: Balance = accounts
					.iter()
					.chain(stakers.iter().filter(|who| !accounts.contains(*who)))
					.map(|who| allowance(who, epoch))
					.sum();
				assert!(total <= staked, "epoch {epoch}: allowances {total} > stake {staked}");
			}
		})
	}
}
