//! Credit leases: list allowance, take it (paying at once), cancel what was not taken; and the
//! per-epoch records inference credits applies to allowances.

use crate::{asset, pallet::*, weights::WeightInfo, Lease, LeaseId, Listing, PayIn};
use core::ops::RangeInclusive;
use diem_primitives::{
	market::{CreditAllowance, CreditLeases, EpochLeases, CREDIT},
	math,
	voucher::EpochIndex,
	Balance,
};
use polkadot_sdk::{
	frame_support::{dispatch::DispatchResultWithPostInfo, ensure, traits::Get},
	sp_runtime::{
		helpers_128bit::multiply_by_rational_with_rounding, traits::Zero, DispatchError,
		DispatchResult, Rounding,
	},
};

/// Epochs in a range (zero for an empty one).
fn epoch_count(range: &RangeInclusive<EpochIndex>) -> u32 {
	if range.is_empty() {
		0
	} else {
		range.end().saturating_sub(*range.start()).saturating_add(1)
	}
}

/// What taking `credits_per_epoch` of a listing in epoch `current` moves and costs.
pub(crate) struct TakeTerms {
	/// The lease's epochs: the listing's, from `current` on.
	pub epochs: RangeInclusive<EpochIndex>,
	/// Credits in the first of them (pro rata to the time left if it is `current`).
	pub first_credits: Balance,
	/// The price of all the lease's credits.
	pub paid: Balance,
}

impl<T: Config> Pallet<T> {
	/// The epochs, first-epoch credits and price of a take of `credits_per_epoch` now. Taken
	/// during its first epoch, a lease counts in it pro rata to the time left, as a new stake
	/// does; the rest of that epoch's listed credits go back to the lister.
	pub(crate) fn take_terms(
		listing: &Listing<T::AccountId>,
		credits_per_epoch: Balance,
		current: EpochIndex,
	) -> Option<TakeTerms> {
		let epochs = listing.first.max(current)..=listing.last;
		let first_credits = if *epochs.start() == current {
			T::Credits::counts_now(credits_per_epoch).min(credits_per_epoch)
		} else {
			credits_per_epoch
		};
		let later = Balance::from(epoch_count(&epochs).saturating_sub(1));
		let credits = later.checked_mul(credits_per_epoch)?.checked_add(first_credits)?;
		let paid = Self::price_of(credits, listing.price_per_credit)?;
		Some(TakeTerms { epochs, first_credits, paid })
	}

	pub(crate) fn current_epoch() -> Result<EpochIndex, DispatchError> {
		T::Credits::current_epoch().ok_or_else(|| Error::<T>::NoEpoch.into())
	}

	/// What `credits` credit units cost at `price_per_credit` (rounded up: a lister is never
	/// paid less than its price).
	pub(crate) fn price_of(credits: Balance, price_per_credit: Balance) -> Option<Balance> {
		multiply_by_rational_with_rounding(credits, price_per_credit, CREDIT, Rounding::Up)
	}

	/// Credits of `who`'s own allowance in `epoch` that it may still commit: not used and not
	/// already listed or lent (use is counted against its own allowance first).
	pub(crate) fn free_allowance(who: &T::AccountId, epoch: EpochIndex) -> Balance {
		T::Credits::own_allowance(who, epoch)
			.saturating_sub(T::Credits::used(who, epoch))
			.saturating_sub(EpochLeasesOf::<T>::get(epoch, who).committed())
	}

	/// Adds `id` to the index of `who`.
	fn index_lease(who: &T::AccountId, id: LeaseId) -> DispatchResult {
		AccountLeases::<T>::try_mutate(who, |ids| {
			ids.try_push(id).map_err(|_| Error::<T>::TooManyLeases.into())
		})
	}

	/// Removes `id` from the index of `who`.
	pub(crate) fn unindex_lease(who: &T::AccountId, id: LeaseId) {
		AccountLeases::<T>::mutate_exists(who, |ids| {
			if let Some(list) = ids {
				list.retain(|other| *other != id);
				if list.is_empty() {
					*ids = None;
				}
			}
		});
	}

