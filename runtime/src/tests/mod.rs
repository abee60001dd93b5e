//! Runtime tests: genesis presets build a valid state, and signed extrinsics go through the
//! executive the way a block author applies them. Every test on a preset ends with all of the
//! runtime's invariants checked (`preset_test`). By topic: [`proxy`] (what each proxy type
//! reaches), [`invariants`] (the cross-pallet invariants catch what they should), [`validators`]
//! (no path takes the validator set below its minimum), [`dex`] (DIEM as an asset nobody but
//! the curve mints or burns, swaps, liquidity and fees paid in DIEM), [`market`] (leases against
//! the real inference credits), [`governance`] (track origins, referenda, the committee's fast
//! track, safe mode).

mod dex;
mod docs;
mod governance;
mod invariants;
mod lending;
mod market;
mod proxy;
mod validators;

use crate::{
	configs::assets::{DiemHolds as DiemBalances, DiemKind, HashKind},
	genesis_config_presets::{
		self, DEV_ENDOWMENT, DEV_GENESIS_STAKE, DEV_POOL_DIEM, DEV_POOL_HASH, DEV_PROTOCOL_MINT,
	},
	Address, Aura, Balances, ComputeStaking, Diem, Executive, Grandpa, InferenceCredits, Runtime,
	RuntimeCall, RuntimeEvent, RuntimeGenesisConfig, SignedPayload, System, UncheckedExtrinsic,
	ValidatorSet, EXISTENTIAL_DEPOSIT,
};
use codec::Encode;
use diem_primitives::{diem, hash::UNIT};
use polkadot_sdk::frame_support::traits::fungible::{Inspect as _, InspectHold as _};
use polkadot_sdk::{
	frame_system, pallet_aura, pallet_balances, pallet_session, pallet_sudo, pallet_timestamp,
	pallet_transaction_payment,
	sp_consensus_aura::{Slot, AURA_ENGINE_ID},
	sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET},
	sp_io::TestExternalities,
	sp_keyring::Sr25519Keyring,
	sp_runtime::{generic, traits::Header as _, BuildStorage, Digest, DigestItem},
};

/// Storage of the named preset, built the way a node builds genesis from a chain spec.
fn preset_ext(name: &str) -> TestExternalities {
	let storage = genesis_config_presets::preset_storage(name)
		.unwrap_or_else(|e| panic!("preset {name} does not build: {e}"));
	TestExternalities::new(storage)
}

/// Runs `test` on the named preset's genesis state, then checks every invariant of the runtime
/// ([`crate::invariants::check_all`]): each pallet's, issuance against the sum of accounts, and
/// every hold against its pallet's records.
fn preset_test(name: &str, test: impl FnOnce()) {
	preset_ext(name).execute_with(|| {
		test();
		if let Err(broken) = crate::invariants::check_all() {
			panic!("an invariant broke after the test: {broken:?}");
		}
	});
}

#[test]
fn preset_names_are_the_documented_ones() {
	let names = genesis_config_presets::preset_names();
	assert_eq!(
		names,
		vec![
			DEV_RUNTIME_PRESET.to_string(),
			LOCAL_TESTNET_RUNTIME_PRESET.into(),
			genesis_config_presets::PRODUCTION_RUNTIME_PRESET.into(),
		]
	);
	assert!(genesis_config_presets::get_preset(&"no-such-preset".into()).is_none());
}

