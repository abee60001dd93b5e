//! Governance by HASH holders, from polkadot-sdk's own pallets:
//!
//! - `Referenda` + `ConvictionVoting`: referenda on the tracks of [`crate::governance::tracks`],
//!   voted with HASH (free or staked: a vote lock overlaps the staking hold) and conviction;
//! - `Scheduler` enacts what passed after its track's delay; `Preimage` stores the calls;
//! - `TechnicalCommittee` (`pallet-collective`) with `TechnicalMembership` (`pallet-membership`,
//!   changed by Root referenda): whitelists calls for the `whitelisted_caller` track
//!   (`Whitelist`), cancels referenda, enters and extends safe mode and pauses single calls;
//! - `SafeMode` and `TxPause`: the emergency brakes. In safe mode only governance, the
//!   committee and system calls go through ([`SafeModeWhitelistedCalls`]), and it always ends
//!   on its own after the entered or extended duration.
//!
//! Every deposit is a hold or a reserve of HASH; slashed referendum deposits are burned (the
//! total issuance falls by the same amount).

use crate::{
	configs::RuntimeBlockWeights,
	governance::origins::{self, WhitelistedCaller},
	AccountId, Balance, Balances, BlockNumber, OriginCaller, Preimage, Referenda, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeHoldReason, RuntimeOrigin, Scheduler, System,
	TechnicalCommittee,
};
use diem_primitives::{
	hash::{MILLI, UNIT},
	time::{DAYS, HOURS, MINUTES},
};
use polkadot_sdk::{
	frame_support::{
		parameter_types,
		traits::{
			fungible::HoldConsideration, tokens::currency::ActiveIssuanceOf, ConstU32, Contains,
			EitherOf, EqualPrivilegeOnly, Get, LinearStoragePrice, TypedGet,
		},
		weights::Weight,
	},
	frame_system::{EnsureRoot, EnsureSigned, EnsureWithSuccess},
	pallet_collective, pallet_conviction_voting, pallet_membership, pallet_preimage,
	pallet_referenda, pallet_safe_mode, pallet_scheduler, pallet_tx_pause, pallet_whitelist,
	sp_runtime::Perbill,
};

/// The technical committee's instance of `pallet-collective` (and of `pallet-membership`).
pub type TechnicalCollective = pallet_collective::Instance1;

/// Two thirds of the technical committee: whitelisting, safe mode, pausing calls.
pub type TechnicalTwoThirds =
	pallet_collective::EnsureProportionAtLeast<AccountId, TechnicalCollective, 2, 3>;

/// More than half of the technical committee: cancelling a referendum, lifting a pause.
pub type TechnicalMajority =
	pallet_collective::EnsureProportionMoreThan<AccountId, TechnicalCollective, 1, 2>;

/// Root (a `root` referendum, or sudo on `--dev`) or two thirds of the committee.
pub type RootOrTechnicalTwoThirds = EitherOf<EnsureRoot<AccountId>, TechnicalTwoThirds>;

/// Root or the `diem_admin` track: the curve, minting, staking parameters, the epoch length.
pub type DiemAdminOrigin = EitherOf<EnsureRoot<AccountId>, origins::DiemAdmin>;
/// Root or the `operator_admin` track: approving, slashing and voiding operators.
pub type OperatorAdminOrigin = EitherOf<EnsureRoot<AccountId>, origins::OperatorAdmin>;
/// Root or the `validator_admin` track: the validator set and the session length.
pub type ValidatorAdminOrigin = EitherOf<EnsureRoot<AccountId>, origins::ValidatorAdmin>;

impl origins::Config for Runtime {}

parameter_types! {
	/// Scheduled calls (enacted referenda) may use 80 % of a block.
	pub MaximumSchedulerWeight: Weight = Perbill::from_percent(80) * RuntimeBlockWeights::get().max_block;
	/// A noted preimage holds 1 HASH plus 1 milliHASH per byte.
	pub const PreimageBaseDeposit: Balance = UNIT;
	pub const PreimageByteDeposit: Balance = MILLI;
	pub const PreimageHoldReason: RuntimeHoldReason =
		RuntimeHoldReason::Preimage(pallet_preimage::HoldReason::Preimage);
	/// Submitting a referendum reserves 10 HASH (its track's decision deposit comes on top).
	pub const SubmissionDeposit: Balance = 10 * UNIT;
	/// A referendum that never gathers its decision deposit times out after two weeks.
	pub const UndecidingTimeout: BlockNumber = 14 * DAYS;
	/// One conviction's lock lasts a week after the referendum ends (×2 per conviction step),
	/// longer than any track's enactment delay.
	pub const VoteLockingPeriod: BlockNumber = 7 * DAYS;
	/// A committee motion expires after three days.
	pub const MotionDuration: BlockNumber = 3 * DAYS;
	pub MaxCommitteeProposalWeight: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
	/// A deferred whitelisted dispatch waits at most a week for the committee's whitelisting.
	pub const DeferredDispatchExpiration: BlockNumber = 7 * DAYS;
	/// Nobody outside governance enters or extends safe mode (no permissionless deposit).
	pub const SafeModeDeposit: Option<Balance> = None;
	pub const SafeModeReleaseDelay: Option<BlockNumber> = None;
}

