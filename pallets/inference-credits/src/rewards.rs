//! Operator rewards (settlement, claims, expiry), the per-block pruning of expired epochs, the
//! runtime-API views and the invariants.

use crate::{
	pallet::*, weights::WeightInfo, CreditState, EpochAllowance, EpochClock, OperatorEpochState,
	OperatorState, Settlement, SpenderState,
};
use alloc::vec::Vec;
use diem_primitives::{
	voucher::{EpochIndex, PayloadWrapping, VoucherTerms},
	Balance,
};
use polkadot_sdk::{
	frame_support::{ensure, traits::Get, weights::Weight},
	frame_system,
	sp_runtime::{traits::Zero, DispatchResult},
};

/// Base units of one credit (one DIEM staked for an epoch).
const CREDIT_UNIT: Balance = diem_primitives::diem::UNIT;

impl<T: Config> Pallet<T> {
	/// Settles the oldest unsettled epoch if its claims open now.
	pub(crate) fn settle_due_epoch() -> Weight {
		let idle = T::DbWeight::get().reads(2);
		let Some(current) = CurrentEpoch::<T>::get() else { return idle };
		let epoch = NextToSettle::<T>::get();
		if Self::claims_open_at(epoch) > current.index {
			return idle;
		}
		let mut rewards = Rewards::<T>::get(epoch);
		let pool =
			rewards.accrued.saturating_add(rewards.slashed).saturating_add(CarriedPool::<T>::get());
		let eligible = rewards.credits.saturating_sub(rewards.voided_credits);
		let cap = Self::mul_div(eligible, T::MaxRewardPerCredit::get(), CREDIT_UNIT);
		let payable = pool.min(cap);
		let carried = pool.saturating_sub(payable);
		CarriedPool::<T>::put(carried);
		if rewards.credits.is_zero() {
			// Nothing to claim: the record is not needed.
			Rewards::<T>::remove(epoch);
		} else {
			rewards.settlement = Some(Settlement { eligible, payable, claimed: 0 });
			Rewards::<T>::insert(epoch, rewards);
		}
		NextToSettle::<T>::put(epoch.saturating_add(1));
		Self::deposit_event(Event::EpochSettled { epoch, eligible, payable, carried });
		T::WeightInfo::settle_epoch()
	}

	/// Closes the claims of the oldest settled epoch once its claim period is over; what was
	/// not claimed joins the next epoch settled.
	pub(crate) fn expire_due_epoch() -> Weight {
		let idle = T::DbWeight::get().reads(3);
		let Some(current) = CurrentEpoch::<T>::get() else { return idle };
		let epoch = NextToExpire::<T>::get();
		let closes_at = Self::claims_open_at(epoch).saturating_add(T::ClaimEpochs::get());
		if epoch >= NextToSettle::<T>::get() || closes_at > current.index {
			return idle;
		}
		let unclaimed = Rewards::<T>::take(epoch)
			.settlement
			.map(|s| s.payable.saturating_sub(s.claimed))
			.unwrap_or_default();
		if !unclaimed.is_zero() {
			CarriedPool::<T>::mutate(|carried| *carried = carried.saturating_add(unclaimed));
		}
		NextToExpire::<T>::put(epoch.saturating_add(1));
		Self::deposit_event(Event::EpochExpired { epoch, unclaimed });
		T::WeightInfo::expire_epoch()
	}

	/// Removes up to `PruneBudget` records: usage records of the oldest epoch whose redemption
	/// window has closed, or else operator-epoch records of the oldest expired epoch. A limited
	/// `clear_prefix` goes on from what earlier blocks removed (their removals are committed), so
	/// no cursor is kept; it runs once per block.
	pub(crate) fn prune_expired() -> Weight {
		let idle = T::DbWeight::get().reads(4);
		let budget = T::PruneBudget::get();
		let current = CurrentEpoch::<T>::get().map(|epoch| epoch.index);
		let usage_epoch = NextUsageToPrune::<T>::get();
		let result = if current.is_some_and(|current| usage_epoch.saturating_add(2) <= current) {
			let result = Usage::<T>::clear_prefix(usage_epoch, budget, None);
			if result.maybe_cursor.is_none() {
				NextUsageToPrune::<T>::put(usage_epoch.saturating_add(1));
			}
			result
		} else {
			let epoch = NextToPrune::<T>::get();
			if epoch >= NextToExpire::<T>::get() {
				return idle;
			}
			let result = OperatorEpochs::<T>::clear_prefix(epoch, budget, None);
			if result.maybe_cursor.is_none() {
				NextToPrune::<T>::put(epoch.saturating_add(1));
			}
			result
		};
		T::WeightInfo::prune(result.loops.min(budget))
	}

	/// The reward `operator` may claim for `epoch` now (zero if none or not open).
	pub(crate) fn claimable(operator: &T::AccountId, epoch: EpochIndex) -> Balance {
		if epoch < NextToExpire::<T>::get() {
			return 0;
		}
		let Some(settlement) = Rewards::<T>::get(epoch).settlement else { return 0 };
		match OperatorEpochs::<T>::get(epoch, operator) {
			Some(entry) if !entry.voided => {
				Self::mul_div(entry.redeemed, settlement.payable, settlement.eligible)
			}
			_ => 0,
		}
	}

