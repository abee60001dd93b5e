//! `dex`: the HASH/asset pools of `pallet-asset-conversion`: pools, quotes, swaps with slippage
//! bounds, adding and removing liquidity. Quotes come from the SDK's `AssetConversionApi`.

use super::{amount, chain_account, receipt_output, units_json, Ctx};
use crate::{
	chain::{runtime, Chain},
	cli::DexCommand,
	units::format_amount,
	Error, Output,
};
use runtime::runtime_types::frame_support::traits::tokens::fungible::union_of::NativeOrWithId;
use serde_json::{json, Value as Json};

/// HASH, DIEM or another asset, as the runtime names them.
pub(crate) type AssetKind = NativeOrWithId<u32>;

/// `hash`, `diem` or an asset id.
pub(crate) fn parse_asset(text: &str) -> Result<AssetKind, Error> {
	match text.trim().to_ascii_lowercase().as_str() {
		"hash" | "native" => Ok(NativeOrWithId::Native),
		"diem" => Ok(NativeOrWithId::WithId(diem_primitives::diem::ASSET_ID)),
		other => other.parse::<u32>().map(NativeOrWithId::WithId).map_err(|_| {
			Error::Input(format!("unknown asset {text:?}: give hash, diem or an asset id"))
		}),
	}
}

/// How people read an asset.
pub(crate) fn asset_name(asset: &AssetKind) -> String {
	match asset {
		NativeOrWithId::Native => "HASH".into(),
		NativeOrWithId::WithId(id) if *id == diem_primitives::diem::ASSET_ID => "DIEM".into(),
		NativeOrWithId::WithId(id) => format!("asset {id}"),
	}
}

/// The route from `from` to `to`: direct when one side is HASH, else through HASH (every pool
/// is HASH/asset).
fn route(from: &AssetKind, to: &AssetKind) -> Result<Vec<AssetKind>, Error> {
	if from == to {
		return Err(Error::Input("--from and --to are the same asset".into()));
	}
	let hash = NativeOrWithId::Native;
	Ok(if *from == hash || *to == hash { vec![*from, *to] } else { vec![*from, hash, *to] })
}

/// The quote of a swap along `path`: what comes out for `amount` in, or (exact out) what goes
/// in for `amount` out, fee included, hop by hop.
async fn quote_path(
	chain: &Chain,
	path: &[AssetKind],
	amount: u128,
	exact_out: bool,
) -> Result<u128, Error> {
	let api = runtime::runtime_apis().asset_conversion_api();
	let mut value = amount;
	let hops: Vec<(&AssetKind, &AssetKind)> =
		path.iter().zip(path.iter().skip(1)).collect::<Vec<_>>();
	let no_quote = |a: &AssetKind, b: &AssetKind| {
		Error::Failed(format!(
			"no quote from {} to {}: no such pool, or it holds too little",
			asset_name(a),
			asset_name(b)
		))
	};
	if exact_out {
		for (a, b) in hops.into_iter().rev() {
			value = chain
				.call(api.quote_price_tokens_for_exact_tokens(*a, *b, value, true))
				.await?
				.ok_or_else(|| no_quote(a, b))?;
		}
	} else {
		for (a, b) in hops {
			value = chain
				.call(api.quote_price_exact_tokens_for_tokens(*a, *b, value, true))
				.await?
				.ok_or_else(|| no_quote(a, b))?;
		}
	}
	Ok(value)
}

/// `value` moved by `percent` (a decimal such as "0.5") down (`up == false`) or up.
fn with_tolerance(value: u128, percent: &str, up: bool) -> Result<u128, Error> {
	let scaled = crate::units::parse_amount(percent)
		.map_err(|_| Error::Input(format!("invalid --slippage {percent:?}")))?;
	let hundred_percent = 100 * 10u128.pow(crate::units::DECIMALS);
	if scaled > hundred_percent {
		return Err(Error::Input("--slippage above 100%".into()));
	}
	let delta = value
		.checked_mul(scaled)
		.map(|n| if up { n.div_ceil(hundred_percent) } else { n / hundred_percent })
		.ok_or_else(|| Error::Input("--slippage too large for this amount".into()))?;
	Ok(if up { value.saturating_add(delta) } else { value.saturating_sub(delta) })
}

fn path_json(path: &[AssetKind]) -> Json {
	Json::Array(path.iter().map(|a| Json::String(asset_name(a))).collect())
}

