//! Voucher redemption: every scheme and wrapping, every refusal, partial payment and weights.

use super::*;

#[test]
fn vouchers_of_every_scheme_and_wrapping_are_paid_and_usage_matches() {
	ExtBuilder.build_and_execute(|| {
		approved_operator(1_000 * UNIT);
		// Payers: Alice (sr25519), an ed25519 and an ecdsa account, each with 10 DIEM staked.
		let ed_payer = ed("Dave");
		let ec_payer = ecdsa::Pair::from_string("//Eve", None).unwrap();
		let ec_account: diem_primitives::AccountId = {
			use polkadot_sdk::sp_runtime::{traits::IdentifyAccount, MultiSigner};
			MultiSigner::from(ec_payer.public()).into_account()
		};
		for who in [ed_acc("Dave"), ec_account.clone()] {
			DiemBalances::mint_into(&who, 20 * UNIT).unwrap();
		}
		for who in [alice(), ed_acc("Dave"), ec_account.clone()] {
			assert_ok!(Credits::stake(signed(&who), 10 * UNIT));
		}
		goto_epoch(current_epoch() + 1, 0);
		let e = current_epoch();
		let bytes = Voucher::sign(
			&sr("Alice"),
			None,
			genesis(),
			e,
			&operator(),
			UNIT,
			PayloadWrapping::Bytes,
		);
		let batch = vec![
			voucher(&sr("Alice"), None, e, 2 * UNIT),
			voucher(&ed_payer, None, e, 3 * UNIT),
			voucher(&ec_payer, None, e, 4 * UNIT),
		];
		let info = frame_support::dispatch::GetDispatchInfo::get_dispatch_info(
			&RuntimeCall::Credits(Call::redeem { vouchers: batch.clone() }),
		);
		let result = redeem(batch).unwrap();
		// Every voucher was checked: nothing refunded.
		assert_eq!(result.actual_weight, Some(info.call_weight));
		assert_eq!(remaining(&alice()), 8 * UNIT);
		assert_eq!(remaining(&ed_acc("Dave")), 7 * UNIT);
		assert_eq!(remaining(&ec_account), 6 * UNIT);
		// A newer voucher pays the difference; a `<Bytes>`-wrapped one for another signer
		// counter (same signer, same operator) is the same counter.
		assert_ok!(redeem(vec![voucher(&sr("Alice"), None, e, 5 * UNIT)]));
		assert_eq!(remaining(&alice()), 5 * UNIT);
		assert_ok!(redeem(vec![bytes]));
		assert_eq!(refusals(), vec![Refusal::NotIncreasing]);
		assert_eq!(OperatorEpochs::<Test>::get(e, operator()).unwrap().redeemed, 12 * UNIT);
		assert_eq!(Rewards::<Test>::get(e).credits, 12 * UNIT);
		assert!(credit_events().contains(&Event::BatchRedeemed {
			operator: operator(),
			vouchers: 3,
			paid_vouchers: 3,
			credits: 9 * UNIT
		}));
	});
}

/// `MultiSignature::Eth` vouchers are not a supported scheme: refused before the signature
/// check, charged as the cheapest scheme, and nothing is paid, however valid the signature.
#[test]
fn an_eth_keccak_signed_voucher_is_refused_as_an_unsupported_scheme() {
	use polkadot_sdk::sp_runtime::{traits::IdentifyAccount, MultiSignature, MultiSigner};
	ExtBuilder.build_and_execute(|| {
		approved_operator(1_000 * UNIT);
		let pair = ecdsa::KeccakPair::from_string("//Eth", None).unwrap();
		let payer: diem_primitives::AccountId = MultiSigner::Eth(pair.public()).into_account();
		DiemBalances::mint_into(&payer, 20 * UNIT).unwrap();
		assert_ok!(Credits::stake(signed(&payer), 10 * UNIT));
		goto_epoch(current_epoch() + 1, 0);
		let e = current_epoch();
		let payload =
			VoucherPayload::new(genesis(), e, operator(), payer.clone(), payer.clone(), UNIT);
		let voucher = Voucher {
			epoch: e,
			payer: payer.clone(),
			signer: payer.clone(),
			cumulative: UNIT,
			wrapping: PayloadWrapping::Raw,
			signature: MultiSignature::Eth(pair.sign(&payload.signing_bytes(PayloadWrapping::Raw))),
		};
		assert!(voucher.verify(genesis(), &operator()), "a valid signature, still refused");
		let charged = frame_support::dispatch::GetDispatchInfo::get_dispatch_info(
			&RuntimeCall::Credits(Call::redeem { vouchers: vec![voucher.clone()] }),
		)
		.call_weight;
		assert_eq!(charged, Credits::unchecked_weight_for_test(1));
		let _ = redeem(vec![voucher]);
		assert_eq!(remaining(&payer), 10 * UNIT);
		assert_eq!(Usage::<Test>::get(e, &payer).used, 0);
		assert_eq!(refusals(), vec![Refusal::UnsupportedScheme]);
	});
}

