//! What this pallet tells the hash-power market, and the one thing it asks of it.
//!
//! The market (`pallet-market`) talks to this pallet only through the traits of
//! [`diem_primitives::market`]: it reads an account's own allowance and use
//! ([`CreditAllowance`]) and operators' records ([`OperatorRecords`]); this pallet reads
//! leases through [`Config::Leases`] and applies them to every allowance it checks
//! ([`Pallet::allowance_of`]), so `redeem`, the runtime API and the invariants see one figure.

use crate::{pallet::*, OperatorStatus};
use diem_primitives::{
	market::{CreditAllowance, CreditLeases, OperatorRecord, OperatorRecords, OperatorStanding},
	voucher::EpochIndex,
	Balance,
};
use polkadot_sdk::frame_support::traits::Get;

/// Slash epochs kept per operator (the window is shorter; the bound keeps the entry small).
pub const MAX_RECENT_SLASHES: u32 = 8;

impl<T: Config> Pallet<T> {
	/// The allowance `who`'s own stake grants in `epoch`, leases not counted.
	pub(crate) fn own_allowance_of(who: &T::AccountId, epoch: EpochIndex) -> Balance {
		CreditStakes::<T>::get(who).map(|stake| stake.allowance_in(epoch)).unwrap_or_default()
	}

	/// The allowance `redeem` applies to `who`'s vouchers of `epoch`: its own, less what it
	/// listed or lent, plus what it leased in.
	pub(crate) fn allowance_of(who: &T::AccountId, epoch: EpochIndex) -> Balance {
		T::Leases::leases(who, epoch).allowance(Self::own_allowance_of(who, epoch))
	}

	/// The epochs an operator's record covers, oldest first, ending with `current`: those whose
	/// claims have not opened, so their redemption records are all still on chain.
	pub(crate) fn record_window(current: EpochIndex) -> core::ops::RangeInclusive<EpochIndex> {
		let length = T::DisputeEpochs::get().saturating_add(2);
		current.saturating_add(1).saturating_sub(length)..=current
	}

	/// Remembers that `operator` was slashed in `epoch` (once per epoch, the newest kept).
	pub(crate) fn note_slash(operator: &T::AccountId, epoch: EpochIndex) {
		RecentSlashes::<T>::mutate(operator, |epochs| {
			if epochs.last() == Some(&epoch) {
				return;
			}
			if epochs.is_full() {
				epochs.remove(0);
			}
			// Room was made above, so the push cannot fail.
			let _ = epochs.try_push(epoch);
		});
	}
}

impl<T: Config> CreditAllowance<T::AccountId> for Pallet<T> {
	fn current_epoch() -> Option<EpochIndex> {
		CurrentEpoch::<T>::get().map(|epoch| epoch.index)
	}

	fn own_allowance(who: &T::AccountId, epoch: EpochIndex) -> Balance {
		Self::own_allowance_of(who, epoch)
	}

	fn used(who: &T::AccountId, epoch: EpochIndex) -> Balance {
		Usage::<T>::get(epoch, who).used
	}

	fn counts_now(credits: Balance) -> Balance {
		CurrentEpoch::<T>::get()
			.map(|epoch| Self::pro_rata(credits, &epoch, Self::now()))
			.unwrap_or_default()
	}
}

impl<T: Config> OperatorRecords<T::AccountId> for Pallet<T> {
	fn record(operator: &T::AccountId) -> Option<OperatorRecord> {
		let info = Operators::<T>::get(operator)?;
		let current = CurrentEpoch::<T>::get().map(|epoch| epoch.index).unwrap_or_default();
		let window = Self::record_window(current);
		let (standing, capacity_per_epoch) = match info.status {
			OperatorStatus::Pending => (OperatorStanding::Pending, 0),
			OperatorStatus::Approved { capacity_per_epoch, .. } => {
				(OperatorStanding::Approved, capacity_per_epoch)
			}
			OperatorStatus::Leaving { .. } => (OperatorStanding::Leaving, 0),
		};
		let mut redeemed: Balance = 0;
		let mut voided_epochs = 0u32;
		let mut redeemed_now: Balance = 0;
		for epoch in window.clone() {
			if let Some(entry) = OperatorEpochs::<T>::get(epoch, operator) {
				redeemed = redeemed.saturating_add(entry.redeemed);
				voided_epochs = voided_epochs.saturating_add(u32::from(entry.voided));
				if epoch == current {
					redeemed_now = entry.redeemed;
				}
			}
		}
		let slashed_epochs =
			RecentSlashes::<T>::get(operator).iter().filter(|epoch| window.contains(epoch)).count();
		Some(OperatorRecord {
			standing,
			capacity_per_epoch,
			capacity_left: capacity_per_epoch.saturating_sub(redeemed_now),
			redeemed,
			voided_epochs,
			slashed_epochs: u32::try_from(slashed_epochs).unwrap_or(u32::MAX),
			window: window.end().saturating_sub(*window.start()).saturating_add(1),
		})
	}

	fn is_approved(operator: &T::AccountId) -> bool {
		Operators::<T>::get(operator).is_some_and(|info| {
			matches!(info.status, OperatorStatus::Approved { capacity_per_epoch, .. } if capacity_per_epoch > 0)
		})
	}
}
