//! The credits pallet's view of the operator reward pool's income.

use crate::*;
use diem_primitives::{Balance, RewardPoolAccrual};

impl<T: Config> RewardPoolAccrual<Balance> for Pallet<T> {
	fn total_accrued() -> Balance {
		TotalPoolAccrued::<T>::get()
	}
}