#[test]
fn one_batch_may_hold_vouchers_of_the_previous_and_the_current_epoch() {
	ExtBuilder.build_and_execute(|| {
		approved_operator(1_000 * UNIT);
		alice_staked_for_a_full_epoch(10 * UNIT);
		let e = current_epoch();
		goto_epoch(e + 1, 0);
		assert_ok!(redeem(vec![
			voucher(&sr("Alice"), None, e, 2 * UNIT),
			voucher(&sr("Alice"), None, e + 1, 3 * UNIT),
		]));
		assert_eq!(OperatorEpochs::<Test>::get(e, operator()).unwrap().redeemed, 2 * UNIT);
		assert_eq!(OperatorEpochs::<Test>::get(e + 1, operator()).unwrap().redeemed, 3 * UNIT);
		assert_eq!(Rewards::<Test>::get(e).credits, 2 * UNIT);
		assert_eq!(Rewards::<Test>::get(e + 1).credits, 3 * UNIT);
		assert_eq!(remaining(&alice()), 7 * UNIT);
	});
}

#[test]
fn lowering_a_cap_or_a_capacity_keeps_what_was_redeemed_under_the_old_one() {
	ExtBuilder.build_and_execute(|| {
		approved_operator(5 * UNIT);
		assert_ok!(Credits::add_spender(signed(&alice()), acc("App"), 4 * UNIT));
		alice_staked_for_a_full_epoch(10 * UNIT);
		let e = current_epoch();
		assert_ok!(redeem(vec![voucher(&sr("App"), Some(alice()), e, 4 * UNIT)]));
		// Both bounds fall below what was redeemed this epoch: nothing more is paid, and the
		// invariants (checked after the test) accept the earlier redemptions.
		assert_ok!(Credits::add_spender(signed(&alice()), acc("App"), UNIT));
		assert_ok!(Credits::approve_operator(RuntimeOrigin::root(), operator(), 2 * UNIT));
		System::reset_events();
		assert_ok!(redeem(vec![
			voucher(&sr("App"), Some(alice()), e, 5 * UNIT),
			voucher(&sr("Alice"), None, e, UNIT),
		]));
		assert_eq!(refusals(), vec![Refusal::SpenderCapReached, Refusal::CapacityReached]);
	});
}