#[test]
fn development_preset_has_one_validator_and_funded_dev_accounts() {
	preset_test(DEV_RUNTIME_PRESET, || {
		assert_eq!(pallet_aura::Authorities::<Runtime>::get().len(), 1);
		assert_eq!(Grandpa::grandpa_authorities().len(), 1);
		// One validator: its own minimum; sessions of the runtime's default length.
		let state = crate::apis::validator_set_state();
		assert_eq!(state.active, vec![Sr25519Keyring::Alice.to_account_id()]);
		assert_eq!(state.session_length, crate::configs::session::DEFAULT_SESSION_LENGTH);
		assert_eq!(pallet_validator_set::MinimumSetSize::<Runtime>::get(), 1);
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(Sr25519Keyring::Alice.to_account_id()));

		let accounts = genesis_config_presets::dev_accounts();
		assert_eq!(accounts.len(), 12, "Alice..Ferdie and their stashes");
		for (index, who) in accounts.iter().enumerate() {
			// Alice..Ferdie stake part of their endowment at genesis; the stashes do not. Alice
			// also put HASH into the DIEM pool and paid its setup fee.
			let staked = if index < 6 { DEV_GENESIS_STAKE } else { 0 };
			let pooled = if index == 0 {
				DEV_POOL_HASH + crate::configs::dex::PoolSetupFee::get()
			} else {
				0
			};
			assert_eq!(
				<Balances as polkadot_sdk::frame_support::traits::fungible::Inspect<_>>::total_balance(who),
				DEV_ENDOWMENT - pooled
			);
			// Creating the pool reserved Alice's deposit for the pool's LP-token account (the
			// stake is held, and holds count as reserved too).
			let deposit =
				if index == 0 { crate::configs::assets::AssetAccountDeposit::get() } else { 0 };
			assert_eq!(Balances::reserved_balance(who), staked + deposit);
			assert_eq!(Balances::free_balance(who), DEV_ENDOWMENT - staked - pooled - deposit);
		}
		// Alice's protocol mint locked part of her stake.
		let locked = pallet_compute_staking::TotalLocked::<Runtime>::get();
		assert_eq!(Some(locked), Diem::position_info(&accounts[0]).map(|p| p.locked));
		assert_eq!(
			pallet_compute_staking::TotalUnlocked::<Runtime>::get(),
			6 * DEV_GENESIS_STAKE - locked
		);
		// Issuance is exactly what genesis handed out: the endowments plus the existential
		// deposits that keep the staking reward pot, the operator pool and the lending market's
		// account alive, less the burned setup fee of the HASH/DIEM pool.
		assert_eq!(
			Balances::total_issuance(),
			DEV_ENDOWMENT * 12 + 3 * EXISTENTIAL_DEPOSIT - crate::configs::dex::PoolSetupFee::get()
		);
		assert!(ComputeStaking::do_try_state().is_ok());
	});
}

#[test]
fn local_testnet_preset_has_alice_and_bob_validating() {
	preset_test(LOCAL_TESTNET_RUNTIME_PRESET, || {
		let aura: Vec<_> = pallet_aura::Authorities::<Runtime>::get().into_inner();
		assert_eq!(
			aura,
			vec![Sr25519Keyring::Alice.public().into(), Sr25519Keyring::Bob.public().into()]
		);
		assert_eq!(Grandpa::grandpa_authorities().len(), 2);
		// The session pallet holds their keys; the set and its clock as the runtime API shows.
		let (alice, bob) =
			(Sr25519Keyring::Alice.to_account_id(), Sr25519Keyring::Bob.to_account_id());
		let state = crate::apis::validator_set_state();
		assert_eq!(state.active, vec![alice.clone(), bob.clone()]);
		assert_eq!(state.queued, state.active);
		assert_eq!(state.target, state.active);
		assert_eq!(state.session_length, genesis_config_presets::LOCAL_SESSION_LENGTH);
		assert!(pallet_session::NextKeys::<Runtime>::contains_key(&bob));
		assert_eq!(pallet_validator_set::MinimumSetSize::<Runtime>::get(), 2);
		assert!(ValidatorSet::do_try_state().is_ok());
	});
}

