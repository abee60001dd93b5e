//! Test runtime: System, Balances (HASH), `pallet-assets` (DIEM, sufficient, and a second,
//! non-sufficient asset), and the ledger paying in both through `UnionOf`, as on the chain.
//! Accounts are `u64`.

use crate::{self as pallet_diem_ledger, *};
use diem_primitives::Balance;
use frame_support::{
	derive_impl, parameter_types,
	traits::{
		fungible::{NativeFromLeft, NativeOrWithId, UnionOf},
		AsEnsureOriginWithArg, ConstU128, ConstU32,
	},
};
use frame_system::{EnsureRoot, EnsureSigned};
use polkadot_sdk::sp_runtime::BuildStorage;
use polkadot_sdk::{pallet_assets, pallet_balances, sp_io};

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
	pub type Ledger = pallet_diem_ledger;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

/// HASH's existential deposit and DIEM's minimum balance.
pub const ED: Balance = 10;

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<ED>;
	type AccountStore = System;
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

pub const DIEM: u32 = diem_primitives::diem::ASSET_ID;
/// A non-sufficient asset: only accounts that exist may receive it.
pub const OTHER: u32 = 7;
pub const MAX_MEMO: u32 = 32;
pub const MAX_BATCH: u32 = 3;

pub type AssetKind = NativeOrWithId<u32>;
pub type NativeAndAssets = UnionOf<Balances, Assets, NativeFromLeft, AssetKind, u64>;

impl Config for Test {
	type AssetKind = AssetKind;
	type Assets = NativeAndAssets;
	type MaxMemoLen = ConstU32<MAX_MEMO>;
	type MaxBatchPayments = ConstU32<MAX_BATCH>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = PayInDiem;
}

parameter_types! {
	pub const DiemKind: AssetKind = NativeOrWithId::WithId(DIEM);
}

#[cfg(feature = "runtime-benchmarks")]
pub struct PayInDiem;
#[cfg(feature = "runtime-benchmarks")]
impl BenchmarkHelper<AssetKind> for PayInDiem {
	fn asset() -> AssetKind {
		NativeOrWithId::WithId(DIEM)
	}
}

/// Accounts 1..=3 start with this much HASH and DIEM (and 1 with `OTHER`); 4 and 5 with none.
pub const INITIAL: Balance = 10_000;
/// The asset owner (its account exists through its HASH).
pub const OWNER: u64 = 9;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=3).chain([OWNER]).map(|who| (who, INITIAL)).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_assets::GenesisConfig::<Test> {
		assets: vec![(DIEM, OWNER, true, ED), (OTHER, OWNER, false, ED)],
		accounts: (1..=3).map(|who| (DIEM, who, INITIAL)).chain([(OTHER, 1, INITIAL)]).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// The total issuance of every asset, HASH first.
pub fn issuances() -> [Balance; 3] {
	use frame_support::traits::fungibles::Inspect;
	[NativeOrWithId::Native, NativeOrWithId::WithId(DIEM), NativeOrWithId::WithId(OTHER)]
		.map(NativeAndAssets::total_issuance)
}

/// Every asset's supply against Σ its accounts' balances: a transfer that dropped dust would
/// leave the supply above the sum (pallet-assets' `decrease_balance` never changes supply).
pub fn check_asset_sums() {
	for (id, details) in pallet_assets::Asset::<Test>::iter() {
		let sum: Balance =
			pallet_assets::Account::<Test>::iter_prefix_values(id).map(|a| a.balance).sum();
		assert_eq!(sum, details.supply, "asset {id}: Σ accounts != supply");
	}
	let hash: Balance =
		frame_system::Account::<Test>::iter_values().map(|a| a.data.free + a.data.reserved).sum();
	assert_eq!(hash, Balances::total_issuance(), "HASH: Σ accounts != issuance");
}

/// Runs `test`, then checks that no issuance moved and that every unit is still in an
/// account.
pub fn execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		let before = issuances();
		test();
		assert_eq!(issuances(), before, "the ledger never mints or burns");
		check_asset_sums();
	})
}

/// The events this pallet deposited, oldest first.
pub fn ledger_events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Ledger(event) => Some(event),
			_ => None,
		})
		.collect()
}
