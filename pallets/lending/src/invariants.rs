//! The pallet's invariants (see the crate docs), checked by `try_state` and after every test.

use crate::{asset, pallet::*};
use diem_primitives::Balance;
use polkadot_sdk::{
	frame_support::{ensure, traits::Get},
	sp_runtime::{traits::One, FixedU128, TryRuntimeError},
};

fn add(total: &mut Balance, amount: Balance) -> Result<(), TryRuntimeError> {
	*total = total.checked_add(amount).ok_or("a sum overflows")?;
	Ok(())
}

impl<T: Config> Pallet<T> {
	/// The invariants of the pallet docs.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let state = State::<T>::get();
		ensure!(state.supply_index >= FixedU128::from_inner(1), "the supply index is zero");
		ensure!(state.borrow_index >= FixedU128::one(), "the borrow index fell below one");

		let mut shares: Balance = 0;
		for (_, held) in Shares::<T>::iter() {
			ensure!(held > 0, "a zero share record is stored");
			add(&mut shares, held)?;
		}
		ensure!(shares == state.total_shares, "Σ lenders' shares differs from total shares");

		let (mut scaled, mut collateral): (Balance, Balance) = (0, 0);
		for (who, loan) in Loans::<T>::iter() {
			ensure!(!loan.is_empty(), "an empty loan is stored");
			ensure!(
				asset::collateral_held::<T>(&who) == loan.collateral,
				"a loan's collateral differs from the DIEM held for it"
			);
			add(&mut scaled, loan.scaled_debt)?;
			add(&mut collateral, loan.collateral)?;
		}
		ensure!(scaled == state.total_scaled_debt, "Σ loans' scaled debt differs from the total");
		ensure!(collateral == state.total_collateral, "Σ collateral differs from the total");

		let supplied = Self::supplied(&state).map_err(|_| "supplied overflows")?;
		let borrowed = Self::borrowed(&state).map_err(|_| "borrowed overflows")?;
		let assets = asset::liquidity::<T>().checked_add(borrowed).ok_or("assets overflow")?;
		let owed = supplied.checked_add(state.reserve).ok_or("liabilities overflow")?;
		ensure!(assets >= owed, "liquidity + borrowed is less than supplied + reserve");

		if let Some(params) = Params::<T>::get() {
			Self::validate_params(&params)
				.map_err(|_| "the parameters in force are out of bounds")?;
		}
		let interval = T::ObservationInterval::get().max(1);
		for (slot, observation) in Observations::<T>::iter() {
			ensure!(observation.at % interval == 0, "an observation is off the interval");
			ensure!(Self::slot_of(observation.at) == slot, "an observation is in a wrong slot");
			ensure!(slot < T::MaxObservations::get(), "a slot is outside the ring");
		}
		Ok(())
	}
}
