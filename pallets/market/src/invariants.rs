//! The pallet's invariants (see the crate docs), checked by `try_state` and after every test.

use crate::{asset, pallet::*};
use alloc::collections::BTreeMap;
use diem_primitives::{
	market::{CreditAllowance, EpochLeases},
	voucher::EpochIndex,
	Balance,
};
use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	sp_runtime::TryRuntimeError,
};

fn add(total: &mut Balance, amount: Balance) -> Result<(), TryRuntimeError> {
	*total = total.checked_add(amount).ok_or("a sum of credits overflows")?;
	Ok(())
}

impl<T: Config> Pallet<T> {
	/// The invariants of the pallet docs.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_offers()?;
		Self::check_indexes()?;
		Self::check_epoch_records()
	}

	/// Each operator's held deposit is Σ its offers' deposits; offers are unique and bounded.
	fn check_offers() -> Result<(), TryRuntimeError> {
		for (operator, offers) in Offers::<T>::iter() {
			ensure!(!offers.is_empty(), "an empty offer list is stored");
			let mut deposits: Balance = 0;
			for (index, offer) in offers.iter().enumerate() {
				add(&mut deposits, offer.deposit)?;
				ensure!(
					offers.iter().skip(index.saturating_add(1)).all(|other| {
						other.terms.model != offer.terms.model
							|| other.terms.unit != offer.terms.unit
					}),
					"an operator has two offers for one model and unit"
				);
			}
			ensure!(
				asset::offer_deposit_held::<T>(&operator) == deposits,
				"an operator's held offer deposit differs from its offers' deposits"
			);
		}
		Ok(())
	}

	/// Every listing and lease is indexed by each account it involves and by its last epoch,
	/// and the indexes name nothing else; every lease was paid its credits at its price.
	fn check_indexes() -> Result<(), TryRuntimeError> {
		let next = NextLeaseId::<T>::get();
		for (id, listing) in Listings::<T>::iter() {
			ensure!(id < next, "a listing id was never issued");
			ensure!(!Leases::<T>::contains_key(id), "an id is both a listing and a lease");
			ensure!(listing.credits_per_epoch > 0, "an empty listing is stored");
			ensure!(listing.first <= listing.last, "a listing's range is empty");
			ensure!(
				AccountLeases::<T>::get(&listing.lister).contains(&id),
				"a listing is missing from its lister's index"
			);
			ensure!(Expiring::<T>::contains_key(listing.last, id), "a listing never expires");
		}
		for (id, lease) in Leases::<T>::iter() {
			ensure!(id < next, "a lease id was never issued");
			ensure!(lease.first <= lease.last, "a lease's range is empty");
			ensure!(
				lease.first_credits <= lease.credits_per_epoch,
				"a lease's first epoch is over"
			);
			let price = lease
				.total_credits()
				.and_then(|credits| Self::price_of(credits, lease.price_per_credit));
			ensure!(price == Some(lease.paid), "a lease's payment is not its credits at its price");
			for who in [&lease.lister, &lease.beneficiary] {
				ensure!(
					AccountLeases::<T>::get(who).contains(&id),
					"a lease is missing from an account's index"
				);
			}
			ensure!(Expiring::<T>::contains_key(lease.last, id), "a lease never expires");
		}
		for (who, ids) in AccountLeases::<T>::iter() {
			ensure!(!ids.is_empty(), "an empty lease index is stored");
			for id in ids.iter() {
				let named = Listings::<T>::get(id).is_some_and(|listing| listing.lister == who)
					|| Leases::<T>::get(id).is_some_and(|lease| lease.involves(&who));
				ensure!(named, "an account's index names a listing or lease it is not part of");
			}
		}
		for (epoch, id, ()) in Expiring::<T>::iter() {
			let last = Listings::<T>::get(id)
				.map(|listing| listing.last)
				.or_else(|| Leases::<T>::get(id).map(|lease| lease.last));
			ensure!(last == Some(epoch), "the expiry index names the wrong epoch or nothing");
		}
		Ok(())
	}

	/// Σ lent = Σ borrowed in every epoch on record; from the current epoch on, the records are
	/// what the listings and leases say, and no lister committed more than its own allowance.
	fn check_epoch_records() -> Result<(), TryRuntimeError> {
		let mut balance: BTreeMap<EpochIndex, (Balance, Balance)> = BTreeMap::new();
		for (epoch, _, leases) in EpochLeasesOf::<T>::iter() {
			ensure!(!leases.is_empty(), "an empty lease record is stored");
			let entry = balance.entry(epoch).or_default();
			add(&mut entry.0, leases.lent)?;
			add(&mut entry.1, leases.borrowed)?;
		}
		ensure!(
			balance.values().all(|(lent, borrowed)| lent == borrowed),
			"credits lent and borrowed in an epoch differ"
		);
		let Some(current) = T::Credits::current_epoch() else { return Ok(()) };
		let mut expected: BTreeMap<(EpochIndex, T::AccountId), EpochLeases> = BTreeMap::new();
		let horizon = current.saturating_add(T::MaxLeaseEpochs::get());
		for (_, listing) in Listings::<T>::iter() {
			for epoch in listing.first.max(current)..=listing.last.min(horizon) {
				let entry = expected.entry((epoch, listing.lister.clone())).or_default();
				add(&mut entry.listed, listing.credits_per_epoch)?;
			}
		}
		for (_, lease) in Leases::<T>::iter() {
			for epoch in lease.first.max(current)..=lease.last.min(horizon) {
				let moved = lease.credits_in(epoch);
				add(&mut expected.entry((epoch, lease.lister.clone())).or_default().lent, moved)?;
				add(
					&mut expected.entry((epoch, lease.beneficiary.clone())).or_default().borrowed,
					moved,
				)?;
			}
		}
		for (epoch, who, leases) in EpochLeasesOf::<T>::iter() {
			if epoch < current {
				continue;
			}
			let want = expected.remove(&(epoch, who.clone())).unwrap_or_default();
			ensure!(leases == want, "an account's lease record differs from its leases");
			ensure!(
				leases.committed() <= T::Credits::own_allowance(&who, epoch),
				"a lister committed more credits than its own allowance"
			);
		}
		ensure!(
			expected.values().all(EpochLeases::is_empty),
			"a listing or lease is missing from the epoch records"
		);
		Ok(())
	}
}
