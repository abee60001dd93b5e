//! What each proxy type reaches, judged by the state a call leaves behind (the `proxy` call
//! itself succeeds whether or not its inner call was filtered). Every type meets every probe,
//! each in a fresh dev chain: a probe whose call the type may make must change its state, any
//! other probe must leave it as it was.

use super::{preset_test, start_block_one};
use crate::{
	configs::{assets::DiemToken as DiemBalances, ProxyType},
	Balances, Diem, Runtime, RuntimeCall, RuntimeOrigin, System,
};
use codec::Encode;
use diem_primitives::{
	diem,
	hash::UNIT,
	voucher::{PayloadWrapping, Voucher},
	AccountId,
};
use polkadot_sdk::{
	frame_support::{assert_ok, traits::fungible::Inspect as _, weights::Weight},
	pallet_balances, pallet_multisig, pallet_proxy, pallet_sudo, pallet_utility,
	sp_genesis_builder::DEV_RUNTIME_PRESET,
	sp_keyring::Sr25519Keyring,
	sp_runtime::traits::Dispatchable,
};

/// Who plays which part: Alice delegates to Bob; Charlie holds credits; Eve operates with Alice
/// as its redeem key; Dave lets Alice act for him (Any); Ferdie is Alice's delayed proxy with an
/// announcement pending.
fn account(who: Sr25519Keyring) -> AccountId {
	who.to_account_id()
}

const ANNOUNCED: [u8; 32] = [7; 32];

fn dispatch(who: Sr25519Keyring, call: RuntimeCall) {
	let what = format!("{who:?}: {call:?}");
	if let Err(e) = call.dispatch(RuntimeOrigin::signed(account(who))) {
		panic!("{what}: {:?}", e.error);
	}
}

/// The chain every probe starts from, with Bob as Alice's proxy of `proxy_type`.
fn setup(proxy_type: ProxyType) {
	use Sr25519Keyring::*;
	start_block_one();
	let mint = 10 * diem::UNIT;
	let max_cost = Diem::mint_quote(mint).expect("minting is open on the dev chain");
	dispatch(Charlie, RuntimeCall::Diem(pallet_diem::Call::mint { diem: mint, max_cost }));
	dispatch(
		Charlie,
		RuntimeCall::InferenceCredits(pallet_inference_credits::Call::stake { amount: mint / 2 }),
	);
	dispatch(
		Eve,
		RuntimeCall::InferenceCredits(pallet_inference_credits::Call::register_operator {
			metadata: b"eve".to_vec(),
			redeem_key: account(Alice),
		}),
	);
	assert_ok!(RuntimeCall::InferenceCredits(pallet_inference_credits::Call::approve_operator {
		operator: account(Eve),
		capacity_per_epoch: 1_000 * diem::UNIT,
	})
	.dispatch(RuntimeOrigin::root()));
	let add_proxy = |delegate, proxy_type, delay| {
		RuntimeCall::Proxy(pallet_proxy::Call::add_proxy { delegate, proxy_type, delay })
	};
	dispatch(Dave, add_proxy(account(Alice).into(), ProxyType::Any, 0));
	dispatch(Alice, add_proxy(account(Ferdie).into(), ProxyType::Any, 10));
	dispatch(
		Ferdie,
		RuntimeCall::Proxy(pallet_proxy::Call::announce {
			real: account(Alice).into(),
			call_hash: ANNOUNCED.into(),
		}),
	);
	dispatch(Alice, add_proxy(account(Bob).into(), proxy_type, 0));
}

/// A call Bob makes for Alice, and the state that shows whether it happened.
struct Probe {
	name: &'static str,
	call: fn() -> RuntimeCall,
	state: fn() -> Vec<u8>,
}

fn hash_transfer(dest: Sr25519Keyring) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: account(dest).into(),
		value: UNIT,
	})
}

fn compute_stake() -> RuntimeCall {
	RuntimeCall::ComputeStaking(pallet_compute_staking::Call::stake { amount: UNIT })
}

fn free_hash(who: Sr25519Keyring) -> Vec<u8> {
	Balances::free_balance(account(who)).encode()
}

fn alice_stake() -> Vec<u8> {
	pallet_compute_staking::Ledgers::<Runtime>::get(account(Sr25519Keyring::Alice)).encode()
}

