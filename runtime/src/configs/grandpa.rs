//! `pallet_grandpa`: finality by the validators' GRANDPA keys.

use super::MaxAuthorities;
use crate::{Runtime, RuntimeEvent};
use polkadot_sdk::{
	frame_support::traits::{ConstU32, ConstU64},
	pallet_grandpa,
	sp_core::Void,
};

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	// No nominated staking: GRANDPA voters are the validators themselves.
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	// Equivocation reports need the session/historical pallets; until validators are managed by
	// `pallet-session` (issue #8) equivocations are not reported on chain.
	type KeyOwnerProof = Void;
	type EquivocationReportSystem = ();
}