/// What a node does when it sees a GRANDPA equivocation: it asks the runtime for a proof that
/// the offending key belonged to a validator of the session (`GrandpaApi`), and the runtime
/// checks that proof when the report arrives. Here for Bob's key on the local testnet; a key of
/// nobody's proves nobody.
#[test]
fn grandpa_key_ownership_proofs_name_the_validator() {
	use polkadot_sdk::{
		frame_support::traits::KeyOwnerProofSystem,
		sp_consensus_grandpa::{AuthorityId as GrandpaId, KEY_TYPE},
		sp_keyring::Ed25519Keyring,
	};
	preset_test(LOCAL_TESTNET_RUNTIME_PRESET, || {
		let bob_key: GrandpaId = Ed25519Keyring::Bob.public().into();
		let proof = crate::Historical::prove((KEY_TYPE, bob_key.clone())).expect("a proof");
		let bob = Sr25519Keyring::Bob.to_account_id();
		assert_eq!(
			crate::Historical::check_proof((KEY_TYPE, bob_key), proof.clone()),
			Some((bob.clone(), bob))
		);
		// The proof is for this session and its two validators: what `report_equivocation`
		// weighs and checks against.
		assert_eq!((proof.session, proof.validator_count), (0, 2));
		// A key nobody registered gets a proof of its absence, which names nobody.
		let stranger: GrandpaId = Ed25519Keyring::Ferdie.public().into();
		let absence = crate::Historical::prove((KEY_TYPE, stranger.clone())).expect("a proof");
		assert_eq!(crate::Historical::check_proof((KEY_TYPE, stranger), absence), None);
	});
}

/// The two copies of the runtime version in `lib.rs` (this release's and, under
/// `next-spec-version`, the next one's) differ only by one in `spec_version`.
#[test]
fn the_next_release_is_one_version_higher() {
	let source = include_str!("../lib.rs");
	let versions: Vec<u32> = source
		.lines()
		.filter_map(|line| line.trim().strip_prefix("spec_version: "))
		.filter_map(|rest| rest.trim_end_matches(',').parse().ok())
		.collect();
	assert_eq!(versions, vec![crate::VERSION.spec_version, crate::VERSION.spec_version + 1]);
}

#[test]
fn default_genesis_builds() {
	// The empty (`None`) preset is the plain default config; it must build too.
	let storage = RuntimeGenesisConfig::default().build_storage();
	assert!(storage.is_ok(), "{storage:?}");
}

/// `call` signed by `signer` with `nonce`, as a wallet would submit it.
fn signed(signer: Sr25519Keyring, nonce: u32, call: RuntimeCall) -> UncheckedExtrinsic {
	crate::signing::SigningContext::new(System::block_hash(0)).sign(&signer.pair(), nonce, call)
}

/// Starts block 1 the way the Aura author does: a slot pre-digest, then the timestamp inherent
/// for that slot.
fn start_block_one() {
	let slot = Slot::from(100u64);
	let now = u64::from(slot) * Aura::slot_duration();
	let digest = Digest { logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, slot.encode())] };
	let header = generic::Header::new(
		1,
		Default::default(),
		Default::default(),
		System::block_hash(0),
		digest,
	);
	Executive::initialize_block(&header);
	let timestamp =
		UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(pallet_timestamp::Call::set { now }));
	assert!(matches!(Executive::apply_extrinsic(timestamp), Ok(Ok(()))));
}

#[test]
fn signed_transfer_goes_through_the_executive() {
	preset_test(DEV_RUNTIME_PRESET, || {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let bob = Sr25519Keyring::Bob.to_account_id();
		start_block_one();
		// After block initialization (staking emission is minted in `on_initialize`).
		let issuance_before = Balances::total_issuance();
		let (alice_before, bob_before) =
			(Balances::free_balance(&alice), Balances::free_balance(&bob));

		let amount = 10 * UNIT;
		let transfer = signed(
			Sr25519Keyring::Alice,
			0,
			RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: bob.clone().into(),
				value: amount,
			}),
		);
		let applied = Executive::apply_extrinsic(transfer);
		assert!(matches!(applied, Ok(Ok(()))), "transfer failed: {applied:?}");

		// The fee is whatever TransactionPayment charged; it was burned, so issuance fell by it.
		let fee = System::events()
			.into_iter()
			.find_map(|record| match record.event {
				RuntimeEvent::TransactionPayment(
					pallet_transaction_payment::Event::TransactionFeePaid { actual_fee, .. },
				) => Some(actual_fee),
				_ => None,
			})
			.expect("fee event");
		assert!(fee > 0);
		System::assert_has_event(RuntimeEvent::Balances(pallet_balances::Event::Transfer {
			from: alice.clone(),
			to: bob.clone(),
			amount,
		}));
		assert_eq!(Balances::free_balance(&bob), bob_before + amount);
		assert_eq!(Balances::free_balance(&alice), alice_before - amount - fee);
		assert_eq!(Balances::total_issuance(), issuance_before - fee);
		assert_eq!(System::account_nonce(&alice), 1);

		let header = Executive::finalize_block();
		assert_eq!(*header.number(), 1);
	});
}

