//! Voucher redemption: cheap checks, then the signature, then one usage record per voucher.

use crate::{pallet::*, weights::WeightInfo, OperatorEpoch, OperatorStatus, Refusal, UsageCounter};
use alloc::vec::Vec;
use diem_primitives::{
	voucher::{EpochIndex, SignatureScheme, Voucher},
	Balance,
};
use polkadot_sdk::{
	frame_support::{dispatch::DispatchResultWithPostInfo, ensure, traits::Get, weights::Weight},
	frame_system,
	sp_runtime::traits::Zero,
};

/// Vouchers of a batch by the cost of their checks.
#[derive(Default, Clone, Copy)]
pub(crate) struct SchemeCounts {
	sr25519: u32,
	ed25519: u32,
	ecdsa: u32,
}

impl SchemeCounts {
	fn add(&mut self, scheme: SignatureScheme) {
		let count = match scheme {
			SignatureScheme::Sr25519 => &mut self.sr25519,
			SignatureScheme::Ed25519 => &mut self.ed25519,
			SignatureScheme::Ecdsa => &mut self.ecdsa,
			// Refused before any signature check, at the cheapest scheme's cost.
			SignatureScheme::Eth => &mut self.ed25519,
		};
		*count = count.saturating_add(1);
	}
}

/// The operator's running totals for one epoch during a batch.
struct EpochTally {
	epoch: EpochIndex,
	entry: OperatorEpoch,
	credits: Balance,
}

impl<T: Config> Pallet<T> {
	/// The weight of a batch whose vouchers use these schemes: each scheme's benchmark at its
	/// count (each includes the batch's fixed cost, so a mixed batch is charged a little more).
	pub(crate) fn scheme_weight(counts: SchemeCounts) -> Weight {
		let mut weight = Weight::zero();
		if counts.sr25519 > 0 {
			weight.saturating_accrue(T::WeightInfo::redeem_sr25519(counts.sr25519));
		}
		if counts.ecdsa > 0 {
			weight.saturating_accrue(T::WeightInfo::redeem_ecdsa(counts.ecdsa));
		}
		if counts.ed25519 > 0 || weight.is_zero() {
			weight.saturating_accrue(T::WeightInfo::redeem_ed25519(counts.ed25519));
		}
		weight
	}

	/// What `redeem` is charged before it runs: every voucher (up to the batch bound; a longer
	/// batch is refused first) at its scheme's cost.
	pub(crate) fn redeem_weight(vouchers: &[Voucher]) -> Weight {
		let max = usize::try_from(T::MaxVouchersPerBatch::get()).unwrap_or(usize::MAX);
		let mut counts = SchemeCounts::default();
		for voucher in vouchers.iter().take(max) {
			counts.add(voucher.scheme());
		}
		Self::scheme_weight(counts)
	}

	pub(crate) fn do_redeem(
		key: &T::AccountId,
		vouchers: Vec<Voucher>,
	) -> DispatchResultWithPostInfo {
		ensure!(!vouchers.is_empty(), Error::<T>::EmptyBatch);
		let max = usize::try_from(T::MaxVouchersPerBatch::get()).unwrap_or(usize::MAX);
		ensure!(vouchers.len() <= max, Error::<T>::BatchTooLarge);
		let operator = RedeemKeys::<T>::get(key).ok_or(Error::<T>::NotApprovedOperator)?;
		let info = Operators::<T>::get(&operator).ok_or(Error::<T>::NotApprovedOperator)?;
		let OperatorStatus::Approved { capacity_per_epoch, .. } = info.status else {
			return Err(Error::<T>::NotApprovedOperator.into());
		};
		let current = Self::current_epoch()?.index;
		let genesis_hash = frame_system::Pallet::<T>::block_hash(
			polkadot_sdk::frame_system::pallet_prelude::BlockNumberFor::<T>::zero(),
		);

		// At most two epochs are redeemable: the current one and the one before.
		let mut tallies: Vec<EpochTally> = Vec::with_capacity(2);
		// Vouchers refused before their signature check are charged as the cheapest scheme.
		let mut charged = SchemeCounts::default();
		// What the pre-dispatch weight counted (the batch is within the bound here).
		let mut declared = SchemeCounts::default();
		let (mut paid_vouchers, mut credits) = (0u32, Balance::zero());
		for voucher in &vouchers {
			declared.add(voucher.scheme());
			let epoch = voucher.epoch;
			let cheap_refusal = if voucher.scheme() == SignatureScheme::Eth {
				Some(Refusal::UnsupportedScheme)
			} else if epoch > current {
				Some(Refusal::EpochNotStarted)
			} else if epoch.saturating_add(1) < current {
				Some(Refusal::EpochClosed)
			} else if [&operator, key]
				.into_iter()
				.any(|own| own == &voucher.payer || own == &voucher.signer)
			{
				Some(Refusal::SelfDealing)
			} else {
				None
			};
			let outcome = match cheap_refusal {
				Some(reason) => {
					charged.add(SignatureScheme::Ed25519);
					Err(reason)
				}
				None => {
					charged.add(voucher.scheme());
					if voucher.verify(genesis_hash, &operator) {
						let tally = match tallies.iter().position(|tally| tally.epoch == epoch) {
							Some(index) => tallies.get_mut(index),
							None => {
								tallies.push(EpochTally {
									epoch,
									entry: OperatorEpochs::<T>::get(epoch, &operator)
										.unwrap_or_default(),
									credits: 0,
								});
								tallies.last_mut()
							}
						};
						match tally {
							Some(tally) => {
								Self::settle_voucher(&operator, capacity_per_epoch, voucher, tally)
							}
							// Unreachable: the tally was found or just pushed.
							None => Err(Refusal::CapacityReached),
						}
					} else {
						Err(Refusal::BadSignature)
					}
				}
			};
			match outcome {
				Ok((asked, paid, limit)) => {
					paid_vouchers = paid_vouchers.saturating_add(1);
					credits = credits.saturating_add(paid);
					if let Some(limit) = limit {
						Self::deposit_event(Event::VoucherPartlyPaid {
							payer: voucher.payer.clone(),
							signer: voucher.signer.clone(),
							epoch,
							asked,
							paid,
							limit,
						});
					}
				}
				Err(reason) => Self::deposit_event(Event::VoucherRefused {
					payer: voucher.payer.clone(),
					signer: voucher.signer.clone(),
					epoch,
					reason,
				}),
			}
		}
		for tally in tallies {
			if tally.credits.is_zero() {
				continue;
			}
			OperatorEpochs::<T>::insert(tally.epoch, &operator, tally.entry);
			Rewards::<T>::mutate(tally.epoch, |rewards| {
				rewards.credits = rewards.credits.saturating_add(tally.credits);
				if tally.entry.voided {
					rewards.voided_credits = rewards.voided_credits.saturating_add(tally.credits);
				}
			});
		}
		Self::deposit_event(Event::BatchRedeemed {
			operator,
			vouchers: u32::try_from(vouchers.len()).unwrap_or(u32::MAX),
			paid_vouchers,
			credits,
		});
		// Never above what was charged up front (each component).
		let actual = Self::scheme_weight(charged).min(Self::scheme_weight(declared));
		Ok(Some(actual).into())
	}

