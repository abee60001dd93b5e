//! Weights of `pallet_market`. NOT MEASURED YET: this file holds the trait, and zero weights for
//! the mock runtime and for the first build of the benchmark node; `ONLY=pallet_market
//! scripts/benchmark.sh ours` replaces it with the weights measured on the runtime, and the
//! runtime's `weight_checks` test refuses any weight file it did not generate.

use core::marker::PhantomData;
use polkadot_sdk::frame_support::weights::Weight;

/// Weight functions needed by `pallet_market`.
pub trait WeightInfo {
	fn set_offer() -> Weight;
	fn remove_offer() -> Weight;
	fn clear_offers(n: u32, ) -> Weight;
	fn list_lease(e: u32, ) -> Weight;
	fn take_lease(e: u32, ) -> Weight;
	fn cancel_lease(e: u32, ) -> Weight;
	fn prune(n: u32, ) -> Weight;
}

/// Not measured yet (see the module docs).
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T> WeightInfo for SubstrateWeight<T> {
	fn set_offer() -> Weight { Weight::zero() }
	fn remove_offer() -> Weight { Weight::zero() }
	fn clear_offers(_n: u32, ) -> Weight { Weight::zero() }
	fn list_lease(_e: u32, ) -> Weight { Weight::zero() }
	fn take_lease(_e: u32, ) -> Weight { Weight::zero() }
	fn cancel_lease(_e: u32, ) -> Weight { Weight::zero() }
	fn prune(_n: u32, ) -> Weight { Weight::zero() }
}

impl WeightInfo for () {
	fn set_offer() -> Weight { Weight::zero() }
	fn remove_offer() -> Weight { Weight::zero() }
	fn clear_offers(_n: u32, ) -> Weight { Weight::zero() }
	fn list_lease(_e: u32, ) -> Weight { Weight::zero() }
	fn take_lease(_e: u32, ) -> Weight { Weight::zero() }
	fn cancel_lease(_e: u32, ) -> Weight { Weight::zero() }
	fn prune(_n: u32, ) -> Weight { Weight::zero() }
}
