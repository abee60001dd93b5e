//! Weight functions of `pallet_validator_set`.
//!
//! The runtime's weights are measured by `scripts/benchmark.sh` (`benchmarking.rs`) once the
//! runtime uses this pallet; `()` is for the pallet's tests: the storage accesses at
//! `RocksDbWeight` and no compute.

use polkadot_sdk::frame_support::weights::{constants::RocksDbWeight, Weight};

/// Weight functions needed by `pallet_validator_set`; `n` is the size of the set.
pub trait WeightInfo {
	fn add_validator(n: u32) -> Weight;
	fn remove_validator(n: u32) -> Weight;
}

impl WeightInfo for () {
	/// Reads the session keys and the set, writes the set and the changed flag.
	fn add_validator(_n: u32) -> Weight {
		RocksDbWeight::get().reads_writes(2, 2)
	}

	/// Reads the set, writes it and the changed flag.
	fn remove_validator(_n: u32) -> Weight {
		RocksDbWeight::get().reads_writes(1, 2)
	}
}
