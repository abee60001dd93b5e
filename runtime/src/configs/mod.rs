//! Pallet configurations, one module per pallet. Limits shared by several pallets live here.

pub mod assets;
mod aura;
mod balances;
pub mod compute_staking;
pub mod dex;
pub mod diem;
pub mod governance;
mod grandpa;
pub mod inference_credits;
pub mod ledger;
pub mod lending;
pub mod market;
mod multisig;
pub mod proxy;
pub mod session;
mod sudo;
mod system;
mod timestamp;
mod transaction_payment;
mod utility;

pub use proxy::ProxyType;
pub use system::{RuntimeBlockLength, RuntimeBlockWeights};

use crate::{Runtime, RuntimeCall, UncheckedExtrinsic};
use polkadot_sdk::{frame_support::parameter_types, frame_system};

parameter_types! {
	/// Upper bound on validators: the validator set and the Aura and GRANDPA authority lists
	/// are bounded by it.
	pub const MaxAuthorities: u32 = 32;
}

/// Unsigned transactions the runtime creates itself (GRANDPA equivocation reports, submitted
/// from the node through the `GrandpaApi`).
impl<LocalCall> frame_system::offchain::CreateTransactionBase<LocalCall> for Runtime
where
	RuntimeCall: From<LocalCall>,
{
	type Extrinsic = UncheckedExtrinsic;
	type RuntimeCall = RuntimeCall;
}

impl<LocalCall> frame_system::offchain::CreateBare<LocalCall> for Runtime
where
	RuntimeCall: From<LocalCall>,
{
	fn create_bare(call: RuntimeCall) -> UncheckedExtrinsic {
		UncheckedExtrinsic::new_bare(call)
	}
}
