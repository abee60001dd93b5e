//! What the runtime API reports: the offers for a model, cheapest first; the book of open
//! listings; and an account's listings, leases and per-epoch records.

use crate::{pallet::*, AccountLeasesView, Lease, LeaseId, Listing, ListingView, OfferView};
use alloc::vec::Vec;
use diem_primitives::{
	market::{CreditAllowance, OperatorRecords},
	voucher::EpochIndex,
};
use polkadot_sdk::frame_support::traits::Get;

impl<T: Config> Pallet<T> {
	/// The offers of approved operators (for `model` only, if given), cheapest first within
	/// each price unit.
	pub fn offers(model: Option<Vec<u8>>) -> Vec<OfferView<T::AccountId>> {
		let mut views: Vec<_> = Offers::<T>::iter()
			.filter_map(|(operator, offers)| {
				let record = T::Operators::record(&operator).filter(|r| r.is_approved())?;
				Some((operator, offers, record))
			})
			.flat_map(|(operator, offers, record)| {
				offers.into_iter().map(move |offer| OfferView {
					operator: operator.clone(),
					model: offer.terms.model.into_inner(),
					unit: offer.terms.unit,
					price: offer.terms.price,
					max_context: offer.terms.max_context,
					endpoint: offer.terms.endpoint.into_inner(),
					record,
				})
			})
			.filter(|view| model.as_ref().is_none_or(|model| &view.model == model))
			.collect();
		views.sort_by(|a, b| (a.unit, a.price).cmp(&(b.unit, b.price)));
		views
	}

	/// Open listings that can still be taken and overlap `first..=last` (each bound optional),
	/// cheapest first, each with what taking all of it now costs.
	pub fn lease_book(
		first: Option<EpochIndex>,
		last: Option<EpochIndex>,
	) -> Vec<ListingView<T::AccountId>> {
		let current = T::Credits::current_epoch().unwrap_or_default();
		let mut views: Vec<_> = Listings::<T>::iter()
			.filter(|(_, listing)| listing.last >= current)
			.filter(|(_, listing)| first.is_none_or(|first| listing.last >= first))
			.filter(|(_, listing)| last.is_none_or(|last| listing.first <= last))
			.map(|(id, listing)| {
				// What `take_lease` would charge now, the first epoch pro rata included.
				let price_now = Self::take_terms(&listing, listing.credits_per_epoch, current)
					.map_or(u128::MAX, |terms| terms.paid);
				ListingView { id, listing, price_now }
			})
			.collect();
		views.sort_by(|a, b| {
			(a.listing.price_per_credit, a.id).cmp(&(b.listing.price_per_credit, b.id))
		});
		views
	}

	/// `who`'s open listings, the leases it lent and borrowed, and its records by epoch from
	/// the previous epoch on.
	pub fn account_leases(who: &T::AccountId) -> AccountLeasesView<T::AccountId> {
		let mut listings: Vec<(LeaseId, Listing<T::AccountId>)> = Vec::new();
		let mut lent: Vec<(LeaseId, Lease<T::AccountId>)> = Vec::new();
		let mut borrowed: Vec<(LeaseId, Lease<T::AccountId>)> = Vec::new();
		for id in AccountLeases::<T>::get(who) {
			if let Some(listing) = Listings::<T>::get(id) {
				listings.push((id, listing));
			} else if let Some(lease) = Leases::<T>::get(id) {
				if &lease.lister == who {
					lent.push((id, lease.clone()));
				}
				if &lease.beneficiary == who {
					borrowed.push((id, lease));
				}
			}
		}
		let current = T::Credits::current_epoch().unwrap_or_default();
		let ahead = T::MaxLeaseEpochs::get();
		let epochs = (current.saturating_sub(1)..=current.saturating_add(ahead))
			.map(|epoch| (epoch, EpochLeasesOf::<T>::get(epoch, who)))
			.filter(|(_, leases)| !leases.is_empty())
			.collect();
		AccountLeasesView { listings, lent, borrowed, epochs }
	}
}
