//! `pallet_grandpa`: finality by the validators' GRANDPA keys, which `pallet_session` hands it
//! each session. A validator that votes twice in one round is reported by any node that sees
//! both votes: the report carries a historical proof that the key belonged to a validator of
//! that session, and `Offences` records it.

use super::{session::SESSION_HISTORY_DEPTH, MaxAuthorities};
use crate::{Historical, Offences, Runtime, RuntimeEvent};
use diem_primitives::time::HOURS;
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{ConstU32, KeyOwnerProofSystem},
	},
	pallet_grandpa,
	sp_consensus_grandpa::AuthorityId as GrandpaId,
	sp_core::crypto::KeyTypeId,
};

parameter_types! {
	/// GRANDPA set ids mapped to sessions: as far back as the historical roots go.
	pub const MaxSetIdSessionEntries: u64 = SESSION_HISTORY_DEPTH as u64;
	/// How long an equivocation report stays valid in the transaction pool: one hour.
	pub const ReportLongevity: u64 = HOURS as u64;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	// polkadot-sdk's formula over the proof; see runtime/tests/weight_checks.rs.
	type WeightInfo = ();
	type MaxAuthorities = MaxAuthorities;
	// No nominated staking: GRANDPA voters are the validators themselves.
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = MaxSetIdSessionEntries;
	type KeyOwnerProof = <Historical as KeyOwnerProofSystem<(KeyTypeId, GrandpaId)>>::Proof;
	type EquivocationReportSystem =
		pallet_grandpa::EquivocationReportSystem<Self, Offences, Historical, ReportLongevity>;
}