fn probes() -> Vec<Probe> {
	use Sr25519Keyring::*;
	vec![
		Probe { name: "HASH transfer", call: || hash_transfer(Dave), state: || free_hash(Dave) },
		Probe {
			name: "sudo set_key",
			call: || RuntimeCall::Sudo(pallet_sudo::Call::set_key { new: account(Bob).into() }),
			state: || pallet_sudo::Key::<Runtime>::get().encode(),
		},
		Probe { name: "compute stake", call: compute_stake, state: alice_stake },
		Probe {
			name: "DIEM mint",
			call: || {
				let max_cost = Diem::mint_quote(diem::UNIT).unwrap_or_default();
				RuntimeCall::Diem(pallet_diem::Call::mint { diem: diem::UNIT, max_cost })
			},
			state: || pallet_diem::Positions::<Runtime>::get(account(Alice)).encode(),
		},
		Probe {
			name: "DIEM transfer",
			call: || {
				RuntimeCall::Assets(polkadot_sdk::pallet_assets::Call::transfer {
					id: diem::ASSET_ID.into(),
					target: account(Dave).into(),
					amount: diem::UNIT,
				})
			},
			state: || DiemBalances::balance(&account(Dave)).encode(),
		},
		Probe {
			name: "credit spender",
			call: || {
				RuntimeCall::InferenceCredits(pallet_inference_credits::Call::add_spender {
					spender: account(Bob),
					cap_per_epoch: u128::MAX,
				})
			},
			state: || pallet_inference_credits::Spenders::<Runtime>::get(account(Alice)).encode(),
		},
		Probe {
			name: "credit stake",
			call: || {
				RuntimeCall::InferenceCredits(pallet_inference_credits::Call::stake {
					amount: diem::UNIT,
				})
			},
			state: || {
				pallet_inference_credits::CreditStakes::<Runtime>::get(account(Alice)).encode()
			},
		},
		Probe {
			name: "multisig approval",
			call: || {
				RuntimeCall::Multisig(pallet_multisig::Call::approve_as_multi {
					threshold: 2,
					other_signatories: vec![account(Dave)],
					maybe_timepoint: None,
					call_hash: [1; 32],
					max_weight: Weight::zero(),
				})
			},
			state: || {
				u32::try_from(pallet_multisig::Multisigs::<Runtime>::iter().count())
					.unwrap_or(u32::MAX)
					.encode()
			},
		},
		Probe {
			name: "HASH transfer in a batch",
			call: || {
				RuntimeCall::Utility(pallet_utility::Call::batch {
					calls: vec![hash_transfer(Dave)],
				})
			},
			state: || free_hash(Dave),
		},
		Probe {
			name: "compute stake in a batch",
			call: || {
				RuntimeCall::Utility(pallet_utility::Call::batch_all {
					calls: vec![compute_stake()],
				})
			},
			state: alice_stake,
		},
		Probe {
			name: "HASH transfer through a nested proxy",
			call: || {
				RuntimeCall::Proxy(pallet_proxy::Call::proxy {
					real: account(Dave).into(),
					force_proxy_type: None,
					call: Box::new(hash_transfer(Ferdie)),
				})
			},
			state: || free_hash(Ferdie),
		},
		Probe {
			name: "voucher redemption",
			call: || {
				let epoch = crate::InferenceCredits::epoch_clock()
					.map(|clock| clock.current.index)
					.unwrap_or_default();
				let voucher = Voucher::sign(
					&Charlie.pair(),
					None,
					System::block_hash(0),
					epoch,
					&account(Eve),
					diem::UNIT,
					PayloadWrapping::Bytes,
				);
				RuntimeCall::InferenceCredits(pallet_inference_credits::Call::redeem {
					vouchers: vec![voucher],
				})
			},
			state: || {
				pallet_inference_credits::Usage::<Runtime>::iter()
					.map(|(_, _, record)| record.used)
					.sum::<u128>()
					.encode()
			},
		},
		Probe {
			name: "rejecting an announcement",
			call: || {
				RuntimeCall::Proxy(pallet_proxy::Call::reject_announcement {
					delegate: account(Ferdie).into(),
					call_hash: ANNOUNCED.into(),
				})
			},
			state: || pallet_proxy::Announcements::<Runtime>::get(account(Ferdie)).encode(),
		},
		Probe {
			name: "removing every proxy",
			call: || RuntimeCall::Proxy(pallet_proxy::Call::remove_proxies {}),
			state: || pallet_proxy::Proxies::<Runtime>::get(account(Alice)).encode(),
		},
	]
}

/// The probes each type must reach; every other probe must leave no trace.
fn reaches(proxy_type: ProxyType) -> Vec<&'static str> {
	match proxy_type {
		ProxyType::Any => probes().iter().map(|probe| probe.name).collect(),
		ProxyType::NonTransfer => vec![
			"compute stake",
			"DIEM mint",
			"credit stake",
			"compute stake in a batch",
			"rejecting an announcement",
		],
		ProxyType::Staking => vec!["compute stake", "credit stake", "compute stake in a batch"],
		ProxyType::Operator => vec!["voucher redemption"],
		ProxyType::CancelProxy => vec!["rejecting an announcement"],
	}
}

#[test]
fn each_proxy_type_reaches_exactly_its_calls() {
	let types = [
		ProxyType::Any,
		ProxyType::NonTransfer,
		ProxyType::CancelProxy,
		ProxyType::Staking,
		ProxyType::Operator,
	];
	for proxy_type in types {
		let allowed = reaches(proxy_type);
		for probe in probes() {
			preset_test(DEV_RUNTIME_PRESET, || {
				setup(proxy_type);
				let before = (probe.state)();
				let proxied = RuntimeCall::Proxy(pallet_proxy::Call::proxy {
					real: account(Sr25519Keyring::Alice).into(),
					force_proxy_type: None,
					call: Box::new((probe.call)()),
				});
				// Filtered or not, the proxy call itself goes through: only state tells.
				dispatch(Sr25519Keyring::Bob, proxied);
				let changed = (probe.state)() != before;
				assert_eq!(
					changed,
					allowed.contains(&probe.name),
					"{proxy_type:?} proxy, {}: changed = {changed}",
					probe.name
				);
			});
		}
	}
}

#[test]
fn a_proxy_type_is_a_superset_only_of_what_it_can_do() {
	use polkadot_sdk::frame_support::traits::InstanceFilter;
	let all = [
		ProxyType::Any,
		ProxyType::NonTransfer,
		ProxyType::CancelProxy,
		ProxyType::Staking,
		ProxyType::Operator,
	];
	for wider in all {
		for narrower in all {
			// A superset must reach every probe the narrower type reaches.
			if wider.is_superset(&narrower) {
				let (wide, narrow) = (reaches(wider), reaches(narrower));
				assert!(
					narrow.iter().all(|name| wide.contains(name)),
					"{wider:?} claims to contain {narrower:?}"
				);
			}
		}
	}
	assert!(!ProxyType::NonTransfer.is_superset(&ProxyType::Operator));
	assert!(!ProxyType::Staking.is_superset(&ProxyType::NonTransfer));
	assert!(ProxyType::Any.is_superset(&ProxyType::Operator));
}
