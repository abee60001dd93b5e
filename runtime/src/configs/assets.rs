//! `pallet_assets` (instance 1, `Assets`): DIEM and the assets governance creates; its holds
//! through `pallet_assets_holder` (`AssetsHolder`); `pallet_assets` instance 2 (`PoolAssets`):
//! the DEX's LP tokens.
//!
//! DIEM is asset [`diem::ASSET_ID`], created at genesis (name, symbol `DIEM`, 12 decimals,
//! sufficient: an account that holds only DIEM exists) with a keyless owner, issuer, admin and
//! freezer ([`DiemOwner`]), so no signed origin can mint, burn, freeze, thaw, set metadata for or
//! destroy it. `pallet-diem` mints and burns it through [`DiemToken`]; the credits pallet holds
//! it through [`DiemHolds`]. The call filter ([`is_refused_for_diem`]) also refuses `touch`,
//! `touch_other`, `refund` and `refund_other` on DIEM: an account created by `touch` could
//! otherwise `refund` with `allow_burn` and destroy DIEM outside the curve.
//!
//! Creating assets is Root's (governance's) for now: `force_create` names the owner (and takes
//! no deposit). `create` from Root would make [`GovernanceAssetOwner`] (keyless) the owner and
//! reserve the asset deposit from it, so it fails unless that account is funded; governance uses
//! `force_create`.

use crate::{
	AccountId, Assets, AssetsHolder, Balance, Balances, Runtime, RuntimeCall, RuntimeEvent,
	RuntimeHoldReason,
};
use diem_primitives::{diem, hash, AssetId};
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{
			fungible::{ItemOf, NativeFromLeft, NativeOrWithId, UnionOf},
			AsEnsureOriginWithArg, ConstU128, ConstU32, NeverEnsureOrigin,
		},
		PalletId,
	},
	frame_system::{EnsureRoot, EnsureRootWithSuccess},
	pallet_assets, pallet_assets_holder,
	sp_runtime::traits::AccountIdConversion,
};

/// The instance that holds DIEM and the other assets.
pub type AssetsInstance = pallet_assets::Instance1;
/// The instance that holds the DEX's LP tokens.
pub type PoolAssetsInstance = pallet_assets::Instance2;

/// HASH or an asset: the asset kind of the DEX, fee payment and the ledger's payments.
pub type AssetKind = NativeOrWithId<AssetId>;

/// HASH (`Native`) and the assets behind one `fungibles` interface.
pub type NativeAndAssets = UnionOf<Balances, Assets, NativeFromLeft, AssetKind, AccountId>;

/// DIEM as `fungible` (mint, burn, transfer): `pallet-diem`'s token.
pub type DiemToken = ItemOf<Assets, DiemAssetId, AccountId>;

/// DIEM as `fungible` with holds: the credits pallet's stake.
pub type DiemHolds = ItemOf<AssetsHolder, DiemAssetId, AccountId>;

parameter_types! {
	pub const DiemAssetId: AssetId = diem::ASSET_ID;
	pub const DiemKind: AssetKind = NativeOrWithId::WithId(diem::ASSET_ID);
	pub const HashKind: AssetKind = NativeOrWithId::Native;
	/// DIEM's owner, issuer, admin and freezer: keyless, so only runtime code acts as it.
	pub DiemOwner: AccountId = PalletId(*b"diem/own").into_account_truncating();
	/// Owner of assets that Root creates with `create` (keyless too: `force_create` names a
	/// real owner).
	pub GovernanceAssetOwner: AccountId = PalletId(*b"diem/gov").into_account_truncating();
	/// Creating an asset reserves 100 HASH of its owner; metadata 1 HASH plus 0.01 per byte.
	pub const AssetDeposit: Balance = 100 * hash::UNIT;
	pub const MetadataDepositBase: Balance = hash::UNIT;
	pub const MetadataDepositPerByte: Balance = 10 * hash::MILLI;
	/// An account of a non-sufficient asset, or an approval, reserves 0.01 HASH.
	pub const AssetAccountDeposit: Balance = 10 * hash::MILLI;
	pub const ApprovalDeposit: Balance = 10 * hash::MILLI;
}

