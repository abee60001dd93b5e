//! Governance by referenda: which origin reaches which admin call, the tracks and their timing,
//! a referendum from submission to enactment, a committee-whitelisted call on the fast track,
//! staked HASH voting, and safe mode.

use super::{preset_test, start_block_one};
use crate::{
	governance::{origins::Origin, tracks},
	AccountId, Balances, ComputeStaking, ConvictionVoting, Diem, InferenceCredits, OriginCaller,
	Referenda, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, SafeMode, System,
	TechnicalCommittee,
};
use codec::Encode;
use diem_primitives::{curve::CurveParams, hash::UNIT, time::DAYS};
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		dispatch::GetDispatchInfo,
		storage::{with_transaction, TransactionOutcome},
		traits::{
			fungible::{Inspect as _, InspectHold as _},
			schedule::DispatchTime,
			Get, Hooks, OnInitialize, StorePreimage,
		},
	},
	frame_system, pallet_balances, pallet_collective, pallet_conviction_voting, pallet_referenda,
	pallet_referenda::TracksInfo as _,
	pallet_safe_mode, pallet_sudo, pallet_tx_pause, pallet_whitelist,
	sp_genesis_builder::{DEV_RUNTIME_PRESET, LOCAL_TESTNET_RUNTIME_PRESET},
	sp_keyring::Sr25519Keyring,
	sp_runtime::{
		traits::{Dispatchable, Hash as _},
		DispatchError,
	},
};

fn id(who: Sr25519Keyring) -> AccountId {
	who.to_account_id()
}

fn signed(who: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(id(who))
}

/// Runs every pallet's `on_initialize` for the blocks up to `n`, as the executive would (the
/// scheduler enacts referenda and wakes their alarms there). Events accumulate; the blocks
/// carry no Aura slot (block 1's would not increase).
fn run_to_block(n: u32) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		polkadot_sdk::frame_support::storage::unhashed::kill(
			&polkadot_sdk::frame_support::storage::storage_prefix(b"System", b"Digest"),
		);
		<crate::AllPalletsWithSystem as OnInitialize<u32>>::on_initialize(next);
	}
}

/// `call` dispatched from `origin`, with every change rolled back: only the result is kept.
fn try_dispatch(call: &RuntimeCall, origin: RuntimeOrigin) -> Result<(), DispatchError> {
	with_transaction(|| {
		let result = call.clone().dispatch(origin).map(|_| ()).map_err(|e| e.error);
		TransactionOutcome::Rollback(Ok::<_, DispatchError>(result))
	})
	.unwrap_or_else(|e| Err(e))
}

