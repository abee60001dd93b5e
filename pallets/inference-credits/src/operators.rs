//! The operator registry: registration with a HASH bond and a hot redeem key, governance's
//! approval (a capacity per epoch), slashing and voiding, and leaving with the bond once the
//! operator's last epoch can no longer be disputed.

use crate::{asset, pallet::*, OperatorStatus};
use diem_primitives::{math, voucher::EpochIndex, Balance};
use polkadot_sdk::{
	frame_support::{ensure, traits::Get, BoundedVec},
	sp_runtime::{traits::Zero, DispatchError, DispatchResult},
};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_register_operator(
		who: &T::AccountId,
		metadata: alloc::vec::Vec<u8>,
		redeem_key: T::AccountId,
	) -> DispatchResult {
		ensure!(!Operators::<T>::contains_key(who), Error::<T>::AlreadyRegistered);
		Self::ensure_free_redeem_key(who, &redeem_key)?;
		// A redeem key cannot also be an operator (it would redeem for two).
		ensure!(!RedeemKeys::<T>::contains_key(who), Error::<T>::RedeemKeyInUse);
		let metadata: BoundedVec<u8, T::MaxMetadataLen> =
			metadata.try_into().map_err(|_| Error::<T>::MetadataTooLong)?;
		let bond = T::OperatorBond::get();
		asset::hold_operator_bond::<T>(who, bond)?;
		RedeemKeys::<T>::insert(&redeem_key, who);
		Operators::<T>::insert(
			who,
			OperatorInfoOf::<T> {
				bond,
				redeem_key: redeem_key.clone(),
				metadata,
				status: OperatorStatus::Pending,
			},
		);
		Self::deposit_event(Event::OperatorRegistered { operator: who.clone(), redeem_key });
		Ok(())
	}

	pub(crate) fn do_approve_operator(
		operator: &T::AccountId,
		capacity_per_epoch: Balance,
	) -> DispatchResult {
		let since = Self::current_epoch()?.index;
		Self::mutate_active_operator(operator, |info| {
			info.status = OperatorStatus::Approved { capacity_per_epoch, since };
			Ok(())
		})?;
		Self::deposit_event(Event::OperatorApproved {
			operator: operator.clone(),
			capacity_per_epoch,
		});
		Ok(())
	}

	pub(crate) fn do_set_redeem_key(
		who: &T::AccountId,
		redeem_key: T::AccountId,
	) -> DispatchResult {
		Self::ensure_free_redeem_key(who, &redeem_key)?;
		Self::mutate_active_operator(who, |info| {
			RedeemKeys::<T>::remove(&info.redeem_key);
			RedeemKeys::<T>::insert(&redeem_key, who);
			info.redeem_key = redeem_key.clone();
			Ok(())
		})?;
		Self::deposit_event(Event::RedeemKeyChanged { operator: who.clone(), redeem_key });
		Ok(())
	}

	pub(crate) fn do_unregister_operator(who: &T::AccountId) -> DispatchResult {
		let epoch = Self::current_epoch()?;
		Self::mutate_active_operator(who, |info| {
			info.status = OperatorStatus::Leaving { since: epoch.index };
			RedeemKeys::<T>::remove(&info.redeem_key);
			Ok(())
		})?;
		Self::deposit_event(Event::OperatorUnregistered {
			operator: who.clone(),
			bond_release_epoch: Self::claims_open_at(epoch.index),
		});
		Ok(())
	}

	pub(crate) fn do_release_bond(who: &T::AccountId) -> DispatchResult {
		let epoch = Self::current_epoch()?;
		let info = Operators::<T>::get(who).ok_or(Error::<T>::NotAnOperator)?;
		let OperatorStatus::Leaving { since } = info.status else {
			return Err(Error::<T>::NotLeaving.into());
		};
		ensure!(epoch.index >= Self::claims_open_at(since), Error::<T>::BondStillLocked);
		asset::release_operator_bond::<T>(who, info.bond)?;
		Operators::<T>::remove(who);
		RecentSlashes::<T>::remove(who);
		Self::deposit_event(Event::OperatorRemoved { operator: who.clone(), bond: info.bond });
		Ok(())
	}

	pub(crate) fn do_slash_operator(operator: &T::AccountId, amount: Balance) -> DispatchResult {
		let epoch = Self::current_epoch()?;
		let mut info = Operators::<T>::get(operator).ok_or(Error::<T>::NotAnOperator)?;
		let slashed = amount.min(info.bond);
		ensure!(!slashed.is_zero(), Error::<T>::ZeroAmount);
		asset::slash_bond_into_pool::<T>(operator, slashed)?;
		math::sub_from(&mut info.bond, slashed)?;
		Operators::<T>::insert(operator, info);
		Rewards::<T>::try_mutate(epoch.index, |rewards| {
			math::add_to(&mut rewards.slashed, slashed)
		})?;
		Self::note_slash(operator, epoch.index);
		Self::deposit_event(Event::OperatorSlashed {
			operator: operator.clone(),
			amount: slashed,
			epoch: epoch.index,
		});
		Ok(())
	}

	pub(crate) fn do_void_operator_epoch(
		operator: &T::AccountId,
		epoch: EpochIndex,
	) -> DispatchResult {
		let current = Self::current_epoch()?.index;
		ensure!(
			epoch <= current && current < Self::claims_open_at(epoch),
			Error::<T>::NotDisputable
		);
		let credits = OperatorEpochs::<T>::try_mutate(epoch, operator, |entry| {
			let entry = entry.as_mut().ok_or(Error::<T>::NothingRedeemed)?;
			ensure!(!entry.voided, Error::<T>::AlreadyVoided);
			entry.voided = true;
			Ok::<_, DispatchError>(entry.redeemed)
		})?;
		Rewards::<T>::try_mutate(epoch, |rewards| {
			math::add_to(&mut rewards.voided_credits, credits)
		})?;
		Self::deposit_event(Event::OperatorEpochVoided {
			operator: operator.clone(),
			epoch,
			credits,
		});
		Ok(())
	}

	/// A redeem key must be a hot key of its own: neither the operator's account (whose bond it
	/// would expose), nor another operator, nor another operator's key.
	fn ensure_free_redeem_key(
		operator: &T::AccountId,
		redeem_key: &T::AccountId,
	) -> DispatchResult {
		ensure!(redeem_key != operator, Error::<T>::RedeemKeyIsOperatorAccount);
		ensure!(
			!RedeemKeys::<T>::contains_key(redeem_key) && !Operators::<T>::contains_key(redeem_key),
			Error::<T>::RedeemKeyInUse
		);
		Ok(())
	}

	/// Changes a registered operator that is not leaving.
	fn mutate_active_operator(
		operator: &T::AccountId,
		change: impl FnOnce(&mut OperatorInfoOf<T>) -> DispatchResult,
	) -> DispatchResult {
		Operators::<T>::try_mutate(operator, |info| {
			let info = info.as_mut().ok_or(Error::<T>::NotAnOperator)?;
			ensure!(
				!matches!(info.status, OperatorStatus::Leaving { .. }),
				Error::<T>::OperatorLeaving
			);
			change(info)
		})
	}
}
