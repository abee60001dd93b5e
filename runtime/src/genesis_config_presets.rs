//! Genesis presets: the initial state of the chains the node ships chain specs for.
//!
//! - `development` (`diem-node --dev`): Alice is the only validator and the sudo key (beside
//!   referenda on fast tracks; Alice, Bob and Charlie form the technical committee); the
//!   well-known dev accounts (Alice..Ferdie and their `//stash` accounts) hold HASH, and
//!   Alice..Ferdie stake part of it with a one-minute unbonding period. DIEM minting is open and
//!   Alice holds the protocol position (1,000 DIEM minted on the curve against her stake), a
//!   quarter of which she puts into the HASH/DIEM pool of the DEX at the curve's price (250 DIEM
//!   and 22,500 HASH), so a new user can swap at once. Credit epochs last one minute.
//! - `local_testnet` (`diem-node --chain local`): Alice and Bob validate in one-minute sessions;
//!   same accounts, stakes, protocol position, pool and committee, fast tracks, seven-day
//!   unbonding, minting closed until governance opens it. No sudo: every change goes through a
//!   referendum (or the committee's emergency powers), as on a live network.
//! - `production` (`diem-node --chain production`): the shape of a live network's genesis. No
//!   sudo, the tracks' standard timing (days, not blocks), seven-day unbonding, an emission of
//!   4 % of the supply a year, minting closed, no protocol position or pool; four validators
//!   (Alice..Dave) and a committee (Alice, Bob, Charlie) who hold and stake HASH. Its keys are the well-known dev keys, placeholders that a
//!   launch replaces in the chain spec it writes from this preset (`docs/validators.md`).
//!
//! Every genesis creates DIEM in `Assets` (asset [`diem::ASSET_ID`], sufficient, keyless owner,
//! metadata `DIEM`/`DIEM`/12) before the protocol mints.
//!
//! Presets are JSON patches over the default genesis config, so a preset names only what it
//! changes. Live networks get their own chain spec files, not presets with dev keys.

use crate::{
	configs::assets::DiemOwner, AccountId, AssetsConfig, BalancesConfig, BlockNumber,
	ComputeStakingConfig, DiemConfig, InferenceCreditsConfig, LendingConfig, OriginsConfig,
	RuntimeGenesisConfig, SessionConfig, SessionKeys, SudoConfig, TechnicalMembershipConfig,
	ValidatorSetConfig,
};
use alloc::{string::String, vec, vec::Vec};
use diem_primitives::{
	diem,
	hash::{MILLI, UNIT},
	time::{DAYS, MINUTES},
};
use pallet_compute_staking::StakingParams;
use polkadot_sdk::{
	frame_support::{build_struct_json_patch, BoundedVec},
	sp_consensus_aura::sr25519::AuthorityId as AuraId,
	sp_consensus_grandpa::AuthorityId as GrandpaId,
	sp_genesis_builder::{self, PresetId},
	sp_keyring::{Ed25519Keyring, Sr25519Keyring},
	sp_runtime::Perbill,
};
use serde_json::Value;

/// HASH each dev account starts with: 1 million HASH.
pub const DEV_ENDOWMENT: crate::Balance = 1_000_000 * UNIT;

/// HASH each of Alice..Ferdie stakes at genesis, so a dev chain shows rewards accruing.
pub const DEV_GENESIS_STAKE: crate::Balance = 100_000 * UNIT;

/// DIEM Alice mints at genesis on the dev and test presets: the protocol position (Venice minted
/// 10,000 DIEM; a dev account's stake pays for 1,000, about 90,000 HASH).
pub const DEV_PROTOCOL_MINT: crate::Balance = 1_000 * diem_primitives::diem::UNIT;

/// DIEM and HASH Alice puts into the HASH/DIEM pool at genesis on the dev and test presets: a
/// quarter of her protocol mint, at the curve's opening price of 90 HASH per DIEM.
pub const DEV_POOL_DIEM: crate::Balance = 250 * diem_primitives::diem::UNIT;
pub const DEV_POOL_HASH: crate::Balance = 22_500 * UNIT;

/// The DIEM side of a genesis: whether minting is open, the protocol mints, the liquidity put
/// into the HASH/DIEM pool (account, HASH, DIEM), and the length of credit epochs in ms (`None`:
/// a UTC day).
pub struct DiemGenesis {
	pub minting_open: bool,
	pub protocol_mints: Vec<(AccountId, crate::Balance)>,
	pub liquidity: Vec<(AccountId, crate::Balance, crate::Balance)>,
	pub epoch_length: Option<u64>,
}

/// Credit epochs of the dev preset: one minute (ten slots), so a dev session sees allowances
/// renew, vouchers expire and operator claims open within minutes.
pub const DEV_EPOCH_LENGTH_MS: u64 = 60_000;

