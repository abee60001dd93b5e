//! Storage, event and runtime-API types of the inference-credits pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use diem_primitives::{voucher::EpochIndex, AccountId, Balance};
use frame_support::{BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound};
use polkadot_sdk::frame_support;
use scale_info::TypeInfo;

/// Milliseconds of `pallet-timestamp` time (Unix time).
pub type Moment = u64;

/// The epoch in force: epochs are consecutive intervals of chain time; the first one is the
/// interval of `length` containing the chain's first block, counted from the Unix epoch (a UTC
/// midnight), so with a length of one day epoch `n` is the `n`-th UTC day since 1970-01-01.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct EpochInfo {
	/// The epoch's number; never goes back or skips a number.
	pub index: EpochIndex,
	/// When it began (ms).
	pub start: Moment,
	/// Its length (ms); a change applies at the next boundary.
	pub length: Moment,
}

impl EpochInfo {
	/// When the next epoch begins.
	pub fn end(&self) -> Moment {
		self.start.saturating_add(self.length)
	}
}

/// A chunk of credit stake on its way out: no longer counts, released at `release_at`.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct UnlockChunk {
	/// DIEM that stays held until `release_at`.
	pub amount: Balance,
	/// When `withdraw` releases it (ms).
	pub release_at: Moment,
}

/// An account's DIEM staked for credits.
///
/// The allowance of the epoch the record was last changed in is kept apart (a stake added then
/// counts pro rata), as is the allowance of the epoch before it (its vouchers are redeemable
/// until this epoch ends); every later epoch's allowance is `staked`.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxChunks))]
#[codec(mel_bound())]
pub struct CreditStake<MaxChunks: frame_support::traits::Get<u32>> {
	/// DIEM staked: the whole allowance of every epoch after `epoch`.
	pub staked: Balance,
	/// The epoch the record was last changed in.
	pub epoch: EpochIndex,
	/// The allowance of `epoch`.
	pub allowance: Balance,
	/// The allowance of `epoch - 1`.
	pub previous_allowance: Balance,
	/// Unstaked DIEM waiting for release, oldest first.
	pub unlocking: BoundedVec<UnlockChunk, MaxChunks>,
}

impl<MaxChunks: frame_support::traits::Get<u32>> CreditStake<MaxChunks> {
	/// A record with nothing in it, as of `epoch`.
	pub fn empty(epoch: EpochIndex) -> Self {
		Self { staked: 0, epoch, allowance: 0, previous_allowance: 0, unlocking: BoundedVec::new() }
	}

	/// The allowance of epoch `e` (zero for epochs before the record knows).
	pub fn allowance_in(&self, e: EpochIndex) -> Balance {
		if e == self.epoch {
			self.allowance
		} else if e > self.epoch {
			self.staked
		} else if e.saturating_add(1) == self.epoch {
			self.previous_allowance
		} else {
			0
		}
	}

	/// Brings the record to epoch `current` (no-op if it is there already).
	pub fn roll_to(&mut self, current: EpochIndex) {
		if self.epoch < current {
			self.previous_allowance = self.allowance_in(current.saturating_sub(1));
			self.allowance = self.staked;
			self.epoch = current;
		}
	}

	/// DIEM held for this record: staked plus unlocking.
	pub fn held(&self) -> Balance {
		self.unlocking.iter().fold(self.staked, |sum, chunk| sum.saturating_add(chunk.amount))
	}
}

/// A key a staker authorized to sign vouchers against its allowance.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct SpenderEntry<AccountId> {
	/// The signing key's account.
	pub spender: AccountId,
	/// Credits its vouchers may use per epoch, across operators.
	pub cap_per_epoch: Balance,
	/// HASH held from the staker for this entry.
	pub deposit: Balance,
	/// The epoch the cap was last set in: usage of later epochs is bounded by it.
	pub since: EpochIndex,
	/// The epoch it was removed in: its vouchers for earlier epochs stay valid; for this epoch
	/// and later ones nothing beyond what was already redeemed is paid.
	pub removed_in: Option<EpochIndex>,
}

