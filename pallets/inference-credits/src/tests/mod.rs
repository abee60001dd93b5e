//! Unit tests by topic, in the test runtime defined here: System, Balances (HASH), a second
//! balances instance (DIEM), Timestamp (whose `OnTimestampSet` drives the epoch clock) and this
//! pallet. Accounts are real sr25519/ed25519 keys, so vouchers are signed and checked as on
//! chain. The reward pool's income is a counter the tests advance (compute staking's counter on
//! chain). `try_state` runs after each test (`ExtBuilder::build_and_execute`).

use crate::{self as pallet_inference_credits, *};
use diem_primitives::{
	diem, hash,
	voucher::{EpochIndex, PayloadWrapping, Voucher},
	AccountId, Balance, RewardPoolAccrual,
};
use frame_support::{
	derive_impl, parameter_types,
	traits::{fungible::Mutate, ConstU128, ConstU32, ConstU64, Hooks, StorageMapShim},
};
use polkadot_sdk::{
	pallet_balances, pallet_timestamp,
	sp_core::{ed25519, sr25519, Pair},
	sp_io,
	sp_runtime::{traits::IdentityLookup, BuildStorage, MultiSignature, MultiSigner},
};

// What the topic files use besides the mock's own imports.
use diem_primitives::voucher::VoucherPayload;
use frame_support::{
	assert_noop, assert_ok,
	traits::fungible::{Inspect, InspectHold},
};
use polkadot_sdk::{
	sp_core::{ecdsa, H256},
	sp_runtime::DispatchError,
};

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
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(4)]
	pub type Credits = pallet_inference_credits;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
	type Hash = diem_primitives::Hash;
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

impl pallet_timestamp::Config for Test {
	type Moment = u64;
	type OnTimestampSet = Credits;
	type MinimumPeriod = ConstU64<0>;
	type WeightInfo = ();
}

parameter_types! {
	/// The reward pool's income counter (compute staking's `TotalPoolAccrued` on chain).
	pub static Accrued: Balance = 0;
	pub PoolAccount: AccountId = AccountId::new([0xee; 32]);
	/// What the market has each account list, lend and borrow, by (account, epoch).
	pub static LeaseBook: alloc::collections::BTreeMap<(AccountId, EpochIndex), diem_primitives::market::EpochLeases> =
		alloc::collections::BTreeMap::new();
}

/// Leases as the market would keep them: set by the tests, by (account, epoch).
pub struct MockLeases;
impl diem_primitives::market::CreditLeases<AccountId> for MockLeases {
	fn leases(who: &AccountId, epoch: EpochIndex) -> diem_primitives::market::EpochLeases {
		LeaseBook::get().get(&(who.clone(), epoch)).copied().unwrap_or_default()
	}
	fn committed_after(who: &AccountId, epoch: EpochIndex) -> Balance {
		LeaseBook::get()
			.iter()
			.filter(|((account, e), _)| account == who && *e > epoch)
			.map(|(_, leases)| leases.committed())
			.max()
			.unwrap_or_default()
	}
}

pub struct MockPool;
impl RewardPoolAccrual<Balance> for MockPool {
	fn total_accrued() -> Balance {
		Accrued::get()
	}
}

/// Epochs of one minute; claims open two epochs after the window, stay open three.
pub const EPOCH: u64 = 60_000;
pub const DISPUTE: EpochIndex = 2;
pub const CLAIM: EpochIndex = 3;
pub const MIN_STAKE: Balance = diem::UNIT / 10;
pub const SPENDER_DEPOSIT: Balance = hash::UNIT;
pub const BOND: Balance = 1_000 * hash::UNIT;
/// A whole credit earns at most 2 HASH.
pub const MAX_REWARD_PER_CREDIT: Balance = 2 * hash::UNIT;
pub const MAX_BATCH: u32 = 12;
pub const MAX_COUNTERS: u32 = 4;
pub const MAX_SPENDERS: u32 = 3;
pub const PRUNE_BUDGET: u32 = 2;

