//! Every HASH and DIEM movement of the pallet. The market's account keeps the existential
//! deposit it was created with and never lends it: its liquidity is what it holds above that.
//! A refused transfer or hold is the pallet's typed error whatever the currency says.

use crate::pallet::*;
use diem_primitives::Balance;
use polkadot_sdk::{
	frame_support::traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Restriction},
	},
	sp_runtime::{DispatchError, DispatchResult},
};

fn mapped<T: Config>(error: Error<T>) -> impl FnOnce(DispatchError) -> DispatchError {
	move |_| error.into()
}

/// Creates the market's account with the existential deposit (at genesis).
pub(crate) fn endow_market<T: Config>() -> DispatchResult {
	let market = Pallet::<T>::account_id();
	let ed = T::NativeCurrency::minimum_balance();
	let balance = T::NativeCurrency::balance(&market);
	if balance < ed {
		T::NativeCurrency::mint_into(&market, ed.saturating_sub(balance))?;
	}
	Ok(())
}

/// HASH the market can lend or pay out: what it holds above its existential deposit.
pub(crate) fn liquidity<T: Config>() -> Balance {
	T::NativeCurrency::reducible_balance(
		&Pallet::<T>::account_id(),
		Preservation::Preserve,
		Fortitude::Polite,
	)
}

/// Moves `amount` HASH from `who` into the market (the payer's account stays alive).
pub(crate) fn pay_in<T: Config>(who: &T::AccountId, amount: Balance) -> DispatchResult {
	T::NativeCurrency::transfer(who, &Pallet::<T>::account_id(), amount, Preservation::Preserve)
		.map(|_| ())
		.map_err(mapped(Error::<T>::InsufficientBalance))
}

/// Pays `amount` HASH out of the market to `who`.
pub(crate) fn pay_out<T: Config>(who: &T::AccountId, amount: Balance) -> DispatchResult {
	T::NativeCurrency::transfer(&Pallet::<T>::account_id(), who, amount, Preservation::Preserve)
		.map(|_| ())
		.map_err(mapped(Error::<T>::InsufficientLiquidity))
}

/// Puts `amount` of `who`'s DIEM on hold as collateral.
pub(crate) fn hold_collateral<T: Config>(who: &T::AccountId, amount: Balance) -> DispatchResult {
	T::Diem::hold(&HoldReason::Collateral.into(), who, amount)
		.map_err(mapped(Error::<T>::InsufficientBalance))
}

/// Releases `amount` of `who`'s collateral.
pub(crate) fn release_collateral<T: Config>(who: &T::AccountId, amount: Balance) -> DispatchResult {
	T::Diem::release(&HoldReason::Collateral.into(), who, amount, Precision::Exact).map(|_| ())
}

/// Moves `amount` of `borrower`'s collateral to `liquidator`, free.
pub(crate) fn seize_collateral<T: Config>(
	borrower: &T::AccountId,
	liquidator: &T::AccountId,
	amount: Balance,
) -> DispatchResult {
	T::Diem::transfer_on_hold(
		&HoldReason::Collateral.into(),
		borrower,
		liquidator,
		amount,
		Precision::Exact,
		Restriction::Free,
		Fortitude::Polite,
	)
	.map(|_| ())
	.map_err(mapped(Error::<T>::SeizeTooSmall))
}

/// DIEM `who` holds as collateral (for the invariants and the benchmarks).
#[cfg(any(test, feature = "std", feature = "try-runtime", feature = "runtime-benchmarks"))]
pub(crate) fn collateral_held<T: Config>(who: &T::AccountId) -> Balance {
	use polkadot_sdk::frame_support::traits::fungible::InspectHold;
	T::Diem::balance_on_hold(&HoldReason::Collateral.into(), who)
}
