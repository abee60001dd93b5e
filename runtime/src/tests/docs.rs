//! The docs name what the runtime holds: `docs/architecture.md`'s pallet table lists every
//! pallet of the runtime at its index, and nothing else.

use crate::AllPalletsWithSystem;
use polkadot_sdk::frame_support::traits::PalletsInfoAccess;
use std::collections::BTreeMap;

const ARCHITECTURE: &str = include_str!("../../../docs/architecture.md");

/// The `| index | pallet | role |` rows of the runtime section's table.
fn documented_pallets() -> BTreeMap<usize, String> {
	ARCHITECTURE
		.lines()
		.filter_map(|line| {
			let mut cells = line.strip_prefix('|')?.split('|').map(str::trim);
			let index = cells.next()?.parse().ok()?;
			Some((index, cells.next()?.to_string()))
		})
		.collect()
}

#[test]
fn the_architecture_table_lists_every_pallet_of_the_runtime() {
	let runtime: BTreeMap<usize, String> = AllPalletsWithSystem::infos()
		.into_iter()
		.map(|info| (info.index, info.name.to_string()))
		.collect();
	let documented = documented_pallets();
	assert!(documented.len() > 10, "the pallet table was not found in docs/architecture.md");
	for (index, name) in &runtime {
		assert_eq!(
			documented.get(index),
			Some(name),
			"pallet {name} (index {index}) is in the runtime but not in docs/architecture.md"
		);
	}
	for (index, name) in &documented {
		assert_eq!(
			runtime.get(index),
			Some(name),
			"docs/architecture.md lists {name} at {index}, which the runtime does not have"
		);
	}
}

/// The wallet registry entries of `docs/wallets/` name DIEM as the runtime defines it.
#[test]
fn the_wallet_registry_entries_match_the_runtime() {
	use diem_primitives::{diem, DIEM_DECIMALS, DIEM_SYMBOL, SS58_PREFIX};
	use serde_json::Value;
	let parse = |name: &str, text: &str| -> Value {
		serde_json::from_str(text).unwrap_or_else(|e| panic!("docs/wallets/{name}: {e}"))
	};
	let id = diem::ASSET_ID.to_string();
	let decimals = Value::from(DIEM_DECIMALS);

	let nova = parse("nova.json", include_str!("../../../docs/wallets/nova.json"));
	assert_eq!(nova["addressPrefix"], SS58_PREFIX);
	let diem_entry = nova["assets"]
		.as_array()
		.and_then(|assets| assets.iter().find(|a| a["symbol"] == DIEM_SYMBOL))
		.expect("Nova: a DIEM asset");
	assert_eq!(diem_entry["typeExtras"]["assetId"], id.as_str());
	assert_eq!((&diem_entry["type"], &diem_entry["precision"]), (&"statemine".into(), &decimals));

	let subwallet = parse("subwallet.json", include_str!("../../../docs/wallets/subwallet.json"));
	assert_eq!(subwallet["chain"]["substrateInfo"]["addressPrefix"], SS58_PREFIX);
	assert_eq!(
		subwallet["chain"]["substrateInfo"]["existentialDeposit"],
		diem_primitives::hash::EXISTENTIAL_DEPOSIT.to_string().as_str()
	);
	let diem_entry = subwallet["assets"]
		.as_array()
		.and_then(|assets| assets.iter().find(|a| a["symbol"] == DIEM_SYMBOL))
		.expect("SubWallet: a DIEM asset");
	assert_eq!(diem_entry["metadata"]["assetId"], id.as_str());
	assert_eq!(diem_entry["decimals"], decimals);
	assert_eq!(diem_entry["minAmount"], diem::EXISTENTIAL_DEPOSIT.to_string().as_str());

	let talisman = parse("talisman.json", include_str!("../../../docs/wallets/talisman.json"));
	assert_eq!(talisman["prefix"], SS58_PREFIX);
	let token = &talisman["balancesConfig"]["substrate-assets"]["tokens"][0];
	assert_eq!(
		(&token["assetId"], &token["symbol"], &token["decimals"]),
		(&Value::from(diem::ASSET_ID), &DIEM_SYMBOL.into(), &decimals)
	);
}