impl pallet_assets::Config<AssetsInstance> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Balance = Balance;
	type RemoveItemsLimit = ConstU32<1_000>;
	type AssetId = AssetId;
	type AssetIdParameter = codec::Compact<AssetId>;
	type ReserveData = ();
	type Currency = Balances;
	type CreateOrigin =
		AsEnsureOriginWithArg<EnsureRootWithSuccess<AccountId, GovernanceAssetOwner>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type AssetDeposit = AssetDeposit;
	type AssetAccountDeposit = AssetAccountDeposit;
	type MetadataDepositBase = MetadataDepositBase;
	type MetadataDepositPerByte = MetadataDepositPerByte;
	type ApprovalDeposit = ApprovalDeposit;
	type StringLimit = ConstU32<50>;
	type Freezer = ();
	type Holder = AssetsHolder;
	type Extra = ();
	type CallbackHandle = ();
	type AssetIdAllocator = ();
	type WeightInfo = crate::weights::pallet_assets::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchmarkAssetIds;
}

/// The first id `pallet_assets`' benchmarks create their assets with. Its
/// `migration_v2_foreign_asset_set_reserve_weight` benchmark expects the asset it creates to come
/// first in storage order (the Blake2-128 hash of the id), and DIEM exists from genesis: this is
/// the first id from 1,000 (the governance range) whose hash orders before DIEM's (the runtime
/// tests check both).
pub const FIRST_BENCHMARK_ASSET_ID: AssetId = 1_332;

/// The ids `pallet_assets`' benchmarks create their assets with: `FIRST_BENCHMARK_ASSET_ID + n`.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchmarkAssetIds;

#[cfg(feature = "runtime-benchmarks")]
impl pallet_assets::BenchmarkHelper<codec::Compact<AssetId>, ()> for BenchmarkAssetIds {
	fn create_asset_id_parameter(id: u32) -> codec::Compact<AssetId> {
		codec::Compact(FIRST_BENCHMARK_ASSET_ID.saturating_add(id))
	}
	fn create_reserve_id_parameter(_: u32) {}
}

impl pallet_assets_holder::Config<AssetsInstance> for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeEvent = RuntimeEvent;
}

impl pallet_assets::Config<PoolAssetsInstance> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Balance = Balance;
	type RemoveItemsLimit = ConstU32<1_000>;
	type AssetId = AssetId;
	type AssetIdParameter = codec::Compact<AssetId>;
	type ReserveData = ();
	type Currency = Balances;
	// Only the DEX creates LP tokens (through `fungibles::Create`), with no deposit.
	type CreateOrigin = AsEnsureOriginWithArg<NeverEnsureOrigin<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	type AssetDeposit = ConstU128<0>;
	type AssetAccountDeposit = AssetAccountDeposit;
	type MetadataDepositBase = ConstU128<0>;
	type MetadataDepositPerByte = ConstU128<0>;
	type ApprovalDeposit = ApprovalDeposit;
	type StringLimit = ConstU32<50>;
	type Freezer = ();
	type Holder = ();
	type Extra = ();
	type CallbackHandle = ();
	type AssetIdAllocator = ();
	type WeightInfo = crate::weights::pallet_assets::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

/// `pallet-assets` calls the filter refuses on DIEM: they would create an account with a HASH
/// deposit that `refund(allow_burn)` could later close by burning its DIEM.
pub fn is_refused_for_diem(call: &RuntimeCall) -> bool {
	use pallet_assets::Call as A;
	let RuntimeCall::Assets(call) = call else { return false };
	let id = match call {
		A::touch { id }
		| A::touch_other { id, .. }
		| A::refund { id, .. }
		| A::refund_other { id, .. } => id,
		_ => return false,
	};
	id.0 == diem::ASSET_ID
}
