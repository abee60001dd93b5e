//! The ledger's logic: payments over the `fungibles` traits.

use crate::pallet::*;
use alloc::vec::Vec;
use diem_primitives::Balance;
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{
			fungibles::{Inspect, Mutate},
			tokens::{Fortitude, Preservation},
			Get,
		},
	},
	sp_runtime::{DispatchError, DispatchResult, TokenError},
};

impl<T: Config> Pallet<T> {
	/// Moves `amount` of `asset`, keeping the payer alive, and maps the token errors a user can
	/// cause to this pallet's errors. Keeping the payer alive also means no dust: what stays is
	/// at least the asset's minimum balance.
	pub(crate) fn move_asset(
		asset: &T::AssetKind,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: Balance,
	) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		ensure!(from != to, Error::<T>::SelfTransfer);
		ensure!(T::Assets::asset_exists(asset.clone()), Error::<T>::UnknownAsset);
		let transferable = T::Assets::reducible_balance(
			asset.clone(),
			from,
			Preservation::Preserve,
			Fortitude::Polite,
		);
		ensure!(amount <= transferable, Error::<T>::InsufficientBalance);
		T::Assets::transfer(asset.clone(), from, to, amount, Preservation::Preserve).map_err(
			|e| match e {
				DispatchError::Token(TokenError::BelowMinimum) => Error::<T>::BelowMinimum.into(),
				DispatchError::Token(TokenError::FundsUnavailable) => {
					Error::<T>::InsufficientBalance.into()
				}
				DispatchError::Token(TokenError::UnknownAsset) => Error::<T>::UnknownAsset.into(),
				DispatchError::Token(
					TokenError::CannotCreate | TokenError::Frozen | TokenError::Blocked,
				) => Error::<T>::CannotReceive.into(),
				other => other,
			},
		)?;
		Ok(())
	}

	fn check_memo(memo: &[u8]) -> DispatchResult {
		ensure!(memo.len() <= T::MaxMemoLen::get() as usize, Error::<T>::MemoTooLong);
		Ok(())
	}

	pub(crate) fn do_pay(
		asset: T::AssetKind,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: Balance,
		memo: Vec<u8>,
	) -> DispatchResult {
		Self::check_memo(&memo)?;
		Self::move_asset(&asset, from, to, amount)?;
		Self::deposit_event(Event::Paid {
			asset,
			from: from.clone(),
			to: to.clone(),
			amount,
			memo,
		});
		Ok(())
	}

	pub(crate) fn do_pay_batch(
		asset: T::AssetKind,
		from: &T::AccountId,
		payments: Vec<(T::AccountId, Balance)>,
		memo: Vec<u8>,
	) -> DispatchResult {
		Self::check_memo(&memo)?;
		ensure!(!payments.is_empty(), Error::<T>::EmptyBatch);
		ensure!(payments.len() <= T::MaxBatchPayments::get() as usize, Error::<T>::BatchTooLarge);
		let mut total: Balance = 0;
		for (to, amount) in &payments {
			total = total.checked_add(*amount).ok_or(Error::<T>::Overflow)?;
			// The call is transactional: a failing payment undoes the earlier ones.
			Self::move_asset(&asset, from, to, *amount)?;
		}
		let count = u32::try_from(payments.len()).unwrap_or(u32::MAX);
		Self::deposit_event(Event::BatchPaid { asset, from: from.clone(), count, total, memo });
		Ok(())
	}
}
