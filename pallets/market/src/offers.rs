//! Operator offers: what an approved operator's inference costs, for which model, and where.

use crate::{asset, pallet::*, weights::WeightInfo, PriceUnit};
use diem_primitives::market::OperatorRecords;
use polkadot_sdk::{
	frame_support::{dispatch::DispatchResultWithPostInfo, ensure, traits::Get, BoundedVec},
	sp_runtime::{traits::Zero, DispatchResult},
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_set_offer(who: &T::AccountId, terms: OfferTermsOf<T>) -> DispatchResult {
		ensure!(T::Operators::is_approved(who), Error::<T>::NotApprovedOperator);
		ensure!(!terms.model.is_empty(), Error::<T>::BadModel);
		ensure!(!terms.endpoint.is_empty(), Error::<T>::BadEndpoint);
		ensure!(!terms.price.is_zero(), Error::<T>::ZeroAmount);
		let mut offers = Offers::<T>::get(who);
		let event = Event::OfferSet {
			operator: who.clone(),
			model: terms.model.clone(),
			unit: terms.unit,
			price: terms.price,
			max_context: terms.max_context,
		};
		match offers
			.iter_mut()
			.find(|offer| offer.terms.model == terms.model && offer.terms.unit == terms.unit)
		{
			// A change keeps the deposit already held.
			Some(offer) => offer.terms = terms,
			None => {
				let deposit = T::OfferDeposit::get();
				offers
					.try_push(OfferOf::<T> { terms, deposit })
					.map_err(|_| Error::<T>::TooManyOffers)?;
				asset::hold_offer_deposit::<T>(who, deposit)?;
			}
		}
		Offers::<T>::insert(who, offers);
		Self::deposit_event(event);
		Ok(())
	}

	pub(crate) fn do_remove_offer(
		who: &T::AccountId,
		model: &BoundedVec<u8, T::MaxModelLen>,
		unit: PriceUnit,
	) -> DispatchResult {
		let mut offers = Offers::<T>::get(who);
		let index = offers
			.iter()
			.position(|offer| &offer.terms.model == model && offer.terms.unit == unit)
			.ok_or(Error::<T>::NoSuchOffer)?;
		let offer = offers.remove(index);
		asset::release_offer_deposit::<T>(who, offer.deposit)?;
		if offers.is_empty() {
			Offers::<T>::remove(who);
		} else {
			Offers::<T>::insert(who, offers);
		}
		Self::deposit_event(Event::OfferRemoved {
			operator: who.clone(),
			model: model.clone(),
			unit,
		});
		Ok(())
	}

	pub(crate) fn do_clear_offers(operator: &T::AccountId) -> DispatchResultWithPostInfo {
		ensure!(!T::Operators::is_approved(operator), Error::<T>::OperatorStillApproved);
		let offers = Offers::<T>::take(operator);
		ensure!(!offers.is_empty(), Error::<T>::NoOffers);
		let deposit = offers.iter().fold(0u128, |sum, offer| sum.saturating_add(offer.deposit));
		asset::release_offer_deposit::<T>(operator, deposit)?;
		let count = u32::try_from(offers.len()).unwrap_or(u32::MAX);
		Self::deposit_event(Event::OffersCleared { operator: operator.clone(), offers: count });
		Ok(Some(T::WeightInfo::clear_offers(count)).into())
	}
}
