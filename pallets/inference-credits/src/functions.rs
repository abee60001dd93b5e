//! The epoch clock, credit staking, spender keys and the operator registry.

use crate::{pallet::*, CreditStake, EpochInfo, Moment, OperatorStatus, SpenderEntry, UnlockChunk};
use diem_primitives::{voucher::EpochIndex, Balance, RewardPoolAccrual};
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{
			fungible::{Inspect, InspectHold, Mutate, MutateHold},
			tokens::{Fortitude, Precision, Preservation, Restriction},
			Get, UnixTime,
		},
		BoundedVec,
	},
	sp_runtime::{traits::Zero, ArithmeticError, DispatchError, DispatchResult},
};

impl<T: Config> Pallet<T> {
	// ---- the clock ----

	/// Starts the clock at the first timestamp, then moves it across boundaries: O(1) however
	/// many epochs passed. An epoch that ends records the pool's income during it.
	pub(crate) fn advance_clock(now: Moment) {
		let Some(epoch) = CurrentEpoch::<T>::get() else {
			let length = PendingEpochLength::<T>::take().unwrap_or_else(T::DefaultEpochLength::get);
			let index = now.checked_div(length).unwrap_or_default();
			let epoch = EpochInfo {
				index: EpochIndex::try_from(index).unwrap_or(EpochIndex::MAX),
				start: index.saturating_mul(length),
				length,
			};
			CurrentEpoch::<T>::put(epoch);
			PoolAtEpochStart::<T>::put(T::PoolAccrual::total_accrued());
			NextToSettle::<T>::put(epoch.index);
			NextToExpire::<T>::put(epoch.index);
			NextToPrune::<T>::put(epoch.index);
			NextUsageToPrune::<T>::put(epoch.index);
			Self::deposit_event(Event::EpochStarted {
				index: epoch.index,
				start: epoch.start,
				length: epoch.length,
			});
			return;
		};
		if now < epoch.end() {
			return;
		}
		// The first boundary crossed applies a pending length; whole epochs of that length
		// that passed without a block are skipped in one step.
		let length = PendingEpochLength::<T>::take().unwrap_or(epoch.length);
		let first_start = epoch.end();
		let skipped = now.saturating_sub(first_start).checked_div(length).unwrap_or_default();
		let next = EpochInfo {
			index: epoch
				.index
				.saturating_add(1)
				.saturating_add(EpochIndex::try_from(skipped).unwrap_or(EpochIndex::MAX)),
			start: first_start.saturating_add(skipped.saturating_mul(length)),
			length,
		};
		let accrued_now = T::PoolAccrual::total_accrued();
		let income = accrued_now.saturating_sub(PoolAtEpochStart::<T>::get());
		if !income.is_zero() {
			Rewards::<T>::mutate(epoch.index, |rewards| {
				rewards.accrued = rewards.accrued.saturating_add(income)
			});
			TotalPoolReceived::<T>::mutate(|total| *total = total.saturating_add(income));
		}
		PoolAtEpochStart::<T>::put(accrued_now);
		CurrentEpoch::<T>::put(next);
		Self::deposit_event(Event::EpochStarted {
			index: next.index,
			start: next.start,
			length: next.length,
		});
	}

	/// The epoch in force.
	pub(crate) fn current_epoch() -> Result<EpochInfo, DispatchError> {
		CurrentEpoch::<T>::get().ok_or_else(|| Error::<T>::NoEpoch.into())
	}

	/// Chain time in ms.
	pub(crate) fn now() -> Moment {
		Moment::try_from(T::UnixTime::now().as_millis()).unwrap_or(Moment::MAX)
	}

	pub(crate) fn ensure_valid_epoch_length(length: Moment) -> DispatchResult {
		ensure!(
			(T::MinEpochLength::get()..=T::MaxEpochLength::get()).contains(&length),
			Error::<T>::InvalidEpochLength
		);
		Ok(())
	}

