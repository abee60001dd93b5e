//! DIEM as a `pallet-assets` asset and the DEX: nobody but the curve mints or burns DIEM, swaps
//! honour their slippage bounds, staked DIEM stays put, liquidity comes and goes, an account
//! that holds only DIEM pays its fees in DIEM, and the buy-or-mint quote is what a mint and a
//! swap then cost. Every test ends with all of the runtime's invariants (`preset_test`), among
//! them DIEM's supply = Σ accounts, pools and holds = Σ positions' outstanding.

use super::{preset_test, signed, start_block_one};
use crate::{
	configs::assets::{AssetKind, DiemHolds, DiemKind, HashKind},
	AssetConversion, Balances, Diem, Executive, InferenceCredits, PoolAssets, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, System,
};
use alloc::boxed::Box;
use diem_primitives::{diem, hash};
use polkadot_sdk::{
	frame_support::{
		assert_noop, assert_ok,
		traits::fungible::{Inspect as _, InspectHold as _},
	},
	pallet_asset_conversion, pallet_asset_conversion_tx_payment, pallet_assets,
	sp_core::{sr25519, Pair},
	sp_genesis_builder::DEV_RUNTIME_PRESET,
	sp_io,
	sp_keyring::Sr25519Keyring,
	sp_runtime::{traits::Dispatchable, StateVersion},
};

type AssetsCall = pallet_assets::Call<Runtime, crate::configs::assets::AssetsInstance>;

fn alice() -> crate::AccountId {
	Sr25519Keyring::Alice.to_account_id()
}

fn bob() -> crate::AccountId {
	Sr25519Keyring::Bob.to_account_id()
}

fn path(assets: &[AssetKind]) -> Vec<Box<AssetKind>> {
	assets.iter().cloned().map(Box::new).collect()
}

fn state_root() -> Vec<u8> {
	sp_io::storage::root(StateVersion::V1)
}

/// Every `pallet-assets` call that could mint, burn, freeze, thaw, re-describe, re-own or
/// destroy DIEM, from a signed origin: Alice, who holds DIEM, and Bob, who does not yet.
fn calls_against_diem() -> Vec<(&'static str, RuntimeCall)> {
	let id = || diem::ASSET_ID.into();
	let a = || alice().into();
	vec![
		("mint", AssetsCall::mint { id: id(), beneficiary: a(), amount: diem::UNIT }),
		("burn", AssetsCall::burn { id: id(), who: a(), amount: diem::UNIT }),
		("freeze", AssetsCall::freeze { id: id(), who: a() }),
		("thaw", AssetsCall::thaw { id: id(), who: a() }),
		("freeze_asset", AssetsCall::freeze_asset { id: id() }),
		("thaw_asset", AssetsCall::thaw_asset { id: id() }),
		("block", AssetsCall::block { id: id(), who: a() }),
		(
			"set_metadata",
			AssetsCall::set_metadata {
				id: id(),
				name: b"FAKE".to_vec(),
				symbol: b"FAKE".to_vec(),
				decimals: 0,
			},
		),
		("clear_metadata", AssetsCall::clear_metadata { id: id() }),
		("start_destroy", AssetsCall::start_destroy { id: id() }),
		("transfer_ownership", AssetsCall::transfer_ownership { id: id(), owner: a() }),
		("set_team", AssetsCall::set_team { id: id(), issuer: a(), admin: a(), freezer: a() }),
		("set_min_balance", AssetsCall::set_min_balance { id: id(), min_balance: 1 }),
		("touch", AssetsCall::touch { id: id() }),
		("touch_other", AssetsCall::touch_other { id: id(), who: a() }),
		("refund", AssetsCall::refund { id: id(), allow_burn: true }),
		("refund_other", AssetsCall::refund_other { id: id(), who: a() }),
		(
			"force_create",
			AssetsCall::force_create { id: id(), owner: a(), is_sufficient: true, min_balance: 1 },
		),
		(
			"force_transfer",
			AssetsCall::force_transfer {
				id: id(),
				source: a(),
				dest: bob().into(),
				amount: diem::UNIT,
			},
		),
		(
			"force_cancel_approval",
			AssetsCall::force_cancel_approval { id: id(), owner: a(), delegate: bob().into() },
		),
		(
			"force_set_metadata",
			AssetsCall::force_set_metadata {
				id: id(),
				name: b"FAKE".to_vec(),
				symbol: b"FAKE".to_vec(),
				decimals: 0,
				is_frozen: false,
			},
		),
		("force_clear_metadata", AssetsCall::force_clear_metadata { id: id() }),
		("set_reserves", AssetsCall::set_reserves { id: id(), reserves: Default::default() }),
		(
			"force_asset_status",
			AssetsCall::force_asset_status {
				id: id(),
				owner: a(),
				issuer: a(),
				admin: a(),
				freezer: a(),
				min_balance: 1,
				is_sufficient: true,
				is_frozen: false,
			},
		),
	]
	.into_iter()
	.map(|(name, call)| (name, RuntimeCall::Assets(call)))
	.collect()
}