/// The admin calls of the DIEM pallets, each with the track origin that reaches it.
fn admin_calls() -> Vec<(&'static str, RuntimeCall, Origin)> {
	let somebody = id(Sr25519Keyring::Dave);
	let staking = pallet_compute_staking::Params::<Runtime>::get().expect("presets set them");
	vec![
		(
			"Diem.set_minting_open",
			RuntimeCall::Diem(pallet_diem::Call::set_minting_open { open: false }),
			Origin::DiemAdmin,
		),
		(
			"Diem.schedule_curve_change",
			RuntimeCall::Diem(pallet_diem::Call::schedule_curve_change {
				params: CurveParams::venice(),
			}),
			Origin::DiemAdmin,
		),
		(
			"Diem.cancel_curve_change",
			RuntimeCall::Diem(pallet_diem::Call::cancel_curve_change {}),
			Origin::DiemAdmin,
		),
		(
			"ComputeStaking.schedule_params_change",
			RuntimeCall::ComputeStaking(pallet_compute_staking::Call::schedule_params_change {
				params: staking,
			}),
			Origin::DiemAdmin,
		),
		(
			"ComputeStaking.cancel_params_change",
			RuntimeCall::ComputeStaking(pallet_compute_staking::Call::cancel_params_change {}),
			Origin::DiemAdmin,
		),
		(
			"InferenceCredits.set_epoch_length",
			RuntimeCall::InferenceCredits(pallet_inference_credits::Call::set_epoch_length {
				length: 2 * 60_000,
			}),
			Origin::DiemAdmin,
		),
		(
			"InferenceCredits.approve_operator",
			RuntimeCall::InferenceCredits(pallet_inference_credits::Call::approve_operator {
				operator: somebody.clone(),
				capacity_per_epoch: 1_000,
			}),
			Origin::OperatorAdmin,
		),
		(
			"InferenceCredits.slash_operator",
			RuntimeCall::InferenceCredits(pallet_inference_credits::Call::slash_operator {
				operator: somebody.clone(),
				amount: UNIT,
			}),
			Origin::OperatorAdmin,
		),
		(
			"InferenceCredits.void_operator_epoch",
			RuntimeCall::InferenceCredits(pallet_inference_credits::Call::void_operator_epoch {
				operator: somebody.clone(),
				epoch: 0,
			}),
			Origin::OperatorAdmin,
		),
		(
			"ValidatorSet.add_validator",
			RuntimeCall::ValidatorSet(pallet_validator_set::Call::add_validator {
				who: somebody.clone(),
			}),
			Origin::ValidatorAdmin,
		),
		(
			"ValidatorSet.remove_validator",
			RuntimeCall::ValidatorSet(pallet_validator_set::Call::remove_validator {
				who: somebody,
			}),
			Origin::ValidatorAdmin,
		),
		(
			"ValidatorSet.set_session_length",
			RuntimeCall::ValidatorSet(pallet_validator_set::Call::set_session_length {
				blocks: 100,
			}),
			Origin::ValidatorAdmin,
		),
		(
			"ValidatorSet.set_minimum_set_size",
			RuntimeCall::ValidatorSet(pallet_validator_set::Call::set_minimum_set_size { size: 1 }),
			Origin::ValidatorAdmin,
		),
	]
}

const TRACK_ORIGINS: [Origin; 4] =
	[Origin::WhitelistedCaller, Origin::DiemAdmin, Origin::OperatorAdmin, Origin::ValidatorAdmin];

#[test]
fn each_admin_call_is_reached_by_its_track_and_root_only() {
	preset_test(DEV_RUNTIME_PRESET, || {
		start_block_one();
		for (name, call, reaching) in admin_calls() {
			assert_eq!(
				try_dispatch(&call, signed(Sr25519Keyring::Alice)),
				Err(DispatchError::BadOrigin),
				"{name} from a signed origin"
			);
			for origin in TRACK_ORIGINS {
				let result = try_dispatch(&call, RuntimeOrigin::from(origin));
				if origin == reaching {
					assert_ne!(result, Err(DispatchError::BadOrigin), "{name} from {origin:?}");
				} else {
					assert_eq!(result, Err(DispatchError::BadOrigin), "{name} from {origin:?}");
				}
			}
			assert_ne!(
				try_dispatch(&call, RuntimeOrigin::root()),
				Err(DispatchError::BadOrigin),
				"{name} from Root"
			);
		}
	});
}

