//! `pallet_aura`: round-robin block production by the validators' Aura keys.

use super::MaxAuthorities;
use crate::Runtime;
use diem_primitives::time::SLOT_DURATION;
use polkadot_sdk::{
	frame_support::traits::{ConstBool, ConstU64},
	pallet_aura, sp_consensus_aura,
};

impl pallet_aura::Config for Runtime {
	type AuthorityId = sp_consensus_aura::sr25519::AuthorityId;
	type MaxAuthorities = MaxAuthorities;
	type DisabledValidators = ();
	// One block per slot: a second block in the same slot is an equivocation, not a feature.
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = ConstU64<SLOT_DURATION>;
}
