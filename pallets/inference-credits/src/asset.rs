//! Every DIEM and HASH movement of the pallet, and the running totals that follow them.
//!
//! DIEM moves only into and out of the credit-stake hold; HASH is held for spender deposits and
//! operator bonds, moves from a slashed bond into the reward pool, and is paid from the pool to
//! operators. Each function updates its total with checked arithmetic (an overflow refuses the
//! call), and a refused hold is [`Error::InsufficientBalance`] whatever the currency says.

use crate::pallet::*;
use diem_primitives::{math, Balance};
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{
			fungible::{Inspect, Mutate, MutateHold},
			tokens::{Fortitude, Precision, Preservation, Restriction},
			Get,
		},
	},
	sp_runtime::{traits::Zero, DispatchError, DispatchResult},
};

/// The one mapping of a refused hold: the account cannot cover it.
fn insufficient<T: Config>(_: DispatchError) -> DispatchError {
	Error::<T>::InsufficientBalance.into()
}

/// Holds `amount` of `who`'s free DIEM as credit stake (keeping the account alive).
pub(crate) fn hold_credit_stake<T: Config>(who: &T::AccountId, amount: Balance) -> DispatchResult {
	ensure!(
		T::Diem::reducible_balance(who, Preservation::Preserve, Fortitude::Polite) >= amount,
		Error::<T>::InsufficientBalance
	);
	T::Diem::hold(&HoldReason::CreditStake.into(), who, amount).map_err(insufficient::<T>)?;
	TotalCreditStaked::<T>::try_mutate(|total| math::add_to(total, amount))?;
	Ok(())
}

/// Moves `amount` of the credit stake's total to the unlocking total: still held, no longer
/// counting.
pub(crate) fn start_unlocking<T: Config>(amount: Balance) -> DispatchResult {
	TotalCreditStaked::<T>::try_mutate(|total| math::sub_from(total, amount))?;
	TotalUnlocking::<T>::try_mutate(|total| math::add_to(total, amount))?;
	Ok(())
}

/// Releases `amount` of `who`'s unlocked credit stake.
pub(crate) fn release_unlocked<T: Config>(who: &T::AccountId, amount: Balance) -> DispatchResult {
	T::Diem::release(&HoldReason::CreditStake.into(), who, amount, Precision::Exact)?;
	TotalUnlocking::<T>::try_mutate(|total| math::sub_from(total, amount))?;
	Ok(())
}

/// Holds a spender entry's HASH deposit.
pub(crate) fn hold_spender_deposit<T: Config>(
	staker: &T::AccountId,
	deposit: Balance,
) -> DispatchResult {
	T::BondCurrency::hold(&HoldReason::SpenderDeposit.into(), staker, deposit)
		.map_err(insufficient::<T>)?;
	Ok(())
}

/// Releases the deposits of purged spender entries.
pub(crate) fn release_spender_deposits<T: Config>(
	staker: &T::AccountId,
	deposits: Balance,
) -> DispatchResult {
	if deposits.is_zero() {
		return Ok(());
	}
	T::BondCurrency::release(
		&HoldReason::SpenderDeposit.into(),
		staker,
		deposits,
		Precision::Exact,
	)?;
	Ok(())
}

/// Holds an operator's HASH bond.
pub(crate) fn hold_operator_bond<T: Config>(who: &T::AccountId, bond: Balance) -> DispatchResult {
	T::BondCurrency::hold(&HoldReason::OperatorBond.into(), who, bond)
		.map_err(insufficient::<T>)?;
	Ok(())
}

/// Releases a leaving operator's whole bond.
pub(crate) fn release_operator_bond<T: Config>(
	who: &T::AccountId,
	bond: Balance,
) -> DispatchResult {
	T::BondCurrency::release(&HoldReason::OperatorBond.into(), who, bond, Precision::Exact)?;
	Ok(())
}

/// Moves `amount` of `operator`'s bond into the reward pool, which counts it as received.
pub(crate) fn slash_bond_into_pool<T: Config>(
	operator: &T::AccountId,
	amount: Balance,
) -> DispatchResult {
	T::BondCurrency::transfer_on_hold(
		&HoldReason::OperatorBond.into(),
		operator,
		&T::RewardPool::get(),
		amount,
		Precision::Exact,
		Restriction::Free,
		Fortitude::Force,
	)?;
	TotalPoolReceived::<T>::try_mutate(|total| math::add_to(total, amount))?;
	Ok(())
}

/// Pays `reward` HASH from the pool (keeping the pool account alive).
pub(crate) fn pay_from_pool<T: Config>(to: &T::AccountId, reward: Balance) -> DispatchResult {
	if reward.is_zero() {
		return Ok(());
	}
	T::BondCurrency::transfer(&T::RewardPool::get(), to, reward, Preservation::Preserve)?;
	TotalRewardsPaid::<T>::try_mutate(|total| math::add_to(total, reward))?;
	Ok(())
}

/// DIEM held from `who` for credits.
#[cfg(any(test, feature = "try-runtime", feature = "std"))]
pub(crate) fn diem_held<T: Config>(who: &T::AccountId) -> Balance {
	use polkadot_sdk::frame_support::traits::fungible::InspectHold;
	T::Diem::balance_on_hold(&HoldReason::CreditStake.into(), who)
}

/// HASH held from `who` for `reason`.
#[cfg(any(test, feature = "try-runtime", feature = "std"))]
pub(crate) fn hash_held<T: Config>(who: &T::AccountId, reason: HoldReason) -> Balance {
	use polkadot_sdk::frame_support::traits::fungible::InspectHold;
	T::BondCurrency::balance_on_hold(&reason.into(), who)
}

/// HASH in the pool account above what keeps it alive: what it can pay.
#[cfg(any(test, feature = "try-runtime", feature = "std"))]
pub(crate) fn pool_spendable<T: Config>() -> Balance {
	T::BondCurrency::balance(&T::RewardPool::get())
		.saturating_sub(T::BondCurrency::minimum_balance())
}
