//! Voucher redemption, in the order a batch is processed: the batch's own checks, then per
//! voucher the cheap refusals, the signature, and the usage tally that decides what it pays;
//! then the epochs' totals are settled and the batch's events deposited.

use crate::{
	pallet::*, weights::WeightInfo, Limit, OperatorEpoch, OperatorStatus, Refusal, UsageCounter,
};
use alloc::vec::Vec;
use diem_primitives::{
	math,
	voucher::{EpochIndex, SignatureScheme, Voucher},
	Balance,
};
use polkadot_sdk::{
	frame_support::{
		dispatch::DispatchResultWithPostInfo,
		ensure,
		traits::{DefensiveSaturating, Get},
		weights::Weight,
	},
	sp_runtime::{traits::Zero, DispatchResult},
};

/// Vouchers of a batch by the cost of their checks.
#[derive(Default, Clone, Copy)]
pub(crate) struct SchemeCounts {
	sr25519: u32,
	ed25519: u32,
	ecdsa: u32,
	/// Refused before any signature check: charged at the cheapest scheme's cost.
	unchecked: u32,
}

impl SchemeCounts {
	fn add(&mut self, scheme: SignatureScheme) {
		let count = match scheme {
			SignatureScheme::Sr25519 => &mut self.sr25519,
			SignatureScheme::Ed25519 => &mut self.ed25519,
			SignatureScheme::Ecdsa => &mut self.ecdsa,
			// An unsupported scheme is refused before its signature is looked at.
			SignatureScheme::Eth => &mut self.unchecked,
		};
		*count = count.saturating_add(1);
	}

	fn add_unchecked(&mut self) {
		self.unchecked = self.unchecked.saturating_add(1);
	}
}

/// The operator a batch redeems for, checked once per batch.
struct Batch<AccountId> {
	/// The redeem key that signed the call.
	key: AccountId,
	operator: AccountId,
	capacity_per_epoch: Balance,
	current: EpochIndex,
	genesis_hash: diem_primitives::Hash,
}

/// The operator's running totals for one epoch during a batch.
struct EpochTally {
	epoch: EpochIndex,
	entry: OperatorEpoch,
	/// Credits this batch paid in the epoch.
	credits: Balance,
}

/// What a batch has done so far.
#[derive(Default)]
struct BatchProgress {
	/// The tallies of the two redeemable epochs, created on their first paying voucher.
	previous: Option<EpochTally>,
	current: Option<EpochTally>,
	/// What the vouchers cost: those refused before their signature check as the cheapest
	/// scheme.
	charged: SchemeCounts,
	/// What the pre-dispatch weight counted.
	declared: SchemeCounts,
	paid_vouchers: u32,
	credits: Balance,
}

/// What one voucher paid.
struct Payment {
	/// What its cumulative amount asked beyond what was redeemed.
	asked: Balance,
	paid: Balance,
	/// What kept it from paying all it asked.
	limit: Option<Limit>,
}

/// Who signed a voucher, as far as its payer's limits go.
enum Signer {
	/// The payer itself: bounded by its allowance only.
	Payer,
	/// A spender the payer authorized, with its cap per epoch.
	Spender { cap_per_epoch: Balance },
	/// A spender removed in or before the voucher's epoch: it keeps what was redeemed, no more.
	RemovedSpender,
}