#[test]
fn no_signed_origin_can_mint_burn_freeze_thaw_describe_or_destroy_diem() {
	preset_test(DEV_RUNTIME_PRESET, || {
		use polkadot_sdk::{frame_system, sp_runtime::DispatchError};
		let before = state_root();
		let no_permission: DispatchError =
			pallet_assets::Error::<Runtime, crate::configs::assets::AssetsInstance>::NoPermission
				.into();
		let filtered: DispatchError = frame_system::Error::<Runtime>::CallFiltered.into();
		for who in [alice(), bob()] {
			for (name, call) in calls_against_diem() {
				let result = call.dispatch(RuntimeOrigin::signed(who.clone()));
				let error = result.err().map(|e| e.error);
				// The owner's and the team's calls (`force_transfer` and `force_cancel_approval`
				// are the admin's) meet the keyless team; Root's calls a signed origin; `touch`
				// and `refund` the call filter.
				let expected = match name {
					"touch" | "touch_other" | "refund" | "refund_other" => filtered,
					"force_create"
					| "force_set_metadata"
					| "force_clear_metadata"
					| "force_asset_status" => DispatchError::BadOrigin,
					_ => no_permission,
				};
				assert_eq!(error, Some(expected), "{name} by {who:?}");
				assert_eq!(state_root(), before, "{name} by {who:?} changed the state");
			}
		}
		assert_eq!(DiemHolds::total_issuance(), Diem::curve_status().supply);
	});
}

#[test]
fn a_swap_past_its_slippage_bound_fails_and_changes_nothing() {
	preset_test(DEV_RUNTIME_PRESET, || {
		let amount_in = 900 * hash::UNIT;
		let quote = AssetConversion::quote_price_exact_tokens_for_tokens(
			HashKind::get(),
			DiemKind::get(),
			amount_in,
			true,
		)
		.expect("the genesis pool quotes");
		// ~10 DIEM for 900 HASH at 90 HASH per DIEM, less the fee and the price impact.
		assert!(quote > 9 * diem::UNIT && quote < 10 * diem::UNIT, "{quote}");

		let before = state_root();
		let hash_to_diem = path(&[HashKind::get(), DiemKind::get()]);
		assert_noop!(
			AssetConversion::swap_exact_tokens_for_tokens(
				RuntimeOrigin::signed(bob()),
				hash_to_diem.clone(),
				amount_in,
				quote + 1,
				bob(),
				true,
			),
			pallet_asset_conversion::Error::<Runtime>::ProvidedMinimumNotSufficientForSwap
		);
		assert_eq!(state_root(), before);

		// At the quote it goes through, and Bob gets exactly the quote.
		assert_ok!(AssetConversion::swap_exact_tokens_for_tokens(
			RuntimeOrigin::signed(bob()),
			hash_to_diem,
			amount_in,
			quote,
			bob(),
			true,
		));
		assert_eq!(DiemHolds::balance(&bob()), quote);

		// Back, exact out: 500 HASH for at most the quoted DIEM, and not one base unit less.
		let diem_to_hash = path(&[DiemKind::get(), HashKind::get()]);
		let want = 500 * hash::UNIT;
		let max_in = AssetConversion::quote_price_tokens_for_exact_tokens(
			DiemKind::get(),
			HashKind::get(),
			want,
			true,
		)
		.expect("a quote");
		assert_noop!(
			AssetConversion::swap_tokens_for_exact_tokens(
				RuntimeOrigin::signed(bob()),
				diem_to_hash.clone(),
				want,
				max_in - 1,
				bob(),
				true,
			),
			pallet_asset_conversion::Error::<Runtime>::ProvidedMaximumNotSufficientForSwap
		);
		let hash_before = Balances::free_balance(bob());
		assert_ok!(AssetConversion::swap_tokens_for_exact_tokens(
			RuntimeOrigin::signed(bob()),
			diem_to_hash,
			want,
			max_in,
			bob(),
			true,
		));
		assert_eq!(Balances::free_balance(bob()), hash_before + want);
		assert_eq!(DiemHolds::balance(&bob()), quote - max_in);
	});
}