/// Safe mode's periods on a chain with the standard track timing, and on a fast-track chain
/// (`Origins.FastTracks`: dev and local), where they are minutes so that a developer sees safe
/// mode end on its own: (enter, extend, the committee's cap from now).
const SAFE_MODE_STANDARD: (BlockNumber, BlockNumber, BlockNumber) = (DAYS, 12 * HOURS, 3 * DAYS);
const SAFE_MODE_FAST: (BlockNumber, BlockNumber, BlockNumber) = (2 * MINUTES, MINUTES, 6 * MINUTES);

fn safe_mode_periods() -> (BlockNumber, BlockNumber, BlockNumber) {
	if crate::governance::origins::FastTracks::<Runtime>::get() {
		SAFE_MODE_FAST
	} else {
		SAFE_MODE_STANDARD
	}
}

/// The committee enters safe mode for a day at a time (two minutes on fast-track chains).
pub struct SafeModeEnterDuration;
impl Get<BlockNumber> for SafeModeEnterDuration {
	fn get() -> BlockNumber {
		safe_mode_periods().0
	}
}
// `EnsureWithSuccess` (the committee's `force_enter` origin) reads the duration as a `TypedGet`.
impl TypedGet for SafeModeEnterDuration {
	type Type = BlockNumber;
	fn get() -> BlockNumber {
		safe_mode_periods().0
	}
}

/// Each extension adds half a day (a minute on fast-track chains).
pub struct SafeModeExtendDuration;
impl Get<BlockNumber> for SafeModeExtendDuration {
	fn get() -> BlockNumber {
		safe_mode_periods().1
	}
}

/// The committee's extensions stop once safe mode would last more than three days from now
/// (six minutes on fast-track chains).
pub struct MaxSafeModeSpan;
impl Get<BlockNumber> for MaxSafeModeSpan {
	fn get() -> BlockNumber {
		safe_mode_periods().2
	}
}

/// Whether `call` cancels an ongoing referendum on the `root` track. The call filter refuses
/// it, and the filter applies to every origin but Root: so the committee, which may cancel other
/// referenda, cannot cancel one that may be about the committee itself.
pub fn cancels_a_root_referendum(call: &RuntimeCall) -> bool {
	let RuntimeCall::Referenda(pallet_referenda::Call::cancel { index }) = call else {
		return false;
	};
	matches!(
		pallet_referenda::ReferendumInfoFor::<Runtime>::get(index),
		Some(pallet_referenda::ReferendumInfo::Ongoing(status))
			if status.track == crate::governance::tracks::id::ROOT
	)
}

impl pallet_scheduler::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaximumSchedulerWeight;
	// Only referenda (through the scheduler's traits) and Root schedule calls.
	type ScheduleOrigin = EnsureRoot<AccountId>;
	#[cfg(not(feature = "runtime-benchmarks"))]
	type MaxScheduledPerBlock = ConstU32<50>;
	// Other pallets' benchmarks fill the agenda of one block.
	#[cfg(feature = "runtime-benchmarks")]
	type MaxScheduledPerBlock = ConstU32<512>;
	type WeightInfo = crate::weights::pallet_scheduler::WeightInfo<Runtime>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

impl pallet_preimage::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = crate::weights::pallet_preimage::WeightInfo<Runtime>;
	type Currency = Balances;
	type ManagerOrigin = EnsureRoot<AccountId>;
	type Consideration = HoldConsideration<
		AccountId,
		Balances,
		PreimageHoldReason,
		LinearStoragePrice<PreimageBaseDeposit, PreimageByteDeposit, Balance>,
	>;
}

impl pallet_referenda::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = crate::weights::pallet_referenda::WeightInfo<Runtime>;
	type Scheduler = Scheduler;
	type Currency = Balances;
	// Anyone may propose on any track; the track's origin decides what the call can reach.
	type SubmitOrigin = EnsureSigned<AccountId>;
	type CancelOrigin = EitherOf<EnsureRoot<AccountId>, TechnicalMajority>;
	type KillOrigin = EnsureRoot<AccountId>;
	// A killed referendum's deposits are burned.
	type Slash = ();
	type Votes = pallet_conviction_voting::VotesOf<Runtime>;
	type Tally = pallet_conviction_voting::TallyOf<Runtime>;
	type SubmissionDeposit = SubmissionDeposit;
	type MaxQueued = ConstU32<100>;
	type UndecidingTimeout = UndecidingTimeout;
	type AlarmInterval = ConstU32<1>;
	type Tracks = crate::governance::tracks::DiemTracks;
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

