//! Per-block pruning: usage records go once their epoch's redemption window has closed,
//! operator-epoch records once their epoch's claims have closed, at most `PruneBudget` a block.

use crate::{pallet::*, weights::WeightInfo};
use polkadot_sdk::frame_support::{traits::Get, weights::Weight};

impl<T: Config> Pallet<T> {
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
}