impl<T: Config> Pallet<T> {
	/// The weight of a batch whose vouchers use these schemes: each scheme's benchmark at its
	/// count (each includes the batch's fixed cost, so a mixed batch is charged a little more).
	pub(crate) fn scheme_weight(mut counts: SchemeCounts) -> Weight {
		// Which scheme is cheapest is a measurement, not an assumption: ask the weights.
		let cheapest = match Self::cheapest_scheme() {
			SignatureScheme::Sr25519 => &mut counts.sr25519,
			SignatureScheme::Ecdsa => &mut counts.ecdsa,
			_ => &mut counts.ed25519,
		};
		*cheapest = cheapest.saturating_add(counts.unchecked);
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

	/// The scheme whose one-voucher batch weighs least (ties go to ed25519, then sr25519).
	pub(crate) fn cheapest_scheme() -> SignatureScheme {
		[
			(SignatureScheme::Ed25519, T::WeightInfo::redeem_ed25519(1)),
			(SignatureScheme::Sr25519, T::WeightInfo::redeem_sr25519(1)),
			(SignatureScheme::Ecdsa, T::WeightInfo::redeem_ecdsa(1)),
		]
		.into_iter()
		.fold(None, |best: Option<(SignatureScheme, Weight)>, (scheme, weight)| match best {
			Some((_, least)) if least.ref_time() <= weight.ref_time() => best,
			_ => Some((scheme, weight)),
		})
		.map_or(SignatureScheme::Ed25519, |(scheme, _)| scheme)
	}

	/// What `redeem` is charged before it runs: every voucher (up to the batch bound; a longer
	/// batch is refused first) at its scheme's cost.
	pub(crate) fn redeem_weight(vouchers: &[Voucher]) -> Weight {
		let mut counts = SchemeCounts::default();
		for voucher in vouchers.iter().take(Self::max_batch()) {
			counts.add(voucher.scheme());
		}
		Self::scheme_weight(counts)
	}

	fn max_batch() -> usize {
		usize::try_from(T::MaxVouchersPerBatch::get()).unwrap_or(usize::MAX)
	}

	pub(crate) fn do_redeem(
		key: &T::AccountId,
		vouchers: Vec<Voucher>,
	) -> DispatchResultWithPostInfo {
		let batch = Self::open_batch(key, &vouchers)?;
		let mut progress = BatchProgress::default();
		for voucher in &vouchers {
			progress.declared.add(voucher.scheme());
			let outcome = Self::redeem_voucher(&batch, &mut progress, voucher);
			Self::report_voucher(&mut progress, voucher, outcome);
		}
		for tally in [progress.previous.take(), progress.current.take()].into_iter().flatten() {
			Self::settle_tally(&batch.operator, tally)?;
		}
		Self::deposit_event(Event::BatchRedeemed {
			operator: batch.operator,
			vouchers: u32::try_from(vouchers.len()).unwrap_or(u32::MAX),
			paid_vouchers: progress.paid_vouchers,
			credits: progress.credits,
		});
		// Never above what was charged up front (each component).
		let actual =
			Self::scheme_weight(progress.charged).min(Self::scheme_weight(progress.declared));
		Ok(Some(actual).into())
	}

	/// The batch's own checks: its size, and that the key redeems for an approved operator.
	fn open_batch(
		key: &T::AccountId,
		vouchers: &[Voucher],
	) -> Result<Batch<T::AccountId>, polkadot_sdk::sp_runtime::DispatchError> {
		ensure!(!vouchers.is_empty(), Error::<T>::EmptyBatch);
		ensure!(vouchers.len() <= Self::max_batch(), Error::<T>::BatchTooLarge);
		let operator = RedeemKeys::<T>::get(key).ok_or(Error::<T>::NotApprovedOperator)?;
		let info = Operators::<T>::get(&operator).ok_or(Error::<T>::NotApprovedOperator)?;
		let OperatorStatus::Approved { capacity_per_epoch, .. } = info.status else {
			return Err(Error::<T>::NotApprovedOperator.into());
		};
		Ok(Batch {
			key: key.clone(),
			operator,
			capacity_per_epoch,
			current: Self::current_epoch()?.index,
			genesis_hash: Self::genesis_hash(),
		})
	}

	/// One voucher: the cheap refusals, the signature, then what it pays.
	fn redeem_voucher(
		batch: &Batch<T::AccountId>,
		progress: &mut BatchProgress,
		voucher: &Voucher,
	) -> Result<Payment, Refusal> {
		if let Some(reason) = Self::cheap_refusal(batch, voucher) {
			progress.charged.add_unchecked();
			return Err(reason);
		}
		progress.charged.add(voucher.scheme());
		ensure!(voucher.verify(batch.genesis_hash, &batch.operator), Refusal::BadSignature);
		// The cheap checks passed, so the epoch is the current or the previous one.
		let slot = if voucher.epoch == batch.current {
			&mut progress.current
		} else {
			&mut progress.previous
		};
		let tally = slot.get_or_insert_with(|| EpochTally {
			epoch: voucher.epoch,
			entry: OperatorEpochs::<T>::get(voucher.epoch, &batch.operator).unwrap_or_default(),
			credits: 0,
		});
		Self::pay_voucher(batch, voucher, tally)
	}

	/// What refuses a voucher before its signature is checked.
	fn cheap_refusal(batch: &Batch<T::AccountId>, voucher: &Voucher) -> Option<Refusal> {
		let epoch = voucher.epoch;
		if voucher.scheme() == SignatureScheme::Eth {
			Some(Refusal::UnsupportedScheme)
		} else if epoch > batch.current {
			Some(Refusal::EpochNotStarted)
		} else if epoch.saturating_add(1) < batch.current {
			Some(Refusal::EpochClosed)
		} else if [&batch.operator, &batch.key]
			.into_iter()
			.any(|own| own == &voucher.payer || own == &voucher.signer)
		{
			Some(Refusal::SelfDealing)
		} else {
			None
		}
	}

	/// Who signed `voucher`, or [`Refusal::UnknownSpender`].
	fn signer_of(voucher: &Voucher) -> Result<Signer, Refusal> {
		if voucher.signer == voucher.payer {
			return Ok(Signer::Payer);
		}
		let spenders = Spenders::<T>::get(&voucher.payer);
		let entry = spenders
			.iter()
			.find(|entry| entry.spender == voucher.signer)
			.ok_or(Refusal::UnknownSpender)?;
		Ok(match entry.removed_in {
			Some(removed) if voucher.epoch >= removed => Signer::RemovedSpender,
			_ => Signer::Spender { cap_per_epoch: entry.cap_per_epoch },
		})
	}

	/// Pays one verified voucher what its payer's allowance, its signer's cap and the
	/// operator's capacity leave of what it asks; writes the payer's usage record only when it
	/// pays.
	fn pay_voucher(
		batch: &Batch<T::AccountId>,
		voucher: &Voucher,
		tally: &mut EpochTally,
	) -> Result<Payment, Refusal> {
		let epoch = voucher.epoch;
		let allowance = Self::allowance_of(&voucher.payer, epoch);
		let signer = Self::signer_of(voucher)?;
		Usage::<T>::try_mutate(epoch, &voucher.payer, |record| {
			let position = record
				.counters
				.iter()
				.position(|c| c.signer == voucher.signer && c.operator == batch.operator);
			let redeemed = position
				.and_then(|index| record.counters.get(index))
				.map(|counter| counter.redeemed)
				.unwrap_or_default();
			ensure!(voucher.cumulative > redeemed, Refusal::NotIncreasing);
			let asked = voucher.cumulative.saturating_sub(redeemed);
			// What is left of each limit ("left" never goes below zero).
			let allowance_left = allowance.saturating_sub(record.used);
			let signer_left = match signer {
				Signer::Payer => Balance::MAX,
				Signer::Spender { cap_per_epoch } => {
					cap_per_epoch.saturating_sub(record.used_by(&voucher.signer))
				}
				Signer::RemovedSpender => 0,
			};
			let capacity_left = batch.capacity_per_epoch.saturating_sub(tally.entry.redeemed);
			let mut payment = Payment { asked, paid: asked, limit: None };
			for (left, reason) in [
				(allowance_left, Refusal::AllowanceExhausted),
				(signer_left, Refusal::SpenderCapReached),
				(capacity_left, Refusal::CapacityReached),
			] {
				if left < payment.paid {
					payment.paid = left;
					payment.limit = Some(reason);
				}
			}
			let paid = payment.paid;
			if paid.is_zero() {
				return Err(payment.limit.unwrap_or(Refusal::NotIncreasing));
			}
			match position.and_then(|index| record.counters.get_mut(index)) {
				Some(counter) => counter.redeemed.defensive_saturating_accrue(paid),
				None => record
					.counters
					.try_push(UsageCounter {
						signer: voucher.signer.clone(),
						operator: batch.operator.clone(),
						redeemed: paid,
					})
					.map_err(|_| Refusal::TooManyCounters)?,
			}
			// `paid` is within the allowance and the capacity left, so none of these can
			// overflow.
			record.used.defensive_saturating_accrue(paid);
			tally.entry.redeemed.defensive_saturating_accrue(paid);
			tally.credits.defensive_saturating_accrue(paid);
			Ok(payment)
		})
	}

	/// The voucher's event, if it was refused or paid less than it asked.
	fn report_voucher(
		progress: &mut BatchProgress,
		voucher: &Voucher,
		outcome: Result<Payment, Refusal>,
	) {
		let (payer, signer, epoch) = (voucher.payer.clone(), voucher.signer.clone(), voucher.epoch);
		match outcome {
			Ok(Payment { asked, paid, limit }) => {
				progress.paid_vouchers = progress.paid_vouchers.saturating_add(1);
				progress.credits.defensive_saturating_accrue(paid);
				if let Some(limit) = limit {
					Self::deposit_event(Event::VoucherPartlyPaid {
						payer,
						signer,
						epoch,
						asked,
						paid,
						limit,
					});
				}
			}
			Err(reason) => {
				Self::deposit_event(Event::VoucherRefused { payer, signer, epoch, reason })
			}
		}
	}

	/// Stores what a batch redeemed in one epoch: the operator's record and the epoch's credits.
	fn settle_tally(operator: &T::AccountId, tally: EpochTally) -> DispatchResult {
		if tally.credits.is_zero() {
			return Ok(());
		}
		OperatorEpochs::<T>::insert(tally.epoch, operator, tally.entry);
		Rewards::<T>::try_mutate(tally.epoch, |rewards| {
			math::add_to(&mut rewards.credits, tally.credits)?;
			if tally.entry.voided {
				math::add_to(&mut rewards.voided_credits, tally.credits)?;
			}
			Ok(())
		})
	}
}

#[cfg(test)]
impl<T: Config> Pallet<T> {
	/// [`Pallet::scheme_weight`] for given counts, for tests.
	pub(crate) fn scheme_weight_for_test(sr25519: u32, ed25519: u32, ecdsa: u32) -> Weight {
		Self::scheme_weight(SchemeCounts { sr25519, ed25519, ecdsa, unchecked: 0 })
	}

	/// The weight of `unchecked` vouchers refused before their signature check, for tests.
	pub(crate) fn unchecked_weight_for_test(unchecked: u32) -> Weight {
		Self::scheme_weight(SchemeCounts { unchecked, ..Default::default() })
	}
}
