//! `gov`: referenda with conviction votes on HASH (`pallet-referenda`,
//! `pallet-conviction-voting`), the technical committee's motions (`pallet-collective`), and
//! safe mode (`pallet-safe-mode`) entered, extended or left by a committee motion.
//!
//! Calls are taken as hex of their SCALE encoding and decoded against the runtime this CLI was
//! built for, so a call of another runtime, or garbage, is refused before anything is signed.

use super::{amount, dispatch_outcome, receipt_output, units_json, Ctx};
use crate::{
	chain::{decode_call, encode_call, runtime, AtBlock, Receipt},
	cli::{CommitteeCommand, GovCommand, SafeModeCommand, Side, TrackArg},
	keys::{decode_hex, ss58},
	units::format_amount,
	Error, Output,
};
use runtime::runtime_types::{
	bounded_collections::bounded_vec::BoundedVec,
	diem_runtime::{governance::origins::pallet::Origin as TrackOrigin, OriginCaller},
	frame_support::{
		dispatch::RawOrigin,
		traits::{preimages::Bounded, schedule::DispatchTime},
	},
	pallet_conviction_voting::vote::{AccountVote, Vote},
	pallet_referenda::types::ReferendumInfo,
};
use serde_json::{json, Value as Json};
use subxt::utils::H256;

/// The longest call `pallet-referenda` keeps inline in a proposal (`Bounded::Inline`); longer
/// calls go through a noted preimage.
const MAX_INLINE_CALL: usize = 128;

/// A storage entry at `$at`, decoded, or `None` when it is absent.
macro_rules! fetch {
	($at:expr, $address:expr, $keys:expr, $what:expr) => {
		$at.storage()
			.try_fetch($address, $keys)
			.await
			.map_err(|e| Error::Failed(format!("{}: {e}", $what)))?
			.map(|value| value.decode())
			.transpose()
			.map_err(|e| Error::Failed(format!("{}: {e}", $what)))?
	};
}

/// The track's id and name in the runtime (`runtime/src/governance/tracks.rs`).
fn track_id(track: TrackArg) -> u16 {
	match track {
		TrackArg::Root => 0,
		TrackArg::WhitelistedCaller => 1,
		TrackArg::DiemAdmin => 10,
		TrackArg::OperatorAdmin => 11,
		TrackArg::ValidatorAdmin => 12,
	}
}

fn track_name(id: u16) -> String {
	match id {
		0 => "root".into(),
		1 => "whitelisted_caller".into(),
		10 => "diem_admin".into(),
		11 => "operator_admin".into(),
		12 => "validator_admin".into(),
		other => format!("track {other}"),
	}
}

/// The origin a referendum on `track` dispatches its call from.
fn track_origin(track: TrackArg) -> OriginCaller {
	match track {
		TrackArg::Root => OriginCaller::system(RawOrigin::Root),
		TrackArg::WhitelistedCaller => OriginCaller::Origins(TrackOrigin::WhitelistedCaller),
		TrackArg::DiemAdmin => OriginCaller::Origins(TrackOrigin::DiemAdmin),
		TrackArg::OperatorAdmin => OriginCaller::Origins(TrackOrigin::OperatorAdmin),
		TrackArg::ValidatorAdmin => OriginCaller::Origins(TrackOrigin::ValidatorAdmin),
	}
}

/// A call given as hex, decoded as one of this runtime's calls (all of the bytes).
fn parse_call(text: &str) -> Result<(runtime::Call, Vec<u8>), Error> {
	let hex = text.trim();
	let bytes = hex
		.strip_prefix("0x")
		.and_then(decode_hex)
		.ok_or_else(|| Error::Input(format!("the call must be 0x-prefixed hex, not {hex:?}")))?;
	let call = decode_call(&bytes)
		.map_err(|e| Error::Input(format!("{hex} is not one call of this runtime: {e}")))?;
	Ok((call, bytes))
}

/// `Pallet.call` of an encoded call, by the node's metadata.
fn call_name(at: &AtBlock, bytes: &[u8]) -> String {
	let metadata = at.metadata_ref();
	let named = match bytes {
		[pallet, call, ..] => metadata.pallet_by_call_index(*pallet).and_then(|p| {
			p.call_variant_by_index(*call).map(|v| format!("{}.{}", p.name(), v.name))
		}),
		_ => None,
	};
	named.unwrap_or_else(|| "an unknown call".into())
}