#[test]
fn replayed_or_badly_signed_transfers_are_rejected() {
	preset_test(DEV_RUNTIME_PRESET, || {
		start_block_one();
		let call = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: Sr25519Keyring::Bob.to_account_id().into(),
			value: UNIT,
		});
		let first = signed(Sr25519Keyring::Alice, 0, call.clone());
		assert!(matches!(Executive::apply_extrinsic(first.clone()), Ok(Ok(()))));
		// Same nonce again: stale.
		assert!(Executive::apply_extrinsic(first).is_err());

		// Signed by Bob but claiming to be Alice: bad proof.
		let extension = crate::signing::wallet_extension(1);
		let payload = SignedPayload::new(call.clone(), extension.clone()).expect("payload");
		let forged = UncheckedExtrinsic::new_signed(
			call,
			Address::Id(Sr25519Keyring::Alice.to_account_id()),
			payload.using_encoded(|bytes| Sr25519Keyring::Bob.sign(bytes)).into(),
			extension,
		);
		assert!(Executive::apply_extrinsic(forged).is_err());
		assert_eq!(System::account_nonce(Sr25519Keyring::Alice.to_account_id()), 1);
	});
}

#[test]
fn block_limits_are_consistent_and_metadata_reaches_v16() {
	// `BlockWeights::validate` is what `build_or_panic` would run; do it without panicking.
	let weights = crate::configs::RuntimeBlockWeights::get();
	assert!(weights.validate().is_ok());
	assert!(Runtime::metadata_versions().contains(&16));
	// The referendum tracks, a metadata constant, are read from the chain's state.
	TestExternalities::default()
		.execute_with(|| assert!(Runtime::metadata_at_version(16).is_some()));
}

#[test]
fn blocks_mint_staking_emission_for_genesis_stakers() {
	preset_test(DEV_RUNTIME_PRESET, || {
		let issuance_genesis = Balances::total_issuance();
		start_block_one();
		let params = pallet_compute_staking::Params::<Runtime>::get().expect("dev preset params");
		assert_eq!(Balances::total_issuance(), issuance_genesis + params.emission_per_block);
		// Six equal genesis stakers share the block's emission (rounded down).
		let alice = Sr25519Keyring::Alice.to_account_id();
		let share = ComputeStaking::pending_rewards(&alice);
		assert!(share > 0 && share <= params.emission_per_block / 6, "{share}");
		assert!(ComputeStaking::do_try_state().is_ok());
		Executive::finalize_block();
	});
}

#[test]
fn development_preset_opens_minting_with_a_protocol_position_for_alice() {
	preset_test(DEV_RUNTIME_PRESET, || {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let status = Diem::curve_status();
		assert!(status.minting_open && !status.minting_paused);
		assert_eq!(status.supply, DEV_PROTOCOL_MINT);
		let position = Diem::position_info(&alice).expect("Alice's genesis position");
		assert_eq!(position.outstanding, DEV_PROTOCOL_MINT);
		assert_eq!(
			pallet_compute_staking::Ledgers::<Runtime>::get(&alice).map(|l| l.locked),
			Some(position.locked)
		);
		// ~90 HASH per DIEM at the bottom of the curve.
		assert_eq!(position.average_rate / UNIT, 90);
		assert_eq!(DiemBalances::total_issuance(), DEV_PROTOCOL_MINT);
		// A quarter of it is in the HASH/DIEM pool, at the curve's opening price.
		let breakdown = crate::apis::diem_balance(&alice);
		assert_eq!(breakdown.free, DEV_PROTOCOL_MINT - DEV_POOL_DIEM);
		assert_eq!(breakdown.held_total, 0);
		assert_eq!(
			crate::AssetConversion::get_reserves(HashKind::get(), DiemKind::get()).ok(),
			Some((DEV_POOL_HASH, DEV_POOL_DIEM))
		);
		assert!(Diem::do_try_state().is_ok());
	});
}

