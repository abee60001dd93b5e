//! Calls of every pallet of the runtime, decoded from the input: HASH and DIEM transfers and
//! approvals, DEX swaps and liquidity, compute staking, minting and burning, the ledger's
//! payments, credit staking,
//! spenders, operators and voucher redemption with real signatures, the market's offers and
//! credit leases, the lending market's supply, collateral, loans and liquidations, governance
//! calls through
//! sudo, referenda and votes on every track, committee motions, safe mode and call pauses,
//! preimages, proxies, batches and multisig. Arguments are drawn from the fuzzer's accounts and from
//! amounts at the edges ([`Input::amount`]), so that most calls are meaningful and some are not.

use crate::{input::Input, Accounts};
use codec::Encode;
use diem_primitives::{
	voucher::{EpochIndex, PayloadWrapping, Voucher},
	AccountId, Balance, BlockNumber,
};
use diem_runtime::{
	configs::{assets::AssetKind, ProxyType},
	Diem, InferenceCredits, RuntimeCall, System,
};
use pallet_market::{PayIn, PriceUnit};
use polkadot_sdk::{
	frame_support::traits::{schedule::DispatchTime, Bounded},
	frame_system, pallet_balances, pallet_collective, pallet_conviction_voting, pallet_multisig,
	pallet_preimage, pallet_proxy, pallet_referenda, pallet_safe_mode, pallet_session, pallet_sudo,
	pallet_tx_pause, pallet_utility, pallet_whitelist,
	sp_runtime::{
		traits::{BlakeTwo256, Hash as _},
		Perbill,
	},
};

const HASH: AssetKind = AssetKind::Native;
const DIEM: AssetKind = AssetKind::WithId(diem_primitives::diem::ASSET_ID);

/// DIEM's id mostly; sometimes one that does not exist.
fn asset_id(input: &mut Input) -> Option<codec::Compact<u32>> {
	let id = if input.choice(8)? == 0 { 7 } else { diem_primitives::diem::ASSET_ID };
	Some(id.into())
}

/// HASH to DIEM or back; sometimes a path that is not a pool.
fn swap_path(input: &mut Input) -> Option<Vec<Box<AssetKind>>> {
	Some(match input.choice(4)? {
		0 => vec![Box::new(DIEM), Box::new(HASH), Box::new(DIEM)],
		1 | 2 => vec![Box::new(HASH), Box::new(DIEM)],
		_ => vec![Box::new(DIEM), Box::new(HASH)],
	})
}

/// How deeply calls nest (a batch in a proxy call in a batch).
const MAX_DEPTH: u8 = 2;

/// The most vouchers, batched calls or payments one call carries.
const MAX_ITEMS: usize = 4;

const PROXY_TYPES: [ProxyType; 5] = [
	ProxyType::Any,
	ProxyType::NonTransfer,
	ProxyType::CancelProxy,
	ProxyType::Staking,
	ProxyType::Operator,
];

