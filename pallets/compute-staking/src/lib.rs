//! # Compute staking
//!
//! Holders stake HASH, the native token, and earn a per-block HASH emission. Part of an
//! account's stake can be *locked* to back DIEM: the DIEM pallet locks and unlocks it through
//! [`diem_primitives::StakeLocker`], which this pallet implements.
//!
//! ## Model
//!
//! An account's stake is in three buckets, all held from its free balance under
//! [`HoldReason::Staked`]:
//!
//! - **unlocked**: earns the full reward rate; can be unstaked or locked;
//! - **locked**: backs DIEM; earns `locked_yield_share` (default 80 %) of the full rate. The
//!   other 20 % is minted to the operator reward pool account, so the yield DIEM backing forgoes
//!   pays the operators who serve DIEM holders. [`TotalPoolAccrued`] counts it (monotonic);
//! - **unbonding**: one chunk per `unstake` request, each with its own end block. A new request
//!   never restarts an older one. Unbonding stake earns nothing; `rebond` cancels it (newest
//!   first), `withdraw_unbonded` releases every chunk that has ended.
//!
//! Every block, `emission_per_block` HASH is minted while anyone stakes (nothing while nobody
//! does): the pool's share to the pool account, the rest to the pallet's reward pot. Two
//! reward-per-share accumulators ([`UnlockedRewardIndex`], [`LockedRewardIndex`]) advance in
//! O(1); an account's rewards are settled when it is touched (any call on it), by multiplying
//! its stake by the accumulators' growth since its last settlement. Nothing iterates over
//! stakers. The accumulators are scaled by 10^30, and the division remainder carries to the next
//! block, so a small emission over a large stake still distributes.
//!
//! With auto-compound on, pending rewards are restaked (added to unlocked stake) whenever the
//! account is touched, and anyone (a bot) may call `compound(who)` for it. An account with no
//! bonded stake left keeps its rewards pending instead (it can claim them).
//!
//! ## Calls
//!
//! | call | who | does |
//! |---|---|---|
//! | `stake(amount)` | staker | hold `amount` more HASH as unlocked stake |
//! | `unstake(amount)` | staker | start unbonding `amount` of unlocked stake |
//! | `withdraw_unbonded()` | staker | release every ended chunk |
//! | `rebond(amount)` | staker | cancel unbonding, newest chunks first |
//! | `claim_rewards()` | staker | pay pending rewards to free balance |
//! | `set_auto_compound(enabled)` | staker | switch auto-compounding |
//! | `compound(who)` | anyone | restake `who`'s rewards (only if `who` enabled auto-compound) |
//! | `schedule_params_change(params)` | governance | new emission, locked share, unbonding period, minimum after `ParamsChangeDelay` blocks |
//! | `cancel_params_change()` | governance | drop the scheduled change |
//!
//! ## Parameters
//!
//! [`StakingParams`], set at genesis and by `AdminOrigin`: `emission_per_block` (bounded so a
//! year of it is at most `MaxYearlyInflation` of the current total issuance),
//! `locked_yield_share`, `unbonding_period` (within `MinUnbondingPeriod..=MaxUnbondingPeriod`, so
//! no change can lock stake forever), `min_stake` (within
//! `MinStakeLowerBound..=MinStakeUpperBound`). A change is announced first
//! (`ParamsChangeScheduled`, readable in [`PendingParams`]) and applies when block
//! `effective_at` initializes, `ParamsChangeDelay` blocks later, so stakers see it coming for the
//! whole delay and can unstake under the old unbonding period. It is validated again when it
//! applies (the inflation bound depends on the issuance then) and dropped with
//! `ParamsChangeCancelled` if it no longer passes. Rewards accrued before it are settled at the
//! old rate.
//!
//! ## Invariants (checked by `try_state`)
//!
//! - HASH held under `Staked` by each account = its unlocked + locked + unbonding stake;
//! - the sums of accounts' buckets equal [`TotalUnlocked`], [`TotalLocked`], [`TotalUnbonding`];
//! - conservation: the emission retained for stakers, [`TotalEmitted`] − [`TotalPoolAccrued`] −
//!   [`TotalRewardsPaid`], covers every account's pending rewards (the rest is the carried
//!   rounding remainder), and the reward pot holds at least that above its existential deposit
//!   (a bound, not an equality: anyone can pay into the pot).
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;
pub use types::*;
pub use weights::WeightInfo;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
mod functions;
mod impl_reward_pool;
mod impl_stake_locker;
pub mod runtime_api;
#[cfg(test)]
mod tests;
mod types;
pub mod weights;