#[test]
fn tracks_map_their_origins_and_run_fast_only_where_genesis_says() {
	preset_test(DEV_RUNTIME_PRESET, || {
		assert_ok!(tracks::DiemTracks::check_integrity());
		let track_of = |caller: OriginCaller| tracks::DiemTracks::track_for(&caller);
		assert_eq!(track_of(frame_system::RawOrigin::Root.into()), Ok(tracks::id::ROOT));
		assert_eq!(
			track_of(OriginCaller::Origins(Origin::WhitelistedCaller)),
			Ok(tracks::id::WHITELISTED_CALLER)
		);
		assert_eq!(track_of(OriginCaller::Origins(Origin::DiemAdmin)), Ok(tracks::id::DIEM_ADMIN));
		assert_eq!(
			track_of(OriginCaller::Origins(Origin::OperatorAdmin)),
			Ok(tracks::id::OPERATOR_ADMIN)
		);
		assert_eq!(
			track_of(OriginCaller::Origins(Origin::ValidatorAdmin)),
			Ok(tracks::id::VALIDATOR_ADMIN)
		);
		// A signed account has no track: it cannot be a referendum's origin.
		assert_eq!(
			track_of(frame_system::RawOrigin::Signed(id(Sr25519Keyring::Alice)).into()),
			Err(())
		);

		let root = |_| tracks::DiemTracks::info(tracks::id::ROOT).expect("root track");
		assert_eq!(root(()).decision_period, 5 * diem_primitives::time::MINUTES);
		crate::governance::origins::FastTracks::<Runtime>::put(false);
		assert_eq!(root(()).decision_period, 14 * DAYS);
		assert_eq!(root(()).confirm_period, DAYS);
		crate::governance::origins::FastTracks::<Runtime>::put(true);
	});
	preset_test(LOCAL_TESTNET_RUNTIME_PRESET, || {
		assert!(crate::governance::origins::FastTracks::<Runtime>::get());
		let members = pallet_collective::Members::<
			Runtime,
			crate::configs::governance::TechnicalCollective,
		>::get();
		assert_eq!(members.len(), 3, "Alice, Bob and Charlie sit on the committee");
	});
}

/// The local testnet and the production preset have no sudo key: Root is reached only by a
/// referendum (the root or whitelisted_caller track). Only `--dev` keeps sudo.
#[test]
fn only_the_dev_preset_has_sudo() {
	use crate::genesis_config_presets::PRODUCTION_RUNTIME_PRESET;
	preset_test(DEV_RUNTIME_PRESET, || {
		assert_eq!(pallet_sudo::Key::<Runtime>::get(), Some(id(Sr25519Keyring::Alice)));
	});
	for preset in [LOCAL_TESTNET_RUNTIME_PRESET, PRODUCTION_RUNTIME_PRESET] {
		preset_test(preset, || {
			assert_eq!(pallet_sudo::Key::<Runtime>::get(), None, "{preset}");
			let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
			let sudo = RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(remark) });
			assert_noop!(
				sudo.dispatch(signed(Sr25519Keyring::Alice)),
				pallet_sudo::Error::<Runtime>::RequireSudo
			);
		});
	}
}

/// The production preset: standard track timing, a seated committee, four validators, minting
/// closed, no DIEM at all until governance opens minting; blocks run with every invariant.
#[test]
fn the_production_preset_is_governed_by_referenda_on_standard_tracks() {
	use crate::genesis_config_presets::PRODUCTION_RUNTIME_PRESET;
	preset_test(PRODUCTION_RUNTIME_PRESET, || {
		assert!(!crate::governance::origins::FastTracks::<Runtime>::get());
		let members = pallet_collective::Members::<
			Runtime,
			crate::configs::governance::TechnicalCollective,
		>::get();
		assert_eq!(members.len(), 3);
		assert_eq!(crate::apis::validator_set_state().active.len(), 4);
		let status = crate::Diem::curve_status();
		assert!(!status.minting_open);
		assert_eq!(status.supply, 0);
		start_block_one();
		run_to_block(5);
	});
}

/// A referendum on the `operator_admin` track approves an operator: submitted, its decision
/// deposit placed, voted, confirmed and enacted, all by ordinary accounts.
#[test]
fn a_referendum_on_the_operator_admin_track_approves_an_operator() {
	preset_test(DEV_RUNTIME_PRESET, || {
		start_block_one();
		let (operator, key) = (Sr25519Keyring::Dave, Sr25519Keyring::Eve);
		assert_ok!(InferenceCredits::register_operator(signed(operator), b"op".to_vec(), id(key)));
		let approve =
			RuntimeCall::InferenceCredits(pallet_inference_credits::Call::approve_operator {
				operator: id(operator),
				capacity_per_epoch: 5_000,
			});
		let index = submit(OriginCaller::Origins(Origin::OperatorAdmin), approve);
		let capacity = || match pallet_inference_credits::Operators::<Runtime>::get(id(operator))
			.map(|record| record.status)
		{
			Some(pallet_inference_credits::OperatorStatus::Approved {
				capacity_per_epoch, ..
			}) => Some(capacity_per_epoch),
			_ => None,
		};
		pass(index, || capacity().is_some());
		assert_eq!(capacity(), Some(5_000), "the referendum was enacted");
		assert!(System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::Referenda(pallet_referenda::Event::Confirmed { index: i, .. }) if i == index
		)));
	});
}

