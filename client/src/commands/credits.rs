//! Credit commands: DIEM staked for an allowance, spender keys, signing vouchers.

use super::{amount, chain_account, receipt_output, units_json, Ctx};
use crate::{
	chain::runtime,
	cli::{CreditsCommand, SignVoucherArgs, Wrapping},
	keys::{decode_hex, encode_hex, parse_account, ss58},
	units::format_amount,
	Error, Output,
};
use codec::Encode;
use diem_primitives::{voucher::PayloadWrapping, Hash};
use serde_json::{json, Value as Json};

type CreditState =
	runtime::runtime_types::pallet_inference_credits::types::CreditState<subxt::utils::AccountId32>;

pub(super) async fn run(ctx: &mut Ctx, command: CreditsCommand) -> Result<Output, Error> {
	let credits = runtime::tx().inference_credits();
	let (action, receipt) = match command {
		CreditsCommand::Status { account } => return status(ctx, account.as_deref()).await,
		CreditsCommand::SignVoucher(args) => return sign_voucher(ctx, args).await,
		CreditsCommand::Stake { amount: a } => {
			("stake DIEM for credits", ctx.submit(&credits.stake(amount(&a)?)).await?)
		}
		CreditsCommand::Unstake { amount: a } => {
			("unstake DIEM from credits", ctx.submit(&credits.unstake(amount(&a)?)).await?)
		}
		CreditsCommand::Withdraw => ("withdraw DIEM", ctx.submit(&credits.withdraw()).await?),
		CreditsCommand::AddSpender { spender, cap } => {
			let call = credits.add_spender(chain_account(&parse_account(&spender)?), amount(&cap)?);
			("add spender", ctx.submit(&call).await?)
		}
		CreditsCommand::RemoveSpender { spender } => {
			let call = credits.remove_spender(chain_account(&parse_account(&spender)?));
			("remove spender", ctx.submit(&call).await?)
		}
	};
	Ok(receipt_output(action, &receipt, json!({})))
}

/// A credit state as JSON (amounts in base units, as strings).
pub(super) fn credit_json(state: &CreditState) -> Json {
	json!({
		"epoch": state.epoch,
		"staked": units_json(state.staked),
		"allowance": units_json(state.allowance),
		"used": units_json(state.used),
		"remaining": units_json(state.remaining),
		"previous": state.previous.as_ref().map(|p| json!({
			"epoch": p.epoch,
			"allowance": units_json(p.allowance),
			"used": units_json(p.used),
			"remaining": units_json(p.remaining),
		})),
		"unlocking": state.unlocking.iter()
			.map(|c| json!({ "amount": units_json(c.amount), "release_at_ms": c.release_at }))
			.collect::<Vec<_>>(),
		"spenders": state.spenders.iter()
			.map(|s| json!({
				"spender": ss58(&s.spender.0.into()),
				"cap_per_epoch": units_json(s.cap_per_epoch),
				"used": units_json(s.used),
				"removed_in": s.removed_in,
			}))
			.collect::<Vec<_>>(),
	})
}

async fn status(ctx: &mut Ctx, account: Option<&str>) -> Result<Output, Error> {
	let who = ctx.account(account)?;
	let chain = ctx.chain().await?;
	let state = chain
		.call(runtime::runtime_apis().inference_credits_api().credit_state(chain_account(&who)))
		.await?;
	let Some(state) = state else {
		return Ok(Output {
			text: format!("{} has no credit stake\n", ss58(&who)),
			json: json!({ "account": ss58(&who), "credits": Json::Null }),
		});
	};
	let mut text = format!(
		"account    {}\nepoch      {}\nstaked     {} DIEM\nallowance  {}\nused       {}\nremaining  {}\n",
		ss58(&who),
		state.epoch,
		format_amount(state.staked),
		format_amount(state.allowance),
		format_amount(state.used),
		format_amount(state.remaining)
	);
	if let Some(p) = &state.previous {
		text.push_str(&format!(
			"previous   epoch {} (vouchers still redeemed): allowance {}, used {}, remaining {}\n",
			p.epoch,
			format_amount(p.allowance),
			format_amount(p.used),
			format_amount(p.remaining)
		));
	}
	for chunk in &state.unlocking {
		text.push_str(&format!(
			"unlocking  {} DIEM, released at {} ms\n",
			format_amount(chunk.amount),
			chunk.release_at
		));
	}
	for spender in &state.spenders {
		text.push_str(&format!(
			"spender    {}: cap {}, used {}{}\n",
			ss58(&spender.spender.0.into()),
			format_amount(spender.cap_per_epoch),
			format_amount(spender.used),
			spender.removed_in.map(|e| format!(", removed in epoch {e}")).unwrap_or_default()
		));
	}
	Ok(Output { text, json: json!({ "account": ss58(&who), "credits": credit_json(&state) }) })
}

/// Signs a voucher: online, the epoch and genesis hash come from the node; with both `--epoch`
/// and `--genesis`, no node is needed.
async fn sign_voucher(ctx: &mut Ctx, args: SignVoucherArgs) -> Result<Output, Error> {
	let key = ctx.key()?;
	let operator = parse_account(&args.operator)?;
	let payer = args.payer.as_deref().map(parse_account).transpose()?;
	let cumulative = amount(&args.cumulative)?;
	let genesis = match &args.genesis {
		Some(text) => parse_hash(text)?,
		None => ctx.chain().await?.genesis_hash(),
	};
	let epoch = match args.epoch {
		Some(epoch) => epoch,
		None => {
			let chain = ctx.chain().await?;
			let clock = chain.call(runtime::runtime_apis().inference_credits_api().epoch()).await?;
			clock.map(|c| c.current.index).ok_or_else(|| {
				Error::Failed("the chain has no epoch yet (no block with a timestamp)".into())
			})?
		}
	};
	let wrapping = match args.wrapping {
		Wrapping::Raw => PayloadWrapping::Raw,
		Wrapping::Bytes => PayloadWrapping::Bytes,
	};
	let voucher = key.sign_voucher(payer, genesis, epoch, &operator, cumulative, wrapping);
	let encoded = encode_hex(&voucher.encode());
	Ok(Output {
		text: format!("{encoded}\n"),
		json: json!({
			"voucher": encoded,
			"operator": ss58(&operator),
			"payer": ss58(&voucher.payer),
			"signer": ss58(&voucher.signer),
			"epoch": epoch,
			"cumulative": units_json(cumulative),
			"scheme": format!("{:?}", voucher.scheme()).to_lowercase(),
			"wrapping": format!("{wrapping:?}").to_lowercase(),
			"genesis": format!("{genesis:?}"),
		}),
	})
}

fn parse_hash(text: &str) -> Result<Hash, Error> {
	text.strip_prefix("0x")
		.and_then(decode_hex)
		.and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
		.map(Hash::from)
		.ok_or_else(|| Error::Input(format!("{text:?} is not a 0x-prefixed 32-byte hash")))
}
