//! `diem`: quotes (mint or buy), minting and burning on the curve, and DIEM's transfers and
//! approvals (`pallet-assets`' own calls) and payments with a memo (the ledger).

use super::{amount, chain_account, receipt_output, units_json, Ctx};
use crate::{
	chain::runtime,
	cli::DiemCommand,
	keys::{parse_account, ss58},
	units::format_amount,
	Error, Output,
};
use serde_json::json;

pub(super) async fn diem(ctx: &mut Ctx, command: DiemCommand) -> Result<Output, Error> {
	let assets = runtime::tx().assets();
	let diem_id = diem_primitives::diem::ASSET_ID;
	let address = |text: &str| -> Result<_, Error> {
		Ok(subxt::utils::MultiAddress::Id(chain_account(&parse_account(text)?)))
	};
	match command {
		DiemCommand::Quote { amount: a } => {
			let diem = amount(&a)?;
			let chain = ctx.chain().await?;
			let quote =
				chain.call(runtime::runtime_apis().diem_market_api().buy_or_mint(diem)).await?;
			let mint = quote.mint_cost.as_ref().ok().copied();
			let mut text = match (&quote.mint_cost, quote.can_mint) {
				(Ok(cost), true) => format!(
					"mint  {} DIEM locks {} HASH of your stake (it stays yours; a burn unlocks it)\n",
					format_amount(diem),
					format_amount(*cost)
				),
				(Ok(cost), false) => format!(
					"mint  {} DIEM would lock {} HASH of stake, but minting is closed or paused\n",
					format_amount(diem),
					format_amount(*cost)
				),
				(Err(e), _) => format!("mint  not possible: {e:?}\n"),
			};
			text.push_str(&match quote.buy_cost {
				Some(cost) => format!(
					"buy   {} DIEM on the DEX spends {} HASH (fee and price impact included)\n",
					format_amount(diem),
					format_amount(cost)
				),
				None => {
					"buy   not possible: no HASH/DIEM pool, or it holds too little DIEM\n".into()
				}
			});
			let cheaper = match (mint.filter(|_| quote.can_mint), quote.buy_cost) {
				(Some(m), Some(b)) if m <= b => Some("mint"),
				(Some(_), Some(_)) => Some("buy"),
				(Some(_), None) => Some("mint"),
				(None, Some(_)) => Some("buy"),
				(None, None) => None,
			};
			if let Some(way) = cheaper {
				text.push_str(&format!("cheaper now: {way}\n"));
			}
			Ok(Output {
				text,
				json: json!({
					"diem": units_json(diem),
					"cost": mint.map(units_json),
					"mint_cost": mint.map(units_json),
					"can_mint": quote.can_mint,
					"buy_cost": quote.buy_cost.map(units_json),
					"cheaper": cheaper,
				}),
			})
		}
		DiemCommand::Mint { amount: a, max_cost, slippage } => {
			let diem = amount(&a)?;
			let quoted = quote(ctx, diem).await?;
			let max_cost = match max_cost {
				Some(text) => amount(&text)?,
				None => with_slippage(quoted, &slippage)?,
			};
			let receipt = ctx.submit(&runtime::tx().diem().mint(diem, max_cost)).await?;
			let cost = receipt.events_named("Diem", "Minted").find_map(|e| e.number("cost"));
			Ok(receipt_output(
				"mint DIEM",
				&receipt,
				json!({
					"diem": units_json(diem),
					"quoted": units_json(quoted),
					"max_cost": units_json(max_cost),
					"cost": cost.map(units_json),
				}),
			))
		}
		DiemCommand::Burn { amount: a } => {
			let receipt = ctx.submit(&runtime::tx().diem().burn(amount(&a)?)).await?;
			Ok(receipt_output("burn DIEM", &receipt, json!({})))
		}
		DiemCommand::Transfer { to, amount: a } => {
			let call = assets.transfer_keep_alive(diem_id, address(&to)?, amount(&a)?);
			Ok(receipt_output("transfer DIEM", &ctx.submit(&call).await?, json!({})))
		}
		DiemCommand::Approve { spender, amount: a } => {
			let call = assets.approve_transfer(diem_id, address(&spender)?, amount(&a)?);
			Ok(receipt_output("approve DIEM", &ctx.submit(&call).await?, json!({})))
		}
		DiemCommand::Allowance { owner, spender } => {
			let (owner, spender) = (parse_account(&owner)?, parse_account(&spender)?);
			let chain = ctx.chain().await?;
			let at = chain.at_best().await?;
			let approval = at
				.storage()
				.try_fetch(
					runtime::storage().assets().approvals(),
					(diem_id, chain_account(&owner), chain_account(&spender)),
				)
				.await
				.map_err(|e| Error::Failed(format!("Assets.Approvals: {e}")))?
				.map(|v| v.decode())
				.transpose()
				.map_err(|e| Error::Failed(format!("Assets.Approvals: {e}")))?;
			let text = match &approval {
				Some(a) => format!(
					"{} may transfer {} DIEM of {}'s\n",
					ss58(&spender),
					format_amount(a.amount),
					ss58(&owner)
				),
				None => format!("{} has no allowance from {}\n", ss58(&spender), ss58(&owner)),
			};
			Ok(Output {
				text,
				json: json!({
					"owner": ss58(&owner),
					"spender": ss58(&spender),
					"allowance": approval.map(|a| json!({
						"amount": units_json(a.amount),
						"deposit": units_json(a.deposit),
					})),
				}),
			})
		}
		DiemCommand::TransferFrom { owner, to, amount: a } => {
			let call =
				assets.transfer_approved(diem_id, address(&owner)?, address(&to)?, amount(&a)?);
			Ok(receipt_output("transfer DIEM from", &ctx.submit(&call).await?, json!({})))
		}
		DiemCommand::Pay { to, amount: a, memo } => {
			let call = runtime::tx().diem_ledger().pay(
				super::dex::parse_asset("diem")?,
				chain_account(&parse_account(&to)?),
				amount(&a)?,
				memo.into_bytes(),
			);
			Ok(receipt_output("pay DIEM", &ctx.submit(&call).await?, json!({})))
		}
	}
}

