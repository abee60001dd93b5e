//! The pallet's logic: per-block accrual, settlement, and the `do_*` functions behind the calls
//! and the [`diem_primitives::StakeLocker`] implementation. All HASH movements are in
//! [`asset`] at the bottom of this file.

use crate::*;
use diem_primitives::Balance;
use frame_support::{
	defensive,
	pallet_prelude::*,
	storage::{with_storage_layer, StorageValue},
	traits::{tokens::Precision, DefensiveSaturating},
};
use sp_runtime::{
	traits::{One, Saturating, Zero},
	ArithmeticError, PerThing, Perbill,
};

impl<T: Config> Pallet<T> {
	/// Validates parameters for `schedule_params_change`, when they apply, and at genesis.
	pub(crate) fn validate_params(params: &ParamsOf<T>) -> DispatchResult {
		ensure!(!params.unbonding_period.is_zero(), Error::<T>::ZeroUnbondingPeriod);
		ensure!(!params.min_stake.is_zero(), Error::<T>::ZeroMinimumStake);
		ensure!(
			(T::MinUnbondingPeriod::get()..=T::MaxUnbondingPeriod::get())
				.contains(&params.unbonding_period),
			Error::<T>::UnbondingPeriodOutOfBounds
		);
		ensure!(
			(T::MinStakeLowerBound::get()..=T::MinStakeUpperBound::get())
				.contains(&params.min_stake),
			Error::<T>::MinimumStakeOutOfBounds
		);
		// `Perbill` decoded from JSON or SCALE is not range-checked.
		ensure!(params.locked_yield_share <= Perbill::one(), Error::<T>::InvalidLockedYieldShare);
		let yearly = params
			.emission_per_block
			.checked_mul(Balance::from(T::BlocksPerYear::get()))
			.ok_or(Error::<T>::EmissionTooHigh)?;
		let cap = T::MaxYearlyInflation::get().mul_floor(asset::total_issuance::<T>());
		ensure!(yearly <= cap, Error::<T>::EmissionTooHigh);
		Ok(())
	}

	pub(crate) fn do_schedule_params_change(params: ParamsOf<T>) -> DispatchResult {
		ensure!(PendingParams::<T>::get().is_none(), Error::<T>::ParamsChangeAlreadyScheduled);
		Self::validate_params(&params)?;
		let delay = T::ParamsChangeDelay::get().max(One::one());
		let effective_at = frame_system::Pallet::<T>::block_number().saturating_add(delay);
		PendingParams::<T>::put(PendingParamsChange { params, effective_at });
		Self::deposit_event(Event::ParamsChangeScheduled { params, effective_at });
		Ok(())
	}

	pub(crate) fn do_cancel_params_change() -> DispatchResult {
		let change = PendingParams::<T>::take().ok_or(Error::<T>::NoParamsChangeScheduled)?;
		Self::deposit_event(Event::ParamsChangeCancelled { params: change.params });
		Ok(())
	}

	/// Applies the scheduled change if block `now` is its block; returns whether one was due.
	/// It is validated again first: the inflation bound depends on the issuance, which moved
	/// during the delay; a change that no longer passes is dropped, not applied.
	pub(crate) fn apply_due_params_change(
		now: frame_system::pallet_prelude::BlockNumberFor<T>,
	) -> bool {
		let Some(change) = PendingParams::<T>::get() else { return false };
		if now < change.effective_at {
			return false;
		}
		PendingParams::<T>::kill();
		if Self::validate_params(&change.params).is_ok() {
			Params::<T>::put(change.params);
			Self::deposit_event(Event::ParamsChanged { params: change.params });
		} else {
			Self::deposit_event(Event::ParamsChangeCancelled { params: change.params });
		}
		true
	}