pub(super) async fn run(ctx: &mut Ctx, command: DexCommand) -> Result<Output, Error> {
	match command {
		DexCommand::Pools => pools(ctx).await,
		DexCommand::Quote { amount: a, from, to, exact_out } => {
			let (from, to) = (parse_asset(&from)?, parse_asset(&to)?);
			let value = amount(&a)?;
			let path = route(&from, &to)?;
			let quoted = quote_path(ctx.chain().await?, &path, value, exact_out).await?;
			let (given, got) = if exact_out { (quoted, value) } else { (value, quoted) };
			Ok(Output {
				text: format!(
					"{} {} buys {} {} now (fee included){}\n",
					format_amount(given),
					asset_name(&from),
					format_amount(got),
					asset_name(&to),
					if path.len() > 2 { ", through HASH" } else { "" }
				),
				json: json!({
					"path": path_json(&path),
					"amount_in": units_json(given),
					"amount_out": units_json(got),
					"exact_out": exact_out,
				}),
			})
		}
		DexCommand::Swap { amount: a, from, to, exact_out, min_out, max_in, slippage } => {
			let (from, to) = (parse_asset(&from)?, parse_asset(&to)?);
			let value = amount(&a)?;
			let path = route(&from, &to)?;
			let quoted = quote_path(ctx.chain().await?, &path, value, exact_out).await?;
			let send_to = chain_account(&ctx.key()?.account_id());
			let boxed = |path: &[AssetKind]| path.to_vec();
			let dex = runtime::tx().asset_conversion();
			let (bound, receipt) = if exact_out {
				let max_in = match max_in {
					Some(text) => amount(&text)?,
					None => with_tolerance(quoted, &slippage, true)?,
				};
				let call =
					dex.swap_tokens_for_exact_tokens(boxed(&path), value, max_in, send_to, true);
				(max_in, ctx.submit(&call).await?)
			} else {
				let min_out = match min_out {
					Some(text) => amount(&text)?,
					None => with_tolerance(quoted, &slippage, false)?,
				};
				let call =
					dex.swap_exact_tokens_for_tokens(boxed(&path), value, min_out, send_to, true);
				(min_out, ctx.submit(&call).await?)
			};
			let swapped = receipt.events_named("AssetConversion", "SwapExecuted").next();
			let (amount_in, amount_out) = (
				swapped.and_then(|e| e.number("amount_in")),
				swapped.and_then(|e| e.number("amount_out")),
			);
			Ok(receipt_output(
				"swap",
				&receipt,
				json!({
					"path": path_json(&path),
					"quoted": units_json(quoted),
					if exact_out { "max_in" } else { "min_out" }: units_json(bound),
					"amount_in": amount_in.map(units_json),
					"amount_out": amount_out.map(units_json),
				}),
			))
		}
		DexCommand::AddLiquidity { asset, hash, amount: a, slippage } => {
			let asset = parse_asset(&asset)?;
			if asset == NativeOrWithId::Native {
				return Err(Error::Input("a pool pairs HASH with another asset".into()));
			}
			let (hash, other) = (amount(&hash)?, amount(&a)?);
			let (hash_min, other_min) =
				(with_tolerance(hash, &slippage, false)?, with_tolerance(other, &slippage, false)?);
			let chain = ctx.chain().await?;
			let reserves = chain
				.call(
					runtime::runtime_apis()
						.asset_conversion_api()
						.get_reserves(NativeOrWithId::Native, asset),
				)
				.await?;
			let dex = runtime::tx().asset_conversion();
			let mut receipts = Vec::new();
			if reserves.is_none() && !pool_exists(chain, &asset).await? {
				receipts.push(ctx.submit(&dex.create_pool(NativeOrWithId::Native, asset)).await?);
			}
			let mint_to = chain_account(&ctx.key()?.account_id());
			let call = dex.add_liquidity(
				NativeOrWithId::Native,
				asset,
				hash,
				other,
				hash_min,
				other_min,
				mint_to,
			);
			let receipt = ctx.submit(&call).await?;
			let added = receipt.events_named("AssetConversion", "LiquidityAdded").next();
			Ok(receipt_output(
				"add liquidity",
				&receipt,
				json!({
					"pool_created": !receipts.is_empty(),
					"hash_added": added.and_then(|e| e.number("amount1_provided")).map(units_json),
					"asset_added": added.and_then(|e| e.number("amount2_provided")).map(units_json),
					"lp_minted": added.and_then(|e| e.number("lp_token_minted")).map(units_json),
				}),
			))
		}
		DexCommand::RemoveLiquidity { asset, lp, slippage } => {
			let asset = parse_asset(&asset)?;
			let me = ctx.key()?.account_id();
			let chain = ctx.chain().await?;
			let pool = pool_info(chain, &asset).await?.ok_or_else(|| {
				Error::Failed(format!("there is no HASH/{} pool", asset_name(&asset)))
			})?;
			let at = chain.at_best().await?;
			let held = at
				.storage()
				.try_fetch(
					runtime::storage().pool_assets().account(),
					(pool.lp_token, chain_account(&me)),
				)
				.await
				.map_err(|e| Error::Failed(format!("PoolAssets.Account: {e}")))?
				.map(|v| v.decode())
				.transpose()
				.map_err(|e| Error::Failed(format!("PoolAssets.Account: {e}")))?
				.map_or(0, |account| account.balance);
			let burn = if lp.trim() == "all" { held } else { amount(&lp)? };
			if burn == 0 || burn > held {
				return Err(Error::Input(format!(
					"the key holds {} LP tokens of this pool; cannot burn {}",
					format_amount(held),
					format_amount(burn)
				)));
			}
			let supply = lp_supply(chain, pool.lp_token).await?;
			let (hash_reserve, asset_reserve) = chain
				.call(
					runtime::runtime_apis()
						.asset_conversion_api()
						.get_reserves(NativeOrWithId::Native, asset),
				)
				.await?
				.ok_or_else(|| Error::Failed("the pool has no reserves".into()))?;
			let share = |reserve: u128| -> Result<u128, Error> {
				diem_primitives::math::mul_div(reserve, burn, supply.max(1))
					.ok_or_else(|| Error::Failed("share overflows".into()))
			};
			let (hash_share, asset_share) = (share(hash_reserve)?, share(asset_reserve)?);
			// The pool refuses to keep less than either asset's minimum balance
			// (`ReserveLeftLessThanMinimal`); say so before signing anything.
			let (hash_floor, asset_floor) = minimum_balances(chain, &asset).await?;
			if hash_reserve.saturating_sub(hash_share) < hash_floor
				|| asset_reserve.saturating_sub(asset_share) < asset_floor
			{
				return Err(Error::Input(format!(
					"burning {} LP tokens would leave the pool below the minimum balance of HASH \
					 or {} (the LP tokens locked in the pool at its creation are not enough to \
					 keep it); burn fewer",
					format_amount(burn),
					asset_name(&asset)
				)));
			}
			let (hash_min, asset_min) = (
				with_tolerance(hash_share, &slippage, false)?,
				with_tolerance(asset_share, &slippage, false)?,
			);
			let call = runtime::tx().asset_conversion().remove_liquidity(
				NativeOrWithId::Native,
				asset,
				burn,
				hash_min,
				asset_min,
				chain_account(&me),
			);
			let receipt = ctx.submit(&call).await?;
			let removed = receipt.events_named("AssetConversion", "LiquidityRemoved").next();
			Ok(receipt_output(
				"remove liquidity",
				&receipt,
				json!({
					"lp_burned": units_json(burn),
					"hash_received": removed.and_then(|e| e.number("amount1")).map(units_json),
					"asset_received": removed.and_then(|e| e.number("amount2")).map(units_json),
				}),
			))
		}
	}
}

