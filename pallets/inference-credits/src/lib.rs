//! # Inference credits
//!
//! What DIEM is for: DIEM staked here grants a daily inference allowance; holders spend it
//! off-chain at an inference operator by signing vouchers; operators redeem the vouchers
//! on-chain and are paid from the operator reward pool.
//!
//! ## Epochs
//!
//! Epochs are consecutive intervals of `pallet-timestamp` time counted from the Unix epoch (a
//! UTC midnight), so with the default length of one day an epoch is a UTC day. The clock
//! advances in `OnTimestampSet`, so calls see the epoch of their block's time. A new length
//! ([`Pallet::set_epoch_length`]) applies from the next boundary, so a length change never makes
//! epoch numbers go back or jump; after a chain halt the epochs that passed without blocks are
//! skipped in one step (epoch `n` stays the `n`-th day).
//!
//! ## Credits
//!
//! One DIEM staked for a whole epoch is an allowance of 10¹² credit units (one "credit",
//! think $1 of inference) in it. A stake added during an epoch counts pro rata to the time left
//! in it and fully from the next one. An unstake stops counting from the next epoch and is
//! released at `max(next boundary, unstake time + one epoch)`: a day of credits always costs a
//! day of lock, and one DIEM earns credits for one account per epoch. Unused allowance does not
//! roll over.
//!
//! A staker may authorize **spender** keys (an app, an agent) to sign vouchers against its
//! allowance, each with a cap per epoch and a HASH deposit. A removed spender's vouchers stay
//! valid for earlier epochs; for the epoch it was removed in, nothing beyond what was already
//! redeemed is paid. The entry (and its deposit) goes once no epoch it matters for is
//! redeemable.
//!
//! ## Vouchers
//!
//! See [`diem_primitives::voucher`] for the signed format. A voucher states the cumulative
//! credits its signer used at one operator for one payer in one epoch; redeeming it pays
//! `min(cumulative - redeemed, remaining allowance, remaining spender cap, remaining operator
//! capacity)`. Vouchers for epoch `e` are accepted during `e` and `e + 1`. A batch never fails
//! because of one voucher: refused and partly paid vouchers are reported by events with the
//! reason, and one summary event closes the batch. Signatures are sr25519, ed25519 or
//! Substrate ecdsa; a `MultiSignature::Eth` voucher is refused unchecked
//! ([`Refusal::UnsupportedScheme`]).
//!
//! ## Operators
//!
//! A permissioned, trusted set: service cannot be proven on-chain, so a dishonest operator's
//! damage is bounded (bond, capacity, dispute delay), not prevented. An operator registers
//! with a HASH bond and a hot redeem key (never its own account), governance approves it with a capacity per epoch and
//! may slash its bond into the reward pool or void one of its epochs during the dispute delay.
//!
//! ## Operator rewards
//!
//! An epoch's pool is what the compute-staking reward pool accrued during it (the yield locked
//! stake forgoes), plus slashes, plus what earlier epochs left. When the epoch's claims open
//! (after its redemption window and `DisputeEpochs` more), it is divided among its eligible
//! (non-voided) credits at `min(pool / credits, MaxRewardPerCredit)` per credit; what the cap
//! leaves carries to the next epoch settled. Claims close `ClaimEpochs` later; unclaimed
//! rewards then carry forward too. Accounting is by counters; rounding dust stays in the pool
//! account.
//!
//! ## Per-block work
//!
//! `on_initialize` settles at most one epoch, expires at most one, and removes at most
//! `PruneBudget` records: usage records once their epoch's redemption window has closed,
//! operator-epoch records once their epoch's claims have closed. Full blocks never starve it and
//! no block does unbounded work.
//!
//! ## Privacy
//!
//! Vouchers are public once redeemed: each payer's spend per operator and epoch is visible on
//! chain.
//!
//! ## Code by topic
//!
//! `clock` (epochs), `stake` (credit stake), `spenders`, `operators`, `redeem` (the batch, step by
//! step), `rewards` (settlement, claims, expiry), `prune` (the per-block cleanup), `views` (what
//! the runtime API reports), `invariants` (`try_state`), and `asset`: every DIEM and HASH
//! movement of the pallet with its running total. `lib.rs` holds the FRAME declarations; the
//! calls are one line each into a `do_*` function of their topic.
//!
//! ## Invariants (checked by `try_state`)
//!
//! - DIEM held for credits = Σ (staked + unlocking) = [`TotalCreditStaked`] +
//!   [`TotalUnlocking`].
//! - A payer's usage ≤ its allowance; a spender's usage ≤ its cap; an operator's redeemed ≤ its
//!   capacity in both redeemable epochs, the current and the previous one (all at the time of
//!   redemption; checked for the records on chain).
//! - For each redeemable epoch: Σ payers' usage = the credits in its rewards record = Σ
//!   operators' redeemed.
//! - Every redeem key points at an operator that is not leaving and names that key; an
//!   operator's redeem key is never its own account.
//! - Rewards paid ≤ what the pool received (accrued + slashed), and the pool account holds, above
//!   its existential deposit, at least every open claim, the carried pool and the income of the
//!   epochs not yet settled (a bound: anyone may pay into the pool).
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use market::MAX_RECENT_SLASHES;
pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