#[test]
fn multi_hop_swaps_go_through_hash() {
	preset_test(DEV_RUNTIME_PRESET, || {
		// Governance creates a second asset; Alice pools it against HASH.
		let other = 1_000;
		let other_kind = AssetKind::WithId(other);
		assert_ok!(crate::Assets::force_create(
			RuntimeOrigin::root(),
			other.into(),
			alice().into(),
			true,
			1,
		));
		assert_ok!(crate::Assets::mint(
			RuntimeOrigin::signed(alice()),
			other.into(),
			alice().into(),
			1_000_000 * diem::UNIT,
		));
		assert_ok!(AssetConversion::create_pool(
			RuntimeOrigin::signed(alice()),
			Box::new(HashKind::get()),
			Box::new(other_kind.clone()),
		));
		assert_ok!(AssetConversion::add_liquidity(
			RuntimeOrigin::signed(alice()),
			Box::new(HashKind::get()),
			Box::new(other_kind.clone()),
			10_000 * hash::UNIT,
			100_000 * diem::UNIT,
			1,
			1,
			alice(),
		));
		// Pools pair with HASH only: a DIEM/other pool cannot exist.
		assert_noop!(
			AssetConversion::create_pool(
				RuntimeOrigin::signed(alice()),
				Box::new(DiemKind::get()),
				Box::new(other_kind.clone()),
			),
			pallet_asset_conversion::Error::<Runtime>::InvalidAssetPair
		);
		// Alice swaps 1 DIEM for the other asset, through HASH.
		let route = [DiemKind::get(), HashKind::get(), other_kind.clone()];
		let out = AssetConversion::quote_price_exact_tokens_for_tokens(
			DiemKind::get(),
			HashKind::get(),
			diem::UNIT,
			true,
		)
		.and_then(|hash| {
			AssetConversion::quote_price_exact_tokens_for_tokens(
				HashKind::get(),
				other_kind.clone(),
				hash,
				true,
			)
		})
		.expect("both legs quote");
		let before = crate::Assets::balance(other, alice());
		assert_ok!(AssetConversion::swap_exact_tokens_for_tokens(
			RuntimeOrigin::signed(alice()),
			path(&route),
			diem::UNIT,
			out,
			alice(),
			true,
		));
		assert_eq!(crate::Assets::balance(other, alice()), before + out);
	});
}

#[test]
fn staked_diem_cannot_be_swapped_or_transferred_away() {
	preset_test(DEV_RUNTIME_PRESET, || {
		start_block_one();
		let free = DiemHolds::balance(&alice());
		let stake = free - diem::UNIT;
		assert_ok!(InferenceCredits::stake(RuntimeOrigin::signed(alice()), stake));
		let reason = pallet_inference_credits::HoldReason::CreditStake.into();
		assert_eq!(DiemHolds::balance_on_hold(&reason, &alice()), stake);
		let before = state_root();
		// More than the free 1 DIEM: refused by the swap, by pallet-assets' transfers and by
		// the ledger's payment, and nothing moves.
		assert!(AssetConversion::swap_exact_tokens_for_tokens(
			RuntimeOrigin::signed(alice()),
			path(&[DiemKind::get(), HashKind::get()]),
			2 * diem::UNIT,
			1,
			alice(),
			false,
		)
		.is_err());
		let too_much = RuntimeCall::Assets(AssetsCall::transfer {
			id: diem::ASSET_ID.into(),
			target: bob().into(),
			amount: 2 * diem::UNIT,
		});
		assert!(too_much.dispatch(RuntimeOrigin::signed(alice())).is_err());
		assert_eq!(state_root(), before);
		// `transfer_all` moves only the free DIEM (less the minimum an account with holds keeps).
		assert_ok!(RuntimeCall::Assets(AssetsCall::transfer_all {
			id: diem::ASSET_ID.into(),
			dest: bob().into(),
			keep_alive: false,
		})
		.dispatch(RuntimeOrigin::signed(alice())));
		assert_eq!(DiemHolds::balance(&bob()), diem::UNIT - diem::EXISTENTIAL_DEPOSIT);
		assert_eq!(DiemHolds::balance_on_hold(&reason, &alice()), stake);
		assert_noop!(
			crate::DiemLedger::pay(
				RuntimeOrigin::signed(alice()),
				DiemKind::get(),
				bob(),
				2 * diem::UNIT,
				vec![],
			),
			pallet_diem_ledger::Error::<Runtime>::InsufficientBalance
		);
		Executive::finalize_block();
	});
}