	/// Mints this block's emission and advances the reward accumulators. O(1).
	///
	/// The full rate per unit of stake is `emission / (unlocked + locked)`. Unlocked stake earns
	/// it; locked stake earns `locked_yield_share` of it; the rest of locked stake's reward is
	/// minted to the operator reward pool. Nothing is minted while nobody stakes.
	pub(crate) fn accrue_block() {
		let Some(params) = Params::<T>::get() else { return };
		let emission = params.emission_per_block;
		let (unlocked, locked) = (TotalUnlocked::<T>::get(), TotalLocked::<T>::get());
		let total = unlocked.saturating_add(locked);
		if emission.is_zero() || total.is_zero() {
			return;
		}

		// Pool share: emission * locked/total * (1 - share), rounded down.
		let forgone = Perbill::one().saturating_sub(params.locked_yield_share);
		let to_pool = U256::from(emission)
			.saturating_mul(U256::from(locked))
			.saturating_mul(U256::from(forgone.deconstruct()))
			/ U256::from(total).saturating_mul(U256::from(Perbill::ACCURACY));
		let to_pool = Balance::try_from(to_pool).unwrap_or(emission).min(emission);
		let to_pot = emission.saturating_sub(to_pool);

		// Accumulators: the full rate per unit of stake, scaled, with last block's remainder.
		let scaled = U256::from(emission)
			.saturating_mul(U256::from(REWARD_INDEX_SCALE))
			.saturating_add(IndexRemainder::<T>::get());
		let per_share = scaled / U256::from(total);
		let remainder = scaled % U256::from(total);
		let locked_per_share = per_share
			.saturating_mul(U256::from(params.locked_yield_share.deconstruct()))
			/ U256::from(Perbill::ACCURACY);

		// All or nothing: the indexes only advance if both mints succeed, so stakers are never
		// owed rewards that were not minted.
		let accrued = with_storage_layer(|| -> DispatchResult {
			asset::mint_emission::<T>(&Self::pot_account(), to_pot)?;
			asset::mint_emission::<T>(&T::RewardPool::get(), to_pool)?;
			IndexRemainder::<T>::put(remainder);
			UnlockedRewardIndex::<T>::mutate(|index| *index = index.saturating_add(per_share));
			LockedRewardIndex::<T>::mutate(|index| *index = index.saturating_add(locked_per_share));
			TotalEmitted::<T>::mutate(|t| t.defensive_saturating_accrue(emission));
			TotalPoolAccrued::<T>::mutate(|t| t.defensive_saturating_accrue(to_pool));
			Ok(())
		});
		if accrued.is_err() {
			// Pot and pool are endowed at genesis and only ever paid from with `Preserve`, and
			// emission is bounded by inflation: minting cannot fail. If it does, skip the block.
			defensive!("compute-staking: emission mint failed; block skipped");
		}
	}

	/// Gives the pot and the pool the existential deposit if they lack it. A pot that already
	/// holds more (e.g. endowed by the balances genesis) counts the surplus as emitted, so the
	/// conservation invariant holds from the start and the surplus is distributed as dust.
	pub(crate) fn endow_pot_and_pool() -> DispatchResult {
		let ed = asset::minimum_balance::<T>();
		for account in [Self::pot_account(), T::RewardPool::get()] {
			let balance = asset::balance::<T>(&account);
			if balance < ed {
				asset::mint_emission::<T>(&account, ed.saturating_sub(balance))?;
			}
		}
		let surplus = asset::balance::<T>(&Self::pot_account()).saturating_sub(ed);
		TotalEmitted::<T>::mutate(|t| t.defensive_saturating_accrue(surplus));
		Ok(())
	}

	/// Rewards `ledger` earned since its last settlement, at the current accumulators.
	pub(crate) fn unsettled_rewards(ledger: &LedgerOf<T>) -> Result<Balance, ArithmeticError> {
		Self::rewards_between(
			ledger,
			UnlockedRewardIndex::<T>::get(),
			LockedRewardIndex::<T>::get(),
		)
	}

	/// Rewards `ledger` earned from its last settlement up to the given accumulator values.
	fn rewards_between(
		ledger: &LedgerOf<T>,
		unlocked_index: U256,
		locked_index: U256,
	) -> Result<Balance, ArithmeticError> {
		let earned = |stake: Balance, now: U256, then: U256| -> Result<U256, ArithmeticError> {
			let growth = now.checked_sub(then).ok_or(ArithmeticError::Underflow)?;
			U256::from(stake)
				.checked_mul(growth)
				.map(|product| product / U256::from(REWARD_INDEX_SCALE))
				.ok_or(ArithmeticError::Overflow)
		};
		let total = earned(ledger.unlocked, unlocked_index, ledger.unlocked_index)?
			.checked_add(earned(ledger.locked, locked_index, ledger.locked_index)?)
			.ok_or(ArithmeticError::Overflow)?;
		Balance::try_from(total).map_err(|_| ArithmeticError::Overflow)
	}

