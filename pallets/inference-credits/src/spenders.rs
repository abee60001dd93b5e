//! Spender keys: a staker authorizes a key (an app, an agent) to sign vouchers against its
//! allowance up to a cap per epoch, for a HASH deposit. A removed entry stays until no
//! redeemable epoch needs it, then goes with its deposit.

use crate::{asset, pallet::*, SpenderEntry};
use diem_primitives::{voucher::EpochIndex, Balance};
use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	sp_runtime::{ArithmeticError, DispatchResult},
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_add_spender(
		staker: &T::AccountId,
		spender: T::AccountId,
		cap_per_epoch: Balance,
	) -> DispatchResult {
		ensure!(&spender != staker, Error::<T>::SelfSpender);
		let epoch = Self::current_epoch()?;
		let mut spenders = Spenders::<T>::get(staker);
		Self::purge_spenders(staker, &mut spenders, epoch.index)?;
		if let Some(entry) = spenders.iter_mut().find(|entry| entry.spender == spender) {
			entry.cap_per_epoch = cap_per_epoch;
			entry.removed_in = None;
			entry.since = epoch.index;
		} else {
			let deposit = T::SpenderDeposit::get();
			spenders
				.try_push(SpenderEntry {
					spender: spender.clone(),
					cap_per_epoch,
					deposit,
					since: epoch.index,
					removed_in: None,
				})
				.map_err(|_| Error::<T>::TooManySpenders)?;
			asset::hold_spender_deposit::<T>(staker, deposit)?;
		}
		Self::store_spenders(staker, spenders);
		Self::deposit_event(Event::SpenderAdded { staker: staker.clone(), spender, cap_per_epoch });
		Ok(())
	}

	/// Marks `spender` removed; once its removal epoch is over, calling this again (or any
	/// spender call of the staker) drops the entry and returns its deposit.
	pub(crate) fn do_remove_spender(
		staker: &T::AccountId,
		spender: &T::AccountId,
	) -> DispatchResult {
		let epoch = Self::current_epoch()?;
		let mut spenders = Spenders::<T>::get(staker);
		ensure!(spenders.iter().any(|entry| &entry.spender == spender), Error::<T>::UnknownSpender);
		Self::purge_spenders(staker, &mut spenders, epoch.index)?;
		let Some(entry) = spenders.iter_mut().find(|entry| &entry.spender == spender) else {
			// Purged just now: its deposit is back.
			Self::store_spenders(staker, spenders);
			return Ok(());
		};
		ensure!(entry.removed_in.is_none(), Error::<T>::SpenderAlreadyRemoved);
		entry.removed_in = Some(epoch.index);
		Self::store_spenders(staker, spenders);
		Self::deposit_event(Event::SpenderRemoved {
			staker: staker.clone(),
			spender: spender.clone(),
			epoch: epoch.index,
		});
		Ok(())
	}

	/// Drops the removed entries no redeemable epoch needs any more (removed before the current
	/// epoch: vouchers of earlier epochs were redeemable until the removal epoch ended) and
	/// releases their deposits.
	fn purge_spenders(
		staker: &T::AccountId,
		spenders: &mut SpendersOf<T>,
		current: EpochIndex,
	) -> DispatchResult {
		let mut purged = alloc::vec::Vec::new();
		spenders.retain(|entry| match entry.removed_in {
			Some(removed) if removed < current => {
				purged.push((entry.spender.clone(), entry.deposit));
				false
			}
			_ => true,
		});
		let released = purged
			.iter()
			.try_fold(Balance::default(), |sum, (_, deposit)| sum.checked_add(*deposit))
			.ok_or(ArithmeticError::Overflow)?;
		asset::release_spender_deposits::<T>(staker, released)?;
		for (spender, deposit) in purged {
			Self::deposit_event(Event::SpenderDepositReleased {
				staker: staker.clone(),
				spender,
				deposit,
			});
		}
		Ok(())
	}

	fn store_spenders(staker: &T::AccountId, spenders: SpendersOf<T>) {
		if spenders.is_empty() {
			Spenders::<T>::remove(staker);
		} else {
			Spenders::<T>::insert(staker, spenders);
		}
	}
}
