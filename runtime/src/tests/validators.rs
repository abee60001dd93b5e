//! No path takes the validator set below its minimum: `session.purge_keys` is filtered for
//! every signed origin, however it is wrapped, and `validatorSet.purgeKeys` refuses a validator.
//! On the dev chain, the only validator dropping its keys would have emptied the Aura and
//! GRANDPA sets at the next rotation and stopped finality.

use super::{preset_test, signed, start_block_one};
use crate::{Executive, Runtime, RuntimeCall};
use polkadot_sdk::{
	frame_system, pallet_proxy, pallet_session, pallet_utility,
	sp_genesis_builder::DEV_RUNTIME_PRESET, sp_keyring::Sr25519Keyring, sp_runtime::DispatchError,
};

fn purge() -> RuntimeCall {
	RuntimeCall::Session(pallet_session::Call::purge_keys {})
}

#[test]
fn the_only_validator_cannot_drop_its_session_keys() {
	preset_test(DEV_RUNTIME_PRESET, || {
		let alice = Sr25519Keyring::Alice.to_account_id();
		start_block_one();
		let filtered: DispatchError = frame_system::Error::<Runtime>::CallFiltered.into();
		let wrapped = [
			purge(),
			RuntimeCall::Utility(pallet_utility::Call::batch_all { calls: vec![purge()] }),
			RuntimeCall::Utility(pallet_utility::Call::as_derivative {
				index: 0,
				call: Box::new(purge()),
			}),
		];
		for (nonce, call) in wrapped.into_iter().enumerate() {
			let nonce = u32::try_from(nonce).expect("three calls");
			let applied = Executive::apply_extrinsic(signed(Sr25519Keyring::Alice, nonce, call));
			let outcome = applied.expect("valid transaction");
			// `batch_all` and `as_derivative` return the inner error as theirs.
			assert_eq!(outcome, Err(filtered), "nonce {nonce}");
			assert!(pallet_session::NextKeys::<Runtime>::contains_key(&alice));
		}
		// Nor through a proxy, whose call is dispatched with a fresh origin.
		let applied = Executive::apply_extrinsic(signed(
			Sr25519Keyring::Alice,
			3,
			RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
				delegate: Sr25519Keyring::Bob.to_account_id().into(),
				proxy_type: crate::configs::ProxyType::Any,
				delay: 0,
			}),
		));
		assert!(matches!(applied, Ok(Ok(()))), "{applied:?}");
		let proxied = RuntimeCall::Proxy(pallet_proxy::Call::proxy {
			real: alice.clone().into(),
			force_proxy_type: None,
			call: Box::new(purge()),
		});
		let applied = Executive::apply_extrinsic(signed(Sr25519Keyring::Bob, 0, proxied));
		assert!(matches!(applied, Ok(Ok(()))), "{applied:?}");
		assert!(pallet_session::NextKeys::<Runtime>::contains_key(&alice));

		// The validator-set pallet's own purge refuses a validator.
		let applied = Executive::apply_extrinsic(signed(
			Sr25519Keyring::Alice,
			4,
			RuntimeCall::ValidatorSet(pallet_validator_set::Call::purge_keys {}),
		));
		let outcome = applied.expect("valid transaction");
		assert_eq!(outcome, Err(pallet_validator_set::Error::<Runtime>::StillValidating.into()));
		assert!(pallet_session::NextKeys::<Runtime>::contains_key(&alice));
		Executive::finalize_block();
	});
}
