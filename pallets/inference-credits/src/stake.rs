//! Credit staking: DIEM held here earns an allowance per epoch, pro rata in the epoch it is
//! staked in; an unstake stops counting after the epoch and is released a whole epoch later.

use crate::{asset, pallet::*, CreditStake, EpochInfo, Moment, UnlockChunk};
use diem_primitives::market::CreditLeases;
use diem_primitives::{math, Balance};
use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	sp_runtime::{traits::Zero, ArithmeticError, DispatchResult},
};

impl<T: Config> Pallet<T> {
	/// The part of `amount` that counts in `epoch` if staked at `now`: pro rata to the time
	/// left in the epoch (rounded down).
	pub(crate) fn pro_rata(amount: Balance, epoch: &EpochInfo, now: Moment) -> Balance {
		let left = epoch.end().saturating_sub(now.max(epoch.start)).min(epoch.length);
		// `left <= length`, so the result is at most `amount`; a zero length is no epoch.
		math::mul_div(amount, u128::from(left), u128::from(epoch.length)).unwrap_or_default()
	}

	pub(crate) fn do_stake(who: &T::AccountId, amount: Balance) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let epoch = Self::current_epoch()?;
		let mut stake =
			CreditStakes::<T>::get(who).unwrap_or_else(|| CreditStake::empty(epoch.index));
		stake.roll_to(epoch.index);
		let staked = stake.staked.checked_add(amount).ok_or(ArithmeticError::Overflow)?;
		ensure!(staked >= T::MinCreditStake::get(), Error::<T>::BelowMinimumStake);
		asset::hold_credit_stake::<T>(who, amount)?;
		let counts_now = Self::pro_rata(amount, &epoch, Self::now());
		math::add_to(&mut stake.allowance, counts_now)?;
		stake.staked = staked;
		CreditStakes::<T>::insert(who, stake);
		Self::deposit_event(Event::Staked { who: who.clone(), amount, counts_now });
		Ok(())
	}

	pub(crate) fn do_unstake(who: &T::AccountId, amount: Balance) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let epoch = Self::current_epoch()?;
		let mut stake = CreditStakes::<T>::get(who).ok_or(Error::<T>::NotStaked)?;
		stake.roll_to(epoch.index);
		let remaining = stake.staked.checked_sub(amount).ok_or(Error::<T>::InsufficientStake)?;
		ensure!(
			remaining.is_zero() || remaining >= T::MinCreditStake::get(),
			Error::<T>::BelowMinimumStake
		);
		// Credits listed or leased out for a later epoch stay backed by stake until it ends.
		ensure!(
			remaining >= T::Leases::committed_after(who, epoch.index),
			Error::<T>::StakeCommitted
		);
		// A day of credits costs a day of lock: never released before a whole epoch passed.
		let release_at = epoch.end().max(Self::now().saturating_add(epoch.length));
		stake
			.unlocking
			.try_push(UnlockChunk { amount, release_at })
			.map_err(|_| Error::<T>::TooManyUnlockingChunks)?;
		stake.staked = remaining;
		CreditStakes::<T>::insert(who, stake);
		asset::start_unlocking::<T>(amount)?;
		Self::deposit_event(Event::Unstaked { who: who.clone(), amount, release_at });
		Ok(())
	}

	/// Releases the due chunks; removes the record once it holds nothing and no redeemable
	/// epoch has an allowance from it.
	pub(crate) fn do_withdraw(who: &T::AccountId) -> DispatchResult {
		let epoch = Self::current_epoch()?;
		let now = Self::now();
		let mut stake = CreditStakes::<T>::get(who).ok_or(Error::<T>::NotStaked)?;
		stake.roll_to(epoch.index);
		let released = stake
			.unlocking
			.iter()
			.filter(|chunk| chunk.release_at <= now)
			.try_fold(Balance::zero(), |sum, chunk| sum.checked_add(chunk.amount))
			.ok_or(ArithmeticError::Overflow)?;
		stake.unlocking.retain(|chunk| chunk.release_at > now);
		let finished = stake.staked.is_zero()
			&& stake.unlocking.is_empty()
			&& stake.allowance.is_zero()
			&& stake.previous_allowance.is_zero();
		ensure!(!released.is_zero() || finished, Error::<T>::NothingToWithdraw);
		if !released.is_zero() {
			asset::release_unlocked::<T>(who, released)?;
			Self::deposit_event(Event::Withdrawn { who: who.clone(), amount: released });
		}
		if finished {
			CreditStakes::<T>::remove(who);
		} else {
			CreditStakes::<T>::insert(who, stake);
		}
		Ok(())
	}
}
