//! Pallet configurations, one module per pallet. Limits shared by several pallets live here.

mod aura;
mod balances;
pub mod compute_staking;
pub mod diem;
pub mod diem_balances;
mod grandpa;
pub mod inference_credits;
pub mod ledger;
mod multisig;
pub mod proxy;
mod sudo;
mod system;
mod timestamp;
mod transaction_payment;
mod utility;

pub use proxy::ProxyType;
pub use system::{RuntimeBlockLength, RuntimeBlockWeights};

use polkadot_sdk::frame_support::parameter_types;

parameter_types! {
	/// Upper bound on validators: the Aura and GRANDPA authority lists are bounded by it.
	pub const MaxAuthorities: u32 = 32;
}