	/// Moves rewards earned since the last settlement into `pending_rewards`, and restakes them
	/// if the account auto-compounds. Must run before any change to a ledger's stake.
	pub(crate) fn settle(who: &T::AccountId, ledger: &mut LedgerOf<T>) -> DispatchResult {
		let (unlocked_index, locked_index) =
			(UnlockedRewardIndex::<T>::get(), LockedRewardIndex::<T>::get());
		let earned = Self::rewards_between(ledger, unlocked_index, locked_index)?;
		ledger.pending_rewards =
			ledger.pending_rewards.checked_add(earned).ok_or(ArithmeticError::Overflow)?;
		ledger.unlocked_index = unlocked_index;
		ledger.locked_index = locked_index;
		// Compounding adds to existing stake only: an account that unstaked everything keeps its
		// rewards pending (claimable) instead of re-entering below the minimum stake.
		let bonded = ledger.unlocked.saturating_add(ledger.locked);
		if ledger.auto_compound && !ledger.pending_rewards.is_zero() && !bonded.is_zero() {
			Self::restake_pending(who, ledger)?;
		}
		Ok(())
	}

	/// Pays `pending_rewards` out of the pot and adds them to unlocked stake.
	fn restake_pending(who: &T::AccountId, ledger: &mut LedgerOf<T>) -> DispatchResult {
		let amount = ledger.pending_rewards;
		asset::pay_reward::<T>(who, amount)?;
		asset::hold_stake::<T>(who, amount)?;
		ledger.pending_rewards = Zero::zero();
		ledger.unlocked = ledger.unlocked.checked_add(amount).ok_or(ArithmeticError::Overflow)?;
		total_add::<TotalUnlocked<T>>(amount)?;
		Self::deposit_event(Event::Compounded { who: who.clone(), amount });
		Ok(())
	}

	/// The ledger of `who`, settled; a fresh one for a new staker.
	fn settled_ledger(who: &T::AccountId) -> Result<LedgerOf<T>, DispatchError> {
		let mut ledger = Ledgers::<T>::get(who).unwrap_or_else(|| {
			LedgerOf::<T>::new(UnlockedRewardIndex::<T>::get(), LockedRewardIndex::<T>::get())
		});
		Self::settle(who, &mut ledger)?;
		Ok(ledger)
	}

	/// The ledger of an existing staker, settled.
	fn existing_ledger(who: &T::AccountId) -> Result<LedgerOf<T>, DispatchError> {
		ensure!(Ledgers::<T>::contains_key(who), Error::<T>::NotStaker);
		Self::settled_ledger(who)
	}

	/// Stores `ledger`, or removes it once nothing is left in it.
	fn put_ledger(who: &T::AccountId, ledger: LedgerOf<T>) {
		if ledger.unlocked.is_zero()
			&& ledger.locked.is_zero()
			&& ledger.unbonding.is_empty()
			&& ledger.pending_rewards.is_zero()
		{
			Ledgers::<T>::remove(who);
		} else {
			Ledgers::<T>::insert(who, ledger);
		}
	}

	fn params() -> Result<ParamsOf<T>, DispatchError> {
		Params::<T>::get().ok_or_else(|| Error::<T>::NotConfigured.into())
	}

	/// Staked (unlocked + locked) must be zero or at least the minimum.
	fn ensure_minimum(ledger: &LedgerOf<T>, params: &ParamsOf<T>) -> DispatchResult {
		let bonded = ledger.unlocked.saturating_add(ledger.locked);
		ensure!(bonded.is_zero() || bonded >= params.min_stake, Error::<T>::BelowMinimumStake);
		Ok(())
	}