use polkadot_sdk::{frame_support, frame_system, sp_core::U256, sp_runtime};

/// Scale of the reward-per-share accumulators.
pub const REWARD_INDEX_SCALE: u128 = 1_000_000_000_000_000_000_000_000_000_000;

// The FRAME macros expand storage, events and calls into code with `expect` and narrowing
// casts (on values they bound themselves); the lints stay on for the logic in `functions.rs`.
#[allow(clippy::expect_used, clippy::cast_possible_truncation)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use diem_primitives::Balance;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate, MutateHold},
			BuildGenesisConfig,
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{traits::AccountIdConversion, Perbill};

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	pub type ParamsOf<T> = StakingParams<Balance, BlockNumberFor<T>>;
	pub type PendingParamsOf<T> = PendingParamsChange<Balance, BlockNumberFor<T>>;
	pub type LedgerOf<T> =
		StakeLedger<Balance, BlockNumberFor<T>, <T as Config>::MaxUnbondingChunks>;

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Why this pallet holds HASH.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// Staked: unlocked, locked (backing DIEM) or unbonding.
		#[codec(index = 0)]
		Staked,
	}

	#[pallet::config]
	pub trait Config: polkadot_sdk::frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// HASH.
		type Currency: Inspect<Self::AccountId, Balance = Balance>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		type RuntimeHoldReason: From<HoldReason>;

		/// Who may change the staking parameters.
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// The reward pot's account is derived from this id.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// The operator reward pool: receives the yield locked stake forgoes.
		#[pallet::constant]
		type RewardPool: Get<Self::AccountId>;

		/// Most unbonding chunks an account may have at once.
		#[pallet::constant]
		type MaxUnbondingChunks: Get<u32>;

		/// A year's emission may be at most this share of the total issuance.
		#[pallet::constant]
		type MaxYearlyInflation: Get<Perbill>;

		/// Blocks in a year (with the target block time).
		#[pallet::constant]
		type BlocksPerYear: Get<u32>;

		/// The shortest unbonding period governance may set (at least one block).
		#[pallet::constant]
		type MinUnbondingPeriod: Get<BlockNumberFor<Self>>;

		/// The longest unbonding period governance may set: no vote can lock stake for longer.
		#[pallet::constant]
		type MaxUnbondingPeriod: Get<BlockNumberFor<Self>>;

		/// The lowest minimum stake governance may set (above zero: no dust ledgers).
		#[pallet::constant]
		type MinStakeLowerBound: Get<Balance>;

		/// The highest minimum stake governance may set: staking stays open to small holders.
		#[pallet::constant]
		type MinStakeUpperBound: Get<Balance>;

		/// Blocks between a parameter change's announcement and the block that applies it
		/// (at least one).
		#[pallet::constant]
		type ParamsChangeDelay: Get<BlockNumberFor<Self>>;

		type WeightInfo: WeightInfo;
	}

	/// The staking parameters.
	#[pallet::storage]
	pub type Params<T: Config> = StorageValue<_, ParamsOf<T>, OptionQuery>;

	/// A scheduled parameter change, applied when its block initializes.
	#[pallet::storage]
	pub type PendingParams<T: Config> = StorageValue<_, PendingParamsOf<T>, OptionQuery>;

	/// Each staker's ledger.
	#[pallet::storage]
	pub type Ledgers<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, LedgerOf<T>, OptionQuery>;

	/// Sum of all unlocked stake.
	#[pallet::storage]
	pub type TotalUnlocked<T> = StorageValue<_, Balance, ValueQuery>;

	/// Sum of all locked stake.
	#[pallet::storage]
	pub type TotalLocked<T> = StorageValue<_, Balance, ValueQuery>;

	/// Sum of all unbonding chunks.
	#[pallet::storage]
	pub type TotalUnbonding<T> = StorageValue<_, Balance, ValueQuery>;

	/// Reward per unit of unlocked stake since genesis, scaled by [`REWARD_INDEX_SCALE`].
	#[pallet::storage]
	pub type UnlockedRewardIndex<T> = StorageValue<_, U256, ValueQuery>;

	/// Reward per unit of locked stake since genesis, scaled by [`REWARD_INDEX_SCALE`].
	#[pallet::storage]
	pub type LockedRewardIndex<T> = StorageValue<_, U256, ValueQuery>;

	/// Scaled emission not yet distributed through the accumulators (division remainder),
	/// carried to the next block.
	#[pallet::storage]
	pub type IndexRemainder<T> = StorageValue<_, U256, ValueQuery>;

	/// All HASH this pallet has minted as emission (to the pot and to the pool).
	#[pallet::storage]
	pub type TotalEmitted<T> = StorageValue<_, Balance, ValueQuery>;

	/// All HASH minted into the operator reward pool (monotonic; the credits pallet reads it).
	#[pallet::storage]
	pub type TotalPoolAccrued<T> = StorageValue<_, Balance, ValueQuery>;

	/// All rewards paid out of the pot (claimed or compounded).
	#[pallet::storage]
	pub type TotalRewardsPaid<T> = StorageValue<_, Balance, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// `amount` more HASH staked (unlocked).
		Staked { who: T::AccountId, amount: Balance },
		/// `amount` of unlocked stake started unbonding; withdrawable from block `end`.
		Unbonding { who: T::AccountId, amount: Balance, end: BlockNumberFor<T> },
		/// Ended unbonding chunks released to free balance.
		Withdrawn { who: T::AccountId, amount: Balance },
		/// Unbonding cancelled: `amount` is unlocked stake again.
		Rebonded { who: T::AccountId, amount: Balance },
		/// Rewards paid to free balance.
		RewardsClaimed { who: T::AccountId, amount: Balance },
		/// Rewards restaked as unlocked stake.
		Compounded { who: T::AccountId, amount: Balance },
		/// Auto-compounding switched.
		AutoCompoundSet { who: T::AccountId, enabled: bool },
		/// Unlocked stake locked to back DIEM.
		StakeLocked { who: T::AccountId, amount: Balance },
		/// Locked stake unlocked (DIEM burned).
		StakeUnlocked { who: T::AccountId, amount: Balance },
		/// A parameter change will apply when block `effective_at` initializes.
		ParamsChangeScheduled { params: ParamsOf<T>, effective_at: BlockNumberFor<T> },
		/// The scheduled parameter change was cancelled (by governance, or because it no longer
		/// passed validation when its block came).
		ParamsChangeCancelled { params: ParamsOf<T> },
		/// New parameters apply from this block's emission on.
		ParamsChanged { params: ParamsOf<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// Amounts must be greater than zero.
		ZeroAmount,
		/// Free balance cannot cover the stake (or would fall below the existential deposit).
		InsufficientBalance,
		/// The staked total would be below the minimum stake (and not zero).
		BelowMinimumStake,
		/// The account does not stake.
		NotStaker,
		/// Not that much unlocked stake.
		NotEnoughUnlocked,
		/// Not that much locked stake.
		NotEnoughLocked,
		/// Not that much stake unbonding.
		NotEnoughUnbonding,
		/// Too many unbonding chunks; withdraw or rebond first.
		TooManyUnbondingChunks,
		/// No unbonding chunk has ended yet.
		NothingToWithdraw,
		/// No rewards pending.
		NoRewards,
		/// The account has not enabled auto-compounding, so others may not compound it.
		AutoCompoundDisabled,
		/// The unbonding period must be at least one block.
		ZeroUnbondingPeriod,
		/// The minimum stake must be greater than zero.
		ZeroMinimumStake,
		/// The locked yield share is above 100%.
		InvalidLockedYieldShare,
		/// A year of this emission would exceed the maximum yearly inflation.
		EmissionTooHigh,
		/// The parameters have not been set (genesis did not configure the pallet).
		NotConfigured,
		/// The unbonding period is outside `MinUnbondingPeriod..=MaxUnbondingPeriod`.
		UnbondingPeriodOutOfBounds,
		/// The minimum stake is outside `MinStakeLowerBound..=MinStakeUpperBound`.
		MinimumStakeOutOfBounds,
		/// A parameter change is already scheduled; cancel it first.
		ParamsChangeAlreadyScheduled,
		/// No parameter change is scheduled.
		NoParamsChangeScheduled,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The initial parameters; `None` leaves the pallet unconfigured (no staking).
		pub params: Option<ParamsOf<T>>,
		/// Accounts staking at genesis: (account, unlocked stake).
		pub stakers: alloc::vec::Vec<(T::AccountId, Balance)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			// Genesis must be valid: a bad preset is a bug that should stop the chain spec build.
			#![allow(clippy::panic)]
			if let Some(params) = self.params {
				if let Err(e) = Pallet::<T>::validate_params(&params) {
					panic!("invalid genesis staking params {params:?}: {e:?}");
				}
				Params::<T>::put(params);
			}
			// The pot and the pool must exist before emission arrives in amounts that may be
			// below the existential deposit.
			if let Err(e) = Pallet::<T>::endow_pot_and_pool() {
				panic!("cannot endow the reward pot and pool: {e:?}");
			}
			for (who, amount) in &self.stakers {
				if let Err(e) = Pallet::<T>::do_stake(who, *amount) {
					panic!("genesis staker {who:?} cannot stake {amount}: {e:?}");
				}
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(n: BlockNumberFor<T>) -> Weight {
			// The new parameters govern this block's emission already.
			let applied = Self::apply_due_params_change(n);
			Self::accrue_block();
			let weight = T::WeightInfo::on_initialize();
			if applied {
				weight.saturating_add(T::WeightInfo::apply_params_change())
			} else {
				weight
			}
		}

		fn integrity_test() {
			assert!(T::MaxUnbondingChunks::get() > 0, "MaxUnbondingChunks must be > 0");
			assert!(T::BlocksPerYear::get() > 0, "BlocksPerYear must be > 0");
			assert!(
				T::MaxYearlyInflation::get() <= Perbill::from_percent(100),
				"MaxYearlyInflation above 100%"
			);
			assert!(
				!sp_runtime::traits::Zero::is_zero(&T::MinUnbondingPeriod::get()),
				"MinUnbondingPeriod must be > 0"
			);
			assert!(
				T::MinUnbondingPeriod::get() <= T::MaxUnbondingPeriod::get(),
				"MinUnbondingPeriod above MaxUnbondingPeriod"
			);
			assert!(T::MinStakeLowerBound::get() > 0, "MinStakeLowerBound must be > 0");
			assert!(
				T::MinStakeLowerBound::get() <= T::MinStakeUpperBound::get(),
				"MinStakeLowerBound above MinStakeUpperBound"
			);
			assert!(
				!sp_runtime::traits::Zero::is_zero(&T::ParamsChangeDelay::get()),
				"ParamsChangeDelay must be > 0"
			);
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Stake `amount` more HASH from free balance as unlocked stake.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::stake())]
		pub fn stake(origin: OriginFor<T>, #[pallet::compact] amount: Balance) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_stake(&who, amount)
		}

		/// Start unbonding `amount` of unlocked stake. It stops earning now and can be withdrawn
		/// after the unbonding period.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::unstake())]
		pub fn unstake(origin: OriginFor<T>, #[pallet::compact] amount: Balance) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_unstake(&who, amount)
		}

		/// Release every unbonding chunk that has ended to free balance.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::withdraw_unbonded(T::MaxUnbondingChunks::get()))]
		pub fn withdraw_unbonded(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_unbonded(&who)
		}

		/// Cancel unbonding of `amount`, newest chunks first; it earns again from now.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::rebond(T::MaxUnbondingChunks::get()))]
		pub fn rebond(origin: OriginFor<T>, #[pallet::compact] amount: Balance) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_rebond(&who, amount)
		}

		/// Pay pending rewards to free balance.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::claim_rewards())]
		pub fn claim_rewards(origin: OriginFor<T>) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim_rewards(&who)
		}

		/// Switch auto-compounding for the caller.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_auto_compound())]
		pub fn set_auto_compound(origin: OriginFor<T>, enabled: bool) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_set_auto_compound(&who, enabled)
		}

		/// Restake `who`'s pending rewards. Anyone may call it for an account that enabled
		/// auto-compounding.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::compound())]
		pub fn compound(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_compound(&who)
		}

		/// Schedule `params` to replace the staking parameters `ParamsChangeDelay` blocks from
		/// now (governance). Refused if they are out of bounds or a change is already pending.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::schedule_params_change())]
		pub fn schedule_params_change(origin: OriginFor<T>, params: ParamsOf<T>) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_schedule_params_change(params)
		}

		/// Cancel the scheduled parameter change (governance).
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::cancel_params_change())]
		pub fn cancel_params_change(origin: OriginFor<T>) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_cancel_params_change()
		}
	}

	impl<T: Config> Pallet<T> {
		/// The account holding minted rewards until they are claimed or compounded.
		pub fn pot_account() -> T::AccountId {
			T::PalletId::get().into_account_truncating()
		}
	}
}
