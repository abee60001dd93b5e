//! The pallet's invariants (see the crate docs), checked by `try_state` and after every test.

use crate::{asset, pallet::*, OperatorStatus};
use diem_primitives::Balance;
use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	sp_runtime::{traits::Zero, TryRuntimeError},
};

/// Σ `values`, or an error if it overflows (a sum that does not fit is itself a broken state).
fn sum(values: impl IntoIterator<Item = Balance>) -> Result<Balance, TryRuntimeError> {
	values
		.into_iter()
		.try_fold(Balance::zero(), |total, value| total.checked_add(value))
		.ok_or_else(|| "a sum of balances overflows".into())
}

impl<T: Config> Pallet<T> {
	/// The invariants of the pallet docs.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_credit_stakes()?;
		Self::check_usage()?;
		Self::check_redeemable_epochs()?;
		Self::check_operators()?;
		Self::check_recent_slashes()?;
		Self::check_spender_deposits()?;
		Self::check_reward_pool()
	}

	/// Slash records belong to registered operators and are in order, one per epoch.
	fn check_recent_slashes() -> Result<(), TryRuntimeError> {
		for (operator, epochs) in RecentSlashes::<T>::iter() {
			ensure!(Operators::<T>::contains_key(&operator), "slashes kept for a removed operator");
			ensure!(
				epochs.windows(2).all(|pair| pair.first() < pair.get(1)),
				"an operator's slash epochs are not increasing"
			);
		}
		Ok(())
	}

	/// Holds match the stakes, the totals match Σ stakes, and no stake is below the minimum.
	fn check_credit_stakes() -> Result<(), TryRuntimeError> {
		let (mut staked, mut unlocking) = (Balance::zero(), Balance::zero());
		for (who, stake) in CreditStakes::<T>::iter() {
			let chunks = sum(stake.unlocking.iter().map(|chunk| chunk.amount))?;
			let held =
				chunks.checked_add(stake.staked).ok_or("a credit stake's held amount overflows")?;
			ensure!(
				asset::diem_held::<T>(&who) == held,
				"DIEM held for credits differs from the account's stake and unlocking"
			);
			ensure!(
				stake.staked.is_zero() || stake.staked >= T::MinCreditStake::get(),
				"a credit stake is below the minimum"
			);
			staked = sum([staked, stake.staked])?;
			unlocking = sum([unlocking, chunks])?;
		}
		ensure!(staked == TotalCreditStaked::<T>::get(), "TotalCreditStaked differs from Σ stakes");
		ensure!(unlocking == TotalUnlocking::<T>::get(), "TotalUnlocking differs from Σ chunks");
		Ok(())
	}

	/// Each usage record adds up, stays within the payer's allowance (redeemable epochs) and
	/// within its spenders' caps.
	fn check_usage() -> Result<(), TryRuntimeError> {
		let current = CurrentEpoch::<T>::get().map(|e| e.index);
		for (epoch, payer, record) in Usage::<T>::iter() {
			let counted = sum(record.counters.iter().map(|counter| counter.redeemed))?;
			ensure!(counted == record.used, "a usage record's counters differ from its total");
			if current.is_some_and(|current| epoch.saturating_add(1) >= current) {
				let allowance = Self::allowance_of(&payer, epoch);
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
		Ok(())
	}

	/// In the two redeemable epochs: operators within their capacity, and the three tallies of
	/// the epoch's credits agree.
	fn check_redeemable_epochs() -> Result<(), TryRuntimeError> {
		let Some(current) = CurrentEpoch::<T>::get().map(|e| e.index) else { return Ok(()) };
		for epoch in current.saturating_sub(1)..=current {
			for (operator, info) in Operators::<T>::iter() {
				// An approval (or a re-approval with a new capacity) binds from the epoch after it.
				if let OperatorStatus::Approved { capacity_per_epoch, since } = info.status {
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
			let used = sum(Usage::<T>::iter_prefix_values(epoch).map(|record| record.used))?;
			let redeemed =
				sum(OperatorEpochs::<T>::iter_prefix_values(epoch).map(|entry| entry.redeemed))?;
			let credits = Rewards::<T>::get(epoch).credits;
			ensure!(used == credits, "Σ payers' usage of an epoch differs from its reward credits");
			ensure!(redeemed == credits, "Σ operators' redeemed differs from the epoch's credits");
		}
		Ok(())
	}

	/// Redeem keys and operators point at each other; bonds are held as recorded.
	fn check_operators() -> Result<(), TryRuntimeError> {
		for (key, operator) in RedeemKeys::<T>::iter() {
			let info = Operators::<T>::get(&operator).ok_or("a redeem key of no operator")?;
			ensure!(info.redeem_key == key, "a redeem key points at an operator with another key");
			ensure!(
				!matches!(info.status, OperatorStatus::Leaving { .. }),
				"a leaving operator kept its redeem key"
			);
		}
		for (operator, info) in Operators::<T>::iter() {
			ensure!(
				asset::hash_held::<T>(&operator, HoldReason::OperatorBond) == info.bond,
				"an operator's held bond differs from its record"
			);
			ensure!(
				matches!(info.status, OperatorStatus::Leaving { .. })
					|| RedeemKeys::<T>::get(&info.redeem_key).as_ref() == Some(&operator),
				"an active operator's redeem key does not point at it"
			);
		}
		Ok(())
	}

	fn check_spender_deposits() -> Result<(), TryRuntimeError> {
		for (staker, spenders) in Spenders::<T>::iter() {
			let deposits = sum(spenders.iter().map(|entry| entry.deposit))?;
			ensure!(
				asset::hash_held::<T>(&staker, HoldReason::SpenderDeposit) == deposits,
				"spender deposits held differ from the entries"
			);
		}
		Ok(())
	}

	/// Nothing paid beyond what was received or payable, and the pool can pay what it owes.
	fn check_reward_pool() -> Result<(), TryRuntimeError> {
		let mut owed = CarriedPool::<T>::get();
		for (_, rewards) in Rewards::<T>::iter() {
			ensure!(rewards.voided_credits <= rewards.credits, "more credits voided than redeemed");
			let outstanding = match rewards.settlement {
				Some(settlement) => {
					ensure!(
						settlement.claimed <= settlement.payable,
						"an epoch paid more than payable"
					);
					settlement.payable.saturating_sub(settlement.claimed)
				}
				None => rewards
					.accrued
					.checked_add(rewards.slashed)
					.ok_or("an epoch's pool income overflows")?,
			};
			owed = sum([owed, outstanding])?;
		}
		ensure!(
			TotalRewardsPaid::<T>::get() <= TotalPoolReceived::<T>::get(),
			"operators were paid more than the pool received"
		);
		// The pool account can pay every open claim, what it carries, and the income recorded
		// for epochs not yet settled. A bound, not an equality: anyone may pay into the pool.
		ensure!(
			asset::pool_spendable::<T>() >= owed,
			"the reward pool cannot pay what is claimable and carried"
		);
		Ok(())
	}
}