fn blake2_256(bytes: &[u8]) -> H256 {
	use polkadot_sdk::sp_runtime::traits::{BlakeTwo256, Hash as _};
	H256::from(BlakeTwo256::hash(bytes).0)
}

fn parse_hash(text: &str) -> Result<H256, Error> {
	text.trim()
		.strip_prefix("0x")
		.and_then(decode_hex)
		.and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
		.map(H256::from)
		.ok_or_else(|| Error::Input(format!("{text:?} is not a 0x-prefixed 32-byte hash")))
}

pub(super) async fn run(ctx: &mut Ctx, command: GovCommand) -> Result<Output, Error> {
	match command {
		GovCommand::Submit { call, track, enact_after, no_deposit } => {
			submit(ctx, &call, track, enact_after, no_deposit).await
		}
		GovCommand::Deposit { index } => {
			let receipt =
				ctx.submit(&runtime::tx().referenda().place_decision_deposit(index)).await?;
			Ok(receipt_output("place decision deposit", &receipt, json!({ "index": index })))
		}
		GovCommand::Vote { index, side, amount: a, conviction } => {
			let balance = amount(&a)?;
			if balance == 0 {
				return Err(Error::Input("a vote needs an amount above zero".into()));
			}
			// The vote byte: the high bit says aye, the low bits the conviction.
			let byte = conviction | if side == Side::Aye { 0x80 } else { 0 };
			let vote = AccountVote::Standard { vote: Vote(byte), balance };
			let receipt = ctx.submit(&runtime::tx().conviction_voting().vote(index, vote)).await?;
			Ok(receipt_output(
				"vote",
				&receipt,
				json!({
					"index": index,
					"aye": side == Side::Aye,
					"conviction": conviction,
					"amount": units_json(balance),
				}),
			))
		}
		GovCommand::Status { index } => match index {
			Some(index) => referendum(ctx, index).await,
			None => status(ctx).await,
		},
		GovCommand::Committee(command) => committee(ctx, command).await,
		GovCommand::SafeMode(command) => {
			let (action, call) = match command {
				SafeModeCommand::Enter => {
					("enter safe mode", runtime::safe_mode::Call::force_enter)
				}
				SafeModeCommand::Extend => {
					("extend safe mode", runtime::safe_mode::Call::force_extend)
				}
				SafeModeCommand::Exit => ("exit safe mode", runtime::safe_mode::Call::force_exit),
			};
			let call = runtime::Call::SafeMode(call);
			let bytes = encode_call(&call)?;
			propose_motion(ctx, action, call, &bytes, None).await
		}
	}
}

async fn submit(
	ctx: &mut Ctx,
	call_hex: &str,
	track: TrackArg,
	enact_after: u32,
	no_deposit: bool,
) -> Result<Output, Error> {
	let (call, mut bytes) = parse_call(call_hex)?;
	if track == TrackArg::WhitelistedCaller {
		let wrapped = runtime::Call::Whitelist(
			runtime::whitelist::Call::dispatch_whitelisted_call_with_preimage {
				call: Box::new(call),
			},
		);
		bytes = encode_call(&wrapped)?;
	}
	let chain = ctx.chain().await?;
	let at = chain.at_best().await?;
	let name = call_name(&at, &bytes);
	let mut receipts: Vec<Receipt> = Vec::new();
	let proposal = if bytes.len() <= MAX_INLINE_CALL {
		Bounded::Inline(BoundedVec(bytes.clone()))
	} else {
		let hash = blake2_256(&bytes);
		let noted = fetch!(
			at,
			runtime::storage().preimage().request_status_for(),
			(hash,),
			"Preimage.RequestStatusFor"
		);
		if noted.is_none() {
			receipts
				.push(ctx.submit(&runtime::tx().preimage().note_preimage(bytes.clone())).await?);
		}
		let len = u32::try_from(bytes.len())
			.map_err(|_| Error::Input("the call is longer than 4 GiB".into()))?;
		Bounded::Lookup { hash, len }
	};
	let submit = runtime::tx().referenda().submit(
		track_origin(track),
		proposal,
		DispatchTime::After(enact_after),
	);
	let receipt = ctx.submit(&submit).await?;
	let index = receipt
		.events_named("Referenda", "Submitted")
		.next()
		.and_then(|e| e.number("index"))
		.and_then(|i| u32::try_from(i).ok())
		.ok_or_else(|| Error::Failed("no Referenda.Submitted event".into()))?;
	let mut output = receipt_output(
		"submit referendum",
		&receipt,
		json!({
			"index": index,
			"track": track_name(track_id(track)),
			"call": name,
			"preimage_noted": !receipts.is_empty(),
		}),
	);
	if !no_deposit {
		let deposit = ctx.submit(&runtime::tx().referenda().place_decision_deposit(index)).await?;
		let placed = receipt_output("place decision deposit", &deposit, json!({}));
		output.text.push_str(&placed.text);
		if let Json::Object(object) = &mut output.json {
			object.insert("decision_deposit".into(), placed.json);
		}
	}
	output.text =
		format!("referendum #{index} on {}: {name}\n{}", track_name(track_id(track)), output.text);
	Ok(output)
}