	pub(crate) fn do_stake(who: &T::AccountId, amount: Balance) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let params = Self::params()?;
		let mut ledger = Self::settled_ledger(who)?;
		ledger.unlocked = ledger.unlocked.checked_add(amount).ok_or(ArithmeticError::Overflow)?;
		Self::ensure_minimum(&ledger, &params)?;
		asset::hold_stake::<T>(who, amount)?;
		total_add::<TotalUnlocked<T>>(amount)?;
		Self::put_ledger(who, ledger);
		Self::deposit_event(Event::Staked { who: who.clone(), amount });
		Ok(())
	}

	pub(crate) fn do_unstake(who: &T::AccountId, amount: Balance) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let params = Self::params()?;
		let mut ledger = Self::existing_ledger(who)?;
		ledger.unlocked =
			ledger.unlocked.checked_sub(amount).ok_or(Error::<T>::NotEnoughUnlocked)?;
		Self::ensure_minimum(&ledger, &params)?;
		let end = frame_system::Pallet::<T>::block_number().saturating_add(params.unbonding_period);
		ledger
			.unbonding
			.try_push(UnbondingChunk { amount, end })
			.map_err(|_| Error::<T>::TooManyUnbondingChunks)?;
		total_sub::<TotalUnlocked<T>>(amount)?;
		total_add::<TotalUnbonding<T>>(amount)?;
		Self::put_ledger(who, ledger);
		Self::deposit_event(Event::Unbonding { who: who.clone(), amount, end });
		Ok(())
	}

	pub(crate) fn do_withdraw_unbonded(who: &T::AccountId) -> DispatchResult {
		let mut ledger = Self::existing_ledger(who)?;
		let now = frame_system::Pallet::<T>::block_number();
		let mut released: Balance = Zero::zero();
		ledger.unbonding.retain(|chunk| {
			if chunk.end <= now {
				released = released.saturating_add(chunk.amount);
				false
			} else {
				true
			}
		});
		ensure!(!released.is_zero(), Error::<T>::NothingToWithdraw);
		asset::release_stake::<T>(who, released)?;
		total_sub::<TotalUnbonding<T>>(released)?;
		Self::put_ledger(who, ledger);
		Self::deposit_event(Event::Withdrawn { who: who.clone(), amount: released });
		Ok(())
	}

	pub(crate) fn do_rebond(who: &T::AccountId, amount: Balance) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let params = Self::params()?;
		let mut ledger = Self::existing_ledger(who)?;
		let unbonding =
			ledger.unbonding.iter().fold(Balance::zero(), |sum, c| sum.saturating_add(c.amount));
		ensure!(amount <= unbonding, Error::<T>::NotEnoughUnbonding);

		let mut left = amount;
		while !left.is_zero() {
			let Some(newest) = ledger.unbonding.last_mut() else {
				defensive!("compute-staking: unbonding sum checked above");
				return Err(Error::<T>::NotEnoughUnbonding.into());
			};
			let take = left.min(newest.amount);
			newest.amount = newest.amount.saturating_sub(take);
			left = left.saturating_sub(take);
			if newest.amount.is_zero() {
				ledger.unbonding.pop();
			}
		}
		ledger.unlocked = ledger.unlocked.checked_add(amount).ok_or(ArithmeticError::Overflow)?;
		Self::ensure_minimum(&ledger, &params)?;
		total_sub::<TotalUnbonding<T>>(amount)?;
		total_add::<TotalUnlocked<T>>(amount)?;
		Self::put_ledger(who, ledger);
		Self::deposit_event(Event::Rebonded { who: who.clone(), amount });
		Ok(())
	}

	pub(crate) fn do_claim_rewards(who: &T::AccountId) -> DispatchResult {
		let mut ledger = Self::existing_ledger(who)?;
		let amount = ledger.pending_rewards;
		ensure!(!amount.is_zero(), Error::<T>::NoRewards);
		asset::pay_reward::<T>(who, amount)?;
		ledger.pending_rewards = Zero::zero();
		Self::put_ledger(who, ledger);
		Self::deposit_event(Event::RewardsClaimed { who: who.clone(), amount });
		Ok(())
	}

	pub(crate) fn do_set_auto_compound(who: &T::AccountId, enabled: bool) -> DispatchResult {
		let mut ledger = Self::existing_ledger(who)?;
		ledger.auto_compound = enabled;
		// Turning it on compounds what is already pending, like any later touch would.
		Self::settle(who, &mut ledger)?;
		Self::put_ledger(who, ledger);
		Self::deposit_event(Event::AutoCompoundSet { who: who.clone(), enabled });
		Ok(())
	}

	pub(crate) fn do_compound(who: &T::AccountId) -> DispatchResult {
		let mut ledger = Ledgers::<T>::get(who).ok_or(Error::<T>::NotStaker)?;
		ensure!(ledger.auto_compound, Error::<T>::AutoCompoundDisabled);
		let before = ledger.unlocked;
		Self::settle(who, &mut ledger)?;
		ensure!(ledger.unlocked > before, Error::<T>::NoRewards);
		Self::put_ledger(who, ledger);
		Ok(())
	}

	/// Transactional: called by other pallets outside a dispatch, and settlement may already
	/// have compounded (moved HASH) when a later check fails.
	pub(crate) fn do_lock(who: &T::AccountId, amount: Balance) -> DispatchResult {
		with_storage_layer(|| Self::lock_inner(who, amount))
	}

	fn lock_inner(who: &T::AccountId, amount: Balance) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let mut ledger = Self::existing_ledger(who)?;
		ledger.unlocked =
			ledger.unlocked.checked_sub(amount).ok_or(Error::<T>::NotEnoughUnlocked)?;
		ledger.locked = ledger.locked.checked_add(amount).ok_or(ArithmeticError::Overflow)?;
		total_sub::<TotalUnlocked<T>>(amount)?;
		total_add::<TotalLocked<T>>(amount)?;
		Self::put_ledger(who, ledger);
		Self::deposit_event(Event::StakeLocked { who: who.clone(), amount });
		Ok(())
	}

	/// Transactional, like [`Self::do_lock`].
	pub(crate) fn do_unlock(who: &T::AccountId, amount: Balance) -> DispatchResult {
		with_storage_layer(|| Self::unlock_inner(who, amount))
	}

	fn unlock_inner(who: &T::AccountId, amount: Balance) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let mut ledger = Self::existing_ledger(who)?;
		ledger.locked = ledger.locked.checked_sub(amount).ok_or(Error::<T>::NotEnoughLocked)?;
		ledger.unlocked = ledger.unlocked.checked_add(amount).ok_or(ArithmeticError::Overflow)?;
		total_sub::<TotalLocked<T>>(amount)?;
		total_add::<TotalUnlocked<T>>(amount)?;
		Self::put_ledger(who, ledger);
		Self::deposit_event(Event::StakeUnlocked { who: who.clone(), amount });
		Ok(())
	}

	/// Pending rewards of `who` including what has not been settled yet (for queries).
	pub fn pending_rewards(who: &T::AccountId) -> Balance {
		Ledgers::<T>::get(who)
			.map(|ledger| {
				ledger
					.pending_rewards
					.saturating_add(Self::unsettled_rewards(&ledger).unwrap_or_default())
			})
			.unwrap_or_default()
	}

	/// `who`'s stake for the runtime API; `None` without a ledger.
	pub fn stake_state(
		who: &T::AccountId,
	) -> Option<StakeState<frame_system::pallet_prelude::BlockNumberFor<T>>> {
		let ledger = Ledgers::<T>::get(who)?;
		let claimable_rewards = ledger
			.pending_rewards
			.saturating_add(Self::unsettled_rewards(&ledger).unwrap_or_default());
		Some(StakeState {
			unlocked: ledger.unlocked,
			locked: ledger.locked,
			unbonding: ledger.unbonding.into_inner(),
			claimable_rewards,
			auto_compound: ledger.auto_compound,
		})
	}

	/// The invariants of the module docs. Iterates over all stakers: for `try_state` and tests,
	/// never for on-chain logic.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::traits::fungible::InspectHold;
		let (mut unlocked, mut locked, mut unbonding, mut owed) =
			(Balance::zero(), Balance::zero(), Balance::zero(), Balance::zero());
		for (who, ledger) in Ledgers::<T>::iter() {
			let chunks =
				ledger.unbonding.iter().fold(Balance::zero(), |s, c| s.saturating_add(c.amount));
			let staked = ledger.unlocked.saturating_add(ledger.locked).saturating_add(chunks);
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::Staked.into(), &who) == staked,
				"held HASH != unlocked + locked + unbonding"
			);
			unlocked = unlocked.saturating_add(ledger.unlocked);
			locked = locked.saturating_add(ledger.locked);
			unbonding = unbonding.saturating_add(chunks);
			owed = owed
				.saturating_add(ledger.pending_rewards)
				.saturating_add(Self::unsettled_rewards(&ledger).map_err(|_| "reward overflow")?);
		}
		ensure!(unlocked == TotalUnlocked::<T>::get(), "TotalUnlocked mismatch");
		ensure!(locked == TotalLocked::<T>::get(), "TotalLocked mismatch");
		ensure!(unbonding == TotalUnbonding::<T>::get(), "TotalUnbonding mismatch");

		// What the pot must still hold: emission minus what went to the pool and was paid out.
		// The pot is an ordinary account that anyone can pay into, so its balance bounds this
		// from above instead of equalling it.
		let retained = TotalEmitted::<T>::get()
			.checked_sub(TotalPoolAccrued::<T>::get())
			.and_then(|left| left.checked_sub(TotalRewardsPaid::<T>::get()))
			.ok_or("pool accrual and paid rewards exceed the emission")?;
		let pot =
			asset::balance::<T>(&Self::pot_account()).saturating_sub(asset::minimum_balance::<T>());
		ensure!(pot >= retained, "reward pot holds less than emission - pool - paid");
		ensure!(retained >= owed, "retained emission cannot cover pending rewards");
		if let Some(change) = PendingParams::<T>::get() {
			// A change is applied when its block initializes, so a pending one lies ahead.
			ensure!(
				change.effective_at > frame_system::Pallet::<T>::block_number(),
				"a scheduled parameter change is overdue"
			);
		}
		Ok(())
	}
}