/// The next call the input describes, or `None` once the input is used up.
pub fn call(input: &mut Input, accounts: &Accounts, depth: u8) -> Option<RuntimeCall> {
	use pallet_compute_staking::Call as Staking;
	use pallet_diem::Call as DiemCall;
	use pallet_diem_ledger::Call as Ledger;
	use polkadot_sdk::pallet_asset_conversion::Call as Dex;
	type Assets = polkadot_sdk::pallet_assets::Call<
		diem_runtime::Runtime,
		diem_runtime::configs::assets::AssetsInstance,
	>;
	use pallet_inference_credits::Call as Credits;
	let account = |input: &mut Input| input.pick(&accounts.ids);
	let address =
		|input: &mut Input| -> Option<diem_runtime::Address> { account(input).map(Into::into) };
	let sudo =
		|call: RuntimeCall| RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(call) });
	use pallet_lending::Call as Lending;
	use pallet_market::Call as Market;
	Some(match input.choice(74)? {
		0 => RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death {
			dest: address(input)?,
			value: input.amount()?,
		}),
		1 => RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
			dest: address(input)?,
			value: input.amount()?,
		}),
		2 => RuntimeCall::Balances(pallet_balances::Call::transfer_all {
			dest: address(input)?,
			keep_alive: input.flag()?,
		}),
		3 => RuntimeCall::ComputeStaking(Staking::stake { amount: input.amount()? }),
		4 => RuntimeCall::ComputeStaking(Staking::unstake { amount: input.amount()? }),
		5 => RuntimeCall::ComputeStaking(Staking::withdraw_unbonded {}),
		6 => RuntimeCall::ComputeStaking(Staking::rebond { amount: input.amount()? }),
		7 => RuntimeCall::ComputeStaking(Staking::claim_rewards {}),
		8 => RuntimeCall::ComputeStaking(Staking::set_auto_compound { enabled: input.flag()? }),
		9 => RuntimeCall::ComputeStaking(Staking::compound { who: account(input)? }),
		10 => {
			let diem = input.amount()?;
			// Mostly at the quoted cost, sometimes with a bound the cost exceeds.
			let max_cost = match input.flag()? {
				true => Diem::mint_quote(diem).unwrap_or(Balance::MAX),
				false => input.amount()?,
			};
			RuntimeCall::Diem(DiemCall::mint { diem, max_cost })
		}
		11 => RuntimeCall::Diem(DiemCall::mint_with_stake {
			max_stake: input.amount()?,
			min_diem: input.amount()?,
		}),
		12 => RuntimeCall::Diem(DiemCall::burn { diem: input.amount()? }),
		// DIEM through pallet-assets' own calls (asset 100), mostly, and sometimes an id that
		// does not exist.
		13 => RuntimeCall::Assets(Assets::transfer {
			id: asset_id(input)?,
			target: address(input)?,
			amount: input.amount()?,
		}),
		14 => RuntimeCall::Assets(Assets::transfer_keep_alive {
			id: asset_id(input)?,
			target: address(input)?,
			amount: input.amount()?,
		}),
		15 => RuntimeCall::Assets(Assets::transfer_all {
			id: asset_id(input)?,
			dest: address(input)?,
			keep_alive: input.flag()?,
		}),
		16 => RuntimeCall::Assets(Assets::approve_transfer {
			id: asset_id(input)?,
			delegate: address(input)?,
			amount: input.amount()?,
		}),
		17 => RuntimeCall::Assets(Assets::transfer_approved {
			id: asset_id(input)?,
			owner: address(input)?,
			destination: address(input)?,
			amount: input.amount()?,
		}),
		// `touch` and `refund` are filtered on DIEM (a refund could burn it).
		18 => match input.choice(3)? {
			0 => RuntimeCall::Assets(Assets::cancel_approval {
				id: asset_id(input)?,
				delegate: address(input)?,
			}),
			1 => RuntimeCall::Assets(Assets::touch { id: asset_id(input)? }),
			_ => RuntimeCall::Assets(Assets::refund {
				id: asset_id(input)?,
				allow_burn: input.flag()?,
			}),
		},
		// The DEX: swaps both ways with bounds that hold or not, liquidity in and out.
		19 => {
			let path = swap_path(input)?;
			RuntimeCall::AssetConversion(Dex::swap_exact_tokens_for_tokens {
				path,
				amount_in: input.amount()?,
				amount_out_min: input.amount()?,
				send_to: account(input)?,
				keep_alive: input.flag()?,
			})
		}
		20 => {
			let path = swap_path(input)?;
			RuntimeCall::AssetConversion(Dex::swap_tokens_for_exact_tokens {
				path,
				amount_out: input.amount()?,
				amount_in_max: input.amount()?,
				send_to: account(input)?,
				keep_alive: input.flag()?,
			})
		}
		21 => match input.flag()? {
			true => RuntimeCall::AssetConversion(Dex::add_liquidity {
				asset1: Box::new(HASH),
				asset2: Box::new(DIEM),
				amount1_desired: input.amount()?,
				amount2_desired: input.amount()?,
				amount1_min: input.amount()?,
				amount2_min: input.amount()?,
				mint_to: account(input)?,
			}),
			false => RuntimeCall::AssetConversion(Dex::remove_liquidity {
				asset1: Box::new(HASH),
				asset2: Box::new(DIEM),
				lp_token_burn: input.amount()?,
				amount1_min_receive: input.amount()?,
				amount2_min_receive: input.amount()?,
				withdraw_to: account(input)?,
			}),
		},
		22 => {
			let asset = if input.flag()? { DIEM } else { HASH };
			match input.flag()? {
				true => RuntimeCall::DiemLedger(Ledger::pay {
					asset,
					dest: account(input)?,
					amount: input.amount()?,
					memo: memo(input)?,
				}),
				false => {
					let count = input.choice(MAX_ITEMS + 1)?;
					let mut payments = Vec::with_capacity(count);
					for _ in 0..count {
						payments.push((account(input)?, input.amount()?));
					}
					RuntimeCall::DiemLedger(Ledger::pay_batch {
						asset,
						payments,
						memo: memo(input)?,
					})
				}
			}
		}
		23 => RuntimeCall::InferenceCredits(Credits::stake { amount: input.amount()? }),
		24 => RuntimeCall::InferenceCredits(Credits::unstake { amount: input.amount()? }),
		25 => RuntimeCall::InferenceCredits(Credits::withdraw {}),
		26 => RuntimeCall::InferenceCredits(Credits::add_spender {
			spender: account(input)?,
			cap_per_epoch: input.amount()?,
		}),
		27 => RuntimeCall::InferenceCredits(Credits::remove_spender { spender: account(input)? }),
		28 => RuntimeCall::InferenceCredits(Credits::register_operator {
			metadata: memo(input)?,
			redeem_key: account(input)?,
		}),
		29 => {
			RuntimeCall::InferenceCredits(Credits::set_redeem_key { redeem_key: account(input)? })
		}
		30 => RuntimeCall::InferenceCredits(Credits::unregister_operator {}),
		31 => RuntimeCall::InferenceCredits(Credits::release_bond {}),
		32 => {
			let count = input.choice(MAX_ITEMS)?.saturating_add(1);
			let mut vouchers = Vec::with_capacity(count);
			for _ in 0..count {
				vouchers.push(voucher(input, accounts)?);
			}
			RuntimeCall::InferenceCredits(Credits::redeem { vouchers })
		}
		33 => {
			RuntimeCall::InferenceCredits(Credits::claim_operator_rewards { epoch: epoch(input)? })
		}
		34 => sudo(RuntimeCall::InferenceCredits(Credits::approve_operator {
			operator: account(input)?,
			capacity_per_epoch: input.amount()?,
		})),
		35 => sudo(RuntimeCall::InferenceCredits(Credits::slash_operator {
			operator: account(input)?,
			amount: input.amount()?,
		})),
		36 => sudo(RuntimeCall::InferenceCredits(Credits::void_operator_epoch {
			operator: account(input)?,
			epoch: epoch(input)?,
		})),
		37 => sudo(RuntimeCall::InferenceCredits(Credits::set_epoch_length {
			// Around the dev chain's minute: a few slots to a few hours, and out of bounds.
			length: u64::from(input.byte()?).saturating_mul(6_000),
		})),
		38 => sudo(RuntimeCall::ComputeStaking(Staking::schedule_params_change {
			params: pallet_compute_staking::StakingParams {
				emission_per_block: input.amount()?,
				locked_yield_share: Perbill::from_percent(u32::from(input.byte()?)),
				unbonding_period: BlockNumber::from(input.byte()?),
				min_stake: input.amount()?,
			},
		})),
		39 => sudo(RuntimeCall::Diem(DiemCall::set_minting_open { open: input.flag()? })),
		40 => RuntimeCall::Proxy(pallet_proxy::Call::add_proxy {
			delegate: address(input)?,
			proxy_type: input.pick(&PROXY_TYPES)?,
			delay: 0,
		}),
		41 => RuntimeCall::Proxy(pallet_proxy::Call::remove_proxy {
			delegate: address(input)?,
			proxy_type: input.pick(&PROXY_TYPES)?,
			delay: 0,
		}),
		42 if depth < MAX_DEPTH => RuntimeCall::Proxy(pallet_proxy::Call::proxy {
			real: address(input)?,
			force_proxy_type: None,
			call: Box::new(call(input, accounts, depth.saturating_add(1))?),
		}),
		43..=45 if depth < MAX_DEPTH => {
			let kind = input.choice(3)?;
			let count = input.choice(MAX_ITEMS)?.saturating_add(1);
			let mut calls = Vec::with_capacity(count);
			for _ in 0..count {
				calls.push(call(input, accounts, depth.saturating_add(1))?);
			}
			RuntimeCall::Utility(match kind {
				0 => pallet_utility::Call::batch { calls },
				1 => pallet_utility::Call::batch_all { calls },
				_ => pallet_utility::Call::force_batch { calls },
			})
		}
		46 if depth < MAX_DEPTH => {
			let mut others = vec![account(input)?];
			others.sort();
			RuntimeCall::Multisig(pallet_multisig::Call::as_multi_threshold_1 {
				other_signatories: others,
				call: Box::new(call(input, accounts, depth.saturating_add(1))?),
			})
		}
		47 => RuntimeCall::ValidatorSet(pallet_validator_set::Call::purge_keys {}),
		48 => RuntimeCall::Session(pallet_session::Call::purge_keys {}),
		49 => sudo(RuntimeCall::ValidatorSet(pallet_validator_set::Call::remove_validator {
			who: account(input)?,
		})),
		// Short sessions, so that rotations (and what purged keys would do to them) happen.
		50 => sudo(RuntimeCall::ValidatorSet(pallet_validator_set::Call::set_session_length {
			blocks: BlockNumber::from(input.byte()?),
		})),
		51 => RuntimeCall::Market(Market::set_offer { terms: offer_terms(input)? }),
		52 => RuntimeCall::Market(Market::remove_offer {
			model: offer_terms(input)?.model,
			unit: price_unit(input)?,
		}),
		53 => RuntimeCall::Market(Market::clear_offers { operator: account(input)? }),
		54 => {
			let (first, last) = (epoch(input)?, epoch(input)?);
			RuntimeCall::Market(Market::list_lease {
				credits_per_epoch: input.amount()?,
				first,
				last,
				price_per_credit: input.amount()?,
				pay_in: if input.flag()? { PayIn::Hash } else { PayIn::Diem },
			})
		}
		55 => RuntimeCall::Market(Market::take_lease {
			listing: lease_id(input)?,
			credits_per_epoch: input.amount()?,
			beneficiary: account(input)?,
			max_price_per_credit: input.amount()?,
		}),
		56 => RuntimeCall::Market(Market::cancel_lease { listing: lease_id(input)? }),
		57 => RuntimeCall::Referenda(pallet_referenda::Call::submit {
			proposal_origin: Box::new(track_origin(input)?),
			proposal: Bounded::Inline(governed_call(input)?.encode().try_into().ok()?),
			enactment_moment: DispatchTime::After(BlockNumber::from(input.byte()? % 8)),
		}),
		58 => RuntimeCall::Referenda(pallet_referenda::Call::place_decision_deposit {
			index: referendum(input)?,
		}),
		59 => RuntimeCall::ConvictionVoting(pallet_conviction_voting::Call::vote {
			poll_index: referendum(input)?,
			vote: pallet_conviction_voting::AccountVote::Standard {
				vote: pallet_conviction_voting::Vote {
					aye: input.flag()?,
					conviction: input.pick(&CONVICTIONS)?,
				},
				balance: input.amount()?,
			},
		}),
		60 => RuntimeCall::ConvictionVoting(pallet_conviction_voting::Call::remove_vote {
			class: None,
			index: referendum(input)?,
		}),
		61 => sudo(if input.flag()? {
			RuntimeCall::SafeMode(pallet_safe_mode::Call::force_enter {})
		} else {
			RuntimeCall::SafeMode(pallet_safe_mode::Call::force_exit {})
		}),
		62 => {
			let whitelist = RuntimeCall::Whitelist(pallet_whitelist::Call::whitelist_call {
				call_hash: BlakeTwo256::hash_of(&governed_call(input)?),
			});
			let length_bound = u32::try_from(whitelist.encoded_size()).ok()?;
			RuntimeCall::TechnicalCommittee(pallet_collective::Call::propose {
				threshold: u32::from(input.byte()? % 4),
				proposal: Box::new(whitelist),
				length_bound,
			})
		}
		63 => sudo(RuntimeCall::TxPause(pallet_tx_pause::Call::pause {
			full_name: pausable_call(input)?,
		})),
		64 => sudo(RuntimeCall::TxPause(pallet_tx_pause::Call::unpause {
			ident: pausable_call(input)?,
		})),
		65 => RuntimeCall::Preimage(pallet_preimage::Call::note_preimage { bytes: memo(input)? }),
		66 => RuntimeCall::Lending(Lending::supply { amount: input.amount()? }),
		67 => RuntimeCall::Lending(Lending::withdraw { amount: input.amount()? }),
		68 => RuntimeCall::Lending(Lending::deposit_collateral { amount: input.amount()? }),
		69 => RuntimeCall::Lending(Lending::withdraw_collateral { amount: input.amount()? }),
		70 => RuntimeCall::Lending(Lending::borrow { amount: input.amount()? }),
		71 => RuntimeCall::Lending(Lending::repay { amount: input.amount()? }),
		72 => RuntimeCall::Lending(Lending::liquidate {
			borrower: account(input)?,
			max_repay: input.amount()?,
		}),
		73 => sudo(RuntimeCall::Lending(Lending::withdraw_reserve {
			amount: input.amount()?,
			to: account(input)?,
		})),
		// A nesting call past the depth limit: a remark instead.
		_ => RuntimeCall::System(frame_system::Call::remark { remark: memo(input)? }),
	})
}