	pub(crate) fn do_claim(operator: &T::AccountId, epoch: EpochIndex) -> DispatchResult {
		ensure!(epoch >= NextToExpire::<T>::get(), Error::<T>::ClaimsClosed);
		let mut rewards = Rewards::<T>::get(epoch);
		let mut settlement = rewards.settlement.ok_or(Error::<T>::ClaimsNotOpen)?;
		let entry = OperatorEpochs::<T>::get(epoch, operator).ok_or(Error::<T>::NothingRedeemed)?;
		ensure!(!entry.voided, Error::<T>::EpochVoided);
		let reward = Self::mul_div(entry.redeemed, settlement.payable, settlement.eligible);
		Self::pay_from_pool(operator, reward)?;
		settlement.claimed = settlement.claimed.saturating_add(reward);
		rewards.settlement = Some(settlement);
		Rewards::<T>::insert(epoch, rewards);
		OperatorEpochs::<T>::remove(epoch, operator);
		Self::deposit_event(Event::RewardClaimed { operator: operator.clone(), epoch, reward });
		Ok(())
	}

	// ---- runtime-API views ----

	/// The epoch clock.
	pub fn epoch_clock() -> Option<EpochClock> {
		let current = CurrentEpoch::<T>::get()?;
		Some(EpochClock {
			current,
			next_start: current.end(),
			next_length: PendingEpochLength::<T>::get().unwrap_or(current.length),
		})
	}

	/// `who`'s credits in the current epoch.
	pub fn credit_state(who: &T::AccountId) -> Option<CreditState<T::AccountId>> {
		let epoch = CurrentEpoch::<T>::get()?.index;
		let stake = CreditStakes::<T>::get(who);
		let spenders = Spenders::<T>::get(who);
		if stake.is_none() && spenders.is_empty() {
			return None;
		}
		let usage = Usage::<T>::get(epoch, who);
		// The same allowance `redeem` applies to a voucher of that epoch.
		let allowance_in = |e| stake.as_ref().map(|s| s.allowance_in(e)).unwrap_or_default();
		let allowance = allowance_in(epoch);
		let previous = epoch.checked_sub(1).map(|e| {
			let (allowance, used) = (allowance_in(e), Usage::<T>::get(e, who).used);
			EpochAllowance { epoch: e, allowance, used, remaining: allowance.saturating_sub(used) }
		});
		Some(CreditState {
			epoch,
			staked: stake.as_ref().map(|s| s.staked).unwrap_or_default(),
			allowance,
			used: usage.used,
			remaining: allowance.saturating_sub(usage.used),
			previous,
			unlocking: stake.map(|s| s.unlocking.into_inner()).unwrap_or_default(),
			spenders: spenders
				.into_iter()
				.map(|entry| SpenderState {
					used: usage.used_by(&entry.spender),
					spender: entry.spender,
					cap_per_epoch: entry.cap_per_epoch,
					removed_in: entry.removed_in,
				})
				.collect(),
		})
	}

	/// `operator`'s registration and its epochs still on record.
	pub fn operator_state(operator: &T::AccountId) -> Option<OperatorState<T::AccountId>> {
		let info = Operators::<T>::get(operator)?;
		let current = CurrentEpoch::<T>::get().map(|e| e.index).unwrap_or_default();
		let first = NextToExpire::<T>::get();
		let epochs = (first..=current)
			.filter_map(|epoch| {
				OperatorEpochs::<T>::get(epoch, operator).map(|entry| OperatorEpochState {
					epoch,
					redeemed: entry.redeemed,
					voided: entry.voided,
					claimable: Self::claimable(operator, epoch),
				})
			})
			.collect();
		Some(OperatorState {
			bond: info.bond,
			redeem_key: info.redeem_key,
			metadata: info.metadata.into_inner(),
			status: info.status,
			epochs,
		})
	}

	/// The exact bytes a voucher's signer signs on this chain.
	pub fn voucher_signing_bytes(terms: VoucherTerms, wrapping: PayloadWrapping) -> Vec<u8> {
		let genesis_hash = frame_system::Pallet::<T>::block_hash(
			polkadot_sdk::frame_system::pallet_prelude::BlockNumberFor::<T>::zero(),
		);
		terms.payload(genesis_hash).signing_bytes(wrapping)
	}

	// ---- invariants ----

	/// The invariants of the pallet docs.
	#[cfg(any(test, feature = "try-runtime", feature = "std"))]
	pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
		use polkadot_sdk::frame_support::traits::fungible::Inspect as _;
		let (mut staked, mut unlocking) = (Balance::zero(), Balance::zero());
		for (who, stake) in CreditStakes::<T>::iter() {
			staked = staked.saturating_add(stake.staked);
			unlocking = unlocking.saturating_add(stake.held().saturating_sub(stake.staked));
			ensure!(
				Self::diem_held(&who) == stake.held(),
				"DIEM held for credits differs from the account's stake and unlocking"
			);
			ensure!(
				stake.staked.is_zero() || stake.staked >= T::MinCreditStake::get(),
				"a credit stake is below the minimum"
			);
		}
		ensure!(staked == TotalCreditStaked::<T>::get(), "TotalCreditStaked differs from Σ stakes");
		ensure!(unlocking == TotalUnlocking::<T>::get(), "TotalUnlocking differs from Σ chunks");