/// One line (text) and one object (JSON) per referendum. (A macro: the generated
/// `ReferendumInfo` type has eight type parameters that the storage entry fixes.)
macro_rules! referendum_view {
	($at:expr, $index:expr, $info:expr) => {{
	let (at, index) = ($at, $index);
	match $info {
		ReferendumInfo::Ongoing(status) => {
			let proposal = match &status.proposal {
				Bounded::Inline(BoundedVec(bytes)) => call_name(at, bytes),
				Bounded::Lookup { hash, len } => format!("preimage {hash:?} ({len} bytes)"),
				Bounded::Legacy { hash } => format!("preimage {hash:?}"),
				_ => "a proposal".into(),
			};
			let phase = match (&status.deciding, &status.decision_deposit) {
				(Some(deciding), _) => match deciding.confirming {
					Some(until) => format!("confirming until #{until}"),
					None => format!("deciding since #{}", deciding.since),
				},
				(None, None) => "preparing (no decision deposit yet)".into(),
				(None, Some(_)) => "preparing".into(),
			};
			let tally = &status.tally;
			let text = format!(
				"#{index} {} {proposal}: {phase}; ayes {}, nays {}, support {} HASH\n",
				track_name(status.track),
				format_amount(tally.ayes),
				format_amount(tally.nays),
				format_amount(tally.support),
			);
			let json = json!({
				"index": index,
				"state": "ongoing",
				"track": track_name(status.track),
				"proposal": proposal,
				"submitted": status.submitted,
				"submitter": ss58(&status.submission_deposit.who.0.into()),
				"decision_deposit": status.decision_deposit.as_ref().map(|d| units_json(d.amount)),
				"deciding_since": status.deciding.as_ref().map(|d| d.since),
				"confirming_until": status.deciding.as_ref().and_then(|d| d.confirming),
				"phase": phase,
				"ayes": units_json(tally.ayes),
				"nays": units_json(tally.nays),
				"support": units_json(tally.support),
			});
			(text, json)
		}
		ended => {
			let (state, block) = match ended {
				ReferendumInfo::Approved(block, ..) => ("approved", *block),
				ReferendumInfo::Rejected(block, ..) => ("rejected", *block),
				ReferendumInfo::Cancelled(block, ..) => ("cancelled", *block),
				ReferendumInfo::TimedOut(block, ..) => ("timed out", *block),
				ReferendumInfo::Killed(block) => ("killed", *block),
				_ => ("ended", 0),
			};
			(
				format!("#{index} {state} at #{block}\n"),
				json!({ "index": index, "state": state, "block": block }),
			)
		}
	}
	}};
}

async fn referendum(ctx: &mut Ctx, index: u32) -> Result<Output, Error> {
	let chain = ctx.chain().await?;
	let at = chain.at_best().await?;
	let info = fetch!(
		at,
		runtime::storage().referenda().referendum_info_for(),
		(index,),
		"Referenda.ReferendumInfoFor"
	)
	.ok_or_else(|| Error::Input(format!("there is no referendum #{index}")))?;
	let (text, json) = referendum_view!(&at, index, &info);
	Ok(Output { text, json })
}