/// What a referendum may come from: Root or one of the chain's own tracks.
fn track_origin(input: &mut Input) -> Option<diem_runtime::OriginCaller> {
	use diem_runtime::governance::origins::Origin;
	Some(match input.choice(5)? {
		0 => frame_system::RawOrigin::Root.into(),
		1 => diem_runtime::OriginCaller::Origins(Origin::DiemAdmin),
		2 => diem_runtime::OriginCaller::Origins(Origin::OperatorAdmin),
		3 => diem_runtime::OriginCaller::Origins(Origin::ValidatorAdmin),
		_ => diem_runtime::OriginCaller::Origins(Origin::WhitelistedCaller),
	})
}

/// A short call a referendum could enact: a track's admin call or a remark.
fn governed_call(input: &mut Input) -> Option<RuntimeCall> {
	Some(match input.choice(3)? {
		0 => RuntimeCall::Diem(pallet_diem::Call::set_minting_open { open: input.flag()? }),
		1 => RuntimeCall::ComputeStaking(pallet_compute_staking::Call::cancel_params_change {}),
		_ => RuntimeCall::System(frame_system::Call::remark { remark: memo(input)? }),
	})
}

/// One of the latest referendum indexes, or one never issued.
fn referendum(input: &mut Input) -> Option<u32> {
	let next = pallet_referenda::ReferendumCount::<diem_runtime::Runtime>::get();
	Some(next.saturating_sub(u32::from(input.byte()? % 3)))
}