/// An operator's state.
// The SCALE derive narrows the variant index with `as u8` (three variants).
#[allow(clippy::cast_possible_truncation)]
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub enum OperatorStatus {
	/// Registered, waiting for governance.
	Pending,
	/// May redeem up to `capacity_per_epoch` credits per epoch.
	Approved {
		/// Credits it may redeem per epoch.
		capacity_per_epoch: Balance,
		/// The epoch the capacity was set in: redemptions of later epochs are bounded by it.
		since: EpochIndex,
	},
	/// Unregistered in epoch `since`: redeems nothing more; its bond is released once its
	/// last epoch's claims open (past the dispute delay).
	Leaving {
		/// The epoch it left in.
		since: EpochIndex,
	},
}

/// A registered operator.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxMetadata))]
#[codec(mel_bound())]
pub struct OperatorInfo<MaxMetadata: frame_support::traits::Get<u32>> {
	/// HASH held as the bond (what slashing can take).
	pub bond: Balance,
	/// The hot key that signs `redeem`.
	pub redeem_key: AccountId,
	/// What it publishes about itself (an URL, a name), bounded.
	pub metadata: BoundedVec<u8, MaxMetadata>,
	/// Where it is in its life.
	pub status: OperatorStatus,
}

/// Redeemed credits of one signer at one operator, inside a payer's usage record.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct UsageCounter<AccountId> {
	/// The voucher signer.
	pub signer: AccountId,
	/// The redeeming operator.
	pub operator: AccountId,
	/// Credits paid for this pair so far; a voucher pays `cumulative - redeemed` at most.
	pub redeemed: Balance,
}

/// A payer's usage in one epoch: one read and one write per voucher.
#[derive(
	CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound, Encode, Decode, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(MaxCounters))]
#[codec(mel_bound())]
pub struct UsageRecord<MaxCounters: frame_support::traits::Get<u32>> {
	/// Credits redeemed against the payer's allowance of the epoch, all signers and operators.
	pub used: Balance,
	/// Per (signer, operator) counters.
	pub counters: BoundedVec<UsageCounter<AccountId>, MaxCounters>,
}

impl<MaxCounters: frame_support::traits::Get<u32>> UsageRecord<MaxCounters> {
	/// Credits redeemed from vouchers signed by `signer`, across operators.
	pub fn used_by(&self, signer: &AccountId) -> Balance {
		self.counters
			.iter()
			.filter(|counter| &counter.signer == signer)
			.fold(0, |sum, counter| sum.saturating_add(counter.redeemed))
	}
}

impl<MaxCounters: frame_support::traits::Get<u32>> Default for UsageRecord<MaxCounters> {
	fn default() -> Self {
		Self { used: 0, counters: BoundedVec::new() }
	}
}

/// An operator's credits redeemed for one epoch.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct OperatorEpoch {
	/// Credits redeemed for the epoch.
	pub redeemed: Balance,
	/// Governance voided the epoch for this operator: it earns no reward for it.
	pub voided: bool,
}

/// How an epoch's reward pool was divided, fixed when its claims open.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct Settlement {
	/// Credits that earn (redeemed minus voided).
	pub eligible: Balance,
	/// HASH the eligible credits share: `min(pool, eligible × MaxRewardPerCredit)`.
	pub payable: Balance,
	/// HASH claimed so far.
	pub claimed: Balance,
}

/// The reward accounting of one epoch.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Encode, Decode, TypeInfo, MaxEncodedLen)]
pub struct EpochRewards {
	/// Growth of the pool's accrual counter during the epoch.
	pub accrued: Balance,
	/// Operator bonds slashed into the pool during the epoch.
	pub slashed: Balance,
	/// Credits redeemed for the epoch, all operators.
	pub credits: Balance,
	/// Of those, credits of voided operator epochs.
	pub voided_credits: Balance,
	/// Set when claims open.
	pub settlement: Option<Settlement>,
}