#[test]
fn liquidity_is_added_and_removed_for_its_share() {
	preset_test(DEV_RUNTIME_PRESET, || {
		// Bob buys DIEM, then provides it with HASH at the pool's price.
		assert_ok!(AssetConversion::swap_tokens_for_exact_tokens(
			RuntimeOrigin::signed(bob()),
			path(&[HashKind::get(), DiemKind::get()]),
			20 * diem::UNIT,
			u128::MAX,
			bob(),
			true,
		));
		let (hash_reserve, diem_reserve) =
			AssetConversion::get_reserves(HashKind::get(), DiemKind::get()).expect("reserves");
		let diem_in = 10 * diem::UNIT;
		let hash_in = hash_reserve * diem_in / diem_reserve;
		let lp_token =
			pallet_asset_conversion::Pools::<Runtime>::get((HashKind::get(), DiemKind::get()))
				.expect("the genesis pool")
				.lp_token;
		assert_ok!(AssetConversion::add_liquidity(
			RuntimeOrigin::signed(bob()),
			Box::new(HashKind::get()),
			Box::new(DiemKind::get()),
			hash_in,
			diem_in,
			hash_in * 99 / 100,
			diem_in * 99 / 100,
			bob(),
		));
		let lp = PoolAssets::balance(lp_token, bob());
		assert!(lp > 0);
		let (diem_before, hash_before) =
			(DiemHolds::balance(&bob()), Balances::free_balance(bob()));
		// Asking for more than the share is refused; the share itself comes back (rounded down).
		assert!(AssetConversion::remove_liquidity(
			RuntimeOrigin::signed(bob()),
			Box::new(HashKind::get()),
			Box::new(DiemKind::get()),
			lp,
			hash_in + 1,
			diem_in + 1,
			bob(),
		)
		.is_err());
		assert_ok!(AssetConversion::remove_liquidity(
			RuntimeOrigin::signed(bob()),
			Box::new(HashKind::get()),
			Box::new(DiemKind::get()),
			lp,
			hash_in * 99 / 100,
			diem_in * 99 / 100,
			bob(),
		));
		assert_eq!(PoolAssets::balance(lp_token, bob()), 0);
		let (diem_back, hash_back) =
			(DiemHolds::balance(&bob()) - diem_before, Balances::free_balance(bob()) - hash_before);
		assert!(diem_back <= diem_in && diem_back >= diem_in * 999 / 1000, "{diem_back}");
		assert!(hash_back <= hash_in && hash_back >= hash_in * 999 / 1000, "{hash_back}");
	});
}

