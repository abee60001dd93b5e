//! `pallet_balances` instance 2: DIEM balances. Its own calls are disabled in the runtime
//! (`#[runtime::disable_call]`), so its burn and force calls cannot change DIEM's issuance: only
//! `pallet-diem` mints and burns, and only `pallet-diem-ledger` (and pallets through the
//! `fungible` traits) move DIEM.

use crate::{
	AccountId, Balance, DiemBalances, Runtime, RuntimeEvent, RuntimeFreezeReason, RuntimeHoldReason,
};
use diem_primitives::diem;
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{tokens::imbalance::ResolveTo, ConstU32, StorageMapShim, VariantCountOf},
		PalletId,
	},
	pallet_balances,
	sp_runtime::traits::AccountIdConversion,
};

/// The instance that holds DIEM.
pub type DiemInstance = pallet_balances::Instance2;

parameter_types! {
	pub const DiemExistentialDeposit: Balance = diem::EXISTENTIAL_DEPOSIT;
	/// Dust of reaped DIEM accounts goes here instead of being burned, so DIEM's issuance only
	/// changes by mints and burns. Keyless: nobody can move it. The genesis protocol mint endows
	/// it with the existential deposit so it can receive any dust.
	pub DiemDustAccount: AccountId = PalletId(*b"diem/dst").into_account_truncating();
}

impl pallet_balances::Config<DiemInstance> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = crate::weights::pallet_balances_diem_balances::WeightInfo<Runtime>;
	type Balance = Balance;
	type DustRemoval = ResolveTo<DiemDustAccount, DiemBalances>;
	type ExistentialDeposit = DiemExistentialDeposit;
	// DIEM accounts live in this instance's own map; HASH stays in `frame_system`.
	type AccountStore = StorageMapShim<
		pallet_balances::Account<Runtime, DiemInstance>,
		AccountId,
		pallet_balances::AccountData<Balance>,
	>;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	// Holds and freezes only; no legacy locks or reserves on DIEM.
	type MaxLocks = ConstU32<0>;
	type MaxReserves = ConstU32<0>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}