fn aye(balance: crate::Balance) -> pallet_conviction_voting::AccountVote<crate::Balance> {
	pallet_conviction_voting::AccountVote::Standard {
		vote: pallet_conviction_voting::Vote {
			aye: true,
			conviction: pallet_conviction_voting::Conviction::Locked1x,
		},
		balance,
	}
}

/// Bob submits `call` to be dispatched from `origin`, enacted a block after it passes; returns
/// the referendum's index.
fn submit(origin: OriginCaller, call: RuntimeCall) -> u32 {
	let index = pallet_referenda::ReferendumCount::<Runtime>::get();
	assert_ok!(Referenda::submit(
		signed(Sr25519Keyring::Bob),
		Box::new(origin),
		<crate::Preimage as StorePreimage>::bound(call).expect("bounded"),
		DispatchTime::After(1),
	));
	index
}

fn remark() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: b"hi".to_vec() })
}

/// Bob places referendum `index`'s decision deposit and Alice votes aye with 100,000 HASH; then
/// blocks run (the fast timing: prepare, decide, confirm, enact) until `enacted` holds, for at
/// most 30 blocks.
fn pass(index: u32, enacted: impl Fn() -> bool) {
	assert_ok!(Referenda::place_decision_deposit(signed(Sr25519Keyring::Bob), index));
	assert_ok!(ConvictionVoting::vote(signed(Sr25519Keyring::Alice), index, aye(100_000 * UNIT)));
	let start = System::block_number();
	for block in start + 1..start + 30 {
		run_to_block(block);
		if enacted() {
			break;
		}
	}
}

/// HASH staked in compute staking votes too: the vote lock overlaps the staking hold, and a
/// vote larger than the account's whole balance is refused.
#[test]
fn staked_hash_votes_and_a_vote_beyond_the_balance_is_refused() {
	preset_test(DEV_RUNTIME_PRESET, || {
		start_block_one();
		let alice = id(Sr25519Keyring::Alice);
		let index = submit(frame_system::RawOrigin::Root.into(), remark());
		let staked =
			Balances::balance_on_hold(&pallet_compute_staking::HoldReason::Staked.into(), &alice);
		assert!(staked >= crate::genesis_config_presets::DEV_GENESIS_STAKE);
		let everything = Balances::total_balance(&alice);
		assert!(everything > Balances::free_balance(&alice), "part of it is held");
		assert_noop!(
			ConvictionVoting::vote(signed(Sr25519Keyring::Alice), index, aye(everything + 1)),
			pallet_conviction_voting::Error::<Runtime>::InsufficientFunds
		);
		assert_ok!(ConvictionVoting::vote(signed(Sr25519Keyring::Alice), index, aye(everything)));
		let locks = pallet_balances::Locks::<Runtime>::get(&alice);
		assert!(locks.iter().any(|lock| lock.amount == everything), "the vote locks it all");
		// The stake is still held, and still staked.
		assert_eq!(
			Balances::balance_on_hold(&pallet_compute_staking::HoldReason::Staked.into(), &alice),
			staked
		);
		assert!(ComputeStaking::stake_state(&alice).is_some());
	});
}

