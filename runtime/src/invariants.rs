//! Invariants across pallets, which no single pallet can check on its own:
//!
//! - HASH total issuance = Σ of every account's free and reserved HASH; for every asset of
//!   `Assets` (DIEM among them) and `PoolAssets` (LP tokens), its supply = Σ of its accounts'
//!   balances and holds, so DIEM's issuance (= Σ positions' outstanding, `pallet-diem`'s own
//!   invariant) is exactly what accounts, pools and credit stakes hold;
//! - every hold of every account, HASH and DIEM, is one that a pallet's records account for,
//!   with the amount those records say: compute staking's ledger, the credits pallet's stake,
//!   spenders and operator bond, the session key deposit, the market's offer deposits, lending's
//!   DIEM collateral, the preimage deposits of noted preimages. A hold nobody accounts for (or of a
//!   reason on the wrong token) is a broken invariant. Each pallet's own `do_try_state` checks
//!   the other direction, from its records to the holds;
//! - every DEX pool's account holds its reserves: at least the minimum balance of both assets
//!   once it has liquidity, and LP tokens exist only for pools.
//!
//! - the session's validators, Aura's authorities and GRANDPA's voters are never empty.
//!
//! [`check_all`] runs these and every DIEM pallet's `do_try_state`. The runtime's tests run it
//! after each test and the runtime fuzzer after every block; it iterates over all accounts, so
//! it is never called by on-chain logic.

use crate::{
	configs::assets::{AssetsInstance, PoolAssetsInstance},
	Balances, ComputeStaking, Diem, InferenceCredits, Runtime, RuntimeHoldReason, ValidatorSet,
};
use alloc::collections::BTreeMap;
use diem_primitives::{diem, AccountId, AssetId, Balance};
use polkadot_sdk::{
	frame_support::{
		ensure, storage_alias,
		traits::{tokens::IdAmount, VariantCountOf},
		Blake2_128Concat, BoundedVec,
	},
	frame_system, pallet_asset_conversion, pallet_assets, pallet_aura, pallet_balances,
	pallet_session,
	sp_runtime::TryRuntimeError,
};

/// `pallet_assets_holder`'s holds (its storage is private to it; the layout is its own).
#[storage_alias]
type Holds = StorageDoubleMap<
	AssetsHolder,
	Blake2_128Concat,
	AssetId,
	Blake2_128Concat,
	AccountId,
	BoundedVec<IdAmount<RuntimeHoldReason, Balance>, VariantCountOf<RuntimeHoldReason>>,
>;

/// Every invariant of the DIEM pallets and of the runtime.
pub fn check_all() -> Result<(), TryRuntimeError> {
	ComputeStaking::do_try_state()?;
	Diem::do_try_state()?;
	InferenceCredits::do_try_state()?;
	crate::Market::do_try_state()?;
	crate::Lending::do_try_state()?;
	ValidatorSet::do_try_state()?;
	check_issuance()?;
	check_holds()?;
	check_pools()?;
	check_authorities()
}

/// Blocks are authored and finalized by someone: the session's validators, Aura's authorities
/// and GRANDPA's voters are never empty.
pub fn check_authorities() -> Result<(), TryRuntimeError> {
	ensure!(!pallet_session::Validators::<Runtime>::get().is_empty(), "no session validators");
	ensure!(!pallet_aura::Authorities::<Runtime>::get().is_empty(), "no Aura authorities");
	ensure!(!crate::Grandpa::grandpa_authorities().is_empty(), "no GRANDPA voters");
	Ok(())
}

/// Total issuance of HASH and of DIEM against the sum of all accounts.
pub fn check_issuance() -> Result<(), TryRuntimeError> {
	let mut hash = Balance::default();
	for account in frame_system::Account::<Runtime>::iter_values() {
		hash = hash
			.checked_add(account.data.free)
			.and_then(|sum| sum.checked_add(account.data.reserved))
			.ok_or("Σ HASH accounts overflows")?;
	}
	ensure!(hash == Balances::total_issuance(), "HASH total issuance != Σ accounts");
	check_asset_supplies::<AssetsInstance>(true)?;
	check_asset_supplies::<PoolAssetsInstance>(false)?;
	Ok(())
}