impl pallet_conviction_voting::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = crate::weights::pallet_conviction_voting::WeightInfo<Runtime>;
	type Currency = Balances;
	type Polls = Referenda;
	// Support is measured against the HASH that is not deactivated.
	type MaxTurnout = ActiveIssuanceOf<Balances, AccountId>;
	type MaxVotes = ConstU32<256>;
	type VoteLockingPeriod = VoteLockingPeriod;
	type BlockNumberProvider = System;
	type VotingHooks = ();
}

impl pallet_whitelist::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WhitelistOrigin = RootOrTechnicalTwoThirds;
	// A call the committee whitelisted runs as Root once the whitelisted_caller track passes it.
	type DispatchWhitelistedOrigin = EitherOf<EnsureRoot<AccountId>, WhitelistedCaller>;
	type Preimages = Preimage;
	type DeferredDispatchExpiration = DeferredDispatchExpiration;
	type BlockNumberProvider = System;
	type WeightInfo = crate::weights::pallet_whitelist::WeightInfo<Runtime>;
}

impl pallet_collective::Config<TechnicalCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = MotionDuration;
	type MaxProposals = ConstU32<32>;
	type MaxMembers = MaxCommitteeMembers;
	type DefaultVote = pallet_collective::PrimeDefaultVote;
	type WeightInfo = crate::weights::pallet_collective::WeightInfo<Runtime>;
	// Members change through `TechnicalMembership` (Root referenda); Root may reset them.
	type SetMembersOrigin = EnsureRoot<AccountId>;
	type MaxProposalWeight = MaxCommitteeProposalWeight;
	type DisapproveOrigin = EnsureRoot<AccountId>;
	type KillOrigin = EnsureRoot<AccountId>;
	// A few elected members with at most 32 open motions: no deposit.
	type Consideration = ();
}

parameter_types! {
	pub const MaxCommitteeMembers: u32 = 16;
}

impl pallet_membership::Config<pallet_membership::Instance1> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = EnsureRoot<AccountId>;
	type RemoveOrigin = EnsureRoot<AccountId>;
	type SwapOrigin = EnsureRoot<AccountId>;
	type ResetOrigin = EnsureRoot<AccountId>;
	type PrimeOrigin = EnsureRoot<AccountId>;
	type MembershipInitialized = TechnicalCommittee;
	type MembershipChanged = TechnicalCommittee;
	type MaxMembers = MaxCommitteeMembers;
	type WeightInfo = crate::weights::pallet_membership::WeightInfo<Runtime>;
}

/// The admin calls the chain's own tracks enact. Only their track's origin or Root reaches
/// them, so letting them through safe mode and keeping them unpausable lets no one else in: it
/// keeps a passed referendum from being lost because its enactment fell into safe mode, and
/// keeps the committee from vetoing one by pausing its call.
const TRACK_ADMIN_CALLS: [(&[u8], &[u8]); 13] = [
	(b"Diem", b"set_minting_open"),
	(b"Diem", b"schedule_curve_change"),
	(b"Diem", b"cancel_curve_change"),
	(b"ComputeStaking", b"schedule_params_change"),
	(b"ComputeStaking", b"cancel_params_change"),
	(b"InferenceCredits", b"set_epoch_length"),
	(b"InferenceCredits", b"approve_operator"),
	(b"InferenceCredits", b"slash_operator"),
	(b"InferenceCredits", b"void_operator_epoch"),
	(b"ValidatorSet", b"add_validator"),
	(b"ValidatorSet", b"remove_validator"),
	(b"ValidatorSet", b"set_session_length"),
	(b"ValidatorSet", b"set_minimum_set_size"),
];

fn is_track_admin_call(pallet: &[u8], call: &[u8]) -> bool {
	TRACK_ADMIN_CALLS.iter().any(|(p, c)| *p == pallet && *c == call)
}

