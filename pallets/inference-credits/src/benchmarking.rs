//! Benchmarks (v2) of every call and of the per-block work, each at its worst case: full
//! unlocking and spender lists, removed spenders to purge, and `redeem` batches whose every
//! voucher is signed by a spender (the spender list is read) for its own payer (a usage record
//! each) into a record with all but one counter taken (the longest scan, then a push).

use super::*;

use alloc::{vec, vec::Vec};
use diem_primitives::{
	voucher::{PayloadWrapping, Voucher, VoucherPayload},
	AccountId, Balance,
};
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, InspectHold, Mutate},
	EnsureOrigin, Get,
};
use frame_system::RawOrigin;
use polkadot_sdk::{
	frame_benchmarking, frame_support, frame_system,
	sp_core::{crypto::KeyTypeId, ecdsa, ed25519, sr25519},
	sp_io,
	sp_runtime::{traits::IdentifyAccount, MultiSignature, MultiSigner},
};

const SEED: u32 = 0;
const KEY_TYPE: KeyTypeId = KeyTypeId(*b"diem");
const DIEM: Balance = diem_primitives::diem::UNIT;
const HASH: Balance = diem_primitives::hash::UNIT;

/// Starts the clock (or moves to the next epoch) through the runtime's timestamp.
fn next_epoch<T: Config>() {
	let next = match CurrentEpoch::<T>::get() {
		Some(epoch) => epoch.end(),
		None => T::DefaultEpochLength::get().saturating_mul(1_000),
	};
	T::BenchmarkHelper::set_time(next);
}

fn epoch<T: Config>() -> u32 {
	CurrentEpoch::<T>::get().map(|e| e.index).unwrap_or_default()
}

/// An account with 1,000 DIEM and 1,000,000 HASH free.
fn funded<T: Config>(name: &'static str, index: u32) -> AccountId {
	let who: AccountId = account(name, index, SEED);
	T::BenchmarkHelper::fund_diem(&who, 1_000 * DIEM);
	T::BondCurrency::set_balance(&who, 1_000_000 * HASH);
	who
}

fn ensure_pool<T: Config>() {
	let pool = T::RewardPool::get();
	if T::BondCurrency::balance(&pool) < T::BondCurrency::minimum_balance() {
		T::BondCurrency::set_balance(&pool, T::BondCurrency::minimum_balance());
	}
}

/// A registered operator approved with ample capacity, and its redeem key.
fn approved_operator<T: Config>() -> (AccountId, AccountId) {
	if CurrentEpoch::<T>::get().is_none() {
		next_epoch::<T>();
	}
	let operator = funded::<T>("operator", 0);
	let key: AccountId = account("redeem-key", 0, SEED);
	Pallet::<T>::do_register_operator(&operator, vec![0; 32], key.clone())
		.expect("registering in the benchmark");
	Pallet::<T>::do_approve_operator(&operator, Balance::MAX).expect("approving");
	(operator, key)
}

/// A key of `scheme` in the keystore and its account.
fn new_key(scheme: u8, index: u32) -> (AccountId, u8, Vec<u8>) {
	let seed = alloc::format!("//bench-{scheme}-{index}").into_bytes();
	let (public, raw): (MultiSigner, Vec<u8>) = match scheme {
		0 => {
			let key = sp_io::crypto::sr25519_generate(KEY_TYPE, Some(seed));
			(key.into(), key.0.to_vec())
		}
		1 => {
			let key = sp_io::crypto::ed25519_generate(KEY_TYPE, Some(seed));
			(key.into(), key.0.to_vec())
		}
		_ => {
			let key = sp_io::crypto::ecdsa_generate(KEY_TYPE, Some(seed));
			(key.into(), key.0.to_vec())
		}
	};
	(public.into_account(), scheme, raw)
}

fn sign(scheme: u8, raw_public: &[u8], message: &[u8]) -> MultiSignature {
	match scheme {
		0 => {
			let public = sr25519::Public::try_from(raw_public).expect("an sr25519 key");
			sp_io::crypto::sr25519_sign(KEY_TYPE, &public, message).expect("signing").into()
		}
		1 => {
			let public = ed25519::Public::try_from(raw_public).expect("an ed25519 key");
			sp_io::crypto::ed25519_sign(KEY_TYPE, &public, message).expect("signing").into()
		}
		_ => {
			let public = ecdsa::Public::try_from(raw_public).expect("an ecdsa key");
			sp_io::crypto::ecdsa_sign(KEY_TYPE, &public, message).expect("signing").into()
		}
	}
}