/// Staking parameter changes are announced and bounded at the runtime's figures: a day's delay,
/// four weeks of unbonding at the most.
#[test]
fn staking_parameter_changes_wait_a_day_and_stay_in_bounds() {
	preset_test(DEV_RUNTIME_PRESET, || {
		start_block_one();
		let params = pallet_compute_staking::Params::<Runtime>::get().expect("presets set them");
		let diem_admin = || RuntimeOrigin::from(Origin::DiemAdmin);
		assert_noop!(
			ComputeStaking::schedule_params_change(
				diem_admin(),
				pallet_compute_staking::StakingParams { unbonding_period: 29 * DAYS, ..params }
			),
			pallet_compute_staking::Error::<Runtime>::UnbondingPeriodOutOfBounds
		);
		assert_noop!(
			ComputeStaking::schedule_params_change(
				diem_admin(),
				pallet_compute_staking::StakingParams { emission_per_block: u128::MAX, ..params }
			),
			pallet_compute_staking::Error::<Runtime>::EmissionTooHigh
		);
		let longer =
			pallet_compute_staking::StakingParams { unbonding_period: 28 * DAYS, ..params };
		assert_ok!(ComputeStaking::schedule_params_change(diem_admin(), longer));
		let pending = pallet_compute_staking::PendingParams::<Runtime>::get().expect("pending");
		assert_eq!(pending.effective_at, 1 + DAYS);
		System::assert_has_event(RuntimeEvent::ComputeStaking(
			pallet_compute_staking::Event::ParamsChangeScheduled {
				params: longer,
				effective_at: 1 + DAYS,
			},
		));
		assert_eq!(pallet_compute_staking::Params::<Runtime>::get(), Some(params));
	});
}

/// Safe mode entered by the committee stops a HASH and a DIEM transfer but lets governance
/// vote, and it ends by itself when its duration is over.
#[test]
fn safe_mode_stops_transfers_lets_governance_through_and_ends_by_itself() {
	preset_test(DEV_RUNTIME_PRESET, || {
		start_block_one();
		let bob = id(Sr25519Keyring::Bob);
		let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: bob.clone().into(),
			value: UNIT,
		});
		let diem_transfer = RuntimeCall::Assets(polkadot_sdk::pallet_assets::Call::transfer {
			id: diem_primitives::diem::ASSET_ID.into(),
			target: bob.clone().into(),
			amount: diem_primitives::diem::UNIT,
		});
		let index = submit(frame_system::RawOrigin::Root.into(), remark());

		// Two of the three committee members enter safe mode.
		let enter = RuntimeCall::SafeMode(pallet_safe_mode::Call::force_enter {});
		committee_passes(enter);
		let until = pallet_safe_mode::EnteredUntil::<Runtime>::get().expect("entered");
		let entered_for = crate::configs::governance::SafeModeEnterDuration::get();
		assert_eq!(entered_for, 2 * diem_primitives::time::MINUTES, "the dev chain's fast timing");
		assert_eq!(until, System::block_number() + entered_for);

		let filtered = Err(frame_system::Error::<Runtime>::CallFiltered.into());
		assert_eq!(try_dispatch(&transfer, signed(Sr25519Keyring::Alice)), filtered);
		assert_eq!(try_dispatch(&diem_transfer, signed(Sr25519Keyring::Alice)), filtered);
		let vote = RuntimeCall::ConvictionVoting(pallet_conviction_voting::Call::vote {
			poll_index: index,
			vote: aye(10 * UNIT),
		});
		assert_ok!(try_dispatch(&vote, signed(Sr25519Keyring::Charlie)));

		// The block after its last one, safe mode has ended by itself.
		System::set_block_number(until + 1);
		<SafeMode as Hooks<u32>>::on_initialize(until + 1);
		assert_eq!(pallet_safe_mode::EnteredUntil::<Runtime>::get(), None);
		assert_ok!(try_dispatch(&transfer, signed(Sr25519Keyring::Alice)));
		assert_ok!(try_dispatch(&diem_transfer, signed(Sr25519Keyring::Alice)));
	});
}

/// `call` proposed by Alice with a threshold of two, approved by her and Bob and closed: the
/// committee's two-thirds origin dispatches it, and it succeeds.
fn committee_passes(call: RuntimeCall) {
	assert_eq!(committee_executes(call), Ok(()), "the committee's motion executed");
}

