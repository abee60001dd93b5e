//! `pallet_asset_conversion` (`AssetConversion`): the DEX, constant-product pools of HASH against
//! an asset (every pool has HASH on one side, so a path between two assets goes through HASH),
//! LP tokens in `PoolAssets`; and `pallet_asset_conversion_tx_payment`
//! (`AssetTxPayment`): fees paid in an asset are swapped to HASH through its pool.
//!
//! Swaps pay a 0.3% fee to the pool's liquidity providers. Creating a pool burns a 10 HASH
//! setup fee (against spam pools). Fees in HASH, and the HASH a fee in DIEM is swapped for, are
//! burned as before: there is no treasury yet.

use crate::{
	AccountId, AssetConversion, Balance, PoolAssets, Runtime, RuntimeEvent, RuntimeOrigin,
};
use alloc::boxed::Box;
use diem_primitives::hash;
use polkadot_sdk::{
	frame_support::{parameter_types, PalletId},
	frame_system::EnsureRoot,
	pallet_asset_conversion::{self, AccountIdConverter, WithFirstAsset},
	pallet_asset_conversion_tx_payment::{self, SwapAssetAdapter},
	sp_core::U256,
	sp_runtime::{DispatchResult, Permill},
};

use super::assets::{AssetKind, DiemKind, HashKind, NativeAndAssets};

parameter_types! {
	pub const DexPalletId: PalletId = PalletId(*b"diem/dex");
	/// 0.3% of every swap's input stays in the pool, for its liquidity providers.
	pub const LiquidityProviderFee: Permill = Permill::from_perthousand(3);
	/// Governance may set a pool's fee up to 5%.
	pub const MaxSwapFee: Permill = Permill::from_percent(5);
	pub const NoWithdrawalFee: Permill = Permill::zero();
	/// Creating a pool burns 10 HASH.
	pub const PoolSetupFee: Balance = 10 * hash::UNIT;
	/// LP tokens the first provider of a pool leaves locked in it forever, so its price can
	/// never be manipulated by emptying it.
	pub const MintMinLiquidity: Balance = 100;
}

/// Pools are `(Native, asset)`: HASH is always the first side.
pub type PoolLocator = WithFirstAsset<
	HashKind,
	AccountId,
	AssetKind,
	AccountIdConverter<DexPalletId, (AssetKind, AssetKind)>,
>;

impl pallet_asset_conversion::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Balance = Balance;
	type HigherPrecisionBalance = U256;
	type AssetKind = AssetKind;
	type Assets = NativeAndAssets;
	type PoolId = (AssetKind, AssetKind);
	type PoolLocator = PoolLocator;
	type PoolAssetId = diem_primitives::AssetId;
	type PoolAssets = PoolAssets;
	type LPFee = LiquidityProviderFee;
	type AdminOrigin = EnsureRoot<AccountId>;
	type MaxSwapFee = MaxSwapFee;
	type PoolSetupFee = PoolSetupFee;
	type PoolSetupFeeAsset = HashKind;
	// The setup fee is burned.
	type PoolSetupFeeTarget = ();
	type LiquidityWithdrawalFee = NoWithdrawalFee;
	type MintMinLiquidity = MintMinLiquidity;
	// Every pool pairs HASH, and a path may not repeat an asset: asset → HASH → asset is the
	// longest path there is.
	type MaxSwapPathLength = polkadot_sdk::frame_support::traits::ConstU32<3>;
	type PalletId = DexPalletId;
	type WeightInfo = crate::weights::AssetConversionWeights<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = pallet_asset_conversion::NativeOrWithIdFactory<diem_primitives::AssetId>;
}

impl pallet_asset_conversion_tx_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AssetId = AssetKind;
	// HASH is the fee asset; any other is swapped to HASH in its pool, and the HASH burned.
	type OnChargeAssetTransaction =
		SwapAssetAdapter<HashKind, NativeAndAssets, AssetConversion, ()>;
	type WeightInfo = crate::weights::pallet_asset_conversion_tx_payment::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = FeePoolForBenchmarks;
}

/// Genesis liquidity (`pallet-diem`'s genesis config): creates the HASH/DIEM pool if it does
/// not exist and adds exactly `hash` and `diem` from `who`, who receives the LP tokens.
pub struct GenesisDiemPool;
impl pallet_diem::GenesisLiquidity<AccountId> for GenesisDiemPool {
	fn provide(who: &AccountId, hash: Balance, diem: Balance) -> DispatchResult {
		let origin = RuntimeOrigin::signed(who.clone());
		let (native, diem_kind) = (Box::new(HashKind::get()), Box::new(DiemKind::get()));
		let pool_id = (HashKind::get(), DiemKind::get());
		if !pallet_asset_conversion::Pools::<Runtime>::contains_key(&pool_id) {
			AssetConversion::create_pool(origin.clone(), native.clone(), diem_kind.clone())?;
		}
		AssetConversion::add_liquidity(
			origin,
			native,
			diem_kind,
			hash,
			diem,
			hash,
			diem,
			who.clone(),
		)
	}
}

/// Benchmarks of fee payment in an asset: creates the asset and its pool with liquidity, and
/// funds the payer.
#[cfg(feature = "runtime-benchmarks")]
pub struct FeePoolForBenchmarks;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_asset_conversion_tx_payment::BenchmarkHelperTrait<AccountId, AssetKind, AssetKind>
	for FeePoolForBenchmarks
{
	fn create_asset_id_parameter(id: u32) -> (AssetKind, AssetKind) {
		use polkadot_sdk::frame_support::traits::fungible::NativeOrWithId;
		// Above the protocol's ids, so it never meets DIEM.
		let id = id.saturating_add(10_000);
		(NativeOrWithId::WithId(id), NativeOrWithId::WithId(id))
	}

	fn setup_balances_and_pool(asset: AssetKind, account: AccountId) {
		use polkadot_sdk::frame_support::traits::{fungible::NativeOrWithId, fungibles::Mutate};
		let NativeOrWithId::WithId(id) = asset.clone() else { return };
		let provider: AccountId = polkadot_sdk::frame_benchmarking::account("provider", 0, 0);
		let plenty = 1_000_000_000 * hash::UNIT;
		let _ = crate::Assets::force_create(
			RuntimeOrigin::root(),
			id.into(),
			provider.clone().into(),
			true,
			1,
		);
		let _ = NativeAndAssets::mint_into(HashKind::get(), &provider, plenty);
		let _ = NativeAndAssets::mint_into(asset.clone(), &provider, plenty);
		let _ = AssetConversion::create_pool(
			RuntimeOrigin::signed(provider.clone()),
			Box::new(HashKind::get()),
			Box::new(asset.clone()),
		);
		let _ = AssetConversion::add_liquidity(
			RuntimeOrigin::signed(provider.clone()),
			Box::new(HashKind::get()),
			Box::new(asset.clone()),
			plenty / 2,
			plenty / 2,
			1,
			1,
			provider,
		);
		let _ = NativeAndAssets::mint_into(HashKind::get(), &account, plenty / 1_000);
		let _ = NativeAndAssets::mint_into(asset, &account, plenty / 1_000);
	}
}