	fn next_id() -> LeaseId {
		let id = NextLeaseId::<T>::get();
		NextLeaseId::<T>::put(id.saturating_add(1));
		id
	}

	/// Applies `change` to `who`'s record of every epoch in `epochs`.
	fn update_epochs(
		who: &T::AccountId,
		epochs: RangeInclusive<EpochIndex>,
		change: impl Fn(&mut EpochLeases) -> DispatchResult,
	) -> DispatchResult {
		for epoch in epochs {
			EpochLeasesOf::<T>::try_mutate_exists(epoch, who, |entry| {
				let mut leases = entry.unwrap_or_default();
				change(&mut leases)?;
				*entry = (!leases.is_empty()).then_some(leases);
				Ok::<(), DispatchError>(())
			})?;
		}
		Ok(())
	}

	pub(crate) fn do_list_lease(
		who: &T::AccountId,
		credits_per_epoch: Balance,
		epochs: RangeInclusive<EpochIndex>,
		price_per_credit: Balance,
		pay_in: PayIn,
	) -> DispatchResultWithPostInfo {
		ensure!(
			!credits_per_epoch.is_zero() && !price_per_credit.is_zero(),
			Error::<T>::ZeroAmount
		);
		let current = Self::current_epoch()?;
		let (first, last) = (*epochs.start(), *epochs.end());
		ensure!(first >= current && first <= last, Error::<T>::BadEpochRange);
		let max_epochs = T::MaxLeaseEpochs::get();
		ensure!(last.saturating_sub(current) < max_epochs, Error::<T>::TooFarAhead);
		// Whatever part of it is taken, its price must be computable.
		Balance::from(epoch_count(&epochs))
			.checked_mul(credits_per_epoch)
			.and_then(|credits| Self::price_of(credits, price_per_credit))
			.ok_or(Error::<T>::Overflow)?;
		for epoch in epochs.clone() {
			ensure!(
				Self::free_allowance(who, epoch) >= credits_per_epoch,
				Error::<T>::InsufficientAllowance
			);
		}
		let id = Self::next_id();
		Self::index_lease(who, id)?;
		Self::update_epochs(who, epochs.clone(), |leases| {
			math::add_to(&mut leases.listed, credits_per_epoch).map_err(Into::into)
		})?;
		Listings::<T>::insert(
			id,
			Listing {
				lister: who.clone(),
				credits_per_epoch,
				first,
				last,
				price_per_credit,
				pay_in,
			},
		);
		Expiring::<T>::insert(last, id, ());
		Self::deposit_event(Event::LeaseListed {
			id,
			lister: who.clone(),
			credits_per_epoch,
			first,
			last,
			price_per_credit,
			pay_in,
		});
		Ok(Some(T::WeightInfo::list_lease(epoch_count(&epochs))).into())
	}

