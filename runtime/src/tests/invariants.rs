//! The runtime's cross-pallet invariants ([`crate::invariants`]) hold on the presets, survive
//! what anyone may do (pay into a pallet's account), and catch what they are there to catch: a
//! hold no pallet accounts for, issuance that is not the sum of the accounts.

use super::preset_ext;
use crate::{
	configs::{assets::AssetsInstance, compute_staking::OperatorRewardPool},
	invariants::{check_all, check_holds, check_issuance},
	Balances, ComputeStaking, RuntimeHoldReason,
};
use diem_primitives::hash::UNIT;
use polkadot_sdk::{
	frame_support::traits::{
		fungible::{Mutate, MutateHold},
		tokens::Preservation,
	},
	frame_system,
	sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET},
	sp_keyring::Sr25519Keyring,
};

#[test]
fn the_presets_satisfy_every_invariant() {
	for preset in [
		DEV_RUNTIME_PRESET,
		LOCAL_TESTNET_RUNTIME_PRESET,
		crate::genesis_config_presets::PRODUCTION_RUNTIME_PRESET,
	] {
		preset_ext(preset).execute_with(|| {
			assert_eq!(check_all(), Ok(()), "{preset}");
		});
	}
}

/// The staking reward pot and the operator reward pool are ordinary accounts: anyone can pay
/// into them, and the invariants over them are bounds that a payment keeps.
#[test]
fn payments_into_the_reward_pot_and_pool_keep_every_invariant() {
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let bob = Sr25519Keyring::Bob.to_account_id();
		for account in [ComputeStaking::pot_account(), OperatorRewardPool::get()] {
			assert!(<Balances as Mutate<_>>::transfer(
				&bob,
				&account,
				7 * UNIT,
				Preservation::Preserve
			)
			.is_ok());
		}
		assert_eq!(check_all(), Ok(()));
	});
}

/// A hold is checked for every account that has one, not only accounts with a record: a bond
/// held from an account that is no operator, or a credit stake held in HASH, is caught.
#[test]
fn a_hold_that_no_record_accounts_for_is_caught() {
	use pallet_inference_credits::HoldReason as Credits;
	let reasons = [
		RuntimeHoldReason::InferenceCredits(Credits::OperatorBond),
		RuntimeHoldReason::InferenceCredits(Credits::SpenderDeposit),
		RuntimeHoldReason::InferenceCredits(Credits::CreditStake),
		RuntimeHoldReason::ComputeStaking(pallet_compute_staking::HoldReason::Staked),
	];
	for reason in reasons {
		preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
			// Ferdie's stash: funded, but no ledger, no operator, no spenders.
			let who = crate::genesis_config_presets::dev_accounts()
				.last()
				.cloned()
				.expect("the dev accounts end with Ferdie's stash");
			assert_eq!(check_holds(), Ok(()));
			assert!(Balances::hold(&reason, &who, UNIT).is_ok());
			assert!(check_holds().is_err(), "{reason:?} held with no record");
		});
	}
}

/// Issuance is compared with the sum of all accounts, HASH and DIEM alike.
#[test]
fn issuance_that_is_not_the_sum_of_accounts_is_caught() {
	let charlie = Sr25519Keyring::Charlie.to_account_id();
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		frame_system::Account::<crate::Runtime>::mutate(&charlie, |account| {
			account.data.free += 1;
		});
		assert!(check_issuance().is_err());
	});
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		polkadot_sdk::pallet_assets::Account::<crate::Runtime, AssetsInstance>::mutate(
			diem_primitives::diem::ASSET_ID,
			&alice,
			|account| {
				if let Some(account) = account {
					account.balance += 1;
				}
			},
		);
		assert!(check_issuance().is_err());
	});
	preset_ext(DEV_RUNTIME_PRESET).execute_with(|| {
		assert!(Balances::mint_into(&charlie, UNIT).is_ok());
		assert_eq!(check_issuance(), Ok(()), "minting through the pallet keeps the sums");
	});
}