/// Staking parameters of the dev and test presets, with the given unbonding period.
///
/// Emission: 0.1 HASH per block, about 525,600 HASH a year: 4.4% of the presets' 12 million
/// HASH, within the runtime's 10% yearly inflation bound. Locked stake keeps 80% of the yield
/// (Venice's figure); the minimum stake is 1 HASH.
pub fn staking_params(unbonding_period: BlockNumber) -> StakingParams<crate::Balance, BlockNumber> {
	StakingParams {
		emission_per_block: 100 * MILLI,
		locked_yield_share: Perbill::from_percent(80),
		unbonding_period,
		min_stake: UNIT,
	}
}

/// The governance side of a genesis: the sudo key (`None`: no sudo, everything goes through
/// referenda), the technical committee's members, and whether the referendum tracks run on
/// their fast development timing.
pub struct GovernanceGenesis {
	pub sudo: Option<AccountId>,
	pub committee: Vec<AccountId>,
	pub fast_tracks: bool,
}

/// The technical committee of the dev and test presets: Alice, Bob and Charlie.
fn dev_committee() -> Vec<AccountId> {
	[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie]
		.into_iter()
		.map(|k| k.to_account_id())
		.collect()
}

/// A genesis validator: its account (the validator id) and its session keys.
pub struct GenesisValidator {
	pub account: AccountId,
	pub aura: AuraId,
	pub grandpa: GrandpaId,
}

/// The dev validator named `//Alice`, `//Bob`, ...: the sr25519 account and Aura key, the
/// ed25519 GRANDPA key.
pub fn dev_validator(sr: Sr25519Keyring, ed: Ed25519Keyring) -> GenesisValidator {
	GenesisValidator {
		account: sr.to_account_id(),
		aura: sr.public().into(),
		grandpa: ed.public().into(),
	}
}

/// Blocks per session on the `local_testnet` preset: one minute, so a local network applies a
/// validator-set change within two or three minutes. (The development chain has one validator
/// and keeps the runtime's one-hour default.)
pub const LOCAL_SESSION_LENGTH: BlockNumber = MINUTES;

/// Builds a genesis patch: `validators` author and finalize (sessions of `session_length`
/// blocks, `None` for the runtime's default), `endowed` accounts start with
/// `endowment` HASH each, `governance` names the sudo key and the committee, `stakers` stake at
/// genesis under `staking`, and `diem` opens minting (or not) and mints the protocol positions
/// against that stake.
#[allow(clippy::too_many_arguments)]
pub fn genesis_patch(
	validators: Vec<GenesisValidator>,
	session_length: Option<BlockNumber>,
	endowed: Vec<AccountId>,
	endowment: crate::Balance,
	governance: GovernanceGenesis,
	staking: StakingParams<crate::Balance, BlockNumber>,
	stakers: Vec<(AccountId, crate::Balance)>,
	diem: DiemGenesis,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.into_iter().map(|who| (who, endowment)).collect::<Vec<_>>(),
		},
		// Aura and GRANDPA get their authorities from the session pallet's genesis keys.
		validator_set: ValidatorSetConfig {
			validators: validators.iter().map(|v| v.account.clone()).collect::<Vec<_>>(),
			session_length,
			// Removals stop at the genesis set's size; governance may lower it to the floor.
			minimum_set_size: Some(u32::try_from(validators.len()).unwrap_or(u32::MAX)),
		},
		session: SessionConfig {
			keys: validators
				.into_iter()
				.map(|v| {
					let keys = SessionKeys { aura: v.aura, grandpa: v.grandpa };
					(v.account.clone(), v.account, keys)
				})
				.collect::<Vec<_>>(),
		},
		sudo: SudoConfig { key: governance.sudo },
		// The committee is set through its membership pallet, which passes it on.
		technical_membership: TechnicalMembershipConfig {
			members: BoundedVec::truncate_from(governance.committee),
		},
		origins: OriginsConfig { fast_tracks: governance.fast_tracks },
		compute_staking: ComputeStakingConfig { params: Some(staking), stakers },
		// The lending market opens at genesis; fast presets average the price over minutes.
		lending: LendingConfig {
			params: Some(crate::configs::lending::market_params(governance.fast_tracks)),
		},
		assets: AssetsConfig {
			assets: vec![(diem::ASSET_ID, DiemOwner::get(), true, diem::EXISTENTIAL_DEPOSIT)],
			metadata: vec![(
				diem::ASSET_ID,
				diem_primitives::DIEM_NAME.as_bytes().to_vec(),
				diem_primitives::DIEM_SYMBOL.as_bytes().to_vec(),
				diem_primitives::DIEM_DECIMALS,
			)],
		},
		diem: DiemConfig {
			minting_open: diem.minting_open,
			mints: diem.protocol_mints,
			liquidity: diem.liquidity,
		},
		inference_credits: InferenceCreditsConfig { epoch_length: diem.epoch_length },
	})
}

/// The well-known dev accounts: `//Alice` ... `//Ferdie` and their `//stash` accounts.
pub fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect()
}

/// Alice..Ferdie (not their stashes) stake [`DEV_GENESIS_STAKE`] each.
fn dev_stakers() -> Vec<(AccountId, crate::Balance)> {
	Sr25519Keyring::invulnerable().map(|k| (k.to_account_id(), DEV_GENESIS_STAKE)).collect()
}