impl Config for Test {
	type RuntimeHoldReason = RuntimeHoldReason;
	type Diem = DiemBalances;
	type BondCurrency = Balances;
	type UnixTime = Timestamp;
	type Leases = MockLeases;
	type AdminOrigin = frame_system::EnsureRoot<AccountId>;
	type OperatorAdminOrigin = frame_system::EnsureRoot<AccountId>;
	type RewardPool = PoolAccount;
	type PoolAccrual = MockPool;
	type MinCreditStake = ConstU128<MIN_STAKE>;
	type MaxUnlockingChunks = ConstU32<3>;
	type MaxSpenders = ConstU32<MAX_SPENDERS>;
	type SpenderDeposit = ConstU128<SPENDER_DEPOSIT>;
	type OperatorBond = ConstU128<BOND>;
	type MaxMetadataLen = ConstU32<32>;
	type MaxVouchersPerBatch = ConstU32<MAX_BATCH>;
	type MaxCountersPerPayer = ConstU32<MAX_COUNTERS>;
	type DisputeEpochs = ConstU32<DISPUTE>;
	type ClaimEpochs = ConstU32<CLAIM>;
	type MaxRewardPerCredit = ConstU128<MAX_REWARD_PER_CREDIT>;
	type MinEpochLength = ConstU64<6_000>;
	type MaxEpochLength = ConstU64<{ 30 * 86_400_000 }>;
	type DefaultEpochLength = ConstU64<86_400_000>;
	type PruneBudget = ConstU32<PRUNE_BUDGET>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// Benchmarks: the mock's timestamp and pool counter.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl BenchmarkHelper<AccountId> for MockBenchmarkHelper {
	fn fund_diem(who: &AccountId, amount: Balance) {
		use frame_support::traits::fungible::Mutate;
		DiemBalances::set_balance(who, amount);
	}
	fn set_time(now: u64) {
		Timestamp::set_timestamp(now);
	}
	fn add_pool_income(amount: Balance) {
		accrue(amount);
	}
}

/// The sr25519 key of a dev name (`"Alice"` → `//Alice`).
pub fn sr(name: &str) -> sr25519::Pair {
	sr25519::Pair::from_string(&format!("//{name}"), None).expect("a dev seed")
}

/// The ed25519 key of a dev name.
pub fn ed(name: &str) -> ed25519::Pair {
	ed25519::Pair::from_string(&format!("//{name}"), None).expect("a dev seed")
}

/// The account of a dev name's sr25519 key.
pub fn acc(name: &str) -> AccountId {
	use polkadot_sdk::sp_runtime::traits::IdentifyAccount;
	MultiSigner::from(sr(name).public()).into_account()
}

/// The account of a dev name's ed25519 key.
pub fn ed_acc(name: &str) -> AccountId {
	use polkadot_sdk::sp_runtime::traits::IdentifyAccount;
	MultiSigner::from(ed(name).public()).into_account()
}

pub fn alice() -> AccountId {
	acc("Alice")
}
pub fn bob() -> AccountId {
	acc("Bob")
}
pub fn charlie() -> AccountId {
	acc("Charlie")
}
/// An operator account and its redeem key.
pub fn operator() -> AccountId {
	acc("Operator")
}
pub fn redeem_key() -> AccountId {
	acc("OperatorHot")
}
pub fn operator2() -> AccountId {
	acc("Operator2")
}
pub fn redeem_key2() -> AccountId {
	acc("Operator2Hot")
}

/// Every account starts with this much free HASH and DIEM.
pub const INITIAL_HASH: Balance = 1_000_000 * hash::UNIT;
pub const INITIAL_DIEM: Balance = 1_000 * diem::UNIT;
/// The chain's first block is at this time: the start of epoch 1_000.
pub const START: u64 = 1_000 * EPOCH;
pub const FIRST_EPOCH: EpochIndex = 1_000;

pub fn funded_accounts() -> Vec<AccountId> {
	vec![alice(), bob(), charlie(), operator(), operator2(), PoolAccount::get()]
}

#[derive(Default)]
pub struct ExtBuilder;

impl ExtBuilder {
	pub fn build(self) -> sp_io::TestExternalities {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: funded_accounts().into_iter().map(|who| (who, INITIAL_HASH)).collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_balances::GenesisConfig::<Test, pallet_balances::Instance1> {
			balances: [alice(), bob(), charlie()]
				.into_iter()
				.map(|who| (who, INITIAL_DIEM))
				.collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		pallet_inference_credits::GenesisConfig::<Test> {
			epoch_length: Some(EPOCH),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.register_extension(polkadot_sdk::sp_keystore::KeystoreExt::new(
			polkadot_sdk::sp_keystore::testing::MemoryKeystore::new(),
		));
		ext.execute_with(|| {
			Accrued::set(0);
			LeaseBook::set(Default::default());
			next_block_at(START);
		});
		ext
	}

	/// Runs `test`, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			Credits::do_try_state().expect("credit invariants hold after the test");
		})
	}
}

/// Starts the next block at time `now` (ms): `on_initialize`, then the timestamp inherent.
pub fn next_block_at(now: u64) {
	let next = System::block_number() + 1;
	System::set_block_number(next);
	Credits::on_initialize(next);
	Timestamp::set_timestamp(now);
}

/// Chain time (ms).
pub fn now() -> u64 {
	pallet_timestamp::Now::<Test>::get()
}

/// Moves the time forward by `ms` in one block.
pub fn advance(ms: u64) {
	next_block_at(now() + ms);
}

