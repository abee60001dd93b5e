//! `pallet_lending` (`Lending`): one isolated market, HASH lent against DIEM collateral, priced
//! by the HASH/DIEM pool of `AssetConversion`.
//!
//! The oracle reads the pool once per block and keeps an observation every half minute, for up to
//! eight hours; the parameters (set by a `diem_admin` referendum, a day after they pass) take
//! the TWAP over three hours on production networks and over two minutes on the fast-track
//! dev and test presets, where a test has to see a price move within minutes.

use crate::{Balance, Balances, Runtime, RuntimeHoldReason};
use diem_primitives::{
	hash,
	time::{DAYS, HOURS, MINUTES},
};
use pallet_lending::{MarketParams, RateModel};
use polkadot_sdk::{
	frame_support::{parameter_types, traits::ConstU32, PalletId},
	sp_runtime::{FixedU128, Permill},
};

use super::assets::{DiemHolds, DiemKind, HashKind};

parameter_types! {
	/// The market's account, which holds the lenders' HASH.
	pub const LendingPalletId: PalletId = PalletId(*b"diem/lnd");
}

/// Blocks between two observations of the oracle's ring: half a minute.
pub const OBSERVATION_INTERVAL: u32 = MINUTES / 2;
/// Slots of the ring: the longest TWAP window is eight hours.
pub const MAX_OBSERVATIONS: u32 = 8 * 120 + 1;

impl pallet_lending::Config for Runtime {
	type RuntimeHoldReason = RuntimeHoldReason;
	type NativeCurrency = Balances;
	type Diem = DiemHolds;
	type Pool = DiemPool;
	// A `diem_admin` referendum (or Root), as for the curve and staking.
	type GovernanceOrigin = super::governance::DiemAdminOrigin;
	type PalletId = LendingPalletId;
	type BlocksPerYear = ConstU32<{ super::compute_staking::BLOCKS_PER_YEAR }>;
	// A day, as for the curve and staking: borrowers see a change coming and can act on it.
	type ParamsChangeDelay = ConstU32<DAYS>;
	type ObservationInterval = ConstU32<OBSERVATION_INTERVAL>;
	type MaxObservations = ConstU32<MAX_OBSERVATIONS>;
	type WeightInfo = pallet_lending::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = LendingBenchmarkHelper;
}

/// The HASH/DIEM pool's reserves.
pub struct DiemPool;
impl pallet_lending::PoolReserves for DiemPool {
	fn reserves() -> Option<(Balance, Balance)> {
		crate::AssetConversion::get_reserves(HashKind::get(), DiemKind::get()).ok()
	}
}

/// The market's parameters at genesis, `fast` for the dev and test presets.
///
/// Borrowers may take half their collateral's value and are liquidated past 65% (DIEM's price
/// is the pool's, which a thin market moves far: the gap leaves room for a day's fall), for a
/// bonus of 8% and half the debt at a time. The rate starts at 0% and climbs 8% to 80%
/// utilisation, then 300% more to 100%: lenders are paid to bring liquidity back long before
/// the market runs dry. A tenth of the interest goes to the reserve, which absorbs bad debt
/// before the lenders do. The TWAP window is three hours (two minutes on fast presets); spot
/// more than 10% away from it pauses borrowing, and the debt stays within 30% of the pool's HASH
/// so that the collateral behind it can be sold into the pool.
pub fn market_params(fast: bool) -> MarketParams {
	MarketParams {
		collateral_factor: Permill::from_percent(50),
		liquidation_threshold: Permill::from_percent(65),
		close_factor: Permill::from_percent(50),
		liquidation_bonus: Permill::from_percent(8),
		reserve_factor: Permill::from_percent(10),
		rate: RateModel {
			base: FixedU128::from_u32(0),
			slope_low: FixedU128::from_rational(8, 100),
			slope_high: FixedU128::from_u32(3),
			kink: Permill::from_percent(80),
		},
		supply_cap: 10_000_000 * hash::UNIT,
		borrow_cap: 5_000_000 * hash::UNIT,
		max_borrow_of_pool: Permill::from_percent(30),
		min_pool_depth: 1_000 * hash::UNIT,
		oracle_window: if fast { 2 * MINUTES } else { 3 * HOURS },
		max_oracle_age: MINUTES,
		max_deviation: Permill::from_percent(10),
	}
}

/// Benchmarks: accounts funded by minting, the pool's reserves set on its account.
#[cfg(feature = "runtime-benchmarks")]
pub struct LendingBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_lending::BenchmarkHelper<crate::AccountId> for LendingBenchmarkHelper {
	fn fund(who: &crate::AccountId, hash: Balance, diem: Balance) {
		use polkadot_sdk::frame_support::traits::fungible::Mutate;
		let _ = Balances::mint_into(who, hash);
		let _ = super::assets::DiemToken::mint_into(who, diem);
	}

	fn set_pool(hash: Balance, diem: Balance) {
		use polkadot_sdk::{
			frame_support::traits::fungible::{Inspect, Mutate},
			pallet_asset_conversion::PoolLocator as _,
		};
		let Ok(pool) = super::dex::PoolLocator::pool_address(&HashKind::get(), &DiemKind::get())
		else {
			return;
		};
		let _ = Balances::set_balance(&pool, hash);
		let held = super::assets::DiemToken::balance(&pool);
		if held < diem {
			let _ = super::assets::DiemToken::mint_into(&pool, diem - held);
		} else {
			let _ = super::assets::DiemToken::burn_from(
				&pool,
				held - diem,
				polkadot_sdk::frame_support::traits::tokens::Preservation::Expendable,
				polkadot_sdk::frame_support::traits::tokens::Precision::Exact,
				polkadot_sdk::frame_support::traits::tokens::Fortitude::Force,
			);
		}
	}
}