/// What `call` returned when two of the three committee members passed it.
fn committee_executes(call: RuntimeCall) -> Result<(), DispatchError> {
	let length = call.encoded_size() as u32;
	let weight = call.get_dispatch_info().call_weight;
	let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
	let index = pallet_collective::ProposalCount::<
		Runtime,
		crate::configs::governance::TechnicalCollective,
	>::get();
	assert_ok!(TechnicalCommittee::propose(
		signed(Sr25519Keyring::Alice),
		2,
		Box::new(call),
		length
	));
	assert_ok!(TechnicalCommittee::vote(signed(Sr25519Keyring::Alice), hash, index, true));
	assert_ok!(TechnicalCommittee::vote(signed(Sr25519Keyring::Bob), hash, index, true));
	assert_ok!(TechnicalCommittee::close(signed(Sr25519Keyring::Bob), hash, index, weight, length));
	System::events()
		.into_iter()
		.find_map(|r| match r.event {
			RuntimeEvent::TechnicalCommittee(pallet_collective::Event::Executed {
				proposal_hash,
				result,
			}) if proposal_hash == hash => Some(result),
			_ => None,
		})
		.expect("the committee's motion was executed")
}

/// The committee whitelists a call; a referendum on the `whitelisted_caller` track, with its
/// short periods, then dispatches it as Root.
#[test]
fn a_committee_whitelisted_call_passes_the_fast_track() {
	preset_test(DEV_RUNTIME_PRESET, || {
		start_block_one();
		let open = RuntimeCall::Diem(pallet_diem::Call::set_minting_open { open: false });
		let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&open);
		committee_passes(RuntimeCall::Whitelist(pallet_whitelist::Call::whitelist_call {
			call_hash: hash,
		}));
		assert!(pallet_whitelist::WhitelistedCall::<Runtime>::contains_key(hash));

		let dispatch = RuntimeCall::Whitelist(
			pallet_whitelist::Call::dispatch_whitelisted_call_with_preimage {
				call: Box::new(open),
			},
		);
		let index = submit(OriginCaller::Origins(Origin::WhitelistedCaller), dispatch);
		assert!(Diem::curve_status().minting_open);
		pass(index, || !Diem::curve_status().minting_open);
		assert!(!Diem::curve_status().minting_open, "the whitelisted call ran as Root");
		assert!(!pallet_whitelist::WhitelistedCall::<Runtime>::contains_key(hash));
	});
}

/// The committee extends safe mode half a day at a time, but never past three days from now;
/// Root still can. (On the dev chain's fast timing: a minute at a time, six minutes at most;
/// the standard figures are checked on the production preset.)
#[test]
fn the_committee_cannot_hold_safe_mode_beyond_three_days() {
	use crate::configs::governance::{
		MaxSafeModeSpan, SafeModeEnterDuration, SafeModeExtendDuration,
	};
	preset_test(crate::genesis_config_presets::PRODUCTION_RUNTIME_PRESET, || {
		assert_eq!(
			(SafeModeEnterDuration::get(), SafeModeExtendDuration::get(), MaxSafeModeSpan::get()),
			(DAYS, 12 * diem_primitives::time::HOURS, 3 * DAYS)
		);
	});
	preset_test(DEV_RUNTIME_PRESET, || {
		start_block_one();
		let (enter, extend, cap) =
			(SafeModeEnterDuration::get(), SafeModeExtendDuration::get(), MaxSafeModeSpan::get());
		assert_eq!((cap - enter) % extend, 0);
		committee_passes(RuntimeCall::SafeMode(pallet_safe_mode::Call::force_enter {}));
		let now = System::block_number();
		// Entered for `enter`; extensions of `extend` reach the cap (four, on either timing).
		for _ in 0..(cap - enter) / extend {
			System::reset_events();
			committee_passes(RuntimeCall::SafeMode(pallet_safe_mode::Call::force_extend {}));
		}
		assert_eq!(pallet_safe_mode::EnteredUntil::<Runtime>::get(), Some(now + cap));
		System::reset_events();
		assert_eq!(
			committee_executes(RuntimeCall::SafeMode(pallet_safe_mode::Call::force_extend {})),
			Err(DispatchError::BadOrigin)
		);
		assert_eq!(pallet_safe_mode::EnteredUntil::<Runtime>::get(), Some(now + cap));
		assert_ok!(SafeMode::force_extend(RuntimeOrigin::root()));
		assert_eq!(pallet_safe_mode::EnteredUntil::<Runtime>::get(), Some(now + cap + extend));
	});
}