/// What still goes through in safe mode: governance (proposing, voting, preimages, whitelisted
/// dispatch, the admin calls its tracks enact), the committee and its membership, safe mode and
/// call pauses themselves, and what keeps the chain running (system calls, the timestamp
/// inherent, GRANDPA equivocation reports, sudo where a key is set).
pub struct SafeModeWhitelistedCalls;
impl Contains<RuntimeCall> for SafeModeWhitelistedCalls {
	fn contains(call: &RuntimeCall) -> bool {
		use polkadot_sdk::frame_support::traits::GetCallMetadata;
		let metadata = call.get_call_metadata();
		if is_track_admin_call(metadata.pallet_name.as_bytes(), metadata.function_name.as_bytes()) {
			return true;
		}
		matches!(
			call,
			RuntimeCall::System(_)
				| RuntimeCall::Timestamp(_)
				| RuntimeCall::Grandpa(_)
				| RuntimeCall::Sudo(_)
				| RuntimeCall::Preimage(_)
				| RuntimeCall::Referenda(_)
				| RuntimeCall::ConvictionVoting(_)
				| RuntimeCall::Whitelist(_)
				| RuntimeCall::TechnicalCommittee(_)
				| RuntimeCall::TechnicalMembership(_)
				| RuntimeCall::SafeMode(_)
				| RuntimeCall::TxPause(_)
		)
	}
}

/// Extends safe mode by [`SafeModeExtendDuration`]: Root at any time, two thirds of the committee
/// only while safe mode would then end within [`MaxSafeModeSpan`] from now. So the committee
/// cannot keep the chain in safe mode beyond that; Root (a `root` referendum, which the
/// committee cannot cancel and which safe mode lets through) can.
pub struct ExtendSafeModeWithinCap;
impl polkadot_sdk::frame_support::traits::EnsureOrigin<RuntimeOrigin> for ExtendSafeModeWithinCap {
	type Success = BlockNumber;
	fn try_origin(origin: RuntimeOrigin) -> Result<BlockNumber, RuntimeOrigin> {
		let origin = match EnsureRoot::<AccountId>::try_origin(origin) {
			Ok(()) => return Ok(SafeModeExtendDuration::get()),
			Err(origin) => origin,
		};
		let committee = origin.clone();
		TechnicalTwoThirds::try_origin(origin)?;
		let now = System::block_number();
		let until = pallet_safe_mode::EnteredUntil::<Runtime>::get().unwrap_or(now);
		let new_end = until.saturating_add(SafeModeExtendDuration::get());
		if new_end.saturating_sub(now) <= MaxSafeModeSpan::get() {
			Ok(SafeModeExtendDuration::get())
		} else {
			// The committee's origin, given back so the call fails with BadOrigin.
			Err(committee)
		}
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<RuntimeOrigin, ()> {
		Ok(RuntimeOrigin::root())
	}
}

impl pallet_safe_mode::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type WhitelistedCalls = SafeModeWhitelistedCalls;
	type EnterDuration = SafeModeEnterDuration;
	type ExtendDuration = SafeModeExtendDuration;
	type EnterDepositAmount = SafeModeDeposit;
	type ExtendDepositAmount = SafeModeDeposit;
	type ForceEnterOrigin =
		EnsureWithSuccess<RootOrTechnicalTwoThirds, AccountId, SafeModeEnterDuration>;
	type ForceExtendOrigin = ExtendSafeModeWithinCap;
	type ForceExitOrigin = RootOrTechnicalTwoThirds;
	type ForceDepositOrigin = EnsureRoot<AccountId>;
	type Notify = ();
	type ReleaseDelay = SafeModeReleaseDelay;
	type WeightInfo = crate::weights::pallet_safe_mode::WeightInfo<Runtime>;
}

/// Calls that can never be paused: governance's pallets (it must stay able to undo a pause),
/// the admin calls its tracks enact, and what keeps the chain running.
pub struct UnpausableCalls;
impl Contains<pallet_tx_pause::RuntimeCallNameOf<Runtime>> for UnpausableCalls {
	fn contains((pallet, call): &pallet_tx_pause::RuntimeCallNameOf<Runtime>) -> bool {
		is_track_admin_call(pallet, call)
			|| matches!(
				pallet.as_slice(),
				b"System"
					| b"Timestamp" | b"Sudo"
					| b"Preimage" | b"Referenda"
					| b"ConvictionVoting"
					| b"Whitelist" | b"TechnicalCommittee"
					| b"TechnicalMembership"
					| b"SafeMode" | b"Grandpa"
			)
	}
}

impl pallet_tx_pause::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PauseOrigin = RootOrTechnicalTwoThirds;
	type UnpauseOrigin = EitherOf<EnsureRoot<AccountId>, TechnicalMajority>;
	type WhitelistedCalls = UnpausableCalls;
	// Longer names would count as paused.
	type MaxNameLen = ConstU32<256>;
	type WeightInfo = crate::weights::pallet_tx_pause::WeightInfo<Runtime>;
}