/// Moves to the start of epoch `epoch` (plus `offset` ms), one block per epoch boundary.
pub fn goto_epoch(epoch: EpochIndex, offset: u64) {
	while Credits::epoch_clock().unwrap().current.index < epoch {
		let next_start = Credits::epoch_clock().unwrap().next_start;
		next_block_at(next_start);
	}
	if offset > 0 {
		advance(offset);
	}
}

/// Runs empty blocks so the per-block settlement, expiry and pruning catch up.
pub fn idle_blocks(n: u32) {
	for _ in 0..n {
		advance(1);
	}
}

pub fn current_epoch() -> EpochIndex {
	Credits::epoch_clock().unwrap().current.index
}

/// The pool receives `amount` HASH (what compute staking mints into it on chain).
pub fn accrue(amount: Balance) {
	Balances::mint_into(&PoolAccount::get(), amount).unwrap();
	Accrued::set(Accrued::get() + amount);
}

/// The genesis hash vouchers are signed for.
pub fn genesis() -> diem_primitives::Hash {
	System::block_hash(0)
}

/// A voucher signed by `pair` for `payer` (itself if `None`) at the default operator.
pub fn voucher<P>(
	pair: &P,
	payer: Option<AccountId>,
	epoch: EpochIndex,
	cumulative: Balance,
) -> Voucher
where
	P: Pair,
	P::Signature: Into<MultiSignature>,
	P::Public: Into<MultiSigner>,
{
	Voucher::sign(pair, payer, genesis(), epoch, &operator(), cumulative, PayloadWrapping::Raw)
}

/// Registers and approves the default operator with `capacity` per epoch.
pub fn approved_operator(capacity: Balance) {
	Credits::register_operator(RuntimeOrigin::signed(operator()), b"op".to_vec(), redeem_key())
		.unwrap();
	Credits::approve_operator(RuntimeOrigin::root(), operator(), capacity).unwrap();
}

/// The events this pallet deposited, oldest first.
pub fn credit_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Credits(event) => Some(event),
			_ => None,
		})
		.collect()
}

const UNIT: Balance = diem::UNIT;

fn signed(who: &diem_primitives::AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.clone())
}

fn redeem(vouchers: Vec<Voucher>) -> frame_support::dispatch::DispatchResultWithPostInfo {
	Credits::redeem(signed(&redeem_key()), vouchers)
}

fn allowance(who: &diem_primitives::AccountId) -> Balance {
	Credits::credit_state(who).map(|state| state.allowance).unwrap_or_default()
}

fn remaining(who: &diem_primitives::AccountId) -> Balance {
	Credits::credit_state(who).map(|state| state.remaining).unwrap_or_default()
}

fn refusals() -> Vec<Refusal> {
	credit_events()
		.into_iter()
		.filter_map(|event| match event {
			Event::VoucherRefused { reason, .. } => Some(reason),
			_ => None,
		})
		.collect()
}

fn partials() -> Vec<(Balance, Balance, Limit)> {
	credit_events()
		.into_iter()
		.filter_map(|event| match event {
			Event::VoucherPartlyPaid { asked, paid, limit, .. } => Some((asked, paid, limit)),
			_ => None,
		})
		.collect()
}

/// Alice stakes `amount` at the start of the current epoch; it counts fully from the next one,
/// which this moves to.
fn alice_staked_for_a_full_epoch(amount: Balance) {
	assert_ok!(Credits::stake(signed(&alice()), amount));
	goto_epoch(current_epoch() + 1, 0);
	assert_eq!(allowance(&alice()), amount);
}

/// Two operators redeem in epoch `e` while the pool accrues; returns `e`.
fn two_operators_redeem(pool: Balance, credits_1: Balance, credits_2: Balance) -> u32 {
	approved_operator(1_000 * UNIT);
	Credits::register_operator(signed(&operator2()), vec![], redeem_key2()).unwrap();
	Credits::approve_operator(RuntimeOrigin::root(), operator2(), 1_000 * UNIT).unwrap();
	assert_ok!(Credits::stake(signed(&alice()), 100 * UNIT));
	goto_epoch(current_epoch() + 1, 0);
	let e = current_epoch();
	accrue(pool);
	if credits_1 > 0 {
		assert_ok!(redeem(vec![voucher(&sr("Alice"), None, e, credits_1)]));
	}
	if credits_2 > 0 {
		let v = Voucher::sign(
			&sr("Alice"),
			None,
			genesis(),
			e,
			&operator2(),
			credits_2,
			PayloadWrapping::Raw,
		);
		assert_ok!(Credits::redeem(signed(&redeem_key2()), vec![v]));
	}
	e
}

mod clock;
mod market;
mod operators;
mod prune;
mod redeem;
mod rewards;
mod spenders;
mod stake;
mod views;
