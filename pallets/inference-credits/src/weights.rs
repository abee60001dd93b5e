//! Weights of `pallet_inference_credits`: PROVISIONAL, not measured yet.
//!
//! `scripts/benchmark.sh ours` replaces this file with weights measured on this chain. Until
//! then every call is charged a deliberately high guess (1 ms of compute, a 100 kB proof, and
//! generous database accesses; per item of a batch as much again), so nothing is undercharged.
//!
//! `SubstrateWeight` charges database accesses at the runtime's `DbWeight`; `()` charges them at
//! `RocksDbWeight` for mocks and tests.

#![cfg_attr(rustfmt, rustfmt_skip)]
#![allow(unused_parens)]
#![allow(unused_imports)]
#![allow(clippy::unnecessary_cast)]

use core::marker::PhantomData;
use polkadot_sdk::frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed by `pallet_inference_credits`.
pub trait WeightInfo {
	fn stake() -> Weight;
	fn unstake() -> Weight;
	fn withdraw() -> Weight;
	fn add_spender() -> Weight;
	fn remove_spender() -> Weight;
	fn register_operator(m: u32, ) -> Weight;
	fn approve_operator() -> Weight;
	fn set_redeem_key() -> Weight;
	fn unregister_operator() -> Weight;
	fn release_bond() -> Weight;
	fn slash_operator() -> Weight;
	fn void_operator_epoch() -> Weight;
	fn redeem_sr25519(n: u32, ) -> Weight;
	fn redeem_ed25519(n: u32, ) -> Weight;
	fn redeem_ecdsa(n: u32, ) -> Weight;
	fn claim_operator_rewards() -> Weight;
	fn set_epoch_length() -> Weight;
	fn epoch_boundary() -> Weight;
	fn settle_epoch() -> Weight;
	fn expire_epoch() -> Weight;
	fn prune(n: u32, ) -> Weight;
}

/// Provisional weights for `pallet_inference_credits`, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: polkadot_sdk::frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn stake() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn unstake() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn withdraw() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn add_spender() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn remove_spender() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn register_operator(m: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(Weight::from_parts(1_000_000_000, 100_000).saturating_mul(m.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
			.saturating_add(T::DbWeight::get().reads_writes(4_u64, 4_u64).saturating_mul(m.into()))
	}
	fn approve_operator() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn set_redeem_key() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn unregister_operator() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn release_bond() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn slash_operator() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn void_operator_epoch() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn redeem_sr25519(n: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(Weight::from_parts(1_000_000_000, 100_000).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
			.saturating_add(T::DbWeight::get().reads_writes(4_u64, 4_u64).saturating_mul(n.into()))
	}
	fn redeem_ed25519(n: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(Weight::from_parts(1_000_000_000, 100_000).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
			.saturating_add(T::DbWeight::get().reads_writes(4_u64, 4_u64).saturating_mul(n.into()))
	}
	fn redeem_ecdsa(n: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(Weight::from_parts(1_000_000_000, 100_000).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
			.saturating_add(T::DbWeight::get().reads_writes(4_u64, 4_u64).saturating_mul(n.into()))
	}
	fn claim_operator_rewards() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn set_epoch_length() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn epoch_boundary() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn settle_epoch() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn expire_epoch() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
	}
	fn prune(n: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(Weight::from_parts(1_000_000_000, 100_000).saturating_mul(n.into()))
			.saturating_add(T::DbWeight::get().reads(10_u64))
			.saturating_add(T::DbWeight::get().writes(10_u64))
			.saturating_add(T::DbWeight::get().reads_writes(4_u64, 4_u64).saturating_mul(n.into()))
	}
}

// For mocks and tests.
impl WeightInfo for () {
	fn stake() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn unstake() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn withdraw() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn add_spender() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn remove_spender() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn register_operator(m: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(Weight::from_parts(1_000_000_000, 100_000).saturating_mul(m.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
			.saturating_add(RocksDbWeight::get().reads_writes(4_u64, 4_u64).saturating_mul(m.into()))
	}
	fn approve_operator() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn set_redeem_key() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn unregister_operator() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn release_bond() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn slash_operator() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn void_operator_epoch() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn redeem_sr25519(n: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(Weight::from_parts(1_000_000_000, 100_000).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
			.saturating_add(RocksDbWeight::get().reads_writes(4_u64, 4_u64).saturating_mul(n.into()))
	}
	fn redeem_ed25519(n: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(Weight::from_parts(1_000_000_000, 100_000).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
			.saturating_add(RocksDbWeight::get().reads_writes(4_u64, 4_u64).saturating_mul(n.into()))
	}
	fn redeem_ecdsa(n: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(Weight::from_parts(1_000_000_000, 100_000).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
			.saturating_add(RocksDbWeight::get().reads_writes(4_u64, 4_u64).saturating_mul(n.into()))
	}
	fn claim_operator_rewards() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn set_epoch_length() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn epoch_boundary() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn settle_epoch() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn expire_epoch() -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
	}
	fn prune(n: u32, ) -> Weight {
		Weight::from_parts(1_000_000_000, 100_000)
			.saturating_add(Weight::from_parts(1_000_000_000, 100_000).saturating_mul(n.into()))
			.saturating_add(RocksDbWeight::get().reads(10_u64))
			.saturating_add(RocksDbWeight::get().writes(10_u64))
			.saturating_add(RocksDbWeight::get().reads_writes(4_u64, 4_u64).saturating_mul(n.into()))
	}
}