/// `S += amount` for a running total, refusing overflow.
fn total_add<S: StorageValue<Balance, Query = Balance>>(amount: Balance) -> DispatchResult {
	S::try_mutate(|total| diem_primitives::math::add_to(total, amount)).map_err(Into::into)
}

/// `S -= amount` for a running total, refusing underflow.
fn total_sub<S: StorageValue<Balance, Query = Balance>>(amount: Balance) -> DispatchResult {
	S::try_mutate(|total| diem_primitives::math::sub_from(total, amount)).map_err(Into::into)
}

/// Every HASH movement of the pallet.
pub(crate) mod asset {
	use super::*;
	use frame_support::traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::Preservation,
	};

	pub fn total_issuance<T: Config>() -> Balance {
		T::Currency::total_issuance()
	}

	pub fn balance<T: Config>(who: &T::AccountId) -> Balance {
		T::Currency::balance(who)
	}

	pub fn minimum_balance<T: Config>() -> Balance {
		T::Currency::minimum_balance()
	}

	/// Holds `amount` of `who`'s free HASH as stake.
	pub fn hold_stake<T: Config>(who: &T::AccountId, amount: Balance) -> DispatchResult {
		T::Currency::hold(&HoldReason::Staked.into(), who, amount)
			.map_err(|_| Error::<T>::InsufficientBalance.into())
	}

	/// Releases `amount` of `who`'s stake to free balance.
	pub fn release_stake<T: Config>(who: &T::AccountId, amount: Balance) -> DispatchResult {
		T::Currency::release(&HoldReason::Staked.into(), who, amount, Precision::Exact).map(|_| ())
	}

	/// Mints emission into the pot or the pool.
	pub fn mint_emission<T: Config>(to: &T::AccountId, amount: Balance) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		T::Currency::mint_into(to, amount).map(|_| ())
	}

	/// Pays `amount` of rewards from the pot to `who`, keeping the pot alive.
	pub fn pay_reward<T: Config>(who: &T::AccountId, amount: Balance) -> DispatchResult {
		T::Currency::transfer(&Pallet::<T>::pot_account(), who, amount, Preservation::Preserve)?;
		total_add::<TotalRewardsPaid<T>>(amount)
	}
}