/// Why a voucher in a batch paid nothing.
#[derive(
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Refusal {
	/// Its epoch's redemption window (the epoch and the next) has closed.
	EpochClosed,
	/// Its epoch has not begun.
	EpochNotStarted,
	/// The payer or the signer is the operator or its redeem key.
	SelfDealing,
	/// The signature does not match the payload.
	BadSignature,
	/// The signer is neither the payer nor a spender the payer authorized.
	UnknownSpender,
	/// Its cumulative amount is not above what was already redeemed for the signer here.
	NotIncreasing,
	/// The payer's usage record for the epoch has no room for another (signer, operator).
	TooManyCounters,
	/// The payer's allowance for the epoch is used up.
	AllowanceExhausted,
	/// The spender's cap for the epoch is used up (or the spender was removed).
	SpenderCapReached,
	/// The operator's capacity for the epoch is used up.
	CapacityReached,
	/// Signed with `MultiSignature::Eth` (keccak secp256k1): not a voucher scheme. No Ethereum
	/// wallet signs this raw form (`personal_sign` prefixes the message), and its cost is not
	/// benchmarked; such an account authorizes an sr25519, ed25519 or ecdsa spender instead.
	UnsupportedScheme,
}

/// What bounded a partly paid voucher.
pub type Limit = Refusal;

/// A spender as the runtime API reports it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct SpenderState<AccountId> {
	/// The signing key.
	pub spender: AccountId,
	/// Its cap per epoch.
	pub cap_per_epoch: Balance,
	/// Credits its vouchers used in the current epoch.
	pub used: Balance,
	/// The epoch it was removed in, if it was.
	pub removed_in: Option<EpochIndex>,
}

/// An account's credits as the runtime API reports them.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct CreditState<AccountId> {
	/// The current epoch.
	pub epoch: EpochIndex,
	/// DIEM staked for credits (counting fully from the next epoch).
	pub staked: Balance,
	/// The allowance of the current epoch.
	pub allowance: Balance,
	/// Credits redeemed against it.
	pub used: Balance,
	/// `allowance - used`.
	pub remaining: Balance,
	/// The previous epoch, whose vouchers are still redeemed during this one: what a wallet
	/// needs to know once the boundary has passed (`None` in the first epoch).
	pub previous: Option<EpochAllowance>,
	/// Unstaked DIEM and when each part is released.
	pub unlocking: alloc::vec::Vec<UnlockChunk>,
	/// Authorized spender keys.
	pub spenders: alloc::vec::Vec<SpenderState<AccountId>>,
}

/// One epoch's allowance and usage as the runtime API reports it.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct EpochAllowance {
	/// The epoch.
	pub epoch: EpochIndex,
	/// Its allowance.
	pub allowance: Balance,
	/// Credits redeemed against it.
	pub used: Balance,
	/// `allowance - used`.
	pub remaining: Balance,
}

/// An operator's epoch as the runtime API reports it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct OperatorEpochState {
	/// The epoch.
	pub epoch: EpochIndex,
	/// Credits redeemed for it.
	pub redeemed: Balance,
	/// Whether governance voided it.
	pub voided: bool,
	/// HASH claimable now (zero until claims open).
	pub claimable: Balance,
}

/// An operator as the runtime API reports it.
#[derive(Clone, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct OperatorState<AccountId> {
	/// HASH bond held.
	pub bond: Balance,
	/// The redeem key.
	pub redeem_key: AccountId,
	/// Published metadata.
	pub metadata: alloc::vec::Vec<u8>,
	/// Status.
	pub status: OperatorStatus,
	/// Its epochs still on record (redeemable, disputable or claimable), oldest first.
	pub epochs: alloc::vec::Vec<OperatorEpochState>,
}

/// The epoch clock as the runtime API reports it.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Encode, Decode, TypeInfo)]
pub struct EpochClock {
	/// The epoch in force.
	pub current: EpochInfo,
	/// When the next epoch begins (ms).
	pub next_start: Moment,
	/// The next epoch's length, if governance changed it.
	pub next_length: Moment,
}
