//! `diem`: quotes, minting and burning on the curve, transfers, payments and allowances.

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
	let ledger = runtime::tx().diem_ledger();
	match command {
		DiemCommand::Quote { amount: a } => {
			let diem = amount(&a)?;
			let cost = quote(ctx, diem).await?;
			Ok(Output {
				text: format!(
					"minting {} DIEM locks {} HASH of stake now\n",
					format_amount(diem),
					format_amount(cost)
				),
				json: json!({ "diem": units_json(diem), "cost": units_json(cost) }),
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
			let call = ledger.transfer(chain_account(&parse_account(&to)?), amount(&a)?);
			Ok(receipt_output("transfer DIEM", &ctx.submit(&call).await?, json!({})))
		}
		DiemCommand::Approve { spender, amount: a, expires_at } => {
			let call =
				ledger.approve(chain_account(&parse_account(&spender)?), amount(&a)?, expires_at);
			Ok(receipt_output("approve DIEM", &ctx.submit(&call).await?, json!({})))
		}
		DiemCommand::Allowance { owner, spender } => {
			let (owner, spender) = (parse_account(&owner)?, parse_account(&spender)?);
			let api = runtime::runtime_apis().diem_ledger_api();
			let chain = ctx.chain().await?;
			let allowance =
				chain.call(api.allowance(chain_account(&owner), chain_account(&spender))).await?;
			let text = match &allowance {
				Some(a) => format!(
					"{} may transfer {} DIEM of {}'s{}\n",
					ss58(&spender),
					format_amount(a.amount),
					ss58(&owner),
					match (a.expires_at, a.expired) {
						(_, true) => " (expired)".to_string(),
						(Some(block), false) => format!(" until block #{block}"),
						(None, false) => String::new(),
					}
				),
				None => format!("{} has no allowance from {}\n", ss58(&spender), ss58(&owner)),
			};
			Ok(Output {
				text,
				json: json!({
					"owner": ss58(&owner),
					"spender": ss58(&spender),
					"allowance": allowance.map(|a| json!({
						"amount": units_json(a.amount),
						"expires_at": a.expires_at,
						"expired": a.expired,
					})),
				}),
			})
		}
		DiemCommand::TransferFrom { owner, to, amount: a } => {
			let call = ledger.transfer_from(
				chain_account(&parse_account(&owner)?),
				chain_account(&parse_account(&to)?),
				amount(&a)?,
			);
			Ok(receipt_output("transfer DIEM from", &ctx.submit(&call).await?, json!({})))
		}
		DiemCommand::Pay { to, amount: a, memo } => {
			let call =
				ledger.pay(chain_account(&parse_account(&to)?), amount(&a)?, memo.into_bytes());
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