#[test]
fn local_testnet_starts_with_minting_closed() {
	preset_test(LOCAL_TESTNET_RUNTIME_PRESET, || {
		let status = Diem::curve_status();
		assert!(!status.minting_open && status.minting_paused);
		assert_eq!(status.supply, DEV_PROTOCOL_MINT);
	});
}

#[test]
fn diem_is_an_asset_with_metadata_and_a_keyless_team() {
	use polkadot_sdk::pallet_assets;
	preset_test(DEV_RUNTIME_PRESET, || {
		let details = pallet_assets::Asset::<Runtime, crate::configs::assets::AssetsInstance>::get(
			diem::ASSET_ID,
		)
		.expect("DIEM exists at genesis");
		let owner = crate::configs::assets::DiemOwner::get();
		assert_eq!(
			(&details.owner, &details.issuer, &details.admin, &details.freezer),
			(&owner, &owner, &owner, &owner)
		);
		assert!(details.is_sufficient);
		assert_eq!(details.min_balance, diem::EXISTENTIAL_DEPOSIT);
		assert_eq!(details.supply, DEV_PROTOCOL_MINT);
		let metadata =
			pallet_assets::Metadata::<Runtime, crate::configs::assets::AssetsInstance>::get(
				diem::ASSET_ID,
			);
		assert_eq!(
			(metadata.name.to_vec(), metadata.symbol.to_vec(), metadata.decimals),
			(b"DIEM".to_vec(), b"DIEM".to_vec(), 12)
		);
		// The second balances instance is gone from the metadata.
		let ir = Runtime::metadata_ir();
		assert!(ir.pallets.iter().all(|p| p.name != "DiemBalances"));
		assert!(ir.pallets.iter().any(|p| p.name == "AssetConversion"));
	});
}

#[test]
fn diem_is_minted_transferred_and_burned_through_signed_extrinsics() {
	preset_test(DEV_RUNTIME_PRESET, || {
		let bob = Sr25519Keyring::Bob.to_account_id();
		start_block_one();
		let apply = |who: Sr25519Keyring, nonce: u32, call: RuntimeCall| {
			let applied = Executive::apply_extrinsic(signed(who, nonce, call));
			assert!(matches!(applied, Ok(Ok(()))), "{applied:?}");
		};

		// Bob mints 10 DIEM at the quoted cost.
		let amount = 10 * diem::UNIT;
		let cost = Diem::mint_quote(amount).expect("quote");
		apply(
			Sr25519Keyring::Bob,
			0,
			RuntimeCall::Diem(pallet_diem::Call::mint { diem: amount, max_cost: cost }),
		);
		assert_eq!(
			Diem::position_info(&bob).map(|p| (p.locked, p.outstanding)),
			Some((cost, amount))
		);

		// Alice pays Bob 5 DIEM with a memo through the ledger.
		apply(
			Sr25519Keyring::Alice,
			0,
			RuntimeCall::DiemLedger(pallet_diem_ledger::Call::pay {
				asset: DiemKind::get(),
				dest: bob.clone(),
				amount: 5 * diem::UNIT,
				memo: b"order 7".to_vec(),
			}),
		);
		assert_eq!(DiemBalances::balance(&bob), amount + 5 * diem::UNIT);
		// And 1 DIEM through `pallet-assets`' own transfer.
		apply(
			Sr25519Keyring::Alice,
			1,
			RuntimeCall::Assets(polkadot_sdk::pallet_assets::Call::transfer_keep_alive {
				id: diem::ASSET_ID.into(),
				target: bob.clone().into(),
				amount: diem::UNIT,
			}),
		);
		assert_eq!(DiemBalances::balance(&bob), amount + 6 * diem::UNIT);

		// Bob burns what he minted: his whole stake unlocks again.
		apply(Sr25519Keyring::Bob, 1, RuntimeCall::Diem(pallet_diem::Call::burn { diem: amount }));
		assert_eq!(Diem::position_info(&bob), None);
		assert_eq!(
			pallet_compute_staking::Ledgers::<Runtime>::get(&bob).map(|l| l.locked),
			Some(0)
		);
		assert_eq!(DiemBalances::balance(&bob), 6 * diem::UNIT);
		assert_eq!(DiemBalances::total_issuance(), Diem::curve_status().supply);
		assert!(Diem::do_try_state().is_ok());
		Executive::finalize_block();
	});
}

