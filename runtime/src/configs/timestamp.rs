//! `pallet_timestamp`: the block author sets the time in an inherent; Aura checks the slot.

use crate::{Aura, Runtime};
use diem_primitives::time::SLOT_DURATION;
use polkadot_sdk::{frame_support::traits::ConstU64, pallet_timestamp};

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	type OnTimestampSet = Aura;
	// Blocks may not be closer than half a slot; Aura enforces the slot itself.
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = pallet_timestamp::weights::SubstrateWeight<Runtime>;
}
