//! The ledger's logic: transfers, allowances and payments over the `fungible` traits.

use crate::{pallet::*, AllowanceInfo};
use alloc::vec::Vec;
use diem_primitives::Balance;
use polkadot_sdk::{
	frame_support::{
		ensure,
		traits::{
			fungible::{Inspect, Mutate},
			tokens::{Fortitude, Preservation},
			Consideration, Footprint, Get,
		},
	},
	frame_system::{self, pallet_prelude::BlockNumberFor},
	sp_runtime::{ArithmeticError, DispatchError, DispatchResult, TokenError},
};

impl<T: Config> Pallet<T> {
	/// Moves DIEM, mapping the token errors a user can cause to this pallet's errors.
	pub(crate) fn move_diem(
		from: &T::AccountId,
		to: &T::AccountId,
		amount: Balance,
		keep_alive: bool,
	) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		ensure!(from != to, Error::<T>::SelfTransfer);
		let preservation =
			if keep_alive { Preservation::Preserve } else { Preservation::Expendable };
		let transferable = T::Currency::reducible_balance(from, preservation, Fortitude::Polite);
		if amount > transferable {
			let reapable =
				T::Currency::reducible_balance(from, Preservation::Expendable, Fortitude::Polite);
			return Err(if keep_alive && amount <= reapable {
				Error::<T>::WouldReapSender
			} else {
				Error::<T>::InsufficientBalance
			}
			.into());
		}
		T::Currency::transfer(from, to, amount, preservation).map_err(|e| match e {
			DispatchError::Token(TokenError::BelowMinimum) => Error::<T>::BelowMinimum.into(),
			DispatchError::Token(TokenError::FundsUnavailable) => {
				Error::<T>::InsufficientBalance.into()
			}
			other => other,
		})?;
		Ok(())
	}

	pub(crate) fn do_transfer(
		from: &T::AccountId,
		to: &T::AccountId,
		amount: Balance,
		keep_alive: bool,
	) -> DispatchResult {
		Self::move_diem(from, to, amount, keep_alive)?;
		Self::deposit_event(Event::Transferred { from: from.clone(), to: to.clone(), amount });
		Ok(())
	}

	pub(crate) fn do_transfer_all(
		from: &T::AccountId,
		to: &T::AccountId,
		keep_alive: bool,
	) -> DispatchResult {
		let preservation =
			if keep_alive { Preservation::Preserve } else { Preservation::Expendable };
		let amount = T::Currency::reducible_balance(from, preservation, Fortitude::Polite);
		Self::do_transfer(from, to, amount, keep_alive)
	}

	fn allowance_footprint() -> Footprint {
		Footprint::from_mel::<(T::AccountId, T::AccountId, AllowanceOf<T>)>()
	}

	fn ensure_future_expiry(expires_at: Option<BlockNumberFor<T>>) -> DispatchResult {
		if let Some(at) = expires_at {
			ensure!(at >= frame_system::Pallet::<T>::block_number(), Error::<T>::ExpiryInPast);
		}
		Ok(())
	}

	pub(crate) fn do_approve(
		owner: &T::AccountId,
		spender: &T::AccountId,
		amount: Balance,
		expires_at: Option<BlockNumberFor<T>>,
	) -> DispatchResult {
		ensure!(owner != spender, Error::<T>::SelfApproval);
		if amount == 0 {
			return Self::do_cancel_approval(owner, spender);
		}
		Self::ensure_future_expiry(expires_at)?;
		// An existing deposit is re-priced (the price may have changed since it was taken).
		let deposit = match Allowances::<T>::take(owner, spender) {
			Some(existing) => existing.deposit.update(owner, Self::allowance_footprint())?,
			None => T::AllowanceDeposit::new(owner, Self::allowance_footprint())?,
		};
		Allowances::<T>::insert(owner, spender, AllowanceOf::<T> { amount, expires_at, deposit });
		Self::deposit_event(Event::Approved {
			owner: owner.clone(),
			spender: spender.clone(),
			amount,
			expires_at,
		});
		Ok(())
	}

	pub(crate) fn do_change_allowance(
		owner: &T::AccountId,
		spender: &T::AccountId,
		delta: Balance,
		increase: bool,
	) -> DispatchResult {
		ensure!(delta > 0, Error::<T>::ZeroAmount);
		ensure!(owner != spender, Error::<T>::SelfApproval);
		let (current, expires_at) = Allowances::<T>::get(owner, spender)
			.map(|a| (a.amount, a.expires_at))
			.unwrap_or((0, None));
		// An expired allowance keeps its expiry; adjusting it would only fail later.
		if let Some(at) = expires_at {
			ensure!(frame_system::Pallet::<T>::block_number() <= at, Error::<T>::AllowanceExpired);
		}
		let amount = if increase {
			current.checked_add(delta).ok_or(ArithmeticError::Overflow)?
		} else {
			ensure!(current > 0, Error::<T>::NoAllowance);
			current.checked_sub(delta).ok_or(Error::<T>::DecreaseBelowZero)?
		};
		if amount == 0 {
			return Self::do_cancel_approval(owner, spender);
		}
		Self::do_approve(owner, spender, amount, expires_at)
	}

	pub(crate) fn do_cancel_approval(
		owner: &T::AccountId,
		spender: &T::AccountId,
	) -> DispatchResult {
		let allowance = Allowances::<T>::take(owner, spender).ok_or(Error::<T>::NoAllowance)?;
		allowance.deposit.drop(owner)?;
		Self::deposit_event(Event::ApprovalRemoved {
			owner: owner.clone(),
			spender: spender.clone(),
		});
		Ok(())
	}

	pub(crate) fn do_transfer_from(
		spender: &T::AccountId,
		owner: &T::AccountId,
		to: &T::AccountId,
		amount: Balance,
	) -> DispatchResult {
		ensure!(amount > 0, Error::<T>::ZeroAmount);
		let mut allowance = Allowances::<T>::get(owner, spender).ok_or(Error::<T>::NoAllowance)?;
		if let Some(at) = allowance.expires_at {
			ensure!(frame_system::Pallet::<T>::block_number() <= at, Error::<T>::AllowanceExpired);
		}
		ensure!(amount <= allowance.amount, Error::<T>::AllowanceExceeded);
		Self::move_diem(owner, to, amount, false)?;
		allowance.amount = allowance.amount.saturating_sub(amount);
		let remaining = allowance.amount;
		Self::deposit_event(Event::TransferredFrom {
			owner: owner.clone(),
			spender: spender.clone(),
			to: to.clone(),
			amount,
			remaining,
		});
		if remaining == 0 {
			Self::do_cancel_approval(owner, spender)?;
		} else {
			Allowances::<T>::insert(owner, spender, allowance);
		}
		Ok(())
	}

	fn check_memo(memo: &[u8]) -> DispatchResult {
		ensure!(memo.len() <= T::MaxMemoLen::get() as usize, Error::<T>::MemoTooLong);
		Ok(())
	}

	pub(crate) fn do_pay(
		from: &T::AccountId,
		to: &T::AccountId,
		amount: Balance,
		memo: Vec<u8>,
	) -> DispatchResult {
		Self::check_memo(&memo)?;
		Self::move_diem(from, to, amount, true)?;
		Self::deposit_event(Event::Paid { from: from.clone(), to: to.clone(), amount, memo });
		Ok(())
	}

	pub(crate) fn do_pay_batch(
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
			Self::move_diem(from, to, *amount, true)?;
		}
		let count = u32::try_from(payments.len()).unwrap_or(u32::MAX);
		Self::deposit_event(Event::BatchPaid { from: from.clone(), count, total, memo });
		Ok(())
	}

	/// The allowance of `spender` over `owner`'s DIEM, for the runtime API.
	pub fn allowance_info(
		owner: &T::AccountId,
		spender: &T::AccountId,
	) -> Option<AllowanceInfo<BlockNumberFor<T>>> {
		let now = frame_system::Pallet::<T>::block_number();
		Allowances::<T>::get(owner, spender).map(|a| AllowanceInfo {
			amount: a.amount,
			expires_at: a.expires_at,
			expired: a.expires_at.is_some_and(|at| now > at),
		})
	}

	/// The invariants of the module docs.
	pub fn do_try_state() -> Result<(), polkadot_sdk::sp_runtime::TryRuntimeError> {
		for (_, _, allowance) in Allowances::<T>::iter() {
			ensure!(allowance.amount > 0, "zero allowance kept in storage");
		}
		Ok(())
	}
}