/// `n` worst-case vouchers of `scheme` for `operator`, alternating between the previous and the
/// current epoch (two epochs' operator records and rewards to write): each payer has a credit
/// stake, a full spender list with the signer last, and a usage record with all but one counter
/// taken by other operators.
fn worst_case_vouchers<T: Config>(scheme: u8, n: u32, operator: &AccountId) -> Vec<Voucher> {
	let e = epoch::<T>();
	let genesis = Pallet::<T>::genesis_hash();
	let mut vouchers = Vec::new();
	for i in 0..n {
		let payer = funded::<T>("payer", i);
		Pallet::<T>::do_stake(&payer, 100 * DIEM).expect("staking");
		for s in 1..T::MaxSpenders::get() {
			Pallet::<T>::do_add_spender(&payer, account("other-spender", s, SEED), DIEM)
				.expect("adding a spender");
		}
		let (signer, scheme, raw) = new_key(scheme, i);
		Pallet::<T>::do_add_spender(&payer, signer.clone(), 100 * DIEM).expect("adding");
		let mut record = UsageRecordOf::<T>::default();
		for c in 1..T::MaxCountersPerPayer::get() {
			let _ = record.counters.try_push(UsageCounter {
				signer: account("other-signer", c, SEED),
				operator: account("other-operator", c, SEED),
				redeemed: 1,
			});
			record.used = record.used.saturating_add(1);
		}
		vouchers.push((payer, signer, scheme, raw, record));
	}
	// The stakes count fully from the next epoch; vouchers are for it and the one after.
	next_epoch::<T>();
	next_epoch::<T>();
	vouchers
		.into_iter()
		.enumerate()
		.map(|(i, (payer, signer, scheme, raw, record))| {
			let e = if i % 2 == 0 { e.saturating_add(2) } else { e.saturating_add(1) };
			Usage::<T>::insert(e, &payer, record);
			let payload = VoucherPayload::new(
				genesis,
				e,
				operator.clone(),
				payer.clone(),
				signer.clone(),
				DIEM,
			);
			let signature = sign(scheme, &raw, &payload.signing_bytes(PayloadWrapping::Raw));
			Voucher {
				epoch: e,
				payer,
				signer,
				cumulative: DIEM,
				wrapping: PayloadWrapping::Raw,
				signature,
			}
		})
		.collect()
}

fn assert_all_paid<T: Config>(operator: &AccountId, n: u32) {
	let e = epoch::<T>();
	let redeemed = [e, e.saturating_sub(1)]
		.into_iter()
		.filter_map(|epoch| OperatorEpochs::<T>::get(epoch, operator))
		.fold(0, |sum: Balance, entry| sum.saturating_add(entry.redeemed));
	assert_eq!(redeemed, Balance::from(n) * DIEM);
}

#[benchmarks(where T: Config)]
mod benches {
	use super::*;

