//! Operator rewards: an epoch's pool is settled once its claims open, divided among its
//! eligible credits up to a cap per credit; operators claim their share until the claims close,
//! and what is not claimed carries to the next epoch settled.

use crate::{asset, pallet::*, weights::WeightInfo, Settlement};
use diem_primitives::{math, voucher::EpochIndex, Balance};
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{DefensiveSaturating, Get},
		weights::Weight,
	},
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
		// Sums of HASH the pool received: bounded by HASH issuance.
		let pool = rewards
			.accrued
			.defensive_saturating_add(rewards.slashed)
			.defensive_saturating_add(CarriedPool::<T>::get());
		let eligible = rewards.credits.defensive_saturating_sub(rewards.voided_credits);
		// A cap beyond `Balance` caps nothing.
		let cap = math::mul_div(eligible, T::MaxRewardPerCredit::get(), CREDIT_UNIT)
			.unwrap_or(Balance::MAX);
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
			.map(|s| s.payable.defensive_saturating_sub(s.claimed))
			.unwrap_or_default();
		if !unclaimed.is_zero() {
			CarriedPool::<T>::mutate(|carried| carried.defensive_saturating_accrue(unclaimed));
		}
		NextToExpire::<T>::put(epoch.saturating_add(1));
		Self::deposit_event(Event::EpochExpired { epoch, unclaimed });
		T::WeightInfo::expire_epoch()
	}

	/// The reward `operator` may claim for `epoch` now (zero if none or not open).
	pub(crate) fn claimable(operator: &T::AccountId, epoch: EpochIndex) -> Balance {
		if epoch < NextToExpire::<T>::get() {
			return 0;
		}
		let Some(settlement) = Rewards::<T>::get(epoch).settlement else { return 0 };
		match OperatorEpochs::<T>::get(epoch, operator) {
			Some(entry) if !entry.voided => Self::share(entry.redeemed, &settlement),
			_ => 0,
		}
	}

	/// What `redeemed` eligible credits earn of a settled epoch: at most `payable`, since no
	/// operator's credits exceed the epoch's eligible ones.
	fn share(redeemed: Balance, settlement: &Settlement) -> Balance {
		math::mul_div(redeemed, settlement.payable, settlement.eligible).unwrap_or_default()
	}

	pub(crate) fn do_claim(operator: &T::AccountId, epoch: EpochIndex) -> DispatchResult {
		ensure!(epoch >= NextToExpire::<T>::get(), Error::<T>::ClaimsClosed);
		let mut rewards = Rewards::<T>::get(epoch);
		let mut settlement = rewards.settlement.ok_or(Error::<T>::ClaimsNotOpen)?;
		let entry = OperatorEpochs::<T>::get(epoch, operator).ok_or(Error::<T>::NothingRedeemed)?;
		ensure!(!entry.voided, Error::<T>::EpochVoided);
		let reward = Self::share(entry.redeemed, &settlement);
		asset::pay_from_pool::<T>(operator, reward)?;
		math::add_to(&mut settlement.claimed, reward)?;
		rewards.settlement = Some(settlement);
		Rewards::<T>::insert(epoch, rewards);
		OperatorEpochs::<T>::remove(epoch, operator);
		Self::deposit_event(Event::RewardClaimed { operator: operator.clone(), epoch, reward });
		Ok(())
	}
}