/// Each asset's supply of the `I` instance against Σ its accounts' balances (and, with
/// `holds`, Σ the holds of `AssetsHolder`, which keeps held amounts outside the account).
fn check_asset_supplies<I: 'static>(holds: bool) -> Result<(), TryRuntimeError>
where
	Runtime: pallet_assets::Config<I, AssetId = AssetId, Balance = Balance>,
{
	let mut sums: BTreeMap<AssetId, Balance> = BTreeMap::new();
	for (id, _, account) in pallet_assets::Account::<Runtime, I>::iter() {
		let sum = sums.entry(id).or_default();
		*sum = sum.checked_add(account.balance).ok_or("Σ asset accounts overflows")?;
	}
	if holds {
		for (id, _, holds) in Holds::iter() {
			let sum = sums.entry(id).or_default();
			for hold in holds {
				*sum = sum.checked_add(hold.amount).ok_or("Σ asset holds overflows")?;
			}
		}
	}
	for (id, details) in pallet_assets::Asset::<Runtime, I>::iter() {
		ensure!(
			sums.remove(&id).unwrap_or_default() == details.supply,
			"an asset's supply != Σ its accounts and holds"
		);
	}
	ensure!(sums.values().all(|sum| *sum == 0), "balances of an asset that does not exist");
	Ok(())
}

/// Every pool's account holds its reserves, and every LP token belongs to a pool.
pub fn check_pools() -> Result<(), TryRuntimeError> {
	use polkadot_sdk::frame_support::traits::fungibles::Inspect;
	let mut lp_tokens = alloc::collections::BTreeSet::new();
	for (pool_id, info) in pallet_asset_conversion::Pools::<Runtime>::iter() {
		ensure!(lp_tokens.insert(info.lp_token), "two pools share an LP token");
		let lp_supply = crate::PoolAssets::total_issuance(info.lp_token);
		if lp_supply > 0 {
			let (reserve1, reserve2) =
				crate::AssetConversion::get_reserves(pool_id.0.clone(), pool_id.1.clone())
					.map_err(|_| "a pool with liquidity has no reserves")?;
			ensure!(reserve1 > 0 && reserve2 > 0, "a pool with LP tokens but an empty side");
		}
	}
	for (id, details) in pallet_assets::Asset::<Runtime, PoolAssetsInstance>::iter() {
		ensure!(lp_tokens.contains(&id) || details.supply == 0, "LP tokens of no pool");
	}
	Ok(())
}

/// Every hold of every account against the records of the pallet that placed it.
pub fn check_holds() -> Result<(), TryRuntimeError> {
	for (who, holds) in pallet_balances::Holds::<Runtime>::iter() {
		for hold in holds {
			ensure!(hold.amount == hash_hold_on_record(&who, &hold.id)?, "a HASH hold off record");
		}
	}
	for (id, who, holds) in Holds::iter() {
		ensure!(id == diem::ASSET_ID, "a hold on an asset other than DIEM");
		for hold in holds {
			ensure!(hold.amount == diem_hold_on_record(&who, &hold.id)?, "a DIEM hold off record");
		}
	}
	Ok(())
}