/// The committee cancels referenda, but not one on the root track (which may be about the
/// committee itself).
#[test]
fn the_committee_cancels_referenda_but_not_root_ones() {
	preset_test(DEV_RUNTIME_PRESET, || {
		start_block_one();
		let root = submit(frame_system::RawOrigin::Root.into(), remark());
		let diem_admin = submit(OriginCaller::Origins(Origin::DiemAdmin), remark());
		let cancel = |index| RuntimeCall::Referenda(pallet_referenda::Call::cancel { index });
		assert_eq!(
			committee_executes(cancel(root)),
			Err(frame_system::Error::<Runtime>::CallFiltered.into())
		);
		System::reset_events();
		assert_eq!(committee_executes(cancel(diem_admin)), Ok(()));
		assert!(matches!(
			pallet_referenda::ReferendumInfoFor::<Runtime>::get(diem_admin),
			Some(pallet_referenda::ReferendumInfo::Cancelled(..))
		));
		assert!(matches!(
			pallet_referenda::ReferendumInfoFor::<Runtime>::get(root),
			Some(pallet_referenda::ReferendumInfo::Ongoing(..))
		));
		// Root itself may.
		assert_ok!(Referenda::cancel(RuntimeOrigin::root(), root));
	});
}

/// A track's admin call enacted during safe mode still runs (the scheduler dispatches it from the
/// track's origin, which the call filter sees), and no one can pause it.
#[test]
fn enacted_track_calls_pass_safe_mode_and_cannot_be_paused() {
	preset_test(DEV_RUNTIME_PRESET, || {
		start_block_one();
		let (operator, key) = (Sr25519Keyring::Dave, Sr25519Keyring::Eve);
		assert_ok!(InferenceCredits::register_operator(signed(operator), b"op".to_vec(), id(key)));
		assert_ok!(SafeMode::force_enter(RuntimeOrigin::root()));
		let approve =
			RuntimeCall::InferenceCredits(pallet_inference_credits::Call::approve_operator {
				operator: id(operator),
				capacity_per_epoch: 5_000,
			});
		assert_ok!(try_dispatch(&approve, RuntimeOrigin::from(Origin::OperatorAdmin)));
		let name = |pallet: &[u8], call: &[u8]| -> pallet_tx_pause::RuntimeCallNameOf<Runtime> {
			(pallet.to_vec().try_into().expect("short"), call.to_vec().try_into().expect("short"))
		};
		for (pallet, call) in [
			(&b"InferenceCredits"[..], &b"approve_operator"[..]),
			(b"Referenda", b"submit"),
			(b"ConvictionVoting", b"vote"),
			(b"Grandpa", b"report_equivocation"),
		] {
			assert_noop!(
				crate::TxPause::pause(RuntimeOrigin::root(), name(pallet, call)),
				pallet_tx_pause::Error::<Runtime>::Unpausable
			);
		}
		// An ordinary call can be paused, and then nobody signed can make it.
		let transfer = RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: id(Sr25519Keyring::Bob).into(),
			value: UNIT,
		});
		assert_ok!(SafeMode::force_exit(RuntimeOrigin::root()));
		assert_ok!(crate::TxPause::pause(
			RuntimeOrigin::root(),
			name(b"Balances", b"transfer_keep_alive")
		));
		assert_eq!(
			try_dispatch(&transfer, signed(Sr25519Keyring::Alice)),
			Err(frame_system::Error::<Runtime>::CallFiltered.into())
		);
	});
}
