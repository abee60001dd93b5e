//! Per-block pruning: once an epoch can no longer be redeemed (the epoch after it has ended),
//! the listings and leases that end in it go, then its per-account lease records, at most
//! `PruneBudget` removals a block.

use crate::{pallet::*, weights::WeightInfo};
use diem_primitives::market::CreditAllowance;
use polkadot_sdk::frame_support::{traits::Get, weights::Weight};

impl<T: Config> Pallet<T> {
	/// Removes up to `PruneBudget` records of the oldest epoch that can no longer be redeemed.
	pub(crate) fn prune_expired() -> Weight {
		// Most blocks find nothing due: the epoch and the cursor are all they read.
		let idle = T::DbWeight::get().reads_writes(2, 1);
		let Some(current) = T::Credits::current_epoch() else { return idle };
		// Nothing can be on record before the first epoch this pallet saw.
		let Some(epoch) = NextToPrune::<T>::get() else {
			NextToPrune::<T>::put(current.saturating_sub(1));
			return idle;
		};
		// Vouchers of the previous epoch are still redeemed: its records stay.
		if epoch.saturating_add(2) > current {
			return idle;
		}
		let budget = T::PruneBudget::get();
		let mut removed = 0u32;
		let ids: alloc::vec::Vec<_> = Expiring::<T>::iter_key_prefix(epoch)
			.take(usize::try_from(budget).unwrap_or(usize::MAX))
			.collect();
		for id in ids {
			Expiring::<T>::remove(epoch, id);
			if let Some(listing) = Listings::<T>::take(id) {
				Self::unindex_lease(&listing.lister, id);
			}
			if let Some(lease) = Leases::<T>::take(id) {
				Self::unindex_lease(&lease.lister, id);
				Self::unindex_lease(&lease.beneficiary, id);
			}
			Self::deposit_event(Event::LeaseExpired { id });
			removed = removed.saturating_add(1);
		}
		if removed < budget {
			let result =
				EpochLeasesOf::<T>::clear_prefix(epoch, budget.saturating_sub(removed), None);
			removed = removed.saturating_add(result.loops);
			if result.maybe_cursor.is_none() {
				NextToPrune::<T>::put(epoch.saturating_add(1));
			}
		}
		T::WeightInfo::prune(removed.min(budget))
	}
}
