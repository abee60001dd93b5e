//! The DIEM pallet's view of staking: lock unlocked stake to back DIEM, unlock it on burn.
//! Both settle the account's pending rewards first, so rewards up to now are paid at the rate
//! of the bucket the stake was in.

use crate::*;
use diem_primitives::{Balance, StakeLocker};
use sp_runtime::DispatchResult;

impl<T: Config> StakeLocker<T::AccountId, Balance> for Pallet<T> {
	fn lock(who: &T::AccountId, amount: Balance) -> DispatchResult {
		Self::do_lock(who, amount)
	}

	fn unlock(who: &T::AccountId, amount: Balance) -> DispatchResult {
		Self::do_unlock(who, amount)
	}

	fn locked(who: &T::AccountId) -> Balance {
		Ledgers::<T>::get(who).map(|ledger| ledger.locked).unwrap_or_default()
	}

	fn unlocked_stake(who: &T::AccountId) -> Balance {
		Ledgers::<T>::get(who).map(|ledger| ledger.unlocked).unwrap_or_default()
	}

	fn total_locked() -> Balance {
		TotalLocked::<T>::get()
	}
}