async fn status(ctx: &mut Ctx) -> Result<Output, Error> {
	let chain = ctx.chain().await?;
	let at = chain.at_best().await?;
	let now = at.block_number();
	let mut text = String::new();

	// Referenda: the ongoing ones in full, the count of those that ended.
	let mut entries = at
		.storage()
		.iter(runtime::storage().referenda().referendum_info_for(), ())
		.await
		.map_err(|e| Error::Failed(format!("Referenda.ReferendumInfoFor: {e}")))?;
	let mut referenda = Vec::new();
	while let Some(entry) = entries.next().await {
		let entry =
			entry.map_err(|e| Error::Failed(format!("Referenda.ReferendumInfoFor: {e}")))?;
		let (index,) = entry
			.key()
			.and_then(|key| key.decode())
			.map_err(|e| Error::Failed(format!("a referendum's key: {e}")))?;
		let info =
			entry.value().decode().map_err(|e| Error::Failed(format!("a referendum: {e}")))?;
		referenda.push((index, info));
	}
	referenda.sort_by_key(|(index, _)| *index);
	let mut referenda_json = Vec::new();
	let mut ended = 0usize;
	text.push_str("referenda\n");
	for (index, info) in &referenda {
		let (line, json) = referendum_view!(&at, *index, info);
		if matches!(info, ReferendumInfo::Ongoing(_)) {
			text.push_str(&format!("  {line}"));
		} else {
			ended += 1;
		}
		referenda_json.push(json);
	}
	text.push_str(&format!("  {} ongoing, {ended} ended\n", referenda.len() - ended));

	// The committee: its members and open motions.
	let members = fetch!(
		at,
		runtime::storage().technical_committee().members(),
		(),
		"TechnicalCommittee.Members"
	)
	.unwrap_or_default();
	let member_names: Vec<String> = members.iter().map(|m| ss58(&m.0.into())).collect();
	text.push_str(&format!("committee  {} members: {}\n", members.len(), member_names.join(", ")));
	let motions = fetch!(
		at,
		runtime::storage().technical_committee().proposals(),
		(),
		"TechnicalCommittee.Proposals"
	)
	.map(|BoundedVec(hashes)| hashes)
	.unwrap_or_default();
	let mut motions_json = Vec::new();
	for hash in motions {
		let proposal = fetch!(
			at,
			runtime::storage().technical_committee().proposal_of(),
			(hash,),
			"TechnicalCommittee.ProposalOf"
		);
		let votes = fetch!(
			at,
			runtime::storage().technical_committee().voting(),
			(hash,),
			"TechnicalCommittee.Voting"
		);
		let name = match proposal {
			Some(call) => call_name(&at, &encode_call(&call)?),
			None => String::new(),
		};
		let Some(votes) = votes else { continue };
		text.push_str(&format!(
			"  motion {hash:?} (#{}) {name}: {} ayes, {} nays of {} needed, voting ends #{}\n",
			votes.index,
			votes.ayes.len(),
			votes.nays.len(),
			votes.threshold,
			votes.end
		));
		motions_json.push(json!({
			"hash": format!("{hash:?}"),
			"index": votes.index,
			"call": name,
			"threshold": votes.threshold,
			"ayes": votes.ayes.iter().map(|a| ss58(&a.0.into())).collect::<Vec<_>>(),
			"nays": votes.nays.iter().map(|a| ss58(&a.0.into())).collect::<Vec<_>>(),
			"end": votes.end,
		}));
	}

	// Safe mode and paused calls.
	let until =
		fetch!(at, runtime::storage().safe_mode().entered_until(), (), "SafeMode.EnteredUntil");
	match until {
		Some(until) => text.push_str(&format!(
			"safe mode  on until #{until} ({} blocks from now): only governance and system calls\n",
			u64::from(until).saturating_sub(now)
		)),
		None => text.push_str("safe mode  off\n"),
	}
	let mut paused = Vec::new();
	let mut entries = at
		.storage()
		.iter(runtime::storage().tx_pause().paused_calls(), ())
		.await
		.map_err(|e| Error::Failed(format!("TxPause.PausedCalls: {e}")))?;
	while let Some(entry) = entries.next().await {
		let entry = entry.map_err(|e| Error::Failed(format!("TxPause.PausedCalls: {e}")))?;
		let ((BoundedVec(pallet), BoundedVec(call)),) = entry
			.key()
			.and_then(|key| key.decode())
			.map_err(|e| Error::Failed(format!("a paused call's key: {e}")))?;
		paused.push(format!(
			"{}.{}",
			String::from_utf8_lossy(&pallet),
			String::from_utf8_lossy(&call)
		));
	}
	if !paused.is_empty() {
		text.push_str(&format!("paused     {}\n", paused.join(", ")));
	}
	Ok(Output {
		text,
		json: json!({
			"block": now,
			"referenda": referenda_json,
			"committee": { "members": member_names, "motions": motions_json },
			"safe_mode_until": until,
			"paused_calls": paused,
		}),
	})
}

