//! The lending market: `lend supply|withdraw|deposit-collateral|withdraw-collateral|borrow|
//! repay|liquidate|status`. Amounts are HASH, collateral DIEM; `all` repays, withdraws or
//! liquidates as much as the chain allows.

use super::{amount, chain_account, receipt_output, units_json, Ctx};
use crate::{chain::runtime, cli::LendCommand, keys::ss58, units::format_amount, Error, Output};
use runtime::runtime_types::{
	pallet_lending::{pallet::Call as LendingCall, types::PositionView},
	sp_arithmetic::{fixed_point::FixedU128, per_things::Permill},
};
use serde_json::{json, Value as Json};

/// `all` (as much as the chain allows), or an amount.
fn amount_or_all(text: &str) -> Result<u128, Error> {
	if text.eq_ignore_ascii_case("all") {
		Ok(u128::MAX)
	} else {
		amount(text)
	}
}

/// A ratio (a `FixedU128`, 18 decimals) in 12-decimal base units, as prices are shown.
fn ratio_units(ratio: &FixedU128) -> u128 {
	ratio.0 / 1_000_000
}

/// A ratio as a percentage with two decimals.
fn percent(ratio: &FixedU128) -> String {
	let hundredths = ratio.0 / 100_000_000_000_000;
	format!("{}.{:02}%", hundredths / 100, hundredths % 100)
}

fn permill(share: &Permill) -> String {
	format!("{}.{:02}%", share.0 / 10_000, share.0 % 10_000 / 100)
}

pub(super) async fn run(ctx: &mut Ctx, command: LendCommand) -> Result<Output, Error> {
	let lending = runtime::tx().lending();
	let (action, receipt) = match command {
		LendCommand::Status { account } => return status(ctx, account.as_deref()).await,
		LendCommand::Supply { amount: text } => {
			let value = amount(&text)?;
			(
				format!("supply {} HASH", format_amount(value)),
				ctx.submit(&lending.supply(value)).await?,
			)
		}
		LendCommand::Withdraw { amount: text } => {
			let value = amount_or_all(&text)?;
			(format!("withdraw {text} HASH"), ctx.submit(&lending.withdraw(value)).await?)
		}
		LendCommand::DepositCollateral { amount: text } => {
			let value = amount(&text)?;
			let call = lending.deposit_collateral(value);
			(
				format!("deposit {} DIEM as collateral", format_amount(value)),
				ctx.submit(&call).await?,
			)
		}
		LendCommand::WithdrawCollateral { amount: text } => {
			let value = amount(&text)?;
			let call = lending.withdraw_collateral(value);
			(
				format!("withdraw {} DIEM of collateral", format_amount(value)),
				ctx.submit(&call).await?,
			)
		}
		LendCommand::Borrow { amount: text, collateral } => {
			let value = amount(&text)?;
			let action = format!("borrow {} HASH", format_amount(value));
			match collateral {
				None => (action, ctx.submit(&lending.borrow(value)).await?),
				Some(collateral) => {
					// One atomic batch: the collateral and the borrow stand or fall together.
					use runtime::runtime_types::diem_runtime::RuntimeCall;
					let calls = vec![
						RuntimeCall::Lending(LendingCall::deposit_collateral {
							amount: amount(&collateral)?,
						}),
						RuntimeCall::Lending(LendingCall::borrow { amount: value }),
					];
					(action, ctx.submit(&runtime::tx().utility().batch_all(calls)).await?)
				}
			}
		}
		LendCommand::Repay { amount: text } => {
			let value = amount_or_all(&text)?;
			(format!("repay {text} HASH"), ctx.submit(&lending.repay(value)).await?)
		}
		LendCommand::Liquidate { borrower, max_repay } => {
			let who = ctx.account(Some(&borrower))?;
			let value = amount_or_all(&max_repay)?;
			let call = lending.liquidate(chain_account(&who), value);
			(format!("liquidate {}", ss58(&who)), ctx.submit(&call).await?)
		}
	};
	let mut extra = json!({});
	let mut output_lines = String::new();
	if let Some(event) = receipt.events_named("Lending", "Liquidated").next() {
		let repaid = event.number("repaid");
		let collateral = event.number("collateral");
		if let (Some(repaid), Some(collateral)) = (repaid, collateral) {
			output_lines.push_str(&format!(
				"repaid {} HASH for {} DIEM\n",
				format_amount(repaid),
				format_amount(collateral)
			));
			extra = json!({ "repaid": units_json(repaid), "collateral": units_json(collateral) });
		}
	}
	let mut output = receipt_output(&action, &receipt, extra);
	output.text.push_str(&output_lines);
	Ok(output)
}