mod asset;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod clock;
#[cfg(any(test, feature = "try-runtime", feature = "std"))]
mod invariants;
mod market;
mod operators;
mod prune;
mod redeem;
mod rewards;
pub mod runtime_api;
mod spenders;
mod stake;
#[cfg(test)]
mod tests;
mod types;
mod views;
pub mod weights;

#[cfg(feature = "try-runtime")]
use polkadot_sdk::sp_runtime;
use polkadot_sdk::{frame_support, frame_system};

/// What benchmarks need from the runtime: chain time, pool income and DIEM to stake.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// Gives `who` `amount` of free DIEM (this pallet only holds and releases DIEM, so it cannot
	/// create any itself).
	fn fund_diem(who: &AccountId, amount: diem_primitives::Balance);
	/// Sets chain time to `now` (ms) the way a block's timestamp does (advancing the clock).
	fn set_time(now: Moment);
	/// Adds `amount` to the reward pool's income counter (and the pool's balance).
	fn add_pool_income(amount: diem_primitives::Balance);
}

// The FRAME macros expand storage, events and calls into code with `expect` and narrowing
// casts (on values they bound themselves); the lints stay on for the logic in the other files.
#[allow(clippy::expect_used, clippy::cast_possible_truncation)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use diem_primitives::{
		voucher::{EpochIndex, Voucher},
		Balance, RewardPoolAccrual,
	};
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Mutate, MutateHold},
			BuildGenesisConfig, UnixTime,
		},
	};
	use frame_system::pallet_prelude::*;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	pub type CreditStakeOf<T> = CreditStake<<T as Config>::MaxUnlockingChunks>;
	pub type OperatorInfoOf<T> = OperatorInfo<<T as Config>::MaxMetadataLen>;
	pub type UsageRecordOf<T> = UsageRecord<<T as Config>::MaxCountersPerPayer>;
	pub type SpendersOf<T> = BoundedVec<
		SpenderEntry<<T as frame_system::Config>::AccountId>,
		<T as Config>::MaxSpenders,
	>;

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why this pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// DIEM staked for credits (and unstaked DIEM waiting for release).
		CreditStake,
		/// HASH deposit for a spender entry.
		SpenderDeposit,
		/// HASH bond of an operator.
		OperatorBond,
	}

	#[pallet::config]
	pub trait Config:
		polkadot_sdk::frame_system::Config<
		RuntimeEvent: From<Event<Self>>,
		AccountId = diem_primitives::AccountId,
		Hash = diem_primitives::Hash,
	>
	{
		/// The runtime's hold reasons.
		type RuntimeHoldReason: From<HoldReason>;

		/// DIEM: staked for credits (held). The pallet never mints, burns or transfers it.
		type Diem: MutateHold<Self::AccountId, Balance = Balance, Reason = Self::RuntimeHoldReason>;

		/// HASH, the bond currency: operator bonds and spender deposits (held), rewards (paid
		/// from the pool).
		type BondCurrency: MutateHold<Self::AccountId, Balance = Balance, Reason = Self::RuntimeHoldReason>
			+ Mutate<Self::AccountId>;

		/// Chain time (`pallet-timestamp`).
		type UnixTime: UnixTime;

		/// Credit leases (the hash-power market): what each account listed, lent and borrowed
		/// per epoch. `()` for a chain without a market.
		type Leases: diem_primitives::market::CreditLeases<Self::AccountId>;

		/// Governance of the credit clock: the epoch length.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Governance of operators: approval (and its capacity), slashing, voiding an epoch.
		type OperatorAdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The operator reward pool account (HASH), which compute staking mints into.
		#[pallet::constant]
		type RewardPool: Get<Self::AccountId>;

		/// The pool's income counter.
		type PoolAccrual: RewardPoolAccrual<Balance>;

		/// The least DIEM a credit stake may hold.
		#[pallet::constant]
		type MinCreditStake: Get<Balance>;

		/// Unstake requests waiting for release per account.
		#[pallet::constant]
		type MaxUnlockingChunks: Get<u32>;

		/// Spender keys per staker (removed ones count until they go).
		#[pallet::constant]
		type MaxSpenders: Get<u32>;

		/// HASH held per spender entry.
		#[pallet::constant]
		type SpenderDeposit: Get<Balance>;

		/// HASH an operator bonds on registration.
		#[pallet::constant]
		type OperatorBond: Get<Balance>;

		/// Bytes of operator metadata.
		#[pallet::constant]
		type MaxMetadataLen: Get<u32>;

		/// Vouchers per `redeem` call.
		#[pallet::constant]
		type MaxVouchersPerBatch: Get<u32>;

		/// (signer, operator) counters per payer and epoch.
		#[pallet::constant]
		type MaxCountersPerPayer: Get<u32>;

		/// Epochs after an epoch's redemption window during which governance may void an
		/// operator's epoch; claims open after them.
		#[pallet::constant]
		type DisputeEpochs: Get<EpochIndex>;

		/// Epochs during which claims stay open; unclaimed rewards then carry forward.
		#[pallet::constant]
		type ClaimEpochs: Get<EpochIndex>;

		/// The most HASH (base units) a whole credit (10¹² units) earns an operator.
		#[pallet::constant]
		type MaxRewardPerCredit: Get<Balance>;

		/// The shortest epoch length governance may set (ms).
		#[pallet::constant]
		type MinEpochLength: Get<Moment>;

		/// The longest epoch length governance may set (ms).
		#[pallet::constant]
		type MaxEpochLength: Get<Moment>;

		/// The epoch length until genesis or governance sets one (ms).
		#[pallet::constant]
		type DefaultEpochLength: Get<Moment>;

		/// Records of expired epochs removed per block at most.
		#[pallet::constant]
		type PruneBudget: Get<u32>;

		/// Weights measured by the benchmarks.
		type WeightInfo: WeightInfo;

		/// Funds accounts for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The epoch in force; `None` until the chain's first timestamp.
	#[pallet::storage]
	pub type CurrentEpoch<T> = StorageValue<_, EpochInfo, OptionQuery>;

	/// The length the next epoch takes (ms), if it differs from the current one.
	#[pallet::storage]
	pub type PendingEpochLength<T> = StorageValue<_, Moment, OptionQuery>;

	/// Credit stakes by account.
	#[pallet::storage]
	pub type CreditStakes<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, CreditStakeOf<T>, OptionQuery>;

	/// Σ staked over all credit stakes.
	#[pallet::storage]
	pub type TotalCreditStaked<T> = StorageValue<_, Balance, ValueQuery>;

	/// Σ unlocking over all credit stakes.
	#[pallet::storage]
	pub type TotalUnlocking<T> = StorageValue<_, Balance, ValueQuery>;

	/// Spender keys by staker.
	#[pallet::storage]
	pub type Spenders<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, SpendersOf<T>, ValueQuery>;

	/// Registered operators by account.
	#[pallet::storage]
	pub type Operators<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, OperatorInfoOf<T>, OptionQuery>;

	/// The operator each redeem key redeems for.
	#[pallet::storage]
	pub type RedeemKeys<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, T::AccountId, OptionQuery>;

	/// Usage by (epoch, payer): what was redeemed against the payer's allowance, per signer and
	/// operator. Removed with the epoch's other records once it expires.
	#[pallet::storage]
	pub type Usage<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		EpochIndex,
		Blake2_128Concat,
		T::AccountId,
		UsageRecordOf<T>,
		ValueQuery,
	>;

	/// Credits each operator redeemed by epoch; removed on claim or when the epoch expires.
	#[pallet::storage]
	pub type OperatorEpochs<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		EpochIndex,
		Blake2_128Concat,
		T::AccountId,
		OperatorEpoch,
		OptionQuery,
	>;

	/// Reward accounting by epoch; removed when the epoch expires.
	#[pallet::storage]
	pub type Rewards<T> = StorageMap<_, Twox64Concat, EpochIndex, EpochRewards, ValueQuery>;

	/// The pool's accrual counter when the current epoch began.
	#[pallet::storage]
	pub type PoolAtEpochStart<T> = StorageValue<_, Balance, ValueQuery>;

	/// HASH in the pool that no settled epoch has paid out: it joins the next epoch settled.
	#[pallet::storage]
	pub type CarriedPool<T> = StorageValue<_, Balance, ValueQuery>;

	/// The next epoch to settle, to expire, and to prune.
	#[pallet::storage]
	pub type NextToSettle<T> = StorageValue<_, EpochIndex, ValueQuery>;

	/// See [`NextToSettle`].
	#[pallet::storage]
	pub type NextToExpire<T> = StorageValue<_, EpochIndex, ValueQuery>;

	/// See [`NextToSettle`].
	#[pallet::storage]
	pub type NextToPrune<T> = StorageValue<_, EpochIndex, ValueQuery>;

	/// The next epoch whose usage records go (once its redemption window has closed).
	#[pallet::storage]
	pub type NextUsageToPrune<T> = StorageValue<_, EpochIndex, ValueQuery>;

	/// HASH the pool received that epochs counted (accrued + slashed), ever.
	#[pallet::storage]
	pub type TotalPoolReceived<T> = StorageValue<_, Balance, ValueQuery>;

	/// HASH paid to operators, ever.
	#[pallet::storage]
	pub type TotalRewardsPaid<T> = StorageValue<_, Balance, ValueQuery>;

	/// The latest epochs in which each operator's bond was slashed, oldest first (what the
	/// market shows of its record); removed with the operator.
	#[pallet::storage]
	pub type RecentSlashes<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<EpochIndex, ConstU32<{ crate::MAX_RECENT_SLASHES }>>,
		ValueQuery,
	>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A new epoch began.
		EpochStarted { index: EpochIndex, start: Moment, length: Moment },
		/// Governance set the length epochs take from the next boundary.
		EpochLengthScheduled { length: Moment },
		/// DIEM staked for credits; `counts_now` of it counts in the current epoch.
		Staked { who: T::AccountId, amount: Balance, counts_now: Balance },
		/// DIEM unstaked; released at `release_at`.
		Unstaked { who: T::AccountId, amount: Balance, release_at: Moment },
		/// Unstaked DIEM released.
		Withdrawn { who: T::AccountId, amount: Balance },
		/// A spender key was authorized (or its cap changed).
		SpenderAdded { staker: T::AccountId, spender: T::AccountId, cap_per_epoch: Balance },
		/// A spender key was removed.
		SpenderRemoved { staker: T::AccountId, spender: T::AccountId, epoch: EpochIndex },
		/// A removed spender's entry is gone and its deposit returned.
		SpenderDepositReleased { staker: T::AccountId, spender: T::AccountId, deposit: Balance },
		/// An operator registered.
		OperatorRegistered { operator: T::AccountId, redeem_key: T::AccountId },
		/// Governance approved an operator (or changed its capacity).
		OperatorApproved { operator: T::AccountId, capacity_per_epoch: Balance },
		/// An operator changed its redeem key.
		RedeemKeyChanged { operator: T::AccountId, redeem_key: T::AccountId },
		/// An operator unregistered; its bond is released from `bond_release_epoch`.
		OperatorUnregistered { operator: T::AccountId, bond_release_epoch: EpochIndex },
		/// An operator's bond was released and its registration removed.
		OperatorRemoved { operator: T::AccountId, bond: Balance },
		/// Governance slashed an operator's bond into the reward pool.
		OperatorSlashed { operator: T::AccountId, amount: Balance, epoch: EpochIndex },
		/// Governance voided an operator's epoch: it earns nothing for it.
		OperatorEpochVoided { operator: T::AccountId, epoch: EpochIndex, credits: Balance },
		/// A batch was redeemed.
		BatchRedeemed {
			operator: T::AccountId,
			vouchers: u32,
			paid_vouchers: u32,
			credits: Balance,
		},
		/// A voucher of the batch paid less than it asked.
		VoucherPartlyPaid {
			payer: T::AccountId,
			signer: T::AccountId,
			epoch: EpochIndex,
			asked: Balance,
			paid: Balance,
			limit: Limit,
		},
		/// A voucher of the batch paid nothing.
		VoucherRefused {
			payer: T::AccountId,
			signer: T::AccountId,
			epoch: EpochIndex,
			reason: Refusal,
		},
		/// An epoch's claims opened: `payable` HASH for `eligible` credits; `carried` to later.
		EpochSettled { epoch: EpochIndex, eligible: Balance, payable: Balance, carried: Balance },
		/// An epoch's claims closed; `unclaimed` carried forward.
		EpochExpired { epoch: EpochIndex, unclaimed: Balance },
		/// An operator claimed its reward for an epoch.
		RewardClaimed { operator: T::AccountId, epoch: EpochIndex, reward: Balance },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The amount is zero.
		ZeroAmount,
		/// The chain has no epoch yet (no block time seen).
		NoEpoch,
		/// The stake would be below `MinCreditStake` (and not zero).
		BelowMinimumStake,
		/// The account has not staked for credits.
		NotStaked,
		/// More than the account has staked.
		InsufficientStake,
		/// Too many unstake requests waiting; withdraw or wait.
		TooManyUnlockingChunks,
		/// Nothing is due for release and nothing to clean up.
		NothingToWithdraw,
		/// Not enough free DIEM (or HASH) for the stake, deposit or bond.
		InsufficientBalance,
		/// Too many spender keys.
		TooManySpenders,
		/// A staker cannot be its own spender.
		SelfSpender,
		/// No such spender for this staker.
		UnknownSpender,
		/// The spender is already removed.
		SpenderAlreadyRemoved,
		/// The account is already a registered operator.
		AlreadyRegistered,
		/// The key is some operator's redeem key or an operator account.
		RedeemKeyInUse,
		/// The metadata is longer than `MaxMetadataLen`.
		MetadataTooLong,
		/// No such operator.
		NotAnOperator,
		/// The caller is not a redeem key of an approved operator.
		NotApprovedOperator,
		/// The operator is leaving.
		OperatorLeaving,
		/// The operator is not leaving (unregister first).
		NotLeaving,
		/// The operator's last claimable epoch has not opened yet.
		BondStillLocked,
		/// The batch is empty.
		EmptyBatch,
		/// The batch has more than `MaxVouchersPerBatch` vouchers.
		BatchTooLarge,
		/// The epoch length is outside `MinEpochLength..=MaxEpochLength`.
		InvalidEpochLength,
		/// The epoch cannot be voided: not begun, or its claims are open.
		NotDisputable,
		/// The operator redeemed nothing for this epoch (or claimed it already).
		NothingRedeemed,
		/// The epoch is voided for this operator.
		EpochVoided,
		/// The epoch's claims have not opened.
		ClaimsNotOpen,
		/// The epoch's claims have closed.
		ClaimsClosed,
		/// The epoch was voided already.
		AlreadyVoided,
		/// The redeem key is the operator's own account; it must be a separate hot key.
		RedeemKeyIsOperatorAccount,
		/// The stake left would not cover the credits leased out or listed in a later epoch.
		StakeCommitted,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The length of epochs (ms); `DefaultEpochLength` when `None`.
		pub epoch_length: Option<Moment>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// A bad preset is a bug that should stop the chain spec build.
			#![allow(clippy::panic)]
			if let Some(length) = self.epoch_length {
				if Pallet::<T>::ensure_valid_epoch_length(length).is_err() {
					panic!("genesis epoch length {length} ms is out of bounds");
				}
				// The first timestamp starts the clock with it.
				PendingEpochLength::<T>::put(length);
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(_now: BlockNumberFor<T>) -> Weight {
			// The clock itself advances in `OnTimestampSet`, later in the block; its worst case
			// (a boundary) is reserved here.
			let mut weight = T::WeightInfo::epoch_boundary();
			weight.saturating_accrue(Self::settle_due_epoch());
			weight.saturating_accrue(Self::expire_due_epoch());
			weight.saturating_accrue(Self::prune_expired());
			weight
		}

		fn integrity_test() {
			assert!(T::MinEpochLength::get() > 0, "epochs must have a length");
			assert!(T::MinEpochLength::get() <= T::DefaultEpochLength::get());
			assert!(T::DefaultEpochLength::get() <= T::MaxEpochLength::get());
			assert!(T::MaxVouchersPerBatch::get() > 0, "a batch must hold a voucher");
			assert!(T::MaxCountersPerPayer::get() > 0);
			assert!(T::PruneBudget::get() > 0, "expired epochs must go");
			assert!(T::ClaimEpochs::get() > 0, "operators need an epoch to claim in");
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Holds `amount` of the caller's DIEM for credits. It counts in the current epoch pro
		/// rata to the time left in it, fully from the next one.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::stake())]
		pub fn stake(origin: OriginFor<T>, #[pallet::compact] amount: Balance) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_stake(&who, amount)
		}

		/// Stops `amount` of the caller's credit stake from counting after this epoch; it is
		/// released at `max(next boundary, now + one epoch)`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::unstake())]
		pub fn unstake(origin: OriginFor<T>, #[pallet::compact] amount: Balance) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unstake(&who, amount)
		}

		/// Releases the caller's unstaked DIEM whose release time has passed.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::withdraw())]
		pub fn withdraw(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw(&who)
		}

		/// Authorizes `spender` to sign vouchers against the caller's allowance, up to
		/// `cap_per_epoch` credits per epoch (or changes the cap of an active spender).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::add_spender())]
		pub fn add_spender(
			origin: OriginFor<T>,
			spender: T::AccountId,
			#[pallet::compact] cap_per_epoch: Balance,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_add_spender(&who, spender, cap_per_epoch)
		}

		/// Removes a spender: its vouchers pay nothing more from this epoch on.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::remove_spender())]
		pub fn remove_spender(origin: OriginFor<T>, spender: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_remove_spender(&who, &spender)
		}

		/// Registers the caller as an operator, holding `OperatorBond` HASH; `redeem_key` will
		/// sign its redemptions. Governance approves it before it may redeem.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::register_operator(
			diem_primitives::math::bounded_len(metadata.len(), T::MaxMetadataLen::get())
		))]
		pub fn register_operator(
			origin: OriginFor<T>,
			metadata: Vec<u8>,
			redeem_key: T::AccountId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_register_operator(&who, metadata, redeem_key)
		}

		/// Governance: lets `operator` redeem up to `capacity_per_epoch` credits per epoch
		/// (zero suspends it).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::approve_operator())]
		pub fn approve_operator(
			origin: OriginFor<T>,
			operator: T::AccountId,
			#[pallet::compact] capacity_per_epoch: Balance,
		) -> DispatchResult {
			T::OperatorAdminOrigin::ensure_origin(origin)?;
			Self::do_approve_operator(&operator, capacity_per_epoch)
		}

		/// Replaces the caller's redeem key.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::set_redeem_key())]
		pub fn set_redeem_key(origin: OriginFor<T>, redeem_key: T::AccountId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_redeem_key(&who, redeem_key)
		}

		/// Stops the caller's operation: it redeems nothing more; its bond is released by
		/// `release_bond` once its last epoch's claims open.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::unregister_operator())]
		pub fn unregister_operator(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unregister_operator(&who)
		}

		/// Releases a leaving operator's bond and removes its registration.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::release_bond())]
		pub fn release_bond(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_release_bond(&who)
		}

		/// Governance: moves up to `amount` of `operator`'s bond into the reward pool (counted
		/// in the current epoch's pool).
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::slash_operator())]
		pub fn slash_operator(
			origin: OriginFor<T>,
			operator: T::AccountId,
			#[pallet::compact] amount: Balance,
		) -> DispatchResult {
			T::OperatorAdminOrigin::ensure_origin(origin)?;
			Self::do_slash_operator(&operator, amount)
		}

		/// Governance: `operator` earns nothing for `epoch` (possible until the epoch's claims
		/// open).
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::void_operator_epoch())]
		pub fn void_operator_epoch(
			origin: OriginFor<T>,
			operator: T::AccountId,
			epoch: EpochIndex,
		) -> DispatchResult {
			T::OperatorAdminOrigin::ensure_origin(origin)?;
			Self::do_void_operator_epoch(&operator, epoch)
		}

		/// Redeems a batch of vouchers for the operator whose redeem key signs. Charged for the
		/// batch's signature schemes; vouchers refused before their signature check are
		/// refunded the difference.
		#[pallet::call_index(12)]
		#[pallet::weight(Pallet::<T>::redeem_weight(vouchers))]
		pub fn redeem(origin: OriginFor<T>, vouchers: Vec<Voucher>) -> DispatchResultWithPostInfo {
			let key = ensure_signed(origin)?;
			Self::do_redeem(&key, vouchers)
		}

		/// Pays the caller its operator reward for `epoch`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::claim_operator_rewards())]
		pub fn claim_operator_rewards(origin: OriginFor<T>, epoch: EpochIndex) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim(&who, epoch)
		}

		/// Governance: epochs after the current one take `length` ms.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::set_epoch_length())]
		pub fn set_epoch_length(origin: OriginFor<T>, length: Moment) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_set_epoch_length(length)
		}
	}

	impl<T: Config> frame_support::traits::OnTimestampSet<Moment> for Pallet<T> {
		fn on_timestamp_set(now: Moment) {
			Self::advance_clock(now);
		}
	}
}
