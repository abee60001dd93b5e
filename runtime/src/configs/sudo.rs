//! `pallet_sudo`: one key with Root, for dev and test networks until governance lands.

use crate::{Runtime, RuntimeCall, RuntimeEvent};
use polkadot_sdk::pallet_sudo;

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = crate::weights::pallet_sudo::WeightInfo<Runtime>;
}