/// Two thirds of `members`, rounded up: what `TechnicalTwoThirds` needs.
fn two_thirds(members: u32) -> u32 {
	(members * 2).div_ceil(3).max(1)
}

/// Proposes `call` to the committee and votes aye on it (the proposer's vote is not implied).
/// A motion whose threshold is one runs at once.
async fn propose_motion(
	ctx: &mut Ctx,
	action: &str,
	call: runtime::Call,
	bytes: &[u8],
	threshold: Option<u32>,
) -> Result<Output, Error> {
	let chain = ctx.chain().await?;
	let at = chain.at_best().await?;
	let name = call_name(&at, bytes);
	let members = fetch!(
		at,
		runtime::storage().technical_committee().members(),
		(),
		"TechnicalCommittee.Members"
	)
	.unwrap_or_default();
	let me = ctx.key()?.account_id();
	if !members.iter().any(|m| m.0 == <[u8; 32]>::from(me.clone())) {
		return Err(Error::Input(format!(
			"{} is not a member of the technical committee",
			ss58(&me)
		)));
	}
	let count = u32::try_from(members.len()).unwrap_or(u32::MAX);
	let threshold = threshold.unwrap_or_else(|| two_thirds(count));
	if threshold == 0 || threshold > count {
		return Err(Error::Input(format!(
			"a threshold of {threshold} ayes is not between 1 and the {count} members"
		)));
	}
	let length_bound = u32::try_from(bytes.len())
		.map_err(|_| Error::Input("the call is longer than 4 GiB".into()))?;
	let propose = runtime::tx().technical_committee().propose(threshold, call, length_bound);
	let receipt = ctx.submit(&propose).await?;
	if threshold == 1 {
		let executed = receipt.events_named("TechnicalCommittee", "Executed").next().cloned();
		dispatch_outcome(ctx, executed.as_ref().and_then(|e| e.fields.get("result")), &name)
			.await?;
		return Ok(receipt_output(action, &receipt, json!({ "call": name, "executed": true })));
	}
	let proposed = receipt
		.events_named("TechnicalCommittee", "Proposed")
		.next()
		.ok_or_else(|| Error::Failed("no TechnicalCommittee.Proposed event".into()))?;
	let index = proposed
		.number("proposal_index")
		.and_then(|i| u32::try_from(i).ok())
		.ok_or_else(|| Error::Failed("the Proposed event has no index".into()))?;
	let hash = blake2_256(bytes);
	let vote = ctx.submit(&runtime::tx().technical_committee().vote(hash, index, true)).await?;
	let mut output = receipt_output(
		action,
		&receipt,
		json!({
			"call": name,
			"motion": format!("{hash:?}"),
			"index": index,
			"threshold": threshold,
			"executed": false,
		}),
	);
	let voted = receipt_output("vote aye", &vote, json!({}));
	output.text = format!(
		"motion {hash:?} ({name}) needs {threshold} ayes; the others vote with \
		 `gov committee vote {hash:?} aye`, then anyone closes it\n{}{}",
		output.text, voted.text
	);
	if let Json::Object(object) = &mut output.json {
		object.insert("vote".into(), voted.json);
	}
	Ok(output)
}

