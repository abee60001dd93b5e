//! The runtime-API views.

use super::*;
use codec::Encode;

#[test]
fn the_runtime_api_gives_the_bytes_a_voucher_signs() {
	ExtBuilder.build_and_execute(|| {
		let terms = diem_primitives::voucher::VoucherTerms {
			epoch: 7,
			operator: operator(),
			payer: alice(),
			signer: bob(),
			cumulative: 42,
		};
		let bytes = Credits::voucher_signing_bytes(terms, PayloadWrapping::Bytes);
		let payload = VoucherPayload::new(genesis(), 7, operator(), alice(), bob(), 42);
		assert_eq!(bytes, payload.signing_bytes(PayloadWrapping::Bytes));
	});
}

#[test]
fn the_typed_payload_encodes_to_the_raw_signing_bytes() {
	ExtBuilder.build_and_execute(|| {
		let terms = diem_primitives::voucher::VoucherTerms {
			epoch: 9,
			operator: operator(),
			payer: alice(),
			signer: alice(),
			cumulative: 5 * UNIT,
		};
		let payload = Credits::voucher_payload(terms.clone());
		assert_eq!(payload.genesis_hash, genesis());
		assert_eq!(payload.encode(), Credits::voucher_signing_bytes(terms, PayloadWrapping::Raw));
	});
}

#[test]
fn credit_and_operator_state_views_report_the_chain() {
	ExtBuilder.build_and_execute(|| {
		assert!(Credits::credit_state(&alice()).is_none());
		approved_operator(50 * UNIT);
		assert_ok!(Credits::add_spender(signed(&alice()), acc("App"), UNIT));
		alice_staked_for_a_full_epoch(10 * UNIT);
		let e = current_epoch();
		assert_ok!(redeem(vec![voucher(&sr("App"), Some(alice()), e, UNIT)]));
		assert_ok!(Credits::unstake(signed(&alice()), 2 * UNIT));
		let state = Credits::credit_state(&alice()).unwrap();
		assert_eq!(state.epoch, e);
		assert_eq!((state.staked, state.allowance, state.used), (8 * UNIT, 10 * UNIT, UNIT));
		assert_eq!(state.remaining, 9 * UNIT);
		assert_eq!(state.unlocking.len(), 1);
		assert_eq!(state.spenders[0].used, UNIT);
		let op = Credits::operator_state(&operator()).unwrap();
		assert_eq!(
			op.status,
			OperatorStatus::Approved { capacity_per_epoch: 50 * UNIT, since: FIRST_EPOCH }
		);
		assert_eq!(op.bond, BOND);
		assert_eq!(op.epochs.len(), 1);
		assert_eq!((op.epochs[0].epoch, op.epochs[0].redeemed), (e, UNIT));
		assert_eq!(op.epochs[0].claimable, 0);
	});
}