	/// The epoch after which claims for `epoch` open: its redemption window (it and the next)
	/// and the dispute delay.
	pub(crate) fn claims_open_at(epoch: EpochIndex) -> EpochIndex {
		epoch.saturating_add(2).saturating_add(T::DisputeEpochs::get())
	}

	// ---- credit staking ----

	/// The part of `amount` that counts in `epoch` if staked at `now`: pro rata to the time
	/// left in the epoch.
	pub(crate) fn pro_rata(amount: Balance, epoch: &EpochInfo, now: Moment) -> Balance {
		let left = epoch.end().saturating_sub(now.max(epoch.start)).min(epoch.length);
		polkadot_sdk::sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(
			amount,
			u128::from(left),
			u128::from(epoch.length),
			polkadot_sdk::sp_runtime::Rounding::Down,
		)
		.unwrap_or_default()
	}

	pub(crate) fn do_stake(who: &T::AccountId, amount: Balance) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let epoch = Self::current_epoch()?;
		let mut stake =
			CreditStakes::<T>::get(who).unwrap_or_else(|| CreditStake::empty(epoch.index));
		stake.roll_to(epoch.index);
		let staked = stake.staked.checked_add(amount).ok_or(ArithmeticError::Overflow)?;
		ensure!(staked >= T::MinCreditStake::get(), Error::<T>::BelowMinimumStake);
		ensure!(
			T::Diem::reducible_balance(who, Preservation::Preserve, Fortitude::Polite) >= amount,
			Error::<T>::InsufficientBalance
		);
		T::Diem::hold(&HoldReason::CreditStake.into(), who, amount)?;
		let counts_now = Self::pro_rata(amount, &epoch, Self::now());
		stake.allowance = stake.allowance.saturating_add(counts_now);
		stake.staked = staked;
		CreditStakes::<T>::insert(who, stake);
		TotalCreditStaked::<T>::mutate(|total| *total = total.saturating_add(amount));
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
		// A day of credits costs a day of lock: never released before a whole epoch passed.
		let release_at = epoch.end().max(Self::now().saturating_add(epoch.length));
		stake
			.unlocking
			.try_push(UnlockChunk { amount, release_at })
			.map_err(|_| Error::<T>::TooManyUnlockingChunks)?;
		stake.staked = remaining;
		CreditStakes::<T>::insert(who, stake);
		TotalCreditStaked::<T>::mutate(|total| *total = total.saturating_sub(amount));
		TotalUnlocking::<T>::mutate(|total| *total = total.saturating_add(amount));
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
		let mut released: Balance = 0;
		stake.unlocking.retain(|chunk| {
			let due = chunk.release_at <= now;
			if due {
				released = released.saturating_add(chunk.amount);
			}
			!due
		});
		let finished = stake.staked.is_zero()
			&& stake.unlocking.is_empty()
			&& stake.allowance.is_zero()
			&& stake.previous_allowance.is_zero();
		ensure!(!released.is_zero() || finished, Error::<T>::NothingToWithdraw);
		if !released.is_zero() {
			T::Diem::release(&HoldReason::CreditStake.into(), who, released, Precision::Exact)?;
			TotalUnlocking::<T>::mutate(|total| *total = total.saturating_sub(released));
			Self::deposit_event(Event::Withdrawn { who: who.clone(), amount: released });
		}
		if finished {
			CreditStakes::<T>::remove(who);
		} else {
			CreditStakes::<T>::insert(who, stake);
		}
		Ok(())
	}

	// ---- spenders ----

	/// Drops the removed entries no redeemable epoch needs any more (removed before the current
	/// epoch: vouchers of earlier epochs were redeemable until the removal epoch ended) and
	/// releases their deposits.
	fn purge_spenders(
		staker: &T::AccountId,
		spenders: &mut SpendersOf<T>,
		current: EpochIndex,
	) -> DispatchResult {
		let mut purged = alloc::vec::Vec::new();
		spenders.retain(|entry| match entry.removed_in {
			Some(removed) if removed < current => {
				purged.push((entry.spender.clone(), entry.deposit));
				false
			}
			_ => true,
		});
		let released =
			purged.iter().fold(0, |sum: Balance, (_, deposit)| sum.saturating_add(*deposit));
		if !released.is_zero() {
			T::Currency::release(
				&HoldReason::SpenderDeposit.into(),
				staker,
				released,
				Precision::BestEffort,
			)?;
		}
		for (spender, deposit) in purged {
			Self::deposit_event(Event::SpenderDepositReleased {
				staker: staker.clone(),
				spender,
				deposit,
			});
		}
		Ok(())
	}

	pub(crate) fn do_add_spender(
		staker: &T::AccountId,
		spender: T::AccountId,
		cap_per_epoch: Balance,
	) -> DispatchResult {
		ensure!(&spender != staker, Error::<T>::SelfSpender);
		let epoch = Self::current_epoch()?;
		let mut spenders = Spenders::<T>::get(staker);
		Self::purge_spenders(staker, &mut spenders, epoch.index)?;
		if let Some(entry) = spenders.iter_mut().find(|entry| entry.spender == spender) {
			entry.cap_per_epoch = cap_per_epoch;
			entry.removed_in = None;
			entry.since = epoch.index;
		} else {
			let deposit = T::SpenderDeposit::get();
			spenders
				.try_push(SpenderEntry {
					spender: spender.clone(),
					cap_per_epoch,
					deposit,
					since: epoch.index,
					removed_in: None,
				})
				.map_err(|_| Error::<T>::TooManySpenders)?;
			T::Currency::hold(&HoldReason::SpenderDeposit.into(), staker, deposit)
				.map_err(|_| Error::<T>::InsufficientBalance)?;
		}
		Self::store_spenders(staker, spenders);
		Self::deposit_event(Event::SpenderAdded { staker: staker.clone(), spender, cap_per_epoch });
		Ok(())
	}

	/// Marks `spender` removed; once its removal epoch is over, calling this again (or any
	/// spender call of the staker) drops the entry and returns its deposit.
	pub(crate) fn do_remove_spender(
		staker: &T::AccountId,
		spender: &T::AccountId,
	) -> DispatchResult {
		let epoch = Self::current_epoch()?;
		let mut spenders = Spenders::<T>::get(staker);
		ensure!(spenders.iter().any(|entry| &entry.spender == spender), Error::<T>::UnknownSpender);
		Self::purge_spenders(staker, &mut spenders, epoch.index)?;
		let Some(entry) = spenders.iter_mut().find(|entry| &entry.spender == spender) else {
			// Purged just now: its deposit is back.
			Self::store_spenders(staker, spenders);
			return Ok(());
		};
		ensure!(entry.removed_in.is_none(), Error::<T>::SpenderAlreadyRemoved);
		entry.removed_in = Some(epoch.index);
		Self::store_spenders(staker, spenders);
		Self::deposit_event(Event::SpenderRemoved {
			staker: staker.clone(),
			spender: spender.clone(),
			epoch: epoch.index,
		});
		Ok(())
	}

	fn store_spenders(staker: &T::AccountId, spenders: SpendersOf<T>) {
		if spenders.is_empty() {
			Spenders::<T>::remove(staker);
		} else {
			Spenders::<T>::insert(staker, spenders);
		}
	}

	// ---- operators ----

	pub(crate) fn do_register_operator(
		who: &T::AccountId,
		metadata: alloc::vec::Vec<u8>,
		redeem_key: T::AccountId,
	) -> DispatchResult {
		ensure!(!Operators::<T>::contains_key(who), Error::<T>::AlreadyRegistered);
		Self::ensure_free_redeem_key(who, &redeem_key)?;
		// A redeem key cannot also be an operator (it would redeem for two).
		ensure!(!RedeemKeys::<T>::contains_key(who), Error::<T>::RedeemKeyInUse);
		let metadata: BoundedVec<u8, T::MaxMetadataLen> =
			metadata.try_into().map_err(|_| Error::<T>::MetadataTooLong)?;
		let bond = T::OperatorBond::get();
		T::Currency::hold(&HoldReason::OperatorBond.into(), who, bond)
			.map_err(|_| Error::<T>::InsufficientBalance)?;
		RedeemKeys::<T>::insert(&redeem_key, who);
		Operators::<T>::insert(
			who,
			OperatorInfoOf::<T> {
				bond,
				redeem_key: redeem_key.clone(),
				metadata,
				status: OperatorStatus::Pending,
			},
		);
		Self::deposit_event(Event::OperatorRegistered { operator: who.clone(), redeem_key });
		Ok(())
	}

	pub(crate) fn do_approve_operator(
		operator: &T::AccountId,
		capacity_per_epoch: Balance,
	) -> DispatchResult {
		let since = Self::current_epoch()?.index;
		Operators::<T>::try_mutate(operator, |info| {
			let info = info.as_mut().ok_or(Error::<T>::NotAnOperator)?;
			ensure!(
				!matches!(info.status, OperatorStatus::Leaving { .. }),
				Error::<T>::OperatorLeaving
			);
			info.status = OperatorStatus::Approved { capacity_per_epoch, since };
			Ok::<_, DispatchError>(())
		})?;
		Self::deposit_event(Event::OperatorApproved {
			operator: operator.clone(),
			capacity_per_epoch,
		});
		Ok(())
	}

	/// A redeem key must be no operator's key and no operator account.
	/// A redeem key must be a hot key of its own: neither the operator's account (whose bond it
	/// would expose), nor another operator, nor another operator's key.
	fn ensure_free_redeem_key(
		operator: &T::AccountId,
		redeem_key: &T::AccountId,
	) -> DispatchResult {
		ensure!(redeem_key != operator, Error::<T>::RedeemKeyIsOperatorAccount);
		ensure!(
			!RedeemKeys::<T>::contains_key(redeem_key) && !Operators::<T>::contains_key(redeem_key),
			Error::<T>::RedeemKeyInUse
		);
		Ok(())
	}

	pub(crate) fn do_set_redeem_key(
		who: &T::AccountId,
		redeem_key: T::AccountId,
	) -> DispatchResult {
		Self::ensure_free_redeem_key(who, &redeem_key)?;
		Operators::<T>::try_mutate(who, |info| {
			let info = info.as_mut().ok_or(Error::<T>::NotAnOperator)?;
			ensure!(
				!matches!(info.status, OperatorStatus::Leaving { .. }),
				Error::<T>::OperatorLeaving
			);
			RedeemKeys::<T>::remove(&info.redeem_key);
			RedeemKeys::<T>::insert(&redeem_key, who);
			info.redeem_key = redeem_key.clone();
			Ok::<_, DispatchError>(())
		})?;
		Self::deposit_event(Event::RedeemKeyChanged { operator: who.clone(), redeem_key });
		Ok(())
	}

	pub(crate) fn do_unregister_operator(who: &T::AccountId) -> DispatchResult {
		let epoch = Self::current_epoch()?;
		Operators::<T>::try_mutate(who, |info| {
			let info = info.as_mut().ok_or(Error::<T>::NotAnOperator)?;
			ensure!(
				!matches!(info.status, OperatorStatus::Leaving { .. }),
				Error::<T>::OperatorLeaving
			);
			info.status = OperatorStatus::Leaving { since: epoch.index };
			RedeemKeys::<T>::remove(&info.redeem_key);
			Ok::<_, DispatchError>(())
		})?;
		Self::deposit_event(Event::OperatorLeaving {
			operator: who.clone(),
			bond_release_epoch: Self::claims_open_at(epoch.index),
		});
		Ok(())
	}

	pub(crate) fn do_release_bond(who: &T::AccountId) -> DispatchResult {
		let epoch = Self::current_epoch()?;
		let info = Operators::<T>::get(who).ok_or(Error::<T>::NotAnOperator)?;
		let OperatorStatus::Leaving { since } = info.status else {
			return Err(Error::<T>::NotLeaving.into());
		};
		ensure!(epoch.index >= Self::claims_open_at(since), Error::<T>::BondStillLocked);
		T::Currency::release(&HoldReason::OperatorBond.into(), who, info.bond, Precision::Exact)?;
		Operators::<T>::remove(who);
		Self::deposit_event(Event::OperatorRemoved { operator: who.clone(), bond: info.bond });
		Ok(())
	}

	pub(crate) fn do_slash_operator(operator: &T::AccountId, amount: Balance) -> DispatchResult {
		let epoch = Self::current_epoch()?;
		let mut info = Operators::<T>::get(operator).ok_or(Error::<T>::NotAnOperator)?;
		let slashed = amount.min(info.bond);
		ensure!(!slashed.is_zero(), Error::<T>::ZeroAmount);
		T::Currency::transfer_on_hold(
			&HoldReason::OperatorBond.into(),
			operator,
			&T::RewardPool::get(),
			slashed,
			Precision::Exact,
			Restriction::Free,
			Fortitude::Force,
		)?;
		info.bond = info.bond.saturating_sub(slashed);
		Operators::<T>::insert(operator, info);
		Rewards::<T>::mutate(epoch.index, |rewards| {
			rewards.slashed = rewards.slashed.saturating_add(slashed)
		});
		TotalPoolReceived::<T>::mutate(|total| *total = total.saturating_add(slashed));
		Self::deposit_event(Event::OperatorSlashed {
			operator: operator.clone(),
			amount: slashed,
			epoch: epoch.index,
		});
		Ok(())
	}

	pub(crate) fn do_void_operator_epoch(
		operator: &T::AccountId,
		epoch: EpochIndex,
	) -> DispatchResult {
		let current = Self::current_epoch()?.index;
		ensure!(
			epoch <= current && current < Self::claims_open_at(epoch),
			Error::<T>::NotDisputable
		);
		let credits = OperatorEpochs::<T>::try_mutate(epoch, operator, |entry| {
			let entry = entry.as_mut().ok_or(Error::<T>::NothingRedeemed)?;
			ensure!(!entry.voided, Error::<T>::AlreadyVoided);
			entry.voided = true;
			Ok::<_, DispatchError>(entry.redeemed)
		})?;
		Rewards::<T>::mutate(epoch, |rewards| {
			rewards.voided_credits = rewards.voided_credits.saturating_add(credits)
		});
		Self::deposit_event(Event::OperatorEpochVoided {
			operator: operator.clone(),
			epoch,
			credits,
		});
		Ok(())
	}

	/// HASH held from `who` for `reason`.
	pub(crate) fn hash_held(who: &T::AccountId, reason: HoldReason) -> Balance {
		T::Currency::balance_on_hold(&reason.into(), who)
	}

	/// DIEM held from `who` for credits.
	pub(crate) fn diem_held(who: &T::AccountId) -> Balance {
		T::Diem::balance_on_hold(&HoldReason::CreditStake.into(), who)
	}

	/// Pays `reward` HASH from the pool.
	pub(crate) fn pay_from_pool(to: &T::AccountId, reward: Balance) -> DispatchResult {
		if reward.is_zero() {
			return Ok(());
		}
		T::Currency::transfer(&T::RewardPool::get(), to, reward, Preservation::Preserve)?;
		TotalRewardsPaid::<T>::mutate(|total| *total = total.saturating_add(reward));
		Ok(())
	}

	/// `a · b / c`, rounded down (zero if `c` is zero).
	pub(crate) fn mul_div(a: Balance, b: Balance, c: Balance) -> Balance {
		polkadot_sdk::sp_runtime::helpers_128bit::multiply_by_rational_with_rounding(
			a,
			b,
			c,
			polkadot_sdk::sp_runtime::Rounding::Down,
		)
		.unwrap_or_default()
	}
}