/// The HASH stake minting `diem` locks now; a refused quote (cap, closed minting) is an error.
async fn quote(ctx: &mut Ctx, diem: u128) -> Result<u128, Error> {
	let chain = ctx.chain().await?;
	chain
		.call(runtime::runtime_apis().diem_api().mint_quote(diem))
		.await?
		.map_err(|e| Error::Failed(format!("no quote for {} DIEM: {e:?}", format_amount(diem))))
}

/// `cost` plus `percent` (a decimal such as "0.5"), rounded up.
fn with_slippage(cost: u128, percent: &str) -> Result<u128, Error> {
	let scaled = crate::units::parse_amount(percent)
		.map_err(|_| Error::Input(format!("invalid --slippage {percent:?}")))?;
	// `scaled` is the percentage in base units: cost × scaled / (100 × 10^12).
	let hundred_percent = 100 * 10u128.pow(crate::units::DECIMALS);
	let extra = cost
		.checked_mul(scaled)
		.map(|n| n.div_ceil(hundred_percent))
		.ok_or_else(|| Error::Input("--slippage too large for this amount".into()))?;
	cost.checked_add(extra).ok_or_else(|| Error::Input("--slippage too large".into()))
}

#[cfg(test)]
mod tests {
	use super::with_slippage;

	#[test]
	fn slippage_adds_a_percentage_rounded_up() {
		assert_eq!(with_slippage(1_000, "1").ok(), Some(1_010));
		assert_eq!(with_slippage(1_000, "0.5").ok(), Some(1_005));
		assert_eq!(with_slippage(1_000, "0").ok(), Some(1_000));
		assert_eq!(with_slippage(999, "0.1").ok(), Some(1_000));
		assert!(with_slippage(1_000, "-1").is_err());
		assert!(with_slippage(u128::MAX, "1").is_err());
	}
}
