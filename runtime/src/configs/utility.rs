//! `pallet_utility`: batches (e.g. stake and mint in one extrinsic) and derivative accounts.

use crate::{OriginCaller, Runtime, RuntimeCall, RuntimeEvent};
use polkadot_sdk::pallet_utility;

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = crate::weights::pallet_utility::WeightInfo<Runtime>;
}