type PoolInfo = runtime::runtime_types::pallet_asset_conversion::types::PoolInfo<u32>;

async fn pool_info(chain: &Chain, asset: &AssetKind) -> Result<Option<PoolInfo>, Error> {
	let at = chain.at_best().await?;
	at.storage()
		.try_fetch(
			runtime::storage().asset_conversion().pools(),
			((NativeOrWithId::Native, *asset),),
		)
		.await
		.map_err(|e| Error::Failed(format!("AssetConversion.Pools: {e}")))?
		.map(|v| v.decode())
		.transpose()
		.map_err(|e| Error::Failed(format!("AssetConversion.Pools: {e}")))
}

/// HASH's existential deposit and `asset`'s minimum balance.
async fn minimum_balances(chain: &Chain, asset: &AssetKind) -> Result<(u128, u128), Error> {
	let at = chain.at_best().await?;
	let hash_ed = at
		.constants()
		.entry(runtime::constants().balances().existential_deposit())
		.map_err(|e| Error::Failed(format!("Balances.ExistentialDeposit: {e}")))?;
	let NativeOrWithId::WithId(id) = asset else { return Ok((hash_ed, hash_ed)) };
	let details = at
		.storage()
		.try_fetch(runtime::storage().assets().asset(), (*id,))
		.await
		.map_err(|e| Error::Failed(format!("Assets.Asset: {e}")))?
		.map(|v| v.decode())
		.transpose()
		.map_err(|e| Error::Failed(format!("Assets.Asset: {e}")))?
		.ok_or_else(|| Error::Input(format!("there is no asset {id}")))?;
	Ok((hash_ed, details.min_balance))
}

