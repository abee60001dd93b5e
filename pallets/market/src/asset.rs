//! Every HASH and DIEM movement of the pallet: offer deposits (held HASH) and lease payments
//! (transfers from the taker to the lister). A refused hold or transfer is
//! [`Error::InsufficientBalance`] whatever the currency says.

use crate::{pallet::*, PayIn};
use diem_primitives::Balance;
use polkadot_sdk::{
	frame_support::traits::{
		fungible::{InspectHold, Mutate, MutateHold},
		tokens::{Precision, Preservation},
	},
	sp_runtime::{DispatchError, DispatchResult},
};

fn insufficient<T: Config>(_: DispatchError) -> DispatchError {
	Error::<T>::InsufficientBalance.into()
}

/// Holds an offer's HASH deposit from `operator`.
pub(crate) fn hold_offer_deposit<T: Config>(
	operator: &T::AccountId,
	deposit: Balance,
) -> DispatchResult {
	T::NativeCurrency::hold(&HoldReason::OfferDeposit.into(), operator, deposit)
		.map_err(insufficient::<T>)
}

/// Returns offer deposits to `operator`.
pub(crate) fn release_offer_deposit<T: Config>(
	operator: &T::AccountId,
	deposit: Balance,
) -> DispatchResult {
	T::NativeCurrency::release(
		&HoldReason::OfferDeposit.into(),
		operator,
		deposit,
		Precision::Exact,
	)
	.map(|_| ())
}

/// HASH held for `operator`'s offers.
pub(crate) fn offer_deposit_held<T: Config>(operator: &T::AccountId) -> Balance {
	T::NativeCurrency::balance_on_hold(&HoldReason::OfferDeposit.into(), operator)
}

/// Pays a lease's price from `taker` to `lister` (the taker's account stays alive).
pub(crate) fn pay_lease<T: Config>(
	taker: &T::AccountId,
	lister: &T::AccountId,
	amount: Balance,
	pay_in: PayIn,
) -> DispatchResult {
	match pay_in {
		PayIn::Hash => T::NativeCurrency::transfer(taker, lister, amount, Preservation::Preserve),
		PayIn::Diem => T::Diem::transfer(taker, lister, amount, Preservation::Preserve),
	}
	.map(|_| ())
	.map_err(insufficient::<T>)
}
