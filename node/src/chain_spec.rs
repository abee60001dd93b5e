//! Chain specs built from the runtime's genesis presets.
//!
//! `--dev` uses the `development` preset (Alice alone validates, sudo), `--chain local` the
//! `local_testnet` preset (Alice and Bob, no sudo), `--chain production` the production-style
//! preset (four validators, no sudo, standard governance timing; its dev keys are placeholders
//! a launch replaces). Anything else is read as a chain-spec JSON file, e.g. one written by
//! `diem-node build-spec --chain production --raw` and edited.

use diem_primitives::{HASH_DECIMALS, HASH_SYMBOL, SS58_PREFIX};
use diem_runtime::WASM_BINARY;
use polkadot_sdk::{
	sc_chain_spec::{ChainType, Properties},
	sc_service,
	sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET},
};

/// The node's chain spec type: genesis from the runtime, no extensions.
pub type ChainSpec = sc_service::GenericChainSpec;

/// The libp2p protocol id: keeps DIEM nodes from gossiping with other Substrate chains.
const PROTOCOL_ID: &str = "diem";

/// What wallets (polkadot.js apps, subxt users) read to display HASH amounts and addresses.
pub fn chain_properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), HASH_SYMBOL.into());
	properties.insert("tokenDecimals".into(), HASH_DECIMALS.into());
	properties.insert("ss58Format".into(), SS58_PREFIX.into());
	properties
}

fn from_preset(
	name: &str,
	id: &str,
	chain_type: ChainType,
	preset: &str,
) -> Result<ChainSpec, String> {
	let wasm = WASM_BINARY
		.ok_or_else(|| "the runtime wasm was not built (was SKIP_WASM_BUILD set?)".to_string())?;
	Ok(ChainSpec::builder(wasm, None)
		.with_name(name)
		.with_id(id)
		.with_chain_type(chain_type)
		.with_protocol_id(PROTOCOL_ID)
		.with_genesis_config_preset_name(preset)
		.with_properties(chain_properties())
		.build())
}

/// `--dev`: one validator (Alice), funded dev accounts.
pub fn development() -> Result<ChainSpec, String> {
	from_preset("DIEM Development", "diem_dev", ChainType::Development, DEV_RUNTIME_PRESET)
}

/// `--chain local`: Alice and Bob validate on one machine or a LAN.
pub fn local_testnet() -> Result<ChainSpec, String> {
	from_preset("DIEM Local Testnet", "diem_local", ChainType::Local, LOCAL_TESTNET_RUNTIME_PRESET)
}

/// `--chain production`: the template of a live network's genesis.
pub fn production() -> Result<ChainSpec, String> {
	from_preset(
		"DIEM",
		"diem",
		ChainType::Live,
		diem_runtime::genesis_config_presets::PRODUCTION_RUNTIME_PRESET,
	)
}
