//! What the runtime API reports: the epoch clock, an account's credits, an operator's state and
//! the bytes a voucher signs.

use crate::{
	pallet::*, CreditState, EpochAllowance, EpochClock, OperatorEpochState, OperatorState,
	SpenderState,
};
use alloc::vec::Vec;
use diem_primitives::voucher::{PayloadWrapping, VoucherPayload, VoucherTerms};

impl<T: Config> Pallet<T> {
	/// The epoch clock.
	pub fn epoch_clock() -> Option<EpochClock> {
		let current = CurrentEpoch::<T>::get()?;
		Some(EpochClock {
			current,
			next_start: current.end(),
			next_length: PendingEpochLength::<T>::get().unwrap_or(current.length),
		})
	}

	/// `who`'s credits in the current epoch.
	pub fn credit_state(who: &T::AccountId) -> Option<CreditState<T::AccountId>> {
		let epoch = CurrentEpoch::<T>::get()?.index;
		let stake = CreditStakes::<T>::get(who);
		let spenders = Spenders::<T>::get(who);
		// The same allowance `redeem` applies to a voucher of that epoch (leases counted).
		let allowance_in = |e| Self::allowance_of(who, e);
		let allowance = allowance_in(epoch);
		let previous_allowance = epoch.checked_sub(1).map(allowance_in).unwrap_or_default();
		// An account that only leased credits in has credits too.
		if stake.is_none() && spenders.is_empty() && allowance == 0 && previous_allowance == 0 {
			return None;
		}
		let usage = Usage::<T>::get(epoch, who);
		let previous = epoch.checked_sub(1).map(|e| {
			let (allowance, used) = (allowance_in(e), Usage::<T>::get(e, who).used);
			EpochAllowance { epoch: e, allowance, used, remaining: allowance.saturating_sub(used) }
		});
		Some(CreditState {
			epoch,
			staked: stake.as_ref().map(|s| s.staked).unwrap_or_default(),
			allowance,
			used: usage.used,
			remaining: allowance.saturating_sub(usage.used),
			previous,
			unlocking: stake.map(|s| s.unlocking.into_inner()).unwrap_or_default(),
			spenders: spenders
				.into_iter()
				.map(|entry| SpenderState {
					used: usage.used_by(&entry.spender),
					spender: entry.spender,
					cap_per_epoch: entry.cap_per_epoch,
					removed_in: entry.removed_in,
				})
				.collect(),
		})
	}

	/// `operator`'s registration and its epochs still on record.
	pub fn operator_state(operator: &T::AccountId) -> Option<OperatorState<T::AccountId>> {
		let info = Operators::<T>::get(operator)?;
		let current = CurrentEpoch::<T>::get().map(|e| e.index).unwrap_or_default();
		let first = NextToExpire::<T>::get();
		let epochs = (first..=current)
			.filter_map(|epoch| {
				OperatorEpochs::<T>::get(epoch, operator).map(|entry| OperatorEpochState {
					epoch,
					redeemed: entry.redeemed,
					voided: entry.voided,
					claimable: Self::claimable(operator, epoch),
				})
			})
			.collect();
		Some(OperatorState {
			bond: info.bond,
			redeem_key: info.redeem_key,
			metadata: info.metadata.into_inner(),
			status: info.status,
			epochs,
		})
	}

	/// The exact bytes a voucher's signer signs on this chain.
	pub fn voucher_signing_bytes(terms: VoucherTerms, wrapping: PayloadWrapping) -> Vec<u8> {
		Self::voucher_payload(terms).signing_bytes(wrapping)
	}

	/// The message a voucher's signer signs on this chain; its SCALE encoding is the `Raw`
	/// signing bytes.
	pub fn voucher_payload(terms: VoucherTerms) -> VoucherPayload {
		terms.payload(Self::genesis_hash())
	}
}
