//! `pallet_timestamp`: the block author sets the time in an inherent; Aura checks the slot and
//! the inference-credits epoch clock follows it.

use crate::{Aura, InferenceCredits, Runtime};
use diem_primitives::time::SLOT_DURATION;
use polkadot_sdk::{frame_support::traits::ConstU64, pallet_timestamp};

impl pallet_timestamp::Config for Runtime {
	type Moment = u64;
	// Aura checks the slot; the credits pallet's epoch clock advances with this block's time.
	type OnTimestampSet = (Aura, InferenceCredits);
	// Blocks may not be closer than half a slot; Aura enforces the slot itself.
	type MinimumPeriod = ConstU64<{ SLOT_DURATION / 2 }>;
	type WeightInfo = crate::weights::pallet_timestamp::WeightInfo<Runtime>;
}