	/// Pays one verified voucher: `(asked, paid, what limited it if it paid less)`, or why it
	/// paid nothing. Writes the payer's usage record only when it pays.
	fn settle_voucher(
		operator: &T::AccountId,
		capacity_per_epoch: Balance,
		voucher: &Voucher,
		tally: &mut EpochTally,
	) -> Result<(Balance, Balance, Option<Refusal>), Refusal> {
		let epoch = voucher.epoch;
		let allowance = CreditStakes::<T>::get(&voucher.payer)
			.map(|stake| stake.allowance_in(epoch))
			.unwrap_or_default();
		// `None`: the payer signs for itself, no cap. `Some(cap)`: an active spender.
		let spender_cap = if voucher.signer == voucher.payer {
			None
		} else {
			let spenders = Spenders::<T>::get(&voucher.payer);
			let entry = spenders
				.iter()
				.find(|entry| entry.spender == voucher.signer)
				.ok_or(Refusal::UnknownSpender)?;
			match entry.removed_in {
				Some(removed) if epoch >= removed => Some(None),
				_ => Some(Some(entry.cap_per_epoch)),
			}
		};
		Usage::<T>::try_mutate(epoch, &voucher.payer, |record| {
			let position = record
				.counters
				.iter()
				.position(|c| c.signer == voucher.signer && &c.operator == operator);
			let redeemed = position
				.and_then(|index| record.counters.get(index))
				.map(|counter| counter.redeemed)
				.unwrap_or_default();
			ensure!(voucher.cumulative > redeemed, Refusal::NotIncreasing);
			let asked = voucher.cumulative.saturating_sub(redeemed);
			let allowance_left = allowance.saturating_sub(record.used);
			let spender_left = match spender_cap {
				None => Balance::MAX,
				// Removed: only what was already redeemed.
				Some(None) => 0,
				Some(Some(cap)) => cap.saturating_sub(record.used_by(&voucher.signer)),
			};
			let capacity_left = capacity_per_epoch.saturating_sub(tally.entry.redeemed);
			let mut paid = asked;
			let mut limit = None;
			for (left, reason) in [
				(allowance_left, Refusal::AllowanceExhausted),
				(spender_left, Refusal::SpenderCapReached),
				(capacity_left, Refusal::CapacityReached),
			] {
				if left < paid {
					paid = left;
					limit = Some(reason);
				}
			}
			if paid.is_zero() {
				return Err(limit.unwrap_or(Refusal::NotIncreasing));
			}
			match position.and_then(|index| record.counters.get_mut(index)) {
				Some(counter) => counter.redeemed = counter.redeemed.saturating_add(paid),
				None => record
					.counters
					.try_push(UsageCounter {
						signer: voucher.signer.clone(),
						operator: operator.clone(),
						redeemed: paid,
					})
					.map_err(|_| Refusal::TooManyCounters)?,
			}
			record.used = record.used.saturating_add(paid);
			tally.entry.redeemed = tally.entry.redeemed.saturating_add(paid);
			tally.credits = tally.credits.saturating_add(paid);
			Ok((asked, paid, limit))
		})
	}
}

#[cfg(test)]
impl<T: Config> Pallet<T> {
	/// [`Pallet::scheme_weight`] for given counts, for tests.
	pub(crate) fn scheme_weight_for_test(sr25519: u32, ed25519: u32, ecdsa: u32) -> Weight {
		Self::scheme_weight(SchemeCounts { sr25519, ed25519, ecdsa })
	}
}
