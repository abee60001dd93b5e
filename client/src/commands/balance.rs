//! `balance`: HASH, staking, DIEM, the DIEM position and credits of one account.

use super::{chain_account, units_json, Ctx};
use crate::{chain::runtime, keys::ss58, units::format_amount, Error, Output};
use serde_json::{json, Value as Json};

/// HASH, staking, DIEM, the DIEM position and credits of one account.
pub(super) async fn balance(ctx: &mut Ctx, account: Option<&str>) -> Result<Output, Error> {
	let who = ctx.account(account)?;
	let id = chain_account(&who);
	let chain = ctx.chain().await?;
	let at = chain.at_best().await?;
	let account_info = at
		.storage()
		.fetch(runtime::storage().system().account(), (id,))
		.await
		.map_err(|e| Error::Failed(format!("System.Account: {e}")))?
		.decode()
		.map_err(|e| Error::Failed(format!("System.Account: {e}")))?;
	let apis = runtime::runtime_apis();
	let stake = chain.call(apis.compute_staking_api().stake_state(id)).await?;
	let diem = chain.call(apis.diem_ledger_api().balance(id)).await?;
	let position = chain.call(apis.diem_api().position(id)).await?;
	let credits = chain.call(apis.inference_credits_api().credit_state(id)).await?;
	// The credits pallet's hold: what is staked and what is still unlocking.
	let held_for_credits = credits.as_ref().map_or(0, |c| {
		c.unlocking.iter().fold(c.staked, |held, chunk| held.saturating_add(chunk.amount))
	});

	let hash = &account_info.data;
	let mut text = format!(
		"account   {}\nHASH      free {}, reserved {}, frozen {}\n",
		ss58(&who),
		format_amount(hash.free),
		format_amount(hash.reserved),
		format_amount(hash.frozen)
	);
	let stake_json = match &stake {
		Some(s) => {
			let unbonding: u128 = s.unbonding.iter().map(|c| c.amount).sum();
			text.push_str(&format!(
				"staked    unlocked {}, locked behind DIEM {}, unbonding {}, rewards {}\n",
				format_amount(s.unlocked),
				format_amount(s.locked),
				format_amount(unbonding),
				format_amount(s.claimable_rewards)
			));
			json!({
				"unlocked": units_json(s.unlocked),
				"locked": units_json(s.locked),
				"unbonding": s.unbonding.iter()
					.map(|c| json!({ "amount": units_json(c.amount), "end_block": c.end }))
					.collect::<Vec<_>>(),
				"claimable_rewards": units_json(s.claimable_rewards),
			})
		}
		None => Json::Null,
	};
	text.push_str(&format!(
		"DIEM      free {}, transferable {}, held for credits {}\n",
		format_amount(diem.free),
		format_amount(diem.transferable),
		format_amount(held_for_credits)
	));
	if let Some(p) = &position {
		text.push_str(&format!(
			"position  {} DIEM outstanding, {} HASH locked ({} HASH per DIEM)\n",
			format_amount(p.outstanding),
			format_amount(p.locked),
			format_amount(p.average_rate)
		));
	}
	if let Some(c) = &credits {
		text.push_str(&format!(
			"credits   epoch {}: staked {} DIEM, allowance {}, used {}, remaining {}\n",
			c.epoch,
			format_amount(c.staked),
			format_amount(c.allowance),
			format_amount(c.used),
			format_amount(c.remaining)
		));
	}
	Ok(Output {
		text,
		json: json!({
			"account": ss58(&who),
			"hash": {
				"free": units_json(hash.free),
				"reserved": units_json(hash.reserved),
				"frozen": units_json(hash.frozen),
			},
			"stake": stake_json,
			"diem": {
				"free": units_json(diem.free),
				"transferable": units_json(diem.transferable),
				"held_for_credits": units_json(held_for_credits),
				"held_total": units_json(diem.held_total),
			},
			"position": position.map(|p| json!({
				"locked": units_json(p.locked),
				"outstanding": units_json(p.outstanding),
				"average_rate": units_json(p.average_rate),
			})),
			"credits": credits.map(|c| super::credits::credit_json(&c)),
		}),
	})
}