#[test]
fn an_account_holding_only_diem_pays_its_fees_in_diem() {
	preset_test(DEV_RUNTIME_PRESET, || {
		let only_diem = sr25519::Pair::from_string("//OnlyDiem", None).expect("a dev seed");
		let who: crate::AccountId = only_diem.public().into();
		start_block_one();
		// Alice sends it 10 DIEM; DIEM is sufficient, so the account exists with no HASH.
		let send = signed(
			Sr25519Keyring::Alice,
			0,
			RuntimeCall::Assets(AssetsCall::transfer_keep_alive {
				id: diem::ASSET_ID.into(),
				target: who.clone().into(),
				amount: 10 * diem::UNIT,
			}),
		);
		assert!(matches!(Executive::apply_extrinsic(send), Ok(Ok(()))));
		assert_eq!(Balances::total_balance(&who), 0);
		let pool_diem_before = crate::Assets::balance(diem::ASSET_ID, pool_account());
		let issuance_before = DiemHolds::total_issuance();

		// Paying in HASH is impossible for it; paying in DIEM works.
		let stake = RuntimeCall::InferenceCredits(pallet_inference_credits::Call::stake {
			amount: 5 * diem::UNIT,
		});
		let context = crate::signing::SigningContext::new(System::block_hash(0));
		let in_hash = context.sign(&only_diem, 0, stake.clone());
		use polkadot_sdk::sp_runtime::transaction_validity::{
			InvalidTransaction, TransactionValidityError,
		};
		assert_eq!(
			Executive::apply_extrinsic(in_hash),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Payment)),
			"no HASH to pay with"
		);
		let in_diem = context.sign_paying_in(&only_diem, 0, stake, Some(DiemKind::get()));
		let applied = Executive::apply_extrinsic(in_diem);
		assert!(matches!(applied, Ok(Ok(()))), "{applied:?}");

		let fee = System::events()
			.into_iter()
			.find_map(|record| match record.event {
				RuntimeEvent::AssetTxPayment(
					pallet_asset_conversion_tx_payment::Event::AssetTxFeePaid {
						who: payer,
						actual_fee,
						asset_id,
						..
					},
				) if payer == who && asset_id == DiemKind::get() => Some(actual_fee),
				_ => None,
			})
			.expect("a fee paid in DIEM");
		assert!(fee > 0);
		let reason = pallet_inference_credits::HoldReason::CreditStake.into();
		assert_eq!(DiemHolds::balance_on_hold(&reason, &who), 5 * diem::UNIT);
		assert_eq!(DiemHolds::balance(&who), 5 * diem::UNIT - fee);
		// The fee's DIEM went into the pool (swapped for the HASH that was burned); no DIEM was
		// created or destroyed, and the account still never held HASH.
		assert_eq!(crate::Assets::balance(diem::ASSET_ID, pool_account()), pool_diem_before + fee);
		assert_eq!(DiemHolds::total_issuance(), issuance_before);
		assert_eq!(Balances::total_balance(&who), 0);
		Executive::finalize_block();
	});
}

fn pool_account() -> crate::AccountId {
	use pallet_asset_conversion::PoolLocator as _;
	crate::configs::dex::PoolLocator::address(&(HashKind::get(), DiemKind::get()))
		.expect("the pool's account")
}

#[test]
fn buy_or_mint_quotes_what_a_mint_and_a_swap_then_cost() {
	preset_test(DEV_RUNTIME_PRESET, || {
		let amount = 10 * diem::UNIT;
		let quote = crate::apis::buy_or_mint(amount);
		assert!(quote.can_mint);
		let mint_cost = quote.mint_cost.clone().expect("minting quotes");
		let buy_cost = quote.buy_cost.expect("the pool quotes");
		// At genesis the pool sits at the curve's price; buying pays the fee and price impact.
		assert!(buy_cost > mint_cost, "{buy_cost} <= {mint_cost}");

		assert_ok!(Diem::mint(RuntimeOrigin::signed(bob()), amount, mint_cost));
		assert_eq!(Diem::position_info(&bob()).map(|p| p.locked), Some(mint_cost));

		let hash_before = Balances::free_balance(bob());
		assert_ok!(AssetConversion::swap_tokens_for_exact_tokens(
			RuntimeOrigin::signed(bob()),
			path(&[HashKind::get(), DiemKind::get()]),
			amount,
			buy_cost,
			bob(),
			true,
		));
		assert_eq!(hash_before - Balances::free_balance(bob()), buy_cost);
		assert_eq!(DiemHolds::balance(&bob()), 2 * amount);
	});
}

/// `pallet_assets`' benchmarks need their first asset to sort before DIEM in storage: the id
/// they start from is the first governance id (from 1,000) whose key hash does.
#[test]
fn the_benchmark_asset_ids_sort_before_diem() {
	use crate::configs::assets::FIRST_BENCHMARK_ASSET_ID;
	use codec::Encode;
	use polkadot_sdk::sp_io::hashing::blake2_128;
	let key = |id: u32| blake2_128(&id.encode());
	assert!(key(FIRST_BENCHMARK_ASSET_ID) < key(diem::ASSET_ID));
	assert!((1_000..FIRST_BENCHMARK_ASSET_ID).all(|id| key(id) > key(diem::ASSET_ID)));
}