const CONVICTIONS: [pallet_conviction_voting::Conviction; 3] = [
	pallet_conviction_voting::Conviction::None,
	pallet_conviction_voting::Conviction::Locked1x,
	pallet_conviction_voting::Conviction::Locked6x,
];

/// A call the committee or Root may pause (or a governance call, which cannot be paused).
fn pausable_call(
	input: &mut Input,
) -> Option<pallet_tx_pause::RuntimeCallNameOf<diem_runtime::Runtime>> {
	let (pallet, call): (&[u8], &[u8]) = match input.choice(4)? {
		0 => (b"Balances", b"transfer_keep_alive"),
		1 => (b"Assets", b"transfer"),
		2 => (b"InferenceCredits", b"redeem"),
		_ => (b"Referenda", b"submit"),
	};
	Some((pallet.to_vec().try_into().ok()?, call.to_vec().try_into().ok()?))
}

/// One of the latest listing ids, or one never issued.
fn lease_id(input: &mut Input) -> Option<pallet_market::LeaseId> {
	let next = pallet_market::NextLeaseId::<diem_runtime::Runtime>::get();
	Some(next.saturating_sub(u64::from(input.byte()? % 4)))
}

fn price_unit(input: &mut Input) -> Option<PriceUnit> {
	Some(match input.choice(4)? {
		0 => PriceUnit::MillionInputTokens,
		1 => PriceUnit::MillionOutputTokens,
		2 => PriceUnit::Request,
		_ => PriceUnit::Second,
	})
}