async fn pool_exists(chain: &Chain, asset: &AssetKind) -> Result<bool, Error> {
	Ok(pool_info(chain, asset).await?.is_some())
}

async fn lp_supply(chain: &Chain, lp_token: u32) -> Result<u128, Error> {
	let at = chain.at_best().await?;
	Ok(at
		.storage()
		.try_fetch(runtime::storage().pool_assets().asset(), (lp_token,))
		.await
		.map_err(|e| Error::Failed(format!("PoolAssets.Asset: {e}")))?
		.map(|v| v.decode())
		.transpose()
		.map_err(|e| Error::Failed(format!("PoolAssets.Asset: {e}")))?
		.map_or(0, |details| details.supply))
}

async fn pools(ctx: &mut Ctx) -> Result<Output, Error> {
	let chain = ctx.chain().await?;
	let at = chain.at_best().await?;
	let mut entries = at
		.storage()
		.iter(runtime::storage().asset_conversion().pools(), ())
		.await
		.map_err(|e| Error::Failed(format!("AssetConversion.Pools: {e}")))?;
	let mut found = Vec::new();
	while let Some(entry) = entries.next().await {
		let entry = entry.map_err(|e| Error::Failed(format!("AssetConversion.Pools: {e}")))?;
		let ((first, second),) = entry
			.key()
			.and_then(|key| key.decode())
			.map_err(|e| Error::Failed(format!("a pool's key: {e}")))?;
		let info = entry.value().decode().map_err(|e| Error::Failed(format!("a pool: {e}")))?;
		found.push((first, second, info.lp_token));
	}
	let mut text = String::new();
	let mut rows = Vec::new();
	for (first, second, lp_token) in found {
		let reserves = chain
			.call(runtime::runtime_apis().asset_conversion_api().get_reserves(first, second))
			.await?;
		let supply = lp_supply(chain, lp_token).await?;
		let (r1, r2) = reserves.unwrap_or((0, 0));
		// The price of one unit of the second asset in the first (both have 12 decimals).
		let price =
			(r2 > 0).then(|| diem_primitives::math::mul_div(r1, 10u128.pow(12), r2)).flatten();
		text.push_str(&format!(
			"{}/{}  reserves {} / {}, price {} {} per {}, LP token {} (supply {})\n",
			asset_name(&first),
			asset_name(&second),
			format_amount(r1),
			format_amount(r2),
			price.map(format_amount).unwrap_or_else(|| "-".into()),
			asset_name(&first),
			asset_name(&second),
			lp_token,
			format_amount(supply),
		));
		rows.push(json!({
			"pool": [asset_name(&first), asset_name(&second)],
			"reserves": [units_json(r1), units_json(r2)],
			"price": price.map(units_json),
			"lp_token": lp_token,
			"lp_supply": units_json(supply),
		}));
	}
	if rows.is_empty() {
		text.push_str("no pools\n");
	}
	Ok(Output { text, json: json!({ "pools": rows }) })
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn assets_parse_by_name_or_id_and_routes_go_through_hash() {
		assert!(matches!(parse_asset("HASH"), Ok(NativeOrWithId::Native)));
		assert!(matches!(parse_asset("diem"), Ok(NativeOrWithId::WithId(100))));
		assert!(matches!(parse_asset("1000"), Ok(NativeOrWithId::WithId(1000))));
		assert!(parse_asset("doge").is_err());
		let (hash, diem, other) =
			(NativeOrWithId::Native, NativeOrWithId::WithId(100), NativeOrWithId::WithId(1000));
		assert_eq!(route(&hash, &diem).map(|p| p.len()).ok(), Some(2));
		assert_eq!(route(&diem, &other).map(|p| p.len()).ok(), Some(3));
		assert!(route(&diem, &diem).is_err());
	}

	#[test]
	fn tolerance_moves_a_quote_down_or_up() {
		assert_eq!(with_tolerance(1_000, "1", false).ok(), Some(990));
		assert_eq!(with_tolerance(1_000, "1", true).ok(), Some(1_010));
		assert_eq!(with_tolerance(999, "0.1", true).ok(), Some(1_000));
		assert_eq!(with_tolerance(999, "0.1", false).ok(), Some(999));
		assert!(with_tolerance(1_000, "101", false).is_err());
		assert!(with_tolerance(1_000, "x", false).is_err());
	}
}
