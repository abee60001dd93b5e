//! Weights of the pallet's calls and hook.
//!
//! Real weights come from running `benchmarking.rs` through the node's `benchmark pallet`
//! subcommand; that pipeline does not exist yet (issue #7). Until it does, the runtime uses the
//! `()` implementation below, which charges a counted number of database accesses per call and
//! no compute: an estimate, not a measurement.

use polkadot_sdk::frame_support::weights::{constants::RocksDbWeight, Weight};

/// Weight functions needed by the pallet.
pub trait WeightInfo {
	fn stake() -> Weight;
	fn unstake() -> Weight;
	fn withdraw_unbonded(chunks: u32) -> Weight;
	fn rebond(chunks: u32) -> Weight;
	fn claim_rewards() -> Weight;
	fn set_auto_compound() -> Weight;
	fn compound() -> Weight;
	fn set_params() -> Weight;
	fn on_initialize() -> Weight;
}

/// Database accesses per call, for tests.
impl WeightInfo for () {
	fn stake() -> Weight {
		RocksDbWeight::get().reads_writes(7, 5)
	}
	fn unstake() -> Weight {
		RocksDbWeight::get().reads_writes(6, 3)
	}
	fn withdraw_unbonded(_chunks: u32) -> Weight {
		RocksDbWeight::get().reads_writes(6, 4)
	}
	fn rebond(_chunks: u32) -> Weight {
		RocksDbWeight::get().reads_writes(6, 3)
	}
	fn claim_rewards() -> Weight {
		RocksDbWeight::get().reads_writes(6, 4)
	}
	fn set_auto_compound() -> Weight {
		RocksDbWeight::get().reads_writes(8, 6)
	}
	fn compound() -> Weight {
		RocksDbWeight::get().reads_writes(8, 6)
	}
	fn set_params() -> Weight {
		RocksDbWeight::get().reads_writes(1, 1)
	}
	fn on_initialize() -> Weight {
		RocksDbWeight::get().reads_writes(9, 9)
	}
}