#[test]
fn every_bad_voucher_is_refused_with_its_reason_and_pays_nothing() {
	ExtBuilder.build_and_execute(|| {
		approved_operator(1_000 * UNIT);
		alice_staked_for_a_full_epoch(10 * UNIT);
		let e = current_epoch();
		let alice_key = sr("Alice");
		let good = voucher(&alice_key, None, e, UNIT);
		let tampered = Voucher { cumulative: 9 * UNIT, ..good.clone() };
		let other_chain = Voucher::sign(
			&alice_key,
			None,
			H256::repeat_byte(7),
			e,
			&operator(),
			UNIT,
			PayloadWrapping::Raw,
		);
		let other_operator =
			Voucher::sign(&alice_key, None, genesis(), e, &operator2(), UNIT, PayloadWrapping::Raw);
		// Claims Bob signed, but Alice's key did.
		let wrong_signer = Voucher { signer: bob(), ..good.clone() };
		let future = voucher(&alice_key, None, e + 1, UNIT);
		let stale = voucher(&alice_key, None, e - 2, UNIT);
		let self_paid = Voucher::sign(
			&sr("Operator"),
			None,
			genesis(),
			e,
			&operator(),
			UNIT,
			PayloadWrapping::Raw,
		);
		let unknown_spender = voucher(&sr("Stranger"), Some(alice()), e, UNIT);
		// The operator (or its redeem key) signing for someone else's allowance.
		let operator_signs = voucher(&sr("Operator"), Some(alice()), e, UNIT);
		let key_signs = voucher(&sr("OperatorHot"), Some(alice()), e, UNIT);
		assert_ok!(redeem(vec![
			tampered,
			other_chain,
			other_operator,
			wrong_signer,
			future,
			stale,
			self_paid,
			unknown_spender,
			operator_signs,
			key_signs,
		]));
		assert_eq!(
			refusals(),
			vec![
				Refusal::BadSignature,
				Refusal::BadSignature,
				Refusal::BadSignature,
				Refusal::BadSignature,
				Refusal::EpochNotStarted,
				Refusal::EpochClosed,
				Refusal::SelfDealing,
				Refusal::UnknownSpender,
				Refusal::SelfDealing,
				Refusal::SelfDealing,
			]
		);
		assert_eq!(remaining(&alice()), 10 * UNIT);
		assert!(!Usage::<Test>::contains_key(e, alice()));
		// The good one is paid once; its replay pays nothing.
		System::reset_events();
		assert_ok!(redeem(vec![good.clone(), good]));
		assert_eq!(refusals(), vec![Refusal::NotIncreasing]);
		assert_eq!(remaining(&alice()), 9 * UNIT);
	});
}

#[test]
fn vouchers_refused_before_their_signature_check_are_refunded() {
	ExtBuilder.build_and_execute(|| {
		approved_operator(1_000 * UNIT);
		let e = current_epoch();
		// Two vouchers of each scheme for an epoch that has not started: refused unchecked.
		let ecdsa_pair = |name: &str| ecdsa::Pair::from_string(&format!("//{name}"), None).unwrap();
		let batches = [
			vec![voucher(&sr("Alice"), None, e + 5, UNIT), voucher(&sr("Bob"), None, e + 5, UNIT)],
			vec![voucher(&ed("Alice"), None, e + 5, UNIT), voucher(&ed("Bob"), None, e + 5, UNIT)],
			vec![
				voucher(&ecdsa_pair("Alice"), None, e + 5, UNIT),
				voucher(&ecdsa_pair("Bob"), None, e + 5, UNIT),
			],
		];
		let weights = [
			Credits::scheme_weight_for_test(2, 0, 0),
			Credits::scheme_weight_for_test(0, 2, 0),
			Credits::scheme_weight_for_test(0, 0, 2),
		];
		use diem_primitives::voucher::SignatureScheme;
		let cheapest = match Credits::cheapest_scheme() {
			SignatureScheme::Sr25519 => weights[0],
			SignatureScheme::Ed25519 => weights[1],
			_ => weights[2],
		};
		assert!(weights.iter().all(|w| cheapest.ref_time() <= w.ref_time()));
		for (batch, declared) in batches.into_iter().zip(weights) {
			let charged = frame_support::dispatch::GetDispatchInfo::get_dispatch_info(
				&RuntimeCall::Credits(Call::redeem { vouchers: batch.clone() }),
			)
			.call_weight;
			assert_eq!(charged, declared, "charged up front at the batch's own scheme");
			let actual = redeem(batch).unwrap().actual_weight.unwrap();
			// Only the cheapest scheme's cost is kept: the rest of the charge is refunded.
			assert_eq!(actual, cheapest.min(charged));
			assert_eq!(
				charged.ref_time() - actual.ref_time(),
				declared.ref_time() - cheapest.ref_time()
			);
		}
	});
}

