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
