//! Invariants across pallets, which no single pallet can check on its own:
//!
//! - HASH total issuance = Σ of every account's free and reserved HASH, and the same for DIEM;
//! - every hold of every account, HASH and DIEM, is one that a pallet's records account for,
//!   with the amount those records say: compute staking's ledger, the credits pallet's stake,
//!   spenders and operator bond, the ledger's allowance deposits, the session key deposit. A
//!   hold nobody accounts for (or of a reason on the wrong token) is a broken invariant. Each
//!   pallet's own `do_try_state` checks the other direction, from its records to the holds.
//!
//! - the session's validators, Aura's authorities and GRANDPA's voters are never empty.
//!
//! [`check_all`] runs these and every DIEM pallet's `do_try_state`. The runtime's tests run it
//! after each test and the runtime fuzzer after every block; it iterates over all accounts, so
//! it is never called by on-chain logic.

use crate::{
	configs::diem_balances::DiemInstance, Balances, ComputeStaking, Diem, DiemBalances, DiemLedger,
	InferenceCredits, Runtime, RuntimeHoldReason, ValidatorSet,
};
use codec::{Decode, Encode};
use diem_primitives::{AccountId, Balance};
use polkadot_sdk::{
	frame_support::ensure, frame_system, pallet_aura, pallet_balances, pallet_session,
	sp_runtime::TryRuntimeError,
};

/// Every invariant of the DIEM pallets and of the runtime.
pub fn check_all() -> Result<(), TryRuntimeError> {
	ComputeStaking::do_try_state()?;
	Diem::do_try_state()?;
	DiemLedger::do_try_state()?;
	InferenceCredits::do_try_state()?;
	ValidatorSet::do_try_state()?;
	check_issuance()?;
	check_holds()?;
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
	let mut diem = Balance::default();
	for account in pallet_balances::Account::<Runtime, DiemInstance>::iter_values() {
		diem = diem
			.checked_add(account.free)
			.and_then(|sum| sum.checked_add(account.reserved))
			.ok_or("Σ DIEM accounts overflows")?;
	}
	ensure!(diem == DiemBalances::total_issuance(), "DIEM total issuance != Σ DIEM accounts");
	Ok(())
}

/// Every hold of every account against the records of the pallet that placed it.
pub fn check_holds() -> Result<(), TryRuntimeError> {
	for (who, holds) in pallet_balances::Holds::<Runtime>::iter() {
		for hold in holds {
			ensure!(hold.amount == hash_hold_on_record(&who, &hold.id)?, "a HASH hold off record");
		}
	}
	for (who, holds) in pallet_balances::Holds::<Runtime, DiemInstance>::iter() {
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
		RuntimeHoldReason::DiemLedger(_) => Err("an allowance deposit held in HASH"),
	}
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
		RuntimeHoldReason::DiemLedger(pallet_diem_ledger::HoldReason::AllowanceDeposit) => {
			let mut deposits = Balance::default();
			for allowance in pallet_diem_ledger::Allowances::<Runtime>::iter_prefix_values(who) {
				// A `HoldConsideration` ticket is the held amount; it has no public accessor,
				// so it is read back from its encoding.
				let amount = Balance::decode(&mut &allowance.deposit.encode()[..])
					.map_err(|_| "an allowance ticket that is not an amount")?;
				deposits = deposits.saturating_add(amount);
			}
			ensure!(deposits > 0, "an allowance deposit without allowances");
			Ok(deposits)
		}
		RuntimeHoldReason::ComputeStaking(_)
		| RuntimeHoldReason::Session(_)
		| RuntimeHoldReason::InferenceCredits(Credits::SpenderDeposit | Credits::OperatorBond) => {
			Err("a HASH hold reason on DIEM")
		}
	}
}