#[test]
fn payment_is_bounded_by_allowance_and_capacity_and_reported() {
	ExtBuilder.build_and_execute(|| {
		approved_operator(5 * UNIT);
		alice_staked_for_a_full_epoch(3 * UNIT);
		assert_ok!(Credits::stake(signed(&bob()), 10 * UNIT));
		assert_ok!(Credits::stake(signed(&charlie()), 10 * UNIT));
		goto_epoch(current_epoch() + 1, 0);
		let e = current_epoch();
		System::reset_events();
		assert_ok!(redeem(vec![
			// Over Alice's allowance: partly paid.
			voucher(&sr("Alice"), None, e, 4 * UNIT),
			// Over the operator's remaining capacity (5 - 3 = 2): partly paid.
			voucher(&sr("Bob"), None, e, 4 * UNIT),
			// Capacity used up: refused.
			voucher(&sr("Charlie"), None, e, UNIT),
		]));
		assert_eq!(
			partials(),
			vec![
				(4 * UNIT, 3 * UNIT, Refusal::AllowanceExhausted),
				(4 * UNIT, 2 * UNIT, Refusal::CapacityReached),
			]
		);
		assert_eq!(refusals(), vec![Refusal::CapacityReached]);
		assert_eq!(remaining(&alice()), 0);
		assert_eq!(remaining(&bob()), 8 * UNIT);
		// A later voucher of Alice's (she has nothing left) is refused for her allowance.
		Credits::approve_operator(RuntimeOrigin::root(), operator(), 100 * UNIT).unwrap();
		System::reset_events();
		assert_ok!(redeem(vec![voucher(&sr("Alice"), None, e, 5 * UNIT)]));
		assert_eq!(refusals(), vec![Refusal::AllowanceExhausted]);
	});
}

#[test]
fn a_voucher_is_redeemable_until_the_end_of_the_next_epoch() {
	ExtBuilder.build_and_execute(|| {
		approved_operator(1_000 * UNIT);
		alice_staked_for_a_full_epoch(10 * UNIT);
		let e = current_epoch();
		let v1 = voucher(&sr("Alice"), None, e, UNIT);
		let v2 = voucher(&sr("Alice"), None, e, 2 * UNIT);
		let v3 = voucher(&sr("Alice"), None, e, 3 * UNIT);
		// Exactly at the boundary the epoch is e + 1: e is still redeemable.
		goto_epoch(e + 1, 0);
		assert_ok!(redeem(vec![v1]));
		// The last millisecond of e + 1.
		advance(EPOCH - 1);
		assert_eq!(current_epoch(), e + 1);
		assert_ok!(redeem(vec![v2]));
		assert_eq!(Usage::<Test>::get(e, alice()).used, 2 * UNIT);
		advance(1);
		System::reset_events();
		assert_ok!(redeem(vec![v3]));
		assert_eq!(refusals(), vec![Refusal::EpochClosed]);
		// Unstaking after spending does not take back the epoch's allowance.
		assert_eq!(Usage::<Test>::get(e, alice()).used, 2 * UNIT);
	});
}

#[test]
fn batches_are_bounded_and_counters_too() {
	ExtBuilder.build_and_execute(|| {
		approved_operator(1_000 * UNIT);
		alice_staked_for_a_full_epoch(10 * UNIT);
		let e = current_epoch();
		assert_noop!(redeem(vec![]), Error::<Test>::EmptyBatch);
		let v = voucher(&sr("Alice"), None, e, UNIT);
		assert_noop!(redeem(vec![v; MAX_BATCH as usize + 1]), Error::<Test>::BatchTooLarge);
		// MAX_COUNTERS signers fill Alice's record; one more is refused.
		let names = ["S1", "S2", "S3", "S4"];
		for name in names.iter().take(MAX_SPENDERS as usize) {
			assert_ok!(Credits::add_spender(signed(&alice()), acc(name), UNIT));
		}
		let mut batch: Vec<_> = names
			.iter()
			.take(MAX_SPENDERS as usize)
			.map(|name| voucher(&sr(name), Some(alice()), e, 1))
			.collect();
		batch.push(voucher(&sr("Alice"), None, e, 1));
		assert_ok!(redeem(batch));
		assert_eq!(Usage::<Test>::get(e, alice()).counters.len(), MAX_COUNTERS as usize);
		// A second operator's counter has no room left.
		Credits::register_operator(signed(&operator2()), vec![], redeem_key2()).unwrap();
		Credits::approve_operator(RuntimeOrigin::root(), operator2(), UNIT).unwrap();
		System::reset_events();
		let for_op2 =
			Voucher::sign(&sr("Alice"), None, genesis(), e, &operator2(), 1, PayloadWrapping::Raw);
		assert_ok!(Credits::redeem(signed(&redeem_key2()), vec![for_op2]));
		assert_eq!(refusals(), vec![Refusal::TooManyCounters]);
	});
}
