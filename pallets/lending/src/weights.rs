//! Weights of `pallet_lending`: estimates until `scripts/benchmark.sh` generates this file.

#![cfg_attr(rustfmt, rustfmt_skip)]

use core::marker::PhantomData;
use polkadot_sdk::frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed by `pallet_lending`.
pub trait WeightInfo {
	fn supply() -> Weight;
	fn withdraw() -> Weight;
	fn deposit_collateral() -> Weight;
	fn withdraw_collateral() -> Weight;
	fn borrow() -> Weight;
	fn repay() -> Weight;
	fn liquidate() -> Weight;
	fn withdraw_reserve() -> Weight;
	fn schedule_params_change() -> Weight;
	fn cancel_params_change() -> Weight;
	fn oracle_update() -> Weight;
	fn apply_params_change() -> Weight;
}

/// Weights for `pallet_lending`, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: polkadot_sdk::frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn supply() -> Weight {
		Weight::from_parts(200_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn withdraw() -> Weight {
		Weight::from_parts(200_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn deposit_collateral() -> Weight {
		Weight::from_parts(200_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn withdraw_collateral() -> Weight {
		Weight::from_parts(200_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads(8_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn borrow() -> Weight {
		Weight::from_parts(200_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(5_u64))
	}
	fn repay() -> Weight {
		Weight::from_parts(200_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(4_u64))
	}
	fn liquidate() -> Weight {
		Weight::from_parts(200_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads(12_u64))
			.saturating_add(T::DbWeight::get().writes(8_u64))
	}
	fn withdraw_reserve() -> Weight {
		Weight::from_parts(200_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
	fn schedule_params_change() -> Weight {
		Weight::from_parts(200_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn cancel_params_change() -> Weight {
		Weight::from_parts(200_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads(1_u64))
			.saturating_add(T::DbWeight::get().writes(1_u64))
	}
	fn oracle_update() -> Weight {
		Weight::from_parts(200_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads(4_u64))
			.saturating_add(T::DbWeight::get().writes(2_u64))
	}
	fn apply_params_change() -> Weight {
		Weight::from_parts(200_000_000, 12_000)
			.saturating_add(T::DbWeight::get().reads(5_u64))
			.saturating_add(T::DbWeight::get().writes(3_u64))
	}
}

/// For tests and mocks.
impl WeightInfo for () {
	fn supply() -> Weight {
		Weight::from_parts(200_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn withdraw() -> Weight {
		Weight::from_parts(200_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn deposit_collateral() -> Weight {
		Weight::from_parts(200_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn withdraw_collateral() -> Weight {
		Weight::from_parts(200_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads(8_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn borrow() -> Weight {
		Weight::from_parts(200_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(5_u64))
	}
	fn repay() -> Weight {
		Weight::from_parts(200_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(4_u64))
	}
	fn liquidate() -> Weight {
		Weight::from_parts(200_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads(12_u64))
			.saturating_add(RocksDbWeight::get().writes(8_u64))
	}
	fn withdraw_reserve() -> Weight {
		Weight::from_parts(200_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
	fn schedule_params_change() -> Weight {
		Weight::from_parts(200_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn cancel_params_change() -> Weight {
		Weight::from_parts(200_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads(1_u64))
			.saturating_add(RocksDbWeight::get().writes(1_u64))
	}
	fn oracle_update() -> Weight {
		Weight::from_parts(200_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads(4_u64))
			.saturating_add(RocksDbWeight::get().writes(2_u64))
	}
	fn apply_params_change() -> Weight {
		Weight::from_parts(200_000_000, 12_000)
			.saturating_add(RocksDbWeight::get().reads(5_u64))
			.saturating_add(RocksDbWeight::get().writes(3_u64))
	}
}
