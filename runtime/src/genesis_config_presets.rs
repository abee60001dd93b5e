//! Genesis presets: the initial state of the chains the node ships chain specs for.
//!
//! - `development` (`diem-node --dev`): Alice is the only validator and the sudo key; the
//!   well-known dev accounts (Alice..Ferdie and their `//stash` accounts) hold HASH.
//! - `local_testnet` (`diem-node --chain local`): Alice and Bob validate; same funded accounts.
//!
//! Presets are JSON patches over the default genesis config, so a preset names only what it
//! changes. Live networks get their own chain spec files, not presets with dev keys.

use crate::{AccountId, AuraConfig, BalancesConfig, GrandpaConfig, RuntimeGenesisConfig, SudoConfig};
use alloc::{string::String, vec, vec::Vec};
use diem_primitives::hash::UNIT;
use polkadot_sdk::{
	frame_support::build_struct_json_patch,
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_consensus_grandpa::AuthorityId as GrandpaId,
	sp_genesis_builder::{self, PresetId},
	sp_keyring::{Ed25519Keyring, Sr25519Keyring},
};
use serde_json::Value;

/// HASH each dev account starts with: 1 million HASH.
pub const DEV_ENDOWMENT: crate::Balance = 1_000_000 * UNIT;

/// A validator's session keys in genesis.
pub struct GenesisValidator {
	pub aura: AuraId,
	pub grandpa: GrandpaId,
}

/// The dev validator keys derived from a well-known name (`//Alice`, `//Bob`, ...).
pub fn dev_validator(sr: Sr25519Keyring, ed: Ed25519Keyring) -> GenesisValidator {
	GenesisValidator { aura: sr.public().into(), grandpa: ed.public().into() }
}

/// Builds a genesis patch: `validators` author and finalize, `endowed` accounts start with
/// `endowment` HASH each, `root` holds the sudo key.
pub fn genesis_patch(
	validators: Vec<GenesisValidator>,
	endowed: Vec<AccountId>,
	endowment: crate::Balance,
	root: AccountId,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.into_iter().map(|who| (who, endowment)).collect::<Vec<_>>(),
		},
		aura: AuraConfig {
			authorities: validators.iter().map(|v| v.aura.clone()).collect::<Vec<_>>(),
		},
		grandpa: GrandpaConfig {
			// Every validator votes with weight 1.
			authorities: validators.iter().map(|v| (v.grandpa.clone(), 1)).collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: Some(root) },
	})
}

/// The well-known dev accounts: `//Alice` ... `//Ferdie` and their `//stash` accounts.
pub fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect()
}

fn development() -> Value {
	genesis_patch(
		vec![dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		dev_accounts(),
		DEV_ENDOWMENT,
		Sr25519Keyring::Alice.to_account_id(),
	)
}

fn local_testnet() -> Value {
	genesis_patch(
		vec![
			dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			dev_validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		],
		dev_accounts(),
		DEV_ENDOWMENT,
		Sr25519Keyring::Alice.to_account_id(),
	)
}

/// The JSON of the named preset, or `None` for an unknown name.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet(),
		_ => return None,
	};
	serde_json::to_string(&patch).ok().map(String::into_bytes)
}

/// The names of the presets [`get_preset`] knows.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
	]
}
