//! Test runtime: System, Balances standing in for DIEM, and the ledger. Accounts are `u64`.

use crate::{self as pallet_diem_ledger, *};
use diem_primitives::Balance;
use frame_support::{
	derive_impl, parameter_types,
	traits::{
		fungible::HoldConsideration, tokens::imbalance::ResolveTo, ConstU128, ConstU32,
		LinearStoragePrice,
	},
};
use polkadot_sdk::sp_runtime::BuildStorage;
use polkadot_sdk::{pallet_balances, sp_io};

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
	pub type Diem = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type Ledger = pallet_diem_ledger;
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
	// As on the chain: dust of reaped accounts goes to a protocol account, so no DIEM is lost.
	type DustRemoval = ResolveTo<DustAccount, Diem>;
}

/// Deposit of one allowance: a base plus a tiny amount per byte of storage.
pub const DEPOSIT_BASE: Balance = 100;
pub const DEPOSIT_PER_BYTE: Balance = 1;
pub const MAX_MEMO: u32 = 32;
pub const MAX_BATCH: u32 = 3;

parameter_types! {
	pub const DustAccount: u64 = DUST;
	pub const AllowanceHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Ledger(pallet_diem_ledger::HoldReason::AllowanceDeposit);
}

impl Config for Test {
	type Currency = Diem;
	type AllowanceDeposit = HoldConsideration<
		u64,
		Diem,
		AllowanceHoldReason,
		LinearStoragePrice<ConstU128<DEPOSIT_BASE>, ConstU128<DEPOSIT_PER_BYTE>, Balance>,
	>;
	type MaxMemoLen = ConstU32<MAX_MEMO>;
	type MaxBatchPayments = ConstU32<MAX_BATCH>;
	type WeightInfo = ();
}

/// Accounts 1..=3 start with this much DIEM; 4 and 5 with none.
pub const INITIAL: Balance = 10_000;
/// The dust account, endowed with the existential deposit at genesis.
pub const DUST: u64 = 99;
/// DIEM in existence for the whole test.
pub const ISSUANCE: Balance = 3 * INITIAL + ED;

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=3).map(|who| (who, INITIAL)).chain([(DUST, ED)]).collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs `test`, then checks the ledger's invariants and that DIEM's issuance did not move.
pub fn execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Ledger::do_try_state().expect("ledger invariants hold after the test");
		assert_eq!(
			<Diem as frame_support::traits::fungible::Inspect<u64>>::total_issuance(),
			ISSUANCE,
			"the ledger never mints or burns"
		);
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

/// The deposit one allowance holds.
pub fn allowance_deposit() -> Balance {
	use frame_support::traits::Footprint;
	let footprint = Footprint::from_mel::<(u64, u64, AllowanceOf<Test>)>();
	DEPOSIT_BASE + DEPOSIT_PER_BYTE * Balance::from(footprint.size)
}
