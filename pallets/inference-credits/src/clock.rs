//! The epoch clock: epochs of `pallet-timestamp` time counted from the Unix epoch, advanced by
//! `OnTimestampSet`; each epoch that ends records the reward pool's income during it.

use crate::{pallet::*, EpochInfo, Moment};
use diem_primitives::{voucher::EpochIndex, RewardPoolAccrual};
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{DefensiveSaturating, Get, UnixTime},
	},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::{traits::Zero, DispatchError, DispatchResult},
};

impl<T: Config> Pallet<T> {
	/// Starts the clock at the first timestamp, then moves it across boundaries: O(1) however
	/// many epochs passed.
	pub(crate) fn advance_clock(now: Moment) {
		let Some(epoch) = CurrentEpoch::<T>::get() else {
			Self::start_clock(now);
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
		Self::record_epoch_income(epoch.index);
		CurrentEpoch::<T>::put(next);
		Self::deposit_epoch_started(next);
	}

	fn start_clock(now: Moment) {
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
		Self::deposit_epoch_started(epoch);
	}

	/// Books what the pool's accrual counter gained since `ending` began as `ending`'s income.
	/// The counter only grows and HASH issuance bounds it, so the arithmetic cannot fail; a
	/// hook cannot refuse, so a broken assumption is reported (`defensive`) and clamped.
	fn record_epoch_income(ending: EpochIndex) {
		let accrued_now = T::PoolAccrual::total_accrued();
		let income = accrued_now.defensive_saturating_sub(PoolAtEpochStart::<T>::get());
		if !income.is_zero() {
			Rewards::<T>::mutate(ending, |rewards| {
				rewards.accrued.defensive_saturating_accrue(income)
			});
			TotalPoolReceived::<T>::mutate(|total| total.defensive_saturating_accrue(income));
		}
		PoolAtEpochStart::<T>::put(accrued_now);
	}

	fn deposit_epoch_started(epoch: EpochInfo) {
		Self::deposit_event(Event::EpochStarted {
			index: epoch.index,
			start: epoch.start,
			length: epoch.length,
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

	pub(crate) fn do_set_epoch_length(length: Moment) -> DispatchResult {
		Self::ensure_valid_epoch_length(length)?;
		PendingEpochLength::<T>::put(length);
		Self::deposit_event(Event::EpochLengthScheduled { length });
		Ok(())
	}

	/// The epoch after which claims for `epoch` open: its redemption window (it and the next)
	/// and the dispute delay.
	pub(crate) fn claims_open_at(epoch: EpochIndex) -> EpochIndex {
		epoch.saturating_add(2).saturating_add(T::DisputeEpochs::get())
	}

	/// The chain's genesis hash, which every voucher signs (so it is valid on this chain only).
	pub(crate) fn genesis_hash() -> T::Hash {
		frame_system::Pallet::<T>::block_hash(BlockNumberFor::<T>::zero())
	}
}