/// Credits through the executive: the timestamp inherent starts the epoch clock, Alice stakes
/// DIEM for credits, Bob registers as an operator (approved by sudo) with Charlie as redeem key,
/// and Charlie redeems a voucher Alice signed.
#[test]
fn credits_are_staked_and_a_voucher_redeemed_through_signed_extrinsics() {
	use diem_primitives::voucher::{PayloadWrapping, Voucher};
	preset_test(DEV_RUNTIME_PRESET, || {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let bob = Sr25519Keyring::Bob.to_account_id();
		start_block_one();
		let clock = InferenceCredits::epoch_clock().expect("the timestamp started the clock");
		assert_eq!(clock.current.length, genesis_config_presets::DEV_EPOCH_LENGTH_MS);
		let apply = |who: Sr25519Keyring, nonce: u32, call: RuntimeCall| {
			let applied = Executive::apply_extrinsic(signed(who, nonce, call));
			assert!(matches!(applied, Ok(Ok(()))), "{applied:?}");
		};
		let credits = |call| RuntimeCall::InferenceCredits(call);

		apply(
			Sr25519Keyring::Alice,
			0,
			credits(pallet_inference_credits::Call::stake { amount: 10 * diem::UNIT }),
		);
		assert_eq!(
			DiemBalances::balance_on_hold(
				&pallet_inference_credits::HoldReason::CreditStake.into(),
				&alice
			),
			10 * diem::UNIT
		);
		apply(
			Sr25519Keyring::Bob,
			0,
			credits(pallet_inference_credits::Call::register_operator {
				metadata: b"https://bob.example".to_vec(),
				redeem_key: Sr25519Keyring::Charlie.to_account_id(),
			}),
		);
		apply(
			Sr25519Keyring::Alice,
			1,
			RuntimeCall::Sudo(pallet_sudo::Call::sudo {
				call: Box::new(credits(pallet_inference_credits::Call::approve_operator {
					operator: bob.clone(),
					capacity_per_epoch: 1_000 * diem::UNIT,
				})),
			}),
		);
		let voucher = Voucher::sign(
			&Sr25519Keyring::Alice.pair(),
			None,
			System::block_hash(0),
			clock.current.index,
			&bob,
			3 * diem::UNIT,
			PayloadWrapping::Bytes,
		);
		apply(
			Sr25519Keyring::Charlie,
			0,
			credits(pallet_inference_credits::Call::redeem { vouchers: vec![voucher] }),
		);
		let state = InferenceCredits::credit_state(&alice).expect("Alice has credits");
		// Staked at the epoch's first millisecond: the whole stake counts this epoch.
		assert_eq!((state.allowance, state.used), (10 * diem::UNIT, 3 * diem::UNIT));
		let operator = InferenceCredits::operator_state(&bob).expect("Bob operates");
		assert_eq!(operator.epochs.first().map(|e| e.redeemed), Some(3 * diem::UNIT));
		assert!(InferenceCredits::do_try_state().is_ok());
		Executive::finalize_block();
	});
}