	/// A stake that rolls its record into a new epoch.
	#[benchmark]
	fn stake() {
		next_epoch::<T>();
		let who = funded::<T>("staker", 0);
		Pallet::<T>::do_stake(&who, DIEM).expect("staking");
		next_epoch::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), DIEM);
		assert_eq!(CreditStakes::<T>::get(&who).map(|s| s.staked), Some(2 * DIEM));
	}

	/// The last free unlocking chunk.
	#[benchmark]
	fn unstake() {
		next_epoch::<T>();
		let who = funded::<T>("staker", 0);
		Pallet::<T>::do_stake(&who, 100 * DIEM).expect("staking");
		for _ in 1..T::MaxUnlockingChunks::get() {
			Pallet::<T>::do_unstake(&who, DIEM).expect("unstaking");
		}
		next_epoch::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), DIEM);
		let chunks = CreditStakes::<T>::get(&who).map(|s| s.unlocking.len() as u32);
		assert_eq!(chunks, Some(T::MaxUnlockingChunks::get()));
	}

	/// Every chunk due at once.
	#[benchmark]
	fn withdraw() {
		next_epoch::<T>();
		let who = funded::<T>("staker", 0);
		Pallet::<T>::do_stake(&who, 100 * DIEM).expect("staking");
		for _ in 0..T::MaxUnlockingChunks::get() {
			Pallet::<T>::do_unstake(&who, DIEM).expect("unstaking");
		}
		next_epoch::<T>();
		next_epoch::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()));
		let unstaked = Balance::from(T::MaxUnlockingChunks::get()) * DIEM;
		assert_eq!(
			T::Diem::balance_on_hold(&HoldReason::CreditStake.into(), &who),
			100 * DIEM - unstaked
		);
	}

	/// A full list whose removed entries are purged (their deposits released) before the push.
	#[benchmark]
	fn add_spender() {
		next_epoch::<T>();
		let who = funded::<T>("staker", 0);
		for s in 0..T::MaxSpenders::get() {
			let spender: AccountId = account("spender", s, SEED);
			Pallet::<T>::do_add_spender(&who, spender.clone(), DIEM).expect("adding");
			Pallet::<T>::do_remove_spender(&who, &spender).expect("removing");
		}
		next_epoch::<T>();
		let new: AccountId = account("new-spender", 0, SEED);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), new, DIEM);
		assert_eq!(Spenders::<T>::get(&who).len(), 1);
	}

	/// The last entry of a full list whose other entries are purged first (their deposits
	/// released).
	#[benchmark]
	fn remove_spender() {
		next_epoch::<T>();
		let who = funded::<T>("staker", 0);
		for s in 1..T::MaxSpenders::get() {
			let spender: AccountId = account("spender", s, SEED);
			Pallet::<T>::do_add_spender(&who, spender.clone(), DIEM).expect("adding");
			Pallet::<T>::do_remove_spender(&who, &spender).expect("removing");
		}
		let last: AccountId = account("spender", 0, SEED);
		Pallet::<T>::do_add_spender(&who, last.clone(), DIEM).expect("adding");
		next_epoch::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), last);
		let spenders = Spenders::<T>::get(&who);
		assert_eq!(spenders.len(), 1);
		assert!(spenders.iter().all(|entry| entry.removed_in.is_some()));
	}

	#[benchmark]
	fn register_operator(m: Linear<0, { T::MaxMetadataLen::get() }>) {
		let who = funded::<T>("operator", 0);
		let key: AccountId = account("redeem-key", 0, SEED);
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), vec![7u8; m as usize], key);
		assert!(Operators::<T>::contains_key(&who));
	}

	#[benchmark]
	fn approve_operator() -> Result<(), BenchmarkError> {
		next_epoch::<T>();
		let who = funded::<T>("operator", 0);
		Pallet::<T>::do_register_operator(&who, vec![], account("redeem-key", 0, SEED))
			.expect("registering");
		let origin = T::OperatorAdminOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), DIEM);
		assert!(matches!(
			Operators::<T>::get(&who).map(|info| info.status),
			Some(OperatorStatus::Approved { .. })
		));
		Ok(())
	}

	#[benchmark]
	fn set_redeem_key() {
		let (operator, _) = approved_operator::<T>();
		let new: AccountId = account("new-key", 0, SEED);
		#[extrinsic_call]
		_(RawOrigin::Signed(operator.clone()), new.clone());
		assert_eq!(RedeemKeys::<T>::get(&new), Some(operator));
	}

	#[benchmark]
	fn unregister_operator() {
		next_epoch::<T>();
		let (operator, key) = approved_operator::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(operator));
		assert!(!RedeemKeys::<T>::contains_key(&key));
	}

	#[benchmark]
	fn release_bond() {
		next_epoch::<T>();
		let (operator, _) = approved_operator::<T>();
		Pallet::<T>::do_unregister_operator(&operator).expect("unregistering");
		for _ in 0..Pallet::<T>::claims_open_at(0) {
			next_epoch::<T>();
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(operator.clone()));
		assert!(!Operators::<T>::contains_key(&operator));
	}

	#[benchmark]
	fn slash_operator() -> Result<(), BenchmarkError> {
		next_epoch::<T>();
		ensure_pool::<T>();
		let (operator, _) = approved_operator::<T>();
		let origin = T::OperatorAdminOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, operator.clone(), 1);
		assert_eq!(Rewards::<T>::get(epoch::<T>()).slashed, 1);
		Ok(())
	}

	#[benchmark]
	fn void_operator_epoch() -> Result<(), BenchmarkError> {
		next_epoch::<T>();
		let (operator, _) = approved_operator::<T>();
		let e = epoch::<T>();
		OperatorEpochs::<T>::insert(e, &operator, OperatorEpoch { redeemed: DIEM, voided: false });
		Rewards::<T>::mutate(e, |r| r.credits = DIEM);
		let origin = T::OperatorAdminOrigin::try_successful_origin()
			.map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, operator.clone(), e);
		assert_eq!(Rewards::<T>::get(e).voided_credits, DIEM);
		Ok(())
	}

	#[benchmark]
	fn redeem_sr25519(n: Linear<1, { T::MaxVouchersPerBatch::get() }>) {
		next_epoch::<T>();
		let (operator, key) = approved_operator::<T>();
		let vouchers = worst_case_vouchers::<T>(0, n, &operator);
		#[extrinsic_call]
		redeem(RawOrigin::Signed(key), vouchers);
		assert_all_paid::<T>(&operator, n);
	}

	#[benchmark]
	fn redeem_ed25519(n: Linear<0, { T::MaxVouchersPerBatch::get() }>) {
		next_epoch::<T>();
		let (operator, key) = approved_operator::<T>();
		// `n = 0` measures the batch's fixed cost with one voucher refused before any check
		// that costs (an empty batch is refused outright).
		let vouchers = if n == 0 {
			let mut one = worst_case_vouchers::<T>(1, 1, &operator);
			one.iter_mut().for_each(|v| v.epoch = v.epoch.saturating_add(1));
			one
		} else {
			worst_case_vouchers::<T>(1, n, &operator)
		};
		#[extrinsic_call]
		redeem(RawOrigin::Signed(key), vouchers);
		if n > 0 {
			assert_all_paid::<T>(&operator, n);
		}
	}

	#[benchmark]
	fn redeem_ecdsa(n: Linear<1, { T::MaxVouchersPerBatch::get() }>) {
		next_epoch::<T>();
		let (operator, key) = approved_operator::<T>();
		let vouchers = worst_case_vouchers::<T>(2, n, &operator);
		#[extrinsic_call]
		redeem(RawOrigin::Signed(key), vouchers);
		assert_all_paid::<T>(&operator, n);
	}

	#[benchmark]
	fn claim_operator_rewards() {
		next_epoch::<T>();
		ensure_pool::<T>();
		let (operator, _) = approved_operator::<T>();
		let e = epoch::<T>();
		OperatorEpochs::<T>::insert(e, &operator, OperatorEpoch { redeemed: DIEM, voided: false });
		Rewards::<T>::insert(
			e,
			EpochRewards {
				credits: DIEM,
				settlement: Some(Settlement { eligible: DIEM, payable: HASH, claimed: 0 }),
				..Default::default()
			},
		);
		T::BondCurrency::mint_into(&T::RewardPool::get(), HASH).expect("funding the pool");
		#[extrinsic_call]
		_(RawOrigin::Signed(operator.clone()), e);
		assert!(!OperatorEpochs::<T>::contains_key(e, &operator));
	}

	#[benchmark]
	fn set_epoch_length() -> Result<(), BenchmarkError> {
		let origin =
			T::AdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let length = T::MaxEpochLength::get();
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, length);
		assert_eq!(PendingEpochLength::<T>::get(), Some(length));
		Ok(())
	}

	/// Crossing a boundary with a new length pending and pool income to record.
	#[benchmark]
	fn epoch_boundary() {
		next_epoch::<T>();
		let clock = CurrentEpoch::<T>::get().expect("the clock runs");
		PendingEpochLength::<T>::put(clock.length);
		T::BenchmarkHelper::add_pool_income(HASH);
		#[block]
		{
			Pallet::<T>::advance_clock(clock.end());
		}
		assert_eq!(epoch::<T>(), clock.index.saturating_add(1));
	}

	#[benchmark]
	fn settle_epoch() {
		next_epoch::<T>();
		let e = epoch::<T>();
		Rewards::<T>::insert(
			e,
			EpochRewards { accrued: HASH, credits: DIEM, ..Default::default() },
		);
		for _ in 0..Pallet::<T>::claims_open_at(0) {
			next_epoch::<T>();
		}
		NextToSettle::<T>::put(e);
		#[block]
		{
			Pallet::<T>::settle_due_epoch();
		}
		assert!(Rewards::<T>::get(e).settlement.is_some());
	}

	#[benchmark]
	fn expire_epoch() {
		next_epoch::<T>();
		let e = epoch::<T>();
		Rewards::<T>::insert(
			e,
			EpochRewards {
				credits: DIEM,
				settlement: Some(Settlement { eligible: DIEM, payable: HASH, claimed: 0 }),
				..Default::default()
			},
		);
		let closes = Pallet::<T>::claims_open_at(0).saturating_add(T::ClaimEpochs::get());
		for _ in 0..closes {
			next_epoch::<T>();
		}
		NextToSettle::<T>::put(e.saturating_add(1));
		NextToExpire::<T>::put(e);
		#[block]
		{
			Pallet::<T>::expire_due_epoch();
		}
		assert!(!Rewards::<T>::contains_key(e));
	}

	/// `n` usage records of an expired epoch removed in one block.
	#[benchmark]
	fn prune(n: Linear<1, { T::PruneBudget::get() }>) {
		next_epoch::<T>();
		let e = epoch::<T>();
		for i in 0..n {
			let payer: AccountId = account("payer", i, SEED);
			let mut record = UsageRecordOf::<T>::default();
			record.used = 1;
			let _ = record.counters.try_push(UsageCounter {
				signer: payer.clone(),
				operator: payer.clone(),
				redeemed: 1,
			});
			Usage::<T>::insert(e, &payer, record);
		}
		// Its redemption window has closed.
		next_epoch::<T>();
		next_epoch::<T>();
		NextUsageToPrune::<T>::put(e);
		#[block]
		{
			Pallet::<T>::prune_expired();
		}
		assert_eq!(Usage::<T>::iter_prefix(e).count(), 0);
	}

	impl_benchmark_test_suite!(Pallet, crate::tests::ExtBuilder.build(), crate::tests::Test);
}