		let current = CurrentEpoch::<T>::get().map(|e| e.index);
		for (epoch, payer, record) in Usage::<T>::iter() {
			let counted =
				record.counters.iter().fold(0, |s: Balance, c| s.saturating_add(c.redeemed));
			ensure!(counted == record.used, "a usage record's counters differ from its total");
			if current.is_some_and(|current| epoch.saturating_add(1) >= current) {
				let allowance = CreditStakes::<T>::get(&payer)
					.map(|stake| stake.allowance_in(epoch))
					.unwrap_or_default();
				ensure!(record.used <= allowance, "a payer used more than its allowance");
			}
			// A cap bounds the usage of the epochs after it was set (a lowered cap does not
			// undo what was redeemed under the old one).
			for entry in Spenders::<T>::get(&payer) {
				ensure!(
					epoch <= entry.since || record.used_by(&entry.spender) <= entry.cap_per_epoch,
					"a spender used more than its cap"
				);
			}
		}
		// The epochs still redeemable: the current one and the one before it.
		let redeemable = current.map(|current| current.saturating_sub(1)..=current);
		for epoch in redeemable.into_iter().flatten() {
			for (operator, info) in Operators::<T>::iter() {
				// An approval (or a re-approval with a new capacity) binds from the epoch after it.
				if let crate::OperatorStatus::Approved { capacity_per_epoch, since } = info.status {
					let entry =
						OperatorEpochs::<T>::get(epoch, &operator).filter(|_| epoch > since);
					if let Some(entry) = entry {
						ensure!(
							entry.redeemed <= capacity_per_epoch,
							"an operator redeemed more than its capacity"
						);
					}
				}
			}
			// Nothing of a redeemable epoch is pruned or claimed yet, so its three tallies agree.
			let used = Usage::<T>::iter_prefix_values(epoch)
				.fold(Balance::zero(), |sum, record| sum.saturating_add(record.used));
			let redeemed = OperatorEpochs::<T>::iter_prefix_values(epoch)
				.fold(Balance::zero(), |sum, entry| sum.saturating_add(entry.redeemed));
			let credits = Rewards::<T>::get(epoch).credits;
			ensure!(used == credits, "Σ payers' usage of an epoch differs from its reward credits");
			ensure!(redeemed == credits, "Σ operators' redeemed differs from the epoch's credits");
		}
		for (key, operator) in RedeemKeys::<T>::iter() {
			let info = Operators::<T>::get(&operator).ok_or("a redeem key of no operator")?;
			ensure!(info.redeem_key == key, "a redeem key points at an operator with another key");
			ensure!(
				!matches!(info.status, crate::OperatorStatus::Leaving { .. }),
				"a leaving operator kept its redeem key"
			);
		}
		for (operator, info) in Operators::<T>::iter() {
			ensure!(
				Self::hash_held(&operator, HoldReason::OperatorBond) == info.bond,
				"an operator's held bond differs from its record"
			);
			ensure!(
				matches!(info.status, crate::OperatorStatus::Leaving { .. })
					|| RedeemKeys::<T>::get(&info.redeem_key).as_ref() == Some(&operator),
				"an active operator's redeem key does not point at it"
			);
		}
		for (staker, spenders) in Spenders::<T>::iter() {
			let deposits = spenders.iter().fold(0, |s: Balance, e| s.saturating_add(e.deposit));
			ensure!(
				Self::hash_held(&staker, HoldReason::SpenderDeposit) == deposits,
				"spender deposits held differ from the entries"
			);
		}
		for (_, rewards) in Rewards::<T>::iter() {
			ensure!(rewards.voided_credits <= rewards.credits, "more credits voided than redeemed");
			if let Some(settlement) = rewards.settlement {
				ensure!(
					settlement.claimed <= settlement.payable,
					"an epoch paid more than payable"
				);
			}
		}
		ensure!(
			TotalRewardsPaid::<T>::get() <= TotalPoolReceived::<T>::get(),
			"operators were paid more than the pool received"
		);
		// The pool account can pay every open claim, what it carries, and the income recorded
		// for epochs not yet settled. A bound, not an equality: anyone may pay into the pool.
		let mut owed = CarriedPool::<T>::get();
		for (_, rewards) in Rewards::<T>::iter() {
			let outstanding = match rewards.settlement {
				Some(settlement) => settlement.payable.saturating_sub(settlement.claimed),
				None => rewards.accrued.saturating_add(rewards.slashed),
			};
			owed = owed.saturating_add(outstanding);
		}
		let pool = T::Currency::balance(&T::RewardPool::get())
			.saturating_sub(T::Currency::minimum_balance());
		ensure!(pool >= owed, "the reward pool cannot pay what is claimable and carried");
		Ok(())
	}
}