/// The largest `redeem` batch, whatever its signature schemes, fits in one block's share for
/// normal extrinsics, with room for the block's other work.
#[test]
fn the_largest_redeem_batch_fits_in_a_block() {
	use pallet_inference_credits::WeightInfo as _;
	use polkadot_sdk::frame_support::{dispatch::DispatchClass, traits::Get};
	type Weights = <Runtime as pallet_inference_credits::Config>::WeightInfo;
	let max =
		<<Runtime as pallet_inference_credits::Config>::MaxVouchersPerBatch as Get<u32>>::get();
	let worst = Weights::redeem_sr25519(max)
		.max(Weights::redeem_ed25519(max))
		.max(Weights::redeem_ecdsa(max));
	let limit = crate::configs::RuntimeBlockWeights::get()
		.get(DispatchClass::Normal)
		.max_extrinsic
		.expect("normal extrinsics are bounded");
	assert!(worst.all_lte(limit), "{worst:?} > {limit:?}");
	// At most half the limit: a full batch never crowds out a block.
	assert!(worst.ref_time() <= limit.ref_time() / 2, "{worst:?}");
}

/// Every pallet's weights are the ones measured on this runtime by `scripts/benchmark.sh`:
/// nothing is wired to `()` or to polkadot-sdk's reference-machine weights, except GRANDPA (its
/// pallet's own formula over the equivocation proof) and `pallet_session` (its benchmarks need
/// `pallet_staking`); `runtime/tests/weight_checks.rs` checks why both are safe here.
#[test]
fn every_pallet_uses_weights_measured_on_this_runtime() {
	use crate::configs::assets::{AssetsInstance, PoolAssetsInstance};
	use core::any::type_name;
	let runtime_generated = [
		type_name::<<Runtime as frame_system::Config>::SystemWeightInfo>(),
		type_name::<<Runtime as frame_system::Config>::ExtensionsWeightInfo>(),
		type_name::<<Runtime as pallet_balances::Config>::WeightInfo>(),
		type_name::<<Runtime as polkadot_sdk::pallet_assets::Config<AssetsInstance>>::WeightInfo>(),
		type_name::<<Runtime as polkadot_sdk::pallet_assets::Config<PoolAssetsInstance>>::WeightInfo>(
		),
		type_name::<<Runtime as polkadot_sdk::pallet_asset_conversion::Config>::WeightInfo>(),
		type_name::<
			<Runtime as polkadot_sdk::pallet_asset_conversion_tx_payment::Config>::WeightInfo,
		>(),
		type_name::<<Runtime as pallet_timestamp::Config>::WeightInfo>(),
		type_name::<<Runtime as pallet_sudo::Config>::WeightInfo>(),
		type_name::<<Runtime as polkadot_sdk::pallet_utility::Config>::WeightInfo>(),
		type_name::<<Runtime as polkadot_sdk::pallet_proxy::Config>::WeightInfo>(),
		type_name::<<Runtime as polkadot_sdk::pallet_multisig::Config>::WeightInfo>(),
		type_name::<<Runtime as pallet_transaction_payment::Config>::WeightInfo>(),
	];
	for name in runtime_generated {
		assert!(name.starts_with("diem_runtime::weights::"), "{name} is not generated here");
	}
	let pallet_generated = [
		type_name::<<Runtime as pallet_compute_staking::Config>::WeightInfo>(),
		type_name::<<Runtime as pallet_diem::Config>::WeightInfo>(),
		type_name::<<Runtime as pallet_diem_ledger::Config>::WeightInfo>(),
		type_name::<<Runtime as pallet_inference_credits::Config>::WeightInfo>(),
		type_name::<<Runtime as pallet_market::Config>::WeightInfo>(),
		type_name::<<Runtime as pallet_validator_set::Config>::WeightInfo>(),
	];
	for name in pallet_generated {
		assert!(
			name.contains("::weights::SubstrateWeight<diem_runtime::Runtime>"),
			"{name} is not the pallet's generated weights"
		);
	}
}
