//! Validator commands: the validator sets as the runtime reports them, and session keys.

use super::{receipt_output, Ctx};
use crate::{
	chain::runtime,
	cli::ValidatorCommand,
	keys::{decode_hex, encode_hex, ss58},
	Error, Output,
};
use codec::Encode;
use diem_primitives::AccountId;
use serde_json::json;

type SessionKeys = runtime::runtime_types::diem_runtime::opaque::SessionKeys;

pub(crate) async fn run(ctx: &mut Ctx, command: ValidatorCommand) -> Result<Output, Error> {
	match command {
		ValidatorCommand::Set => set(ctx).await,
		ValidatorCommand::RotateKeys => {
			let owner = ctx.key()?.account_id();
			let (keys, proof) = ctx.chain().await?.rotate_keys_with_owner(&owner.encode()).await?;
			register(ctx, "rotate keys", &keys, proof).await
		}
		ValidatorCommand::SetKeys { keys, proof } => {
			let keys = hex_arg("--keys", &keys)?;
			let proof = hex_arg("--proof", &proof)?;
			register(ctx, "set keys", &keys, proof).await
		}
		ValidatorCommand::PurgeKeys => {
			let receipt = ctx.submit(&runtime::tx().validator_set().purge_keys()).await?;
			Ok(receipt_output("purge keys", &receipt, json!({})))
		}
	}
}

fn hex_arg(name: &str, text: &str) -> Result<Vec<u8>, Error> {
	text.strip_prefix("0x")
		.and_then(decode_hex)
		.ok_or_else(|| Error::Input(format!("{name}: expected 0x-prefixed hex")))
}

/// `session.set_keys(keys, proof)` from the key's account.
async fn register(
	ctx: &mut Ctx,
	action: &str,
	keys: &[u8],
	proof: Vec<u8>,
) -> Result<Output, Error> {
	let (aura, grandpa) = keys
		.split_first_chunk::<32>()
		.and_then(|(aura, rest)| Some((*aura, <[u8; 32]>::try_from(rest).ok()?)))
		.ok_or_else(|| {
			Error::Input(format!(
				"session keys are 64 bytes (aura sr25519, then grandpa ed25519), got {}",
				keys.len()
			))
		})?;
	let session_keys = SessionKeys {
		aura: runtime::runtime_types::sp_consensus_aura::sr25519::app_sr25519::Public(aura),
		grandpa: runtime::runtime_types::sp_consensus_grandpa::app::Public(grandpa),
	};
	let receipt = ctx.submit(&runtime::tx().session().set_keys(session_keys, proof)).await?;
	Ok(receipt_output(
		action,
		&receipt,
		json!({ "keys": encode_hex(keys), "account": ss58(&ctx.key()?.account_id()) }),
	))
}

async fn set(ctx: &mut Ctx) -> Result<Output, Error> {
	let chain = ctx.chain().await?;
	let state = chain.call(runtime::runtime_apis().validator_set_api().validator_set()).await?;
	let names = |set: &[subxt::utils::AccountId32]| -> Vec<String> {
		set.iter().map(|who| ss58(&AccountId::from(who.0))).collect()
	};
	let (active, queued, target) =
		(names(&state.active), names(&state.queued), names(&state.target));
	let mut text = format!(
		"session    {} ({} blocks each; the next starts at #{})\n",
		state.session, state.session_length, state.next_rotation
	);
	for (label, set) in [("active", &active), ("queued", &queued), ("target", &target)] {
		text.push_str(&format!("{label:<10} {} validators\n", set.len()));
		for who in set.iter() {
			text.push_str(&format!("           {who}\n"));
		}
	}
	Ok(Output {
		text,
		json: json!({
			"session": state.session,
			"session_length": state.session_length,
			"next_rotation": state.next_rotation,
			"active": active,
			"queued": queued,
			"target": target,
		}),
	})
}