fn position_json(view: &PositionView) -> Json {
	json!({
		"shares": units_json(view.shares),
		"supplied": units_json(view.supplied),
		"collateral": units_json(view.collateral),
		"debt": units_json(view.debt),
		"borrow_limit": view.borrow_limit.map(units_json),
		"health_factor": view.health_factor.as_ref().map(|h| units_json(ratio_units(h))),
		"liquidation_price": view.liquidation_price.as_ref().map(|p| units_json(ratio_units(p))),
	})
}

async fn status(ctx: &mut Ctx, account: Option<&str>) -> Result<Output, Error> {
	let who = match account {
		Some(account) => Some(ctx.account(Some(account))?),
		None => ctx.key().ok().map(|key| key.account_id()),
	};
	let chain = ctx.chain().await?;
	let apis = runtime::runtime_apis().lending_api();
	let market = chain.call(apis.market()).await?;
	let Some(market) = market else {
		return Ok(Output {
			text: "the lending market has no parameters yet\n".into(),
			json: json!({ "market": null }),
		});
	};
	let oracle = &market.oracle;
	let price = |p: &Option<FixedU128>| {
		p.as_ref().map(|p| format_amount(ratio_units(p))).unwrap_or_else(|| "-".into())
	};
	let mut text = format!(
		"supplied {} HASH, borrowed {} HASH, liquidity {} HASH\n\
		 utilisation {}, borrow rate {} a year, supply rate {} a year\n\
		 reserve {} HASH, bad debt {} HASH, collateral {} DIEM\n\
		 price: spot {} HASH per DIEM, TWAP {} ({} blocks), last read {} blocks ago, pool {} HASH\n",
		format_amount(market.supplied),
		format_amount(market.borrowed),
		format_amount(market.liquidity),
		permill(&market.utilisation),
		percent(&market.borrow_rate),
		percent(&market.supply_rate),
		format_amount(market.reserve),
		format_amount(market.bad_debt),
		format_amount(market.collateral),
		price(&oracle.spot),
		price(&oracle.twap),
		market.params.oracle_window,
		oracle.age.map(|a| a.to_string()).unwrap_or_else(|| "-".into()),
		format_amount(oracle.pool_hash),
	);
	if let Some(reason) = &oracle.borrowing_paused {
		text.push_str(&format!("borrowing paused: {reason}\n"));
	}
	let mut json = json!({
		"market": {
			"supplied": units_json(market.supplied),
			"borrowed": units_json(market.borrowed),
			"liquidity": units_json(market.liquidity),
			"utilisation_ppm": market.utilisation.0,
			"borrow_rate": units_json(ratio_units(&market.borrow_rate)),
			"supply_rate": units_json(ratio_units(&market.supply_rate)),
			"reserve": units_json(market.reserve),
			"bad_debt": units_json(market.bad_debt),
			"collateral": units_json(market.collateral),
			"spot": oracle.spot.as_ref().map(|p| units_json(ratio_units(p))),
			"twap": oracle.twap.as_ref().map(|p| units_json(ratio_units(p))),
			"oracle_age": oracle.age,
			"pool_hash": units_json(oracle.pool_hash),
			"borrowing_paused": oracle.borrowing_paused,
		}
	});
	if let Some(who) = who {
		let view = chain.call(apis.position(chain_account(&who))).await?;
		text.push_str(&format!(
			"account {}: supplied {} HASH, collateral {} DIEM, debt {} HASH, limit {}, health {}, \
			 liquidation at {} HASH per DIEM\n",
			ss58(&who),
			format_amount(view.supplied),
			format_amount(view.collateral),
			format_amount(view.debt),
			view.borrow_limit.map(format_amount).unwrap_or_else(|| "-".into()),
			view.health_factor
				.as_ref()
				.map(|h| format_amount(ratio_units(h)))
				.unwrap_or_else(|| "-".into()),
			price(&view.liquidation_price),
		));
		if let Json::Object(object) = &mut json {
			object.insert("account".into(), json!(ss58(&who)));
			object.insert("position".into(), position_json(&view));
		}
	}
	Ok(Output { text, json })
}