/// Offer terms for one of two models (sometimes an empty one), at an edge price.
fn offer_terms(input: &mut Input) -> Option<pallet_market::OfferTermsOf<diem_runtime::Runtime>> {
	let model: &[u8] = match input.choice(3)? {
		0 => b"",
		1 => b"llama",
		_ => b"qwen",
	};
	Some(pallet_market::OfferTerms {
		model: model.to_vec().try_into().ok()?,
		unit: price_unit(input)?,
		price: input.amount()?,
		max_context: u32::from(input.byte()?) << 10,
		endpoint: b"https://op.example".to_vec().try_into().ok()?,
	})
}

/// A short byte string (memos, metadata, remarks).
fn memo(input: &mut Input) -> Option<Vec<u8>> {
	let length = input.choice(8)?;
	(0..length).map(|_| input.byte()).collect()
}

/// An epoch near the current one: before it, it, the one before, or the next.
fn epoch(input: &mut Input) -> Option<EpochIndex> {
	let current =
		InferenceCredits::epoch_clock().map(|clock| clock.current.index).unwrap_or_default();
	Some(match input.choice(4)? {
		0 => current,
		1 => current.saturating_sub(1),
		2 => current.saturating_sub(2),
		_ => current.saturating_add(1),
	})
}

/// A voucher signed by one of the fuzzer's keys for one of its accounts as operator; sometimes
/// for another payer (a spender's voucher), sometimes with its signature spoiled.
fn voucher(input: &mut Input, accounts: &Accounts) -> Option<Voucher> {
	let signer = input.choice(accounts.pairs.len())?;
	let pair = accounts.pairs.get(signer)?;
	let payer: Option<AccountId> = match input.flag()? {
		true => Some(input.pick(&accounts.ids)?),
		false => None,
	};
	let operator = input.pick(&accounts.ids)?;
	let epoch = epoch(input)?;
	let cumulative = input.amount()?;
	let wrapping = match input.flag()? {
		true => PayloadWrapping::Bytes,
		false => PayloadWrapping::Raw,
	};
	let genesis = System::block_hash(0);
	let mut voucher = Voucher::sign(pair, payer, genesis, epoch, &operator, cumulative, wrapping);
	if input.choice(8)? == 0 {
		// Signed for one amount, claims another.
		voucher.cumulative = voucher.cumulative.wrapping_add(1);
	}
	Some(voucher)
}