	pub(crate) fn do_take_lease(
		taker: &T::AccountId,
		listing_id: LeaseId,
		credits_per_epoch: Balance,
		beneficiary: &T::AccountId,
		max_price_per_credit: Balance,
	) -> DispatchResultWithPostInfo {
		ensure!(!credits_per_epoch.is_zero(), Error::<T>::ZeroAmount);
		let current = Self::current_epoch()?;
		let mut listing = Listings::<T>::get(listing_id).ok_or(Error::<T>::NoSuchListing)?;
		ensure!(listing.last >= current, Error::<T>::ListingExpired);
		ensure!(&listing.lister != beneficiary, Error::<T>::SelfLease);
		ensure!(credits_per_epoch <= listing.credits_per_epoch, Error::<T>::MoreThanListed);
		ensure!(listing.price_per_credit <= max_price_per_credit, Error::<T>::PriceAboveLimit);
		let TakeTerms { epochs, first_credits, paid } =
			Self::take_terms(&listing, credits_per_epoch, current).ok_or(Error::<T>::Overflow)?;
		let count = epoch_count(&epochs);
		asset::pay_lease::<T>(taker, &listing.lister, paid, listing.pay_in)?;
		let first = *epochs.start();
		for epoch in epochs.clone() {
			let moved = if epoch == first { first_credits } else { credits_per_epoch };
			Self::update_epochs(&listing.lister, epoch..=epoch, |leases| {
				math::sub_from(&mut leases.listed, credits_per_epoch)?;
				math::add_to(&mut leases.lent, moved).map_err(Into::into)
			})?;
			Self::update_epochs(beneficiary, epoch..=epoch, |leases| {
				math::add_to(&mut leases.borrowed, moved).map_err(Into::into)
			})?;
		}
		// A whole take frees the listing's slot in the lister's index before the lease takes one.
		listing.credits_per_epoch = listing.credits_per_epoch.saturating_sub(credits_per_epoch);
		if listing.credits_per_epoch.is_zero() {
			Self::remove_listing(listing_id, &listing.lister, listing.last);
		} else {
			Listings::<T>::insert(listing_id, &listing);
		}
		let id = Self::next_id();
		Self::index_lease(&listing.lister, id)?;
		Self::index_lease(beneficiary, id)?;
		let lease = Lease {
			listing: listing_id,
			lister: listing.lister.clone(),
			beneficiary: beneficiary.clone(),
			credits_per_epoch,
			first_credits,
			first,
			last: listing.last,
			price_per_credit: listing.price_per_credit,
			pay_in: listing.pay_in,
			paid,
		};
		Expiring::<T>::insert(lease.last, id, ());
		Leases::<T>::insert(id, &lease);
		Self::deposit_event(Event::LeaseTaken {
			id,
			listing: listing_id,
			lister: lease.lister,
			beneficiary: lease.beneficiary,
			credits_per_epoch,
			first_credits,
			first: lease.first,
			last: lease.last,
			price_per_credit: lease.price_per_credit,
			pay_in: lease.pay_in,
			paid,
		});
		Ok(Some(T::WeightInfo::take_lease(count)).into())
	}

	pub(crate) fn do_cancel_lease(
		who: &T::AccountId,
		listing_id: LeaseId,
	) -> DispatchResultWithPostInfo {
		let current = Self::current_epoch()?;
		let listing = Listings::<T>::get(listing_id).ok_or(Error::<T>::NoSuchListing)?;
		ensure!(&listing.lister == who, Error::<T>::NotLister);
		ensure!(listing.last >= current, Error::<T>::ListingExpired);
		// Epochs already under way stay committed: their credits may have been counted on.
		let from = listing.first.max(current);
		let epochs = from..=listing.last;
		Self::update_epochs(who, epochs.clone(), |leases| {
			math::sub_from(&mut leases.listed, listing.credits_per_epoch).map_err(Into::into)
		})?;
		Self::remove_listing(listing_id, who, listing.last);
		Self::deposit_event(Event::LeaseCancelled {
			id: listing_id,
			credits_per_epoch: listing.credits_per_epoch,
			from,
		});
		Ok(Some(T::WeightInfo::cancel_lease(epoch_count(&epochs))).into())
	}

	fn remove_listing(id: LeaseId, lister: &T::AccountId, last: EpochIndex) {
		Listings::<T>::remove(id);
		Expiring::<T>::remove(last, id);
		Self::unindex_lease(lister, id);
	}
}

impl<T: Config> CreditLeases<T::AccountId> for Pallet<T> {
	fn leases(who: &T::AccountId, epoch: EpochIndex) -> EpochLeases {
		EpochLeasesOf::<T>::get(epoch, who)
	}

	fn committed_after(who: &T::AccountId, epoch: EpochIndex) -> Balance {
		// A listing ends at most `MaxLeaseEpochs - 1` epochs after the epoch it was made in.
		let ahead = T::MaxLeaseEpochs::get().saturating_sub(1);
		(epoch.saturating_add(1)..=epoch.saturating_add(ahead))
			.map(|later| EpochLeasesOf::<T>::get(later, who).committed())
			.max()
			.unwrap_or_default()
	}
}