async fn committee(ctx: &mut Ctx, command: CommitteeCommand) -> Result<Output, Error> {
	match command {
		CommitteeCommand::Propose { call, threshold } => {
			let (call, bytes) = parse_call(&call)?;
			propose_motion(ctx, "propose motion", call, &bytes, threshold).await
		}
		CommitteeCommand::Whitelist { call } => {
			let (_, bytes) = parse_call(&call)?;
			let call_hash = blake2_256(&bytes);
			let motion =
				runtime::Call::Whitelist(runtime::whitelist::Call::whitelist_call { call_hash });
			let motion_bytes = encode_call(&motion)?;
			let mut output =
				propose_motion(ctx, "propose whitelisting", motion, &motion_bytes, None).await?;
			if let Json::Object(object) = &mut output.json {
				object.insert("call_hash".into(), json!(format!("{call_hash:?}")));
			}
			Ok(output)
		}
		CommitteeCommand::Vote { motion, side } => {
			let hash = parse_hash(&motion)?;
			let votes = open_motion(ctx, hash).await?;
			let vote = runtime::tx().technical_committee().vote(hash, votes, side == Side::Aye);
			let receipt = ctx.submit(&vote).await?;
			Ok(receipt_output(
				"vote on motion",
				&receipt,
				json!({ "motion": format!("{hash:?}"), "aye": side == Side::Aye }),
			))
		}
		CommitteeCommand::Close { motion } => {
			let hash = parse_hash(&motion)?;
			let index = open_motion(ctx, hash).await?;
			let chain = ctx.chain().await?;
			let at = chain.at_best().await?;
			let call = fetch!(
				at,
				runtime::storage().technical_committee().proposal_of(),
				(hash,),
				"TechnicalCommittee.ProposalOf"
			)
			.ok_or_else(|| Error::Input(format!("no motion {hash:?}")))?;
			let bytes = encode_call(&call)?;
			let name = call_name(&at, &bytes);
			let length_bound = u32::try_from(bytes.len())
				.map_err(|_| Error::Input("the call is longer than 4 GiB".into()))?;
			// The motion's own weight bounds what closing it may dispatch.
			let info = chain
				.call(
					runtime::runtime_apis()
						.transaction_payment_call_api()
						.query_call_info(call, length_bound),
				)
				.await?;
			let close =
				runtime::tx().technical_committee().close(hash, index, info.weight, length_bound);
			let receipt = ctx.submit(&close).await?;
			let executed = receipt.events_named("TechnicalCommittee", "Executed").next().cloned();
			let approved = executed.is_some();
			if let Some(executed) = &executed {
				dispatch_outcome(ctx, executed.fields.get("result"), &name).await?;
			}
			Ok(receipt_output(
				"close motion",
				&receipt,
				json!({ "motion": format!("{hash:?}"), "call": name, "executed": approved }),
			))
		}
	}
}

/// The index of the open motion `hash`.
async fn open_motion(ctx: &mut Ctx, hash: H256) -> Result<u32, Error> {
	let at = ctx.chain().await?.at_best().await?;
	let votes = fetch!(
		at,
		runtime::storage().technical_committee().voting(),
		(hash,),
		"TechnicalCommittee.Voting"
	)
	.ok_or_else(|| Error::Input(format!("no open committee motion {hash:?}")))?;
	Ok(votes.index)
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::keys::encode_hex;

	#[test]
	fn calls_decode_whole_or_are_refused() {
		let call = runtime::Call::SafeMode(runtime::safe_mode::Call::force_enter);
		let hex = encode_hex(&encode_call(&call).unwrap_or_default());
		assert!(matches!(parse_call(&hex), Ok((runtime::Call::SafeMode(_), _))));
		assert!(matches!(parse_call(&format!("{hex}00")), Err(Error::Input(_))));
		assert!(matches!(parse_call("0xffff"), Err(Error::Input(_))));
		assert!(matches!(parse_call("nothex"), Err(Error::Input(_))));
	}

	#[test]
	fn two_thirds_rounds_up() {
		assert_eq!(two_thirds(1), 1);
		assert_eq!(two_thirds(3), 2);
		assert_eq!(two_thirds(4), 3);
		assert_eq!(two_thirds(6), 4);
	}

	#[test]
	fn every_track_has_its_runtime_name() {
		for (track, name) in [
			(TrackArg::Root, "root"),
			(TrackArg::WhitelistedCaller, "whitelisted_caller"),
			(TrackArg::DiemAdmin, "diem_admin"),
			(TrackArg::OperatorAdmin, "operator_admin"),
			(TrackArg::ValidatorAdmin, "validator_admin"),
		] {
			assert_eq!(track_name(track_id(track)), name);
		}
	}
}