/// What the records say `who` has held in HASH for `reason`. The match names every hold reason
/// of the runtime, so a new pallet's reason does not compile until it is accounted for here.
fn hash_hold_on_record(
	who: &AccountId,
	reason: &RuntimeHoldReason,
) -> Result<Balance, &'static str> {
	use pallet_inference_credits::HoldReason as Credits;
	match reason {
		RuntimeHoldReason::ComputeStaking(pallet_compute_staking::HoldReason::Staked) => {
			let ledger = pallet_compute_staking::Ledgers::<Runtime>::get(who)
				.ok_or("a staking hold without a ledger")?;
			Ok(ledger
				.unbonding
				.iter()
				.fold(ledger.unlocked.saturating_add(ledger.locked), |sum, chunk| {
					sum.saturating_add(chunk.amount)
				}))
		}
		RuntimeHoldReason::InferenceCredits(Credits::OperatorBond) => {
			pallet_inference_credits::Operators::<Runtime>::get(who)
				.map(|operator| operator.bond)
				.ok_or("an operator bond without an operator")
		}
		RuntimeHoldReason::InferenceCredits(Credits::SpenderDeposit) => {
			let spenders = pallet_inference_credits::Spenders::<Runtime>::get(who);
			ensure!(!spenders.is_empty(), "a spender deposit without spenders");
			Ok(spenders.iter().fold(0, |sum: Balance, entry| sum.saturating_add(entry.deposit)))
		}
		RuntimeHoldReason::Session(pallet_session::HoldReason::Keys) => {
			ensure!(
				pallet_session::NextKeys::<Runtime>::contains_key(who),
				"a session key deposit without keys"
			);
			Ok(crate::configs::session::SessionKeyDeposit::get())
		}
		RuntimeHoldReason::InferenceCredits(Credits::CreditStake) => {
			Err("a credit stake held in HASH")
		}
		RuntimeHoldReason::Market(pallet_market::HoldReason::OfferDeposit) => {
			let offers = pallet_market::Offers::<Runtime>::get(who);
			ensure!(!offers.is_empty(), "an offer deposit without offers");
			Ok(offers.iter().fold(0, |sum: Balance, offer| sum.saturating_add(offer.deposit)))
		}
		RuntimeHoldReason::Preimage(polkadot_sdk::pallet_preimage::HoldReason::Preimage) => {
			let held = preimage_deposits_of(who);
			ensure!(held > 0, "a preimage deposit without a preimage");
			Ok(held)
		}
		// Safe mode and committee motions take no deposits here (only governance enters safe
		// mode; the committee's motions are free).
		RuntimeHoldReason::Lending(_) => Err("lending collateral held in HASH"),
		RuntimeHoldReason::SafeMode(_) => Err("a safe-mode deposit"),
		RuntimeHoldReason::TechnicalCommittee(_) => Err("a committee motion deposit"),
	}
}

/// The deposits of the preimages `who` noted: the preimage pallet's price of each one's size.
fn preimage_deposits_of(who: &AccountId) -> Balance {
	use crate::configs::governance::{PreimageBaseDeposit, PreimageByteDeposit};
	use polkadot_sdk::{
		frame_support::traits::{Footprint, LinearStoragePrice},
		pallet_preimage::{self, RequestStatus},
		sp_runtime::traits::Convert,
	};
	type Price = LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, Balance>;
	pallet_preimage::RequestStatusFor::<Runtime>::iter_values()
		.filter_map(|status| match status {
			RequestStatus::Unrequested { ticket: (owner, _), len } => Some((owner, Some(len))),
			RequestStatus::Requested { maybe_ticket: Some((owner, _)), maybe_len, .. } => {
				Some((owner, maybe_len))
			}
			RequestStatus::Requested { maybe_ticket: None, .. } => None,
		})
		.filter(|(owner, _)| owner == who)
		.fold(0, |sum: Balance, (_, len)| {
			let size = usize::try_from(len.unwrap_or(0)).unwrap_or(usize::MAX);
			sum.saturating_add(Price::convert(Footprint::from_parts(1, size)))
		})
}

/// What the records say `who` has held in DIEM for `reason`.
fn diem_hold_on_record(
	who: &AccountId,
	reason: &RuntimeHoldReason,
) -> Result<Balance, &'static str> {
	use pallet_inference_credits::HoldReason as Credits;
	match reason {
		RuntimeHoldReason::InferenceCredits(Credits::CreditStake) => {
			pallet_inference_credits::CreditStakes::<Runtime>::get(who)
				.map(|stake| stake.held())
				.ok_or("a credit-stake hold without a stake")
		}
		RuntimeHoldReason::Lending(pallet_lending::HoldReason::Collateral) => {
			Ok(pallet_lending::Loans::<Runtime>::get(who)
				.map(|loan| loan.collateral)
				.unwrap_or_default())
		}
		RuntimeHoldReason::ComputeStaking(_)
		| RuntimeHoldReason::Session(_)
		| RuntimeHoldReason::Market(_)
		| RuntimeHoldReason::Preimage(_)
		| RuntimeHoldReason::SafeMode(_)
		| RuntimeHoldReason::TechnicalCommittee(_)
		| RuntimeHoldReason::InferenceCredits(Credits::SpenderDeposit | Credits::OperatorBond) => {
			Err("a HASH hold reason on DIEM")
		}
	}
}