fn alice_protocol_mint() -> Vec<(AccountId, crate::Balance)> {
	vec![(Sr25519Keyring::Alice.to_account_id(), DEV_PROTOCOL_MINT)]
}

fn alice_pool_liquidity() -> Vec<(AccountId, crate::Balance, crate::Balance)> {
	vec![(Sr25519Keyring::Alice.to_account_id(), DEV_POOL_HASH, DEV_POOL_DIEM)]
}

fn development() -> Value {
	genesis_patch(
		vec![dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		None,
		dev_accounts(),
		DEV_ENDOWMENT,
		// Sudo for developers, beside referenda on tracks of a few blocks.
		GovernanceGenesis {
			sudo: Some(Sr25519Keyring::Alice.to_account_id()),
			committee: dev_committee(),
			fast_tracks: true,
		},
		// One-minute unbonding, so the whole staking cycle can be tried in a dev session.
		staking_params(MINUTES),
		dev_stakers(),
		// Minting open from block 1, so a dev chain shows DIEM at once.
		DiemGenesis {
			minting_open: true,
			protocol_mints: alice_protocol_mint(),
			liquidity: alice_pool_liquidity(),
			epoch_length: Some(DEV_EPOCH_LENGTH_MS),
		},
	)
}

fn local_testnet() -> Value {
	genesis_patch(
		vec![
			dev_validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			dev_validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		],
		Some(LOCAL_SESSION_LENGTH),
		dev_accounts(),
		DEV_ENDOWMENT,
		// No sudo; fast tracks so that a test network's referenda pass within minutes.
		GovernanceGenesis { sudo: None, committee: dev_committee(), fast_tracks: true },
		// The production figure: seven days.
		staking_params(7 * DAYS),
		dev_stakers(),
		// Closed until governance opens it: Venice's launch, where nobody snipes the cheapest DIEM.
		DiemGenesis {
			minting_open: false,
			protocol_mints: alice_protocol_mint(),
			liquidity: alice_pool_liquidity(),
			epoch_length: None,
		},
	)
}

/// The name of the production-style preset.
pub const PRODUCTION_RUNTIME_PRESET: &str = "production";

/// HASH each account of the production preset starts with, of which it stakes half.
pub const PRODUCTION_ENDOWMENT: crate::Balance = 100_000 * UNIT;

fn production() -> Value {
	let validators = [
		(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
		(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
		(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
	];
	let accounts: Vec<AccountId> = validators.iter().map(|(sr, _)| sr.to_account_id()).collect();
	let stakers = accounts.iter().map(|a| (a.clone(), PRODUCTION_ENDOWMENT / 2)).collect();
	// 4 % of the genesis supply a year (the runtime refuses more than 10 %), with the dev
	// presets' yield share and minimum stake and a seven-day unbonding period.
	let supply = PRODUCTION_ENDOWMENT * accounts.len() as crate::Balance;
	let staking = StakingParams {
		emission_per_block: supply * 4 / 100 / crate::Balance::from(365 * DAYS),
		..staking_params(7 * DAYS)
	};
	genesis_patch(
		validators.into_iter().map(|(sr, ed)| dev_validator(sr, ed)).collect(),
		None,
		accounts,
		PRODUCTION_ENDOWMENT,
		GovernanceGenesis { sudo: None, committee: dev_committee(), fast_tracks: false },
		staking,
		stakers,
		DiemGenesis {
			minting_open: false,
			protocol_mints: vec![],
			liquidity: vec![],
			epoch_length: None,
		},
	)
}

/// The JSON of the named preset, or `None` for an unknown name.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_testnet(),
		PRODUCTION_RUNTIME_PRESET => production(),
		_ => return None,
	};
	serde_json::to_string(&patch).ok().map(String::into_bytes)
}

/// The names of the presets [`get_preset`] knows.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(PRODUCTION_RUNTIME_PRESET),
	]
}

/// The genesis storage of the named preset, built as a node builds it from a chain spec: the
/// preset's patch over the default config (objects merge key by key, anything else replaces),
/// then every pallet's genesis build. For tests and the runtime fuzzer.
#[cfg(feature = "std")]
pub fn preset_storage(id: &str) -> Result<polkadot_sdk::sp_runtime::Storage, String> {
	use polkadot_sdk::sp_runtime::BuildStorage;
	fn merge(base: &mut Value, patch: Value) {
		match (base, patch) {
			(Value::Object(base), Value::Object(patch)) => {
				for (key, value) in patch {
					merge(base.entry(key).or_insert(Value::Null), value);
				}
			}
			(base, patch) => *base = patch,
		}
	}
	let patch = get_preset(&id.into()).ok_or_else(|| alloc::format!("no preset {id}"))?;
	let patch: Value = serde_json::from_slice(&patch).map_err(|e| e.to_string())?;
	let mut config =
		serde_json::to_value(RuntimeGenesisConfig::default()).map_err(|e| e.to_string())?;
	merge(&mut config, patch);
	let config: RuntimeGenesisConfig =
		serde_json::from_value(config).map_err(|e| alloc::format!("preset {id}: {e}"))?;
	config.build_storage()
}
